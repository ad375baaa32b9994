/* relational.c - checks that relate values (issue 12, item 4), a small domain of symbolic upper
 * bounds. A comparison E <= F of linear forms over paths (addr + len - 1 <= END, off + len <=
 * bufLen, k <= n) bounds each term x of E by F - (E - x): by a number where the other terms'
 * ranges give one, as trusted where every term of that bound is, and as the relation
 * REL_AT_MOST ("len <= bufLen - off") where it names paths. A copy of S bytes at base + O stays
 * inside base's object of A bytes (REL_ALLOC_SIZE) when O >= 0, S >= 0 and O + S <= A follow
 * from those bounds; base + O with 0 <= O <= A is a pointer into base's object, not one the user
 * steers. Sums and differences are taken not to wrap (docs/ranges.md says where that matters). */
#include <string.h>

#include "transfer.h"

/* The lvalues behind the terms of a form built from an expression (their facts are looked up
 * by key in the state; a term without an entry is read through its lvalue). */
typedef struct lin_lvals {
    const ast_expr *lv[LIN_MAX_TERMS * 2];
    const char *key[LIN_MAX_TERMS * 2];
    size_t n;
} lin_lvals;

/* e without casts that keep its value (a narrowing cast may wrap: it ends the form) */
static const ast_expr *strip_value_casts(const ast_expr *e)
{
    while (e && e->kind == AST_EX_CAST) {
        const ast_expr *in = e->u.cast.operand;
        if (!in || (e->type.is_integer && in->type.is_integer && e->type.bits < in->type.bits))
            break;
        e = in;
    }
    return e;
}

static bool lin_of(tx_ctx *tx, const tstate *s, const ast_expr *e, int sign, linear *out, lin_lvals *lv, int depth)
{
    e = strip_value_casts(e);
    if (!e || depth > 8 || e->type.is_pointer)
        return false;
    if (e->kind == AST_EX_BINARY && (e->u.binary.op == AST_BIN_ADD || e->u.binary.op == AST_BIN_SUB))
        return lin_of(tx, s, e->u.binary.lhs, sign, out, lv, depth + 1) &&
               lin_of(tx, s, e->u.binary.rhs, e->u.binary.op == AST_BIN_ADD ? sign : -sign, out, lv, depth + 1);
    const char *key = e->kind == AST_EX_CAST ? NULL : tx_path_key(tx, e);
    if (!key) { /* a number: PAGE_SIZE, sizeof(HDR), a folded constant */
        uint64_t v;
        fact f = tx_peek(tx, s, e);
        if (f.taint || !range_is_singleton(f.r, &v))
            return false;
        out->c += sign * (long long)(f.is_signed ? (long long)f.r.lo : (long long)v);
        return out->c < (1LL << 62) && out->c > -(1LL << 62);
    }
    lin_add_term(out, key, sign);
    if (lv && lv->n < sizeof lv->lv / sizeof lv->lv[0]) {
        lv->lv[lv->n] = e;
        lv->key[lv->n++] = key;
    }
    return out->ok;
}

/* The fact of the path key in s, NULL-safe: through its lvalue when it has no entry. */
static bool term_fact(tx_ctx *tx, const tstate *s, const char *key, const lin_lvals *lv, fact *out)
{
    const entry *en = tstate_get(s, key);
    if (en) {
        *out = en->f;
        return true;
    }
    for (size_t i = 0; lv && i < lv->n; i++)
        if (strcmp(lv->key[i], key) == 0) {
            *out = tx_peek(tx, s, lv->lv[i]);
            return true;
        }
    return false;
}

/* The largest value of l by the ranges of its terms, if every term's range has that end. */
static bool lin_max(tx_ctx *tx, const tstate *s, const linear *l, const lin_lvals *lv, range_int *max)
{
    range_int m = l->c;
    for (size_t i = 0; i < l->n; i++) {
        fact f;
        if (!term_fact(tx, s, l->t[i].key, lv, &f) || range_is_empty(f.r))
            return false;
        range_int end = l->t[i].coef > 0 ? f.r.hi : f.r.lo;
        if (l->t[i].coef > 0 && (f.taint & TAINT_VALUE) && !fact_is_bounded(&f))
            return false; /* a user value whose range says nothing yet */
        if (l->t[i].coef > 0 && f.r.hi >= ((range_int)1 << 62))
            return false;
        if (l->t[i].coef < 0 && f.r.lo <= -((range_int)1 << 62))
            return false;
        m += (range_int)l->t[i].coef * end;
    }
    *max = m;
    return true;
}

/* Does l <= 0 follow from the terms' ranges and their symbolic bounds? A term with a positive
 * coefficient may be replaced by its bound (t <= T), a few times. */
/* Replaces the first term with a positive coefficient that has a symbolic bound (t <= T) by that
 * bound: l only grows, so l <= 0 afterwards still means l <= 0 before. False when none has one. */
