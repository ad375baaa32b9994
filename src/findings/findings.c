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
    for (size_t i = 0; i < f->nioctls; i++)
        free(f->ioctls[i].name);
    free(f->ioctls);
    for (size_t i = 0; i < f->ntrace; i++) {
        free(f->trace[i].file);
        free(f->trace[i].text);
    }
    free(f->trace);
}

static void finding_drop(void *f)
{
    finding_free(f);
}

void findings_finish(finding_list *list)
{
    list->len = sort_unique(list->items, list->len, sizeof *list->items, finding_cmp, finding_drop);
}

void findings_free(finding_list *list)
{
    for (size_t i = 0; i < list->len; i++)
        finding_free(&list->items[i]);
    free(list->items);
    memset(list, 0, sizeof *list);
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

char *finding_fingerprint(const finding *f)
{
    char *path = path_from_cwd(f->file);
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
