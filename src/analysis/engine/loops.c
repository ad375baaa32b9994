/* loops.c - validation loops (issue 12, item 8):
 *
 *     for (i = 0; i < n; i++)
 *         if (!Valid(r[i].Port)) return STATUS_ACCESS_DENIED;
 *
 * checks every element of r in [0, n). The dataflow alone loses that at the loop head (the
 * element path "(*r).Port" is one key for every element, joined with its unchecked value from
 * before the loop), so the loop is recognised here by its shape and, on its leaving edge, each
 * element path that is bounded on the back edge gets the relation "every element below n"
 * (transfer/elements.c). That holds because:
 *   - i is 0 on every entry (the last write to i before the loop is `i = 0`), steps by one as
 *     the last statement of the only block that goes back to the test, and is written nowhere
 *     else in the loop (nor is its address taken);
 *   - the element path is read in the loop only at index i (r[i], *(r + i)), and neither it,
 *     what it is read through, nor n is written in the loop;
 *   - on the back edge the element is bounded: every turn that came round checked r[i] (the
 *     test state joins the unchecked value from before the loop, so an unchecked path through
 *     the body is unbounded there). A turn that failed left the function; a `break` reaches the
 *     exit without the relation, and the join there drops it.
 * So on the edge where i < n fails, i == n and r[0..n) were each checked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loops.h"

enum { SCAN_MAX = 64 };

typedef struct scan {
    tx_ctx *tx;
    const char *ikey;
    const ast_expr *skip; /* the step of i itself */
    bool bad;
    const char *written[SCAN_MAX];
    size_t nwritten;
    const char *key[SCAN_MAX];
    const ast_expr *lv[SCAN_MAX];
    bool by_i[SCAN_MAX];
    size_t nocc;
} scan;

static void wrote(scan *sc, const ast_expr *lhs)
{
    const char *k = sc->tx ? tx_path_key(sc->tx, lhs) : NULL;
    if (!k) {
        sc->bad = true; /* a write we cannot name may be to anything */
        return;
    }
    if (strcmp(k, sc->ikey) == 0 || sc->nwritten == SCAN_MAX)
        sc->bad = true;
    else
        sc->written[sc->nwritten++] = k;
}

static bool visit(ast_expr *e, void *arg)
{
    scan *sc = arg;
    if (e == sc->skip)
        return false;
    switch (e->kind) {
    case AST_EX_ASSIGN:
        wrote(sc, e->u.binary.lhs);
        break;
    case AST_EX_UNARY:
        switch (e->u.unary.op) {
        case AST_UN_PREINC: case AST_UN_PREDEC: case AST_UN_POSTINC: case AST_UN_POSTDEC:
            wrote(sc, e->u.unary.operand);
            break;
        case AST_UN_ADDR: /* &x handed to a callee may be written through (&r[i] too) */
            if (tx_path_key(sc->tx, e->u.unary.operand))
                wrote(sc, e->u.unary.operand);
            break;
        default:
            break;
        }
        break;
    default:
        break;
    }
    if (e->kind == AST_EX_MEMBER || e->kind == AST_EX_INDEX ||
        (e->kind == AST_EX_UNARY && e->u.unary.op == AST_UN_DEREF)) {
        const char *k = tx_path_key(sc->tx, e);
        if (k) {
            if (sc->nocc == SCAN_MAX) {
                sc->bad = true;
                return false;
            }
            const ast_expr *idx = path_strip(tx_element_index(e));
            const char *ik = idx && idx->kind == AST_EX_REF ? tx_path_key(sc->tx, idx) : NULL;
            sc->key[sc->nocc] = k;
            sc->lv[sc->nocc] = e;
            sc->by_i[sc->nocc++] = ik && strcmp(ik, sc->ikey) == 0;
        }
    }
    return true;
}

/* The step i++, ++i, i += 1 or i = i + 1 */
static bool is_step(tx_ctx *tx, const cfg_stmt *st, const char *ikey)
{
    if (st->kind == CFG_EVAL) {
        const ast_expr *e = path_strip(st->expr);
        if (!e || e->kind != AST_EX_UNARY || (e->u.unary.op != AST_UN_POSTINC && e->u.unary.op != AST_UN_PREINC))
            return false;
        const char *k = tx_path_key(tx, e->u.unary.operand);
        return k && strcmp(k, ikey) == 0;
    }
    if (st->kind != CFG_ASSIGN)
        return false;
    const char *k = tx_path_key(tx, st->lhs);
    if (!k || strcmp(k, ikey) != 0)
        return false;
    const ast_expr *r = path_strip(st->rhs);
    if (st->op == AST_BIN_ADD)
        return r && r->kind == AST_EX_INT && r->u.i.value == 1;
    if (st->op != AST_BIN_NONE || !r || r->kind != AST_EX_BINARY || r->u.binary.op != AST_BIN_ADD)
        return false;
    const ast_expr *a = path_strip(r->u.binary.lhs), *b = path_strip(r->u.binary.rhs);
    const char *ak = a ? tx_path_key(tx, a) : NULL;
    return ak && strcmp(ak, ikey) == 0 && b && b->kind == AST_EX_INT && b->u.i.value == 1;
}