static bool lin_bound_a_term(tx_ctx *tx, const tstate *s, linear *l, const lin_lvals *lv)
{
    for (size_t i = 0; i < l->n; i++) {
        fact f;
        linear bound;
        int k = l->t[i].coef;
        if (k <= 0 || !term_fact(tx, s, l->t[i].key, lv, &f) || !rel_path(&f.rel, REL_AT_MOST) ||
            !lin_parse(tx->scratch, rel_path(&f.rel, REL_AT_MOST), &bound))
            continue;
        lin_add_term(l, l->t[i].key, -k);
        for (int j = 0; j < k; j++)
            lin_add(l, &bound, 1);
        return true;
    }
    return false;
}

static bool lin_provably_nonpositive(tx_ctx *tx, const tstate *s, linear l, const lin_lvals *lv)
{
    for (int round = 0; round < 6 && l.ok; round++) {
        range_int max;
        if (lin_max(tx, s, &l, lv, &max) && max <= 0)
            return true;
        if (!lin_bound_a_term(tx, s, &l, lv))
            return false;
    }
    return false;
}

void tx_refine_relational(tx_ctx *tx, tstate *s, const ast_expr *l, ast_binop op, const ast_expr *r)
{
    if (!s->reachable)
        return;
    if (op == AST_BIN_GT || op == AST_BIN_GE) { /* F >= E is E <= F */
        const ast_expr *t = l;
        l = r;
        r = t;
        op = op == AST_BIN_GT ? AST_BIN_LT : AST_BIN_LE;
    }
    if (op != AST_BIN_LT && op != AST_BIN_LE && op != AST_BIN_EQ)
        return;
    linear e, f;
    lin_lvals lv = {0};
    lin_init(&e);
    lin_init(&f);
    if (!lin_of(tx, s, l, 1, &e, &lv, 0) || !lin_of(tx, s, r, 1, &f, &lv, 0) || e.n == 0)
        return;
    if (e.n == 1 && f.n == 0)
        return; /* x op constant: the interval's own refinement */
    if (op == AST_BIN_LT)
        f.c -= 1;
    for (size_t i = 0; i < e.n; i++) {
        if (e.t[i].coef != 1)
            continue;
        const char *key = e.t[i].key;
        linear b = f; /* x <= F - (E - x) */
        lin_add(&b, &e, -1);
        lin_add_term(&b, key, 1);
        const ast_expr *x = NULL;
        for (size_t k = 0; k < lv.n; k++)
            if (strcmp(lv.key[k], key) == 0)
                x = lv.lv[k];
        if (!b.ok || !x)
            continue;
        const entry *en = tstate_get(s, key);
        fact fx = en ? en->f : tx_implicit(tx, s, x);
        range_int max;
        /* a lone x against a value: refine.c narrowed it by that value's ends already */
        if (e.n > 1 && lin_max(tx, s, &b, &lv, &max) && max >= fx.r.lo && max < fx.r.hi)
            fx.r.hi = max;
        bool trusted = true, names_path = false;
        for (size_t k = 0; k < b.n; k++) {
            fact t;
            if (!term_fact(tx, s, b.t[k].key, &lv, &t) || ((t.taint & TAINT_VALUE) && !fact_is_bounded(&t)))
                trusted = false;
            names_path |= b.t[k].coef > 0;
        }
        if (trusted && b.n && e.n > 1)
            fx.hi_trusted = true; /* addr + len <= ext->BarEnd: each below a trusted value */
        if (names_path)
            rel_set(&fx.rel, REL_AT_MOST, lin_format(tx->scratch, &b));
        tstate_set(s, key, path_strip(x), fx);
    }
}

/* A pointer to bytes (its arithmetic counts bytes): by its spelling, which may be a typedef. */
static bool byte_pointer(const ast_type *t)
{
    static const char *const names[] = {"PUCHAR", "PCHAR", "PBYTE", "LPBYTE", "PVOID", "LPVOID", "PUINT8",
                                        "PINT8", "PSTR", "PCSTR", "PCCHAR", "PCVOID", "LPCVOID"};
    const char *sp = t->spelling;
    size_t n = sp ? strlen(sp) : 0;
    if (n >= 6 && (strcmp(sp + n - 6, "char *") == 0 || strcmp(sp + n - 6, "void *") == 0))
        return true;
    for (size_t i = 0; sp && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(sp, names[i]) == 0)
            return true;
    return false;
}

