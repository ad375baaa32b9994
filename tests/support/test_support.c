/* test_support.c - temporary files and command runs for tests. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drvtaint/util.h"

char *ts_write_temp(const char *name, const char *text)
{
    char dir[] = "/tmp/drvtaint-test-XXXXXX";
    if (!mkdtemp(dir))
        return NULL;
    char *path = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) {
        free(path);
        return NULL;
    }
    fputs(text, f);
    fclose(f);
    return path;
}

int ts_run(const char *cmd, char **out, char **err)
{
    char errpath[] = "/tmp/drvtaint-test-err-XXXXXX";
    int fd = mkstemp(errpath);
    if (fd < 0)
        return -1;
    close(fd);
    char *full = xasprintf("%s 2>%s", cmd, errpath);
    FILE *p = popen(full, "r");
    free(full);
    if (!p)
        return -1;
    strbuf sb = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        sb_appendn(&sb, buf, n);
    int status = pclose(p);
    if (out)
        *out = sb_take(&sb);
    else
        sb_free(&sb);
    if (err)
        *err = read_file(errpath, NULL);
    unlink(errpath);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *ts_source_path(const char *rel)
{
    return xasprintf("%s/%s", DRVTAINT_SOURCE_DIR, rel);
}
