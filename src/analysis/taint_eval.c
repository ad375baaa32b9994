/* taint_eval.c - transfer functions: what an expression is worth in a state, what an
 * assignment or a call does to the state, and what a branch condition teaches. */
#include <stdlib.h>
#include <string.h>

#include "taint_internal.h"

static unsigned type_bits(const ast_type *t)
{
    if (t->is_integer && t->bits)
        return t->bits;
    return 64; /* pointers and unknown types: a 64-bit address */
}

static bool type_signed(const ast_type *t)
{
    return t->is_integer && t->is_signed;
}

fact fact_untainted(const ast_type *t)
{
    fact f = {0};
    f.bits = type_bits(t);
    f.is_signed = type_signed(t);
    f.r = range_full(f.bits, f.is_signed);
    return f;
}

fact fact_const(uint64_t v, const ast_type *t)
{
    fact f = fact_untainted(t);
    f.r = range_const(v, f.bits, f.is_signed);
    return f;
}

static fact user_value(const ast_type *t, const trace_node *trace)
{
    fact f = fact_untainted(t);
    /* an array in user memory decays to a kernel address of user bytes, not a user value */
    f.taint = t->is_array ? TAINT_CONTENTS : TAINT_VALUE;
    f.trace = trace;
    f.origin_bits = f.bits;
    f.origin_signed = f.is_signed;
    return f;
}

static fact cast_fact(fact f, const ast_type *to)
{
    unsigned bits = type_bits(to);
    bool sign = type_signed(to);
    if (bits != f.bits || sign != f.is_signed) {
        f.r = range_cast(f.r, f.bits, f.is_signed, bits, sign);
        f.bits = bits;
        f.is_signed = sign;
    }
    return f;
}

/* A value entering from a source rule, as a user value or a pointer to user bytes. */
static fact source_fact(taint_ctx *ctx, const ast_type *t, rules_taint kind, ast_loc loc, const char *text)
{
    fact f = fact_untainted(t);
    f.taint = kind == RULES_TAINT_CONTENTS ? TAINT_CONTENTS : TAINT_VALUE;
    f.trace = trace_push(ctx, NULL, TRACE_SOURCE, loc, text);
    f.origin_bits = f.bits;
    f.origin_signed = f.is_signed;
    return f;
}

const trace_node *trace_push(taint_ctx *ctx, const trace_node *prev, trace_kind kind, ast_loc loc, const char *text)
{
    /* a value carried through many assignments keeps its trace short: one step per line */
    if (prev && prev->loc.line == loc.line && prev->loc.file == loc.file && prev->kind == kind)
        return prev;
    trace_node *n = arena_alloc(ctx->scratch, sizeof *n);
    n->kind = kind;
    n->loc = loc;
    n->text = text;
    n->prev = prev;
    return n;
}

const ast_expr *taint_strip(const ast_expr *e)
{
    while (e && e->kind == AST_EX_CAST)
        e = e->u.cast.operand;
    return e;
}

static const char *fmt_key(taint_ctx *ctx, const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c);
    char *k = arena_alloc(ctx->scratch, n + 1);
    strcpy(k, a);
    strcat(k, b);
    strcat(k, c);
    return k;
}

const char *taint_path_key(taint_ctx *ctx, const ast_expr *e)
{
    e = taint_strip(e);
    if (!e)
        return NULL;
    switch (e->kind) {
    case AST_EX_REF:
        if (e->u.ref.ref == AST_REF_FUNCTION)
            return NULL;
        return e->u.ref.name;
    case AST_EX_MEMBER: {
        const char *base = taint_path_key(ctx, e->u.member.base);
        if (!base)
            return NULL;
        if (e->u.member.arrow)
            return fmt_key(ctx, fmt_key(ctx, "(*", base, ")."), e->u.member.field, "");
        return fmt_key(ctx, base, ".", e->u.member.field);
    }
    case AST_EX_INDEX: {
        const ast_expr *b = taint_strip(e->u.index.base);
        const char *base = taint_path_key(ctx, e->u.index.base);
        if (!base)
            return NULL;
        if (b && b->type.is_pointer)
            return fmt_key(ctx, "(*", base, ")");
        return fmt_key(ctx, base, "[]", "");
    }
    case AST_EX_UNARY:
        if (e->u.unary.op == AST_UN_DEREF) {
            const char *base = taint_path_key(ctx, e->u.unary.operand);
            return base ? fmt_key(ctx, "(*", base, ")") : NULL;
        }
        return NULL;
    default:
        return NULL;
    }
}

