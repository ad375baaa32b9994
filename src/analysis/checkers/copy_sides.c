/* copy_sides.c - is a copy's length inside both objects it touches? A copy is in bounds only
 * when the length fits the source AND the destination (issue 12, item 6): a length equal to
 * one side's allocation size says nothing about the other side.
 *
 * Each source or destination argument is one side, judged on its own:
 *   - allocated with the very path of the length (p = ExAllocatePool2(f, n, t); copy n): fits;
 *   - an object of known size S (an array, &local): fits when the length is at most S or below
 *     a trusted value (or a validator vouched for it);
 *   - a kernel buffer of user bytes of unknown size (SystemBuffer, a retrieved WDF buffer: a
 *     CONTENTS pointer): the caller sized it. A length that is the caller's buffer length
 *     (InputBufferLength, the retrieved length) fits it; a length the caller wrote into its
 *     data (read through a pointer: in->Length) fits only when bounded. Such a side never
 *     makes the length fit by itself: it can only fail it;
 *   - anything else (a kernel pointer of unknown size, a user-chosen pointer whose own check is
 *     the pointer role's): no evidence either way.
 * With no side of known size the length must be bounded, as for any other size argument. */
#include <string.h>

#include "checkers.h"

static bool is_side(const rules_sink_arg *a)
{
    const char *r = rules_role_name(a->role);
    return strcmp(r, "source") == 0 || strcmp(r, "destination") == 0;
}

/* sizeof the object a copy argument designates, 0 when unknown. */
uint64_t copy_object_bytes(const ast_expr *e)
{
    e = path_strip(e);
    if (!e)
        return 0;
    if (e->kind == AST_EX_UNARY && e->u.unary.op == AST_UN_ADDR) {
        /* &label[k] of an array: the rest of the array from element k, not one element */
        const ast_expr *op = path_strip(e->u.unary.operand);
        const ast_expr *base = op && op->kind == AST_EX_INDEX ? path_strip(op->u.index.base) : NULL;
        const ast_expr *idx = base ? path_strip(op->u.index.index) : NULL;
        /* WCHAR Name[1] (ANYSIZE_ARRAY) ends a record of variable length: no known size either */
        if (base && base->type.is_array && idx && idx->kind == AST_EX_INT && op->type.size &&
            base->type.size > op->type.size && idx->u.i.value * op->type.size < base->type.size)
            return base->type.size - idx->u.i.value * op->type.size;
        if (base) /* &p[i] through a pointer, or at an index not known: the object's size is not known */
            return 0;
        return e->u.unary.operand->type.size;
    }
    if (e->type.is_array)
        return e->type.size;
    return 0;
}

bool copy_side_held_by_caller(taint_ctx *ctx, tstate *s, const ast_expr *side, const ast_expr *size)
{
    return (tx_peek(&ctx->tx, s, side).taint & TAINT_CONTENTS) && tx_size_within_caller_length(&ctx->tx, s, size);
}

/* Was the argument's buffer allocated with the length's own path? */
static bool allocated_with(taint_ctx *ctx, tstate *s, const ast_expr *side, const char *size_key)
{
    const char *key = size_key ? path_key(ctx->tx.scratch, side) : NULL;
    const entry *e = key ? tstate_get(s, key) : NULL;
    const char *alloc = e ? rel_path(&e->f.rel, REL_ALLOC_SIZE) : NULL;
    return alloc && strcmp(alloc, size_key) == 0;
}

copy_verdict copy_size_verdict(taint_ctx *ctx, tstate *s, const rules_sink *sink, const ast_expr *call,
                               const rules_sink_arg *size_arg, const fact *len)
{
    copy_verdict v = {.fits = true};
    const char *size_key = path_key(ctx->tx.scratch, call->u.call.args[size_arg->index]);
    bool any_known = false, caller_held = false, unknown_side = false;
    for (size_t i = 0; i < sink->nargs; i++) {
        const rules_sink_arg *a = &sink->args[i];
        if (a->index >= call->u.call.nargs || !is_side(a))
            continue;
        const ast_expr *side = call->u.call.args[a->index];
        if (allocated_with(ctx, s, side, size_key)) {
            any_known = true;
            continue;
        }
        uint64_t sz = copy_object_bytes(side);
        if (sz) {
            any_known = true;
            bool fits = len->sanitized || range_max_u(len->r, len->bits, len->is_signed) <= sz || len->hi_trusted;
            if (!fits && (!v.object_size || sz < v.object_size)) {
                v.fits = false;
                v.object_size = sz;
                v.user_buffer = NULL;
            }
            continue;
        }
        fact p = tx_peek(&ctx->tx, s, side);
        /* the caller's buffer fails the copy, or holds it by a check against the request's own
           lengths (len <= OutputBufferLength); its size is not known to fit anything else */
        if (copy_side_held_by_caller(ctx, s, side, call->u.call.args[size_arg->index])) {
            caller_held = true;
            continue;
        }
        unknown_side = true;
        if (p.taint & TAINT_CONTENTS) {
            if (!fact_is_bounded(len) && fact_read_from_user_memory(len) && !v.object_size && v.fits) {
                v.fits = false;
                v.user_buffer = side;
                v.user_role = rules_role_name(a->role);
            }
        }
    }
    if (!any_known && (unknown_side || !caller_held))
        v.fits = v.fits && fact_is_bounded(len);
    return v;
}
