/* eval.c - what an expression is worth in a state: sources, reads through pointers to user
 * data, arithmetic on intervals, the arms of ?:. The effects of calls are in effects.c. */
#include <stdlib.h>
#include <string.h>

#include "transfer.h"

fact tx_user_value(const ast_type *t, const trace_node *trace)
{
    fact f = fact_untainted(t);
    /* an array in user memory decays to a kernel address of user bytes, not a user value */
    f.taint = t->is_array ? TAINT_CONTENTS : TAINT_VALUE;
    f.trace = trace;
    f.origin_bits = f.bits;
    f.origin_signed = f.is_signed;
    return f;
}

/* A value entering from a source rule, as a user value or a pointer to user bytes. */
fact tx_source_fact(tx_ctx *tx, const ast_type *t, rules_taint kind, ast_loc loc, const char *text)
{
    fact f = fact_untainted(t);
    f.taint = kind == RULES_TAINT_CONTENTS ? TAINT_CONTENTS : TAINT_VALUE;
    f.trace = trace_push(tx->scratch, NULL, TRACE_SOURCE, loc, text);
    f.origin_bits = f.bits;
    f.origin_signed = f.is_signed;
    return f;
}

const char *tx_path_key(tx_ctx *tx, const ast_expr *e)
{
    return path_key(tx->scratch, e);
}

/* ---- sources ---- */

/* Collects the field chain of a member expression down to its innermost non-member base. */
static const ast_expr *member_chain(const ast_expr *e, const char **fields, size_t *n, size_t max)
{
    const ast_expr *chain[16];
    size_t k = 0;
    e = path_strip(e);
    while (e && e->kind == AST_EX_MEMBER && k < 16) {
        chain[k++] = e;
        e = path_strip(e->u.member.base);
    }
    if (k == 0 || k > max)
        return NULL;
    for (size_t i = 0; i < k; i++)
        fields[i] = chain[k - 1 - i]->u.member.field;
    *n = k;
    return chain[k - 1]; /* outermost-record member: its record names the path's root */
}

static bool source_member(tx_ctx *tx, const ast_expr *lv, fact *out)
{
    const char *fields[16];
    size_t n = 0;
    const ast_expr *root = member_chain(lv, fields, &n, 16);
    if (!root || !root->u.member.record)
        return false;
    const rules_source *src = rules_match_member(tx->rules, root->u.member.record, fields, n);
    if (!src)
        return false;
    *out = tx_source_fact(tx, &lv->type, src->taint, lv->loc, lv->text);
    /* a read or write request's user buffer: its system service probed it already */
    if (tx->user_buffer_probed && tx_is_request_user_buffer(src))
        out->probed = true;
    return true;
}

/* An address inside the object a user-chosen pointer points at (s->Name, &s->Field) is as
 * user-chosen as the pointer, and as probed. */
static fact user_address(const ast_expr *e, const fact *base, const trace_node *trace)
{
    fact f = fact_untainted(&e->type);
    f.taint = TAINT_VALUE;
    f.trace = trace;
    f.probed = base->probed;
    f.origin_bits = f.bits;
    return f;
}

/* The pointer whose target holds lv (s for s->a.b[2], p for p[i] or *p), or NULL when lv is
 * a variable of this function or part of one. */
static const ast_expr *pointer_holding(const ast_expr *lv)
{
    for (lv = path_strip(lv); lv;) {
        switch (lv->kind) {
        case AST_EX_MEMBER:
            if (lv->u.member.arrow)
                return lv->u.member.base;
            lv = path_strip(lv->u.member.base);
            break;
        case AST_EX_INDEX: {
            const ast_expr *b = path_strip(lv->u.index.base);
            if (!b || !b->type.is_array)
                return lv->u.index.base;
            lv = b;
            break;
        }
        case AST_EX_UNARY:
            return lv->u.unary.op == AST_UN_DEREF ? lv->u.unary.operand : NULL;
        default:
            return NULL;
        }
    }
    return NULL;
}

