/* fe_prelude_scan.c - which system headers a unit includes before any code of its own.
 *
 * A precompiled prelude (fe_prelude.c) may stand in for exactly those headers: they come first,
 * nothing of the unit can change how they read, and the unit's own #include of them is then a
 * no-op (include guards). So the scan is conservative: it follows the unit's local headers
 * (quoted includes found next to the includer or in -I folders) through include guards and
 * keeps #include <system header>, #define and #undef lines in their order; it stops at the
 * first line that is none of these, an inert #pragma or a comment: an #if, #pragma pack, code,
 * or a local header it cannot find. No libclang here. */
#include "fe_prelude.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "drvtaint/util.h"

/* Local headers followed at most this deep, and files opened in all. */
#define SCAN_MAX_DEPTH 8
#define SCAN_MAX_FILES 64

typedef struct scan {
    const char *const *user_dirs;   /* -I: headers there are the project's, followed */
    size_t nuser;
    const char *const *system_dirs; /* -isystem / the shim: headers there go into the prelude */
    size_t nsystem;
    VEC(char *) visited; /* local headers already read: a second include adds nothing */
    size_t opened;
    fe_prelude_list *out;
    bool stopped;
} scan;

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *find_in(const char *const *dirs, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        char *p = xasprintf("%s/%s", dirs[i], name);
        if (is_file(p))
            return p;
        free(p);
    }
    return NULL;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
}

/* Skips blanks and comments from *p on the current logical line; a block comment may span
 * lines. Returns false at the end of the text. */
static const char *skip_space(const char *p, const char *end)
{
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v'))
            p++;
        if (p + 1 < end && p[0] == '/' && p[1] == '*') {
            const char *close = p + 2;
            while (close + 1 < end && !(close[0] == '*' && close[1] == '/'))
                close++;
            p = close + 1 < end ? close + 2 : end;
            continue;
        }
        if (p < end && p[0] == '\\' && p + 1 < end && (p[1] == '\n' || p[1] == '\r')) {
            p += p[1] == '\r' && p + 2 < end && p[2] == '\n' ? 3 : 2;
            continue;
        }
        return p;
    }
}

static const char *next_line(const char *p, const char *end)
{
    while (p < end && *p != '\n')
        p++;
    return p < end ? p + 1 : end;
}

static bool word_is(const char *p, const char *end, const char *w, const char **after)
{
    size_t n = strlen(w);
    if ((size_t)(end - p) < n || memcmp(p, w, n) != 0)
        return false;
    if (p + n < end && (isalnum((unsigned char)p[n]) || p[n] == '_'))
        return false;
    *after = p + n;
    return true;
}

static const char *read_ident(const char *p, const char *end, char *buf, size_t cap)
{
    size_t n = 0;
    while (p < end && (isalnum((unsigned char)*p) || *p == '_')) {
        if (n + 1 < cap)
            buf[n++] = *p;
        p++;
    }
    buf[n] = '\0';
    return p;
}

static void scan_file(scan *s, const char *path, int depth);

/* Pragmas that change nothing a later header reads: once, MSVC warnings, linker comments,
 * messages. #pragma pack does (struct layout) and ends the prelude. */
static bool pragma_is_inert(const char *p, const char *end)
{
    const char *after;
    return word_is(p, end, "once", &after) || word_is(p, end, "warning", &after) ||
           word_is(p, end, "comment", &after) || word_is(p, end, "message", &after);
}

/* One #include line: returns false when the prefix ends here. */
static bool take_include(scan *s, const char *p, const char *end, const char *includer_dir, int depth)
{
    char close;
    if (p < end && *p == '<')
        close = '>';
    else if (p < end && *p == '"')
        close = '"';
    else
        return false; /* a macro include */
    const char *name = ++p;
    while (p < end && *p != close && *p != '\n')
        p++;
    if (p >= end || *p != close || p == name)
        return false;
    char *header = xstrndup(name, (size_t)(p - name));
    bool ok = false;
    char *local = NULL;
    if (close == '"') {
        local = xasprintf("%s/%s", includer_dir, header);
        if (!is_file(local)) {
            free(local);
            local = NULL;
        }
    }
    if (!local)
        local = find_in(s->user_dirs, s->nuser, header);
    if (local) {
        /* the project's own header: read on, it may hold the system includes */
        scan_file(s, local, depth + 1);
        ok = !s->stopped;
        free(local);
    } else {
        char *sys = find_in(s->system_dirs, s->nsystem, header);
        if (sys) {
            VEC_PUSH(s->out, xasprintf("#include <%s>", header));
            ok = true;
        }
        /* a header not found as written may still be found by the Windows include rules or the
         * repository search (fe_include.c), with content of the project's: the prelude ends */
        free(sys);
    }
    free(header);
    return ok;
}

