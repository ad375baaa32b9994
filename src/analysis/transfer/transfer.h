/* transfer.h - the transfer layer: what an expression is worth in a state, what an
 * assignment, a call or a branch condition does to the state, and the models of Windows
 * APIs (copies, allocators, deferred routines, context getters) as tables (models.c).
 *
 * It knows nothing of summaries, kept values, seeds or findings: the layers above plug
 * into it through tx_hooks (models they supply: a callee's summary, a value kept by an
 * earlier request) and tx_ctx.pre_call (observers of each call, installed by the engine
 * for its final pass only, so the fixed point is computed without them). Evaluating an
 * expression changes the state only as the expression itself does (x = y, i++, a call's
 * out-parameters); tx_peek looks at a value without even that. */
#ifndef DRVTAINT_TRANSFER_H
#define DRVTAINT_TRANSFER_H

#include "../domain/domain.h"
#include "drvtaint/cfg.h"
#include "drvtaint/rules.h"

typedef struct tx_ctx tx_ctx;

/* Models the layers above supply. Any may be NULL. */
typedef struct tx_hooks {
    /* the value an lvalue holds because an earlier request kept it there */
    bool (*stored_fact)(tx_ctx *tx, const ast_expr *lv, fact *out);
    /* a value written to an lvalue (key: its path, or NULL for GetContext(h)->Field) */
    void (*on_store)(tx_ctx *tx, const ast_expr *lv, const fact *f);
    /* what a call writes through its pointer arguments, returns, and implies on a branch */
    void (*call_outputs)(tx_ctx *tx, tstate *s, const ast_expr *call);
    bool (*call_return)(tx_ctx *tx, tstate *s, const ast_expr *call, fact *out);
    bool (*call_refine)(tx_ctx *tx, tstate *s, const ast_expr *call, bool nonzero, bool success);
} tx_hooks;

/* Observes a call in the state just before its own effects (its arguments are evaluated). */
typedef void (*tx_call_observer)(tx_ctx *tx, tstate *s, const ast_expr *call);

struct tx_ctx {
    const ast_tu *tu;
    const ast_function *fn;
    const rules_set *rules;
    arena *scratch; /* keys and trace nodes: live for the whole unit, seeds point into them */
    const tx_hooks *hooks;
    const tx_call_observer *pre_call; /* set by the engine in its final pass only */
    size_t npre_call;
    /* the request is one whose system service probed Irp->UserBuffer (IRP_MJ_READ, ...) */
    bool user_buffer_probed;
};

/* eval.c */
fact tx_eval(tx_ctx *tx, tstate *s, const ast_expr *e);
/* The value of e in s, leaving s as it was (the effects of e happen on a copy, if it has any). */
fact tx_peek(tx_ctx *tx, const tstate *s, const ast_expr *e);
/* The fact of an lvalue the state has no entry for (a source field, a kept value, a read
 * through a pointer to user data). */
fact tx_implicit(tx_ctx *tx, tstate *s, const ast_expr *lv);
/* for tstate_join: arg is the tx_ctx */
fact tx_implicit_cb(void *tx, tstate *scratch, const ast_expr *lv);
/* The object an out-pointer argument designates (x for &x, *p for p), or NULL. */
const ast_expr *tx_pointee_lvalue(tx_ctx *tx, const ast_expr *arg, const char **key);
/* A value read out of user memory (an array of it: a pointer to user bytes), with its trace. */
fact tx_user_value(const ast_type *t, const trace_node *trace);
/* A value entering from a source rule, as a user value or a pointer to user bytes. */
fact tx_source_fact(tx_ctx *tx, const ast_type *t, rules_taint kind, ast_loc loc, const char *text);
/* The value an argument points at (x for &x, *p otherwise), leaving s as it was. */
fact tx_peek_pointee(tx_ctx *tx, const tstate *s, const ast_expr *arg);
const char *tx_path_key(tx_ctx *tx, const ast_expr *e);

/* effects.c */
void tx_assign(tx_ctx *tx, tstate *s, const ast_expr *lhs, fact f, ast_loc loc, const char *text);
/* What a statement of the CFG does to the state. */
void tx_stmt(tx_ctx *tx, tstate *s, const cfg_stmt *st);
/* The call's effects on s after its arguments, and the value it returns. */
void tx_call_effects(tx_ctx *tx, tstate *s, const ast_expr *call, fact *result);

