/* taint.h - IOCTL input to privileged sinks, with bounds that must hold on every path.
 *
 * One analysis answers every sink rule: for each function it runs a forward dataflow
 * over the CFG whose state maps access paths to facts {taint kind, interval, trusted
 * bounds, probed, trace}, refined on branch edges and joined at merges. A sink
 * argument whose role must be bounded is reported when it is user-controlled and not
 * bounded at the call. */
#ifndef DRVTAINT_TAINT_H
#define DRVTAINT_TAINT_H

#include "drvtaint/ast.h"
#include "drvtaint/findings.h"
#include "drvtaint/program.h"
#include "drvtaint/rules.h"

/* Appends the findings of every function of tu to out. */
void taint_analyse_unit(const ast_tu *tu, const rules_set *rules, finding_list *out);
/* The same as one unit of a whole driver: reads what the other units told prog and
 * writes what this one tells them into facts (see program.h). */
void taint_analyse_in_program(const ast_tu *tu, const rules_set *rules, const program *prog, unit_facts *facts,
                              finding_list *out);
/* The same, and also appends to checked, as findings of the same shape, the user-controlled
 * sink arguments that are bounded at the call (range: the proven range; message: why). */
void taint_analyse_for_audit(const ast_tu *tu, const rules_set *rules, const program *prog, unit_facts *facts,
                             finding_list *out, finding_list *checked);
/* One line per function with a summary: "Name: returns $0 [0, 7]; nonzero: (*$0).Msr [0x10, 0x1f]"
 * (what its callers learn from it; for tests and debugging). */
void taint_describe_summaries(const ast_tu *tu, const rules_set *rules, strbuf *out);
/* --dump: for each function with a body (or only the one named function, when not NULL), its
 * CFG, its state on entry to each block when analysed from nothing, or its summary. The state
 * dump ends with what the unit's state intrinsics (__drvtaint_range(x), ...) saw, one line
 * each: "file:line:col: __drvtaint_range(x): [0, 15]". */
typedef enum { TAINT_DUMP_CFG, TAINT_DUMP_STATE, TAINT_DUMP_SUMMARIES } taint_dump_kind;
void taint_dump(const ast_tu *tu, const rules_set *rules, taint_dump_kind kind, const char *function, strbuf *out);
/* The same for one function (for tests on hand-built ASTs). */
void taint_analyse_function(const ast_tu *tu, const ast_function *fn, const rules_set *rules, finding_list *out);

#endif
