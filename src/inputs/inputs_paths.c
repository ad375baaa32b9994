/* inputs_paths.c - files and directories named on the command line. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <strings.h>
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

/* What a folder walk finds: sources and build files, each list in walk (byte) order. */
typedef struct found_files {
    VEC(char *) sources;
    VEC(char *) vcxprojs;
    VEC(char *) slns;
    VEC(char *) wdk_sources; /* files named "sources" (any case) */
} found_files;

static void found_free(found_files *f)
{
    inputs_free_words(f->sources.items, f->sources.len);
    inputs_free_words(f->vcxprojs.items, f->vcxprojs.len);
    inputs_free_words(f->slns.items, f->slns.len);
    inputs_free_words(f->wdk_sources.items, f->wdk_sources.len);
}

/* Returns how many source names were met below dir (usable or not), or -1 when dir itself
 * cannot be read (already reported). Entries are visited in byte order so that errors come
 * out the same whatever readdir returns. */
static long walk(input_set *s, const char *root, const char *dir, inputs_gitignore *gi, found_files *f)
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
            /* a symlink to a folder named x.c is not followed either */
            struct stat target;
            bool is_dir_link = S_ISLNK(st.st_mode) && stat(child, &target) == 0 && S_ISDIR(target.st_mode);
            if (S_ISDIR(st.st_mode)) {
                long n = walk(s, root, child, gi, f);
                found += n > 0 ? n : 0;
            } else if (is_dir_link) {
                /* not followed */
            } else if (is_source_name(child)) {
                VEC_PUSH(&f->sources, xstrdup(child));
                found++;
            } else if (inputs_suffix_is(child, ".vcxproj")) {
                VEC_PUSH(&f->vcxprojs, xstrdup(child));
            } else if (inputs_suffix_is(child, ".sln")) {
                VEC_PUSH(&f->slns, xstrdup(child));
            } else if (strcasecmp(names.items[i], "sources") == 0) {
                VEC_PUSH(&f->wdk_sources, xstrdup(child));
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

static char *real_or_copy(const char *path);

/* A source of a walked folder, not named by any build file: user-mode code is left out. */
static void add_plain(input_set *s, const char *path)
{
    char *why = s->options.all_projects ? NULL : inputs_non_driver_reason(path);
    if (why) {
        char *real = real_or_copy(path);
        inputs_add_skipped(s, real, why);
        free(real);
        return;
    }
    add_file(s, path);
}

static char *real_or_copy(const char *path)
{
    char resolved[PATH_MAX];
    return xstrdup(realpath(path, resolved) ? resolved : path);
}

static char *parent_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return xstrndup(path, slash && slash != path ? (size_t)(slash - path) : 1);
}

/* Is dir (real path) one of the folders in dirs, or below one? */
static bool under_any(const char *path, char **dirs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(dirs[i]);
        if (strncmp(path, dirs[i], k) == 0 && (path[k] == '/' || (k == 1 && dirs[i][0] == '/')))
            return true;
    }
    return false;
}

/* A walked folder with build files: projects give units and flags; a source below a project's
 * folder that no project compiles is left out (it is not built); the others are plain. */
static void add_projects(input_set *s, found_files *f)
{
    VEC(char *) proj_dirs = {0};
    size_t units_before = s->nunits;
    /* $(SolutionDir): the folder of the first solution (in path order) that names the project */
    VEC(char *) listed_proj = {0};
    VEC(char *) listed_dir = {0};
    for (size_t k = 0; k < f->slns.len; k++) {
        size_t n = 0;
        char **listed = inputs_sln_projects(f->slns.items[k], &n);
        char *sln = real_or_copy(f->slns.items[k]);
        for (size_t j = 0; j < n; j++) {
            VEC_PUSH(&listed_proj, real_or_copy(listed[j]));
            VEC_PUSH(&listed_dir, parent_of(sln));
        }
        free(sln);
        inputs_free_words(listed, n);
    }
    for (size_t i = 0; i < f->vcxprojs.len; i++) {
        char *proj = real_or_copy(f->vcxprojs.items[i]);
        const char *sln_dir = NULL;
        for (size_t k = 0; k < listed_proj.len && !sln_dir; k++)
            if (strcmp(listed_proj.items[k], proj) == 0)
                sln_dir = listed_dir.items[k];
        inputs_add_vcxproj(s, proj, sln_dir);
        VEC_PUSH(&proj_dirs, parent_of(proj));
        free(proj);
    }
    inputs_free_words(listed_proj.items, listed_proj.len);
    inputs_free_words(listed_dir.items, listed_dir.len);
    for (size_t i = 0; i < f->wdk_sources.len; i++) {
        char *src = real_or_copy(f->wdk_sources.items[i]);
        char *dir = parent_of(src);
        bool has_vcxproj = false; /* a folder converted to MSBuild keeps its old sources file */
        for (size_t k = 0; k < proj_dirs.len && !has_vcxproj; k++)
            has_vcxproj = strcmp(proj_dirs.items[k], dir) == 0;
        if (!has_vcxproj) {
            inputs_add_sources_file(s, src);
            VEC_PUSH(&proj_dirs, dir);
        } else {
            free(dir);
        }
        free(src);
    }
    for (size_t i = 0; i < f->sources.len; i++) {
        char *real = real_or_copy(f->sources.items[i]);
        bool compiled = false;
        for (size_t k = units_before; k < s->nunits && !compiled; k++)
            compiled = strcmp(s->units[k].path, real) == 0;
        for (size_t k = 0; k < s->nskipped && !compiled; k++)
            compiled = strcmp(s->skipped[k].path, real) == 0;
        if (!compiled && under_any(real, proj_dirs.items, proj_dirs.len))
            inputs_add_skipped(s, real, xstrdup("below a project folder, compiled by no project"));
        else if (!compiled)
            add_plain(s, f->sources.items[i]);
        free(real);
    }
    inputs_free_words(proj_dirs.items, proj_dirs.len);
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
        found_files f = {0};
        inputs_gitignore *gi = s->use_gitignore ? inputs_gitignore_new() : NULL;
        long n = walk(s, path, path, gi, &f);
        inputs_gitignore_free(gi);
        if (f.vcxprojs.len || f.wdk_sources.len)
            add_projects(s, &f);
        else if (n == 0)
            inputs_add_error(s, path, xstrdup("no C/C++ sources (*.c, *.cpp, *.cc, *.cxx) found"));
        else
            for (size_t i = 0; i < f.sources.len; i++)
                add_plain(s, f.sources.items[i]);
        found_free(&f);
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        inputs_add_error(s, path, xstrdup("not a regular file"));
        return;
    }
    char *real = real_or_copy(path);
    const char *base = strrchr(real, '/') ? strrchr(real, '/') + 1 : real;
    if (inputs_suffix_is(real, ".vcxproj")) {
        inputs_add_vcxproj(s, real, NULL);
    } else if (inputs_suffix_is(real, ".sln")) {
        size_t n = 0;
        char **listed = inputs_sln_projects(real, &n);
        char *dir = parent_of(real);
        for (size_t i = 0; i < n; i++)
            inputs_add_vcxproj(s, listed[i], dir);
        if (n == 0)
            inputs_add_error(s, path, xstrdup("the solution names no .vcxproj found on disk"));
        free(dir);
        inputs_free_words(listed, n);
    } else if (strcasecmp(base, "sources") == 0) {
        inputs_add_sources_file(s, real);
    } else {
        add_file(s, path);
    }
    free(real);
}