/* ---- sources ---- */

/* Collects the field chain of a member expression down to its innermost non-member base. */
static const ast_expr *member_chain(const ast_expr *e, const char **fields, size_t *n, size_t max)
{
    const ast_expr *chain[16];
    size_t k = 0;
    e = taint_strip(e);
    while (e && e->kind == AST_EX_MEMBER && k < 16) {
        chain[k++] = e;
        e = taint_strip(e->u.member.base);
    }
    if (k == 0 || k > max)
        return NULL;
    for (size_t i = 0; i < k; i++)
        fields[i] = chain[k - 1 - i]->u.member.field;
    *n = k;
    return chain[k - 1]; /* outermost-record member: its record names the path's root */
}

static bool source_member(taint_ctx *ctx, const ast_expr *lv, fact *out)
{
    const char *fields[16];
    size_t n = 0;
    const ast_expr *root = member_chain(lv, fields, &n, 16);
    if (!root || !root->u.member.record)
        return false;
    const rules_source *src = rules_match_member(ctx->rules, root->u.member.record, fields, n);
    if (!src)
        return false;
    *out = source_fact(ctx, &lv->type, src->taint, lv->loc, lv->text);
    return true;
}

fact taint_implicit(taint_ctx *ctx, tstate *s, const ast_expr *lv)
{
    lv = taint_strip(lv);
    fact f;
    if (!lv)
        return (fact){.bits = 64, .r = range_full(64, false)};
    if (lv->kind == AST_EX_MEMBER && source_member(ctx, lv, &f))
        return f;
    if (taint_stored_fact(ctx, lv, &f)) /* kept by an earlier request */
        return f;
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
        fact b = taint_eval(ctx, s, base);
        /* whatever is read through a pointer to user bytes, or out of a user-filled
           object, is a value the user chose */
        if (through_pointer ? b.taint != 0 : (b.taint & TAINT_VALUE) != 0)
            return user_value(&lv->type, trace_push(ctx, b.trace, TRACE_READ, lv->loc, lv->text));
    }
    return fact_untainted(&lv->type);
}

/* ---- calls ---- */

typedef struct copy_model {
    const char *name;
    unsigned dst, src;
} copy_model;

/* Calls that copy bytes: user bytes copied into an object make the object user data. */
static const copy_model copy_models[] = {
    {"memcpy", 0, 1}, {"memmove", 0, 1}, {"RtlCopyMemory", 0, 1}, {"RtlMoveMemory", 0, 1},
    {"RtlCopyBytes", 0, 1}, {"memcpy_s", 0, 2}, {"memmove_s", 0, 2}, {"WdfMemoryCopyToBuffer", 2, 0},
};

static const char *callee_name(const ast_expr *call)
{
    return call->u.call.name ? call->u.call.name : "";
}

/* The object an out-pointer argument designates: x for &x, *p for p. */
const ast_expr *taint_pointee_lvalue(taint_ctx *ctx, const ast_expr *arg, const char **key)
{
    const ast_expr *a = taint_strip(arg);
    if (!a)
        return NULL;
    if (a->kind == AST_EX_UNARY && a->u.unary.op == AST_UN_ADDR) {
        *key = taint_path_key(ctx, a->u.unary.operand);
        return *key ? a->u.unary.operand : NULL;
    }
    const char *base = taint_path_key(ctx, a);
    if (!base)
        return NULL;
    /* a synthetic *p, in the function's scratch arena: the unit's AST is not ours to grow */
    ast_expr *deref = arena_alloc(ctx->scratch, sizeof *deref);
    deref->kind = AST_EX_UNARY;
    deref->loc = a->loc;
    deref->text = a->text;
    deref->type.array_len = -1;
    deref->u.unary.op = AST_UN_DEREF;
    deref->u.unary.operand = (ast_expr *)a;
    *key = taint_path_key(ctx, deref);
    return deref;
}

