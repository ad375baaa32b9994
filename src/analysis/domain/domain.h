/* domain.h - the abstract domain of the taint + interval analysis (the lowest layer).
 *
 * Lattice, per access path (a string key such as "(*in).Msr" or "local.Regs[]"):
 *   fact = { taint bits (VALUE: the user chooses this value; CONTENTS: a kernel pointer to
 *            bytes the user chooses), interval of possible values in the value's C type,
 *            hi/lo_trusted (compared against a trusted non-constant value), sanitized
 *            (a sanitizer function vouched for it), probed (ProbeForRead/Write'd user
 *            pointer), relations to other paths and calls (relation.c), trace (how user
 *            data got here) }
 * A path missing from the state has its implicit fact, which the layer above supplies
 * through a callback (tstate_join never evaluates anything itself). Join is pointwise:
 * taint bits OR, intervals hull, the boolean bounds AND, relations intersect; an
 * unreachable state is the bottom.
 *
 * Layers (docs/architecture.md): domain -> transfer -> engine -> interproc -> checkers.
 * This header includes nothing of the analysis above it. */
#ifndef DRVTAINT_DOMAIN_H
#define DRVTAINT_DOMAIN_H

#include "drvtaint/ast.h"
#include "drvtaint/findings.h"
#include "drvtaint/range.h"
#include "drvtaint/util.h"

enum { TAINT_NONE = 0, TAINT_VALUE = 1, TAINT_CONTENTS = 2 };

typedef struct trace_node {
    trace_kind kind;
    ast_loc loc;
    const char *text;
    const struct trace_node *prev;
} trace_node;

/* ---- relation.c: what a value is known to be in terms of another path or a call ----
 * One slot per kind (a value has at most one of each); the kind's row in relation.c says
 * what its target is (a path compared by text, or a call compared by identity), whether an
 * assignment to a path it names ends it, and whether it survives leaving the function. */
typedef enum rel_kind {
    REL_ALLOC_SIZE, /* a pointer from an allocator: the path of the size it got */
    REL_COPY_OF,    /* x = y, no narrowing: x holds y's value until either changes */
    REL_RESULT_OF,  /* status = Validate(x): testing it later is testing the call */
    REL_PROBED_LEN, /* ProbeForRead(p, n): p is in user space for the path n's bytes */
    REL_NAMES,      /* a string or a routine pointer that stands for a name: L"ExAllocatePool2",
                       MmGetSystemRoutineAddress(&thatString) */
    REL_BUF_LEN,    /* an object of known length that is no pool allocation: a buffer handed in
                       with its length (WdfRequestRetrieveInputBuffer), a mapping, an MDL, a view;
                       only the relational checks read it (a copy must fit every side,
                       transfer/relational.c) */
    REL_AT_MOST,    /* x <= a linear form of other paths (if (off + len > bufLen) fail: len is at
                       most bufLen - off); sums are taken not to wrap */
    REL_CALLER_HELD, /* a helper's parameter the caller proved at most the length of the request's own
                        buffer (if (len > OutputBufferLength) fail; Copy(out, len)): the name of that
                        length; it survives the call, where the caller's paths do not */
    REL_NKINDS
} rel_kind;

typedef struct relset {
    const void *to[REL_NKINDS]; /* const char * path or name, or const ast_expr * call, per the kind */
} relset;

const char *rel_kind_name(rel_kind k);
static inline const char *rel_path(const relset *r, rel_kind k) { return (const char *)r->to[k]; }
static inline const ast_expr *rel_call(const relset *r, rel_kind k) { return (const ast_expr *)r->to[k]; }
/* The form of the size an object was made with: an allocation's, else a known buffer length. */
static inline const char *rel_object_size(const relset *r)
{
    return rel_path(r, REL_ALLOC_SIZE) ? rel_path(r, REL_ALLOC_SIZE) : rel_path(r, REL_BUF_LEN);
}
static inline void rel_set(relset *r, rel_kind k, const void *to) { r->to[k] = to; }
relset rel_join(relset a, relset b);        /* the relations both sides have */
bool rel_equal(const relset *a, const relset *b);
void rel_kill(relset *r, const char *key);  /* key was assigned: relations naming it end */
relset rel_detached(relset r);              /* without what names this function's variables or calls */
relset rel_persist(arena *a, relset r);     /* detached, and its paths copied into a */
void rel_format(strbuf *out, const relset *r); /* " copy-of=(*in).Msr alloc-size=len" */

/* ---- linear.c: linear forms over paths, c + k1*p1 + ..., as the text relations name ---- */
#define LIN_MAX_TERMS 6
typedef struct lin_term {
    const char *key;
    int coef;
} lin_term;
typedef struct linear {
    bool ok; /* false: not linear, or too many terms */
    long long c;
    size_t n;
    lin_term t[LIN_MAX_TERMS];
} linear;
void lin_init(linear *l);
void lin_add_term(linear *l, const char *key, int coef); /* cancels equal paths */
void lin_add(linear *l, const linear *m, int sign);      /* l += sign * m */
/* "bufLen - off", "h + n + 12", "64"; a lone path is itself; NULL for a failed form. In a. */
const char *lin_format(arena *a, const linear *l);
bool lin_parse(arena *a, const char *text, linear *out);
bool lin_mentions(const char *text, const char *key); /* does a term of text mention key? */

