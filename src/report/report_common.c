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

const char *report_include_how(ast_include_how how)
{
    switch (how) {
    case AST_INC_WINDOWS:
        return "windows-rules";
    case AST_INC_REPO:
        return "repository";
    case AST_INC_WPP:
        return "wpp";
    case AST_INC_AMBIGUOUS:
        return "ambiguous";
    case AST_INC_MISSING:
        break;
    }
    return "missing";
}

void report_unit_set_includes(report_unit *u, const ast_include_note *notes, size_t n)
{
    u->includes = xcalloc(n ? n : 1, sizeof *u->includes);
    u->nincludes = n;
    for (size_t i = 0; i < n; i++) {
        const ast_include_note *a = &notes[i];
        u->includes[i] = (report_include){
            .how = a->how,
            .spelled = xstrdup(a->spelled),
            .from = report_display_path(a->from),
            .path = a->path ? report_display_path(a->path) : NULL,
            .detail = NULL,
        };
        if (a->detail) { /* candidates, each shown as a display path */
            strbuf d = {0};
            for (const char *p = a->detail; *p;) {
                const char *e = strstr(p, ", ");
                char *one = e ? xstrndup(p, (size_t)(e - p)) : xstrdup(p);
                char *shown = report_display_path(one);
                sb_printf(&d, "%s%s", d.len ? ", " : "", shown);
                free(shown);
                free(one);
                p = e ? e + 2 : p + strlen(p);
            }
            u->includes[i].detail = sb_take(&d);
        }
    }
}

void report_unit_free(report_unit *u)
{
    free(u->path);
    free(u->skip_reason);
    for (size_t i = 0; i < u->nincludes; i++) {
        free(u->includes[i].spelled);
        free(u->includes[i].from);
        free(u->includes[i].path);
        free(u->includes[i].detail);
    }
    free(u->includes);
    u->includes = NULL;
    u->nincludes = 0;
    for (size_t k = 0; k < u->nlimits; k++)
        free(u->limits[k]);
    free(u->limits);
    u->limits = NULL;
    u->nlimits = 0;
}

char *report_include_text(const report_include *inc)
{
    switch (inc->how) {
    case AST_INC_WINDOWS:
        return xasprintf("found by Windows rules (case, '\\', ddk/): %s", inc->path);
    case AST_INC_REPO:
        return xasprintf("found by searching the repository: %s", inc->path);
    case AST_INC_WPP:
        return inc->path ? xasprintf("generated WPP trace header: its trace functions were declared from %s", inc->path)
                         : xstrdup("generated WPP trace header: WPP's default trace functions were declared (no "
                                   "begin_wpp config block found)");
    case AST_INC_AMBIGUOUS:
        return xasprintf("not found: several files of that name are equally near (%s); an empty file stood in",
                         inc->detail ? inc->detail : "");
    case AST_INC_MISSING:
        break;
    }
    return xstrdup("not found: an empty file stood in, and recovery declared the names it would have");
}

char *report_root_path(const char *root, const char *path)
{
    return path_below(path, root);
}

/* Writes data to path whole; -1 with errno set when any part failed. */
static int write_whole(const char *path, const char *data, size_t len)
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
    /* a device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written in place: renaming a
       temporary file over it would replace the device with a regular file (as root, /dev/null) */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_whole(path, data, len);
    /* a file is replaced whole or not at all: a reader never sees half a report */
    char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
    int rc = write_whole(tmp, data, len);
    if (rc == 0 && rename(tmp, path) != 0)
        rc = -1;
    if (rc != 0) {
        int saved = errno;
        unlink(tmp);
        errno = saved;
    }
    free(tmp);
    return rc;
}
