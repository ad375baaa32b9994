/* taint.c - the per-function pipeline: AST -> CFG -> forward dataflow of taint facts to a
 * fixed point -> one reporting pass over the sink calls. */
#include "drvtaint/taint.h"

#include <stdlib.h>
#include <string.h>

#include "taint_internal.h"

enum { WIDEN_AFTER = 3, MAX_ROUNDS = 64 };

/* What a statement does to the state (and, in the reporting pass, which sinks it reaches). */
static void transfer_stmt(taint_ctx *ctx, tstate *s, const cfg_stmt *st)
{
    switch (st->kind) {
    case CFG_ASSIGN: {
        fact f = taint_eval(ctx, s, st->rhs);
        if (st->op != AST_BIN_NONE) {
            ast_expr tmp = {.kind = AST_EX_BINARY, .loc = st->loc, .text = st->text};
            tmp.type = st->lhs->type;
            tmp.u.binary.op = st->op;
            tmp.u.binary.lhs = (ast_expr *)st->lhs;
            tmp.u.binary.rhs = (ast_expr *)st->rhs;
            f = taint_eval(ctx, s, &tmp);
        }
        taint_assign(ctx, s, st->lhs, f, st->loc, st->text);
        break;
    }
    case CFG_EVAL:
        (void)taint_eval(ctx, s, st->expr);
        break;
    case CFG_DECL: {
        const char *key = taint_path_key(ctx, st->lhs);
        if (key)
            tstate_kill(s, key);
        break;
    }
    }
}

static void transfer_block(taint_ctx *ctx, tstate *s, const cfg_block *b)
{
    for (size_t i = 0; i < b->nstmts && s->reachable; i++)
        transfer_stmt(ctx, s, &b->stmts[i]);
    if (s->reachable && b->term.cond)
        (void)taint_eval(ctx, s, b->term.cond); /* calls inside conditions are sinks too */
}

/* The state on the edge from b to its k-th successor. */
static void edge_state(taint_ctx *ctx, const cfg_block *b, size_t k, const tstate *out, tstate *edge)
{
    tstate_copy(edge, out);
    const cfg_term *t = &b->term;
    if (t->kind == CFG_TERM_BRANCH)
        taint_refine(ctx, edge, t->cond, k == 0);
    else if (t->kind == CFG_TERM_SWITCH && k < t->ncases)
        taint_refine_range(ctx, edge, t->cond, t->cases[k].lo, t->cases[k].hi);
}

/* KMDF hands a queue callback the request's lengths and IOCTL code as parameters: they are
 * the caller's values, like InputBufferLength in an IRP. */
static void seed_kmdf_params(taint_ctx *ctx, const ast_function *fn, const entry_point *ep, tstate *s)
{
    size_t last = strstr(ep->kind, "DeviceControl") ? (size_t)ep->kmdf_params + 3 : (size_t)ep->kmdf_params + 1;
    for (size_t i = (size_t)ep->kmdf_params; i < last && i < fn->nparams; i++) {
        const ast_param *p = &fn->params[i];
        if (!p->name || !*p->name)
            continue;
        fact f = fact_untainted(&p->type);
        f.taint = TAINT_VALUE;
        f.origin_bits = f.bits;
        f.origin_signed = f.is_signed;
        f.trace = trace_push(ctx, NULL, TRACE_SOURCE, fn->loc, p->name);
        tstate_set(s, p->name, NULL, f);
    }
}

