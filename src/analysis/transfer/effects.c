/* effects.c - what a statement, an assignment or a call does to the state: the call models
 * of the rules (sources through out-parameters, sanitizers that validate by being called,
 * propagators) and of models.c (copies, allocators), then the hooks of the layers above
 * (a callee's summary). */
#include <stdlib.h>
#include <string.h>

#include "transfer.h"

static void store(tx_ctx *tx, const ast_expr *lv, const fact *f)
{
    if (tx->hooks && tx->hooks->on_store)
        tx->hooks->on_store(tx, lv, f);
}

static void apply_call_effects(tx_ctx *tx, tstate *s, const ast_expr *call)
{
    const char *name = call->u.call.name ? call->u.call.name : "";
    /* sources through out-parameters */
    for (size_t i = 0; i < tx->rules->nsources; i++) {
        const rules_source *src = &tx->rules->sources[i];
        if (!src->function || strcmp(src->function, name) != 0 || src->arg < 0 ||
            (size_t)src->arg >= call->u.call.nargs)
            continue;
        const char *key = NULL;
        const ast_expr *target = tx_pointee_lvalue(tx, call->u.call.args[src->arg], &key);
        if (!target || !key)
            continue;
        fact f = tx_source_fact(tx, &target->type, src->taint, call->loc, call->text);
        tstate_kill(s, key);
        tstate_set(s, key, target, f);
        store(tx, target, &f); /* WdfRequestProbeAndLock...(..., &reqContext->Memory) */
    }
    /* sanitizers that validate an argument by being called */
    for (size_t i = 0; i < tx->rules->nsanitizers; i++) {
        const rules_sanitizer *san = &tx->rules->sanitizers[i];
        if (strcmp(san->function, name) != 0 || san->arg < 0 || (size_t)san->arg >= call->u.call.nargs)
            continue;
        if (san->kind == RULES_SANITIZER_BOUND && san->when != RULES_WHEN_ALWAYS)
            continue; /* those work on the branch that tests their result */
        const ast_expr *arg = call->u.call.args[san->arg];
        const char *key = tx_path_key(tx, arg);
        if (!key)
            continue;
        fact f = tx_eval(tx, s, arg);
        if (san->kind == RULES_SANITIZER_USER_POINTER) {
            f.probed = true;
            /* ProbeForRead(p, n): p is in user space for n bytes (an MDL over p of n bytes) */
            const tx_probe_model *pm = tx_range_probe_of(name);
            if (pm && pm->arg == (unsigned)san->arg && pm->len < call->u.call.nargs)
                rel_set(&f.rel, REL_PROBED_LEN, tx_path_key(tx, call->u.call.args[pm->len]));
        } else {
            f.sanitized = true;
        }
        tstate_set(s, key, path_strip(arg), f);
    }
    /* MmProbeAndLockPages(mdl, UserMode, ...): every page the MDL describes is in user space
       (the call raises otherwise); with KernelMode nothing is checked */
    const tx_probe_model *lock = tx_mdl_probe_of(name);
    if (lock && lock->arg < call->u.call.nargs && lock->len < call->u.call.nargs &&
        !tx_is_kernel_mode(call->u.call.args[lock->len])) {
        const ast_expr *mdl = call->u.call.args[lock->arg];
        const char *key = tx_path_key(tx, mdl);
        fact f = tx_eval(tx, s, mdl);
        if (key && f.taint) {
            f.probed = true;
            tstate_set(s, key, path_strip(mdl), f);
        }
    }
    /* copies of user bytes */
    const tx_copy_model *m = tx_copy_model_of(call);
    do {
        if (!m || m->dst >= call->u.call.nargs || m->src >= call->u.call.nargs)
            break;
        fact src = tx_eval(tx, s, call->u.call.args[m->src]);
        const char *key = NULL;
        const ast_expr *target = tx_pointee_lvalue(tx, call->u.call.args[m->dst], &key);
        if (!target || !key)
            break;
        tstate_kill(s, key);
        if (src.taint) {
            fact f = tx_user_value(&target->type, trace_push(tx->scratch, src.trace, TRACE_COPY, call->loc, call->text));
            tstate_set(s, key, target, f);
        }
    } while (0);
}