fact tx_implicit(tx_ctx *tx, tstate *s, const ast_expr *lv)
{
    lv = path_strip(lv);
    fact f;
    if (!lv)
        return (fact){.bits = 64, .r = range_full(64, false)};
    if (lv->kind == AST_EX_MEMBER && source_member(tx, lv, &f))
        return f;
    if (tx->hooks && tx->hooks->stored_fact && tx->hooks->stored_fact(tx, lv, &f)) /* kept by an earlier request */
        return f;
    /* arr[2] holds what the whole array was last given (RtlCopyMemory(arr, SystemBuffer, n)) */
    const char *key = tx_path_key(tx, lv);
    const char *any = key ? path_any_element(tx->scratch, key) : NULL;
    const entry *whole = any ? tstate_get(s, any) : NULL;
    if (whole)
        return fact_cast(whole->f, &lv->type);
    const ast_expr *base = NULL;
    bool through_pointer = false;
    switch (lv->kind) {
    case AST_EX_MEMBER:
        base = lv->u.member.base;
        through_pointer = lv->u.member.arrow;
        break;
    case AST_EX_INDEX:
        /* p[i] reads through p; arr[i] reads out of arr, whose user-filled bytes show as
           "contents" once the array decays to its address */
        base = lv->u.index.base;
        through_pointer = true;
        break;
    case AST_EX_UNARY:
        if (lv->u.unary.op == AST_UN_DEREF) {
            base = lv->u.unary.operand;
            through_pointer = true;
        }
        break;
    default:
        break;
    }
    if (base) {
        fact b = tx_eval(tx, s, base);
        /* whatever is read through a pointer to user bytes, or out of a user-filled
           object, is a value the user chose */
        if (through_pointer && lv->type.is_array && (b.taint & TAINT_VALUE))
            return user_address(lv, &b, trace_push(tx->scratch, b.trace, TRACE_READ, lv->loc, lv->text));
        if (through_pointer ? b.taint != 0 : (b.taint & TAINT_VALUE) != 0)
            return tx_user_value(&lv->type, trace_push(tx->scratch, b.trace, TRACE_READ, lv->loc, lv->text));
        /* p->f where *p was filled with user bytes (*req = *(PREQ)SystemBuffer) */
        const char *bk = lv->kind == AST_EX_MEMBER && lv->u.member.arrow ? tx_path_key(tx, base) : NULL;
        if (bk) {
            char *pk = xasprintf("(*%s)", bk);
            const entry *en = tstate_get(s, pk);
            free(pk);
            if (en && (en->f.taint & TAINT_VALUE))
                return tx_user_value(&lv->type, trace_push(tx->scratch, en->f.trace, TRACE_READ, lv->loc, lv->text));
        }
    }
    return fact_untainted(&lv->type);
}

/* ---- calls ---- */

/* The object an out-pointer argument designates: x for &x, *p for p. */
const ast_expr *tx_pointee_lvalue(tx_ctx *tx, const ast_expr *arg, const char **key)
{
    const ast_expr *a = path_strip(arg);
    if (!a)
        return NULL;
    if (a->kind == AST_EX_UNARY && a->u.unary.op == AST_UN_ADDR) {
        *key = tx_path_key(tx, a->u.unary.operand);
        return *key ? a->u.unary.operand : NULL;
    }
    const char *base = tx_path_key(tx, a);
    if (!base)
        return NULL;
    /* a synthetic *p, in the function's scratch arena: the unit's AST is not ours to grow */
    ast_expr *deref = arena_alloc(tx->scratch, sizeof *deref);
    deref->kind = AST_EX_UNARY;
    deref->loc = a->loc;
    deref->text = a->text;
    deref->type.array_len = -1;
    deref->u.unary.op = AST_UN_DEREF;
    deref->u.unary.operand = (ast_expr *)a;
    *key = tx_path_key(tx, deref);
    if (a->type.is_array) { /* an array given by name is written whole: every element */
        char *k = xasprintf("%s[]", base);
        *key = arena_strdup(tx->scratch, k);
        free(k);
    }
    return deref;
}

static fact eval_call(tx_ctx *tx, tstate *s, const ast_expr *call)
{
    for (size_t i = 0; i < call->u.call.nargs; i++)
        (void)tx_eval(tx, s, call->u.call.args[i]); /* nested effects (assignments in args) */
    for (size_t i = 0; i < tx->npre_call; i++) /* sink checks, seeds of callees (final pass) */
        tx->pre_call[i](tx, s, call);
    fact result;
    tx_call_effects(tx, s, call, &result);
    return result;
}

/* A struct passed by value is user data when a field of it is: pa.QuadPart = in->Address
 * makes pa a user-chosen PHYSICAL_ADDRESS. An unbounded field wins over bounded ones. */
static fact record_fields(const tstate *s, const char *key, fact none)
{
    size_t n = strlen(key);
    fact best = none;
    for (size_t i = 0; i < s->len; i++) {
        const entry *e = &s->items[i];
        if (strncmp(e->key, key, n) != 0 || e->key[n] != '.' || !e->f.taint)
            continue;
        if (!best.taint || (fact_is_bounded(&best) && !fact_is_bounded(&e->f)))
            best = e->f;
    }
    return best;
}

