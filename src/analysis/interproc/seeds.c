/* seeds.c - calls to helpers with user data: the callee is analysed again from an
 * entry state that holds what the caller knew of each argument (its taint, its range, and
 * the checked fields reached through it), with the call in the trace. A callee of this
 * unit is queued here; one another unit defines goes to the program as a cross seed. Work
 * handed to a DPC, work item or system thread is a call of its routine with the context. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interproc.h"

static const ast_function *defined_callee(const taint_ctx *ctx, const ast_expr *call)
{
    for (size_t i = 0; i < ctx->tx.tu->nfuncs; i++) {
        const ast_function *fn = ctx->tx.tu->funcs[i];
        if (!fn->body)
            continue;
        if (call->u.call.usr && fn->usr && strcmp(call->u.call.usr, fn->usr) == 0)
            return fn;
        if (!call->u.call.usr && call->u.call.name && strcmp(call->u.call.name, fn->name) == 0)
            return fn;
    }
    return NULL;
}

/* Helper(buf, len) where the caller knows buf holds len bytes (allocated or retrieved with len, an
 * MDL's system address): the callee's buf holds its len. The caller's paths mean nothing there, the
 * pairing of two parameters does. */
static void carry_lengths(taint_ctx *ctx, tstate *s, const ast_expr *call, const ast_param *params, size_t n,
                          tstate *out, strbuf *sig)
{
    for (size_t i = 0; i < n; i++) {
        const ast_expr *arg = call->u.call.args[i];
        if (!arg || !params[i].name || !*params[i].name || !path_strip(arg) || !path_strip(arg)->type.is_pointer)
            continue;
        fact f = tx_peek(&ctx->tx, s, arg);
        const char *size = rel_object_size(&f.rel);
        if (!size)
            continue;
        for (size_t j = 0; j < n; j++) {
            const char *len_key = j == i || !call->u.call.args[j] ? NULL : path_key(ctx->tx.scratch, call->u.call.args[j]);
            if (!len_key || strcmp(len_key, size) != 0 || !params[j].name || !*params[j].name)
                continue;
            const entry *have = tstate_get(out, params[i].name);
            fact g = have ? have->f : fact_detached(f);
            rel_set(&g.rel, REL_ALLOC_SIZE, NULL); /* named the caller's path */
            rel_set(&g.rel, REL_BUF_LEN, arena_strdup(ctx->tx.scratch, params[j].name));
            tstate_set(out, arena_strdup(ctx->tx.scratch, params[i].name), NULL, g);
            sb_printf(sig, "|len%zu=%zu", i, j);
            break;
        }
    }
}

