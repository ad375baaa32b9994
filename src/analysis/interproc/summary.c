/* summary.c - what a function does with its parameters, for its callers: which
 * parameters reach its return value, whether it returns user data of its own (a source
 * wrapper), and what a successful return says about a parameter. The last makes an
 * inferred sanitizer: "return reg == 0x198 || reg == 0x19C;", an allow-list loop that
 * returns TRUE on a match, a validator that returns an error status unless the value is
 * in range. Each summary comes from running the dataflow with one parameter tainted and
 * looking at the state at every return; the unit's summaries are computed again until
 * none changes, which settles recursion. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interproc.h"

enum { SUMMARY_ROUNDS = 4, SUMMARY_MAX_PARAMS = 32 };

typedef VEC(bound) bound_vec;

typedef struct returns {
    unsigned param; /* the tainted parameter, or UINT_MAX in the run with none */
    const char *pname;
    const trace_node *start; /* the parameter's source node */
    bool have_ret, have_src;
    fact ret, src;
    bound_vec nonzero, success;
    bool nonzero_seen, success_seen;
    const ast_function *fn;
    fact outs[SUMMARY_MAX_PARAMS]; /* what reaches *param at some return (taint 0: nothing) */
} returns;

/* The parameter's paths in s ("$" for itself, "(*$).Msr" for a field it points at). */
static void param_paths(taint_ctx *ctx, const tstate *s, const returns *r, bound_vec *out)
{
    for (size_t i = 0; i < s->len; i++) {
        const entry *e = &s->items[i];
        if (!(e->f.taint & TAINT_VALUE) || !path_mentions(e->key, r->pname) || tx_each_is_key(e->key))
            continue;
        bound b = {r->param, path_rename(ctx->tx.scratch, e->key, r->pname, "$"), e->f};
        VEC_PUSH(out, b);
    }
}

/* What every such return implies: the paths all of them constrain, their facts joined. */
static void add_return(taint_ctx *ctx, const tstate *s, returns *r, bound_vec *list, bool *seen)
{
    bound_vec now = {0};
    param_paths(ctx, s, r, &now);
    if (!*seen) {
        *list = now;
        *seen = true;
        return;
    }
    size_t out = 0;
    for (size_t i = 0; i < list->len; i++)
        for (size_t k = 0; k < now.len; k++)
            if (strcmp(list->items[i].path, now.items[k].path) == 0) {
                bound b = list->items[i];
                b.f = fact_join(b.f, now.items[k].f);
                list->items[out++] = b;
                break;
            }
    list->len = out;
    free(now.items);
}

/* *p of each other pointer parameter, when user data reaches it (from this run's parameter,
 * or in the run with none, from the function's own reads) */
static void collect_outs(taint_ctx *ctx, const tstate *s, returns *r)
{
    for (size_t j = 0; j < r->fn->nparams && j < SUMMARY_MAX_PARAMS - 1; j++) {
        const ast_param *p = &r->fn->params[j];
        if (j == r->param || !p->type.is_pointer || !p->name || !*p->name)
            continue;
        char *k = xasprintf("(*%s)", p->name);
        const entry *e = tstate_get(s, k);
        free(k);
        if (!e || !e->f.taint)
            continue;
        bool from_param = r->start && trace_root(e->f.trace) == r->start;
        if (r->start && !from_param)
            continue;
        r->outs[j] = r->outs[j].taint ? fact_join(r->outs[j], e->f) : e->f;
    }
    (void)ctx;
}

