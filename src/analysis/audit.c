/* audit.c - join a driver's surfaces, sink calls, findings and bounded verdicts into the
 * audit model: which IOCTL and which entry point reaches each privileged call, and with what
 * verdict. Attribution is by structure (the call is in the code's branch or in a function the
 * branch calls, through the driver's call graph by name) and by the taint paths (a finding or
 * bounded verdict whose path tested the code). */
#include "drvtaint/audit.h"

#include <stdlib.h>
#include <string.h>

#include "drvtaint/util.h"

char *audit_driver_key(const char *unit_path, const char *project)
{
    if (project)
        return xstrdup(project);
    const char *slash = strrchr(unit_path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == unit_path)
        return xstrdup("/");
    return xasprintf("%.*s", (int)(slash - unit_path), unit_path);
}

/* ---- the call graph of one driver, by function name ---- */

typedef struct graph {
    const char **names; /* sorted, unique */
    size_t n;
    VEC(size_t) *adj;
} graph;

static int cstr_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static long graph_find(const graph *g, const char *name)
{
    const char **hit = bsearch(&name, g->names, g->n, sizeof *g->names, cstr_cmp);
    return hit ? (long)(hit - g->names) : -1;
}

static void graph_build(graph *g, const surface *const *surfs, size_t nsurfs)
{
    VEC(const char *) names = {0};
    for (size_t s = 0; s < nsurfs; s++)
        for (size_t i = 0; i < surfs[s]->funcs.len; i++)
            VEC_PUSH(&names, surfs[s]->funcs.items[i].name);
    if (names.len > 1)
        qsort(names.items, names.len, sizeof *names.items, cstr_cmp);
    size_t n = 0;
    for (size_t i = 0; i < names.len; i++)
        if (n == 0 || strcmp(names.items[n - 1], names.items[i]) != 0)
            names.items[n++] = names.items[i];
    g->names = names.items;
    g->n = n;
    g->adj = xcalloc(n ? n : 1, sizeof *g->adj);
    for (size_t s = 0; s < nsurfs; s++)
        for (size_t i = 0; i < surfs[s]->funcs.len; i++) {
            const surface_func *f = &surfs[s]->funcs.items[i];
            long from = graph_find(g, f->name);
            for (size_t c = 0; c < f->ncalls; c++) {
                long to = graph_find(g, f->calls[c]);
                if (to >= 0)
                    VEC_PUSH(&g->adj[from], (size_t)to);
            }
        }
}

static void graph_free(graph *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->adj[i].items);
    free(g->adj);
    free(g->names);
}

/* Marks in seen every function reachable from the named ones (themselves included). */
static void graph_reach(const graph *g, const char *const *start, size_t nstart, bool *seen)
{
    memset(seen, 0, (g->n ? g->n : 1) * sizeof *seen);
    VEC(size_t) work = {0};
    for (size_t i = 0; i < nstart; i++) {
        long k = graph_find(g, start[i]);
        if (k >= 0 && !seen[k]) {
            seen[k] = true;
            VEC_PUSH(&work, (size_t)k);
        }
    }
    while (work.len) {
        size_t k = work.items[--work.len];
        for (size_t j = 0; j < g->adj[k].len; j++) {
            size_t t = g->adj[k].items[j];
            if (!seen[t]) {
                seen[t] = true;
                VEC_PUSH(&work, t);
            }
        }
    }
    free(work.items);
}

static bool reached(const graph *g, const bool *seen, const char *fn)
{
    long k = graph_find(g, fn);
    return k >= 0 && seen[k];
}

/* ---- building one driver ---- */

static bool same_loc(const char *fa, unsigned la, unsigned ca, const char *fb, unsigned lb, unsigned cb)
{
    return la == lb && ca == cb && strcmp(fa, fb) == 0;
}

static const finding *find_at(const finding_list *l, const inventory_entry *e, unsigned arg, size_t *index)
{
    if (!l)
        return NULL;
    for (size_t i = 0; i < l->len; i++) {
        const finding *f = &l->items[i];
        if (f->arg_index == arg && same_loc(f->file, f->line, f->col, e->file, e->line, e->col)) {
            if (index)
                *index = i;
            return f;
        }
    }
    return NULL;
}

