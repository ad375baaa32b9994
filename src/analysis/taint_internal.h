/* taint_internal.h - the taint + interval analysis, shared by its files.
 *
 * Lattice, per access path (a string key such as "(*in).Msr" or "local.Regs[]"):
 *   fact = { taint bits (VALUE: the user chooses this value; CONTENTS: a kernel pointer to
 *            bytes the user chooses), interval of possible values in the value's C type,
 *            hi/lo_trusted (compared against a trusted non-constant value), sanitized
 *            (a sanitizer function vouched for it), probed (ProbeForRead/Write'd user
 *            pointer), trace (how user data got here) }
 * A path missing from the state has its implicit fact, derived from the state of the
 * paths it is read through and from the source rules. Join is pointwise: taint bits
 * OR, intervals hull, the boolean bounds AND; an unreachable state is the bottom. */
#ifndef DRVTAINT_TAINT_INTERNAL_H
#define DRVTAINT_TAINT_INTERNAL_H

#include "drvtaint/ast.h"
#include "drvtaint/cfg.h"
#include "drvtaint/entry.h"
#include "drvtaint/findings.h"
#include "drvtaint/program.h"
#include "drvtaint/range.h"
#include "drvtaint/rules.h"

enum { TAINT_NONE = 0, TAINT_VALUE = 1, TAINT_CONTENTS = 2 };

typedef struct trace_node {
    trace_kind kind;
    ast_loc loc;
    const char *text;
    const struct trace_node *prev;
} trace_node;

typedef struct fact {
    unsigned taint;
    range r;
    unsigned bits;
    bool is_signed;
    /* the type the value had when it left user memory: a widening cast of a full 32-bit
       value is no bound, so boundedness must hold in this type too */
    unsigned origin_bits;
    bool origin_signed;
    bool hi_trusted, lo_trusted, sanitized, probed;
    const char *alloc_size; /* for a pointer from an allocator: the path of the size it got */
    /* the call whose result this is (status = Validate(x)): testing it later is testing the call */
    const ast_expr *result_of;
    /* x = y, no narrowing: x holds y's value until either changes, so a check of y bounds x */
    const char *copy_of;
    const trace_node *trace;
} fact;

typedef struct entry {
    const char *key;
    const ast_expr *lv; /* an lvalue naming key, to derive its implicit fact */
    fact f;
} entry;

typedef struct tstate {
    bool reachable;
    entry *items; /* sorted by key */
    size_t len, cap;
} tstate;

/* A helper called with user data: analysed again with the caller's facts for its
 * parameters (top-down, so each helper sees what each caller knew). */
typedef struct taint_seed {
    const ast_function *fn;
    const char *root;               /* where the request entered */
    const entry_point *root_entry;  /* its entry record, or NULL */
    uint64_t *ioctls;         /* IOCTL codes known at the call */
    size_t nioctls;
    tstate entry;
    unsigned depth;
    char *signature; /* callee, entry and per-parameter taint: each is analysed once */
} taint_seed;

/* ---- the whole driver (program.c): facts that outlive a unit's AST ---- */

/* What a successful return of a function implies about one of its parameters. */
typedef struct bound {
    unsigned param;
    const char *path; /* relative to the parameter, written "$": "$", "(*$).Msr" */
    fact f;           /* the path's fact on that return: its range and trusted bounds */
} bound;

/* What a function writes through a pointer parameter: *out = req->Msr. */
typedef struct out_flow {
    unsigned param; /* the pointer written through */
    unsigned from;  /* bit i: parameter i reaches it; SUMMARY_OWN: user data the function reads itself */
    fact f;         /* what is written (with its trace when it is the function's own) */
} out_flow;

enum { SUMMARY_OWN = 1u << 31 };

typedef struct fn_summary {
    const char *usr, *name;
    unsigned ret_from;               /* bit i: parameter i reaches the return value; SUMMARY_OWN as above */
    fact ret;                        /* the returned value when one does (no trace) */
    bound *nonzero;                  /* what a nonzero return implies */
    size_t nnonzero;
    bound *success;                  /* what an NT_SUCCESS return implies */
    size_t nsuccess;
    out_flow *outs;                  /* user data written through pointer parameters */
    size_t nouts;
} fn_summary;

typedef VEC(fn_summary) fn_summary_vec;