static void on_return(tx_ctx *tx, tstate *s, const ast_expr *value, void *arg)
{
    taint_ctx *ctx = taint_ctx_of(tx);
    returns *r = arg;
    collect_outs(ctx, s, r);
    if (!value)
        return;
    tstate t;
    tstate_init(&t, true);
    tstate_copy(&t, s);
    fact v = tx_eval(&ctx->tx, &t, value);
    if (v.taint) {
        bool from_param = r->start && trace_root(v.trace) == r->start;
        fact *slot = from_param ? &r->ret : &r->src;
        bool *have = from_param ? &r->have_ret : &r->have_src;
        *slot = *have ? fact_join(*slot, v) : v;
        *have = true;
    }
    if (r->param == UINT_MAX) {
        tstate_free(&t);
        return;
    }
    uint64_t k;
    if (!v.taint && range_is_singleton(v.r, &k)) {
        if (k != 0)
            add_return(ctx, s, r, &r->nonzero, &r->nonzero_seen);
        if ((int32_t)(uint32_t)k >= 0) /* NT_SUCCESS */
            add_return(ctx, s, r, &r->success, &r->success_seen);
    } else {
        tstate_copy(&t, s);
        tx_refine(&ctx->tx, &t, value, true);
        if (t.reachable)
            add_return(ctx, &t, r, &r->nonzero, &r->nonzero_seen);
        add_return(ctx, s, r, &r->success, &r->success_seen); /* a status we cannot read: no bound */
    }
    tstate_free(&t);
}

static bool summarisable_param(const ast_param *p)
{
    return p->name && *p->name && (p->type.is_integer || p->type.is_pointer);
}

static void keep_bounds(arena *a, const bound_vec *from, bool seen, bound **out, size_t *n)
{
    if (!seen)
        return;
    for (size_t i = 0; i < from->len; i++) {
        if (!fact_is_bounded(&from->items[i].f))
            continue;
        bound *grown = arena_alloc(a, (*n + 1) * sizeof *grown);
        if (*n)
            memcpy(grown, *out, *n * sizeof *grown);
        grown[*n] = from->items[i];
        grown[*n].path = arena_strdup(a, from->items[i].path);
        grown[*n].f = fact_persist(a, from->items[i].f);
        grown[*n].f.trace = NULL;
        *out = grown;
        (*n)++;
    }
}

static void run_returns(taint_ctx *ctx, const ast_function *fn, returns *r)
{
    tstate start;
    tstate_init(&start, true);
    if (r->param != UINT_MAX) {
        const ast_param *p = &fn->params[r->param];
        fact f = fact_untainted(&p->type);
        /* an integer is a value the caller may have let the user choose; a pointer may
           point at user bytes */
        f.taint = p->type.is_pointer ? TAINT_CONTENTS : TAINT_VALUE;
        f.origin_bits = f.bits;
        f.origin_signed = f.is_signed;
        f.trace = trace_push(ctx->tx.scratch, NULL, TRACE_SOURCE, fn->loc, p->name);
        r->start = f.trace;
        r->pname = p->name;
        tstate_set(&start, p->name, NULL, f);
    }
    eng_hooks h = {.at_return = on_return, .arg = r};
    (void)eng_dataflow(&ctx->tx, fn, &start, &h); /* a summary under a limit is still a summary of what was seen */
    tstate_free(&start);
}

static bool has_pointer_param(const ast_function *fn)
{
    for (size_t i = 0; i < fn->nparams; i++)
        if (fn->params[i].type.is_pointer)
            return true;
    return false;
}

static void add_out(arena *a, fn_summary *out, unsigned param, unsigned from, fact f, bool keep_trace)
{
    for (size_t i = 0; i < out->nouts; i++)
        if (out->outs[i].param == param) {
            out->outs[i].from |= from;
            out->outs[i].f = fact_join(out->outs[i].f, f);
            out->outs[i].f.rel = rel_persist(a, out->outs[i].f.rel); /* f's may name the scratch */
            if (!keep_trace && !(out->outs[i].from & SUMMARY_OWN))
                out->outs[i].f.trace = NULL;
            return;
        }
    out_flow *grown = arena_alloc(a, (out->nouts + 1) * sizeof *grown);
    if (out->nouts)
        memcpy(grown, out->outs, out->nouts * sizeof *grown);
    f = fact_persist(a, f);
    if (!keep_trace)
        f.trace = NULL;
    rel_set(&f.rel, REL_ALLOC_SIZE, NULL);
    grown[out->nouts] = (out_flow){param, from, f};
    out->outs = grown;
    out->nouts++;
}