static bool finding_tests_code(const finding *f, uint64_t code)
{
    for (size_t i = 0; i < f->nioctls; i++)
        if (f->ioctls[i].code == code)
            return true;
    for (size_t r = 0; r < f->nroutes; r++)
        for (size_t i = 0; i < f->routes[r].nioctls; i++)
            if (f->routes[r].ioctls[i].code == code)
                return true;
    return false;
}

/* a finding or bounded verdict of this op whose path tested the code */
static bool taint_says(const audit_op *op, uint64_t code)
{
    for (size_t a = 0; a < op->nargs; a++)
        if (op->args[a].evidence && finding_tests_code(op->args[a].evidence, code))
            return true;
    return false;
}

/* the taint paths to this op tested IOCTL codes, and none of them is this one: the branch
   that calls it is shared by several codes but the path to the op is not (case A: case B:
   if (code == A) ...) */
static bool taint_excludes(const audit_op *op, uint64_t code)
{
    bool tested = false;
    for (size_t a = 0; a < op->nargs; a++) {
        const finding *f = op->args[a].evidence;
        if (!f)
            continue;
        if (finding_tests_code(f, code))
            return false;
        tested |= f->nioctls > 0;
        for (size_t r = 0; r < f->nroutes; r++)
            tested |= f->routes[r].nioctls > 0;
    }
    return tested;
}

static void push_str_unique(const char ***v, size_t *n, const char *s)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*v)[i], s) == 0)
            return;
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = s;
}

static void push_index(size_t **v, size_t *n, size_t x)
{
    for (size_t i = 0; i < *n; i++)
        if ((*v)[i] == x)
            return;
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = x;
}

static int size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* source order: the order an auditor reads the dispatch routine in */
static int ioctl_cmp(const void *pa, const void *pb)
{
    const audit_ioctl *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->code != b->code)
        return a->code < b->code ? -1 : 1;
    return strcmp(a->handler, b->handler);
}

static int entry_cmp(const void *pa, const void *pb)
{
    const audit_entry *a = pa, *b = pb;
    return strcmp(a->entry->function, b->entry->function);
}

/* "A;;GA;;;WD": an ACE that lets everyone, authenticated users or built-in users in */
static bool sddl_world(const char *sddl)
{
    return sddl && (strstr(sddl, ";;;WD)") || strstr(sddl, ";;;AU)") || strstr(sddl, ";;;BU)") ||
                    strstr(sddl, "WORLD"));
}

/* A METHOD_NEITHER code whose branch, handler or callees read the raw user pointers and
   none of them probes: the handler counts as it often takes the pointer before the switch. */
static bool neither_unprobed(const graph *g, const bool *seen, const surface *const *surfs, size_t nsurfs,
                             const surface_ioctl *io)
{
    bool raw = io->raw_buffer;
    for (size_t c = 0; c < io->ncalls; c++)
        if (strncmp(io->calls[c], "ProbeFor", 8) == 0)
            return false;
    for (size_t s = 0; s < nsurfs; s++)
        for (size_t i = 0; i < surfs[s]->funcs.len; i++) {
            const surface_func *f = &surfs[s]->funcs.items[i];
            if (!reached(g, seen, f->name) && strcmp(f->name, io->at.function) != 0)
                continue;
            raw |= f->raw_buffer;
            for (size_t c = 0; c < f->ncalls; c++)
                if (strncmp(f->calls[c], "ProbeFor", 8) == 0)
                    return false;
        }
    return raw;
}

static bool defines(const surface *const *surfs, size_t nsurfs, const char *fn, const char *file)
{
    for (size_t s = 0; s < nsurfs; s++)
        for (size_t i = 0; i < surfs[s]->funcs.len; i++)
            if (strcmp(surfs[s]->funcs.items[i].name, fn) == 0 && strcmp(surfs[s]->funcs.items[i].file, file) == 0)
                return true;
    return false;
}