static void scan_stmt(scan *sc, const cfg_stmt *st)
{
    switch (st->kind) {
    case CFG_ASSIGN:
        wrote(sc, st->lhs);
        ast_visit_expr((ast_expr *)st->lhs, visit, sc);
        ast_visit_expr((ast_expr *)st->rhs, visit, sc);
        break;
    case CFG_EVAL:
        ast_visit_expr((ast_expr *)st->expr, visit, sc);
        break;
    case CFG_DECL:
        wrote(sc, st->lhs);
        break;
    }
}

/* Is the last write to i in block p `i = 0`? */
static bool starts_at_zero(tx_ctx *tx, const cfg_block *p, const char *ikey)
{
    for (size_t s = p->nstmts; s-- > 0;) {
        const cfg_stmt *st = &p->stmts[s];
        scan sc = {.tx = tx, .ikey = ikey};
        if (st->kind == CFG_ASSIGN) {
            const char *k = tx_path_key(tx, st->lhs);
            if (k && strcmp(k, ikey) == 0) {
                const ast_expr *r = path_strip(st->rhs);
                return st->op == AST_BIN_NONE && r && r->kind == AST_EX_INT && r->u.i.value == 0;
            }
            ast_visit_expr((ast_expr *)st->lhs, visit, &sc);
            ast_visit_expr((ast_expr *)st->rhs, visit, &sc);
        } else if (st->kind == CFG_EVAL) {
            ast_visit_expr((ast_expr *)st->expr, visit, &sc);
        } else {
            const char *k = tx_path_key(tx, st->lhs);
            if (k && strcmp(k, ikey) == 0)
                return false;
        }
        if (sc.bad) /* i written by a call, ++ or an inner assignment */
            return false;
    }
    return false;
}

/* n of i < n as a form: a path or a non-negative number */
static const char *bound_of(tx_ctx *tx, const ast_expr *n)
{
    n = path_strip(n);
    if (!n)
        return NULL;
    if (n->kind == AST_EX_INT) {
        if (n->type.is_signed && (int64_t)n->u.i.value < 0)
            return NULL;
        char buf[32];
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)n->u.i.value);
        return arena_strdup(tx->scratch, buf);
    }
    return n->kind == AST_EX_REF || n->kind == AST_EX_MEMBER ? tx_path_key(tx, n) : NULL;
}

