/* taint_calls.c - calls to helpers defined in the same unit: the callee is analysed again
 * from an entry state that holds what the caller knew of each argument (its taint, its
 * range, and the checked fields reached through it), with the call in the trace. */
#include <stdlib.h>
#include <string.h>

#include "taint_internal.h"

static const ast_function *defined_callee(const taint_ctx *ctx, const ast_expr *call)
{
    for (size_t i = 0; i < ctx->tu->nfuncs; i++) {
        const ast_function *fn = ctx->tu->funcs[i];
        if (!fn->body)
            continue;
        if (call->u.call.usr && fn->usr && strcmp(call->u.call.usr, fn->usr) == 0)
            return fn;
        if (!call->u.call.usr && call->u.call.name && strcmp(call->u.call.name, fn->name) == 0)
            return fn;
    }
    return NULL;
}

/* key with every whole-component occurrence of from replaced by to, in the arena */
static const char *rename_path(taint_ctx *ctx, const char *key, const char *from, const char *to)
{
    strbuf sb = {0};
    size_t n = strlen(from);
    for (const char *p = key; *p;) {
        const char *hit = strstr(p, from);
        bool whole = hit && (hit == key || hit[-1] == '(' || hit[-1] == '*') &&
                     (hit[n] == '\0' || hit[n] == '.' || hit[n] == '[' || hit[n] == ')');
        if (!hit || !whole) {
            const char *stop = hit ? hit + 1 : p + strlen(p);
            sb_appendn(&sb, p, (size_t)(stop - p));
            p = stop;
            continue;
        }
        sb_appendn(&sb, p, (size_t)(hit - p));
        sb_append(&sb, to);
        p = hit + n;
    }
    const char *out = arena_strdup(ctx->scratch, sb.buf ? sb.buf : "");
    sb_free(&sb);
    return out;
}

void taint_seed_callee(taint_ctx *ctx, tstate *s, const ast_expr *call)
{
    if (!ctx->seeds || ctx->depth >= TAINT_MAX_CALL_DEPTH)
        return;
    const ast_function *callee = defined_callee(ctx, call);
    if (!callee || callee == ctx->fn)
        return;
    taint_seed seed = {.fn = callee, .root = ctx->root, .depth = ctx->depth + 1};
    uint64_t codes[16];
    seed.nioctls = taint_ioctls_of(ctx, s, codes, 16);
    if (seed.nioctls) {
        seed.ioctls = xmalloc(seed.nioctls * sizeof *seed.ioctls);
        memcpy(seed.ioctls, codes, seed.nioctls * sizeof *codes);
    }
    tstate_init(&seed.entry, true);
    strbuf sig = {0};
    sb_append(&sig, callee->usr ? callee->usr : callee->name);
    sb_printf(&sig, "@%s", ctx->root ? ctx->root->name : ""); /* each entry gets its own chain */
    bool any = false;
    size_t n = call->u.call.nargs < callee->nparams ? call->u.call.nargs : callee->nparams;
    tstate scratch;
    tstate_init(&scratch, true);
    for (size_t i = 0; i < n; i++) {
        const ast_param *p = &callee->params[i];
        if (!p->name || !*p->name)
            continue;
        const ast_expr *arg = call->u.call.args[i];
        tstate_copy(&scratch, s);
        fact f = taint_eval(ctx, &scratch, arg);
        const char *akey = taint_path_key(ctx, arg);
        bool sub = false;
        if (akey) /* checked fields travel with the pointer: (*in).Msr becomes (*req).Msr */
            for (size_t k = 0; k < s->len; k++)
                if (tstate_mentions(s->items[k].key, akey) && strcmp(s->items[k].key, akey) != 0 &&
                    s->items[k].f.taint) {
                    tstate_set(&seed.entry, rename_path(ctx, s->items[k].key, akey, p->name), NULL,
                               s->items[k].f);
                    sub = true;
                }
        sb_printf(&sig, "|%u%c%c", f.taint, fact_is_bounded(&f) ? 'b' : 'u', sub ? 's' : '-');
        if (!f.taint && !sub)
            continue;
        any = true;
        if (f.taint) {
            char *text = xasprintf("%s(...) receives %s as %s", callee->name, arg->text, p->name);
            f.trace = trace_push(ctx, f.trace, TRACE_ASSIGN, call->loc, arena_strdup(ctx->scratch, text));
            free(text);
            tstate_set(&seed.entry, p->name, NULL, f);
        }
    }
    tstate_free(&scratch);
    if (!any) {
        tstate_free(&seed.entry);
        free(seed.ioctls);
        sb_free(&sig);
        return;
    }
    seed.signature = sb_take(&sig);
    VEC_PUSH(ctx->seeds, seed);
}

size_t taint_ioctls_of(const taint_ctx *ctx, const tstate *s, uint64_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < ctx->nioctls && n < max; i++)
        out[n++] = ctx->ioctls[i];
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