static void build_driver(audit_driver *d, const surface *const *surfs, size_t nsurfs, const inventory *inv,
                         const finding_list *findings, const finding_list *checked, bool *taken)
{
    graph g = {0};
    graph_build(&g, surfs, nsurfs);
    bool *seen = xcalloc(g.n ? g.n : 1, sizeof *seen);

    /* the driver's privileged calls: those in functions it defines, in the file that defines
       them (two drivers may each have a DriverEntry); a header's inline function goes to the
       first driver */
    for (size_t i = 0; i < inv->len; i++) {
        const inventory_entry *e = &inv->items[i];
        if (taken[i] || !defines(surfs, nsurfs, e->function, e->file))
            continue;
        taken[i] = true;
        d->ops = xrealloc(d->ops, (d->nops + 1) * sizeof *d->ops);
        audit_op *op = &d->ops[d->nops++];
        *op = (audit_op){e, i, xcalloc(e->nargs ? e->nargs : 1, sizeof *op->args), e->nargs};
        for (size_t a = 0; a < e->nargs; a++) {
            audit_arg *aa = &op->args[a];
            aa->arg = &e->args[a];
            size_t fi = 0;
            const finding *f = find_at(findings, e, e->args[a].index, &fi);
            if (f) {
                aa->verdict = AUDIT_UNBOUNDED;
                aa->evidence = f;
                aa->finding_index = fi;
                push_index(&d->findings, &d->nfindings, fi);
            } else if ((f = find_at(checked, e, e->args[a].index, NULL))) {
                aa->verdict = AUDIT_BOUNDED;
                aa->evidence = f;
            }
        }
    }
    if (d->nfindings > 1)
        qsort(d->findings, d->nfindings, sizeof *d->findings, size_cmp);

    /* entry points, merged by function */
    for (size_t s = 0; s < nsurfs; s++)
        for (size_t i = 0; i < surfs[s]->entries.len; i++) {
            const surface_entry *se = &surfs[s]->entries.items[i];
            bool dup = false;
            for (size_t k = 0; k < d->nentries && !dup; k++)
                dup = strcmp(d->entries[k].entry->function, se->function) == 0;
            if (dup)
                continue;
            d->entries = xrealloc(d->entries, (d->nentries + 1) * sizeof *d->entries);
            d->entries[d->nentries++] = (audit_entry){se, NULL, 0, NULL, 0};
        }
    if (d->nentries)
        qsort(d->entries, d->nentries, sizeof *d->entries, entry_cmp);
    bool **entry_seen = xcalloc(d->nentries ? d->nentries : 1, sizeof *entry_seen);
    for (size_t k = 0; k < d->nentries; k++) {
        audit_entry *en = &d->entries[k];
        entry_seen[k] = xcalloc(g.n ? g.n : 1, sizeof **entry_seen);
        graph_reach(&g, (const char *const *)&en->entry->function, 1, entry_seen[k]);
        for (size_t o = 0; o < d->nops; o++)
            if (reached(&g, entry_seen[k], d->ops[o].call->function))
                push_index(&en->ops, &en->nops, o);
    }

    for (size_t k = 0; k < d->nentries; k++)
        for (size_t j = 0; j < d->nentries; j++)
            if (j != k && reached(&g, entry_seen[j], d->entries[k].entry->function))
                push_str_unique(&d->entries[k].reached_from, &d->entries[k].nreached_from,
                                d->entries[j].entry->function);

    /* IOCTL rows, one per code and handler */
    for (size_t s = 0; s < nsurfs; s++)
        for (size_t i = 0; i < surfs[s]->ioctls.len; i++) {
            const surface_ioctl *io = &surfs[s]->ioctls.items[i];
            audit_ioctl *row = NULL;
            for (size_t k = 0; k < d->nioctls && !row; k++)
                if (d->ioctls[k].code == io->code && strcmp(d->ioctls[k].handler, io->at.function) == 0)
                    row = &d->ioctls[k];
            if (!row) {
                d->ioctls = xrealloc(d->ioctls, (d->nioctls + 1) * sizeof *d->ioctls);
                row = &d->ioctls[d->nioctls++];
                *row = (audit_ioctl){.code = io->code, .code_known = io->code_known, .name = io->name,
                                     .handler = io->at.function,
                                     .file = io->at.file, .line = io->at.line};
                for (size_t k = 0; k < d->nentries; k++)
                    if (reached(&g, entry_seen[k], io->at.function))
                        push_str_unique(&row->entries, &row->nentries, d->entries[k].entry->function);
            }
            if (!row->name)
                row->name = io->name;
            for (size_t c = 0; c < io->nchecks; c++)
                push_str_unique(&row->checks, &row->nchecks, io->checks[c]);
            graph_reach(&g, (const char *const *)io->calls, io->ncalls, seen);
            for (size_t o = 0; o < d->nops; o++) {
                const inventory_entry *e = d->ops[o].call;
                bool in = reached(&g, seen, e->function);
                for (size_t k = 0; k < io->nsites && !in; k++)
                    in = same_loc(io->call_sites[k].file, io->call_sites[k].line, io->call_sites[k].col, e->file,
                                  e->line, e->col);
                if (in && !taint_excludes(&d->ops[o], io->code))
                    push_index(&row->ops, &row->nops, o);
            }
            if (io->code_known && (io->code & 3) == 3 && neither_unprobed(&g, seen, surfs, nsurfs, io))
                row->neither_unprobed = true;
        }
    /* what the taint paths add: a finding or bound whose path tested the code */
    for (size_t k = 0; k < d->nioctls; k++)
        for (size_t o = 0; o < d->nops; o++)
            if (taint_says(&d->ops[o], d->ioctls[k].code))
                push_index(&d->ioctls[k].ops, &d->ioctls[k].nops, o);
    for (size_t k = 0; k < d->nioctls; k++) {
        audit_ioctl *row = &d->ioctls[k];
        if (row->nops > 1)
            qsort(row->ops, row->nops, sizeof *row->ops, size_cmp);
        row->any_access_priv = row->code_known && ((row->code >> 14) & 3) == 0 && row->nops > 0;
        if (row->nentries)
            qsort(row->entries, row->nentries, sizeof *row->entries, cstr_cmp);
    }
    if (d->nioctls)
        qsort(d->ioctls, d->nioctls, sizeof *d->ioctls, ioctl_cmp);

    for (size_t s = 0; s < nsurfs; s++) {
        for (size_t i = 0; i < surfs[s]->devices.len; i++) {
            const surface_device *dev = &surfs[s]->devices.items[i];
            d->devices = xrealloc(d->devices, (d->ndevices + 1) * sizeof *d->devices);
            audit_device ad = {.dev = dev, .sddl = dev->sddl, .secure_open = dev->secure_open,
                               .exclusive = dev->exclusive};
            if (!dev->control) { /* an INF installs the PnP device stack, not a control device */
                if (!ad.sddl && d->inf.sddl) {
                    ad.sddl = d->inf.sddl;
                    ad.inf_sddl_at = &d->inf.sddl_at;
                }
                if (!ad.secure_open && d->inf.secure_open) {
                    ad.secure_open = true;
                    ad.inf_secure_open_at = &d->inf.secure_open_at;
                }
                if (!ad.exclusive && d->inf.exclusive) {
                    ad.exclusive = true;
                    ad.inf_exclusive_at = &d->inf.exclusive_at;
                }
            }
            ad.open_named = dev->name && !ad.sddl && !ad.secure_open;
            ad.world_open = sddl_world(ad.sddl);
            d->devices[d->ndevices++] = ad;
        }
        for (size_t i = 0; i < surfs[s]->links.len; i++) {
            d->links = xrealloc(d->links, (d->nlinks + 1) * sizeof *d->links);
            d->links[d->nlinks++] = &surfs[s]->links.items[i];
        }
    }

    for (size_t k = 0; k < d->nentries; k++)
        free(entry_seen[k]);
    free(entry_seen);
    free(seen);
    graph_free(&g);
}

