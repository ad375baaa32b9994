/* fuzz_support.c - scratch files for the fuzz targets (see fuzz_support.h). */
#include "fuzz_support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drvtaint/util.h"

static char *scratch;

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = xasprintf("%s/%s", dir, e->d_name);
        if (unlink(p) != 0)
            remove_tree(p);
        free(p);
    }
    closedir(d);
    rmdir(dir);
}

static void cleanup(void)
{
    if (scratch)
        remove_tree(scratch);
    free(scratch);
    scratch = NULL;
}

const char *fz_scratch_dir(void)
{
    if (scratch)
        return scratch;
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    char *templ = xasprintf("%s/drvtaint-fuzz-XXXXXX", base);
    if (!mkdtemp(templ)) {
        perror("drvtaint fuzz: mkdtemp");
        abort();
    }
    scratch = templ;
    atexit(cleanup);
    return scratch;
}

char *fz_write(const char *name, const uint8_t *data, size_t size)
{
    char *path = xasprintf("%s/%s", fz_scratch_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
    return path;
}

char *fz_cstring(const uint8_t *data, size_t size)
{
    char *s = xmalloc(size + 1);
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}