/* The callee's entry state from the call's arguments; false when no argument carries user data. */
static bool entry_from_args(taint_ctx *ctx, tstate *s, const ast_expr *call, const ast_param *params, size_t nparams,
                            const char *callee_name, tstate *out, strbuf *sig)
{
    bool any = false;
    size_t n = call->u.call.nargs < nparams ? call->u.call.nargs : nparams;
    for (size_t i = 0; i < n; i++) {
        const char *pname = params ? params[i].name : NULL;
        char fallback[24];
        if (!params) { /* another unit's function: its parameters by position */
            snprintf(fallback, sizeof fallback, "$%zu", i);
            pname = fallback;
        }
        const ast_expr *arg = call->u.call.args[i];
        if (!pname || !*pname || !arg)
            continue;
        fact f = tx_peek(&ctx->tx, s, arg);
        const char *akey = path_key(ctx->tx.scratch, arg);
        bool sub = false;
        if (akey) /* checked fields travel with the pointer: (*in).Msr becomes (*req).Msr */
            for (size_t k = 0; k < s->len; k++)
                if (path_mentions(s->items[k].key, akey) && strcmp(s->items[k].key, akey) != 0 &&
                    s->items[k].f.taint && !tx_each_is_key(s->items[k].key)) {
                    tstate_set(out, path_rename(ctx->tx.scratch, s->items[k].key, akey, pname), NULL,
                               fact_detached(s->items[k].f));
                    sub = true;
                }
        /* Foo(&name) of a local struct with user fields: its fields as they are, kernel
           pointers among them (name.Buffer = &info->FileName stays a kernel address of user
           bytes in (*param).Buffer, not a value read out of user memory) */
        const ast_expr *addr = path_strip(arg);
        const char *okey = addr && addr->kind == AST_EX_UNARY && addr->u.unary.op == AST_UN_ADDR && f.taint
                               ? path_key(ctx->tx.scratch, addr->u.unary.operand)
                               : NULL;
        if (okey) {
            char *deref = xasprintf("(*%s)", pname);
            size_t olen = strlen(okey);
            for (size_t k = 0; k < s->len; k++)
                if (strncmp(s->items[k].key, okey, olen) == 0 && s->items[k].key[olen] == '.' &&
                    !tx_each_is_key(s->items[k].key)) {
                    char *renamed = xasprintf("%s%s", deref, s->items[k].key + olen);
                    tstate_set(out, arena_strdup(ctx->tx.scratch, renamed), NULL, fact_detached(s->items[k].f));
                    free(renamed);
                    sub = true;
                }
            free(deref);
        }
        /* a length the caller proved within its request's buffer stays so in the helper */
        const char *held = (f.taint & TAINT_VALUE) && !fact_is_bounded(&f) &&
                                   tx_size_within_caller_length(&ctx->tx, s, arg)
                               ? "the request's buffer length"
                               : NULL;
        sb_printf(sig, "|%u%c%c%c", f.taint, fact_is_bounded(&f) ? 'b' : 'u', sub ? 's' : '-', held ? 'h' : '-');
        if (!f.taint && !sub)
            continue;
        any = true;
        if (f.taint) {
            char *text = xasprintf("%s(...) receives %s as %s", callee_name, arg->text,
                                   params ? pname : "an argument");
            f.trace = trace_push(ctx->tx.scratch, f.trace, TRACE_ASSIGN, call->loc, arena_strdup(ctx->tx.scratch, text));
            free(text);
            fact g = fact_detached(f);
            rel_set(&g.rel, REL_CALLER_HELD, held);
            tstate_set(out, arena_strdup(ctx->tx.scratch, pname), NULL, g);
        }
    }
    if (params)
        carry_lengths(ctx, s, call, params, n, out, sig);
    return any;
}

/* Another unit defines the callee: the program carries the call's state there. Its
 * parameters are named "$0", "$1", ... until the callee's unit renames them. */
static void cross_unit_seed(taint_ctx *ctx, tstate *s, const ast_expr *call)
{
    if (!ctx->facts || !call->u.call.usr || call->u.call.system)
        return;
    tstate start;
    tstate_init(&start, true);
    strbuf sig = {0};
    sb_printf(&sig, "%s@%s", call->u.call.usr, ctx->chain.root ? ctx->chain.root : "");
    bool any = entry_from_args(ctx, s, call, NULL, 32, call->u.call.name ? call->u.call.name : "?", &start, &sig);
    unit_facts *u = ctx->facts;
    if (any)
        name_set_add(u->arena, &u->tainted_calls, call->u.call.usr);
    for (size_t i = 0; any && i < u->seeds.len; i++)
        any = strcmp(u->seeds.items[i].signature, sig.buf) != 0;
    if (any) {
        cross_seed cs = {.callee_usr = arena_strdup(u->arena, call->u.call.usr),
                         .callee_name = arena_strdup(u->arena, call->u.call.name ? call->u.call.name : ""),
                         .root = arena_strdup(u->arena, ctx->chain.root ? ctx->chain.root : ctx->tx.fn->name),
                         .depth = ctx->chain.depth + 1,
                         .signature = arena_strdup(u->arena, sig.buf)};
        if (ctx->chain.root_entry) {
            cs.root_entry = *ctx->chain.root_entry;
            cs.root_entry.function = arena_strdup(u->arena, cs.root_entry.function);
            cs.root_entry.kind = arena_strdup(u->arena, cs.root_entry.kind);
            cs.has_root_entry = true;
        }
        uint64_t codes[16];
        cs.nioctls = taint_ioctls_of(ctx, s, codes, 16);
        cs.ioctls = arena_alloc(u->arena, (cs.nioctls ? cs.nioctls : 1) * sizeof *codes);
        memcpy(cs.ioctls, codes, cs.nioctls * sizeof *codes);
        cs.nitems = start.len;
        cs.items = arena_alloc(u->arena, (start.len ? start.len : 1) * sizeof *cs.items);
        for (size_t i = 0; i < start.len; i++)
            cs.items[i] = (entry){arena_strdup(u->arena, start.items[i].key), NULL,
                                  fact_persist(u->arena, start.items[i].f)};
        VEC_PUSH(&u->seeds, cs);
    }
    tstate_free(&start);
    sb_free(&sig);
}

