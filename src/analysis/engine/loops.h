/* loops.h - validation loops (engine/loops.c), internal to the engine. */
#ifndef DRVTAINT_ENGINE_LOOPS_H
#define DRVTAINT_ENGINE_LOOPS_H

#include "engine.h"

enum { ENG_LOOP_ELEMS = 8 };

/* for (i = 0; i < n; i++) { ... r[i] ... }: a loop whose counter starts at 0, steps by one at
   the end of each turn and is written nowhere else, with the element paths it reads only at
   index i */
typedef struct eng_vloop {
    size_t head, latch, exit_k; /* the test i < n, the block that steps i, the leaving edge */
    const char *bound;          /* n: a path or a number */
    bool deferred;              /* its exit was held back once, until the body was seen */
    size_t nelems;
    const char *ekey[ENG_LOOP_ELEMS];
    const ast_expr *elv[ENG_LOOP_ELEMS];
} eng_vloop;

typedef struct eng_loops {
    eng_vloop *v;
    size_t n;
} eng_loops;

eng_loops eng_loops_find(tx_ctx *tx, const cfg_function *g);
void eng_loops_free(eng_loops *l);
/* On the edge leaving such a loop (b's k-th successor): each element path whose fact is
   bounded on the loop's back edge (every turn that came round checked it) holds that fact for
   every index below n. in: the block entry states. False: hold this edge back for a round
   (the body has not been seen yet). */
bool eng_loops_exit(tx_ctx *tx, eng_loops *l, const cfg_function *g, const tstate *in, const cfg_block *b,
                    size_t k, tstate *edge);

/* dataflow.c: a block's statements and condition */
void eng_transfer_block(tx_ctx *tx, tstate *s, const cfg_block *b);

#endif
