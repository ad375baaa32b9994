/* report_common.c - paths as shown to users and atomic report files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drvtaint/report.h"

char *report_display_path(const char *path)
{
    return path_from_cwd(path);
}

char *report_root_path(const char *root, const char *path)
{
    return path_below(path, root);
}

/* A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written in place: renaming a
 * temporary file over it would replace the device with a regular file (as root, /dev/null). */
static int write_in_place(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t written = fwrite(data, 1, len, f);
    int err = ferror(f);
    if (fclose(f) != 0 || err || written != len) {
        if (!errno)
            errno = EIO;
        return -1;
    }
    return 0;
}

int report_write_file(const char *path, const char *data, size_t len)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_in_place(path, data, len);
    char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        free(tmp);
        return -1;
    }
    size_t written = fwrite(data, 1, len, f);
    int err = ferror(f);
    if (fclose(f) != 0 || err || written != len) {
        int saved = errno ? errno : EIO;
        unlink(tmp);
        free(tmp);
        errno = saved;
        return -1;
    }
    if (rename(tmp, path) != 0) {
        int saved = errno;
        unlink(tmp);
        free(tmp);
        errno = saved;
        return -1;
    }
    free(tmp);
    return 0;
}
