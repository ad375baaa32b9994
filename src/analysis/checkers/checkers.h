/* checkers.h - the checkers: observers of the engine's final pass that turn states into
 * findings (sinks.c) or into test output (intrinsics.c); the entry points and the inventory
 * read the AST only. A checker is a tx_call_observer registered in the driver's list
 * (src/analysis/taint.c, unit_observers); docs/architecture.md shows how to add one. */
#ifndef DRVTAINT_CHECKERS_H
#define DRVTAINT_CHECKERS_H

#include "../interproc/interproc.h"

/* sinks.c: a sink argument that is user-controlled and unbounded at the call is a finding */
void taint_check_call(tx_ctx *tx, tstate *s, const ast_expr *call);

/* probes.c: an mdl-map argument a probe vouches for (an MDL probed and locked for user
   mode, a user range probed with ProbeForRead/ProbeForWrite or by a read's system service) */
bool taint_probe_covers(taint_ctx *ctx, tstate *s, const rules_sink *sink, const ast_expr *call,
                        const rules_sink_arg *a, const fact *f);

/* copy_sides.c: does a copy's length fit its source and its destination? When not, the side
 * that fails: an object of object_size bytes, or the caller's buffer user_buffer (its role). */
typedef struct copy_verdict {
    bool fits;
    uint64_t object_size;
    const ast_expr *user_buffer;
    const char *user_role;
} copy_verdict;
/* sizeof the object a copy argument designates (an array, &local), 0 when unknown */
uint64_t copy_object_bytes(const ast_expr *e);
/* Is side the caller's buffer (user bytes in a kernel buffer), holding the copy's size by a check
 * against the request's own lengths (len <= OutputBufferLength, also made before a helper call)? */
bool copy_side_held_by_caller(taint_ctx *ctx, tstate *s, const ast_expr *side, const ast_expr *size);
copy_verdict copy_size_verdict(taint_ctx *ctx, tstate *s, const rules_sink *sink, const ast_expr *call,
                               const rules_sink_arg *size_arg, const fact *len);

/* mapped.c: the step of a pointer's trace that mapped a caller-chosen physical address, when
 * the argument reads or writes memory through the pointer (a copy, a register access); NULL
 * otherwise. Such a use is the mapping's finding, not one of its own. */
const trace_node *taint_mapped_through(const taint_ctx *ctx, const rules_sink *sink, const rules_sink_arg *a,
                                       const fact *ptr);

/* intrinsics.c: __drvtaint_range(x) and friends record x's fact in ctx->probes */
void taint_probe_call(tx_ctx *tx, tstate *s, const ast_expr *call);
/* "file:line:col: __drvtaint_range(x): [0, 15]" per probe, in line order */
void taint_format_probes(probe_vec *probes, strbuf *out);

#endif
