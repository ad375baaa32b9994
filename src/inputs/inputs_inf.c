/* inputs_inf.c - the device security a driver's INF sets (inf.h). Only the three AddReg values
 * the driver security checklist names are read; the section they are in is not followed from the
 * install sections (an INF's HKR,,Security line is for the device or its class either way). */
#include "drvtaint/inf.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "drvtaint/util.h"

enum { INF_MAX_FIELDS = 6, INF_MAX_DEPTH = 4, FILE_DEVICE_SECURE_OPEN_BIT = 0x100 };

/* One AddReg line split at commas outside quotes, each field trimmed and unquoted ("" is "). */
static size_t split_fields(const char *line, char *fields[INF_MAX_FIELDS])
{
    size_t n = 0;
    const char *p = line;
    while (n < INF_MAX_FIELDS) {
        strbuf sb = {0};
        bool quoted = false;
        while (isspace((unsigned char)*p))
            p++;
        for (; *p && (quoted || *p != ','); p++) {
            if (*p == '"') {
                if (quoted && p[1] == '"') {
                    sb_putc(&sb, '"');
                    p++;
                } else {
                    quoted = !quoted;
                }
                continue;
            }
            sb_putc(&sb, *p);
        }
        char *f = sb.buf ? sb_take(&sb) : xstrdup("");
        size_t len = strlen(f);
        while (len && isspace((unsigned char)f[len - 1]))
            f[--len] = 0;
        fields[n++] = f;
        if (*p != ',')
            break;
        p++;
    }
    return n;
}

/* the line without its comment (';' outside quotes) */
static char *strip_comment(const char *line, size_t len)
{
    bool quoted = false;
    size_t i = 0;
    for (; i < len; i++) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (line[i] == ';' && !quoted)
            break;
    }
    return xstrndup(line, i);
}

static void set_at(inf_setting *at, const char *file, unsigned line)
{
    at->file = xstrdup(file);
    at->line = line;
}

static void parse_line(inf_security *out, const char *file, unsigned lineno, const char *line)
{
    char *f[INF_MAX_FIELDS];
    size_t n = split_fields(line, f);
    /* HKR,,Value,flags,data */
    if (n >= 5 && strcasecmp(f[0], "HKR") == 0 && !*f[1] && *f[4]) {
        if (strcasecmp(f[2], "Security") == 0 && !out->sddl_at.file) {
            out->sddl = xstrdup(f[4]);
            set_at(&out->sddl_at, file, lineno);
        } else if (strcasecmp(f[2], "DeviceCharacteristics") == 0 && !out->secure_open_at.file) {
            out->secure_open = (strtoul(f[4], NULL, 0) & FILE_DEVICE_SECURE_OPEN_BIT) != 0;
            set_at(&out->secure_open_at, file, lineno);
        } else if (strcasecmp(f[2], "Exclusive") == 0 && !out->exclusive_at.file) {
            out->exclusive = strtoul(f[4], NULL, 0) != 0;
            set_at(&out->exclusive_at, file, lineno);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(f[i]);
}

void inf_parse_text(inf_security *out, const char *file, const char *text)
{
    unsigned lineno = 0;
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        lineno++;
        char *line = strip_comment(p, len);
        size_t ll = strlen(line);
        while (ll && isspace((unsigned char)line[ll - 1]))
            line[--ll] = 0;
        parse_line(out, file, lineno, line);
        free(line);
        p += len + (eol ? 1 : 0);
    }
}

static bool is_inf_name(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && (strcasecmp(name + n - 4, ".inf") == 0 || strcasecmp(name + n - 4, ".inx") == 0);
}

static bool is_project_name(const char *name)
{
    return str_ends_with(name, ".vcxproj") || strcmp(name, "sources") == 0;
}

typedef VEC(char *) path_vec;

/* The INF files of dir and below, not entering a subfolder that has a project of its own. */
static void list_infs(const char *dir, unsigned depth, path_vec *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    path_vec subdirs = {0};
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char *path = xasprintf("%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(path, &st) != 0) {
            free(path);
        } else if (S_ISDIR(st.st_mode) && depth < INF_MAX_DEPTH) {
            VEC_PUSH(&subdirs, path);
        } else if (S_ISREG(st.st_mode) && is_inf_name(de->d_name)) {
            VEC_PUSH(out, path);
        } else {
            free(path);
        }
    }
    closedir(d);
    for (size_t i = 0; i < subdirs.len; i++) {
        bool own = false;
        DIR *s = opendir(subdirs.items[i]);
        while (s && !own && (de = readdir(s)))
            own = is_project_name(de->d_name);
        if (s)
            closedir(s);
        if (!own)
            list_infs(subdirs.items[i], depth + 1, out);
        free(subdirs.items[i]);
    }
    free(subdirs.items);
}

static bool has_project(const char *dir)
{
    DIR *d = opendir(dir);
    bool own = false;
    struct dirent *de;
    while (d && !own && (de = readdir(d)))
        own = is_project_name(de->d_name);
    if (d)
        closedir(d);
    return own;
}

bool inf_read_driver_dir(inf_security *out, const char *dir)
{
    path_vec infs = {0};
    list_infs(dir, 0, &infs);
    if (!infs.len) {
        /* a project in a subfolder of the driver's folder (pcidrv/kmdf/HW, its INF in pcidrv/kmdf) */
        const char *slash = strrchr(dir, '/');
        if (slash && slash != dir) {
            char *parent = xstrndup(dir, (size_t)(slash - dir));
            if (!has_project(parent)) {
                DIR *d = opendir(parent);
                struct dirent *de;
                while (d && (de = readdir(d)))
                    if (is_inf_name(de->d_name))
                        VEC_PUSH(&infs, xasprintf("%s/%s", parent, de->d_name));
                if (d)
                    closedir(d);
            }
            free(parent);
        }
    }
    if (infs.len > 1)
        qsort(infs.items, infs.len, sizeof *infs.items, str_cmp_ptr);
    for (size_t i = 0; i < infs.len; i++) {
        size_t len = 0;
        char *text = read_source_file(infs.items[i], &len, NULL);
        if (text)
            inf_parse_text(out, infs.items[i], text);
        free(text);
        free(infs.items[i]);
    }
    bool found = infs.len > 0;
    free(infs.items);
    return found;
}

void inf_security_free(inf_security *s)
{
    free(s->sddl);
    free(s->sddl_at.file);
    free(s->secure_open_at.file);
    free(s->exclusive_at.file);
    *s = (inf_security){0};
}
