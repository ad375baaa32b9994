/* fe_include.c - find a header the way a Windows build would, when clang cannot open it as written.
 *
 * Windows file names are case-insensitive, '\' separates folders, and some trees use MinGW's
 * <ddk/ntddk.h> layout. clang on Linux follows '\' (with -fms-extensions) but not case, so a unit
 * that includes "msrdrv.h" for MsrDrv.h would lose the header. Lookups go through a cache of
 * directory listings (names lower-cased once), so each directory is read once per parser.
 * When those rules find nothing, a file of that name is looked for in the repository (the
 * nearest ancestor holding .git, else the search root): the one nearest to the including file
 * wins; several equally near are reported, never guessed between. */
#include "fe_internal.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "drvtaint/inputs.h"

typedef struct dent {
    char *lower, *name;
    bool is_dir;
} dent;

typedef struct dlist {
    char *path;
    dent *items; /* sorted by lower, then name */
    size_t n;
} dlist;

typedef struct rfile {
    char *lower; /* whole path, lower-cased */
    const char *base; /* lower-cased file name, inside lower */
    char *path;
} rfile;

typedef struct repo_index_t {
    char *root;
    rfile *files; /* sorted by base, then path */
    size_t n;
} repo_index_t;

typedef struct inc_line {
    char *spelled; /* as written */
    bool angled;
} inc_line;

typedef struct file_incs {
    char *path;
    inc_line *items;
    size_t n;
} file_incs;

struct fe_includes {
    dlist **tab; /* open addressing on the directory path */
    size_t cap, len;
    VEC(file_incs) scanned; /* the #include lines of files pre-scanned, read once per parser */
    VEC(repo_index_t *) repos;
    char *search_root;
    const char *const *exclude;
    size_t nexclude;
};

static char *lower_dup(const char *s)
{
    char *l = xstrdup(s);
    for (char *p = l; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return l;
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

fe_includes *fe_includes_new(const char *search_root, const char *const *exclude, size_t nexclude)
{
    fe_includes *c = xcalloc(1, sizeof *c);
    c->cap = 256;
    c->tab = xcalloc(c->cap, sizeof *c->tab);
    c->search_root = search_root ? xstrdup(search_root) : NULL;
    c->exclude = exclude;
    c->nexclude = nexclude;
    return c;
}

static void dlist_free(dlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].lower);
        free(l->items[i].name);
    }
    free(l->items);
    free(l->path);
    free(l);
}

void fe_includes_free(fe_includes *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++)
        if (c->tab[i])
            dlist_free(c->tab[i]);
    free(c->tab);
    for (size_t i = 0; i < c->repos.len; i++) {
        repo_index_t *r = c->repos.items[i];
        for (size_t k = 0; k < r->n; k++) {
            free(r->files[k].lower);
            free(r->files[k].path);
        }
        free(r->files);
        free(r->root);
        free(r);
    }
    free(c->repos.items);
    for (size_t i = 0; i < c->scanned.len; i++) {
        for (size_t k = 0; k < c->scanned.items[i].n; k++)
            free(c->scanned.items[i].items[k].spelled);
        free(c->scanned.items[i].items);
        free(c->scanned.items[i].path);
    }
    free(c->scanned.items);
    free(c->search_root);
    free(c);
}

static int dent_cmp(const void *a, const void *b)
{
    const dent *x = a, *y = b;
    int c = strcmp(x->lower, y->lower);
    return c ? c : strcmp(x->name, y->name);
}