/* ---- expressions ---- */

static bool const_value(const fact *f, uint64_t *v)
{
    return range_is_singleton(f->r, v);
}

static fact eval_binary(tx_ctx *tx, tstate *s, const ast_expr *e)
{
    ast_binop op = e->u.binary.op;
    if (op == AST_BIN_COMMA) {
        (void)tx_eval(tx, s, e->u.binary.lhs);
        return tx_eval(tx, s, e->u.binary.rhs);
    }
    fact a = tx_eval(tx, s, e->u.binary.lhs);
    fact b = tx_eval(tx, s, e->u.binary.rhs);
    fact out = fact_untainted(&e->type);
    switch (op) {
    case AST_BIN_LT: case AST_BIN_GT: case AST_BIN_LE: case AST_BIN_GE:
    case AST_BIN_EQ: case AST_BIN_NE: case AST_BIN_LAND: case AST_BIN_LOR:
        out.r = range_bool();
        /* isUser = Irp->RequestorMode != KernelMode; if (isUser) ...: testing it is testing the
           caller's mode (only the mode: a kept comparison of other values could go stale) */
        if (op != AST_BIN_LAND && op != AST_BIN_LOR &&
            (tx_is_requestor_mode(e->u.binary.lhs) || tx_is_requestor_mode(e->u.binary.rhs)))
            rel_set(&out.rel, REL_RESULT_OF, e);
        return out; /* a truth value is not an index the user can steer */
    default:
        break;
    }
    unsigned ta = a.taint, tb = b.taint;
    /* kernel pointer + user offset is an address the user steers */
    out.taint = (ta | tb) & TAINT_VALUE ? TAINT_VALUE : (ta | tb);
    out.trace = ta ? a.trace : b.trace;
    out.origin_bits = ta ? a.origin_bits : b.origin_bits;
    out.origin_signed = ta ? a.origin_signed : b.origin_signed;
    /* arithmetic on user values that are all bounded stays bounded (ext->Base + checked) */
    out.sanitized = (!ta || fact_is_bounded(&a)) && (!tb || fact_is_bounded(&b));
    a = fact_cast(a, &e->type);
    b = fact_cast(b, &e->type);
    uint64_t c;
    bool bc = const_value(&b, &c);
    uint64_t ca;
    bool ac = const_value(&a, &ca);
    switch (op) {
    case AST_BIN_ADD:
        out.r = range_add(a.r, b.r, out.bits, out.is_signed);
        if (e->type.is_pointer && (out.taint & TAINT_VALUE) && !out.sanitized) {
            /* buf + (n - k) with k <= n, n buf's length: still inside buf, not user-steered */
            fact base;
            if (tx_pointer_inside(tx, s, e, &base)) {
                out.taint = base.taint;
                out.trace = base.trace;
            }
        }
        break;
    case AST_BIN_SUB:
        out.r = range_sub(a.r, b.r, out.bits, out.is_signed);
        break;
    case AST_BIN_MUL: { /* 3 * sizeof(ULONG): a number, for the relational checks */
        uint64_t p;
        if (ac && bc && !__builtin_mul_overflow(ca, c, &p) && (out.bits >= 64 || p < ((uint64_t)1 << out.bits)))
            out.r = fact_const(p, &e->type).r;
        break;
    }
    case AST_BIN_AND:
        if (bc)
            out.r = range_and_const(a.r, c, out.bits, out.is_signed);
        else if (ac)
            out.r = range_and_const(b.r, ca, out.bits, out.is_signed);
        break;
    case AST_BIN_REM:
        if (bc)
            out.r = range_rem_const(a.r, c, out.bits, out.is_signed);
        break;
    case AST_BIN_SHR:
        if (bc)
            out.r = range_shr_const(a.r, c, out.bits, out.is_signed);
        break;
    case AST_BIN_DIV:
        if (bc)
            out.r = range_div_const(a.r, c, out.bits, out.is_signed);
        break;
    default:
        break;
    }
    return out;
}

