/* inputs_compdb.c - read compile_commands.json (bear, CMake, clang tooling, MSVC-style
 * commands) and keep the flags that change what a parse sees. */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"
#include "inputs_internal.h"

typedef VEC(char *) str_vec;

static bool is_cl_driver(const char *cmd)
{
    size_t n = strcspn(cmd, " \t");
    char *first = xstrndup(cmd, n);
    for (char *p = first; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    const char *base = strrchr(first, '/');
    const char *bs = strrchr(first, '\\');
    if (!base || (bs && bs > base))
        base = bs;
    base = base ? base + 1 : first;
    bool cl = strcmp(base, "cl") == 0 || strcmp(base, "cl.exe") == 0 || strcmp(base, "clang-cl") == 0 ||
              strcmp(base, "clang-cl.exe") == 0;
    free(first);
    return cl;
}

char **inputs_split_command(const char *cmd, size_t *n)
{
    bool windows = is_cl_driver(cmd); /* cl.exe commands keep their backslashes */
    str_vec words = {0};
    strbuf cur = {0};
    bool in_word = false;
    for (const char *p = cmd; *p; p++) {
        char c = *p;
        if (!windows && c == '\\' && p[1]) {
            sb_putc(&cur, *++p);
            in_word = true;
        } else if (!windows && c == '\'') {
            in_word = true;
            for (p++; *p && *p != '\''; p++)
                sb_putc(&cur, *p);
            if (!*p)
                break;
        } else if (c == '"') {
            in_word = true;
            for (p++; *p && *p != '"'; p++) {
                if (!windows && *p == '\\' && (p[1] == '"' || p[1] == '\\'))
                    p++;
                sb_putc(&cur, *p);
            }
            if (!*p)
                break;
        } else if (isspace((unsigned char)c)) {
            if (in_word) {
                VEC_PUSH(&words, sb_take(&cur));
                in_word = false;
            }
        } else {
            sb_putc(&cur, c);
            in_word = true;
        }
    }
    if (in_word)
        VEC_PUSH(&words, sb_take(&cur));
    sb_free(&cur);
    *n = words.len;
    if (!words.items)
        words.items = xcalloc(1, sizeof(char *));
    return words.items;
}

static char *absolute(const char *dir, const char *path)
{
    char *p = xstrdup(path);
    for (char *c = p; *c; c++)
        if (*c == '\\')
            *c = '/';
    if (p[0] == '/' || !dir)
        return p;
    char *joined = xasprintf("%s/%s", dir, p);
    free(p);
    return joined;
}

/* Flag with its value: "-Ifoo", "-I foo", "/Ifoo", "/I foo". Returns the value or NULL. */
static const char *flag_value(char **argv, size_t argc, size_t *i, const char *dash, const char *slash)
{
    const char *a = argv[*i];
    for (int k = 0; k < 2; k++) {
        const char *f = k == 0 ? dash : slash;
        if (!f)
            continue;
        size_t n = strlen(f);
        if (strncmp(a, f, n) != 0)
            continue;
        if (a[n])
            return a + n;
        if (*i + 1 < argc)
            return argv[++*i];
        return NULL;
    }
    return NULL;
}

static void keep_flags(input_unit *u, char **argv, size_t argc, const char *file)
{
    str_vec out = {0};
    for (size_t i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v;
        if (strcmp(a, "-o") == 0 || strcmp(a, "-MF") == 0 || strcmp(a, "-MT") == 0 || strcmp(a, "-MQ") == 0) {
            i++; /* output names mean nothing to a parse */
        } else if ((v = flag_value(argv, argc, &i, "-isystem", NULL))) {
            VEC_PUSH(&out, xstrdup("-isystem"));
            VEC_PUSH(&out, absolute(u->directory, v));
        } else if ((v = flag_value(argv, argc, &i, "-iquote", NULL))) {
            VEC_PUSH(&out, xstrdup("-iquote"));
            VEC_PUSH(&out, absolute(u->directory, v));
        } else if ((v = flag_value(argv, argc, &i, "-idirafter", NULL))) {
            VEC_PUSH(&out, xstrdup("-idirafter"));
            VEC_PUSH(&out, absolute(u->directory, v));
        } else if ((v = flag_value(argv, argc, &i, "-include", "/FI"))) {
            VEC_PUSH(&out, xstrdup("-include"));
            VEC_PUSH(&out, absolute(u->directory, v));
        } else if (strncmp(a, "-I", 2) == 0 || strncmp(a, "/I", 2) == 0) {
            v = flag_value(argv, argc, &i, "-I", "/I");
            if (v) {
                char *dir = absolute(u->directory, v);
                VEC_PUSH(&out, xasprintf("-I%s", dir));
                free(dir);
            }
        } else if (strncmp(a, "-D", 2) == 0 || strncmp(a, "/D", 2) == 0) {
            v = flag_value(argv, argc, &i, "-D", "/D");
            if (v)
                VEC_PUSH(&out, xasprintf("-D%s", v));
        } else if (strncmp(a, "-U", 2) == 0 || strncmp(a, "/U", 2) == 0) {
            v = flag_value(argv, argc, &i, "-U", "/U");
            if (v)
                VEC_PUSH(&out, xasprintf("-U%s", v));
        } else if (strncmp(a, "-std=", 5) == 0) {
            VEC_PUSH(&out, xstrdup(a));
            u->is_cxx = strstr(a, "++") != NULL;
        } else if (strncmp(a, "/std:", 5) == 0) {
            VEC_PUSH(&out, xasprintf("-std=%s", a + 5));
            u->is_cxx = strstr(a, "++") != NULL;
        } else if ((v = flag_value(argv, argc, &i, "-x", NULL))) {
            u->is_cxx = strncmp(v, "c++", 3) == 0;
        } else if (strcmp(a, "/TP") == 0) {
            u->is_cxx = true;
        } else if (strcmp(a, "/TC") == 0) {
            u->is_cxx = false;
        }
        /* everything else (warnings, optimisation, target, codegen, the file) is dropped */
    }
    (void)file;
    u->args = out.items ? out.items : xcalloc(1, sizeof(char *));
    u->nargs = out.len;
}

static char *db_path(const char *dir_or_file)
{
    struct stat st;
    if (stat(dir_or_file, &st) == 0 && S_ISDIR(st.st_mode))
        return xasprintf("%s/compile_commands.json", dir_or_file);
    return xstrdup(dir_or_file);
}

static char *json_error(const char *file, const char *text)
{
    const char *at = cJSON_GetErrorPtr();
    unsigned line = 1, col = 1;
    if (at && at >= text)
        for (const char *p = text; p < at && *p; p++) {
            if (*p == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
    return xasprintf("%s:%u:%u: invalid JSON in compile database", file, line, col);
}

int inputs_load_compdb(input_set *s, const char *dir_or_file, char **err)
{
    char *path = db_path(dir_or_file);
    char *text = read_file(path, NULL);
    if (!text) {
        *err = xasprintf("%s: cannot read compile database: %s", path, strerror(errno));
        free(path);
        return -1;
    }
    cJSON *root = cJSON_Parse(text);
    if (!root || !cJSON_IsArray(root)) {
        *err = root ? xasprintf("%s: a compile database is a JSON array of entries", path) : json_error(path, text);
        cJSON_Delete(root);
        free(text);
        free(path);
        return -1;
    }
    free(text);
    char dbdir[PATH_MAX];
    char *slash = strrchr(path, '/');
    if (slash) {
        snprintf(dbdir, sizeof dbdir, "%.*s", (int)(slash - path), path);
    } else if (!getcwd(dbdir, sizeof dbdir)) {
        strcpy(dbdir, ".");
    }
    size_t index = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, root)
    {
        char *where = xasprintf("%s: entry %zu", path, index++);
        const cJSON *file = cJSON_GetObjectItemCaseSensitive(e, "file");
        const cJSON *dir = cJSON_GetObjectItemCaseSensitive(e, "directory");
        const cJSON *args = cJSON_GetObjectItemCaseSensitive(e, "arguments");
        const cJSON *cmd = cJSON_GetObjectItemCaseSensitive(e, "command");
        if (!cJSON_IsObject(e) || !cJSON_IsString(file) || (dir && !cJSON_IsString(dir)) ||
            (!cJSON_IsArray(args) && !cJSON_IsString(cmd))) {
            inputs_add_error(s, where, xstrdup("needs \"file\" (string), \"directory\" (string) and "
                                               "\"arguments\" (array) or \"command\" (string)"));
            free(where);
            continue;
        }
        input_unit u = {.from_compdb = true};
        u.directory = absolute(dbdir, dir ? dir->valuestring : ".");
        char *fpath = absolute(u.directory, file->valuestring);
        char resolved[PATH_MAX];
        if (!realpath(fpath, resolved)) {
            inputs_add_error(s, fpath, xstrdup(strerror(errno)));
            free(fpath);
            free(u.directory);
            free(where);
            continue;
        }
        free(fpath);
        u.path = xstrdup(resolved);
        u.is_cxx = inputs_is_cxx_name(resolved);
        char **argv;
        size_t argc = 0;
        if (cJSON_IsArray(args)) {
            argv = xcalloc((size_t)cJSON_GetArraySize(args) + 1, sizeof(char *));
            const cJSON *a;
            cJSON_ArrayForEach(a, args) argv[argc++] = xstrdup(cJSON_IsString(a) ? a->valuestring : "");
        } else {
            argv = inputs_split_command(cmd->valuestring, &argc);
        }
        keep_flags(&u, argv, argc, u.path);
        for (size_t i = 0; i < argc; i++)
            free(argv[i]);
        free(argv);
        inputs_add_unit(s, u);
        free(where);
    }
    cJSON_Delete(root);
    free(path);
    return 0;
}
