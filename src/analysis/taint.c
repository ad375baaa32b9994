/* taint.c - the per-unit driver of the analysis, above every layer: it wires the checkers
 * and the interprocedural observers onto the engine and runs the unit's functions, then the
 * helpers they seeded, until the values the unit keeps settle.
 *
 *   summaries (interproc) -> for each function: CFG -> dataflow to a fixed point (engine,
 *   transfer, domain) -> final pass observed by the sink checker, the intrinsics and the seeds
 *   -> seeded helpers, breadth first -> again while a kept value the unit reads changed. */
#include "drvtaint/taint.h"

#include <stdlib.h>
#include <string.h>

#include "checkers/checkers.h"

/* The observers of each call in the final pass, in this order. */
static const tx_call_observer unit_observers[] = {
    taint_check_call,    /* checkers/sinks.c */
    taint_seed_callee,   /* interproc/seeds.c */
    taint_seed_deferred, /* interproc/seeds.c */
    taint_probe_call,    /* checkers/intrinsics.c: only when probes are collected */
};

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
        f.trace = trace_push(ctx->tx.scratch, NULL, TRACE_SOURCE, fn->loc, p->name);
        tstate_set(s, p->name, NULL, f);
    }
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
    ctx.tx.fn = fn;
    if (!ctx.chain.root) {
        ctx.chain.root = fn->name;
        ctx.chain.root_entry = entry_of(&ctx, fn->name);
    }
    /* a request only kernel components send (internal device control) is no user input */
    const entry_point *ep = ctx.chain.root_entry;
    ctx.tx.user_buffer_probed = ep && tx_request_probes_user_buffer(ep->kind);
    if (ep && !ep->user_reachable)
        return;
    tstate first;
    tstate_init(&first, true);
    if (start)
        tstate_copy(&first, start);
    if (!start && ep && ep->kmdf_params >= 0)
        seed_kmdf_params(&ctx, fn, ep, &first);
    eng_hooks h = {.pre_call = unit_observers, .npre_call = sizeof unit_observers / sizeof unit_observers[0]};
    if (eng_dataflow(&ctx.tx, fn, &first, &h).rounds_exhausted)
        taint_note_limit(ctx.facts, "%s: no fixed point within %d passes over its blocks; its findings are those of the "
                                    "last pass", fn->name, ENG_MAX_ROUNDS);
    tstate_free(&first);
}

static void run_seed(taint_ctx base, const taint_seed *sd)
{
    taint_ctx c = base;
    c.chain = (taint_chain){sd->root, sd->root_entry, sd->ioctls, sd->nioctls, sd->depth};
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
            same = strcmp(before->items[k].key, now->key) == 0 && fact_equal(&before->items[k].f, &now->f, FACT_EQ_VALUE);
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
                        unit_facts *facts, finding_list *out, strbuf *probe_text, finding_list *checked)
{
    probe_vec probe_list = {0};
    probe_vec *probes = probe_text ? &probe_list : NULL;
    entry_set entries;
    entries_collect(&entries, tu);
    unit_facts *own = facts ? NULL : unit_facts_new(); /* alone: the unit still tells itself */
    taint_ctx base = {.tx = {.tu = tu, .rules = rules, .scratch = arena_new(), .hooks = &taint_unit_hooks},
                      .entries = &entries, .prog = prog};
    base.facts = facts ? facts : own;
    taint_collect_context_records(tu, base.facts);
    taint_summarise_unit(&base, &base.facts->summaries);
    base.summaries = base.facts->summaries.items;
    base.nsummaries = base.facts->summaries.len;
    /* a value one function of the unit keeps and another reads: again until the kept
       values settle (each pass sees the last one's) */
    finding_list found = {0}, bounded = {0};
    store_vec before = {0};
    bool settled = false;
    for (unsigned pass = 0; pass < UNIT_PASSES && !settled; pass++) {
        snapshot_stores(base.facts, &before);
        findings_free(&found);
        findings_free(&bounded);
        base.out = &found;
        base.checked = checked ? &bounded : NULL;
        base.probes = probes;
        if (probes)
            probes->len = 0; /* what the last pass saw, as for the findings */
        analyse_pass(base, tu, only);
        settled = !reads_own_new_store(&base, &before);
    }
    free(before.items);
    if (!settled)
        taint_note_limit(base.facts, "values the unit keeps and reads still changed after %d passes; the last pass's "
                                     "findings are reported", UNIT_PASSES);
    findings_move(out, &found);
    findings_free(&found);
    if (checked)
        findings_move(checked, &bounded);
    findings_free(&bounded);
    void *args[2] = {(void *)tu, base.facts};
    for (size_t i = 0; i < tu->nfuncs; i++)
        if (tu->funcs[i]->body)
            ast_visit_stmt_exprs(tu->funcs[i]->body, visit_calls, args);
    record_unit(tu, &entries, base.facts);
    if (probes) /* before the scratch arena goes: the probes name its trace nodes and keys */
        taint_format_probes(probes, probe_text);
    free(probe_list.items);
    unit_facts_free(own);
    entries_free(&entries);
    arena_free(base.tx.scratch);
}