/* refine.c: s on the edge where cond has the given truth value; may make s unreachable */
void tx_refine(tx_ctx *tx, tstate *s, const ast_expr *cond, bool truth);
void tx_refine_range(tx_ctx *tx, tstate *s, const ast_expr *value, int64_t lo, int64_t hi);

/* objects.c: the size of the object a call returns or maps (REL_ALLOC_SIZE of the result, or
 * of the base ZwMapViewOfSection writes), and the names strings and routine pointers stand for */
void tx_object_effects(tx_ctx *tx, tstate *s, const ast_expr *call, fact *result);
/* the callee's name, or the routine a pointer from MmGetSystemRoutineAddress stands for */
const char *tx_routine_name(tx_ctx *tx, const tstate *s, const ast_expr *call);
/* does the call only read its i-th argument, though it is written &x? */
bool tx_arg_is_input(const ast_expr *call, size_t i);
/* the characters of a string literal (L"Name" -> Name), or NULL */
const char *tx_literal_name(tx_ctx *tx, const ast_expr *e);
/* key (a string set from chars) stands for the literal chars spells, if it is one */
void tx_string_names(tx_ctx *tx, tstate *s, const char *key, const ast_expr *target, const ast_expr *chars);

/* relational.c: checks that relate values, symbolic upper bounds (REL_AT_MOST) */
/* l op r holds (op a comparison): each term of a linear side gets its bound */
void tx_refine_relational(tx_ctx *tx, tstate *s, const ast_expr *l, ast_binop op, const ast_expr *r);
/* a copy of size bytes at ptr (base or base + offset) stays inside base's object of known size */
bool tx_copy_fits(tx_ctx *tx, const tstate *s, const ast_expr *ptr, const ast_expr *size);
/* size <= a length the caller gave with the request (InputBufferLength, OutputBufferLength, a
   KMDF length parameter), by the checks' symbolic bounds: a copy of size bytes stays inside the
   I/O manager's buffer for the request, which holds the larger of the two */
bool tx_size_within_caller_length(tx_ctx *tx, const tstate *s, const ast_expr *size);
/* the text of a size as a linear form ("h + n + 12", "len", "64"), or its path */
const char *tx_size_form(tx_ctx *tx, const tstate *s, const ast_expr *e);
/* ptr is base + offset with 0 <= offset <= base's size: *base_fact is base's fact */
bool tx_pointer_inside(tx_ctx *tx, const tstate *s, const ast_expr *ptr, fact *base_fact);

/* models.c: the Windows API as tables */
typedef struct tx_copy_model {
    const char *name;
    unsigned dst, src;
} tx_copy_model;
const tx_copy_model *tx_copy_model_of(const ast_expr *call);
/* Irp->RequestorMode, ExGetPreviousMode(), WdfRequestGetRequestorMode(r): KernelMode or UserMode */
bool tx_is_requestor_mode(const ast_expr *e);
/* RtlInitUnicodeString and its kin: dst is the string, src its characters */
const tx_copy_model *tx_string_init_of(const ast_expr *call);
/* the size argument of a pool allocator, or -1 */
int tx_allocator_size_arg(const char *name);
/* The allocator a function pointer's type or variable is named after (PFN_ExAllocatePool2,
 * pfnExAllocatePoolWithTag: drivers that load ExAllocatePool2 where it exists), or NULL. */
const char *tx_allocator_in_name(const char *text);
typedef struct tx_deferred_model {
    const char *api;
    unsigned routine, context, param; /* where the routine and context are; the routine's parameter */
} tx_deferred_model;
const tx_deferred_model *tx_deferred_model_of(const char *name);
/* Calls and fields that return a device extension or object context. */
bool tx_is_context_getter(const ast_expr *e);
/* ProbeForRead/ProbeForWrite (arg: the address, len: its length) and the MDL probes
   MmProbeAndLockPages and kin (arg: the MDL, len: the access mode) */
typedef struct tx_probe_model {
    const char *name;
    unsigned arg, len;
} tx_probe_model;
const tx_probe_model *tx_range_probe_of(const char *name);
const tx_probe_model *tx_mdl_probe_of(const char *name);
bool tx_is_kernel_mode(const ast_expr *mode);
/* IRP_MJ_READ and the other requests whose system service probed Irp->UserBuffer */
bool tx_request_probes_user_buffer(const char *major);
/* the source rule of Irp->UserBuffer */
bool tx_is_request_user_buffer(const rules_source *src);

#endif