/* base + O: the base pointer (the operand of pointer type) and the offset's form. */
static const ast_expr *split_pointer(tx_ctx *tx, const tstate *s, const ast_expr *p, linear *o, lin_lvals *lv)
{
    lin_init(o);
    p = path_strip(p);
    if (!p)
        return NULL;
    if (p->kind != AST_EX_BINARY || p->u.binary.op != AST_BIN_ADD || !p->type.is_pointer)
        return p;
    const ast_expr *a = path_strip(p->u.binary.lhs), *b = p->u.binary.rhs;
    if (!a || !a->type.is_pointer) {
        b = p->u.binary.lhs;
        a = path_strip(p->u.binary.rhs);
    }
    if (!a || !a->type.is_pointer || !lin_of(tx, s, b, 1, o, lv, 0))
        return NULL;
    /* pointer arithmetic counts elements: only on byte pointers is the offset in bytes */
    return byte_pointer(&p->type) ? a : NULL;
}

/* The form of the size base's object was made with, or false. */
static bool object_size(tx_ctx *tx, const tstate *s, const ast_expr *base, linear *a)
{
    fact f = tx_peek(tx, s, base);
    const char *size = rel_object_size(&f.rel);
    return size && lin_parse(tx->scratch, size, a);
}

bool tx_copy_fits(tx_ctx *tx, const tstate *s, const ast_expr *ptr, const ast_expr *size)
{
    linear o, n, a;
    lin_lvals lv = {0};
    const ast_expr *base = split_pointer(tx, s, ptr, &o, &lv);
    lin_init(&n);
    if (!base || !object_size(tx, s, base, &a) || !lin_of(tx, s, size, 1, &n, &lv, 0))
        return false;
    linear neg_o = {.ok = true}, neg_n = {.ok = true}, d = o;
    lin_add(&neg_o, &o, -1);
    lin_add(&neg_n, &n, -1);
    lin_add(&d, &n, 1);
    lin_add(&d, &a, -1);
    return lin_provably_nonpositive(tx, s, neg_o, &lv) && lin_provably_nonpositive(tx, s, neg_n, &lv) &&
           lin_provably_nonpositive(tx, s, d, &lv);
}

/* Is key one of the lengths the caller gave with the request (InputBufferLength, OutputBufferLength,
 * a KMDF queue callback's length parameter, a local copy of one): a user value that was not read
 * out of user memory? */
static bool caller_length(tx_ctx *tx, const tstate *s, const char *key, const lin_lvals *lv)
{
    fact f;
    if (!term_fact(tx, s, key, lv, &f)) {
        size_t n = strlen(key);
        return (n > 18 && strcmp(key + n - 18, ".InputBufferLength") == 0) ||
               (n > 19 && strcmp(key + n - 19, ".OutputBufferLength") == 0);
    }
    if (rel_path(&f.rel, REL_CALLER_HELD)) /* the caller checked it before handing it over */
        return true;
    return (f.taint & TAINT_VALUE) && !fact_read_from_user_memory(&f);
}

bool tx_size_within_caller_length(tx_ctx *tx, const tstate *s, const ast_expr *size)
{
    linear l;
    lin_lvals lv = {0};
    lin_init(&l);
    if (!lin_of(tx, s, size, 1, &l, &lv, 0))
        return false;
    for (int round = 0; round < 6 && l.ok; round++) {
        if (l.n == 1 && l.t[0].coef == 1 && l.c <= 0 && caller_length(tx, s, l.t[0].key, &lv))
            return true;
        if (!lin_bound_a_term(tx, s, &l, &lv))
            return false;
    }
    return false;
}

bool tx_pointer_inside(tx_ctx *tx, const tstate *s, const ast_expr *ptr, fact *base_fact)
{
    linear o, a;
    lin_lvals lv = {0};
    const ast_expr *base = split_pointer(tx, s, ptr, &o, &lv);
    if (!base || base == path_strip(ptr) || !object_size(tx, s, base, &a))
        return false;
    linear neg_o = {.ok = true}, d = o;
    lin_add(&neg_o, &o, -1);
    lin_add(&d, &a, -1);
    if (!lin_provably_nonpositive(tx, s, neg_o, &lv) || !lin_provably_nonpositive(tx, s, d, &lv))
        return false;
    *base_fact = tx_peek(tx, s, base);
    return true;
}

const char *tx_size_form(tx_ctx *tx, const tstate *s, const ast_expr *e)
{
    linear l;
    lin_init(&l);
    if (lin_of(tx, s, e, 1, &l, NULL, 0))
        return lin_format(tx->scratch, &l);
    return tx_path_key(tx, e);
}

bool tx_below_form(tx_ctx *tx, const tstate *s, const ast_expr *x, const char *form)
{
    linear l, b;
    lin_lvals lv = {0};
    lin_init(&l);
    if (!lin_of(tx, s, x, 1, &l, &lv, 0) || !lin_parse(tx->scratch, form, &b))
        return false;
    lin_add(&l, &b, -1); /* x < F is x - F + 1 <= 0 */
    l.c += 1;
    return lin_provably_nonpositive(tx, s, l, &lv);
}