static fact eval_unary(tx_ctx *tx, tstate *s, const ast_expr *e)
{
    const ast_expr *op = e->u.unary.operand;
    switch (e->u.unary.op) {
    case AST_UN_DEREF: {
        const char *key = tx_path_key(tx, e);
        const entry *en = key ? tstate_get(s, key) : NULL;
        return tx_each_fact(tx, s, e, key, en ? en->f : tx_implicit(tx, s, e));
    }
    case AST_UN_ADDR: {
        const ast_expr *holder = pointer_holding(op);
        fact ptr = holder ? tx_eval(tx, s, holder) : (fact){0};
        if (ptr.taint & TAINT_VALUE) /* &s->Field of a user-chosen s */
            return user_address(e, &ptr, trace_push(tx->scratch, ptr.trace, TRACE_READ, e->loc, e->text));
        fact inner = tx_eval(tx, s, op);
        fact f = fact_untainted(&e->type);
        if (inner.taint) { /* &user_struct is a kernel pointer to user bytes */
            f.taint = TAINT_CONTENTS;
            f.trace = inner.trace;
        }
        return f;
    }
    case AST_UN_NOT: {
        (void)tx_eval(tx, s, op);
        fact f = fact_untainted(&e->type);
        f.r = range_bool();
        return f;
    }
    case AST_UN_PREINC: case AST_UN_PREDEC: case AST_UN_POSTINC: case AST_UN_POSTDEC: {
        fact f = tx_eval(tx, s, op);
        fact one = fact_const(1, &op->type);
        fact n = f;
        n.r = e->u.unary.op == AST_UN_PREINC || e->u.unary.op == AST_UN_POSTINC
                  ? range_add(f.r, one.r, f.bits, f.is_signed)
                  : range_sub(f.r, one.r, f.bits, f.is_signed);
        n.hi_trusted = n.lo_trusted = false;
        rel_set(&n.rel, REL_AT_MOST, NULL); /* k <= n says nothing of k + 1 */
        rel_set(&n.rel, REL_CALLER_HELD, NULL);
        rel_set(&n.rel, REL_COPY_OF, NULL); /* nor is k + 1 a copy of what k copied */
        const char *key = tx_path_key(tx, op);
        if (key)
            tstate_set(s, key, path_strip(op), n);
        return e->u.unary.op == AST_UN_PREINC || e->u.unary.op == AST_UN_PREDEC ? n : f;
    }
    default: {
        fact f = tx_eval(tx, s, op);
        fact out = fact_untainted(&e->type);
        out.taint = f.taint;
        out.trace = f.trace;
        out.origin_bits = f.origin_bits;
        out.origin_signed = f.origin_signed;
        if (e->u.unary.op == AST_UN_NEG)
            out.r = range_neg(fact_cast(f, &e->type).r, out.bits, out.is_signed);
        return out;
    }
    }
}

fact tx_eval(tx_ctx *tx, tstate *s, const ast_expr *e)
{
    if (!e)
        return (fact){.bits = 64, .r = range_full(64, false)};
    switch (e->kind) {
    case AST_EX_INT:
    case AST_EX_SIZEOF:
        if (e->kind == AST_EX_INT || e->u.i.known)
            return fact_const(e->u.i.value, &e->type);
        return fact_untainted(&e->type);
    case AST_EX_STRING:
        return fact_untainted(&e->type);
    case AST_EX_REF:
    case AST_EX_MEMBER:
    case AST_EX_INDEX: {
        if (e->kind == AST_EX_INDEX)
            (void)tx_eval(tx, s, e->u.index.index);
        const char *key = tx_path_key(tx, e);
        const entry *en = key ? tstate_get(s, key) : NULL;
        if (en)
            return tx_each_fact(tx, s, e, key, en->f);
        fact f = tx_implicit(tx, s, e);
        if (!f.taint && key && e->type.is_record)
            f = record_fields(s, key, f);
        return tx_each_fact(tx, s, e, key, f);
    }
    case AST_EX_CALL:
        return eval_call(tx, s, e);
    case AST_EX_UNARY:
        return eval_unary(tx, s, e);
    case AST_EX_BINARY:
        return eval_binary(tx, s, e);
    case AST_EX_ASSIGN: {
        fact rhs = tx_eval(tx, s, e->u.binary.rhs);
        if (e->u.binary.op != AST_BIN_NONE) {
            /* x op= y is x = x op y */
            ast_expr tmp = *e;
            tmp.kind = AST_EX_BINARY;
            rhs = eval_binary(tx, s, &tmp);
        }
        tx_assign(tx, s, e->u.binary.lhs, rhs, e->loc, e->text);
        const char *key = tx_path_key(tx, e->u.binary.lhs);
        const entry *en = key ? tstate_get(s, key) : NULL;
        return en ? en->f : rhs;
    }
    case AST_EX_COND: {
        /* each arm is worth what it is on its own edge: this is what makes the
           clamp `x > MAX ? MAX : x` a bound */
        tstate t, f;
        tstate_init(&t, true);
        tstate_init(&f, true);
        (void)tx_eval(tx, s, e->u.cond.cond);
        tstate_copy(&t, s);
        tstate_copy(&f, s);
        tx_refine(tx, &t, e->u.cond.cond, true);
        tx_refine(tx, &f, e->u.cond.cond, false);
        fact ft = t.reachable ? fact_cast(tx_eval(tx, &t, e->u.cond.then), &e->type) : (fact){0};
        fact ff = f.reachable ? fact_cast(tx_eval(tx, &f, e->u.cond.els), &e->type) : (fact){0};
        fact out = !t.reachable ? ff : !f.reachable ? ft : fact_join(ft, ff);
        tstate_free(&t);
        tstate_free(&f);
        if (!out.bits)
            out = fact_untainted(&e->type);
        return out;
    }
    case AST_EX_CAST:
        return fact_cast(tx_eval(tx, s, e->u.cast.operand), &e->type);
    case AST_EX_INIT_LIST:
    case AST_EX_UNKNOWN: {
        fact out = fact_untainted(&e->type);
        for (size_t i = 0; i < e->u.list.n; i++) {
            if (e->kind == AST_EX_INIT_LIST && !rel_path(&out.rel, REL_NAMES)) /* RTL_CONSTANT_STRING(L"Name") */
                rel_set(&out.rel, REL_NAMES, tx_literal_name(tx, e->u.list.items[i]));
            fact c = tx_eval(tx, s, e->u.list.items[i]);
            if (c.taint && !out.taint) {
                out.taint = c.taint & TAINT_VALUE ? TAINT_VALUE : c.taint;
                out.trace = c.trace;
            }
        }
        return out;
    }
    }
    return fact_untainted(&e->type);
}