static bool summarise_in(taint_ctx *ctx, const ast_function *fn, arena *a, fn_summary *out);

/* A summary serves every caller, but Irp->UserBuffer is probed only in a read, write or
 * directory request (transfer/models.c). A helper that returns it (FatMapUserBuffer:
 * Irp->UserBuffer, or the MDL's system address) returns a probed pointer to such a
 * request's routines: is the user pointer it returns probed when the request probed the
 * buffer? Asked only of a returned user pointer that is not probed without it. */
static bool probed_by_request(taint_ctx *ctx, const ast_function *fn, const fact *ret)
{
    if (!(ret->taint & TAINT_VALUE) || ret->probed || ctx->tx.user_buffer_probed)
        return false;
    returns again = {.param = UINT_MAX, .fn = fn};
    ctx->tx.user_buffer_probed = true;
    run_returns(ctx, fn, &again);
    ctx->tx.user_buffer_probed = false;
    free(again.nonzero.items);
    free(again.success.items);
    return again.have_src && again.src.probed;
}

/* Each summary's dataflow gets its own scratch: what it keeps is copied into a, and a unit
 * summarises every function once per parameter per round. */
static bool summarise(taint_ctx *ctx, const ast_function *fn, arena *a, fn_summary *out)
{
    arena *saved = ctx->tx.scratch;
    ctx->tx.scratch = arena_new();
    bool useful = summarise_in(ctx, fn, a, out);
    arena_free(ctx->tx.scratch);
    ctx->tx.scratch = saved;
    return useful;
}

static bool summarise_in(taint_ctx *ctx, const ast_function *fn, arena *a, fn_summary *out)
{
    memset(out, 0, sizeof *out);
    out->usr = fn->usr ? arena_strdup(a, fn->usr) : NULL;
    out->name = arena_strdup(a, fn->name);
    returns none = {.param = UINT_MAX, .fn = fn};
    run_returns(ctx, fn, &none);
    if (none.have_src) {
        out->ret_from = SUMMARY_OWN; /* the function's own source */
        out->ret = fact_persist(a, none.src);
        out->ret_probed_by_request = probed_by_request(ctx, fn, &none.src);
    }
    for (unsigned j = 0; j < SUMMARY_MAX_PARAMS - 1; j++)
        if (none.outs[j].taint)
            add_out(a, out, j, SUMMARY_OWN, none.outs[j], true);
    bool bits_seen = false;
    for (size_t i = 0; i < fn->nparams && i < SUMMARY_MAX_PARAMS - 1; i++) {
        if (!summarisable_param(&fn->params[i]))
            continue;
        returns r = {.param = (unsigned)i, .fn = fn};
        run_returns(ctx, fn, &r);
        if (r.have_ret && !none.have_src) {
            out->ret_from |= 1u << i;
            r.ret.trace = NULL;
            rel_set(&r.ret.rel, REL_ALLOC_SIZE, NULL);
            out->ret = bits_seen ? fact_join(out->ret, r.ret) : r.ret;
            out->ret.rel = rel_persist(a, out->ret.rel); /* it may name the run's scratch */
            bits_seen = true;
        }
        for (unsigned j = 0; j < SUMMARY_MAX_PARAMS - 1; j++)
            if (r.outs[j].taint)
                add_out(a, out, j, 1u << i, r.outs[j], false);
        keep_bounds(a, &r.nonzero, r.nonzero_seen, &out->nonzero, &out->nnonzero);
        keep_bounds(a, &r.success, r.success_seen, &out->success, &out->nsuccess);
        free(r.nonzero.items);
        free(r.success.items);
    }
    free(none.nonzero.items);
    free(none.success.items);
    return out->ret_from || out->nnonzero || out->nsuccess || out->nouts;
}

static bool same_function(const fn_summary *s, const ast_function *fn)
{
    return (s->usr && fn->usr) ? strcmp(s->usr, fn->usr) == 0 : strcmp(s->name, fn->name) == 0;
}