/* A cross seed names the callee's parameters by position: rename them now. */
static void rename_positional(taint_ctx *ctx, const ast_function *callee, tstate *st)
{
    tstate renamed;
    tstate_init(&renamed, true);
    for (size_t k = 0; k < st->len; k++) {
        const char *key = st->items[k].key;
        for (size_t i = 0; i < callee->nparams; i++) {
            char pos[24];
            snprintf(pos, sizeof pos, "$%zu", i);
            if (callee->params[i].name && *callee->params[i].name && path_mentions(key, pos))
                key = path_rename(ctx->tx.scratch, key, pos, callee->params[i].name);
        }
        if (key[0] != '$' && !strstr(key, "($"))
            tstate_set(&renamed, key, NULL, st->items[k].f);
    }
    tstate_free(st);
    *st = renamed;
}

void taint_queue_cross_seed(taint_ctx *ctx, const cross_seed *cs, const ast_function *fn)
{
    taint_seed seed = {.fn = fn, .root = cs->root, .depth = cs->depth};
    seed.root_entry = cs->has_root_entry ? &cs->root_entry : NULL;
    if (cs->nioctls) {
        seed.ioctls = xmalloc(cs->nioctls * sizeof *seed.ioctls);
        memcpy(seed.ioctls, cs->ioctls, cs->nioctls * sizeof *cs->ioctls);
        seed.nioctls = cs->nioctls;
    }
    tstate_init(&seed.entry, true);
    for (size_t i = 0; i < cs->nitems; i++)
        tstate_set(&seed.entry, cs->items[i].key, NULL, cs->items[i].f);
    rename_positional(ctx, fn, &seed.entry);
    seed.signature = xstrdup(cs->signature);
    VEC_PUSH(ctx->seeds, seed);
}

/* Does the call hand the request itself (the IRP, its stack location, a WDFREQUEST) to the
 * callee? `case IOCTL_X: status = HandleX(Irp, IrpSp);`: the handler reads the buffers itself,
 * and what it finds belongs to the dispatch routine and the IOCTL code of the call. */
static bool hands_over_request(const ast_expr *call)
{
    for (size_t i = 0; i < call->u.call.nargs; i++) {
        const ast_type *t = &call->u.call.args[i]->type;
        if ((t->record && (strcmp(t->record, "_IRP") == 0 || strcmp(t->record, "_IO_STACK_LOCATION") == 0)) ||
            (t->spelling && strstr(t->spelling, "WDFREQUEST")))
            return true;
    }
    return false;
}

static void seed_function(taint_ctx *ctx, tstate *s, const ast_expr *call, const ast_function *callee)
{
    taint_seed seed = {.fn = callee, .root = ctx->chain.root, .root_entry = ctx->chain.root_entry, .depth = ctx->chain.depth + 1};
    uint64_t codes[16];
    seed.nioctls = taint_ioctls_of(ctx, s, codes, 16);
    if (seed.nioctls) {
        seed.ioctls = xmalloc(seed.nioctls * sizeof *seed.ioctls);
        memcpy(seed.ioctls, codes, seed.nioctls * sizeof *codes);
    }
    tstate_init(&seed.entry, true);
    strbuf sig = {0};
    sb_append(&sig, callee->usr ? callee->usr : callee->name);
    sb_printf(&sig, "@%s", ctx->chain.root ? ctx->chain.root : ""); /* each entry gets its own chain */
    bool user_data = entry_from_args(ctx, s, call, callee->params, callee->nparams, callee->name, &seed.entry, &sig);
    bool request = !user_data && ctx->chain.root_entry && ctx->chain.root_entry->user_reachable &&
                   hands_over_request(call);
    for (size_t i = 0; request && i < seed.nioctls; i++) /* each IOCTL's handler call on its own */
        sb_printf(&sig, "|ioctl%llx", (unsigned long long)seed.ioctls[i]);
    if (!user_data && !request) {
        tstate_free(&seed.entry);
        free(seed.ioctls);
        sb_free(&sig);
        return;
    }
    seed.signature = sb_take(&sig);
    VEC_PUSH(ctx->seeds, seed);
}