/* Runs the dataflow over fn from entry (NULL: nothing known) and reports its sinks. */
static void analyse(taint_ctx base, const ast_function *fn, const tstate *start)
{
    if (!fn->body)
        return;
    taint_ctx ctx = base;
    ctx.fn = fn;
    ctx.reporting = false;
    if (!ctx.root)
        ctx.root = fn;
    /* a request only kernel components send (internal device control) is no user input */
    const entry_point *ep = ctx.entries ? entries_find(ctx.entries, ctx.root->name) : NULL;
    if (ep && !ep->user_reachable)
        return;
    cfg_function *g = cfg_build(fn, ctx.scratch);
    size_t n = g->nblocks;
    tstate *in = xcalloc(n, sizeof *in);
    unsigned *visits = xcalloc(n, sizeof *visits);
    for (size_t i = 0; i < n; i++)
        tstate_init(&in[i], false);
    if (start)
        tstate_copy(&in[g->entry], start);
    in[g->entry].reachable = true;
    if (!start && ep && ep->kmdf_params >= 0)
        seed_kmdf_params(&ctx, fn, ep, &in[g->entry]);

    tstate cur, edge;
    tstate_init(&cur, false);
    tstate_init(&edge, false);
    bool changed = true;
    for (unsigned round = 0; changed && round < MAX_ROUNDS; round++) {
        changed = false;
        for (size_t r = 0; r < g->nrpo; r++) {
            const cfg_block *b = g->blocks[g->rpo[r]];
            if (!in[b->id].reachable)
                continue;
            tstate_copy(&cur, &in[b->id]);
            /* an exception may leave a __try block before or after its statements */
            if (b->handler != CFG_NONE && tstate_join(&ctx, &in[b->handler], &in[b->id], false))
                changed = true;
            transfer_block(&ctx, &cur, b);
            if (!cur.reachable)
                continue;
            if (b->handler != CFG_NONE && tstate_join(&ctx, &in[b->handler], &cur, false))
                changed = true;
            for (size_t k = 0; k < b->term.nsuccs; k++) {
                size_t succ = b->term.succs[k];
                edge_state(&ctx, b, k, &cur, &edge);
                bool back = g->rpo_index[succ] <= r; /* loop head: widen so ranges settle */
                bool widen = back && ++visits[succ] > WIDEN_AFTER;
                if (tstate_join(&ctx, &in[succ], &edge, widen))
                    changed = true;
            }
        }
    }

    /* reporting pass: each block once, from its fixed-point entry state */
    ctx.reporting = true;
    for (size_t r = 0; r < g->nrpo; r++) {
        const cfg_block *b = g->blocks[g->rpo[r]];
        if (!in[b->id].reachable)
            continue;
        tstate_copy(&cur, &in[b->id]);
        transfer_block(&ctx, &cur, b);
    }

    tstate_free(&cur);
    tstate_free(&edge);
    for (size_t i = 0; i < n; i++)
        tstate_free(&in[i]);
    free(in);
    free(visits);
}

/* Analyses every function from nothing, then each helper called with user data from what
 * its callers passed, breadth first, each (helper, argument taint) once. */
static void analyse_all(const ast_tu *tu, const ast_function *only, const rules_set *rules, finding_list *out)
{
    VEC(taint_seed) seeds = {0};
    entry_set entries;
    entries_collect(&entries, tu);
    taint_ctx base = {.tu = tu, .rules = rules, .scratch = arena_new(), .out = out, .entries = &entries};
    base.seeds = (void *)&seeds;
    if (only)
        analyse(base, only, NULL);
    else
        for (size_t i = 0; i < tu->nfuncs; i++)
            analyse(base, tu->funcs[i], NULL);
    VEC(char *) done = {0};
    for (size_t q = 0; q < seeds.len; q++) {
        taint_seed *sd = &seeds.items[q];
        bool seen = false;
        for (size_t d = 0; d < done.len && !seen; d++)
            seen = strcmp(done.items[d], sd->signature) == 0;
        if (!seen) {
            VEC_PUSH(&done, xstrdup(sd->signature));
            taint_ctx c = base;
            c.depth = sd->depth;
            c.root = sd->root;
            c.ioctls = sd->ioctls;
            c.nioctls = sd->nioctls;
            tstate seeded = sd->entry; /* copied: analyse may grow seeds.items */
            analyse(c, sd->fn, &seeded);
        }
    }
    for (size_t q = 0; q < seeds.len; q++) {
        tstate_free(&seeds.items[q].entry);
        free(seeds.items[q].signature);
        free(seeds.items[q].ioctls);
    }
    entries_free(&entries);
    free(seeds.items);
    for (size_t d = 0; d < done.len; d++)
        free(done.items[d]);
    free(done.items);
    arena_free(base.scratch);
}

void taint_analyse_function(const ast_tu *tu, const ast_function *fn, const rules_set *rules, finding_list *out)
{
    analyse_all(tu, fn, rules, out);
}

void taint_analyse_unit(const ast_tu *tu, const rules_set *rules, finding_list *out)
{
    analyse_all(tu, NULL, rules, out);
}