static bool summary_answers(const fn_summary *s, const ast_expr *call)
{
    const char *usr = call->u.call.usr, *name = call->u.call.name;
    return usr && s->usr ? strcmp(usr, s->usr) == 0 : (name && strcmp(name, s->name) == 0);
}

/* What a function's last summary run read of the unit's summaries: the calls it looked up, and
 * the change count when it ran. A run reads nothing else that changes between rounds (the
 * program of the other units and the unit's records stay put), so while no summary those calls
 * name changed, running it again would give the same summary: it is skipped. */
typedef struct summary_run {
    bool ran;
    unsigned at;
    call_expr_vec calls;
} summary_run;

static bool run_is_stale(const summary_run *r, const fn_summary_vec *out, const unsigned *changed_at)
{
    if (!r->ran)
        return true;
    for (size_t k = 0; k < out->len; k++) {
        if (changed_at[k] <= r->at)
            continue;
        for (size_t i = 0; i < r->calls.len; i++)
            if (summary_answers(&out->items[k], r->calls.items[i]))
                return true;
    }
    return false;
}

void taint_summarise_unit(taint_ctx *base, fn_summary_vec *out)
{
    taint_ctx ctx = *base;
    ctx.tx.hooks = &taint_summary_hooks; /* neither keeps nor reads stored values */
    ctx.seeds = NULL;
    arena *a = base->facts ? base->facts->arena : base->tx.scratch;
    size_t nfuncs = ctx.tx.tu->nfuncs;
    summary_run *runs = xcalloc(nfuncs ? nfuncs : 1, sizeof *runs);
    VEC(unsigned) changed_at = {0}; /* per summary in out: the change count when it last changed */
    for (size_t k = 0; k < out->len; k++)
        VEC_PUSH(&changed_at, 0u);
    unsigned changes = 0;
    for (unsigned round = 0; round < SUMMARY_ROUNDS; round++) {
        bool changed = false;
        for (size_t i = 0; i < nfuncs; i++) {
            const ast_function *fn = ctx.tx.tu->funcs[i];
            if (!fn->body || !(fn->ret.is_integer || fn->ret.is_pointer || has_pointer_param(fn)))
                continue;
            if (!run_is_stale(&runs[i], out, changed_at.items))
                continue;
            ctx.tx.fn = fn;
            ctx.summaries = out->items;
            ctx.nsummaries = out->len;
            runs[i].calls.len = 0;
            ctx.looked_up = &runs[i].calls;
            runs[i].ran = true;
            runs[i].at = changes;
            fn_summary s;
            bool useful = summarise(&ctx, fn, a, &s);
            size_t k = 0;
            while (k < out->len && !same_function(&out->items[k], fn))
                k++;
            if (k == out->len) {
                if (useful) {
                    VEC_PUSH(out, s);
                    VEC_PUSH(&changed_at, ++changes);
                    changed = true;
                }
            } else if (!summary_equal(&out->items[k], &s)) {
                out->items[k] = s;
                changed_at.items[k] = ++changes;
                changed = true;
            }
        }
        if (!changed)
            break;
        if (round + 1 == SUMMARY_ROUNDS) /* recursion that has not settled */
            taint_note_limit(base->facts, "summaries of the unit's functions still changed after %d rounds; the last "
                                          "round's are used", SUMMARY_ROUNDS);
    }
    for (size_t i = 0; i < nfuncs; i++)
        free(runs[i].calls.items);
    free(runs);
    free(changed_at.items);
}

/* ---- at call sites ---- */

const fn_summary *taint_summary_of(const taint_ctx *ctx, const ast_expr *call)
{
    if (ctx->looked_up) {
        size_t i = 0;
        while (i < ctx->looked_up->len && ctx->looked_up->items[i] != call)
            i++;
        if (i == ctx->looked_up->len)
            VEC_PUSH(ctx->looked_up, call);
    }
    for (size_t i = 0; i < ctx->nsummaries; i++)
        if (summary_answers(&ctx->summaries[i], call))
            return &ctx->summaries[i];
    return program_summary(ctx->prog, call->u.call.usr);
}