static void apply_call_effects(taint_ctx *ctx, tstate *s, const ast_expr *call)
{
    const char *name = callee_name(call);
    /* sources through out-parameters */
    for (size_t i = 0; i < ctx->rules->nsources; i++) {
        const rules_source *src = &ctx->rules->sources[i];
        if (!src->function || strcmp(src->function, name) != 0 || src->arg < 0 ||
            (size_t)src->arg >= call->u.call.nargs)
            continue;
        const char *key = NULL;
        const ast_expr *target = taint_pointee_lvalue(ctx, call->u.call.args[src->arg], &key);
        if (!target || !key)
            continue;
        fact f = source_fact(ctx, &target->type, src->taint, call->loc, call->text);
        tstate_kill(s, key);
        tstate_set(s, key, target, f);
        taint_store(ctx, target, &f); /* WdfRequestProbeAndLock...(..., &reqContext->Memory) */
    }
    /* sanitizers that validate an argument by being called */
    for (size_t i = 0; i < ctx->rules->nsanitizers; i++) {
        const rules_sanitizer *san = &ctx->rules->sanitizers[i];
        if (strcmp(san->function, name) != 0 || san->arg < 0 || (size_t)san->arg >= call->u.call.nargs)
            continue;
        if (san->kind == RULES_SANITIZER_BOUND && san->when != RULES_WHEN_ALWAYS)
            continue; /* those work on the branch that tests their result */
        const ast_expr *arg = call->u.call.args[san->arg];
        const char *key = taint_path_key(ctx, arg);
        if (!key)
            continue;
        fact f = taint_eval(ctx, s, arg);
        if (san->kind == RULES_SANITIZER_USER_POINTER)
            f.probed = true;
        else
            f.sanitized = true;
        tstate_set(s, key, taint_strip(arg), f);
    }
    /* copies of user bytes */
    for (size_t i = 0; i < sizeof copy_models / sizeof copy_models[0]; i++) {
        const copy_model *m = &copy_models[i];
        if (strcmp(m->name, name) != 0 && !(call->u.call.written_name && strcmp(m->name, call->u.call.written_name) == 0))
            continue;
        if (m->dst >= call->u.call.nargs || m->src >= call->u.call.nargs)
            break;
        fact src = taint_eval(ctx, s, call->u.call.args[m->src]);
        const char *key = NULL;
        const ast_expr *target = taint_pointee_lvalue(ctx, call->u.call.args[m->dst], &key);
        if (!target || !key)
            break;
        tstate_kill(s, key);
        if (src.taint) {
            fact f = user_value(&target->type, trace_push(ctx, src.trace, TRACE_COPY, call->loc, call->text));
            tstate_set(s, key, target, f);
        }
        break;
    }
}

/* Pool allocators and the argument holding the size: a copy of exactly that many bytes to or
 * from the new buffer stays inside it, whoever chose the number. */
static const struct {
    const char *name;
    unsigned size_arg;
} allocators[] = {
    {"ExAllocatePool2", 1}, {"ExAllocatePool3", 1}, {"ExAllocatePoolWithTag", 1}, {"ExAllocatePool", 1},
    {"ExAllocatePoolZero", 1}, {"ExAllocatePoolUninitialized", 1}, {"ExAllocatePoolWithQuotaTag", 1},
};

