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
        f.copy_of = NULL;
        const ast_expr *from = taint_strip(st->rhs);
        if (st->op == AST_BIN_NONE && from && from->type.is_integer && st->lhs->type.bits >= from->type.bits &&
            st->lhs->type.is_signed == from->type.is_signed)
            f.copy_of = taint_path_key(ctx, st->rhs);
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

/* The fixed point of the forward dataflow: in[b] is the state on entry to block b. */
static void fixpoint(taint_ctx *ctx, const cfg_function *g, tstate *in)
{
    size_t n = g->nblocks;
    unsigned *visits = xcalloc(n, sizeof *visits);
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
            if (b->handler != CFG_NONE && tstate_join(ctx, &in[b->handler], &in[b->id], false))
                changed = true;
            transfer_block(ctx, &cur, b);
            if (!cur.reachable)
                continue;
            if (b->handler != CFG_NONE && tstate_join(ctx, &in[b->handler], &cur, false))
                changed = true;
            for (size_t k = 0; k < b->term.nsuccs; k++) {
                size_t succ = b->term.succs[k];
                edge_state(ctx, b, k, &cur, &edge);
                bool back = g->rpo_index[succ] <= r; /* loop head: widen so ranges settle */
                bool widen = back && ++visits[succ] > WIDEN_AFTER;
                if (tstate_join(ctx, &in[succ], &edge, widen))
                    changed = true;
            }
        }
    }
    tstate_free(&cur);
    tstate_free(&edge);
    free(visits);
}

void taint_dataflow(taint_ctx *ctx, const ast_function *fn, const tstate *start, taint_return_fn on_return, void *arg)
{
    cfg_function *g = cfg_build(fn, ctx->scratch);
    size_t n = g->nblocks;
    tstate *in = xcalloc(n, sizeof *in);
    for (size_t i = 0; i < n; i++)
        tstate_init(&in[i], false);
    if (start)
        tstate_copy(&in[g->entry], start);
    in[g->entry].reachable = true;
    bool reporting = ctx->reporting;
    ctx->reporting = false;
    fixpoint(ctx, g, in);

    /* then each block once, from its fixed-point entry state: the sinks it reaches, or
       the state at each return for a summary */
    ctx->reporting = reporting && !on_return;
    tstate cur;
    tstate_init(&cur, false);
    for (size_t r = 0; r < g->nrpo; r++) {
        const cfg_block *b = g->blocks[g->rpo[r]];
        /* a function that falls off its end returns there too */
        bool returns = b->term.kind == CFG_TERM_RETURN ||
                       (b->term.kind == CFG_TERM_GOTO && b->term.nsuccs && b->term.succs[0] == g->exit);
        if (!in[b->id].reachable || (on_return && !returns))
            continue;
        tstate_copy(&cur, &in[b->id]);
        transfer_block(ctx, &cur, b);
        if (on_return && cur.reachable)
            on_return(ctx, &cur, b->term.kind == CFG_TERM_RETURN ? b->term.cond : NULL, arg);
    }
    ctx->reporting = reporting;
    tstate_free(&cur);
    for (size_t i = 0; i < n; i++)
        tstate_free(&in[i]);
    free(in);
}

static const entry_point *entry_of(const taint_ctx *ctx, const char *function)
{
    const entry_point *local = ctx->entries ? entries_find(ctx->entries, function) : NULL;
    const entry_point *wired = program_entry(ctx->prog, function);
    /* another unit's MajorFunction[...] = f says more than a role typedef here */
    if (wired && (!local || strncmp(local->kind, "IRP_MJ_", 7) != 0))
        return wired;
    return local;
}