bool taint_summary_return(tx_ctx *tx, tstate *s, const ast_expr *call, fact *out)
{
    taint_ctx *ctx = taint_ctx_of(tx);
    const fn_summary *sum = taint_summary_of(ctx, call);
    if (!sum || !sum->ret_from)
        return false;
    char *text = xasprintf("%s returns it", call->text);
    const char *note = arena_strdup(ctx->tx.scratch, text);
    free(text);
    if (sum->ret_from & (SUMMARY_OWN)) { /* it reads user data itself */
        *out = sum->ret;
        out->trace = trace_push(ctx->tx.scratch, sum->ret.trace, TRACE_ASSIGN, call->loc, note);
        if (sum->ret_probed_by_request && tx->user_buffer_probed)
            out->probed = true;
        return true;
    }
    for (size_t i = 0; i < call->u.call.nargs && i < SUMMARY_MAX_PARAMS - 1; i++) {
        if (!(sum->ret_from & (1u << i)))
            continue;
        fact a = tx_peek(&ctx->tx, s, call->u.call.args[i]);
        if (!a.taint)
            continue;
        *out = sum->ret;
        out->taint = TAINT_VALUE;
        out->trace = trace_push(ctx->tx.scratch, a.trace, TRACE_ASSIGN, call->loc, note);
        /* a checked number in, a number derived from it out */
        out->sanitized = (a.taint & TAINT_VALUE) && fact_is_bounded(&a);
        return true;
    }
    return false;
}

void taint_summary_outputs(tx_ctx *tx, tstate *s, const ast_expr *call)
{
    taint_ctx *ctx = taint_ctx_of(tx);
    const fn_summary *sum = taint_summary_of(ctx, call);
    for (size_t k = 0; sum && k < sum->nouts; k++) {
        const out_flow *o = &sum->outs[k];
        if (o->param >= call->u.call.nargs)
            continue;
        const trace_node *via = NULL;
        bool reaches = false;
        if (o->from & SUMMARY_OWN) {
            via = o->f.trace;
            reaches = true;
        }
        for (size_t i = 0; !reaches && i < call->u.call.nargs && i < SUMMARY_MAX_PARAMS - 1; i++) {
            if (!(o->from & (1u << i)))
                continue;
            fact a = tx_peek(&ctx->tx, s, call->u.call.args[i]);
            if (a.taint) {
                via = a.trace;
                reaches = true;
            }
        }
        const char *key = NULL;
        const ast_expr *target = reaches ? tx_pointee_lvalue(&ctx->tx, call->u.call.args[o->param], &key) : NULL;
        if (!target || !key)
            continue;
        fact f = o->f;
        char *text = xasprintf("%s writes it through %s", call->text, call->u.call.args[o->param]->text);
        f.trace = trace_push(ctx->tx.scratch, via, TRACE_ASSIGN, call->loc, arena_strdup(ctx->tx.scratch, text));
        free(text);
        tstate_kill(s, key);
        tstate_set(s, key, target, f);
        if (tx->hooks->on_store)
            tx->hooks->on_store(tx, target, &f);
    }
}

static void apply_bound(taint_ctx *ctx, tstate *s, const ast_expr *call, const bound *b)
{
    if (b->param >= call->u.call.nargs)
        return;
    const ast_expr *arg = call->u.call.args[b->param];
    const char *akey = path_key(ctx->tx.scratch, arg);
    if (!akey)
        return;
    const char *key = path_rename(ctx->tx.scratch, b->path, "$", akey);
    const entry *en = tstate_get(s, key);
    fact f;
    const ast_expr *lv = NULL;
    if (en) {
        f = en->f;
        lv = en->lv;
    } else if (strcmp(key, akey) == 0) {
        lv = path_strip(arg);
        f = tx_eval(&ctx->tx, s, arg);
    } else {
        /* a field read through the argument: user data when the argument points at it */
        fact base = tx_eval(&ctx->tx, s, arg);
        if (!base.taint)
            return;
        f = b->f;
        f.taint = TAINT_VALUE;
        f.r = range_full(f.bits, f.is_signed);
        f.hi_trusted = f.lo_trusted = f.sanitized = false;
        f.trace = trace_push(ctx->tx.scratch, base.trace, TRACE_READ, call->loc, key);
    }
    if (!f.taint)
        return;
    if (f.bits == b->f.bits && f.is_signed == b->f.is_signed) {
        range m = range_meet(f.r, b->f.r);
        if (!range_is_empty(m))
            f.r = m;
    } else if (fact_is_bounded(&b->f)) {
        f.sanitized = true;
    }
    f.hi_trusted |= b->f.hi_trusted;
    f.lo_trusted |= b->f.lo_trusted;
    f.sanitized |= b->f.sanitized;
    tstate_set(s, key, lv, f);
}

