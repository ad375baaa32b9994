/* state.c - the map from access paths to facts, and its join. The join asks a callback for
 * the implicit fact of a path one side lacks: what that is (a source field, a kept value, a
 * read through a user pointer) is the business of the layers above. */
#include <stdlib.h>
#include <string.h>

#include "domain.h"

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

size_t tstate_lower_bound(const tstate *s, const char *key)
{
    bool found;
    return lower_bound(s, key, &found);
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

void tstate_kill(tstate *s, const char *key)
{
    size_t out = 0;
    for (size_t i = 0; i < s->len; i++) {
        if (path_mentions(s->items[i].key, key))
            continue;
        /* a copy of the old value is no copy of the new one; a buffer allocated with the old
           value of key no longer has key's size */
        rel_kill(&s->items[i].f.rel, key);
        s->items[out++] = s->items[i];
    }
    s->len = out;
}

void tstate_havoc(tstate *s, const char *key)
{
    size_t out = 0;
    for (size_t i = 0; i < s->len; i++) {
        if (path_mentions(s->items[i].key, key) && !s->items[i].f.taint)
            continue;
        rel_kill(&s->items[i].f.rel, key);
        s->items[out++] = s->items[i];
    }
    s->len = out;
}

bool tstate_equal(const tstate *a, const tstate *b)
{
    if (a->reachable != b->reachable || a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++)
        if (strcmp(a->items[i].key, b->items[i].key) != 0 || !fact_equal(&a->items[i].f, &b->items[i].f, FACT_EQ_STATE))
            return false;
    return true;
}

bool tstate_invariants_hold(const tstate *s)
{
    for (size_t i = 0; i < s->len; i++) {
        if (!s->items[i].key || (i && strcmp(s->items[i - 1].key, s->items[i].key) >= 0))
            return false;
        const fact *f = &s->items[i].f;
        if (s->reachable && (range_is_empty(f->r) || !f->bits || f->bits > 64))
            return false;
    }
    return true;
}

/* The side of a join that lacks an entry, copied once for the implicit facts read from it. */
static tstate *scratch_of(tstate *copy, bool *made, const tstate *side)
{
    if (!*made) {
        tstate_init(copy, true);
        tstate_copy(copy, side);
        *made = true;
    }
    return copy;
}

bool tstate_join(tstate *dst, const tstate *src, bool widen, tstate_implicit_fn implicit, void *arg)
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
    bool dmade = false, smade = false;
    while (i < dst->len || j < src->len) {
        int c = i >= dst->len ? 1 : j >= src->len ? -1 : strcmp(dst->items[i].key, src->items[j].key);
        const entry *e = c <= 0 ? &dst->items[i] : &src->items[j];
        /* a path seeded from a caller has no lvalue here: the side without it kept the
           caller's fact, which is the entry it shares */
        fact a = c <= 0 ? dst->items[i].f : e->lv ? implicit(arg, scratch_of(&dcopy, &dmade, dst), e->lv) : e->f;
        fact b = c >= 0 ? src->items[j].f : e->lv ? implicit(arg, scratch_of(&scopy, &smade, src), e->lv) : e->f;
        fact jf = fact_join(a, b);
        if (widen)
            jf.r = range_widen(a.r, jf.r, jf.bits, jf.is_signed);
        tstate_set(&out, e->key, e->lv, jf);
        if (c <= 0)
            i++;
        if (c >= 0)
            j++;
    }
    if (dmade)
        tstate_free(&dcopy);
    if (smade)
        tstate_free(&scopy);
    DT_ASSERT(tstate_invariants_hold(&out));
    bool changed = !tstate_equal(&out, dst);
    tstate_free(dst);
    *dst = out;
    return changed;
}
