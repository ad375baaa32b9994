/* refine.c - what a branch condition teaches: comparisons narrow intervals or mark a bound
 * as trusted, sanitizers and inferred validators vouch for their argument on the edge where
 * they succeed, a copy of a checked value is checked too. */
#include <stdlib.h>
#include <string.h>

#include "transfer.h"

static fact lookup_for_update(tx_ctx *tx, tstate *s, const ast_expr *lv, const char *key)
{
    const entry *en = tstate_get(s, key);
    return en ? en->f : tx_implicit(tx, s, lv);
}

static ast_binop mirror(ast_binop op)
{
    switch (op) {
    case AST_BIN_LT: return AST_BIN_GT;
    case AST_BIN_GT: return AST_BIN_LT;
    case AST_BIN_LE: return AST_BIN_GE;
    case AST_BIN_GE: return AST_BIN_LE;
    default: return op;
    }
}

static ast_binop negate(ast_binop op)
{
    switch (op) {
    case AST_BIN_LT: return AST_BIN_GE;
    case AST_BIN_GT: return AST_BIN_LE;
    case AST_BIN_LE: return AST_BIN_GT;
    case AST_BIN_GE: return AST_BIN_LT;
    case AST_BIN_EQ: return AST_BIN_NE;
    case AST_BIN_NE: return AST_BIN_EQ;
    default: return op;
    }
}

static bool is_comparison(ast_binop op)
{
    return op == AST_BIN_LT || op == AST_BIN_GT || op == AST_BIN_LE || op == AST_BIN_GE || op == AST_BIN_EQ ||
           op == AST_BIN_NE;
}

static void narrow_to(tstate *s, entry *e, const fact *by)
{
    if (e->f.bits != by->bits || e->f.is_signed != by->is_signed)
        return;
    range m = range_meet(e->f.r, by->r);
    if (range_is_empty(m)) {
        s->reachable = false;
        return;
    }
    e->f.r = m;
    e->f.hi_trusted |= by->hi_trusted;
    e->f.lo_trusted |= by->lo_trusted;
}

/* key was just bounded to *f: its copies (x = key, neither changed since) hold the same value.
 * Not the other way: bounding x says nothing of a later read of key, which may be user memory
 * read again (a double fetch). */
static void refine_copies(tx_ctx *tx, tstate *s, const char *key, const fact *f)
{
    (void)tx;
    for (size_t i = 0; i < s->len && s->reachable; i++)
        if (rel_path(&s->items[i].f.rel, REL_COPY_OF) && strcmp(rel_path(&s->items[i].f.rel, REL_COPY_OF), key) == 0)
            narrow_to(s, &s->items[i], f);
}

/* x op o holds where o is a value with known ends: x < o <= hi leaves x < hi, x > o >= lo
 * leaves x > lo (o is in x's type; an end at the type's limit teaches nothing). */
static range refine_by_ends(const fact *x, ast_binop op, fact o)
{
    if (o.bits != x->bits || o.is_signed != x->is_signed || range_is_empty(o.r))
        return x->r;
    range top = range_full(o.bits, o.is_signed);
    switch (op) {
    case AST_BIN_LT: case AST_BIN_LE:
        return o.r.hi == top.hi ? x->r : range_refine_cmp(x->r, op, (uint64_t)o.r.hi, x->bits, x->is_signed);
    case AST_BIN_GT: case AST_BIN_GE:
        return o.r.lo == top.lo ? x->r : range_refine_cmp(x->r, op, (uint64_t)o.r.lo, x->bits, x->is_signed);
    case AST_BIN_EQ:
        return range_meet(x->r, o.r);
    default:
        return x->r;
    }
}

/* A pointer a branch found NULL is no address anyone chose: the trusted constant 0, so a join with
 * a path that replaced the user's pointer by a kernel one is that kernel pointer alone. */
static fact null_is_no_choice(const ast_expr *lv, fact f)
{
    uint64_t v;
    if (lv && lv->type.is_pointer && range_is_singleton(f.r, &v) && v == 0)
        return fact_const(0, &lv->type);
    return f;
}