/* Runs the dataflow over fn from entry (NULL: nothing known) and reports its sinks. */
static void analyse(taint_ctx base, const ast_function *fn, const tstate *start)
{
    if (!fn->body)
        return;
    taint_ctx ctx = base;
    ctx.fn = fn;
    ctx.reporting = true;
    if (!ctx.root) {
        ctx.root = fn->name;
        ctx.root_entry = entry_of(&ctx, fn->name);
    }
    /* a request only kernel components send (internal device control) is no user input */
    const entry_point *ep = ctx.root_entry;
    if (ep && !ep->user_reachable)
        return;
    tstate first;
    tstate_init(&first, true);
    if (start)
        tstate_copy(&first, start);
    if (!start && ep && ep->kmdf_params >= 0)
        seed_kmdf_params(&ctx, fn, ep, &first);
    taint_dataflow(&ctx, fn, &first, NULL, NULL);
    tstate_free(&first);
}

static void run_seed(taint_ctx base, const taint_seed *sd)
{
    taint_ctx c = base;
    c.depth = sd->depth;
    c.root = sd->root;
    c.root_entry = sd->root_entry;
    c.ioctls = sd->ioctls;
    c.nioctls = sd->nioctls;
    tstate seeded = sd->entry; /* copied: analyse may grow the seed list */
    analyse(c, sd->fn, &seeded);
}

typedef struct cross_arg {
    taint_ctx *base;
    const ast_function *fn;
} cross_arg;

static void queue_cross_seed(const cross_seed *cs, void *arg)
{
    cross_arg *ca = arg;
    taint_queue_cross_seed(ca->base, cs, ca->fn);
}

typedef VEC(taint_seed) seed_vec;

static void free_seeds(seed_vec *seeds)
{
    for (size_t q = 0; q < seeds->len; q++) {
        tstate_free(&seeds->items[q].entry);
        free(seeds->items[q].signature);
        free(seeds->items[q].ioctls);
    }
    free(seeds->items);
    memset(seeds, 0, sizeof *seeds);
}

/* One pass over the unit: every function from nothing, then each helper called with user
 * data from what its callers passed, breadth first, each (helper, argument taint) once. */
static void analyse_pass(taint_ctx base, const ast_tu *tu, const ast_function *only)
{
    seed_vec seeds = {0};
    base.seeds = (void *)&seeds;
    if (only)
        analyse(base, only, NULL);
    else
        for (size_t i = 0; i < tu->nfuncs; i++)
            analyse(base, tu->funcs[i], NULL);
    for (size_t i = 0; base.prog && i < tu->nfuncs; i++) {
        cross_arg ca = {&base, tu->funcs[i]};
        if (tu->funcs[i]->body && tu->funcs[i]->usr)
            program_each_seed(base.prog, tu->funcs[i]->usr, queue_cross_seed, &ca);
    }
    VEC(char *) done = {0};
    for (size_t q = 0; q < seeds.len; q++) {
        bool seen = false;
        for (size_t d = 0; d < done.len && !seen; d++)
            seen = strcmp(done.items[d], seeds.items[q].signature) == 0;
        if (!seen) {
            VEC_PUSH(&done, xstrdup(seeds.items[q].signature));
            taint_seed sd = seeds.items[q];
            run_seed(base, &sd);
        }
    }
    free_seeds(&seeds);
    for (size_t d = 0; d < done.len; d++)
        free(done.items[d]);
    free(done.items);
}

typedef VEC(stored_value) store_vec;

static void snapshot_stores(const unit_facts *u, store_vec *out)
{
    out->len = 0;
    for (size_t i = 0; i < u->stores.len; i++)
        VEC_PUSH(out, u->stores.items[i]);
}

/* Did this pass keep a value (new or changed) that the unit itself reads and may use? */
static bool reads_own_new_store(taint_ctx *ctx, const store_vec *before)
{
    unit_facts *u = ctx->facts;
    store_hashes_finish(u);
    for (size_t i = 0; i < u->stores.len; i++) {
        const stored_value *now = &u->stores.items[i];
        bool same = false;
        for (size_t k = 0; k < before->len && !same; k++)
            same = strcmp(before->items[k].key, now->key) == 0 && fact_same_value(&before->items[k].f, &now->f);
        if (same || !now->f.taint)
            continue;
        if (store_hash_read(u, now->key) && taint_store_counts(ctx, now->key))
            return true;
    }
    return false;
}

