/* findings.c - the list of findings: ownership, order and de-duplication. */
#include "drvtaint/findings.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "drvtaint/util.h"

void findings_add(finding_list *list, finding f)
{
    if (list->len == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 16;
        list->items = xrealloc(list->items, list->cap * sizeof *list->items);
    }
    list->items[list->len++] = f;
}

void findings_move(finding_list *dst, finding_list *src)
{
    for (size_t i = 0; i < src->len; i++)
        findings_add(dst, src->items[i]);
    free(src->items);
    memset(src, 0, sizeof *src);
}

static int finding_cmp(const void *pa, const void *pb)
{
    const finding *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    if ((c = strcmp(a->rule, b->rule)))
        return c;
    if (a->arg_index != b->arg_index)
        return a->arg_index < b->arg_index ? -1 : 1;
    return strcmp(a->function, b->function);
}

static void free_steps(trace_step *steps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(steps[i].file);
        free(steps[i].text);
    }
    free(steps);
}

static void free_ioctls(finding_ioctl *ioctls, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ioctls[i].name);
    free(ioctls);
}

static void finding_free(finding *f)
{
    free(f->rule);
    free(f->file);
    free(f->function);
    free(f->sink);
    free(f->written);
    free(f->role);
    free(f->arg_text);
    free(f->range);
    free(f->message);
    free(f->suppressed);
    free(f->witness);
    free(f->entry);
    free(f->entry_kind);
    free_ioctls(f->ioctls, f->nioctls);
    free_steps(f->trace, f->ntrace);
    for (size_t i = 0; i < f->nroutes; i++) {
        free(f->routes[i].entry);
        free(f->routes[i].entry_kind);
        free_ioctls(f->routes[i].ioctls, f->routes[i].nioctls);
        free_steps(f->routes[i].trace, f->routes[i].ntrace);
    }
    free(f->routes);
    free(f->fold_file);
    free_steps(f->related, f->nrelated);
}

static void finding_drop(finding *f)
{
    finding_free(f);
}

void finding_dispose(finding *f)
{
    finding_free(f);
}

static const char *entry_name(const finding *f)
{
    return f->entry ? f->entry : f->function;
}

/* finding_cmp, then the entry and the trace: a total order, so merging is deterministic */
static int finding_order(const void *pa, const void *pb)
{
    const finding *a = pa, *b = pb;
    int c = finding_cmp(a, b);
    if (c)
        return c;
    /* a route from an entry point leads a helper analysed on its own */
    if (!a->entry_kind != !b->entry_kind)
        return a->entry_kind ? -1 : 1;
    if ((c = strcmp(entry_name(a), entry_name(b))))
        return c;
    if (a->ntrace != b->ntrace)
        return a->ntrace < b->ntrace ? -1 : 1;
    for (size_t i = 0; i < a->ntrace; i++) {
        if ((c = strcmp(a->trace[i].file, b->trace[i].file)))
            return c;
        if (a->trace[i].line != b->trace[i].line)
            return a->trace[i].line < b->trace[i].line ? -1 : 1;
        if ((c = strcmp(a->trace[i].text, b->trace[i].text)))
            return c;
    }
    return strcmp(a->message, b->message);
}

static bool has_entry(const finding *f, const char *entry)
{
    if (strcmp(entry_name(f), entry) == 0)
        return true;
    for (size_t i = 0; i < f->nroutes; i++)
        if (strcmp(f->routes[i].entry, entry) == 0)
            return true;
    return false;
}

/* Moves other's entry path into keep as a route; other is freed by the caller. */
static void add_route(finding *keep, finding *other)
{
    keep->routes = xrealloc(keep->routes, (keep->nroutes + 1) * sizeof *keep->routes);
    finding_route *r = &keep->routes[keep->nroutes++];
    *r = (finding_route){xstrdup(entry_name(other)), other->entry_kind, other->ioctls, other->nioctls,
                         other->trace, other->ntrace};
    other->entry_kind = NULL;
    other->ioctls = NULL;
    other->nioctls = 0;
    other->trace = NULL;
    other->ntrace = 0;
    char *msg = xasprintf("%s; also reached through %s%s%s%s", keep->message, r->entry, r->entry_kind ? " (" : "",
                          r->entry_kind ? r->entry_kind : "", r->entry_kind ? ")" : "");
    free(keep->message);
    keep->message = msg;
}

void findings_finish(finding_list *list)
{
    findings_fold(list);
    if (list->len > 1)
        qsort(list->items, list->len, sizeof *list->items, finding_order);
    size_t out = 0;
    for (size_t i = 0; i < list->len; i++) {
        finding *f = &list->items[i];
        finding *keep = out ? &list->items[out - 1] : NULL;
        if (keep && finding_cmp(keep, f) == 0) {
            /* the helper as its own "entry" says nothing once an entry point reaches it */
            bool helper_alone = !f->entry_kind && strcmp(entry_name(f), f->function) == 0;
            if (!has_entry(keep, entry_name(f)) && !(keep->entry_kind && helper_alone))
                add_route(keep, f);
            for (size_t r = 0; r < f->nrelated; r++)
                finding_add_related(keep, &f->related[r]);
            finding_drop(f);
            continue;
        }
        list->items[out++] = *f;
    }
    list->len = out;
}

void findings_free(finding_list *list)
{
    for (size_t i = 0; i < list->len; i++)
        finding_free(&list->items[i]);
    free(list->items);
    memset(list, 0, sizeof *list);
}

size_t findings_keep(finding_list *list, bool (*keep)(const finding *f, const void *ctx), const void *ctx)
{
    size_t out = 0;
    for (size_t i = 0; i < list->len; i++) {
        if (keep(&list->items[i], ctx))
            list->items[out++] = list->items[i];
        else
            finding_free(&list->items[i]);
    }
    size_t dropped = list->len - out;
    list->len = out;
    return dropped;
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

char *finding_fingerprint(const finding *f, const char *root)
{
    char *path = path_below(f->file, root);
    uint64_t h = 0xcbf29ce484222325ULL;
    const char *parts[] = {f->rule, path, f->function, f->sink, f->role, f->arg_text};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        h = fnv1a(h, parts[i] ? parts[i] : "");
        h = fnv1a(h, "\x1f");
    }
    free(path);
    return xasprintf("%016llx", (unsigned long long)h);
}

const char *finding_severity_name(finding_severity s)
{
    switch (s) {
    case FINDING_NOTE: return "note";
    case FINDING_WARNING: return "warning";
    case FINDING_ERROR: return "error";
    }
    return "warning";
}

const char *trace_kind_name(trace_kind k)
{
    switch (k) {
    case TRACE_SOURCE: return "source";
    case TRACE_READ: return "read";
    case TRACE_ASSIGN: return "assign";
    case TRACE_COPY: return "copy";
    case TRACE_SINK: return "sink";
    }
    return "step";
}
