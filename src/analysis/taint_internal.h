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

/* A helper of the same unit called with user data: analysed again with the caller's facts
 * for its parameters (top-down; summaries across units are the whole-driver analysis). */
typedef struct taint_seed {
    const ast_function *fn;
    const ast_function *root; /* where the request entered */
    uint64_t *ioctls;         /* IOCTL codes known at the call */
    size_t nioctls;
    tstate entry;
    unsigned depth;
    char *signature; /* callee and per-parameter taint: each is analysed once */
} taint_seed;

typedef struct taint_ctx {
    const ast_tu *tu;
    const ast_function *fn;
    const rules_set *rules;
    arena *scratch; /* keys and trace nodes: live for the whole unit, seeds point into them */
    finding_list *out;
    bool reporting; /* second pass: emit findings */
    unsigned depth; /* call depth of this analysis from an unseeded one */
    VEC(taint_seed) *seeds;
    const entry_set *entries;
    const ast_function *root;  /* the function the chain started from */
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

/* taint_sinks.c */
void taint_check_call(taint_ctx *ctx, tstate *s, const ast_expr *call);
bool fact_is_bounded(const fact *f);

#endif