bool taint_summary_refine(tx_ctx *tx, tstate *s, const ast_expr *call, bool nonzero, bool success)
{
    taint_ctx *ctx = taint_ctx_of(tx);
    const fn_summary *sum = taint_summary_of(ctx, call);
    if (!sum)
        return false;
    const bound *list = nonzero ? sum->nonzero : success ? sum->success : NULL;
    size_t n = nonzero ? sum->nnonzero : success ? sum->nsuccess : 0;
    for (size_t i = 0; i < n; i++)
        apply_bound(ctx, s, call, &list[i]);
    return n > 0;
}

/* ---- for tests and -v: the summaries as text ---- */

static void describe_bounds(strbuf *out, const char *what, const bound *b, size_t n, bool *first)
{
    for (size_t i = 0; i < n; i++) {
        char buf[128], param[16];
        range_format(buf, sizeof buf, b[i].f.r, b[i].f.bits, b[i].f.is_signed);
        snprintf(param, sizeof param, "$%u", b[i].param);
        strbuf path = {0};
        for (const char *p = b[i].path; *p; p++)
            if (*p == '$')
                sb_append(&path, param);
            else
                sb_putc(&path, *p);
        sb_printf(out, "%s%s: %s %s%s%s", *first ? " " : "; ", what, path.buf, buf, b[i].f.hi_trusted ? " below-trusted" : "",
                  b[i].f.sanitized ? " sanitized" : "");
        sb_free(&path);
        *first = false;
    }
}

void taint_describe_summary(const fn_summary *s, strbuf *out)
{
    sb_printf(out, "%s:", s->name);
    if (s->ret_from & (SUMMARY_OWN))
        sb_append(out, s->ret_probed_by_request ? " returns user data (probed in a read/write request)"
                                                : " returns user data");
    else
        for (unsigned k = 0; k < SUMMARY_MAX_PARAMS - 1; k++)
            if (s->ret_from & (1u << k))
                sb_printf(out, " returns $%u", k);
    if (s->ret_from) {
        char buf[128];
        range_format(buf, sizeof buf, s->ret.r, s->ret.bits, s->ret.is_signed);
        sb_printf(out, " %s", buf);
    }
    for (size_t k = 0; k < s->nouts; k++) {
        sb_printf(out, "%s writes *$%u from", s->ret_from || k ? ";" : "", s->outs[k].param);
        if (s->outs[k].from & SUMMARY_OWN)
            sb_append(out, " user data");
        for (unsigned b = 0; b < SUMMARY_MAX_PARAMS - 1; b++)
            if (s->outs[k].from & (1u << b))
                sb_printf(out, " $%u", b);
    }
    bool first = !s->ret_from && !s->nouts;
    describe_bounds(out, "nonzero", s->nonzero, s->nnonzero, &first);
    describe_bounds(out, "success", s->success, s->nsuccess, &first);
    sb_putc(out, '\n');
}

const tx_hooks taint_unit_hooks = {
    .stored_fact = taint_stored_fact,
    .on_store = taint_store,
    .call_outputs = taint_summary_outputs,
    .call_return = taint_summary_return,
    .call_refine = taint_summary_refine,
};

const tx_hooks taint_summary_hooks = {
    .call_outputs = taint_summary_outputs,
    .call_return = taint_summary_return,
    .call_refine = taint_summary_refine,
};