/* At the depth limit: a call that would have been followed is noted, not silently dropped. */
static void note_depth_limit(taint_ctx *ctx, const tstate *s, const ast_expr *call)
{
    const ast_function *callee = defined_callee(ctx, call);
    if (callee == ctx->tx.fn || (!callee && (!call->u.call.usr || call->u.call.system || !ctx->facts)))
        return;
    for (size_t i = 0; i < call->u.call.nargs; i++)
        if (tx_peek(&ctx->tx, s, call->u.call.args[i]).taint) {
            taint_note_limit(ctx->facts, "%s: %s is called with user data %d calls deep from %s and is not analysed from that call",
                             ctx->tx.fn->name, call->u.call.name ? call->u.call.name : call->text, TAINT_MAX_CALL_DEPTH,
                             ctx->chain.root ? ctx->chain.root : ctx->tx.fn->name);
            return;
        }
}

static void seed_callee(taint_ctx *ctx, tstate *s, const ast_expr *call)
{
    if (!ctx->seeds)
        return;
    if (ctx->chain.depth >= TAINT_MAX_CALL_DEPTH) {
        note_depth_limit(ctx, s, call);
        return;
    }
    const ast_function *callee = defined_callee(ctx, call);
    if (!callee) {
        cross_unit_seed(ctx, s, call);
        return;
    }
    if (callee != ctx->tx.fn)
        seed_function(ctx, s, call, callee);
}

void taint_seed_callee(tx_ctx *tx, tstate *s, const ast_expr *call)
{
    seed_callee(taint_ctx_of(tx), s, call);
}

/* The DPC object an argument names, as (record, field) for &ext->Dpc or (NULL, name) for &g_Dpc:
 * KeInitializeDpc and KeInsertQueueDpc of one DPC are often in different functions, through
 * differently named pointers to the same extension. */
static bool dpc_object(const ast_expr *arg, const char **record, const char **name)
{
    const ast_expr *a = path_strip(arg);
    if (a && a->kind == AST_EX_UNARY && a->u.unary.op == AST_UN_ADDR)
        a = path_strip(a->u.unary.operand);
    if (a && a->kind == AST_EX_MEMBER) {
        *record = a->u.member.record;
        *name = a->u.member.field;
        return *record != NULL;
    }
    if (a && a->kind == AST_EX_REF && (a->u.ref.ref == AST_REF_GLOBAL)) {
        *record = NULL;
        *name = a->u.ref.name;
        return true;
    }
    return false;
}

typedef struct dpc_search {
    const char *record, *name;
    const ast_expr *routine; /* KeInitializeDpc's routine argument, once found */
} dpc_search;

static bool find_dpc_init(ast_expr *e, void *arg)
{
    dpc_search *d = arg;
    if (d->routine || e->kind != AST_EX_CALL || !e->u.call.name || e->u.call.nargs < 2 ||
        (strcmp(e->u.call.name, "KeInitializeDpc") != 0 && strcmp(e->u.call.name, "KeInitializeThreadedDpc") != 0))
        return !d->routine;
    const char *record = NULL, *name = NULL;
    if (dpc_object(e->u.call.args[0], &record, &name) && strcmp(name, d->name) == 0 &&
        (record == d->record || (record && d->record && strcmp(record, d->record) == 0)))
        d->routine = e->u.call.args[1];
    return !d->routine;
}

/* KeInsertQueueDpc(dpc, a1, a2): the routine KeInitializeDpc gave that DPC (anywhere in the unit)
 * runs with a1 and a2 as its last two parameters. */
