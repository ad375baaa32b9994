/* inputs_paths.c - files and directories named on the command line. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"
#include "inputs_internal.h"

static bool is_source_name(const char *name)
{
    return inputs_suffix_is(name, ".c") || inputs_suffix_is(name, ".cpp") || inputs_suffix_is(name, ".cc") ||
           inputs_suffix_is(name, ".cxx");
}

/* Adds one file; "shown" is the name errors use (what the user typed, or the walk's path). */
static void add_file(input_set *s, const char *shown)
{
    char resolved[PATH_MAX];
    if (!realpath(shown, resolved)) {
        inputs_add_error(s, shown, xstrdup(strerror(errno)));
        return;
    }
    char *why = inputs_check_file(resolved);
    if (why) {
        inputs_add_error(s, shown, why);
        return;
    }
    input_unit u = {.path = xstrdup(resolved), .directory = inputs_cwd(), .is_cxx = inputs_is_cxx_name(resolved)};
    inputs_add_unit(s, u);
}

/* Returns how many source names were met below dir (usable or not), or -1 when dir itself
 * cannot be read (already reported). Entries are visited in byte order so that errors come
 * out the same whatever readdir returns. */
static long walk(input_set *s, const char *root, const char *dir, inputs_gitignore *gi)
{
    DIR *d = opendir(dir);
    if (!d) {
        inputs_add_error(s, dir, xasprintf("cannot open directory: %s", strerror(errno)));
        return -1;
    }
    VEC(char *) names = {0};
    for (struct dirent *de; (de = readdir(d));)
        /* ".", "..", .git, .vs, editor lock files (.#x.c) and macOS ._x.c resource forks */
        if (de->d_name[0] != '.')
            VEC_PUSH(&names, xstrdup(de->d_name));
    closedir(d);
    if (names.len)
        qsort(names.items, names.len, sizeof(char *), str_cmp_ptr);
    size_t mark = 0;
    if (gi) {
        mark = inputs_gitignore_mark(gi);
        inputs_gitignore_read(gi, dir);
    }
    long found = 0;
    for (size_t i = 0; i < names.len; i++) {
        char *child = xasprintf("%s%s%s", dir, str_ends_with(dir, "/") ? "" : "/", names.items[i]);
        struct stat st;
        size_t rootlen = strlen(root);
        const char *rel = child + rootlen + (str_ends_with(root, "/") ? 0 : 1);
        if (lstat(child, &st) == 0 &&
            (inputs_path_excluded(rel, S_ISDIR(st.st_mode), s->exclude, s->nexclude) ||
             (gi && inputs_gitignore_ignored(gi, child, S_ISDIR(st.st_mode))))) {
            /* left out on purpose: neither a unit nor "no sources found" */
        } else if (lstat(child, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                long n = walk(s, root, child, gi);
                found += n > 0 ? n : 0;
            } else if (is_source_name(child)) {
                /* a symlink to a folder named x.c is not followed either */
                struct stat target;
                if (!S_ISLNK(st.st_mode) || stat(child, &target) != 0 || !S_ISDIR(target.st_mode)) {
                    add_file(s, child);
                    found++;
                }
            }
        }
        free(child);
        free(names.items[i]);
    }
    if (gi)
        inputs_gitignore_pop(gi, mark);
    free(names.items);
    return found;
}

void inputs_set_exclude(input_set *s, const char *const *globs, size_t n, bool use_gitignore)
{
    s->exclude = globs;
    s->nexclude = n;
    s->use_gitignore = use_gitignore;
}

void inputs_add_path(input_set *s, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        inputs_add_error(s, path, xstrdup(strerror(errno)));
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        /* an explicit folder is searched even when it is a symlink: only links met inside are skipped */
        inputs_gitignore *gi = s->use_gitignore ? inputs_gitignore_new() : NULL;
        long found = walk(s, path, path, gi);
        inputs_gitignore_free(gi);
        if (found == 0)
            inputs_add_error(s, path, xstrdup("no C/C++ sources (*.c, *.cpp, *.cc, *.cxx) found"));
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        inputs_add_error(s, path, xstrdup("not a regular file"));
        return;
    }
    add_file(s, path);
}
