/* fold.c - one finding per root cause (issue 12, item 7). A copy into or out of a mapping of
 * a caller-chosen physical address is the mapping's bug: the checker marks such a finding with
 * the mapping call (fold_file/line/col) and this pass turns it into a related location of the
 * mapping's finding. Run on the whole list (all units, before de-duplication), so a mapping in
 * one function and its copy in another fold too. A marked finding whose mapping has no finding
 * (suppressed in the analysis, or the mapping was not a sink argument we check) is kept: folding
 * never loses a report. */
#include "drvtaint/findings.h"

#include <stdlib.h>
#include <string.h>

#include "drvtaint/util.h"

static bool same_step(const trace_step *a, const trace_step *b)
{
    return a->line == b->line && a->col == b->col && strcmp(a->file, b->file) == 0 && strcmp(a->text, b->text) == 0;
}

static int step_cmp(const void *pa, const void *pb)
{
    const trace_step *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return strcmp(a->text, b->text);
}

void finding_add_related(finding *f, const trace_step *st)
{
    for (size_t i = 0; i < f->nrelated; i++)
        if (same_step(&f->related[i], st))
            return;
    f->related = xrealloc(f->related, (f->nrelated + 1) * sizeof *f->related);
    f->related[f->nrelated++] = (trace_step){st->kind, xstrdup(st->file), st->line, st->col, xstrdup(st->text)};
    /* in source order whatever order the units came in: output stays deterministic */
    qsort(f->related, f->nrelated, sizeof *f->related, step_cmp);
}

static bool is_root_of(const finding *root, const finding *use)
{
    return !root->fold_file && root->line == use->fold_line && root->col == use->fold_col &&
           strcmp(root->role, "physical-address") == 0 && strcmp(root->file, use->fold_file) == 0;
}

void findings_fold(finding_list *list)
{
    bool *gone = xcalloc(list->len ? list->len : 1, sizeof *gone);
    for (size_t i = 0; i < list->len; i++) {
        const finding *f = &list->items[i];
        if (!f->fold_file)
            continue;
        /* the use: the sink call with the argument that reads or writes the mapping */
        char *text = xasprintf("uses the mapping: %s", f->trace[f->ntrace - 1].text);
        trace_step use = {TRACE_SINK, f->file, f->line, f->col, text};
        for (size_t j = 0; j < list->len; j++)
            if (is_root_of(&list->items[j], f)) {
                finding_add_related(&list->items[j], &use);
                gone[i] = true;
            }
        free(text);
    }
    size_t out = 0;
    for (size_t i = 0; i < list->len; i++) {
        if (gone[i])
            finding_dispose(&list->items[i]);
        else
            list->items[out++] = list->items[i];
    }
    list->len = out;
    free(gone);
}
