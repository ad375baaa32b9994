/* stored.c - user values kept between requests: one IOCTL writes a global or a field
 * of the device extension or an object context, another reads it later. Such a location
 * is named by the global, or by record and field ("F:_DEVICE_EXTENSION.Port"): every
 * device extension of a driver is the same kind of object, whichever pointer reaches it. */
#include <stdlib.h>
#include <string.h>

#include "interproc.h"

/* ---- which records are device extensions and object contexts ---- */

static bool visit_casts(ast_expr *e, void *arg)
{
    /* (PDEVICE_EXTENSION)DeviceObject->DeviceExtension, (T *)WdfObjectGetTypedContextWorker(...) */
    if (e->kind == AST_EX_CAST && e->type.is_pointer && e->type.record && tx_is_context_getter(e->u.cast.operand))
        name_set_add(((unit_facts *)arg)->arena, &((unit_facts *)arg)->records, e->type.record);
    return true;
}

void taint_collect_context_records(const ast_tu *tu, unit_facts *facts)
{
    for (size_t i = 0; i < tu->nfuncs; i++)
        if (tu->funcs[i]->body)
            ast_visit_stmt_exprs(tu->funcs[i]->body, visit_casts, facts);
}

static bool is_context_record(const taint_ctx *ctx, const char *record)
{
    return (ctx->facts && name_set_has(&ctx->facts->records, record)) || program_is_context_record(ctx->prog, record);
}

/* ---- keys ---- */

static const ast_expr *path_root(const ast_expr *e)
{
    for (;;) {
        e = path_strip(e);
        if (!e)
            return NULL;
        if (e->kind == AST_EX_MEMBER)
            e = e->u.member.base;
        else if (e->kind == AST_EX_INDEX)
            e = e->u.index.base;
        else if (e->kind == AST_EX_UNARY && e->u.unary.op == AST_UN_DEREF)
            e = e->u.unary.operand;
        else
            return e;
    }
}

/* Candidate key, whether or not the record is a known extension (reads are remembered
 * either way: another unit may tell later that it is one). */
static const char *candidate_key(taint_ctx *ctx, const ast_expr *lv, const char **record)
{
    lv = path_strip(lv);
    *record = NULL;
    if (!lv)
        return NULL;
    const ast_expr *root = path_root(lv);
    if (root && root->kind == AST_EX_REF && root->u.ref.ref == AST_REF_GLOBAL) {
        const char *key = path_key(ctx->tx.scratch, lv);
        if (!key)
            return NULL;
        char *g = xasprintf("G:%s", key);
        const char *out = arena_strdup(ctx->tx.scratch, g);
        free(g);
        return out;
    }
    if (lv->kind != AST_EX_MEMBER)
        return NULL;
    /* record.f1.f2: dots down to the member reached through a pointer */
    const char *fields[8];
    size_t n = 0;
    const ast_expr *m = lv;
    while (m->kind == AST_EX_MEMBER && !m->u.member.arrow && n < 8) {
        fields[n++] = m->u.member.field;
        m = path_strip(m->u.member.base);
        if (!m)
            return NULL;
    }
    if (m->kind != AST_EX_MEMBER || !m->u.member.arrow || !m->u.member.record || n >= 8)
        return NULL;
    fields[n++] = m->u.member.field;
    strbuf sb = {0};
    sb_printf(&sb, "F:%s", m->u.member.record);
    for (size_t i = n; i-- > 0;)
        sb_printf(&sb, ".%s", fields[i]);
    const char *key = arena_strdup(ctx->tx.scratch, sb.buf);
    sb_free(&sb);
    *record = m->u.member.record;
    return key;
}

/* A kept value is used where it is read once its location counts: a global, or a field of a
 * record known to be an extension or context. */
bool taint_store_counts(taint_ctx *ctx, const char *key)
{
    return store_key_counts(ctx->facts ? &ctx->facts->records : NULL, ctx->prog, key);
}

/* ---- writes and reads ---- */

void taint_store(tx_ctx *tx, const ast_expr *lv, const fact *f)
{
    taint_ctx *ctx = taint_ctx_of(tx);
    if (!ctx->facts || !f->taint)
        return;
    if ((f->taint & TAINT_VALUE) && fact_is_bounded(f))
        return; /* checked before it was kept */
    /* kept whatever the record: another unit may tell that it is a device extension */
    const char *record;
    const char *key = candidate_key(ctx, lv, &record);
    if (!key)
        return;
    unit_facts *u = ctx->facts;
    for (size_t i = 0; i < u->stores.len; i++)
        if (strcmp(u->stores.items[i].key, key) == 0) {
            fact j = fact_join(u->stores.items[i].f, *f);
            if (!fact_equal(&j, &u->stores.items[i].f, FACT_EQ_VALUE))
                u->stores.items[i].f = fact_persist(u->arena, j);
            return;
        }
    fact kept = fact_persist(u->arena, *f);
    kept.rel = (relset){0};
    VEC_PUSH(&u->stores, ((stored_value){arena_strdup(u->arena, key), kept}));
}

bool taint_stored_fact(tx_ctx *tx, const ast_expr *lv, fact *out)
{
    taint_ctx *ctx = taint_ctx_of(tx);
    const char *record;
    const char *key = candidate_key(ctx, lv, &record);
    if (!key)
        return false;
    if (ctx->facts) {
        uint64_t h = store_key_hash(key);
        if (!ctx->facts->reads.len || ctx->facts->reads.items[ctx->facts->reads.len - 1] != h)
            VEC_PUSH(&ctx->facts->reads, h);
    }
    if (record && !is_context_record(ctx, record))
        return false;
    bool found = false;
    fact f = {0};
    if (ctx->facts)
        for (size_t i = 0; i < ctx->facts->stores.len && !found; i++)
            if (strcmp(ctx->facts->stores.items[i].key, key) == 0) {
                f = ctx->facts->stores.items[i].f;
                found = true;
            }
    const stored_value *sv = program_stored(ctx->prog, key);
    if (sv) {
        f = found ? fact_join(f, sv->f) : sv->f;
        found = true;
    }
    if (!found || !f.taint)
        return false;
    const ast_expr *e = path_strip(lv);
    char *text = xasprintf("%s (kept from an earlier request)", e->text);
    f.trace = trace_push(ctx->tx.scratch, f.trace, TRACE_READ, e->loc, arena_strdup(ctx->tx.scratch, text));
    free(text);
    *out = f;
    return true;
}
