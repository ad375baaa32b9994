/* program_wire.c - a unit's whole-driver facts as bytes and back: a unit analysed in a child
 * process sends them to the run, which merges them exactly as if the unit had run in place.
 * Every field of unit_facts is written; the decoded facts own their strings in their arena. */
#include <string.h>

#include "drvtaint/wire.h"
#include "interproc.h"

static void put_bool(strbuf *b, bool v)
{
    sb_putc(b, v ? 1 : 0);
}

static bool get_bool(wire_reader *r)
{
    return wire_get_u64(r) != 0;
}

static void put_int128(strbuf *b, range_int v)
{
    unsigned __int128 u = (unsigned __int128)v;
    wire_put_u64(b, (uint64_t)u);
    wire_put_u64(b, (uint64_t)(u >> 64));
}

static range_int get_int128(wire_reader *r)
{
    uint64_t lo = wire_get_u64(r), hi = wire_get_u64(r);
    return (range_int)(((unsigned __int128)hi << 64) | lo);
}

static void put_fact(strbuf *b, const fact *f)
{
    wire_put_u64(b, f->taint);
    put_int128(b, f->r.lo);
    put_int128(b, f->r.hi);
    wire_put_u64(b, f->bits);
    put_bool(b, f->is_signed);
    wire_put_u64(b, f->origin_bits);
    put_bool(b, f->origin_signed);
    put_bool(b, f->hi_trusted);
    put_bool(b, f->lo_trusted);
    put_bool(b, f->sanitized);
    put_bool(b, f->probed);
    /* a persisted fact's relations are paths (a call of the unit's AST does not leave it) */
    for (int k = 0; k < REL_NKINDS; k++)
        wire_put_str(b, (const char *)f->rel.to[k]);
    size_t n = 0;
    for (const trace_node *t = f->trace; t; t = t->prev)
        n++;
    wire_put_u64(b, n);
    for (const trace_node *t = f->trace; t; t = t->prev) {
        wire_put_u64(b, t->kind);
        wire_put_str(b, t->loc.file);
        wire_put_u64(b, t->loc.line);
        wire_put_u64(b, t->loc.col);
        wire_put_str(b, t->text);
    }
}

static fact get_fact(wire_reader *r, arena *a)
{
    fact f = {0};
    f.taint = (unsigned)wire_get_u64(r);
    f.r.lo = get_int128(r);
    f.r.hi = get_int128(r);
    f.bits = (unsigned)wire_get_u64(r);
    f.is_signed = get_bool(r);
    f.origin_bits = (unsigned)wire_get_u64(r);
    f.origin_signed = get_bool(r);
    f.hi_trusted = get_bool(r);
    f.lo_trusted = get_bool(r);
    f.sanitized = get_bool(r);
    f.probed = get_bool(r);
    for (int k = 0; k < REL_NKINDS; k++)
        rel_set(&f.rel, (rel_kind)k, wire_get_str_in(r, a));
    size_t n = wire_get_count(r, 5);
    trace_node **link = (trace_node **)&f.trace;
    for (size_t i = 0; i < n && !r->bad; i++) {
        trace_node *t = arena_alloc(a, sizeof *t);
        t->kind = (trace_kind)wire_get_u64(r);
        t->loc.file = wire_get_str_in(r, a);
        t->loc.line = (unsigned)wire_get_u64(r);
        t->loc.col = (unsigned)wire_get_u64(r);
        t->text = wire_get_str_in(r, a);
        t->prev = NULL;
        *link = t;
        link = (trace_node **)&t->prev;
    }
    return f;
}

static void put_names(strbuf *b, const name_set *s)
{
    wire_put_u64(b, s->len);
    for (size_t i = 0; i < s->len; i++)
        wire_put_str(b, s->items[i]);
}

static void get_names(wire_reader *r, arena *a, name_set *s)
{
    size_t n = wire_get_count(r, 1);
    for (size_t i = 0; i < n && !r->bad; i++)
        VEC_PUSH(s, wire_get_str_in(r, a));
}

static void put_entry_point(strbuf *b, const entry_point *e)
{
    wire_put_str(b, e->function);
    wire_put_str(b, e->kind);
    put_bool(b, e->user_reachable);
    wire_put_i64(b, e->kmdf_params);
}

