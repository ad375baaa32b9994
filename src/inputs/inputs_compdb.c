/* inputs_compdb.c - compile_commands.json (CMake, Bear, clang tooling, MSVC-derived) into
 * units. The database as a whole must be valid JSON; a bad entry only costs that entry. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"
#include "inputs_internal.h"

static char *db_path(const char *dir_or_file)
{
    struct stat st;
    if (stat(dir_or_file, &st) == 0 && S_ISDIR(st.st_mode))
        return xasprintf("%s%scompile_commands.json", dir_or_file, str_ends_with(dir_or_file, "/") ? "" : "/");
    return xstrdup(dir_or_file);
}

static char *json_error(const char *file, const char *text, const char *at)
{
    unsigned line = 1, col = 1;
    for (const char *p = text; at && p < at && *p; p++) {
        if (*p == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    return xasprintf("%s:%u:%u: invalid JSON in compile database", file, line, col);
}

/* Why entry e cannot be used, or NULL. */
static char *entry_problem(const cJSON *e)
{
    if (!cJSON_IsObject(e))
        return xstrdup("not an object");
    const cJSON *file = cJSON_GetObjectItemCaseSensitive(e, "file");
    const cJSON *dir = cJSON_GetObjectItemCaseSensitive(e, "directory");
    const cJSON *args = cJSON_GetObjectItemCaseSensitive(e, "arguments");
    const cJSON *cmd = cJSON_GetObjectItemCaseSensitive(e, "command");
    const cJSON *output = cJSON_GetObjectItemCaseSensitive(e, "output");
    if (!file)
        return xstrdup("no \"file\"");
    if (!cJSON_IsString(file) || !file->valuestring[0])
        return xstrdup("\"file\" is not a non-empty string");
    if (dir && !cJSON_IsString(dir))
        return xstrdup("\"directory\" is not a string");
    if (output && !cJSON_IsString(output))
        return xstrdup("\"output\" is not a string");
    if (!args && !cmd)
        return xstrdup("neither \"arguments\" nor \"command\"");
    if (args) {
        if (!cJSON_IsArray(args))
            return xstrdup("\"arguments\" is not an array");
        const cJSON *a;
        cJSON_ArrayForEach(a, args) if (!cJSON_IsString(a)) return xstrdup("\"arguments\" holds a non-string");
    } else if (!cJSON_IsString(cmd)) {
        return xstrdup("\"command\" is not a string");
    }
    return NULL;
}

static void add_entry(input_set *s, const cJSON *e, const char *dbdir, size_t index)
{
    const cJSON *file = cJSON_GetObjectItemCaseSensitive(e, "file");
    const cJSON *dir = cJSON_GetObjectItemCaseSensitive(e, "directory");
    const cJSON *args = cJSON_GetObjectItemCaseSensitive(e, "arguments");
    /* clang tooling requires an absolute "directory"; a relative one is read against the
     * database's folder, a missing one means that folder */
    input_unit u = {.from_compdb = true};
    u.directory = inputs_path_canonical(dbdir, dir ? dir->valuestring : ".");
    char *fpath = inputs_path_canonical(u.directory, file->valuestring);
    char *why = inputs_check_file(fpath);
    if (why) {
        inputs_add_error(s, fpath, xasprintf("%s (compile database entry %zu)", why, index));
        free(why);
        free(fpath);
        free(u.directory);
        return;
    }
    u.path = fpath;
    char **argv;
    size_t argc = 0;
    if (args) { /* "arguments" is preferred when both are present, as in clang tooling */
        argv = xcalloc((size_t)cJSON_GetArraySize(args) + 1, sizeof(char *));
        const cJSON *a;
        cJSON_ArrayForEach(a, args) argv[argc++] = xstrdup(a->valuestring);
    } else {
        argv = inputs_split_command(cJSON_GetObjectItemCaseSensitive(e, "command")->valuestring, &argc);
    }
    inputs_unit_set_args(&u, (const char *const *)argv, argc);
    inputs_free_words(argv, argc);
    inputs_add_unit(s, u);
}

int inputs_load_compdb(input_set *s, const char *dir_or_file, char **err)
{
    *err = NULL;
    char *path = db_path(dir_or_file);
    size_t len = 0;
    char *text = read_file(path, &len);
    if (!text) {
        *err = xasprintf("%s: cannot read compile database: %s", path, strerror(errno));
        free(path);
        return -1;
    }
    const char *body = text;
    if (len >= 3 && memcmp(body, "\xef\xbb\xbf", 3) == 0) /* Windows tools write a BOM */
        body += 3;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(body, len - (size_t)(body - text), &end, false);
    if (root) { /* only whitespace may follow the array */
        end += strspn(end, " \t\r\n");
        if (end < text + len) {
            cJSON_Delete(root);
            root = NULL;
        }
    }
    if (!root || !cJSON_IsArray(root)) {
        *err = root ? xasprintf("%s: a compile database is a JSON array of entries", path)
                    : json_error(path, text, end);
        cJSON_Delete(root);
        free(text);
        free(path);
        return -1;
    }
    free(text);
    char *slash = strrchr(path, '/');
    char *dbdir_raw = slash ? xstrndup(path, (size_t)(slash - path + (slash == path))) : xstrdup(".");
    char *cwd = inputs_cwd();
    char *dbdir = inputs_path_canonical(cwd, dbdir_raw);
    size_t index = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, root)
    {
        char *why = entry_problem(e);
        if (why) {
            inputs_add_error(s, path, xasprintf("entry %zu: %s", index, why));
            free(why);
        } else {
            add_entry(s, e, dbdir, index);
        }
        index++;
    }
    free(dbdir);
    free(dbdir_raw);
    free(cwd);
    cJSON_Delete(root);
    free(path);
    return 0;
}