/* x op other holds: bound x. */
static void refine_side(tx_ctx *tx, tstate *s, const ast_expr *x, ast_binop op, const ast_expr *other)
{
    const char *key = tx_path_key(tx, x);
    if (!key)
        return;
    const ast_expr *lv = path_strip(x);
    fact f = lookup_for_update(tx, s, lv, key);
    fact o = tx_eval(tx, s, other);
    if (o.taint && fact_is_bounded(&o))
        o.taint = TAINT_NONE; /* a bounded user value is as good a bound as a trusted one */
    uint64_t c;
    if (range_is_singleton(o.r, &c) && !o.taint) {
        o = fact_cast(o, &lv->type);
        range_is_singleton(o.r, &c);
        f.r = range_refine_cmp(f.r, op, c, f.bits, f.is_signed);
        if (range_is_empty(f.r)) {
            s->reachable = false;
            return;
        }
        f = null_is_no_choice(lv, f);
    } else if (!o.taint) {
        /* compared with a value that is not one number but has known ends (the other arm of
           min(PAGE_SIZE - off, len) with off masked): x < o <= hi bounds x by hi */
        f.r = refine_by_ends(&f, op, fact_cast(o, &lv->type));
        if (range_is_empty(f.r)) {
            s->reachable = false;
            return;
        }
        /* compared with a trusted value whose number we do not know: sizeof of a
           variable-size object, a device-extension field */
        if (op == AST_BIN_LT || op == AST_BIN_LE || op == AST_BIN_EQ)
            f.hi_trusted = true;
        if (op == AST_BIN_GT || op == AST_BIN_GE || op == AST_BIN_EQ)
            f.lo_trusted = true;
    } else {
        return;
    }
    tstate_set(s, key, lv, f);
    refine_copies(tx, s, key, &f);
}

/* mode op other, with mode the request's RequestorMode: does the edge hold only for a kernel-mode
 * caller (KernelMode is 0)? Such a path is no user's: a user-mode caller never takes it. */
static bool kernel_caller_edge(tx_ctx *tx, tstate *s, const ast_expr *mode, ast_binop op, const ast_expr *other)
{
    uint64_t c;
    if (!tx_is_requestor_mode(mode) || !range_is_singleton(tx_peek(tx, s, other).r, &c))
        return false;
    return (op == AST_BIN_EQ && c == 0) || (op == AST_BIN_NE && c == 1) || (op == AST_BIN_LT && c == 1) ||
           (op == AST_BIN_LE && c == 0);
}

static bool sanitizer_on_edge(tx_ctx *tx, tstate *s, const ast_expr *call, bool nonzero, bool success)
{
    call = path_strip(call);
    if (!call || call->kind != AST_EX_CALL || !call->u.call.name)
        return false;
    if (tx->hooks && tx->hooks->call_refine) /* a validator of the driver's own */
        tx->hooks->call_refine(tx, s, call, nonzero, success);
    for (size_t i = 0; i < tx->rules->nsanitizers; i++) {
        const rules_sanitizer *san = &tx->rules->sanitizers[i];
        if (strcmp(san->function, call->u.call.name) != 0 || san->kind != RULES_SANITIZER_BOUND)
            continue;
        bool holds = (san->when == RULES_WHEN_NONZERO && nonzero) || (san->when == RULES_WHEN_NT_SUCCESS && success);
        if (!holds || san->arg < 0 || (size_t)san->arg >= call->u.call.nargs)
            continue;
        const ast_expr *arg = call->u.call.args[san->arg];
        const char *key = tx_path_key(tx, arg);
        if (!key)
            continue;
        fact f = lookup_for_update(tx, s, path_strip(arg), key);
        f.sanitized = true;
        tstate_set(s, key, path_strip(arg), f);
    }
    return true;
}

