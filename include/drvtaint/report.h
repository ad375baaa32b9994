/* report.h - render results as text or JSON into a string. The caller decides where the
 * string goes (stdout, or -o FILE written atomically), so a crash never leaves half a report. */
#ifndef DRVTAINT_REPORT_H
#define DRVTAINT_REPORT_H

#include "drvtaint/ast.h"
#include "drvtaint/findings.h"
#include "drvtaint/inventory.h"
#include "drvtaint/rules.h"
#include "drvtaint/triage.h"
#include "drvtaint/util.h"

/* What the report says about one translation unit. Heap strings; see report_unit_free. */
typedef struct report_unit {
    char *path;
    bool skipped;       /* not analysed at all */
    char *skip_reason;  /* why, when skipped */
    ast_health health;  /* failure pointer not used; see skip_reason */
    size_t nfunctions;
    char **limits;      /* analysis limits the unit hit (heap strings): JSON "limits", SARIF notes */
    size_t nlimits;
} report_unit;

typedef struct report_input_error {
    const char *input, *message;
} report_input_error;

typedef triage_stale report_stale; /* a suppression that matched nothing */

typedef struct report_meta {
    const char *tool_version;
    const report_unit *units;
    size_t nunits;
    const report_input_error *input_errors; /* inputs that never became units */
    size_t ninput_errors;
    const report_stale *stale; /* suppressions that matched nothing (--report-stale) */
    size_t nstale;
    bool baseline; /* --baseline was given: say new/unchanged */
    const char *root; /* the project root (%SRCROOT%): SARIF paths and fingerprints are relative to it */
    bool keep_suppressed; /* SARIF: keep suppressed results (with their suppressions) */
} report_meta;

/* Findings a person must look at: neither suppressed in source nor in the baseline. */
bool report_is_active(const finding *f);

/* A path as shown to the user: relative to the working directory when below it. */
char *report_display_path(const char *path);
/* A path relative to the project root when below it (SARIF, fingerprints); root may be NULL
 * (then the working directory). */
char *report_root_path(const char *root, const char *path);

void report_inventory_text(strbuf *out, const inventory *inv);
void report_inventory_json(strbuf *out, const inventory *inv, const report_meta *meta);
/* path:line:col: severity: message [rule], then indented trace lines (gcc problem matcher). */
void report_findings_text(strbuf *out, const finding_list *findings, const report_meta *meta);
/* /abs/path(line,col): severity DT1001: message [rule], then one note line per trace step
 * (MSVC / Visual Studio / VS Code $msCompile). */
void report_findings_msvc(strbuf *out, const finding_list *findings, const rules_set *rules, const report_meta *meta);
void report_findings_json(strbuf *out, const finding_list *findings, const report_meta *meta);
/* SARIF 2.1.0 with every loaded rule, code flows and fingerprints. */
void report_findings_sarif(strbuf *out, const finding_list *findings, const rules_set *rules, const report_meta *meta);
void report_rules_text(strbuf *out, const rules_set *rules);
void report_rules_json(strbuf *out, const rules_set *rules);
/* One section per rule with its sinks, CWEs and unsafe/constrained examples: docs/rules.md. */
void report_rules_markdown(strbuf *out, const rules_set *rules);

/* GitHub's primaryLocationLineHash of every line of a file's bytes (UTF-8), computed as its
 * upload action does (docs/reports.md): *nlines strings "hex:N"; the caller frees each and the
 * array. */
char **report_line_hashes(const char *text, size_t len, size_t *nlines);

/* Writes data to path through a temporary file and rename (a device or a pipe is written in
 * place); returns 0 or -1 with errno. */
int report_write_file(const char *path, const char *data, size_t len);

#endif
