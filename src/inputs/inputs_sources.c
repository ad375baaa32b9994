/* inputs_sources.c - the WDK's legacy build files: a `sources` file names a target
 * (TARGETTYPE), its C files (SOURCES), include folders (INCLUDES) and defines (C_DEFINES).
 * Variables are make-style: NAME=value, $(NAME), a trailing backslash continues a line, '#'
 * starts a comment, '!' lines are nmake directives (not followed). A `dirs` file only lists
 * folders, which the directory walk visits anyway. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"
#include "inputs_internal.h"
#include "inputs_msbuild_expr.h"

/* The file's logical lines: continuations joined, comments removed. */
static void read_assignments(char *text, mb_props *vars)
{
    strbuf line = {0};
    for (char *p = text; p && *p;) {
        char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        bool more = n && p[n - 1] == '\\';
        char *hash = memchr(p, '#', n);
        size_t keep = hash ? (size_t)(hash - p) : (more ? n - 1 : n);
        sb_appendn(&line, p, keep);
        sb_putc(&line, ' ');
        p = eol ? eol + 1 : NULL;
        if (more && !hash && p)
            continue;
        char *l = line.buf;
        while (isspace((unsigned char)*l))
            l++;
        char *eq = strchr(l, '=');
        if (*l != '!' && eq) {
            char *name_end = eq;
            while (name_end > l && isspace((unsigned char)name_end[-1]))
                name_end--;
            char *name = xstrndup(l, (size_t)(name_end - l));
            char *value = mb_expand(eq + 1, vars, NULL);
            if (*name && !strpbrk(name, " \t"))
                mb_set(vars, name, value);
            free(name);
            free(value);
        }
        line.len = 0;
        line.buf[0] = '\0';
    }
    sb_free(&line);
}

/* Splits on white space (SOURCES) or also on ';' (INCLUDES); drops words built on unknown
 * variables ($(DDK_INC_PATH)...): the shim stands in for them. */
static char **words_of(const char *value, const char *seps, size_t *n)
{
    VEC(char *) out = {0};
    for (const char *s = value; *s;) {
        size_t k = strcspn(s, seps);
        if (k && !memchr(s, MB_UNDEFINED, k))
            VEC_PUSH(&out, xstrndup(s, k));
        s += k;
        if (*s)
            s++;
    }
    *n = out.len;
    if (!out.items)
        out.items = xcalloc(1, sizeof(char *));
    return out.items;
}

static input_kind kind_of(const mb_props *vars)
{
    const char *t = mb_get(vars, "TARGETTYPE");
    char *type = t ? xstrdup(t) : xstrdup("");
    char *a = type;
    while (isspace((unsigned char)*a))
        a++;
    size_t n = strcspn(a, " \t");
    a[n] = '\0';
    bool umdf = mb_get(vars, "UMDF_VERSION") || mb_get(vars, "UMDF_VERSION_MAJOR");
    input_kind k = INPUT_KIND_OTHER;
    if (!strcasecmp(a, "DRIVER") || !strcasecmp(a, "EXPORT_DRIVER") || !strcasecmp(a, "MINIPORT") ||
        !strcasecmp(a, "GDI_DRIVER"))
        k = mb_get(vars, "KMDF_VERSION_MAJOR") || mb_get(vars, "KMDF_VERSION") ? INPUT_KIND_KMDF : INPUT_KIND_WDM;
    else if (!strcasecmp(a, "DRIVER_LIBRARY"))
        k = INPUT_KIND_KERNEL_LIB;
    else if (!strcasecmp(a, "DYNLINK"))
        k = umdf ? INPUT_KIND_UMDF : INPUT_KIND_DLL;
    else if (!strcasecmp(a, "PROGRAM") || !strcasecmp(a, "PROGLIB") || !strcasecmp(a, "UMAPPL_NOLIB"))
        k = INPUT_KIND_APPLICATION;
    else if (!strcasecmp(a, "LIBRARY"))
        k = INPUT_KIND_LIBRARY;
    free(type);
    return k;
}

static bool is_compiled(const char *name)
{
    return inputs_suffix_is(name, ".c") || inputs_suffix_is(name, ".cpp") || inputs_suffix_is(name, ".cc") ||
           inputs_suffix_is(name, ".cxx");
}

void inputs_add_sources_file(input_set *s, const char *path)
{
    size_t len = 0;
    const char *enc = NULL;
    char *text = read_source_file(path, &len, &enc);
    if (!text) {
        inputs_add_error(s, path, xstrdup("cannot read"));
        return;
    }
    mb_props vars = {0};
    read_assignments(text, &vars);
    free(text);
    const char *slash = strrchr(path, '/');
    char *dir = xstrndup(path, slash ? (size_t)(slash - path) : 0);
    input_kind kind = kind_of(&vars);
    bool analysed = input_kind_is_driver(kind) || s->options.all_projects;
    size_t project = inputs_add_project(s, (input_project){.path = xstrdup(path), .kind = kind, .analysed = analysed});

    VEC(char *) argv = {0};
    VEC_PUSH(&argv, xstrdup("clang"));
    size_t n = 0;
    char **incs = words_of(mb_get(&vars, "INCLUDES") ? mb_get(&vars, "INCLUDES") : "", "; \t", &n);
    for (size_t i = 0; i < n; i++) {
        bool found = false;
        VEC_PUSH(&argv, xstrdup("-I"));
        VEC_PUSH(&argv, inputs_path_resolve_ci(dir, incs[i], &found));
    }
    inputs_free_words(incs, n);
    const char *cdefs = mb_get(&vars, "C_DEFINES");
    char **defs = words_of(cdefs ? cdefs : "", " \t", &n);
    for (size_t i = 0; i < n; i++)
        if ((defs[i][0] == '-' || defs[i][0] == '/') && (defs[i][1] == 'D' || defs[i][1] == 'U') && defs[i][2]) {
            VEC_PUSH(&argv, xasprintf("-%c", defs[i][1]));
            VEC_PUSH(&argv, xstrdup(defs[i] + 2));
        }
    inputs_free_words(defs, n);

    const char *srcs = mb_get(&vars, "SOURCES");
    char **files = words_of(srcs ? srcs : "", " \t", &n);
    for (size_t i = 0; i < n; i++) {
        if (!is_compiled(files[i]))
            continue; /* .rc, .mc, .idl */
        bool found = false;
        char *file = inputs_path_resolve_ci(dir, files[i], &found);
        s->projects[project - 1].nsources++;
        if (!analysed) {
            inputs_add_skipped(s, file, xasprintf("%s project", input_kind_name(kind)));
        } else if (!found) {
            inputs_add_error(s, file, xasprintf("No such file or directory (SOURCES of %s)", path));
        } else {
            input_unit u = {.path = file, .directory = xstrdup(dir), .from_project = true, .project = project};
            file = NULL;
            inputs_unit_set_args(&u, (const char *const *)argv.items, argv.len);
            inputs_add_unit(s, u);
        }
        free(file);
    }
    inputs_free_words(files, n);
    inputs_free_words(argv.items, argv.len);
    mb_props_free(&vars);
    free(dir);
}
