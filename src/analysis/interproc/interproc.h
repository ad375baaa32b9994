/* interproc.h - the interprocedural layer: summaries of what a function does with its
 * parameters, seeds of helpers called with user data (in this unit or another), values kept
 * between requests, and the program: the per-unit facts and the whole driver that owns them.
 * It plugs into the transfer layer through tx_hooks and into the engine as its observers. */
#ifndef DRVTAINT_INTERPROC_H
#define DRVTAINT_INTERPROC_H

#include <stddef.h>

#include "../engine/engine.h"
#include "drvtaint/entry.h"
#include "drvtaint/findings.h"
#include "drvtaint/program.h"

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
    bool ret_probed_by_request;      /* its own user pointer is probed when the request probes UserBuffer */
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
    name_set limits;           /* where the analysis gave up (docs/taint.md, "Limits") */
};

/* What a state intrinsic (checkers/intrinsics.c) saw at its call, joined over contexts. */
typedef struct taint_probe {
    const ast_expr *call;
    int which;
    const char *text;
    fact f;
} taint_probe;
typedef VEC(taint_probe) probe_vec;

/* Where the request being analysed came from: a function analysed from nothing is its own
 * root; a helper seeded from a call inherits its caller's chain, one level deeper. */
typedef struct taint_chain {
    const char *root; /* the function the chain started from */
    const entry_point *root_entry;
    const uint64_t *ioctls; /* IOCTL codes known where a seeded helper was called */
    size_t nioctls;
    unsigned depth; /* call depth of this analysis from an unseeded one */
} taint_chain;

/* The analysis of one unit as the layers above the engine see it. The transfer layer sees
 * only tx (the first member: a tx_ctx * of a taint_ctx is the taint_ctx), and the hooks in
 * tx say what it may ask: a summary run installs only the call models of summaries, so it
 * neither keeps nor reads stored values. */
typedef VEC(const ast_expr *) call_expr_vec;

typedef struct taint_ctx {
    tx_ctx tx;
    taint_chain chain;
    const entry_set *entries;
    const program *prog;         /* the rest of the driver; NULL when analysing one unit alone */
    unit_facts *facts;           /* what this unit tells the rest */
    const fn_summary *summaries; /* of this unit's functions */
    size_t nsummaries;
    call_expr_vec *looked_up;    /* a summary run: the calls whose summary it asked for; NULL: not kept */
    VEC(taint_seed) *seeds;      /* helpers to analyse next; NULL: none are queued */
    finding_list *out;
    finding_list *checked;       /* the audit: user-controlled sink arguments found bounded; NULL otherwise */
    probe_vec *probes;           /* the state intrinsics' observations; NULL: not collected */
} taint_ctx;

_Static_assert(offsetof(taint_ctx, tx) == 0, "taint_ctx_of casts a tx_ctx * to its taint_ctx");

static inline taint_ctx *taint_ctx_of(tx_ctx *tx)
{
    return (taint_ctx *)tx; /* tx is the first member */
}

/* The transfer hooks of a unit's analysis, and of a summary run. */
extern const tx_hooks taint_unit_hooks, taint_summary_hooks;

enum { TAINT_MAX_CALL_DEPTH = 4 };

/* seeds.c */
/* pre_call observers: a helper of this unit or another called with user data, work handed to
 * a DPC, work item or thread (the routine runs with the context) */
void taint_seed_callee(tx_ctx *tx, tstate *s, const ast_expr *call);
void taint_seed_deferred(tx_ctx *tx, tstate *s, const ast_expr *call);
/* IOCTL codes the state pins down (IoControlCode tested equal on this path), plus inherited ones. */
size_t taint_ioctls_of(const taint_ctx *ctx, const tstate *s, uint64_t *out, size_t max);
/* a call from another unit becomes a seed of this one */
void taint_queue_cross_seed(taint_ctx *ctx, const cross_seed *cs, const ast_function *fn);

/* program.c */
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

/* A limit the analysis of this unit hit: said once per text, in the order hit. */
void taint_note_limit(unit_facts *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* stored.c: globals, device extensions and object contexts */
void taint_collect_context_records(const ast_tu *tu, unit_facts *facts);
bool taint_store_counts(taint_ctx *ctx, const char *key);
/* tx_hooks: a value written where another request may read it; the value kept there */
void taint_store(tx_ctx *tx, const ast_expr *lv, const fact *f);
bool taint_stored_fact(tx_ctx *tx, const ast_expr *lv, fact *out);

/* summary.c: what a function does with its parameters */
void taint_summarise_unit(taint_ctx *base, fn_summary_vec *out);
const fn_summary *taint_summary_of(const taint_ctx *ctx, const ast_expr *call);
/* tx_hooks: what the callee writes through pointer arguments, returns, implies on a branch */
void taint_summary_outputs(tx_ctx *tx, tstate *s, const ast_expr *call);
bool taint_summary_return(tx_ctx *tx, tstate *s, const ast_expr *call, fact *out);
bool taint_summary_refine(tx_ctx *tx, tstate *s, const ast_expr *call, bool nonzero, bool success);
/* Does the summary hand back user data the callee reads itself (return value or out-parameter)? */
bool summary_has_own_source(const fn_summary *sum);
void taint_describe_summary(const fn_summary *s, strbuf *out);

#endif
