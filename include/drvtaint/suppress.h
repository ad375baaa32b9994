/* suppress.h - in-source suppressions and baselines: which findings a team has already
 * judged, so CI blocks only new ones.
 *
 *   // drvtaint-ignore[rule-id, ...]: reason          on the sink's line or the line before
 *   drvtaint-ignore[rule-id]: reason in a block comment, up to its end: the same
 *   #pragma prefast(suppress: rule-id, "reason")      the same, for a drvtaint rule id
 *
 * A rule may be named by its id or its code (DT1001). The reason is required; a suppression
 * without one, or naming no loaded rule, is reported and ignored. */
#ifndef DRVTAINT_SUPPRESS_H
#define DRVTAINT_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "drvtaint/findings.h"
#include "drvtaint/rules.h"

/* Codes of drvtaint's own diagnostics about suppressions (rule codes start at DT1000). */
#define SUPPRESS_CODE_STALE "DT0001"   /* a suppression that matches no finding */
#define SUPPRESS_CODE_UNKNOWN "DT0002" /* a suppression naming no loaded rule */

typedef struct suppression {
    char *file;
    unsigned line;
    char *rule;
    char *reason; /* NULL when missing: such a suppression does nothing */
    bool used;
    bool unknown; /* rule names no loaded rule (kept as written): it does nothing */
} suppression;

typedef struct suppression_set {
    suppression *items;
    size_t len, cap;
    char **files; /* files already read */
    size_t nfiles;
} suppression_set;

/* Reads the suppressions of a file (once). Only ids of loaded rules count for prefast pragmas. */
void suppress_scan_file(suppression_set *set, const char *path, const rules_set *rules);
/* Marks each finding that a suppression covers (same file, same line or the line before). */
void suppress_apply(suppression_set *set, finding_list *findings, const rules_set *rules);
void suppress_free(suppression_set *set);

/* Reads fingerprints from a previous JSON or SARIF report; -1 with *err on failure. */
int baseline_load(const char *path, char ***fingerprints, size_t *n, char **err);
/* Marks findings whose fingerprint is in the baseline, one finding per baseline entry (a
 * multiset); fingerprints are taken relative to root (see finding_fingerprint). Returns how
 * many entries matched. */
size_t baseline_apply(finding_list *findings, char *const *fingerprints, size_t n, const char *root);

#endif