typedef struct stored_value {
    const char *key; /* "G:g_Port", "F:_DEVICE_EXTENSION.Port" */
    fact f;
} stored_value;

/* A call with user data into a function another unit defines. */
typedef struct cross_seed {
    const char *callee_usr, *callee_name;
    const char *root;
    entry_point root_entry;
    bool has_root_entry;
    uint64_t *ioctls;
    size_t nioctls;
    entry *items; /* the callee's entry state (lv NULL) */
    size_t nitems;
    unsigned depth;
    const char *signature;
} cross_seed;

/* A small set of names, in insertion order (what a unit used, called, wired). */
typedef VEC(const char *) name_set;

typedef struct defined_fn {
    const char *usr, *name;
} defined_fn;

struct unit_facts {
    arena *arena; /* every string, trace and array below */
    VEC(stored_value) stores;
    VEC(uint64_t) reads;       /* hashes of the stored-location keys it read (stored or not), sorted */
    name_set records;          /* records used as device extension or object context */
    fn_summary_vec summaries;
    VEC(cross_seed) seeds;
    VEC(defined_fn) defined;
    name_set calls;            /* USRs of callees the unit does not define */
    name_set tainted_calls;    /* ... and of those it called with user data */
    name_set roots;            /* entry functions of its findings */
    VEC(entry_point) entries;
    VEC(ioctl_name) ioctl_names;
};

typedef struct taint_ctx {
    const ast_tu *tu;
    const ast_function *fn;
    const rules_set *rules;
    arena *scratch; /* keys and trace nodes: live for the whole unit, seeds point into them */
    finding_list *out;
    finding_list *checked; /* the audit: user-controlled sink arguments found bounded; NULL otherwise */
    bool reporting; /* second pass: emit findings */
    unsigned depth; /* call depth of this analysis from an unseeded one */
    VEC(taint_seed) *seeds;
    const entry_set *entries;
    const program *prog;       /* the rest of the driver; NULL when analysing one unit alone */
    unit_facts *facts;         /* what this unit tells the rest; NULL with prog */
    const fn_summary *summaries; /* of this unit's functions */
    size_t nsummaries;
    bool summarising;          /* computing a summary: no findings, stores or seeds */
    const char *root;          /* the function the chain started from */
    const entry_point *root_entry;
    const uint64_t *ioctls;    /* IOCTL codes known where a seeded helper was called */
    size_t nioctls;
} taint_ctx;

enum { TAINT_MAX_CALL_DEPTH = 4 };

/* taint_state.c */
void tstate_init(tstate *s, bool reachable);
void tstate_free(tstate *s);
void tstate_copy(tstate *dst, const tstate *src);
const entry *tstate_get(const tstate *s, const char *key);
void tstate_set(tstate *s, const char *key, const ast_expr *lv, fact f);
/* Forgets key and every path read through it (they now read a different object). */
void tstate_kill(tstate *s, const char *key);
bool tstate_mentions(const char *path, const char *key);
bool tstate_equal(const tstate *a, const tstate *b);
/* dst = dst JOIN src; implicit facts come from ctx. Returns true when dst changed. */
bool tstate_join(taint_ctx *ctx, tstate *dst, const tstate *src, bool widen);
fact fact_join(fact a, fact b);
bool fact_equal(const fact *a, const fact *b);
/* f without what ties it to this function's variables (for a callee's or another unit's state) */
fact fact_detached(fact f);

/* taint_eval.c */
fact fact_untainted(const ast_type *t);
fact fact_const(uint64_t v, const ast_type *t);
const char *taint_path_key(taint_ctx *ctx, const ast_expr *e);
const ast_expr *taint_strip(const ast_expr *e);
fact taint_eval(taint_ctx *ctx, tstate *s, const ast_expr *e);
fact taint_implicit(taint_ctx *ctx, tstate *s, const ast_expr *lv);
void taint_assign(taint_ctx *ctx, tstate *s, const ast_expr *lhs, fact f, ast_loc loc, const char *text);
/* Refines s for the edge where cond has the given truth value; may make s unreachable. */
void taint_refine(taint_ctx *ctx, tstate *s, const ast_expr *cond, bool truth);
void taint_refine_range(taint_ctx *ctx, tstate *s, const ast_expr *value, int64_t lo, int64_t hi);
const trace_node *trace_push(taint_ctx *ctx, const trace_node *prev, trace_kind kind, ast_loc loc, const char *text);