static bool is_dir_path(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static dlist *read_listing(const char *dir)
{
    dlist *l = xcalloc(1, sizeof *l);
    l->path = xstrdup(dir);
    DIR *d = opendir(*dir ? dir : "/");
    if (!d)
        return l;
    VEC(dent) v = {0};
    struct dirent *de;
    while ((de = readdir(d))) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        bool is_dir = de->d_type == DT_DIR;
        if (de->d_type == DT_UNKNOWN || de->d_type == DT_LNK) {
            char *full = xasprintf("%s/%s", dir, de->d_name);
            is_dir = is_dir_path(full);
            free(full);
        }
        VEC_PUSH(&v, ((dent){lower_dup(de->d_name), xstrdup(de->d_name), is_dir}));
    }
    closedir(d);
    if (v.len)
        qsort(v.items, v.len, sizeof *v.items, dent_cmp);
    l->items = v.items;
    l->n = v.len;
    return l;
}

/* The listing of dir (no trailing '/'), read on first use. */
static const dlist *listing(fe_includes *c, const char *dir)
{
    if (c->len * 2 >= c->cap) {
        size_t ncap = c->cap * 2;
        dlist **nt = xcalloc(ncap, sizeof *nt);
        for (size_t i = 0; i < c->cap; i++) {
            if (!c->tab[i])
                continue;
            size_t h = (size_t)hash_str(c->tab[i]->path) & (ncap - 1);
            while (nt[h])
                h = (h + 1) & (ncap - 1);
            nt[h] = c->tab[i];
        }
        free(c->tab);
        c->tab = nt;
        c->cap = ncap;
    }
    size_t h = (size_t)hash_str(dir) & (c->cap - 1);
    while (c->tab[h]) {
        if (strcmp(c->tab[h]->path, dir) == 0)
            return c->tab[h];
        h = (h + 1) & (c->cap - 1);
    }
    c->tab[h] = read_listing(dir);
    c->len++;
    return c->tab[h];
}

/* The entry named name in l: the exact spelling when present, else the first that differs only
 * in case (unless exact is set). */
static const dent *find_entry(const dlist *l, const char *name, bool exact)
{
    char *low = lower_dup(name);
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(l->items[mid].lower, low) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    const dent *first = NULL;
    for (size_t i = lo; i < l->n && strcmp(l->items[i].lower, low) == 0; i++) {
        if (strcmp(l->items[i].name, name) == 0) {
            first = &l->items[i];
            break;
        }
        if (!first && !exact)
            first = &l->items[i];
    }
    free(low);
    return first;
}

/* base/rel with rel's components matched as Windows would (exact: as Linux would); rel uses '/'. */
static char *walk(fe_includes *c, const char *base, const char *rel, bool exact)
{
    strbuf cur = {0};
    sb_append(&cur, base);
    while (cur.len > 1 && cur.buf[cur.len - 1] == '/')
        cur.buf[--cur.len] = '\0';
    const char *p = rel;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *comp = xstrndup(p, n);
        p += n;
        while (*p == '/')
            p++;
        bool last = *p == '\0';
        if (n == 0 || strcmp(comp, ".") == 0) {
            free(comp);
            if (last)
                break;
            continue;
        }
        if (strcmp(comp, "..") == 0) {
            char *slash = strrchr(cur.buf, '/');
            if (slash && slash != cur.buf) {
                cur.len = (size_t)(slash - cur.buf);
                cur.buf[cur.len] = '\0';
            }
            free(comp);
            if (last)
                goto fail;
            continue;
        }
        const dent *d = find_entry(listing(c, cur.buf), comp, exact);
        free(comp);
        if (!d || d->is_dir != !last)
            goto fail;
        sb_putc(&cur, '/');
        sb_append(&cur, d->name);
    }
    return sb_take(&cur);
fail:
    sb_free(&cur);
    return NULL;
}

char *fe_include_normalize(const char *spelled)
{
    char *n = xstrdup(spelled);
    for (char *p = n; *p; p++)
        if (*p == '\\')
            *p = '/';
    return n;
}

bool fe_includes_exists(fe_includes *c, const char *dir, const char *rel)
{
    char *p = walk(c, dir, rel, true);
    free(p);
    return p != NULL;
}

size_t fe_includes_count(fe_includes *c, const char *dir)
{
    return listing(c, dir)->n;
}