static entry_point get_entry_point(wire_reader *r, arena *a)
{
    entry_point e;
    e.function = wire_get_str_in(r, a);
    e.kind = wire_get_str_in(r, a);
    e.user_reachable = get_bool(r);
    e.kmdf_params = (int)wire_get_i64(r);
    return e;
}

static void put_bounds(strbuf *b, const bound *bs, size_t n)
{
    wire_put_u64(b, n);
    for (size_t i = 0; i < n; i++) {
        wire_put_u64(b, bs[i].param);
        wire_put_str(b, bs[i].path);
        put_fact(b, &bs[i].f);
    }
}

static bound *get_bounds(wire_reader *r, arena *a, size_t *n)
{
    *n = wire_get_count(r, 3);
    bound *bs = arena_alloc(a, (*n ? *n : 1) * sizeof *bs);
    for (size_t i = 0; i < *n && !r->bad; i++) {
        bs[i].param = (unsigned)wire_get_u64(r);
        bs[i].path = wire_get_str_in(r, a);
        bs[i].f = get_fact(r, a);
    }
    return bs;
}

void unit_facts_encode(strbuf *b, const unit_facts *u)
{
    wire_put_u64(b, u->stores.len);
    for (size_t i = 0; i < u->stores.len; i++) {
        wire_put_str(b, u->stores.items[i].key);
        put_fact(b, &u->stores.items[i].f);
    }
    wire_put_u64(b, u->reads.len);
    for (size_t i = 0; i < u->reads.len; i++)
        wire_put_u64(b, u->reads.items[i]);
    put_names(b, &u->records);
    wire_put_u64(b, u->summaries.len);
    for (size_t i = 0; i < u->summaries.len; i++) {
        const fn_summary *s = &u->summaries.items[i];
        wire_put_str(b, s->usr);
        wire_put_str(b, s->name);
        wire_put_u64(b, s->ret_from);
        put_fact(b, &s->ret);
        wire_put_u64(b, s->ret_probed_by_request);
        put_bounds(b, s->nonzero, s->nnonzero);
        put_bounds(b, s->success, s->nsuccess);
        wire_put_u64(b, s->nouts);
        for (size_t k = 0; k < s->nouts; k++) {
            wire_put_u64(b, s->outs[k].param);
            wire_put_u64(b, s->outs[k].from);
            put_fact(b, &s->outs[k].f);
        }
    }
    wire_put_u64(b, u->seeds.len);
    for (size_t i = 0; i < u->seeds.len; i++) {
        const cross_seed *s = &u->seeds.items[i];
        wire_put_str(b, s->callee_usr);
        wire_put_str(b, s->callee_name);
        wire_put_str(b, s->root);
        put_bool(b, s->has_root_entry);
        if (s->has_root_entry)
            put_entry_point(b, &s->root_entry);
        wire_put_u64(b, s->nioctls);
        for (size_t k = 0; k < s->nioctls; k++)
            wire_put_u64(b, s->ioctls[k]);
        wire_put_u64(b, s->nitems);
        for (size_t k = 0; k < s->nitems; k++) {
            wire_put_str(b, s->items[k].key);
            put_fact(b, &s->items[k].f);
        }
        wire_put_u64(b, s->depth);
        wire_put_str(b, s->signature);
    }
    wire_put_u64(b, u->defined.len);
    for (size_t i = 0; i < u->defined.len; i++) {
        wire_put_str(b, u->defined.items[i].usr);
        wire_put_str(b, u->defined.items[i].name);
    }
    put_names(b, &u->calls);
    put_names(b, &u->tainted_calls);
    put_names(b, &u->roots);
    wire_put_u64(b, u->entries.len);
    for (size_t i = 0; i < u->entries.len; i++)
        put_entry_point(b, &u->entries.items[i]);
    wire_put_u64(b, u->ioctl_names.len);
    for (size_t i = 0; i < u->ioctl_names.len; i++) {
        wire_put_u64(b, u->ioctl_names.items[i].code);
        wire_put_str(b, u->ioctl_names.items[i].name);
        wire_put_u64(b, u->ioctl_names.items[i].placeholder);
    }
    put_names(b, &u->limits);
}