/* ---- fact.c: every operation on one fact ---- */

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
    relset rel;
    const trace_node *trace;
} fact;

fact fact_untainted(const ast_type *t);
fact fact_const(uint64_t v, const ast_type *t);
fact fact_cast(fact f, const ast_type *to);
fact fact_join(fact a, fact b);
/* The one equality of facts, in two strengths: FACT_EQ_STATE for the dataflow's fixed point
 * (bounds, relations and, for user data, the very trace node), FACT_EQ_VALUE for what other
 * functions and units learn (type and bounds; neither relations nor evidence). */
typedef enum { FACT_EQ_STATE, FACT_EQ_VALUE } fact_eq;
bool fact_equal(const fact *a, const fact *b, fact_eq how);
/* A value read out of user memory (in->Length, *(PULONG)buf: its trace reads user bytes), not a
   number the request itself carries (InputBufferLength, a KMDF length parameter). */
bool fact_read_from_user_memory(const fact *f);
/* Bounded: a sanitizer vouched for it, its interval is a proper sub-range in its type and in
 * the type it left user memory with, or it is below a trusted value (signed: with a floor). */
bool fact_is_bounded(const fact *f);
/* f without what ties it to this function's variables (for a callee's or another unit's state) */
fact fact_detached(fact f);
/* f, detached, with its trace and paths copied into a (it outlives the unit's AST) */
fact fact_persist(arena *a, fact f);
/* "user value [0, 15] bounded copy-of=len" (for dumps and the state intrinsics) */
void fact_format(strbuf *out, const fact *f);

const trace_node *trace_push(arena *a, const trace_node *prev, trace_kind kind, ast_loc loc, const char *text);
const trace_node *trace_root(const trace_node *t);

/* ---- path.c: access paths as keys ---- */

const ast_expr *path_strip(const ast_expr *e); /* without casts */
/* "x", "(*in).Msr", "arr[]": NULL for what is no lvalue path (a call, a function). In a. */
const char *path_key(arena *a, const ast_expr *e);
/* "arr[]" for the constant element "arr[2]" (what an element is when only the whole array
 * was written), NULL for any other key. In a. */
const char *path_any_element(arena *a, const char *key);
/* Does path mention key as a whole component ("in" in "(*in).Msr", not in "index")? */
bool path_mentions(const char *path, const char *key);
/* key with every whole-component occurrence of from replaced by to, in a */
const char *path_rename(arena *a, const char *key, const char *from, const char *to);

/* ---- state.c: the map from access paths to facts ---- */

typedef struct entry {
    const char *key;
    const ast_expr *lv; /* an lvalue naming key, to derive its implicit fact */
    fact f;
} entry;

typedef struct tstate {
    bool reachable;
    entry *items; /* sorted by key, no duplicates */
    size_t len, cap;
} tstate;

/* The fact of lv where the state has no entry for it, read in scratch (a copy of the side of
 * a join that lacks the entry; the callee may change it). */
typedef fact (*tstate_implicit_fn)(void *arg, tstate *scratch, const ast_expr *lv);

void tstate_init(tstate *s, bool reachable);
void tstate_free(tstate *s);
void tstate_copy(tstate *dst, const tstate *src);
const entry *tstate_get(const tstate *s, const char *key);
void tstate_set(tstate *s, const char *key, const ast_expr *lv, fact f);
/* The position of the first entry whose key is not below key (entries with key as a prefix
   follow it, in order). */
size_t tstate_lower_bound(const tstate *s, const char *key);
/* Forgets key and every path read through it (they now read a different object), and the
 * relations that named it. */
void tstate_kill(tstate *s, const char *key);
/* A callee we know nothing of may have written key (it got &key): its kernel values and what
 * was read through it are forgotten (they read as their implicit facts again). User data is
 * kept: no callee is assumed to launder it, so no finding is lost by the havoc. */
void tstate_havoc(tstate *s, const char *key);
bool tstate_equal(const tstate *a, const tstate *b);
/* dst = dst JOIN src (widened on a loop head). Returns true when dst changed. */
bool tstate_join(tstate *dst, const tstate *src, bool widen, tstate_implicit_fn implicit, void *arg);
/* The invariants (keys sorted and unique, ranges non-empty in a reachable state): checked
 * after each join in debug and sanitizer builds. */
bool tstate_invariants_hold(const tstate *s);

/* Invariants of the analysis: checked in debug builds and in sanitizer builds (which are
 * RelWithDebInfo, hence NDEBUG; CMake defines DRVTAINT_CHECK_INVARIANTS for them). A broken
 * invariant is a bug of ours, never bad input: it aborts with the condition. */
#if !defined(NDEBUG) || defined(DRVTAINT_CHECK_INVARIANTS)
#define DT_INVARIANTS 1
#define DT_ASSERT(cond) ((cond) ? (void)0 : dt_assert_failed(#cond, __FILE__, __LINE__))
_Noreturn void dt_assert_failed(const char *cond, const char *file, int line);
#else
#define DT_INVARIANTS 0
#define DT_ASSERT(cond) ((void)0)
#endif

#endif