const char *fe_includes_entry(fe_includes *c, const char *dir, size_t i, bool *is_dir)
{
    const dlist *l = listing(c, dir);
    *is_dir = l->items[i].is_dir;
    return l->items[i].name;
}

bool fe_includes_is_repo_root(fe_includes *c, const char *dir)
{
    return find_entry(listing(c, dir), ".git", true) || (c->search_root && strcmp(dir, c->search_root) == 0);
}

/* ---- repository search ---- */

static int rfile_cmp(const void *a, const void *b)
{
    const rfile *x = a, *y = b;
    int c = strcmp(x->base, y->base);
    return c ? c : strcmp(x->path, y->path);
}

typedef VEC(rfile) rfile_vec;

static void index_dir(fe_includes *c, const char *root, const char *dir, unsigned depth, rfile_vec *out)
{
    if (depth > 32 || out->len > 500000)
        return;
    const dlist *l = listing(c, dir);
    for (size_t i = 0; i < l->n; i++) {
        const dent *d = &l->items[i];
        if (d->name[0] == '.') /* .git, .vs and other tool folders */
            continue;
        char *full = xasprintf("%s/%s", dir, d->name);
        const char *rel = full + strlen(root) + 1;
        if (inputs_path_excluded(rel, d->is_dir, c->exclude, c->nexclude)) {
            free(full);
            continue;
        }
        if (d->is_dir) {
            index_dir(c, root, full, depth + 1, out);
            free(full);
        } else {
            rfile f = {lower_dup(full), NULL, full};
            f.base = strrchr(f.lower, '/') + 1;
            VEC_PUSH(out, f);
        }
    }
}

static const repo_index_t *repo_index(fe_includes *c, const char *root)
{
    for (size_t i = 0; i < c->repos.len; i++)
        if (strcmp(c->repos.items[i]->root, root) == 0)
            return c->repos.items[i];
    repo_index_t *r = xcalloc(1, sizeof *r);
    r->root = xstrdup(root);
    rfile_vec v = {0};
    index_dir(c, root, root, 0, &v);
    if (v.len)
        qsort(v.items, v.len, sizeof *v.items, rfile_cmp);
    r->files = v.items;
    r->n = v.len;
    VEC_PUSH(&c->repos, r);
    return r;
}

/* The repository of a file: the nearest ancestor directory holding .git, else the search root
 * when the file is below it, else NULL. */
static char *repo_root_of(fe_includes *c, const char *file)
{
    char *dir = path_dir(file);
    for (;;) {
        /* an lstat, not the folder's listing: the ancestors of a unit can be huge folders
           (/tmp) that nothing else reads, and each worker would list them again */
        char *git = xasprintf("%s/.git", *dir ? dir : "");
        struct stat st;
        bool has_git = lstat(git, &st) == 0;
        free(git);
        if (has_git)
            return dir;
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            break;
        *slash = '\0';
    }
    free(dir);
    if (c->search_root) {
        size_t n = strlen(c->search_root);
        if (strncmp(file, c->search_root, n) == 0 && (file[n] == '/' || c->search_root[n - 1] == '/'))
            return xstrdup(c->search_root);
    }
    return NULL;
}

/* Directory components a and b share. */
static unsigned shared_dirs(const char *a, const char *b)
{
    unsigned n = 0;
    size_t i = 0;
    for (; a[i] && a[i] == b[i]; i++)
        if (a[i] == '/')
            n++;
    return n;
}