static void seed_dpc_arguments(taint_ctx *ctx, tstate *s, const ast_expr *call)
{
    dpc_search d = {0};
    if (call->u.call.nargs < 3 || !dpc_object(call->u.call.args[0], &d.record, &d.name))
        return;
    for (size_t i = 0; i < ctx->tx.tu->nfuncs && !d.routine; i++)
        if (ctx->tx.tu->funcs[i]->body)
            ast_visit_stmt_exprs(ctx->tx.tu->funcs[i]->body, find_dpc_init, &d);
    const ast_expr *r = path_strip(d.routine);
    if (r && r->kind == AST_EX_UNARY && r->u.unary.op == AST_UN_ADDR)
        r = path_strip(r->u.unary.operand);
    if (!r || r->kind != AST_EX_REF || r->u.ref.ref != AST_REF_FUNCTION)
        return;
    ast_expr **args = arena_alloc(ctx->tx.scratch, 4 * sizeof *args);
    ast_expr *none = arena_alloc(ctx->tx.scratch, sizeof *none);
    none->kind = AST_EX_INT;
    none->loc = call->loc;
    none->text = "0";
    none->type.array_len = -1;
    args[0] = args[1] = none;
    args[2] = call->u.call.args[1];
    args[3] = call->u.call.args[2];
    ast_expr *fake = arena_alloc(ctx->tx.scratch, sizeof *fake);
    *fake = *call;
    fake->u.call.name = r->u.ref.name;
    fake->u.call.usr = r->u.ref.usr;
    fake->u.call.written_name = NULL;
    fake->u.call.args = args;
    fake->u.call.nargs = 4;
    seed_callee(ctx, s, fake);
}

void taint_seed_deferred(tx_ctx *tx, tstate *s, const ast_expr *call)
{
    taint_ctx *ctx = taint_ctx_of(tx);
    if (!ctx->seeds || ctx->chain.depth >= TAINT_MAX_CALL_DEPTH || !call->u.call.name)
        return;
    if (strcmp(call->u.call.name, "KeInsertQueueDpc") == 0) {
        seed_dpc_arguments(ctx, s, call);
        return;
    }
    const tx_deferred_model *m = tx_deferred_model_of(call->u.call.name);
    if (m) {
        if (m->routine >= call->u.call.nargs || m->context >= call->u.call.nargs)
            return;
        const ast_expr *r = path_strip(call->u.call.args[m->routine]);
        if (r && r->kind == AST_EX_UNARY && r->u.unary.op == AST_UN_ADDR)
            r = path_strip(r->u.unary.operand);
        if (!r || r->kind != AST_EX_REF || r->u.ref.ref != AST_REF_FUNCTION)
            return;
        /* the routine called with the context in its place and nothing known elsewhere */
        unsigned param = m->param;
        ast_expr **args = arena_alloc(ctx->tx.scratch, (param + 1) * sizeof *args);
        ast_expr *none = arena_alloc(ctx->tx.scratch, sizeof *none);
        none->kind = AST_EX_INT;
        none->loc = call->loc;
        none->text = "0";
        none->type.array_len = -1;
        for (unsigned k = 0; k < param; k++)
            args[k] = none;
        args[param] = call->u.call.args[m->context];
        ast_expr *fake = arena_alloc(ctx->tx.scratch, sizeof *fake);
        *fake = *call;
        fake->u.call.name = r->u.ref.name;
        fake->u.call.usr = r->u.ref.usr;
        fake->u.call.written_name = NULL;
        fake->u.call.args = args;
        fake->u.call.nargs = param + 1;
        seed_callee(ctx, s, fake);
        return;
    }
}

size_t taint_ioctls_of(const taint_ctx *ctx, const tstate *s, uint64_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < ctx->chain.nioctls && n < max; i++)
        out[n++] = ctx->chain.ioctls[i];
    for (size_t i = 0; i < s->len && n < max; i++) {
        const fact *f = &s->items[i].f;
        const trace_node *src = f->trace;
        while (src && src->prev)
            src = src->prev;
        uint64_t v;
        if (!f->taint || !src || !src->text || !strstr(src->text, "IoControlCode") || !range_is_singleton(f->r, &v))
            continue;
        v &= 0xFFFFFFFFu;
        bool dup = false;
        for (size_t k = 0; k < n; k++)
            dup |= out[k] == v;
        if (!dup)
            out[n++] = v;
    }
    return n;
}