/* Does evaluating e change the state? (an assignment, ++/--, or a call's effects) */
static bool has_effects(const ast_expr *e)
{
    if (!e)
        return false;
    switch (e->kind) {
    case AST_EX_ASSIGN:
    case AST_EX_CALL:
        return true;
    case AST_EX_UNARY:
        switch (e->u.unary.op) {
        case AST_UN_PREINC: case AST_UN_PREDEC: case AST_UN_POSTINC: case AST_UN_POSTDEC:
            return true;
        default:
            return has_effects(e->u.unary.operand);
        }
    case AST_EX_BINARY:
        return has_effects(e->u.binary.lhs) || has_effects(e->u.binary.rhs);
    case AST_EX_COND:
        return has_effects(e->u.cond.cond) || has_effects(e->u.cond.then) || has_effects(e->u.cond.els);
    case AST_EX_CAST:
        return has_effects(e->u.cast.operand);
    case AST_EX_MEMBER:
        return has_effects(e->u.member.base);
    case AST_EX_INDEX:
        return has_effects(e->u.index.base) || has_effects(e->u.index.index);
    case AST_EX_INIT_LIST:
    case AST_EX_UNKNOWN:
        for (size_t i = 0; i < e->u.list.n; i++)
            if (has_effects(e->u.list.items[i]))
                return true;
        return false;
    default:
        return false;
    }
}

fact tx_peek(tx_ctx *tx, const tstate *s, const ast_expr *e)
{
    if (!has_effects(e))
        return tx_eval(tx, (tstate *)s, e); /* reads only: s stays as it was */
    tstate scratch;
    tstate_init(&scratch, true);
    tstate_copy(&scratch, s);
    fact f = tx_eval(tx, &scratch, e);
    tstate_free(&scratch);
    return f;
}

fact tx_implicit_cb(void *tx, tstate *scratch, const ast_expr *lv)
{
    return tx_implicit(tx, scratch, lv);
}

fact tx_peek_pointee(tx_ctx *tx, const tstate *s, const ast_expr *arg)
{
    const ast_expr *a = path_strip(arg);
    if (a && a->kind == AST_EX_UNARY && a->u.unary.op == AST_UN_ADDR)
        return tx_peek(tx, s, a->u.unary.operand);
    ast_expr deref = {.kind = AST_EX_UNARY, .loc = arg->loc, .text = arg->text};
    deref.type.array_len = -1;
    deref.type.bits = 64;
    deref.u.unary.op = AST_UN_DEREF;
    deref.u.unary.operand = (ast_expr *)arg;
    return tx_peek(tx, s, &deref);
}
