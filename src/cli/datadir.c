/* datadir.c - find the shipped rules/ and include/wdk/. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drvtaint/cli.h"

static bool has_rules(const char *dir)
{
    char *p = xasprintf("%s/rules", dir);
    bool ok = access(p, R_OK) == 0;
    free(p);
    return ok;
}

char *cli_data_dir(void)
{
    const char *env = getenv("DRVTAINT_DATA_DIR");
    if (env && *env)
        return xstrdup(env);
    /* installed layout: <prefix>/bin/drvtaint and <prefix>/share/drvtaint */
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char *installed = xasprintf("%s/../share/drvtaint", exe);
            if (has_rules(installed))
                return installed;
            free(installed);
        }
    }
    return xstrdup(DRVTAINT_SOURCE_DATA_DIR);
}
