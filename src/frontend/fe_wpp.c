/* fe_wpp.c - stand in for a generated WPP trace header (*.tmh).
 *
 * The WPP preprocessor (tracewpp.exe) writes foo.tmh at build time; it defines the trace
 * functions that the driver's trace header names in its "begin_wpp config" comment block
 * ("// FUNC TraceEvents(LEVEL, FLAGS, MSG, ...);") and the flag bits of WPP_CONTROL_GUIDS
 * (WPP_DEFINE_BIT(TRACE_DRIVER)). No tree ships it, so without this every trace call and flag
 * is an unknown name for recovery to guess at. We read those blocks and declare the functions
 * as taking anything, the bits as constants, and WPP_INIT_TRACING, WPP_CLEANUP and
 * DoTraceMessage, which every .tmh provides. */
#include "fe_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef VEC(char *) name_vec;

static bool is_ident(int c)
{
    return isalnum(c) || c == '_';
}

static void add_unique(name_vec *v, const char *s, size_t n)
{
    for (size_t i = 0; i < v->len; i++)
        if (strlen(v->items[i]) == n && strncmp(v->items[i], s, n) == 0)
            return;
    VEC_PUSH(v, xstrndup(s, n));
}

/* FUNC names inside begin_wpp config ... end_wpp blocks, and WPP_DEFINE_BIT names anywhere. */
static bool scan_text(const char *text, name_vec *funcs, name_vec *bits)
{
    bool any = false;
    for (const char *b = strstr(text, "begin_wpp config"); b; b = strstr(b, "begin_wpp config")) {
        const char *end = strstr(b, "end_wpp");
        if (!end)
            end = b + strlen(b);
        any = true;
        for (const char *p = b; p < end; p++) {
            if (strncmp(p, "FUNC", 4) != 0 || (p > text && is_ident((unsigned char)p[-1])) || !isspace((unsigned char)p[4]))
                continue;
            const char *q = p + 4;
            while (q < end && isspace((unsigned char)*q) && *q != '\n')
                q++;
            const char *name = q;
            while (q < end && is_ident((unsigned char)*q))
                q++;
            if (q > name && !isdigit((unsigned char)*name))
                add_unique(funcs, name, (size_t)(q - name));
            p = q;
        }
        b = end;
    }
    if (!any)
        return false;
    for (const char *p = strstr(text, "WPP_DEFINE_BIT"); p; p = strstr(p + 1, "WPP_DEFINE_BIT")) {
        const char *q = p + 14;
        while (isspace((unsigned char)*q))
            q++;
        if (*q != '(')
            continue;
        q++;
        while (isspace((unsigned char)*q))
            q++;
        const char *name = q;
        while (is_ident((unsigned char)*q))
            q++;
        if (q > name && !isdigit((unsigned char)*name))
            add_unique(bits, name, (size_t)(q - name));
    }
    return true;
}

static bool header_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 2 && strcasecmp(name + n - 2, ".h") == 0) || (n > 4 && strcasecmp(name + n - 4, ".hpp") == 0);
}

/* Scans the headers of dir; returns the first that had a config block (caller frees), or NULL. */
static char *scan_dir(fe_includes *c, const char *dir, name_vec *funcs, name_vec *bits)
{
    char *found = NULL;
    size_t n = fe_includes_count(c, dir);
    for (size_t i = 0; i < n; i++) {
        bool is_dir;
        const char *name = fe_includes_entry(c, dir, i, &is_dir);
        if (is_dir || !header_name(name))
            continue;
        char *path = xasprintf("%s/%s", dir, name);
        size_t len;
        char *text = read_file(path, &len);
        if (text && scan_text(text, funcs, bits) && !found) {
            found = path;
            path = NULL;
        }
        free(text);
        free(path);
    }
    return found;
}

char *fe_wpp_declarations(fe_includes *c, const char *from, const char *const *dirs, size_t ndirs, bool is_cxx,
                          char **source)
{
    name_vec funcs = {0}, bits = {0};
    *source = NULL;
    /* the including file's folder and up to three above it (a driver's shared inc/ is usually a
     * sibling reached through -I, which dirs covers) */
    char *dir = path_dir(from);
    for (int up = 0; up < 4 && !*source; up++) {
        *source = scan_dir(c, dir, &funcs, &bits);
        bool top = fe_includes_is_repo_root(c, dir);
        char *slash = strrchr(dir, '/');
        if (top || !slash || slash == dir)
            break;
        *slash = '\0';
    }
    free(dir);
    for (size_t i = 0; i < ndirs && !*source; i++)
        *source = scan_dir(c, dirs[i], &funcs, &bits);
    strbuf t = {0};
    sb_printf(&t, "/* drvtaint: stands in for a generated WPP trace header; declarations from %s */\n",
              *source ? *source : "WPP's defaults");
    sb_append(&t, "#ifndef DRVTAINT_WPP_DECLARED\n#define DRVTAINT_WPP_DECLARED\n");
    /* the levels of evntrace.h, which a .tmh brings in (values from the public documentation) */
    static const char *const levels[] = {"NONE", "CRITICAL", "ERROR", "WARNING", "INFORMATION", "VERBOSE"};
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
        sb_printf(&t, "#ifndef TRACE_LEVEL_%s\n#define TRACE_LEVEL_%s %zu\n#endif\n", levels[i], levels[i], i);
    sb_append(&t, "#ifndef TRACE_LEVEL_FATAL\n#define TRACE_LEVEL_FATAL 1\n#endif\n");
    static const char *const always[] = {"WPP_INIT_TRACING", "WPP_CLEANUP", "DoTraceMessage"};
    for (size_t i = 0; i < sizeof always / sizeof always[0]; i++)
        add_unique(&funcs, always[i], strlen(always[i]));
    for (size_t i = 0; i < funcs.len; i++) {
        sb_printf(&t, "#ifndef %s\n%s %s(%s);\n#endif\n", funcs.items[i], is_cxx ? "extern \"C\" void" : "void",
                  funcs.items[i], is_cxx ? "..." : "");
        free(funcs.items[i]);
    }
    for (size_t i = 0; i < bits.len; i++) {
        sb_printf(&t, "#ifndef %s\nenum { %s = %zu };\n#endif\n", bits.items[i], bits.items[i], i + 1);
        free(bits.items[i]);
    }
    sb_append(&t, "#endif\n");
    free(funcs.items);
    free(bits.items);
    return sb_take(&t);
}