static int driver_cmp(const void *pa, const void *pb)
{
    return strcmp(((const audit_driver *)pa)->name, ((const audit_driver *)pb)->name);
}

void audit_build(audit_report *r, const surface *surfaces, const char *const *unit_paths,
                 const char *const *unit_projects, size_t nunits, const inventory *inv, const finding_list *findings,
                 const finding_list *checked, bool read_inf)
{
    memset(r, 0, sizeof *r);
    for (size_t u = 0; u < nunits; u++) {
        char *key = audit_driver_key(unit_paths[u], unit_projects ? unit_projects[u] : NULL);
        audit_driver *d = NULL;
        for (size_t k = 0; k < r->ndrivers && !d; k++)
            if (strcmp(r->drivers[k].name, key) == 0)
                d = &r->drivers[k];
        if (d) {
            free(key);
        } else {
            r->drivers = xrealloc(r->drivers, (r->ndrivers + 1) * sizeof *r->drivers);
            d = &r->drivers[r->ndrivers++];
            memset(d, 0, sizeof *d);
            d->name = key;
        }
        push_index(&d->units, &d->nunits, u);
    }
    if (r->ndrivers)
        qsort(r->drivers, r->ndrivers, sizeof *r->drivers, driver_cmp);
    bool *taken = xcalloc(inv->len ? inv->len : 1, sizeof *taken);
    for (size_t k = 0; k < r->ndrivers; k++) {
        audit_driver *d = &r->drivers[k];
        const surface **surfs = xcalloc(d->nunits, sizeof *surfs);
        for (size_t i = 0; i < d->nunits; i++)
            surfs[i] = &surfaces[d->units[i]];
        if (read_inf) {
            /* the project's folder, else the directory that is the driver */
            size_t u = d->units[0];
            const char *project = unit_projects ? unit_projects[u] : NULL;
            const char *slash = project ? strrchr(project, '/') : NULL;
            char *dir = project ? (slash ? xstrndup(project, (size_t)(slash - project)) : xstrdup("."))
                                : xstrdup(d->name);
            inf_read_driver_dir(&d->inf, dir);
            free(dir);
        }
        build_driver(d, surfs, d->nunits, inv, findings, checked, taken);
        free(surfs);
    }
    free(taken);
}