void taint_analyse_function(const ast_tu *tu, const ast_function *fn, const rules_set *rules, finding_list *out)
{
    analyse_all(tu, fn, rules, NULL, NULL, out, NULL, NULL);
}

void taint_analyse_unit(const ast_tu *tu, const rules_set *rules, finding_list *out)
{
    analyse_all(tu, NULL, rules, NULL, NULL, out, NULL, NULL);
}

void taint_analyse_in_program(const ast_tu *tu, const rules_set *rules, const program *prog, unit_facts *facts,
                              finding_list *out)
{
    analyse_all(tu, NULL, rules, prog, facts, out, NULL, NULL);
}

void taint_analyse_for_audit(const ast_tu *tu, const rules_set *rules, const program *prog, unit_facts *facts,
                             finding_list *out, finding_list *checked)
{
    analyse_all(tu, NULL, rules, prog, facts, out, NULL, checked);
}

static bool dumps(const ast_function *fn, const char *function)
{
    return fn->body && (!function || strcmp(fn->name, function) == 0);
}

void taint_describe_summaries(const ast_tu *tu, const rules_set *rules, strbuf *out)
{
    taint_dump(tu, rules, TAINT_DUMP_SUMMARIES, NULL, out);
}

static void dump_block(tx_ctx *tx, const cfg_function *g, const cfg_block *b, const tstate *in, void *arg)
{
    strbuf *out = arg;
    (void)tx;
    sb_printf(out, "  bb%zu%s%s\n", b->id, b->id == g->entry ? " (entry)" : "", in->reachable ? ":" : ": unreachable");
    for (size_t i = 0; in->reachable && i < in->len; i++) {
        sb_printf(out, "    %s: ", in->items[i].key);
        fact_format(out, &in->items[i].f);
        sb_putc(out, '\n');
    }
}

static void dump_cfg(const ast_function *fn, arena *a, strbuf *out)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return;
    cfg_print(f, cfg_build(fn, a));
    fclose(f);
    sb_appendn(out, buf, len);
    free(buf);
}

void taint_dump(const ast_tu *tu, const rules_set *rules, taint_dump_kind kind, const char *function, strbuf *out)
{
    entry_set entries;
    entries_collect(&entries, tu);
    unit_facts *facts = unit_facts_new();
    taint_ctx base = {.tx = {.tu = tu, .rules = rules, .scratch = arena_new(), .hooks = &taint_unit_hooks},
                      .entries = &entries, .facts = facts};
    if (kind != TAINT_DUMP_CFG) {
        taint_collect_context_records(tu, facts);
        taint_summarise_unit(&base, &facts->summaries);
        base.summaries = facts->summaries.items;
        base.nsummaries = facts->summaries.len;
    }
    if (kind == TAINT_DUMP_SUMMARIES)
        for (size_t i = 0; i < facts->summaries.len; i++) {
            const fn_summary *s = &facts->summaries.items[i];
            if (!function || strcmp(s->name, function) == 0)
                taint_describe_summary(s, out);
        }
    for (size_t i = 0; kind != TAINT_DUMP_SUMMARIES && i < tu->nfuncs; i++) {
        const ast_function *fn = tu->funcs[i];
        if (!dumps(fn, function))
            continue;
        sb_printf(out, "function %s:\n", fn->name);
        if (kind == TAINT_DUMP_CFG) {
            dump_cfg(fn, base.tx.scratch, out);
            continue;
        }
        /* the function from nothing (its entry's parameters seeded), each block's entry state */
        taint_ctx ctx = base;
        ctx.tx.fn = fn;
        ctx.chain.root = fn->name;
        ctx.chain.root_entry = entry_of(&ctx, fn->name);
        ctx.tx.user_buffer_probed = ctx.chain.root_entry && tx_request_probes_user_buffer(ctx.chain.root_entry->kind);
        tstate first;
        tstate_init(&first, true);
        if (ctx.chain.root_entry && ctx.chain.root_entry->kmdf_params >= 0)
            seed_kmdf_params(&ctx, fn, ctx.chain.root_entry, &first);
        eng_hooks h = {.at_block = dump_block, .arg = out};
        eng_limits lim = eng_dataflow(&ctx.tx, fn, &first, &h);
        if (lim.rounds_exhausted)
            sb_printf(out, "  note: no fixed point within %d rounds\n", ENG_MAX_ROUNDS);
        tstate_free(&first);
    }
    unit_facts_free(facts);
    entries_free(&entries);
    arena_free(base.tx.scratch);
    if (kind == TAINT_DUMP_STATE) { /* the intrinsics, as the whole unit's analysis saw them */
        finding_list found = {0};
        analyse_all(tu, NULL, rules, NULL, NULL, &found, out, NULL);
        findings_free(&found);
    }
}