/* taint_calls.c */
void taint_seed_callee(taint_ctx *ctx, tstate *s, const ast_expr *call);

/* IOCTL codes the state pins down (IoControlCode tested equal on this path), plus inherited ones. */
size_t taint_ioctls_of(const taint_ctx *ctx, const tstate *s, uint64_t *out, size_t max);

/* taint_calls.c: a call from another unit becomes a seed of this one */
void taint_queue_cross_seed(taint_ctx *ctx, const cross_seed *cs, const ast_function *fn);
/* taint_calls.c: work handed to a DPC, work item or thread runs the routine with the context */
void taint_seed_deferred(taint_ctx *ctx, tstate *s, const ast_expr *call);

/* program.c */
fact fact_persist(arena *a, fact f);
const stored_value *program_stored(const program *p, const char *key);
bool program_is_context_record(const program *p, const char *record);
const fn_summary *program_summary(const program *p, const char *usr);
const entry_point *program_entry(const program *p, const char *function);
const char *program_ioctl_name(const program *p, uint64_t code);
/* The seeds other units sent into the function with this USR: calls fn for each. */
void program_each_seed(const program *p, const char *usr, void (*fn)(const cross_seed *, void *), void *arg);
bool summary_equal(const fn_summary *a, const fn_summary *b);
/* A stored-location key as a number: units remember what they read by these (a collision
 * only analyses a unit once more). */
uint64_t store_key_hash(const char *key);
/* Adds a copy of s (in a) unless set has it. */
void name_set_add(arena *a, name_set *set, const char *s);
bool name_set_has(const name_set *set, const char *s);
/* Is a kept value at key used where it is read? A global always; a field once its record is
 * an extension or context, known here (local, may be NULL) or to the program. */
bool store_key_counts(const name_set *local, const program *p, const char *key);
void store_hashes_finish(unit_facts *u); /* sorts and de-duplicates u->reads */
bool store_hash_read(const unit_facts *u, const char *key);
bool fact_same_value(const fact *a, const fact *b);

/* taint_stored.c: globals, device extensions and object contexts */
void taint_collect_context_records(const ast_tu *tu, unit_facts *facts);
void taint_store(taint_ctx *ctx, const ast_expr *lv, const fact *f);
bool taint_store_counts(taint_ctx *ctx, const char *key);
bool taint_stored_fact(taint_ctx *ctx, const ast_expr *lv, fact *out);

/* taint_summary.c: what a function does with its parameters */
void taint_summarise_unit(taint_ctx *base, fn_summary_vec *out);
const fn_summary *taint_summary_of(const taint_ctx *ctx, const ast_expr *call);
/* The value a call returns when a parameter reaches it; false when none does. */
bool taint_summary_return(taint_ctx *ctx, tstate *s, const ast_expr *call, fact *out);
/* What the call wrote through its pointer arguments (*out = req->Msr in the callee). */
void taint_summary_outputs(taint_ctx *ctx, tstate *s, const ast_expr *call);
/* Does the summary hand back user data the callee reads itself (return value or out-parameter)? */
bool summary_has_own_source(const fn_summary *sum);
/* Bounds an inferred sanitizer's success implies, on its branch edge. */
bool taint_summary_refine(taint_ctx *ctx, tstate *s, const ast_expr *call, bool nonzero, bool success);
const char *taint_rename_path(taint_ctx *ctx, const char *key, const char *from, const char *to);

/* taint_eval.c: the object an out-pointer argument designates (x for &x, *p for p), or NULL */
const ast_expr *taint_pointee_lvalue(taint_ctx *ctx, const ast_expr *arg, const char **key);

/* taint.c: the dataflow of one function from a start state, with a visitor of the state at each return */
typedef void (*taint_return_fn)(taint_ctx *ctx, tstate *s, const ast_expr *value, void *arg);
void taint_dataflow(taint_ctx *ctx, const ast_function *fn, const tstate *start, taint_return_fn on_return, void *arg);

/* taint_sinks.c */
void taint_check_call(taint_ctx *ctx, tstate *s, const ast_expr *call);
bool fact_is_bounded(const fact *f);

#endif
