/* inputs_paths.c - files and directories given on the command line. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
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
    for (size_t i = 0; i < u->nargs; i++)
        free(u->args[i]);
    free(u->args);
}

void inputs_free(input_set *s)
{
    for (size_t i = 0; i < s->nunits; i++)
        inputs_unit_free(&s->units[i]);
    for (size_t i = 0; i < s->nerrors; i++) {
        free(s->errors[i].input);
        free(s->errors[i].message);
    }
    free(s->units);
    free(s->errors);
    memset(s, 0, sizeof *s);
}

void inputs_add_error(input_set *s, const char *input, char *message)
{
    s->errors = xrealloc(s->errors, (s->nerrors + 1) * sizeof *s->errors);
    s->errors[s->nerrors++] = (input_error){xstrdup(input), message};
}

void inputs_add_unit(input_set *s, input_unit u)
{
    s->units = xrealloc(s->units, (s->nunits + 1) * sizeof *s->units);
    s->units[s->nunits++] = u;
}

static bool suffix_is(const char *path, const char *suffix)
{
    size_t n = strlen(path), k = strlen(suffix);
    return n >= k && strcasecmp(path + n - k, suffix) == 0;
}

bool inputs_is_cxx_name(const char *path)
{
    return suffix_is(path, ".cpp") || suffix_is(path, ".cc") || suffix_is(path, ".cxx") || suffix_is(path, ".hpp");
}

static bool is_source_name(const char *path)
{
    return suffix_is(path, ".c") || suffix_is(path, ".cpp") || suffix_is(path, ".cc") || suffix_is(path, ".cxx");
}

static void add_file(input_set *s, const char *path)
{
    char resolved[PATH_MAX];
    if (!realpath(path, resolved)) {
        inputs_add_error(s, path, xstrdup(strerror(errno)));
        return;
    }
    if (access(resolved, R_OK) != 0) {
        inputs_add_error(s, path, xasprintf("cannot read: %s", strerror(errno)));
        return;
    }
    input_unit u = {.path = xstrdup(resolved), .is_cxx = inputs_is_cxx_name(resolved)};
    inputs_add_unit(s, u);
}

/* Returns how many sources were found below dir. */
static size_t walk(input_set *s, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        inputs_add_error(s, dir, xasprintf("cannot open directory: %s", strerror(errno)));
        return 0;
    }
    VEC(char *) names = {0};
    for (struct dirent *de; (de = readdir(d));)
        if (de->d_name[0] != '.') /* hidden files and folders (.git) are not sources */
            VEC_PUSH(&names, xstrdup(de->d_name));
    closedir(d);
    if (names.len)
        qsort(names.items, names.len, sizeof(char *), str_cmp_ptr);
    size_t found = 0;
    for (size_t i = 0; i < names.len; i++) {
        char *child = xasprintf("%s/%s", dir, names.items[i]);
        struct stat st;
        if (lstat(child, &st) == 0) {
            if (S_ISDIR(st.st_mode)) /* symlinked folders are not followed: no cycles */
                found += walk(s, child);
            else if ((S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) && is_source_name(child)) {
                add_file(s, child);
                found++;
            }
        }
        free(child);
        free(names.items[i]);
    }
    free(names.items);
    return found;
}

void inputs_add_path(input_set *s, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        inputs_add_error(s, path, xstrdup(strerror(errno)));
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        if (walk(s, path) == 0)
            inputs_add_error(s, path, xstrdup("no C/C++ sources (*.c, *.cpp, *.cc, *.cxx) found"));
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        inputs_add_error(s, path, xstrdup("not a regular file"));
        return;
    }
    add_file(s, path);
}

static int unit_cmp(const void *pa, const void *pb)
{
    const input_unit *a = pa, *b = pb;
    int c = strcmp(a->path, b->path);
    if (c)
        return c;
    return (int)b->from_compdb - (int)a->from_compdb; /* compile-database entry first */
}

void inputs_finish(input_set *s)
{
    if (s->nunits)
        qsort(s->units, s->nunits, sizeof *s->units, unit_cmp);
    size_t out = 0;
    for (size_t i = 0; i < s->nunits; i++) {
        if (out > 0 && strcmp(s->units[out - 1].path, s->units[i].path) == 0) {
            inputs_unit_free(&s->units[i]);
            continue;
        }
        s->units[out++] = s->units[i];
    }
    s->nunits = out;
}
