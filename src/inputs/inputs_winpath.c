/* inputs_winpath.c - paths written on Windows, found on Linux: project files write them with
 * backslashes and in any case ("..\Inc" for a folder named inc), and Windows does not care. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "drvtaint/util.h"
#include "inputs_internal.h"

static bool exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

/* The entry of dir whose name equals name in any case; the first in byte order when several
 * do (a Linux checkout may hold both), so the choice never depends on readdir. */
static char *match_ci(const char *dir, const char *name, size_t n)
{
    DIR *d = opendir(*dir ? dir : "/");
    if (!d)
        return NULL;
    char *best = NULL;
    for (struct dirent *de; (de = readdir(d));)
        if (strlen(de->d_name) == n && strncasecmp(de->d_name, name, n) == 0 &&
            (!best || strcmp(de->d_name, best) < 0)) {
            free(best);
            best = xstrdup(de->d_name);
        }
    closedir(d);
    return best;
}

char *inputs_path_resolve_ci(const char *dir, const char *path, bool *found)
{
    char *joined = inputs_path_join(dir, path);
    *found = exists(joined);
    if (*found || joined[0] != '/')
        return joined;
    strbuf out = {0};
    const char *p = joined + 1;
    bool ok = true;
    while (*p && ok) {
        size_t n = strcspn(p, "/");
        const char *sep = p[n] ? "/" : "";
        char *probe = xasprintf("%s/%.*s", out.len ? out.buf : "", (int)n, p);
        if (exists(probe)) {
            sb_printf(&out, "/%.*s", (int)n, p);
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            ok = false; /* cleaned away already; cannot happen */
        } else {
            char *m = match_ci(out.len ? out.buf : "/", p, n);
            if (m)
                sb_printf(&out, "/%s", m);
            ok = m != NULL;
            free(m);
        }
        free(probe);
        p += n + (*sep ? 1 : 0);
    }
    if (!ok) {
        sb_free(&out);
        return joined;
    }
    free(joined);
    *found = true;
    return sb_take(&out);
}