void tx_refine(tx_ctx *tx, tstate *s, const ast_expr *cond, bool truth)
{
    cond = path_strip(cond);
    if (!cond || !s->reachable)
        return;
    if (cond->kind == AST_EX_INT && cond->u.i.known) { /* if (0), folded constants: one edge is dead */
        if ((cond->u.i.value != 0) != truth)
            s->reachable = false;
        return;
    }
    if (cond->kind == AST_EX_UNARY && cond->u.unary.op == AST_UN_NOT) {
        tx_refine(tx, s, cond->u.unary.operand, !truth);
        return;
    }
    if (cond->kind == AST_EX_BINARY && (cond->u.binary.op == AST_BIN_LAND || cond->u.binary.op == AST_BIN_LOR)) {
        bool and = cond->u.binary.op == AST_BIN_LAND;
        if (and == truth) { /* both hold */
            tx_refine(tx, s, cond->u.binary.lhs, truth);
            tx_refine(tx, s, cond->u.binary.rhs, truth);
            return;
        }
        /* either fails: the join of "lhs fails" and "lhs holds, rhs fails" */
        tstate other;
        tstate_init(&other, true);
        tstate_copy(&other, s);
        tx_refine(tx, s, cond->u.binary.lhs, truth);
        tx_refine(tx, &other, cond->u.binary.lhs, !truth);
        tx_refine(tx, &other, cond->u.binary.rhs, truth);
        tstate_join(s, &other, false, tx_implicit_cb, tx);
        if (!s->reachable && other.reachable)
            tstate_copy(s, &other);
        tstate_free(&other);
        return;
    }
    if (cond->kind == AST_EX_BINARY && is_comparison(cond->u.binary.op)) {
        ast_binop op = truth ? cond->u.binary.op : negate(cond->u.binary.op);
        const ast_expr *l = cond->u.binary.lhs, *r = cond->u.binary.rhs;
        uint64_t zero;
        if (kernel_caller_edge(tx, s, l, op, r) || kernel_caller_edge(tx, s, r, mirror(op), l)) {
            s->reachable = false;
            return;
        }
        /* NT_SUCCESS(Check(x)) is ((NTSTATUS)(Check(x)) >= 0) */
        fact rf = tx_eval(tx, s, r);
        if (range_is_singleton(rf.r, &zero) && zero == 0 && path_strip(l) && path_strip(l)->kind == AST_EX_CALL) {
            bool nonzero = op == AST_BIN_NE;
            bool success = op == AST_BIN_GE || op == AST_BIN_EQ;
            sanitizer_on_edge(tx, s, l, nonzero, success);
            return;
        }
        /* status = Validate(x); if (!NT_SUCCESS(status)) return: the status carries the call */
        if (range_is_singleton(rf.r, &zero) && zero == 0) {
            const char *lkey = tx_path_key(tx, l);
            const entry *le = lkey ? tstate_get(s, lkey) : NULL;
            if (le && rel_call(&le->f.rel, REL_RESULT_OF))
                sanitizer_on_edge(tx, s, rel_call(&le->f.rel, REL_RESULT_OF), op == AST_BIN_NE, op == AST_BIN_GE || op == AST_BIN_EQ);
        }
        refine_side(tx, s, l, op, r);
        if (s->reachable)
            refine_side(tx, s, r, mirror(op), l);
        tx_refine_relational(tx, s, l, op, r); /* off + len <= bufLen: each term's bound */
        return;
    }
    if (cond->kind == AST_EX_CALL) {
        sanitizer_on_edge(tx, s, cond, truth, false);
        return;
    }
    /* a bare value tests != 0 */
    const char *key = tx_path_key(tx, cond);
    if (key) {
        const entry *held = tstate_get(s, key);
        const ast_expr *test = held ? path_strip(rel_call(&held->f.rel, REL_RESULT_OF)) : NULL;
        if (test && test->kind == AST_EX_BINARY) { /* user = RequestorMode != KernelMode; if (user) */
            tx_refine(tx, s, test, truth);
            if (!s->reachable)
                return;
        } else if (test && truth) { /* ok = IsAllowed(x); if (ok) */
            sanitizer_on_edge(tx, s, test, true, false);
        }
        fact f = lookup_for_update(tx, s, cond, key);
        f.r = range_refine_cmp(f.r, truth ? AST_BIN_NE : AST_BIN_EQ, 0, f.bits, f.is_signed);
        if (range_is_empty(f.r)) {
            s->reachable = false;
            return;
        }
        f = null_is_no_choice(path_strip(cond), f);
        tstate_set(s, key, cond, f);
    }
}

void tx_refine_range(tx_ctx *tx, tstate *s, const ast_expr *value, int64_t lo, int64_t hi)
{
    const char *key = tx_path_key(tx, value);
    if (!key || !s->reachable)
        return;
    const ast_expr *lv = path_strip(value);
    fact f = lookup_for_update(tx, s, lv, key);
    f.r = range_refine_cmp(f.r, AST_BIN_GE, (uint64_t)lo, f.bits, f.is_signed);
    f.r = range_refine_cmp(f.r, AST_BIN_LE, (uint64_t)hi, f.bits, f.is_signed);
    if (range_is_empty(f.r)) {
        s->reachable = false;
        return;
    }
    tstate_set(s, key, lv, f);
}