static void repo_search(fe_includes *c, const char *norm, const char *from, fe_found *out)
{
    if (from[0] != '/')
        return;
    char *root = repo_root_of(c, from);
    if (!root)
        return;
    const repo_index_t *r = repo_index(c, root);
    free(root);
    /* the part of the name below any leading ./ and ../, lower-cased: what a match must end with */
    const char *tail = norm;
    while (strncmp(tail, "./", 2) == 0 || strncmp(tail, "../", 3) == 0)
        tail += tail[1] == '/' ? 2 : 3;
    char *want = lower_dup(tail);
    const char *base = strrchr(want, '/') ? strrchr(want, '/') + 1 : want;
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(r->files[mid].base, base) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    VEC(const rfile *) cand = {0};
    unsigned best = 0;
    size_t nbest = 0;
    /* the folders the include names first; then, for a path relative to the including file
     * ("../../dll/x.h"), the file name alone: the tree was moved around it. <sys/types.h> and
     * "wil/com.h" name a library's folders and must not become any types.h or com.h. */
    bool relative = tail != norm;
    for (int pass = 0; pass < 2 && cand.len == 0; pass++) {
        const char *w = pass == 0 ? want : base;
        if (pass == 1 && (w == want || !relative))
            break;
        size_t wlen = strlen(w);
        for (size_t i = lo; i < r->n && strcmp(r->files[i].base, base) == 0; i++) {
            const rfile *f = &r->files[i];
            size_t flen = strlen(f->lower);
            if (flen <= wlen || f->lower[flen - wlen - 1] != '/' || strcmp(f->lower + flen - wlen, w) != 0)
                continue;
            VEC_PUSH(&cand, f);
            unsigned s = shared_dirs(f->path, from);
            if (cand.len == 1 || s > best) {
                best = s;
                nbest = 1;
            } else if (s == best) {
                nbest++;
            }
        }
    }
    free(want);
    if (nbest == 1) {
        for (size_t i = 0; i < cand.len; i++)
            if (shared_dirs(cand.items[i]->path, from) == best)
                out->path = xstrdup(cand.items[i]->path);
        out->how = AST_INC_REPO;
    } else if (nbest > 1) {
        strbuf d = {0};
        for (size_t i = 0; i < cand.len; i++)
            if (shared_dirs(cand.items[i]->path, from) == best)
                sb_printf(&d, "%s%s", d.len ? ", " : "", cand.items[i]->path);
        out->detail = sb_take(&d);
        out->how = AST_INC_AMBIGUOUS;
    }
    free(cand.items);
}

bool fe_includes_resolve(fe_includes *c, const char *spelled, bool angled, const char *from,
                         const char *const *dirs, size_t ndirs, fe_found *out)
{
    *out = (fe_found){.how = AST_INC_MISSING};
    char *norm = fe_include_normalize(spelled);
    /* <ddk/ntddk.h>: MinGW keeps the DDK headers in a ddk/ folder; the WDK does not */
    const char *names[2] = {norm, strncasecmp(norm, "ddk/", 4) == 0 ? norm + 4 : NULL};
    for (size_t k = 0; k < 2 && !out->path && names[k]; k++) {
        if (!angled) {
            char *dir = path_dir(from);
            out->path = walk(c, dir, names[k], false);
            free(dir);
        }
        for (size_t i = 0; i < ndirs && !out->path; i++)
            out->path = walk(c, dirs[i], names[k], false);
    }
    if (out->path)
        out->how = AST_INC_WINDOWS;
    else
        repo_search(c, norm, from, out);
    free(norm);
    return out->path != NULL;
}

/* ---- pre-scan: settle the includes clang will not find before the first parse ---- */

/* The quoted and angled #include lines of a file (conditions ignored), read once per parser. */
static const file_incs *includes_of(fe_includes *c, const char *path)
{
    for (size_t i = 0; i < c->scanned.len; i++)
        if (strcmp(c->scanned.items[i].path, path) == 0)
            return &c->scanned.items[i];
    VEC(inc_line) v = {0};
    size_t len;
    char *text = read_file(path, &len);
    for (const char *p = text; p && *p;) {
        const char *q = p;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q == '#') {
            q++;
            while (*q == ' ' || *q == '\t')
                q++;
            if (strncmp(q, "include", 7) == 0 && (q[7] == ' ' || q[7] == '\t' || q[7] == '"' || q[7] == '<')) {
                q += 7;
                while (*q == ' ' || *q == '\t')
                    q++;
                char close = *q == '"' ? '"' : *q == '<' ? '>' : 0;
                const char *e = close ? strchr(q + 1, close) : NULL;
                const char *nl = strchr(q, '\n');
                if (e && (!nl || e < nl) && e > q + 1)
                    VEC_PUSH(&v, ((inc_line){xstrndup(q + 1, (size_t)(e - q - 1)), close == '>'}));
            }
        }
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : NULL;
    }
    free(text);
    VEC_PUSH(&c->scanned, ((file_incs){xstrdup(path), v.items, v.len}));
    return &c->scanned.items[c->scanned.len - 1];
}