/* Foo(&p) may write p: before the models and the callee's summary say what it wrote, p holds
 * an unknown kernel value (PVOID p = NULL; Foo(&p); if (!p) return; is no dead path). The
 * source of a copy is only read. */
static void havoc_out_args(tx_ctx *tx, tstate *s, const ast_expr *call)
{
    const tx_copy_model *m = tx_copy_model_of(call);
    for (size_t i = 0; i < call->u.call.nargs; i++) {
        const ast_expr *a = path_strip(call->u.call.args[i]);
        if ((m && i == m->src) || tx_arg_is_input(call, i) || !a || a->kind != AST_EX_UNARY || a->u.unary.op != AST_UN_ADDR)
            continue;
        const char *key = tx_path_key(tx, a->u.unary.operand);
        if (key)
            tstate_havoc(s, key);
    }
}

/* target.field, a synthetic lvalue in the scratch arena (the unit's AST is not ours to grow) */
static const ast_expr *field_of(tx_ctx *tx, const ast_expr *target, const char *field, ast_type t)
{
    ast_expr *m = arena_alloc(tx->scratch, sizeof *m);
    m->kind = AST_EX_MEMBER;
    m->loc = target->loc;
    m->text = target->text;
    m->type = t;
    m->u.member.base = (ast_expr *)target;
    m->u.member.field = field;
    m->u.member.record = target->type.record;
    return m;
}

/* RtlInitUnicodeString(&us, chars): us.Buffer is chars (a user-chosen pointer stays one, a
 * pointer into SystemBuffer stays a kernel pointer to user bytes), and us.Length and
 * us.MaximumLength are counted in the caller's bytes: user values. */
static void string_init(tx_ctx *tx, tstate *s, const ast_expr *call)
{
    const tx_copy_model *m = tx_string_init_of(call);
    if (!m || m->dst >= call->u.call.nargs || m->src >= call->u.call.nargs)
        return;
    fact chars = tx_peek(tx, s, call->u.call.args[m->src]);
    const char *key = NULL;
    const ast_expr *target = tx_pointee_lvalue(tx, call->u.call.args[m->dst], &key);
    if (!target || !key)
        return;
    tstate_kill(s, key);
    if (!chars.taint) {
        tx_string_names(tx, s, key, target, call->u.call.args[m->src]); /* L"ExAllocatePool2" */
        return;
    }
    const trace_node *via = trace_push(tx->scratch, chars.trace, TRACE_ASSIGN, call->loc, call->text);
    ast_type ptr = {.is_pointer = true, .array_len = -1, .size = 8};
    ast_type ushort = {.is_integer = true, .bits = 16, .size = 2, .array_len = -1};
    const ast_expr *buffer = field_of(tx, target, "Buffer", ptr);
    fact b = fact_cast(chars, &ptr);
    b.trace = via;
    tstate_set(s, tx_path_key(tx, buffer), buffer, b);
    const char *lengths[] = {"Length", "MaximumLength"};
    for (size_t i = 0; i < 2; i++) {
        const ast_expr *len = field_of(tx, target, lengths[i], ushort);
        tstate_set(s, tx_path_key(tx, len), len, tx_user_value(&ushort, via));
    }
}