static fact eval_call(taint_ctx *ctx, tstate *s, const ast_expr *call)
{
    for (size_t i = 0; i < call->u.call.nargs; i++)
        (void)taint_eval(ctx, s, call->u.call.args[i]); /* nested effects (assignments in args) */
    if (ctx->reporting) {
        taint_check_call(ctx, s, call);
        taint_seed_callee(ctx, s, call);
        taint_seed_deferred(ctx, s, call);
    }
    apply_call_effects(ctx, s, call);
    taint_summary_outputs(ctx, s, call); /* a helper that writes user data through a pointer */
    const char *name = callee_name(call);
    fact result = fact_untainted(&call->type);
    for (size_t i = 0; i < sizeof allocators / sizeof allocators[0]; i++)
        if (strcmp(allocators[i].name, name) == 0 && allocators[i].size_arg < call->u.call.nargs)
            result.alloc_size = taint_path_key(ctx, call->u.call.args[allocators[i].size_arg]);
    for (size_t i = 0; i < ctx->rules->npropagators; i++) {
        const rules_propagator *pr = &ctx->rules->propagators[i];
        if (strcmp(pr->function, name) != 0 || (size_t)pr->from >= call->u.call.nargs)
            continue;
        tstate scratch;
        tstate_init(&scratch, true);
        tstate_copy(&scratch, s);
        fact from = taint_eval(ctx, &scratch, call->u.call.args[pr->from]);
        tstate_free(&scratch);
        if (!from.taint)
            continue;
        fact f = fact_untainted(&call->type);
        /* what a user-chosen address maps to is steered by the user; a buffer of a user
           memory object holds user bytes */
        f.taint = pr->same_kind ? from.taint : TAINT_VALUE;
        f.trace = trace_push(ctx, from.trace, TRACE_ASSIGN, call->loc, call->text);
        f.origin_bits = f.bits;
        f.sanitized = fact_is_bounded(&from); /* a mapping of a checked address is checked */
        if (pr->to < 0) {
            result = f;
        } else if ((size_t)pr->to < call->u.call.nargs) {
            const char *key = NULL;
            const ast_expr *target = taint_pointee_lvalue(ctx, call->u.call.args[pr->to], &key);
            if (target && key) {
                tstate_kill(s, key);
                tstate_set(s, key, target, f);
            }
        }
    }
    fact returned;
    if (taint_summary_return(ctx, s, call, &returned)) /* a helper hands back a parameter or user data */
        result = returned;
    result.result_of = call;
    for (size_t i = 0; i < ctx->rules->nsources; i++) {
        const rules_source *src = &ctx->rules->sources[i];
        if (src->function && src->arg == -1 && strcmp(src->function, name) == 0) {
            return source_fact(ctx, &call->type, src->taint, call->loc, call->text);
        }
    }
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

static fact eval_binary(taint_ctx *ctx, tstate *s, const ast_expr *e)
{
    ast_binop op = e->u.binary.op;
    if (op == AST_BIN_COMMA) {
        (void)taint_eval(ctx, s, e->u.binary.lhs);
        return taint_eval(ctx, s, e->u.binary.rhs);
    }
    fact a = taint_eval(ctx, s, e->u.binary.lhs);
    fact b = taint_eval(ctx, s, e->u.binary.rhs);
    fact out = fact_untainted(&e->type);
    switch (op) {
    case AST_BIN_LT: case AST_BIN_GT: case AST_BIN_LE: case AST_BIN_GE:
    case AST_BIN_EQ: case AST_BIN_NE: case AST_BIN_LAND: case AST_BIN_LOR:
        out.r = range_bool();
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
    a = cast_fact(a, &e->type);
    b = cast_fact(b, &e->type);
    uint64_t c;
    bool bc = const_value(&b, &c);
    uint64_t ca;
    bool ac = const_value(&a, &ca);
    switch (op) {
    case AST_BIN_ADD:
        out.r = range_add(a.r, b.r, out.bits, out.is_signed);
        break;
    case AST_BIN_SUB:
        out.r = range_sub(a.r, b.r, out.bits, out.is_signed);
        break;
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

static fact eval_unary(taint_ctx *ctx, tstate *s, const ast_expr *e)
{
    const ast_expr *op = e->u.unary.operand;
    switch (e->u.unary.op) {
    case AST_UN_DEREF: {
        const char *key = taint_path_key(ctx, e);
        const entry *en = key ? tstate_get(s, key) : NULL;
        return en ? en->f : taint_implicit(ctx, s, e);
    }
    case AST_UN_ADDR: {
        const char *key = taint_path_key(ctx, op);
        fact inner = taint_eval(ctx, s, op);
        fact f = fact_untainted(&e->type);
        (void)key;
        if (inner.taint) { /* &user_struct is a kernel pointer to user bytes */
            f.taint = TAINT_CONTENTS;
            f.trace = inner.trace;
        }
        return f;
    }
    case AST_UN_NOT: {
        (void)taint_eval(ctx, s, op);
        fact f = fact_untainted(&e->type);
        f.r = range_bool();
        return f;
    }
    case AST_UN_PREINC: case AST_UN_PREDEC: case AST_UN_POSTINC: case AST_UN_POSTDEC: {
        fact f = taint_eval(ctx, s, op);
        fact one = fact_const(1, &op->type);
        fact n = f;
        n.r = e->u.unary.op == AST_UN_PREINC || e->u.unary.op == AST_UN_POSTINC
                  ? range_add(f.r, one.r, f.bits, f.is_signed)
                  : range_sub(f.r, one.r, f.bits, f.is_signed);
        n.hi_trusted = n.lo_trusted = false;
        const char *key = taint_path_key(ctx, op);
        if (key)
            tstate_set(s, key, taint_strip(op), n);
        return e->u.unary.op == AST_UN_PREINC || e->u.unary.op == AST_UN_PREDEC ? n : f;
    }
    default: {
        fact f = taint_eval(ctx, s, op);
        fact out = fact_untainted(&e->type);
        out.taint = f.taint;
        out.trace = f.trace;
        out.origin_bits = f.origin_bits;
        out.origin_signed = f.origin_signed;
        if (e->u.unary.op == AST_UN_NEG)
            out.r = range_neg(cast_fact(f, &e->type).r, out.bits, out.is_signed);
        return out;
    }
    }
}

fact taint_eval(taint_ctx *ctx, tstate *s, const ast_expr *e)
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
            (void)taint_eval(ctx, s, e->u.index.index);
        const char *key = taint_path_key(ctx, e);
        const entry *en = key ? tstate_get(s, key) : NULL;
        if (en)
            return en->f;
        fact f = taint_implicit(ctx, s, e);
        if (!f.taint && key && e->type.is_record)
            f = record_fields(s, key, f);
        return f;
    }
    case AST_EX_CALL:
        return eval_call(ctx, s, e);
    case AST_EX_UNARY:
        return eval_unary(ctx, s, e);
    case AST_EX_BINARY:
        return eval_binary(ctx, s, e);
    case AST_EX_ASSIGN: {
        fact rhs = taint_eval(ctx, s, e->u.binary.rhs);
        if (e->u.binary.op != AST_BIN_NONE) {
            /* x op= y is x = x op y */
            ast_expr tmp = *e;
            tmp.kind = AST_EX_BINARY;
            rhs = eval_binary(ctx, s, &tmp);
        }
        taint_assign(ctx, s, e->u.binary.lhs, rhs, e->loc, e->text);
        const char *key = taint_path_key(ctx, e->u.binary.lhs);
        const entry *en = key ? tstate_get(s, key) : NULL;
        return en ? en->f : rhs;
    }
    case AST_EX_COND: {
        /* each arm is worth what it is on its own edge: this is what makes the
           clamp `x > MAX ? MAX : x` a bound */
        tstate t, f;
        tstate_init(&t, true);
        tstate_init(&f, true);
        (void)taint_eval(ctx, s, e->u.cond.cond);
        tstate_copy(&t, s);
        tstate_copy(&f, s);
        taint_refine(ctx, &t, e->u.cond.cond, true);
        taint_refine(ctx, &f, e->u.cond.cond, false);
        fact ft = t.reachable ? cast_fact(taint_eval(ctx, &t, e->u.cond.then), &e->type) : (fact){0};
        fact ff = f.reachable ? cast_fact(taint_eval(ctx, &f, e->u.cond.els), &e->type) : (fact){0};
        fact out = !t.reachable ? ff : !f.reachable ? ft : fact_join(ft, ff);
        tstate_free(&t);
        tstate_free(&f);
        if (!out.bits)
            out = fact_untainted(&e->type);
        return out;
    }
    case AST_EX_CAST:
        return cast_fact(taint_eval(ctx, s, e->u.cast.operand), &e->type);
    case AST_EX_INIT_LIST:
    case AST_EX_UNKNOWN: {
        fact out = fact_untainted(&e->type);
        for (size_t i = 0; i < e->u.list.n; i++) {
            fact c = taint_eval(ctx, s, e->u.list.items[i]);
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

void taint_assign(taint_ctx *ctx, tstate *s, const ast_expr *lhs, fact f, ast_loc loc, const char *text)
{
    const char *key = taint_path_key(ctx, lhs);
    const ast_expr *lv = taint_strip(lhs);
    if (!lv)
        return;
    f = cast_fact(f, &lv->type);
    if (f.taint)
        f.trace = trace_push(ctx, f.trace, TRACE_ASSIGN, loc, text);
    if (!key) { /* GetContext(h)->Field = v: no path here, but a kept value all the same */
        taint_store(ctx, lv, &f);
        return;
    }
    tstate_kill(s, key);
    tstate_set(s, key, lv, f);
    taint_store(ctx, lv, &f);
}

/* ---- branch conditions ---- */

static fact lookup_for_update(taint_ctx *ctx, tstate *s, const ast_expr *lv, const char *key)
{
    const entry *en = tstate_get(s, key);
    return en ? en->f : taint_implicit(ctx, s, lv);
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
static void refine_copies(taint_ctx *ctx, tstate *s, const char *key, const fact *f)
{
    (void)ctx;
    for (size_t i = 0; i < s->len && s->reachable; i++)
        if (s->items[i].f.copy_of && strcmp(s->items[i].f.copy_of, key) == 0)
            narrow_to(s, &s->items[i], f);
}

/* x op other holds: bound x. */
static void refine_side(taint_ctx *ctx, tstate *s, const ast_expr *x, ast_binop op, const ast_expr *other)
{
    const char *key = taint_path_key(ctx, x);
    if (!key)
        return;
    const ast_expr *lv = taint_strip(x);
    fact f = lookup_for_update(ctx, s, lv, key);
    fact o = taint_eval(ctx, s, other);
    if (o.taint && fact_is_bounded(&o))
        o.taint = TAINT_NONE; /* a bounded user value is as good a bound as a trusted one */
    uint64_t c;
    if (range_is_singleton(o.r, &c) && !o.taint) {
        o = cast_fact(o, &lv->type);
        range_is_singleton(o.r, &c);
        f.r = range_refine_cmp(f.r, op, c, f.bits, f.is_signed);
        if (range_is_empty(f.r)) {
            s->reachable = false;
            return;
        }
    } else if (!o.taint) {
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
    refine_copies(ctx, s, key, &f);
}

static bool sanitizer_on_edge(taint_ctx *ctx, tstate *s, const ast_expr *call, bool nonzero, bool success)
{
    call = taint_strip(call);
    if (!call || call->kind != AST_EX_CALL || !call->u.call.name)
        return false;
    taint_summary_refine(ctx, s, call, nonzero, success); /* a validator of the driver's own */
    for (size_t i = 0; i < ctx->rules->nsanitizers; i++) {
        const rules_sanitizer *san = &ctx->rules->sanitizers[i];
        if (strcmp(san->function, call->u.call.name) != 0 || san->kind != RULES_SANITIZER_BOUND)
            continue;
        bool holds = (san->when == RULES_WHEN_NONZERO && nonzero) || (san->when == RULES_WHEN_NT_SUCCESS && success);
        if (!holds || san->arg < 0 || (size_t)san->arg >= call->u.call.nargs)
            continue;
        const ast_expr *arg = call->u.call.args[san->arg];
        const char *key = taint_path_key(ctx, arg);
        if (!key)
            continue;
        fact f = lookup_for_update(ctx, s, taint_strip(arg), key);
        f.sanitized = true;
        tstate_set(s, key, taint_strip(arg), f);
    }
    return true;
}

void taint_refine(taint_ctx *ctx, tstate *s, const ast_expr *cond, bool truth)
{
    cond = taint_strip(cond);
    if (!cond || !s->reachable)
        return;
    if (cond->kind == AST_EX_INT && cond->u.i.known) { /* if (0), folded constants: one edge is dead */
        if ((cond->u.i.value != 0) != truth)
            s->reachable = false;
        return;
    }
    if (cond->kind == AST_EX_UNARY && cond->u.unary.op == AST_UN_NOT) {
        taint_refine(ctx, s, cond->u.unary.operand, !truth);
        return;
    }
    if (cond->kind == AST_EX_BINARY && (cond->u.binary.op == AST_BIN_LAND || cond->u.binary.op == AST_BIN_LOR)) {
        bool and = cond->u.binary.op == AST_BIN_LAND;
        if (and == truth) { /* both hold */
            taint_refine(ctx, s, cond->u.binary.lhs, truth);
            taint_refine(ctx, s, cond->u.binary.rhs, truth);
            return;
        }
        /* either fails: the join of "lhs fails" and "lhs holds, rhs fails" */
        tstate other;
        tstate_init(&other, true);
        tstate_copy(&other, s);
        taint_refine(ctx, s, cond->u.binary.lhs, truth);
        taint_refine(ctx, &other, cond->u.binary.lhs, !truth);
        taint_refine(ctx, &other, cond->u.binary.rhs, truth);
        tstate_join(ctx, s, &other, false);
        if (!s->reachable && other.reachable)
            tstate_copy(s, &other);
        tstate_free(&other);
        return;
    }
    if (cond->kind == AST_EX_BINARY && is_comparison(cond->u.binary.op)) {
        ast_binop op = truth ? cond->u.binary.op : negate(cond->u.binary.op);
        const ast_expr *l = cond->u.binary.lhs, *r = cond->u.binary.rhs;
        uint64_t zero;
        /* NT_SUCCESS(Check(x)) is ((NTSTATUS)(Check(x)) >= 0) */
        fact rf = taint_eval(ctx, s, r);
        if (range_is_singleton(rf.r, &zero) && zero == 0 && taint_strip(l) && taint_strip(l)->kind == AST_EX_CALL) {
            bool nonzero = op == AST_BIN_NE;
            bool success = op == AST_BIN_GE || op == AST_BIN_EQ;
            sanitizer_on_edge(ctx, s, l, nonzero, success);
            return;
        }
        /* status = Validate(x); if (!NT_SUCCESS(status)) return: the status carries the call */
        if (range_is_singleton(rf.r, &zero) && zero == 0) {
            const char *lkey = taint_path_key(ctx, l);
            const entry *le = lkey ? tstate_get(s, lkey) : NULL;
            if (le && le->f.result_of)
                sanitizer_on_edge(ctx, s, le->f.result_of, op == AST_BIN_NE, op == AST_BIN_GE || op == AST_BIN_EQ);
        }
        refine_side(ctx, s, l, op, r);
        if (s->reachable)
            refine_side(ctx, s, r, mirror(op), l);
        return;
    }
    if (cond->kind == AST_EX_CALL) {
        sanitizer_on_edge(ctx, s, cond, truth, false);
        return;
    }
    /* a bare value tests != 0 */
    const char *key = taint_path_key(ctx, cond);
    if (key) {
        const entry *held = tstate_get(s, key);
        if (held && held->f.result_of && truth) /* ok = IsAllowed(x); if (ok) */
            sanitizer_on_edge(ctx, s, held->f.result_of, true, false);
        fact f = lookup_for_update(ctx, s, cond, key);
        f.r = range_refine_cmp(f.r, truth ? AST_BIN_NE : AST_BIN_EQ, 0, f.bits, f.is_signed);
        if (range_is_empty(f.r)) {
            s->reachable = false;
            return;
        }
        tstate_set(s, key, cond, f);
    }
}

void taint_refine_range(taint_ctx *ctx, tstate *s, const ast_expr *value, int64_t lo, int64_t hi)
{
    const char *key = taint_path_key(ctx, value);
    if (!key || !s->reachable)
        return;
    const ast_expr *lv = taint_strip(value);
    fact f = lookup_for_update(ctx, s, lv, key);
    f.r = range_refine_cmp(f.r, AST_BIN_GE, (uint64_t)lo, f.bits, f.is_signed);
    f.r = range_refine_cmp(f.r, AST_BIN_LE, (uint64_t)hi, f.bits, f.is_signed);
    if (range_is_empty(f.r)) {
        s->reachable = false;
        return;
    }
    tstate_set(s, key, lv, f);
}
