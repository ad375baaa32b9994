/* triage.c - suppressions, baseline and pull-request mode after the analysis (triage.h). */
#include "drvtaint/triage.h"

#include <stdlib.h>
#include <string.h>

void triage_findings(finding_list *findings, const triage_options *o, triage_result *r)
{
    memset(r, 0, sizeof *r);
    suppress_apply(&r->sup, findings, o->rules);
    /* every unit's file: a misspelled rule must be reported even where nothing was found */
    for (size_t i = 0; i < o->nsources; i++)
        suppress_scan_file(&r->sup, o->sources[i], o->rules);
    for (size_t i = 0; i < r->sup.len; i++) {
        const suppression *sp = &r->sup.items[i];
        char *path = path_from_cwd(sp->file);
        if (sp->unknown) {
            sb_printf(&r->messages,
                      "%s:%u:1: %s: suppression names no loaded rule '%s' (a rule id or code; see 'drvtaint "
                      "rules') [" SUPPRESS_CODE_UNKNOWN "]\n",
                      path, sp->line, o->strict ? "error" : "warning", sp->rule);
            r->bad_suppressions++;
        } else if (!sp->reason) {
            sb_printf(&r->messages,
                      "%s:%u:1: warning: suppression of %s without a reason is ignored (write "
                      "'// drvtaint-ignore[%s]: why')\n",
                      path, sp->line, sp->rule, sp->rule);
        } else if (!sp->used && o->report_stale) {
            VEC_PUSH(&r->stale, ((triage_stale){sp->file, sp->rule, sp->line}));
        }
        free(path);
    }
    size_t matched = baseline_apply(findings, o->baseline, o->nbaseline, o->root);
    if (o->nbaseline > 0 && matched == 0)
        sb_printf(&r->messages,
                  "drvtaint: warning: the baseline %s matches none of the %zu findings (made under another "
                  "--root, %s now?)\n",
                  o->baseline_path ? o->baseline_path : "", findings->len, o->root ? o->root : ".");
    if (o->changes)
        changes_filter(o->changes, findings);
    for (size_t i = 0; i < findings->len; i++) {
        r->nsuppressed += findings->items[i].suppressed != NULL;
        r->nbaseline += findings->items[i].in_baseline && !findings->items[i].suppressed;
    }
}

void triage_result_free(triage_result *r)
{
    suppress_free(&r->sup);
    free(r->stale.items);
    sb_free(&r->messages);
    memset(r, 0, sizeof *r);
}
