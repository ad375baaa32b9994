/* inputs_ignore.c - paths a directory scan leaves out: --exclude globs and .gitignore files.
 *
 * Vendored and generated trees (a copy of a library, build output) cost time and add parse
 * noise; git already knows which of them are not source. Supported .gitignore syntax: blank
 * lines and '#' comments, '!' to re-include, a trailing '/' for folders only, a leading or
 * inner '/' to anchor the pattern to the .gitignore's folder (else it matches a name at any
 * depth), and the glob characters '*', '?', '[...]' and a leading '**' + '/'. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"

/* Does glob match rel (a path below the scan root, '/'-separated) or one of its names? */
static bool glob_matches(const char *glob, const char *rel)
{
    if (fnmatch(glob, rel, 0) == 0)
        return true;
    const char *base = strrchr(rel, '/');
    return base && !strchr(glob, '/') && fnmatch(glob, base + 1, 0) == 0;
}

bool inputs_path_excluded(const char *rel, bool is_dir, const char *const *globs, size_t n)
{
    (void)is_dir;
    for (size_t i = 0; i < n; i++) {
        const char *g = globs[i];
        size_t len = strlen(g);
        if (len > 1 && g[len - 1] == '/') { /* "build/": a folder */
            if (!is_dir)
                continue;
            char *trimmed = xstrndup(g, len - 1);
            bool m = glob_matches(trimmed, rel);
            free(trimmed);
            if (m)
                return true;
            continue;
        }
        if (glob_matches(g, rel))
            return true;
    }
    return false;
}

struct gi_rule {
    char *dir, *pattern;
    bool negate, dir_only, anchored;
};

struct inputs_gitignore {
    VEC(struct gi_rule) rules;
};

inputs_gitignore *inputs_gitignore_new(void)
{
    return xcalloc(1, sizeof(inputs_gitignore));
}

void inputs_gitignore_free(inputs_gitignore *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->rules.len; i++) {
        free(g->rules.items[i].dir);
        free(g->rules.items[i].pattern);
    }
    free(g->rules.items);
    free(g);
}

size_t inputs_gitignore_mark(const inputs_gitignore *g)
{
    return g->rules.len;
}

void inputs_gitignore_pop(inputs_gitignore *g, size_t mark)
{
    while (g->rules.len > mark) {
        g->rules.len--;
        free(g->rules.items[g->rules.len].dir);
        free(g->rules.items[g->rules.len].pattern);
    }
}

void inputs_gitignore_read(inputs_gitignore *g, const char *dir)
{
    char *path = xasprintf("%s/.gitignore", dir);
    size_t len;
    char *text = read_file(path, &len);
    free(path);
    if (!text)
        return;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        struct gi_rule r = {0};
        if (line[0] == '!') {
            r.negate = true;
            line++;
            n--;
        } else if (line[0] == '\\' && (line[1] == '#' || line[1] == '!')) {
            line++;
            n--;
        }
        if (n && line[n - 1] == '/') {
            r.dir_only = true;
            line[--n] = '\0';
        }
        if (strncmp(line, "**/", 3) == 0) { /* any depth: the same as no slash at all */
            line += 3;
            n -= 3;
        }
        if (line[0] == '/') {
            r.anchored = true;
            line++;
            n--;
        } else if (strchr(line, '/')) {
            r.anchored = true;
        }
        if (n == 0)
            continue;
        r.dir = xstrdup(dir);
        for (size_t k = strlen(r.dir); k > 1 && r.dir[k - 1] == '/'; k--)
            r.dir[k - 1] = '\0';
        r.pattern = xstrdup(line);
        VEC_PUSH(&g->rules, r);
    }
    free(text);
}

bool inputs_gitignore_ignored(const inputs_gitignore *g, const char *path, bool is_dir)
{
    bool ignored = false;
    for (size_t i = 0; i < g->rules.len; i++) {
        const struct gi_rule *r = &g->rules.items[i];
        if (r->dir_only && !is_dir)
            continue;
        size_t dl = strlen(r->dir);
        if (strncmp(path, r->dir, dl) != 0 || path[dl] != '/')
            continue;
        const char *rel = path + dl + 1;
        bool m;
        if (r->anchored) {
            m = fnmatch(r->pattern, rel, FNM_PATHNAME) == 0;
        } else {
            const char *base = strrchr(rel, '/');
            m = fnmatch(r->pattern, base ? base + 1 : rel, 0) == 0;
        }
        if (m)
            ignored = !r->negate; /* the last matching rule decides */
    }
    return ignored;
}