typedef struct prescan {
    fe_includes *c;
    const char *const *dirs;
    size_t ndirs;
    const char *root;
    VEC(char *) visited;
    VEC(const char *) stack; /* folders of the files being read: MSVC searches them for "x.h" */
    fe_redirect_fn fn;
    void *ctx;
} prescan;

static void prescan_file(prescan *ps, const char *path, unsigned depth)
{
    for (size_t i = 0; i < ps->visited.len; i++)
        if (strcmp(ps->visited.items[i], path) == 0)
            return;
    if (depth > 16 || ps->visited.len > 2000)
        return;
    VEC_PUSH(&ps->visited, xstrdup(path));
    char *dir = path_dir(path);
    VEC_PUSH(&ps->stack, dir);
    /* includes_of's vector may move while we recurse: copy what we walk */
    const file_incs *fi = includes_of(ps->c, path);
    size_t n = fi->n;
    inc_line *lines = xcalloc(n ? n : 1, sizeof *lines);
    for (size_t i = 0; i < n; i++)
        lines[i] = (inc_line){xstrdup(fi->items[i].spelled), fi->items[i].angled};
    for (size_t i = 0; i < n; i++) {
        char *norm = fe_include_normalize(lines[i].spelled);
        char *hit = NULL;
        for (size_t k = ps->stack.len; k-- > 0 && !hit && !lines[i].angled;)
            hit = walk(ps->c, ps->stack.items[k], norm, true);
        for (size_t k = 0; k < ps->ndirs && !hit; k++)
            hit = walk(ps->c, ps->dirs[k], norm, true);
        if (!hit) {
            fe_found f;
            size_t nl = strlen(norm);
            if (fe_includes_resolve(ps->c, lines[i].spelled, lines[i].angled, path, ps->dirs, ps->ndirs, &f)) {
                hit = xstrdup(f.path);
                ps->fn(ps->ctx, lines[i].spelled, lines[i].angled, path, &f);
            } else if (nl > 4 && strcasecmp(norm + nl - 4, ".tmh") == 0) { /* generated: never on disk */
                free(f.detail);
                f = (fe_found){.how = AST_INC_WPP};
                ps->fn(ps->ctx, lines[i].spelled, lines[i].angled, path, &f);
            } else {
                free(f.detail);
            }
        }
        size_t rl = strlen(ps->root);
        if (hit && strncmp(hit, ps->root, rl) == 0 && hit[rl] == '/')
            prescan_file(ps, hit, depth + 1);
        free(hit);
        free(norm);
        free(lines[i].spelled);
    }
    free(lines);
    ps->stack.len--;
    free(dir);
}

void fe_includes_prescan(fe_includes *c, const char *unit, const char *const *dirs, size_t ndirs,
                         fe_redirect_fn fn, void *ctx)
{
    if (unit[0] != '/')
        return;
    char *root = repo_root_of(c, unit);
    if (!root)
        root = path_dir(unit);
    prescan ps = {.c = c, .dirs = dirs, .ndirs = ndirs, .root = root, .fn = fn, .ctx = ctx};
    prescan_file(&ps, unit, 0);
    for (size_t i = 0; i < ps.visited.len; i++)
        free(ps.visited.items[i]);
    free(ps.visited.items);
    free(ps.stack.items);
    free(root);
}
