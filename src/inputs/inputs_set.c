/* inputs_set.c - the input set: units, errors, the final sort and deduplication, and the
 * path helpers every input kind shares. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"
#include "inputs_internal.h"

void inputs_init(input_set *s)
{
    memset(s, 0, sizeof *s);
}

void inputs_unit_free(input_unit *u)
{
    free(u->path);
    free(u->directory);
    inputs_free_words(u->args, u->nargs);
    memset(u, 0, sizeof *u);
}

void inputs_set_options(input_set *s, input_options o)
{
    s->options = o;
}

const char *input_kind_name(input_kind k)
{
    static const char *const names[] = {"WDM driver", "KMDF driver", "kernel-mode driver", "UMDF driver",
                                        "kernel-mode library", "application", "DLL", "library", "utility"};
    return (size_t)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

bool input_kind_is_driver(input_kind k)
{
    return k == INPUT_KIND_WDM || k == INPUT_KIND_KMDF || k == INPUT_KIND_DRIVER || k == INPUT_KIND_UMDF ||
           k == INPUT_KIND_KERNEL_LIB;
}

size_t inputs_add_project(input_set *s, input_project p)
{
    s->projects = xrealloc(s->projects, (s->nprojects + 1) * sizeof *s->projects);
    s->projects[s->nprojects++] = p;
    return s->nprojects;
}

void inputs_add_skipped(input_set *s, const char *path, char *why)
{
    s->skipped = xrealloc(s->skipped, (s->nskipped + 1) * sizeof *s->skipped);
    s->skipped[s->nskipped++] = (input_skipped){xstrdup(path), why};
}

void inputs_free(input_set *s)
{
    for (size_t i = 0; i < s->nunits; i++)
        inputs_unit_free(&s->units[i]);
    for (size_t i = 0; i < s->nerrors; i++) {
        free(s->errors[i].input);
        free(s->errors[i].message);
    }
    for (size_t i = 0; i < s->nprojects; i++) {
        free(s->projects[i].path);
        free(s->projects[i].configuration);
    }
    for (size_t i = 0; i < s->nskipped; i++) {
        free(s->skipped[i].path);
        free(s->skipped[i].why);
    }
    free(s->units);
    free(s->errors);
    free(s->projects);
    free(s->skipped);
    input_options o = s->options;
    memset(s, 0, sizeof *s);
    s->options = o;
}

void inputs_free_words(char **words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(words[i]);
    free(words);
}

void inputs_add_error(input_set *s, const char *input, char *message)
{
    s->errors = xrealloc(s->errors, (s->nerrors + 1) * sizeof *s->errors);
    s->errors[s->nerrors++] = (input_error){xstrdup(input), message};
}

void inputs_add_unit(input_set *s, input_unit u)
{
    if (u.from_project) { /* build files name files through links and any case: one name for each */
        char resolved[PATH_MAX];
        if (realpath(u.path, resolved)) {
            free(u.path);
            u.path = xstrdup(resolved);
        }
    }
    if (!u.args)
        u.args = xcalloc(1, sizeof(char *));
    s->units = xrealloc(s->units, (s->nunits + 1) * sizeof *s->units);
    s->units[s->nunits++] = u;
}

/* qsort is not stable; the insertion index makes "first one wins" hold. */
typedef struct ranked {
    input_unit unit;
    size_t order;
} ranked;