static bool find_one(tx_ctx *tx, const cfg_function *g, size_t r, eng_vloop *out)
{
    const cfg_block *h = g->blocks[g->rpo[r]];
    if (h->term.kind != CFG_TERM_BRANCH || h->nstmts || h->term.nsuccs != 2)
        return false;
    const ast_expr *c = path_strip(h->term.cond);
    if (!c || c->kind != AST_EX_BINARY || (c->u.binary.op != AST_BIN_LT && c->u.binary.op != AST_BIN_GT))
        return false;
    bool lt = c->u.binary.op == AST_BIN_LT;
    const ast_expr *iv = path_strip(lt ? c->u.binary.lhs : c->u.binary.rhs);
    if (!iv || iv->kind != AST_EX_REF || !iv->type.is_integer)
        return false;
    const char *ikey = tx_path_key(tx, iv);
    const char *bound = bound_of(tx, lt ? c->u.binary.rhs : c->u.binary.lhs);
    if (!ikey || !bound)
        return false;
    size_t latch = CFG_NONE, nback = 0;
    for (size_t p = 0; p < h->npreds; p++) {
        size_t pi = g->rpo_index[h->preds[p]];
        if (pi != CFG_NONE && pi >= r) {
            latch = h->preds[p];
            nback++;
        }
    }
    if (nback != 1 || latch == h->id)
        return false;
    const cfg_block *lb = g->blocks[latch];
    if (lb->term.kind != CFG_TERM_GOTO || !lb->nstmts || !is_step(tx, &lb->stmts[lb->nstmts - 1], ikey))
        return false;
    for (size_t p = 0; p < h->npreds; p++)
        if (h->preds[p] != latch && g->rpo_index[h->preds[p]] != CFG_NONE &&
            !starts_at_zero(tx, g->blocks[h->preds[p]], ikey))
            return false;

    /* the loop's blocks: those that reach the latch without passing the test */
    bool *in = xcalloc(g->nblocks, sizeof *in);
    size_t *stack = xmalloc(g->nblocks * sizeof *stack), top = 0;
    in[latch] = true;
    stack[top++] = latch;
    while (top) {
        const cfg_block *b = g->blocks[stack[--top]];
        for (size_t p = 0; p < b->npreds; p++) {
            size_t q = b->preds[p];
            if (q == h->id || in[q] || g->rpo_index[q] == CFG_NONE)
                continue;
            in[q] = true;
            stack[top++] = q;
        }
    }
    free(stack);
    bool ok = in[h->term.succs[0]] && !in[h->term.succs[1]];
    scan sc = {.tx = tx, .ikey = ikey};
    const cfg_stmt *step = &lb->stmts[lb->nstmts - 1];
    sc.skip = step->kind == CFG_EVAL ? step->expr : NULL;
    for (size_t b = 0; ok && b < g->nblocks && !sc.bad; b++) {
        if (!in[b])
            continue;
        const cfg_block *bb = g->blocks[b];
        for (size_t p = 0; p < bb->npreds; p++) /* entered only through the test */
            if (bb->preds[p] != h->id && !in[bb->preds[p]] && g->rpo_index[bb->preds[p]] != CFG_NONE)
                ok = false;
        for (size_t s = 0; s < bb->nstmts && !sc.bad; s++) {
            const cfg_stmt *st = &bb->stmts[s];
            if (st == step) {
                if (st->kind == CFG_ASSIGN)
                    ast_visit_expr((ast_expr *)st->rhs, visit, &sc);
                continue;
            }
            scan_stmt(&sc, st);
        }
        if (bb->term.cond)
            ast_visit_expr((ast_expr *)bb->term.cond, visit, &sc);
    }
    free(in);
    if (!ok || sc.bad)
        return false;

    *out = (eng_vloop){.head = h->id, .latch = latch, .exit_k = 1, .bound = bound};
    for (size_t i = 0; i < sc.nocc; i++) {
        const char *k = sc.key[i];
        bool keep = sc.by_i[i] && out->nelems < ENG_LOOP_ELEMS;
        for (size_t j = 0; keep && j < sc.nocc; j++)
            if (strcmp(sc.key[j], k) == 0 && (!sc.by_i[j] || j < i)) /* read at another index, or seen */
                keep = false;
        for (size_t w = 0; keep && w < sc.nwritten; w++)
            if (path_mentions(k, sc.written[w]) || path_mentions(bound, sc.written[w]))
                keep = false;
        if (!keep)
            continue;
        out->ekey[out->nelems] = k;
        out->elv[out->nelems++] = sc.lv[i];
    }
    return out->nelems > 0;
}

eng_loops eng_loops_find(tx_ctx *tx, const cfg_function *g)
{
    eng_loops l = {0};
    for (size_t r = 0; r < g->nrpo; r++) {
        eng_vloop v;
        if (!find_one(tx, g, r, &v))
            continue;
        l.v = xrealloc(l.v, (l.n + 1) * sizeof *l.v);
        l.v[l.n++] = v;
    }
    return l;
}

void eng_loops_free(eng_loops *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

bool eng_loops_exit(tx_ctx *tx, eng_loops *l, const cfg_function *g, const tstate *in, const cfg_block *b,
                    size_t k, tstate *edge)
{
    for (size_t i = 0; i < l->n && edge->reachable; i++) {
        eng_vloop *v = &l->v[i];
        if (v->head != b->id || v->exit_k != k)
            continue;
        /* the first time round the body has not been seen yet: leaving now would join an
           exit without the relation, which no later round could take back */
        if (!in[v->latch].reachable && !v->deferred) {
            v->deferred = true;
            return false;
        }
        if (!in[v->latch].reachable)
            continue;
        tstate back;
        tstate_init(&back, false);
        tstate_copy(&back, &in[v->latch]);
        eng_transfer_block(tx, &back, g->blocks[v->latch]);
        for (size_t e = 0; back.reachable && e < v->nelems; e++) {
            const entry *en = tstate_get(&back, v->ekey[e]);
            fact f = en ? en->f : tx_implicit(tx, &back, v->elv[e]);
            if (f.taint && fact_is_bounded(&f))
                tstate_set(edge, tx_each_key(tx, v->ekey[e], v->bound), path_strip(v->elv[e]), f);
        }
        tstate_free(&back);
    }
    return true;
}
