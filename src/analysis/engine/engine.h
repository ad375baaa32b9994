/* engine.h - the worklist dataflow over our CFG: states on block entries, joined at merges,
 * widened on loop heads after a few visits, refined on branch edges, to a fixed point within
 * a budget; then one final pass over the blocks from their fixed-point states, in which the
 * observers see the calls, the returns and the blocks. Summaries, seeds and sink checks are
 * such observers (interproc, checkers); the engine knows none of them. */
#ifndef DRVTAINT_ENGINE_H
#define DRVTAINT_ENGINE_H

#include "../transfer/transfer.h"
#include "drvtaint/cfg.h"

typedef struct eng_hooks {
    /* each call in the final pass, before its effects (sink checks, seeds) */
    const tx_call_observer *pre_call;
    size_t npre_call;
    /* the state at each return, value NULL when the function falls off its end; when set,
       the final pass visits only the returning blocks and pre_call is not used */
    void (*at_return)(tx_ctx *tx, tstate *s, const ast_expr *value, void *arg);
    /* each block's fixed-point entry state (for --dump=state) */
    void (*at_block)(tx_ctx *tx, const cfg_function *g, const cfg_block *b, const tstate *in, void *arg);
    void *arg;
} eng_hooks;

/* What the run gave up on: a result computed under a limit is still sound for the findings it
 * has, but may be missing some (docs/taint.md, "Limits"). */
typedef struct eng_limits {
    bool rounds_exhausted; /* no fixed point within ENG_MAX_ROUNDS passes over the blocks */
} eng_limits;

enum { ENG_WIDEN_AFTER = 3, ENG_MAX_ROUNDS = 64 };

/* The dataflow of fn from start (NULL: nothing known). */
eng_limits eng_dataflow(tx_ctx *tx, const ast_function *fn, const tstate *start, const eng_hooks *h);

#endif
