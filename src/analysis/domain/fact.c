/* fact.c - every operation on one fact: construction, cast, join, the one equality,
 * boundedness, detaching and persisting, formatting; and the trace nodes facts carry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"

#if DT_INVARIANTS
_Noreturn void dt_assert_failed(const char *cond, const char *file, int line)
{
    fprintf(stderr, "drvtaint: internal error: %s:%d: invariant '%s' does not hold\n", file, line, cond);
    abort();
}
#endif

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

fact fact_cast(fact f, const ast_type *to)
{
    unsigned bits = type_bits(to);
    bool sign = type_signed(to);
    if (bits != f.bits || sign != f.is_signed) {
        f.r = range_cast(f.r, f.bits, f.is_signed, bits, sign);
        /* narrowing is no bound: (ULONG)len of a user size_t is any 32-bit value, and stays
           one when widened again ((ULONG64)(ULONG)x is not "below 2^32, so bounded") */
        if (f.taint && bits < f.bits && (!f.origin_bits || f.origin_bits > bits) &&
            !range_is_bounded(f.r, bits, sign)) {
            f.origin_bits = bits;
            f.origin_signed = sign;
        }
        f.bits = bits;
        f.is_signed = sign;
    }
    return f;
}

fact fact_join(fact a, fact b)
{
    /* a trusted value on one side bounds nothing away on the other: min(len, ext->Size)
       is as bounded as its user arm */
    if (!a.taint && b.taint)
        return fact_join(b, a);
    fact j = a;
    j.taint = a.taint | b.taint;
    j.r = range_join(a.r, b.r);
    bool trusted = !b.taint;
    j.hi_trusted = a.hi_trusted && (trusted || b.hi_trusted);
    j.lo_trusted = a.lo_trusted && (trusted || b.lo_trusted);
    j.sanitized = a.sanitized && (trusted || b.sanitized);
    /* probed says where a user-chosen pointer may point: a side that is no such pointer (a
       kernel pointer to user bytes: MmGetSystemAddressForMdlSafe on one path, the probed
       Irp->UserBuffer on the other) takes nothing away */
    j.probed = (a.probed || !(a.taint & TAINT_VALUE)) && (b.probed || !(b.taint & TAINT_VALUE)) &&
               (j.taint & TAINT_VALUE);
    j.trace = a.taint ? a.trace : b.trace;
    j.rel = rel_join(a.rel, b.rel);
    if (!a.taint) /* neither side is user data: keep the type's identity */
        j.origin_bits = 0;
    return j;
}

bool fact_equal(const fact *a, const fact *b, fact_eq how)
{
    bool bounds = a->taint == b->taint && range_equal(a->r, b->r) && a->hi_trusted == b->hi_trusted &&
                  a->lo_trusted == b->lo_trusted && a->sanitized == b->sanitized && a->probed == b->probed;
    if (!bounds)
        return false;
    if (how == FACT_EQ_VALUE)
        return a->bits == b->bits && a->is_signed == b->is_signed && a->origin_bits == b->origin_bits;
    /* the dataflow settles when nothing it can still learn changes: the type of a path's
       value does not change between iterations, its relations and its evidence may */
    return rel_equal(&a->rel, &b->rel) && (a->taint == TAINT_NONE || a->trace == b->trace);
}

bool fact_read_from_user_memory(const fact *f)
{
    for (const trace_node *t = f->trace; t; t = t->prev)
        if (t->kind == TRACE_READ)
            return true;
    return false;
}

bool fact_is_bounded(const fact *f)
{
    if (f->sanitized)
        return true;
    bool in_origin = !f->origin_bits || range_is_bounded(f->r, f->origin_bits, f->origin_signed);
    if (range_is_bounded(f->r, f->bits, f->is_signed) && in_origin)
        return true;
    /* below a trusted value: bounded above; a signed value also needs its floor */
    if (f->hi_trusted && (!f->is_signed || f->lo_trusted || !range_reaches_min(f->r, f->bits, f->is_signed)))
        return true;
    return false;
}

fact fact_detached(fact f)
{
    f.rel = rel_detached(f.rel);
    return f;
}

static const trace_node *trace_persist(arena *a, const trace_node *t)
{
    if (!t)
        return NULL;
    trace_node *n = arena_alloc(a, sizeof *n);
    n->kind = t->kind;
    n->loc = t->loc;
    n->loc.file = t->loc.file ? arena_strdup(a, t->loc.file) : NULL;
    n->text = t->text ? arena_strdup(a, t->text) : NULL;
    n->prev = trace_persist(a, t->prev);
    return n;
}

fact fact_persist(arena *a, fact f)
{
    f.trace = trace_persist(a, f.trace);
    f.rel = rel_persist(a, f.rel); /* it named expressions and variables of the unit */
    return f;
}

void fact_format(strbuf *out, const fact *f)
{
    char buf[128];
    range_format(buf, sizeof buf, f->r, f->bits, f->is_signed);
    const char *taint = f->taint == (TAINT_VALUE | TAINT_CONTENTS) ? "user value+contents"
                        : f->taint == TAINT_VALUE                 ? "user value"
                        : f->taint == TAINT_CONTENTS              ? "user contents"
                                                                  : "trusted";
    sb_printf(out, "%s %s", taint, buf);
    if (f->taint & TAINT_VALUE)
        sb_append(out, fact_is_bounded(f) ? " bounded" : " unbounded");
    if (f->hi_trusted)
        sb_append(out, " below-trusted");
    if (f->lo_trusted)
        sb_append(out, " above-trusted");
    if (f->sanitized)
        sb_append(out, " sanitized");
    if (f->probed)
        sb_append(out, " probed");
    rel_format(out, &f->rel);
}

const trace_node *trace_push(arena *a, const trace_node *prev, trace_kind kind, ast_loc loc, const char *text)
{
    /* a value carried through many assignments keeps its trace short: one step per line */
    if (prev && prev->loc.line == loc.line && prev->loc.file == loc.file && prev->kind == kind)
        return prev;
    trace_node *n = arena_alloc(a, sizeof *n);
    n->kind = kind;
    n->loc = loc;
    n->text = text;
    n->prev = prev;
    return n;
}

const trace_node *trace_root(const trace_node *t)
{
    while (t && t->prev)
        t = t->prev;
    return t;
}
