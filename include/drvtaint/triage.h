/* triage.h - what happens to the findings after the analysis and before the report: the
 * in-source suppressions, the baseline, and pull-request mode, in that order. One call, so the
 * run (src/cli/run.c) only hands in the options and prints what comes back. */
#ifndef DRVTAINT_TRIAGE_H
#define DRVTAINT_TRIAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "drvtaint/changes.h"
#include "drvtaint/findings.h"
#include "drvtaint/rules.h"
#include "drvtaint/suppress.h"
#include "drvtaint/util.h"

/* A suppression that matched no finding (--report-stale). Strings belong to the result. */
typedef struct triage_stale {
    const char *file, *rule;
    unsigned line;
} triage_stale;

typedef struct triage_options {
    const rules_set *rules;
    const char *const *sources; /* every unit's file: suppressions are read from all of them */
    size_t nsources;
    char *const *baseline; /* fingerprints of --baseline, or NULL */
    size_t nbaseline;
    const char *baseline_path; /* for the message when it matches nothing */
    const char *root;          /* the project root: fingerprints are relative to it */
    const change_set *changes; /* pull-request mode, or NULL */
    bool report_stale, strict;
} triage_options;

typedef struct triage_result {
    suppression_set sup;
    VEC(triage_stale) stale;
    size_t nsuppressed, nbaseline;
    size_t bad_suppressions; /* naming no loaded rule: a warning, an error with --strict */
    strbuf messages;         /* warnings for standard error, one a line */
} triage_result;

/* Marks suppressed findings and those in the baseline, then (pull-request mode) drops the
 * findings that touch no change. The result is the caller's: triage_result_free. */
void triage_findings(finding_list *findings, const triage_options *o, triage_result *r);
void triage_result_free(triage_result *r);

#endif