unit_facts *unit_facts_decode(wire_reader *r)
{
    unit_facts *u = unit_facts_new();
    arena *a = u->arena;
    size_t n = wire_get_count(r, 2);
    for (size_t i = 0; i < n && !r->bad; i++) {
        stored_value v;
        v.key = wire_get_str_in(r, a);
        v.f = get_fact(r, a);
        VEC_PUSH(&u->stores, v);
    }
    n = wire_get_count(r, 1);
    for (size_t i = 0; i < n && !r->bad; i++)
        VEC_PUSH(&u->reads, wire_get_u64(r));
    get_names(r, a, &u->records);
    n = wire_get_count(r, 4);
    for (size_t i = 0; i < n && !r->bad; i++) {
        fn_summary s = {0};
        s.usr = wire_get_str_in(r, a);
        s.name = wire_get_str_in(r, a);
        s.ret_from = (unsigned)wire_get_u64(r);
        s.ret = get_fact(r, a);
        s.ret_probed_by_request = wire_get_u64(r) != 0;
        s.nonzero = get_bounds(r, a, &s.nnonzero);
        s.success = get_bounds(r, a, &s.nsuccess);
        s.nouts = wire_get_count(r, 3);
        s.outs = arena_alloc(a, (s.nouts ? s.nouts : 1) * sizeof *s.outs);
        for (size_t k = 0; k < s.nouts && !r->bad; k++) {
            s.outs[k].param = (unsigned)wire_get_u64(r);
            s.outs[k].from = (unsigned)wire_get_u64(r);
            s.outs[k].f = get_fact(r, a);
        }
        VEC_PUSH(&u->summaries, s);
    }
    n = wire_get_count(r, 6);
    for (size_t i = 0; i < n && !r->bad; i++) {
        cross_seed s = {0};
        s.callee_usr = wire_get_str_in(r, a);
        s.callee_name = wire_get_str_in(r, a);
        s.root = wire_get_str_in(r, a);
        s.has_root_entry = get_bool(r);
        if (s.has_root_entry)
            s.root_entry = get_entry_point(r, a);
        s.nioctls = wire_get_count(r, 1);
        s.ioctls = arena_alloc(a, (s.nioctls ? s.nioctls : 1) * sizeof *s.ioctls);
        for (size_t k = 0; k < s.nioctls && !r->bad; k++)
            s.ioctls[k] = wire_get_u64(r);
        s.nitems = wire_get_count(r, 2);
        s.items = arena_alloc(a, (s.nitems ? s.nitems : 1) * sizeof *s.items);
        for (size_t k = 0; k < s.nitems && !r->bad; k++) {
            s.items[k].key = wire_get_str_in(r, a);
            s.items[k].lv = NULL;
            s.items[k].f = get_fact(r, a);
        }
        s.depth = (unsigned)wire_get_u64(r);
        s.signature = wire_get_str_in(r, a);
        VEC_PUSH(&u->seeds, s);
    }
    n = wire_get_count(r, 2);
    for (size_t i = 0; i < n && !r->bad; i++) {
        defined_fn d;
        d.usr = wire_get_str_in(r, a);
        d.name = wire_get_str_in(r, a);
        VEC_PUSH(&u->defined, d);
    }
    get_names(r, a, &u->calls);
    get_names(r, a, &u->tainted_calls);
    get_names(r, a, &u->roots);
    n = wire_get_count(r, 4);
    for (size_t i = 0; i < n && !r->bad; i++)
        VEC_PUSH(&u->entries, get_entry_point(r, a));
    n = wire_get_count(r, 3);
    for (size_t i = 0; i < n && !r->bad; i++) {
        ioctl_name in;
        in.code = wire_get_u64(r);
        in.name = wire_get_str_in(r, a);
        in.placeholder = wire_get_u64(r) != 0;
        VEC_PUSH(&u->ioctl_names, in);
    }
    get_names(r, a, &u->limits);
    if (r->bad) {
        unit_facts_free(u);
        return NULL;
    }
    return u;
}