static int ranked_cmp(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    int c = strcmp(a->unit.path, b->unit.path);
    if (c)
        return c;
    if (a->unit.from_compdb != b->unit.from_compdb)
        return a->unit.from_compdb ? -1 : 1;
    if (a->unit.from_project != b->unit.from_project)
        return a->unit.from_project ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

void inputs_finish(input_set *s)
{
    if (s->nunits == 0)
        return;
    ranked *r = xmalloc(s->nunits * sizeof *r);
    for (size_t i = 0; i < s->nunits; i++)
        r[i] = (ranked){s->units[i], i};
    qsort(r, s->nunits, sizeof *r, ranked_cmp);
    size_t out = 0;
    for (size_t i = 0; i < s->nunits; i++) {
        if (out > 0 && strcmp(s->units[out - 1].path, r[i].unit.path) == 0) {
            inputs_unit_free(&r[i].unit);
            continue;
        }
        s->units[out++] = r[i].unit;
    }
    s->nunits = out;
    free(r);
    /* a source left out of one project but compiled by an analysed one is not left out */
    size_t kept = 0;
    for (size_t i = 0; i < s->nskipped; i++) {
        bool dup = false;
        for (size_t k = 0; k < kept && !dup; k++)
            dup = strcmp(s->skipped[k].path, s->skipped[i].path) == 0;
        for (size_t k = 0; k < s->nunits && !dup; k++)
            dup = strcmp(s->units[k].path, s->skipped[i].path) == 0;
        if (dup) {
            free(s->skipped[i].path);
            free(s->skipped[i].why);
        } else {
            s->skipped[kept++] = s->skipped[i];
        }
    }
    s->nskipped = kept;
}

bool inputs_suffix_is(const char *path, const char *suffix)
{
    size_t n = strlen(path), k = strlen(suffix);
    return n >= k && strcasecmp(path + n - k, suffix) == 0;
}

bool inputs_is_cxx_name(const char *path)
{
    static const char *const cxx[] = {".cpp", ".cc", ".cxx", ".c++", ".hpp", ".hh", ".hxx", ".h++"};
    for (size_t i = 0; i < sizeof cxx / sizeof cxx[0]; i++)
        if (inputs_suffix_is(path, cxx[i]))
            return true;
    return false;
}

bool inputs_path_is_absolute(const char *p)
{
    if (p[0] == '/' || p[0] == '\\')
        return true;
    /* a Windows drive path, from a database written on Windows */
    return ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) && p[1] == ':' &&
           (p[2] == '/' || p[2] == '\\');
}

/* Resolves "." and ".." lexically; a ".." above the root stays at the root. Caller frees. */
static char *clean(const char *p)
{
    size_t root = 0;
    if (p[0] == '/')
        root = (p[1] == '/' && p[2] != '/') ? 2 : 1; /* //server/share keeps its two slashes */
    else if (inputs_path_is_absolute(p))
        root = 3; /* C:/ */
    strbuf out = {0};
    sb_appendn(&out, p, root);
    VEC(size_t) marks = {0}; /* out.len before each kept segment, for ".." */
    for (const char *in = p + root; *in;) {
        size_t n = strcspn(in, "/");
        if (n == 0 || (n == 1 && in[0] == '.')) {
            /* empty or "." segment */
        } else if (n == 2 && in[0] == '.' && in[1] == '.') {
            if (marks.len > 0) {
                out.len = marks.items[--marks.len];
                out.buf[out.len] = '\0';
            } else if (root == 0) {
                sb_append(&out, "../"); /* relative: a leading ".." stays */
            }
        } else {
            VEC_PUSH(&marks, out.len);
            sb_appendn(&out, in, n);
            sb_putc(&out, '/');
        }
        in += n;
        if (*in == '/')
            in++;
    }
    free(marks.items);
    if (out.len > root && out.buf[out.len - 1] == '/')
        out.buf[--out.len] = '\0';
    if (out.len == 0)
        sb_putc(&out, '.');
    return sb_take(&out);
}

char *inputs_path_join(const char *dir, const char *path)
{
    char *p = (!dir || inputs_path_is_absolute(path)) ? xstrdup(path) : xasprintf("%s/%s", dir, path);
    for (char *c = p; *c; c++)
        if (*c == '\\')
            *c = '/';
    char *cleaned = clean(p);
    free(p);
    return cleaned;
}

char *inputs_path_canonical(const char *dir, const char *path)
{
    char *joined = inputs_path_join(dir, path);
    char resolved[PATH_MAX];
    if (realpath(joined, resolved)) {
        free(joined);
        return xstrdup(resolved);
    }
    return joined;
}

char *inputs_cwd(void)
{
    char buf[PATH_MAX];
    return xstrdup(getcwd(buf, sizeof buf) ? buf : "/");
}

char *inputs_check_file(const char *resolved)
{
    struct stat st;
    if (stat(resolved, &st) != 0)
        return xstrdup(strerror(errno));
    if (S_ISDIR(st.st_mode))
        return xstrdup("is a directory");
    if (!S_ISREG(st.st_mode))
        return xstrdup("not a regular file");
    if (access(resolved, R_OK) != 0)
        return xasprintf("cannot read: %s", strerror(errno));
    return NULL;
}