void audit_free(audit_report *r)
{
    for (size_t k = 0; k < r->ndrivers; k++) {
        audit_driver *d = &r->drivers[k];
        free(d->name);
        free(d->units);
        free(d->devices);
        free(d->links);
        for (size_t i = 0; i < d->nioctls; i++) {
            free(d->ioctls[i].entries);
            free(d->ioctls[i].checks);
            free(d->ioctls[i].ops);
        }
        free(d->ioctls);
        for (size_t i = 0; i < d->nentries; i++) {
            free(d->entries[i].ops);
            free(d->entries[i].reached_from);
        }
        free(d->entries);
        for (size_t i = 0; i < d->nops; i++)
            free(d->ops[i].args);
        free(d->ops);
        free(d->findings);
        inf_security_free(&d->inf);
    }
    free(r->drivers);
    memset(r, 0, sizeof *r);
}

void audit_annotate_inventory(inventory *inv, const surface *surfaces, const char *const *unit_paths,
                              const char *const *unit_projects, size_t nunits)
{
    audit_report r;
    audit_build(&r, surfaces, unit_paths, unit_projects, nunits, inv, NULL, NULL, false);
    for (size_t k = 0; k < r.ndrivers; k++) {
        const audit_driver *d = &r.drivers[k];
        for (size_t i = 0; i < d->nioctls; i++)
            for (size_t o = 0; o < d->ioctls[i].nops; o++) {
                inventory_entry *e = &inv->items[d->ops[d->ioctls[i].ops[o]].inv_index];
                bool dup = false;
                for (size_t x = 0; x < e->nioctls && !dup; x++)
                    dup = e->ioctls[x].code == d->ioctls[i].code;
                if (dup)
                    continue;
                e->ioctls = xrealloc(e->ioctls, (e->nioctls + 1) * sizeof *e->ioctls);
                e->ioctls[e->nioctls++] = (inventory_ioctl){d->ioctls[i].code_known ? d->ioctls[i].code : 0,
                                                            d->ioctls[i].name ? xstrdup(d->ioctls[i].name) : NULL};
            }
        for (size_t i = 0; i < d->nentries; i++)
            for (size_t o = 0; o < d->entries[i].nops; o++) {
                inventory_entry *e = &inv->items[d->ops[d->entries[i].ops[o]].inv_index];
                e->entries = xrealloc(e->entries, (e->nentries + 1) * sizeof *e->entries);
                e->entries[e->nentries++] = xstrdup(d->entries[i].entry->function);
            }
    }
    audit_free(&r);
}