static void scan_text(scan *s, const char *text, size_t len, const char *dir, int depth)
{
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    char guard[256] = "";
    bool guard_open = false, first_directive = true;
    while (p < end && !s->stopped) {
        p = skip_space(p, end);
        if (p >= end)
            break;
        if (*p == '\n') {
            p++;
            continue;
        }
        if (p + 1 < end && p[0] == '/' && p[1] == '/') {
            p = next_line(p, end);
            continue;
        }
        if (*p != '#') {
            s->stopped = true; /* code of the unit's own */
            break;
        }
        p = skip_space(p + 1, end);
        const char *after;
        bool was_first = first_directive;
        first_directive = false;
        if (word_is(p, end, "include", &after)) {
            if (!take_include(s, skip_space(after, end), end, dir, depth))
                s->stopped = true;
        } else if (word_is(p, end, "pragma", &after) && pragma_is_inert(skip_space(after, end), end)) {
            first_directive = was_first;
        } else if (was_first && word_is(p, end, "ifndef", &after)) {
            /* an include guard: "#ifndef X" followed by "#define X" */
            read_ident(skip_space(after, end), end, guard, sizeof guard);
            const char *q = skip_space(next_line(after, end), end);
            while (q < end && (*q == '\n' || (q + 1 < end && q[0] == '/' && q[1] == '/'))) {
                q = *q == '\n' ? q + 1 : next_line(q, end);
                q = skip_space(q, end);
            }
            char defined[256] = "";
            if (guard[0] && q < end && *q == '#' && word_is(skip_space(q + 1, end), end, "define", &after))
                read_ident(skip_space(after, end), end, defined, sizeof defined);
            if (guard[0] && strcmp(defined, guard) == 0) {
                guard_open = true;
                first_directive = true; /* what follows the guard is the header's start */
                p = q;
            } else {
                s->stopped = true;
            }
        } else if (word_is(p, end, "define", &after) || word_is(p, end, "undef", &after)) {
            /* "#define INITGUID" before <ntddk.h>: it goes into the prelude too, in its place */
            const char *eol = p;
            while (eol < end && *eol != '\n' && *eol != '\r' && !(eol + 1 < end && eol[0] == '/' && (eol[1] == '/' || eol[1] == '*')))
                eol++;
            const char *last = eol;
            while (last > p && (last[-1] == ' ' || last[-1] == '\t'))
                last--;
            if (last > p && last[-1] == '\\')
                s->stopped = true; /* continued on the next line */
            else
                VEC_PUSH(s->out, xasprintf("#%.*s", (int)(last - p), p));
        } else if (guard_open && word_is(p, end, "endif", &after)) {
            guard_open = false;
        } else {
            s->stopped = true;
        }
        p = next_line(p, end);
    }
}

static void scan_file(scan *s, const char *path, int depth)
{
    char real[4096];
    if (depth > SCAN_MAX_DEPTH || s->opened >= SCAN_MAX_FILES || !realpath(path, real)) {
        s->stopped = true;
        return;
    }
    for (size_t i = 0; i < s->visited.len; i++)
        if (strcmp(s->visited.items[i], real) == 0)
            return; /* read before: guarded or empty of anything new */
    VEC_PUSH(&s->visited, xstrdup(real));
    s->opened++;
    size_t len;
    const char *encoding;
    char *text = read_source_file(real, &len, &encoding);
    if (!text || encoding || memchr(text, '\0', len)) { /* unreadable, UTF-16, binary */
        free(text);
        s->stopped = true;
        return;
    }
    char *dir = dir_of(real);
    scan_text(s, text, len, dir, depth);
    free(dir);
    free(text);
}

void fe_prelude_scan(const char *path, const char *const *user_dirs, size_t nuser, const char *const *system_dirs,
                     size_t nsystem, fe_prelude_list *out)
{
    size_t start = out->len;
    scan s = {.user_dirs = user_dirs, .nuser = nuser, .system_dirs = system_dirs, .nsystem = nsystem, .out = out};
    scan_file(&s, path, 0);
    /* macros after the last system header change nothing in the prelude, and would give each
     * unit a prelude of its own (its IOCTL codes, its pool tag) */
    while (out->len > start && strncmp(out->items[out->len - 1], "#include", 8) != 0)
        free(out->items[--out->len]);
    for (size_t i = 0; i < s.visited.len; i++)
        free(s.visited.items[i]);
    free(s.visited.items);
}

void fe_prelude_list_free(fe_prelude_list *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}