static void record_unit(const ast_tu *tu, const entry_set *entries, unit_facts *u)
{
    for (size_t i = 0; i < tu->nfuncs; i++)
        if (tu->funcs[i]->body)
            VEC_PUSH(&u->defined, ((defined_fn){tu->funcs[i]->usr ? arena_strdup(u->arena, tu->funcs[i]->usr) : NULL,
                                                arena_strdup(u->arena, tu->funcs[i]->name)}));
    for (size_t i = 0; i < entries->nentries; i++) {
        entry_point e = entries->entries[i];
        e.function = arena_strdup(u->arena, e.function);
        e.kind = arena_strdup(u->arena, e.kind);
        VEC_PUSH(&u->entries, e);
    }
    for (size_t i = 0; i < entries->nioctls; i++)
        VEC_PUSH(&u->ioctl_names, ((ioctl_name){entries->ioctls[i].code, arena_strdup(u->arena, entries->ioctls[i].name), entries->ioctls[i].placeholder}));
    store_hashes_finish(u);
}

static bool visit_calls(ast_expr *e, void *arg)
{
    void **a = arg;
    const ast_tu *tu = a[0];
    unit_facts *u = a[1];
    if (e->kind != AST_EX_CALL || !e->u.call.usr || e->u.call.system) /* the WDK has no summaries */
        return true;
    for (size_t i = 0; i < tu->nfuncs; i++)
        if (tu->funcs[i]->body && tu->funcs[i]->usr && strcmp(tu->funcs[i]->usr, e->u.call.usr) == 0)
            return true;
    name_set_add(u->arena, &u->calls, e->u.call.usr);
    return true;
}

enum { UNIT_PASSES = 3 };

static void analyse_all(const ast_tu *tu, const ast_function *only, const rules_set *rules, const program *prog,
                        unit_facts *facts, finding_list *out)
{
    entry_set entries;
    entries_collect(&entries, tu);
    unit_facts *own = facts ? NULL : unit_facts_new(); /* alone: the unit still tells itself */
    taint_ctx base = {.tu = tu, .rules = rules, .scratch = arena_new(), .entries = &entries, .prog = prog};
    base.facts = facts ? facts : own;
    taint_collect_context_records(tu, base.facts);
    taint_summarise_unit(&base, &base.facts->summaries);
    base.summaries = base.facts->summaries.items;
    base.nsummaries = base.facts->summaries.len;
    /* a value one function of the unit keeps and another reads: again until the kept
       values settle (each pass sees the last one's) */
    finding_list found = {0};
    store_vec before = {0};
    for (unsigned pass = 0; pass < UNIT_PASSES; pass++) {
        snapshot_stores(base.facts, &before);
        findings_free(&found);
        base.out = &found;
        analyse_pass(base, tu, only);
        if (!reads_own_new_store(&base, &before))
            break;
    }
    free(before.items);
    findings_move(out, &found);
    findings_free(&found);
    void *args[2] = {(void *)tu, base.facts};
    for (size_t i = 0; i < tu->nfuncs; i++)
        if (tu->funcs[i]->body)
            ast_visit_stmt_exprs(tu->funcs[i]->body, visit_calls, args);
    record_unit(tu, &entries, base.facts);
    unit_facts_free(own);
    entries_free(&entries);
    arena_free(base.scratch);
}

void taint_analyse_function(const ast_tu *tu, const ast_function *fn, const rules_set *rules, finding_list *out)
{
    analyse_all(tu, fn, rules, NULL, NULL, out);
}

void taint_analyse_unit(const ast_tu *tu, const rules_set *rules, finding_list *out)
{
    analyse_all(tu, NULL, rules, NULL, NULL, out);
}

void taint_analyse_in_program(const ast_tu *tu, const rules_set *rules, const program *prog, unit_facts *facts,
                              finding_list *out)
{
    analyse_all(tu, NULL, rules, prog, facts, out);
}
