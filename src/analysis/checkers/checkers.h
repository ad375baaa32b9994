/* checkers.h - the checkers: observers of the engine's final pass that turn states into
 * findings (sinks.c) or into test output (intrinsics.c); the entry points and the inventory
 * read the AST only. A checker is a tx_call_observer registered in the driver's list
 * (src/analysis/taint.c, unit_observers); docs/architecture.md shows how to add one. */
#ifndef DRVTAINT_CHECKERS_H
#define DRVTAINT_CHECKERS_H

#include "../interproc/interproc.h"

/* sinks.c: a sink argument that is user-controlled and unbounded at the call is a finding */
void taint_check_call(tx_ctx *tx, tstate *s, const ast_expr *call);

#endif
