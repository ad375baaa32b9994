/* taint_state.c - the map from access paths to facts, and its join. */
#include <stdlib.h>
#include <string.h>

#include "taint_internal.h"

void tstate_init(tstate *s, bool reachable)
{
    memset(s, 0, sizeof *s);
    s->reachable = reachable;
}

void tstate_free(tstate *s)
{
    free(s->items);
    memset(s, 0, sizeof *s);
}

void tstate_copy(tstate *dst, const tstate *src)
{
    tstate_free(dst);
    dst->reachable = src->reachable;
    dst->len = dst->cap = src->len;
    dst->items = xmalloc((src->len ? src->len : 1) * sizeof *dst->items);
    if (src->len)
        memcpy(dst->items, src->items, src->len * sizeof *src->items);
}

static size_t lower_bound(const tstate *s, const char *key, bool *found)
{
    size_t lo = 0, hi = s->len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(s->items[mid].key, key);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

const entry *tstate_get(const tstate *s, const char *key)
{
    bool found;
    size_t i = lower_bound(s, key, &found);
    return found ? &s->items[i] : NULL;
}

void tstate_set(tstate *s, const char *key, const ast_expr *lv, fact f)
{
    bool found;
    size_t i = lower_bound(s, key, &found);
    if (found) {
        s->items[i].f = f;
        s->items[i].lv = lv;
        return;
    }
    if (s->len == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->items = xrealloc(s->items, s->cap * sizeof *s->items);
    }
    memmove(&s->items[i + 1], &s->items[i], (s->len - i) * sizeof *s->items);
    s->items[i] = (entry){key, lv, f};
    s->len++;
}

/* Does path mention key as a whole component ("in" in "(*in).Msr", not in "index")? */
bool tstate_mentions(const char *path, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = strstr(path, key); p; p = strstr(p + 1, key)) {
        char before = p == path ? '(' : p[-1];
        char after = p[n];
        bool start_ok = p == path || before == '(' || before == '*';
        bool end_ok = after == '\0' || after == '.' || after == '[' || after == ')';
        if (start_ok && end_ok)
            return true;
    }
    return false;
}

fact fact_detached(fact f)
{
    f.result_of = NULL;
    f.copy_of = NULL;
    return f;
}

void tstate_kill(tstate *s, const char *key)
{
    size_t out = 0;
    for (size_t i = 0; i < s->len; i++) {
        if (tstate_mentions(s->items[i].key, key))
            continue;
        /* a copy of the old value is no copy of the new one */
        if (s->items[i].f.copy_of && tstate_mentions(s->items[i].f.copy_of, key))
            s->items[i].f.copy_of = NULL;
        /* a buffer allocated with the old value of key no longer has key's size */
        if (s->items[i].f.alloc_size && tstate_mentions(s->items[i].f.alloc_size, key))
            s->items[i].f.alloc_size = NULL;
        s->items[out++] = s->items[i];
    }
    s->len = out;
}

bool fact_equal(const fact *a, const fact *b)
{
    return a->taint == b->taint && range_equal(a->r, b->r) && a->hi_trusted == b->hi_trusted &&
           a->lo_trusted == b->lo_trusted && a->sanitized == b->sanitized && a->probed == b->probed &&
           a->alloc_size == b->alloc_size && a->result_of == b->result_of &&
           (a->copy_of == b->copy_of || (a->copy_of && b->copy_of && strcmp(a->copy_of, b->copy_of) == 0)) &&
           (a->taint == TAINT_NONE || a->trace == b->trace);
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
    j.probed = a.probed && (trusted || b.probed);
    j.trace = a.taint ? a.trace : b.trace;
    if (!(a.alloc_size && b.alloc_size && strcmp(a.alloc_size, b.alloc_size) == 0))
        j.alloc_size = NULL;
    if (a.result_of != b.result_of)
        j.result_of = NULL;
    if (!(a.copy_of && b.copy_of && strcmp(a.copy_of, b.copy_of) == 0))
        j.copy_of = NULL;
    if (!a.taint) /* neither side is user data: keep the type's identity */
        j.origin_bits = 0;
    return j;
}

bool tstate_equal(const tstate *a, const tstate *b)
{
    if (a->reachable != b->reachable || a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++)
        if (strcmp(a->items[i].key, b->items[i].key) != 0 || !fact_equal(&a->items[i].f, &b->items[i].f))
            return false;
    return true;
}

bool tstate_join(taint_ctx *ctx, tstate *dst, const tstate *src, bool widen)
{
    if (!src->reachable)
        return false;
    if (!dst->reachable) {
        tstate_copy(dst, src);
        return true;
    }
    tstate out;
    tstate_init(&out, true);
    /* both sides' keys: the side without an entry contributes its implicit fact */
    size_t i = 0, j = 0;
    tstate dcopy, scopy;
    tstate_init(&dcopy, true);
    tstate_init(&scopy, true);
    tstate_copy(&dcopy, dst);
    tstate_copy(&scopy, src);
    while (i < dst->len || j < src->len) {
        int c = i >= dst->len ? 1 : j >= src->len ? -1 : strcmp(dst->items[i].key, src->items[j].key);
        const entry *e = c <= 0 ? &dst->items[i] : &src->items[j];
        /* a path seeded from a caller has no lvalue here: the side without it kept the
           caller's fact, which is the entry it shares */
        fact a = c <= 0 ? dst->items[i].f : e->lv ? taint_implicit(ctx, &dcopy, e->lv) : e->f;
        fact b = c >= 0 ? src->items[j].f : e->lv ? taint_implicit(ctx, &scopy, e->lv) : e->f;
        fact jf = fact_join(a, b);
        if (widen)
            jf.r = range_widen(a.r, jf.r, jf.bits, jf.is_signed);
        tstate_set(&out, e->key, e->lv, jf);
        if (c <= 0)
            i++;
        if (c >= 0)
            j++;
    }
    tstate_free(&dcopy);
    tstate_free(&scopy);
    bool changed = !tstate_equal(&out, dst);
    tstate_free(dst);
    *dst = out;
    return changed;
}