void tx_call_effects(tx_ctx *tx, tstate *s, const ast_expr *call, fact *out)
{
    havoc_out_args(tx, s, call);
    apply_call_effects(tx, s, call);
    string_init(tx, s, call);
    if (tx->hooks && tx->hooks->call_outputs) /* a helper that writes user data through a pointer */
        tx->hooks->call_outputs(tx, s, call);
    const char *name = call->u.call.name ? call->u.call.name : "";
    fact result = fact_untainted(&call->type);
    for (size_t i = 0; i < tx->rules->npropagators; i++) {
        const rules_propagator *pr = &tx->rules->propagators[i];
        if (strcmp(pr->function, name) != 0 || (size_t)pr->from >= call->u.call.nargs)
            continue;
        fact from = tx_peek(tx, s, call->u.call.args[pr->from]);
        if (!from.taint)
            continue;
        fact f = fact_untainted(&call->type);
        /* what a user-chosen address maps to is steered by the user; a buffer of a user
           memory object holds user bytes */
        f.taint = pr->same_kind ? from.taint : TAINT_VALUE;
        f.trace = trace_push(tx->scratch, from.trace, TRACE_ASSIGN, call->loc, call->text);
        f.origin_bits = f.bits;
        f.sanitized = fact_is_bounded(&from); /* a mapping of a checked address is checked */
        if (pr->to < 0) {
            /* IoAllocateMdl(va, len): steered by either; checked only if both are */
            bool both = result.taint != 0;
            bool sanitized = f.sanitized && (!both || result.sanitized);
            if (!both || (result.sanitized && !f.sanitized))
                result = f;
            result.sanitized = sanitized;
        } else if ((size_t)pr->to < call->u.call.nargs) {
            const char *key = NULL;
            const ast_expr *target = tx_pointee_lvalue(tx, call->u.call.args[pr->to], &key);
            if (target && key) {
                tstate_kill(s, key);
                tstate_set(s, key, target, f);
            }
        }
    }
    fact returned;
    if (tx->hooks && tx->hooks->call_return && tx->hooks->call_return(tx, s, call, &returned))
        result = returned; /* a helper hands back a parameter or user data */
    rel_set(&result.rel, REL_RESULT_OF, call);
    for (size_t i = 0; i < tx->rules->nsources; i++) {
        const rules_source *src = &tx->rules->sources[i];
        if (src->function && src->arg == -1 && strcmp(src->function, name) == 0) {
            *out = tx_source_fact(tx, &call->type, src->taint, call->loc, call->text);
            tx_object_effects(tx, s, call, out);
            return;
        }
    }
    *out = result;
    tx_object_effects(tx, s, call, out); /* the size of what it returns or maps */
}


void tx_assign(tx_ctx *tx, tstate *s, const ast_expr *lhs, fact f, ast_loc loc, const char *text)
{
    const char *key = tx_path_key(tx, lhs);
    const ast_expr *lv = path_strip(lhs);
    if (!lv)
        return;
    f = fact_cast(f, &lv->type);
    if (f.taint)
        f.trace = trace_push(tx->scratch, f.trace, TRACE_ASSIGN, loc, text);
    if (!key) { /* GetContext(h)->Field = v: no path here, but a kept value all the same */
        store(tx, lv, &f);
        return;
    }
    tstate_kill(s, key);
    tx_each_forget(tx, s, key); /* a validation loop's claim on every element of arr ends */
    tstate_set(s, key, lv, f);
    /* arr[0] = v is also a write to "any element of arr" (arr[i] may read it): weakly */
    const char *any = path_any_element(tx->scratch, key);
    const entry *whole = any ? tstate_get(s, any) : NULL;
    if (whole) { /* an entry a caller's seed made has no lvalue here: the element's is this one */
        const ast_expr *elem = whole->lv ? whole->lv : lv;
        tstate_set(s, any, elem, fact_join(whole->f, fact_cast(f, &elem->type)));
    }
    else if (any && f.taint)
        tstate_set(s, any, lv, f);
    store(tx, lv, &f);
}


void tx_stmt(tx_ctx *tx, tstate *s, const cfg_stmt *st)
{
    switch (st->kind) {
    case CFG_ASSIGN: {
        fact f = tx_eval(tx, s, st->rhs);
        if (st->op != AST_BIN_NONE) {
            ast_expr tmp = {.kind = AST_EX_BINARY, .loc = st->loc, .text = st->text};
            tmp.type = st->lhs->type;
            tmp.u.binary.op = st->op;
            tmp.u.binary.lhs = (ast_expr *)st->lhs;
            tmp.u.binary.rhs = (ast_expr *)st->rhs;
            f = tx_eval(tx, s, &tmp);
        }
        rel_set(&f.rel, REL_COPY_OF, NULL);
        const ast_expr *from = path_strip(st->rhs);
        if (st->op == AST_BIN_NONE && from && from->type.is_integer && st->lhs->type.bits >= from->type.bits &&
            st->lhs->type.is_signed == from->type.is_signed)
            rel_set(&f.rel, REL_COPY_OF, tx_path_key(tx, st->rhs));
        tx_assign(tx, s, st->lhs, f, st->loc, st->text);
        break;
    }
    case CFG_EVAL:
        (void)tx_eval(tx, s, st->expr);
        break;
    case CFG_DECL: {
        const char *key = tx_path_key(tx, st->lhs);
        if (key)
            tstate_kill(s, key);
        break;
    }
    }
}
