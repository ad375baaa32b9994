/* dataflow.c - the forward dataflow of one function over its CFG to a fixed point, then a
 * final pass that shows the observers each call, return and block. */
#include <stdlib.h>
#include <string.h>

#include "loops.h"

void eng_transfer_block(tx_ctx *tx, tstate *s, const cfg_block *b)
{
    for (size_t i = 0; i < b->nstmts && s->reachable; i++)
        tx_stmt(tx, s, &b->stmts[i]);
    if (s->reachable && b->term.cond)
        (void)tx_eval(tx, s, b->term.cond); /* calls inside conditions are sinks too */
}

/* The state on the edge from b to its k-th successor. */
static void edge_state(tx_ctx *tx, const cfg_block *b, size_t k, const tstate *out, tstate *edge)
{
    tstate_copy(edge, out);
    const cfg_term *t = &b->term;
    if (t->kind == CFG_TERM_BRANCH)
        tx_refine(tx, edge, t->cond, k == 0);
    else if (t->kind == CFG_TERM_SWITCH && k < t->ncases)
        tx_refine_range(tx, edge, t->cond, t->cases[k].lo, t->cases[k].hi);
}

#if DT_INVARIANTS
/* The CFG the dataflow relies on: every successor is a block, the entry is reachable from
 * nothing but itself being first in reverse postorder, rpo_index inverts rpo. */
static bool cfg_sane(const cfg_function *g)
{
    if (g->entry >= g->nblocks || g->nrpo > g->nblocks || (g->nrpo && g->rpo[0] != g->entry))
        return false;
    for (size_t r = 0; r < g->nrpo; r++)
        if (g->rpo[r] >= g->nblocks || g->rpo_index[g->rpo[r]] != r)
            return false;
    for (size_t i = 0; i < g->nblocks; i++) {
        const cfg_block *b = g->blocks[i];
        if (b->id != i || (b->handler != CFG_NONE && b->handler >= g->nblocks))
            return false;
        for (size_t k = 0; k < b->term.nsuccs; k++)
            if (b->term.succs[k] >= g->nblocks)
                return false;
    }
    return true;
}
#endif

/* The fixed point of the forward dataflow: in[b] is the state on entry to block b. */
static bool fixpoint(tx_ctx *tx, const cfg_function *g, eng_loops *loops, tstate *in)
{
    size_t n = g->nblocks;
    unsigned *visits = xcalloc(n, sizeof *visits);
    tstate cur, edge;
    tstate_init(&cur, false);
    tstate_init(&edge, false);
    bool changed = true;
    for (unsigned round = 0; changed && round < ENG_MAX_ROUNDS; round++) {
        changed = false;
        for (size_t r = 0; r < g->nrpo; r++) {
            const cfg_block *b = g->blocks[g->rpo[r]];
            if (!in[b->id].reachable)
                continue;
            tstate_copy(&cur, &in[b->id]);
            /* an exception may leave a __try block before or after its statements */
            if (b->handler != CFG_NONE && tstate_join(&in[b->handler], &in[b->id], false, tx_implicit_cb, tx))
                changed = true;
            eng_transfer_block(tx, &cur, b);
            if (!cur.reachable)
                continue;
            if (b->handler != CFG_NONE && tstate_join(&in[b->handler], &cur, false, tx_implicit_cb, tx))
                changed = true;
            for (size_t k = 0; k < b->term.nsuccs; k++) {
                size_t succ = b->term.succs[k];
                edge_state(tx, b, k, &cur, &edge);
                if (!eng_loops_exit(tx, loops, g, in, b, k, &edge)) { /* a validation loop's elements */
                    changed = true;
                    continue;
                }
                bool back = g->rpo_index[succ] <= r; /* loop head: widen so ranges settle */
                bool widen = back && ++visits[succ] > ENG_WIDEN_AFTER;
                if (tstate_join(&in[succ], &edge, widen, tx_implicit_cb, tx))
                    changed = true;
            }
        }
    }
    tstate_free(&cur);
    tstate_free(&edge);
    free(visits);
    return !changed;
}

eng_limits eng_dataflow(tx_ctx *tx, const ast_function *fn, const tstate *start, const eng_hooks *h)
{
    eng_limits limits = {0};
    cfg_function *g = cfg_build(fn, tx->scratch);
    DT_ASSERT(cfg_sane(g));
    size_t n = g->nblocks;
    tstate *in = xcalloc(n, sizeof *in);
    for (size_t i = 0; i < n; i++)
        tstate_init(&in[i], false);
    if (start)
        tstate_copy(&in[g->entry], start);
    in[g->entry].reachable = true;
    const tx_call_observer *saved = tx->pre_call;
    size_t nsaved = tx->npre_call;
    tx->pre_call = NULL; /* the fixed point is computed unobserved */
    tx->npre_call = 0;
    eng_loops loops = eng_loops_find(tx, g);
    limits.rounds_exhausted = !fixpoint(tx, g, &loops, in);
    eng_loops_free(&loops);

    /* then each block once, from its fixed-point entry state: the calls it makes, or
       the state at each return for a summary */
    bool on_return = h && h->at_return;
    if (h && !on_return) {
        tx->pre_call = h->pre_call;
        tx->npre_call = h->npre_call;
    }
    tstate cur;
    tstate_init(&cur, false);
    for (size_t r = 0; r < g->nrpo; r++) {
        const cfg_block *b = g->blocks[g->rpo[r]];
        if (h && h->at_block)
            h->at_block(tx, g, b, &in[b->id], h->arg);
        /* a function that falls off its end returns there too */
        bool returns = b->term.kind == CFG_TERM_RETURN ||
                       (b->term.kind == CFG_TERM_GOTO && b->term.nsuccs && b->term.succs[0] == g->exit);
        if (!in[b->id].reachable || (on_return && !returns))
            continue;
        tstate_copy(&cur, &in[b->id]);
        eng_transfer_block(tx, &cur, b);
        if (on_return && cur.reachable)
            h->at_return(tx, &cur, b->term.kind == CFG_TERM_RETURN ? b->term.cond : NULL, h->arg);
    }
    tx->pre_call = saved;
    tx->npre_call = nsaved;
    tstate_free(&cur);
    for (size_t i = 0; i < n; i++)
        tstate_free(&in[i]);
    free(in);
    return limits;
}
