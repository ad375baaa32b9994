/* root.c - the project root (%SRCROOT%): SARIF paths and finding fingerprints are relative to
 * it, so a baseline made in one directory matches a scan run from another. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drvtaint/cli.h"

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory of p (p itself when it is one), made absolute; NULL when it does not exist. */
static char *dir_of(const char *p)
{
    char *abs = realpath(p, NULL);
    if (!abs || is_dir(abs))
        return abs;
    char *slash = strrchr(abs, '/');
    if (slash == abs)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    return abs;
}

/* The nearest directory at or above dir that holds .git (a directory, or a file in a worktree). */
static char *git_root(const char *dir)
{
    char *d = xstrdup(dir);
    for (;;) {
        char *git = xasprintf("%s/.git", strcmp(d, "/") == 0 ? "" : d);
        bool found = access(git, F_OK) == 0;
        free(git);
        if (found)
            return d;
        char *slash = strrchr(d, '/');
        if (!slash || slash == d) {
            free(d);
            return NULL;
        }
        *slash = '\0';
    }
}

char *cli_project_root(const cli_options *o, char **err)
{
    *err = NULL;
    if (o->root) {
        char *r = realpath(o->root, NULL);
        if (!r || !is_dir(r)) {
            free(r);
            *err = xasprintf("--root %s: not a directory", o->root);
            return NULL;
        }
        return r;
    }
    if (o->compdb) {
        char *d = dir_of(o->compdb);
        if (d)
            return d;
    }
    const char *first = o->paths.len ? o->paths.items[0] : ".";
    char *d = dir_of(strcmp(first, "-") == 0 ? "." : first);
    if (!d)
        return realpath(".", NULL);
    char *g = git_root(d);
    if (g) {
        free(d);
        return g;
    }
    return d; /* no repository: where the inputs are, not where the scan was started */
}
