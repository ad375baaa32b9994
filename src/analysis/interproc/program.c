/* program.c - the whole driver between rounds: the units' facts merged in input order,
 * and which units must be analysed again because another unit said something they read. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "interproc.h"

/* A merged value and who told it: a unit is not re-analysed for what only it said. */
typedef struct merged_store {
    stored_value v;
    size_t owner;
    bool shared;
    unsigned changed; /* round of the last change */
} merged_store;

typedef struct merged_summary {
    const fn_summary *s;
    size_t owner;
    unsigned changed;
} merged_summary;

typedef struct merged_seed {
    const cross_seed *s;
    unsigned added;
} merged_seed;

typedef struct merged_name {
    const char *name;
    size_t owner;
    bool shared;
    unsigned changed;
} merged_name;

typedef struct merged_entry {
    entry_point e;
    size_t owner;
    unsigned changed;
} merged_entry;

struct program {
    unsigned round;
    VEC(unit_facts *) all;    /* every unit_facts ever merged: the merged data points into them */
    VEC(unit_facts *) latest; /* per unit: what it said last */
    VEC(merged_store) stores; /* sorted by key once a round ends */
    VEC(merged_summary) summaries;
    VEC(merged_seed) seeds;
    VEC(merged_name) records;
    VEC(merged_entry) entries;
    VEC(ioctl_name) ioctl_names;
};

program *program_new(void)
{
    return xcalloc(1, sizeof(program));
}

unit_facts *unit_facts_new(void)
{
    unit_facts *u = xcalloc(1, sizeof *u);
    u->arena = arena_new_chunked(1024); /* kept for the whole run, one per unit and round */
    return u;
}

void unit_facts_free(unit_facts *u)
{
    if (!u)
        return;
    free(u->stores.items);
    free(u->reads.items);
    free(u->records.items);
    free(u->summaries.items);
    free(u->seeds.items);
    free(u->defined.items);
    free(u->calls.items);
    free(u->tainted_calls.items);
    free(u->roots.items);
    free(u->entries.items);
    free(u->ioctl_names.items);
    free(u->limits.items);
    arena_free(u->arena);
    free(u);
}

void program_free(program *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->all.len; i++)
        unit_facts_free(p->all.items[i]);
    free(p->all.items);
    free(p->latest.items);
    free(p->stores.items);
    free(p->summaries.items);
    free(p->seeds.items);
    free(p->records.items);
    free(p->entries.items);
    free(p->ioctl_names.items);
    free(p);
}

static bool bounds_equal(const bound *a, size_t na, const bound *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (a[i].param != b[i].param || strcmp(a[i].path, b[i].path) != 0 || !fact_equal(&a[i].f, &b[i].f, FACT_EQ_VALUE))
            return false;
    return true;
}

static bool outs_equal(const fn_summary *a, const fn_summary *b)
{
    if (a->nouts != b->nouts)
        return false;
    for (size_t i = 0; i < a->nouts; i++)
        if (a->outs[i].param != b->outs[i].param || a->outs[i].from != b->outs[i].from ||
            !fact_equal(&a->outs[i].f, &b->outs[i].f, FACT_EQ_VALUE))
            return false;
    return true;
}

bool summary_has_own_source(const fn_summary *sum)
{
    if (sum->ret_from & SUMMARY_OWN)
        return true;
    for (size_t i = 0; i < sum->nouts; i++)
        if (sum->outs[i].from & SUMMARY_OWN)
            return true;
    return false;
}

bool summary_equal(const fn_summary *a, const fn_summary *b)
{
    return a->ret_from == b->ret_from && a->ret_probed_by_request == b->ret_probed_by_request && (!a->ret_from || fact_equal(&a->ret, &b->ret, FACT_EQ_VALUE)) && outs_equal(a, b) &&
           bounds_equal(a->nonzero, a->nnonzero, b->nonzero, b->nnonzero) &&
           bounds_equal(a->success, a->nsuccess, b->success, b->nsuccess);
}

void taint_note_limit(unit_facts *u, const char *fmt, ...)
{
    if (!u)
        return;
    va_list ap;
    va_start(ap, fmt);
    strbuf sb = {0};
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    name_set_add(u->arena, &u->limits, sb.buf ? sb.buf : "");
    sb_free(&sb);
}

size_t unit_facts_limits(const unit_facts *u, const char *const **notes)
{
    *notes = u ? u->limits.items : NULL;
    return u ? u->limits.len : 0;
}

uint64_t store_key_hash(const char *key)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
    for (const unsigned char *c = (const unsigned char *)key; *c; c++) {
        h ^= *c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void drop_nothing(void *p)
{
    (void)p;
}

void store_hashes_finish(unit_facts *u)
{
    if (u->reads.len)
        u->reads.len = sort_unique(u->reads.items, u->reads.len, sizeof *u->reads.items, cmp_u64, drop_nothing);
}

bool store_hash_read(const unit_facts *u, const char *key)
{
    uint64_t h = store_key_hash(key);
    return u->reads.len && bsearch(&h, u->reads.items, u->reads.len, sizeof *u->reads.items, cmp_u64);
}

void name_set_add(arena *a, name_set *set, const char *s)
{
    if (!name_set_has(set, s))
        VEC_PUSH(set, arena_strdup(a, s));
}

bool name_set_has(const name_set *set, const char *s)
{
    for (size_t i = 0; i < set->len; i++)
        if (strcmp(set->items[i], s) == 0)
            return true;
    return false;
}

/* "F:record.field..." names a field of record */
static bool key_of_record(const char *key, const char *record)
{
    size_t n = strlen(record);
    return strncmp(key, "F:", 2) == 0 && strncmp(key + 2, record, n) == 0 && key[2 + n] == '.';
}

bool store_key_counts(const name_set *local, const program *p, const char *key)
{
    if (strncmp(key, "F:", 2) != 0)
        return true;
    for (size_t k = 0; local && k < local->len; k++)
        if (key_of_record(key, local->items[k]))
            return true;
    for (size_t k = 0; p && k < p->records.len; k++)
        if (key_of_record(key, p->records.items[k].name))
            return true;
    return false;
}

/* ---- merging ---- */

static merged_store *find_store(program *p, const char *key)
{
    for (size_t i = 0; i < p->stores.len; i++)
        if (strcmp(p->stores.items[i].v.key, key) == 0)
            return &p->stores.items[i];
    return NULL;
}

static void merge_stores(program *p, size_t unit, const unit_facts *u)
{
    for (size_t i = 0; i < u->stores.len; i++) {
        const stored_value *sv = &u->stores.items[i];
        merged_store *m = find_store(p, sv->key);
        if (!m) {
            VEC_PUSH(&p->stores, ((merged_store){*sv, unit, false, p->round}));
            continue;
        }
        if (m->owner != unit)
            m->shared = true;
        fact j = fact_join(m->v.f, sv->f);
        if (!fact_equal(&j, &m->v.f, FACT_EQ_VALUE)) {
            m->v.f = j;
            m->changed = p->round;
        }
    }
}

static void merge_summaries(program *p, size_t unit, const unit_facts *u)
{
    for (size_t i = 0; i < u->summaries.len; i++) {
        const fn_summary *s = &u->summaries.items[i];
        if (!s->usr)
            continue;
        merged_summary *m = NULL;
        for (size_t k = 0; k < p->summaries.len && !m; k++)
            if (strcmp(p->summaries.items[k].s->usr, s->usr) == 0)
                m = &p->summaries.items[k];
        if (!m)
            VEC_PUSH(&p->summaries, ((merged_summary){s, unit, p->round}));
        else if (!summary_equal(m->s, s)) {
            m->s = s;
            m->changed = p->round;
        }
    }
}

static void merge_names(program *p, size_t unit, const unit_facts *u)
{
    for (size_t i = 0; i < u->records.len; i++) {
        merged_name *m = NULL;
        for (size_t k = 0; k < p->records.len && !m; k++)
            if (strcmp(p->records.items[k].name, u->records.items[i]) == 0)
                m = &p->records.items[k];
        if (!m)
            VEC_PUSH(&p->records, ((merged_name){u->records.items[i], unit, false, p->round}));
        else if (m->owner != unit)
            m->shared = true;
    }
    for (size_t i = 0; i < u->entries.len; i++) {
        const entry_point *e = &u->entries.items[i];
        bool known = false;
        for (size_t k = 0; k < p->entries.len && !known; k++)
            known = strcmp(p->entries.items[k].e.function, e->function) == 0 &&
                    strcmp(p->entries.items[k].e.kind, e->kind) == 0;
        if (!known)
            VEC_PUSH(&p->entries, ((merged_entry){*e, unit, p->round}));
    }
    for (size_t i = 0; i < u->ioctl_names.len; i++) {
        bool known = false;
        for (size_t k = 0; k < p->ioctl_names.len && !known; k++)
            known = p->ioctl_names.items[k].code == u->ioctl_names.items[i].code;
        if (!known)
            VEC_PUSH(&p->ioctl_names, u->ioctl_names.items[i]);
    }
}

static void merge_seeds(program *p, const unit_facts *u)
{
    for (size_t i = 0; i < u->seeds.len; i++) {
        const cross_seed *s = &u->seeds.items[i];
        bool known = false;
        for (size_t k = 0; k < p->seeds.len && !known; k++)
            known = strcmp(p->seeds.items[k].s->signature, s->signature) == 0;
        if (!known)
            VEC_PUSH(&p->seeds, ((merged_seed){s, p->round}));
    }
}

void program_merge(program *p, size_t unit, unit_facts *u)
{
    while (p->latest.len <= unit)
        VEC_PUSH(&p->latest, NULL);
    p->latest.items[unit] = u;
    VEC_PUSH(&p->all, u);
    merge_stores(p, unit, u);
    merge_summaries(p, unit, u);
    merge_names(p, unit, u);
    merge_seeds(p, u);
}

/* ---- what changed, for whom ---- */

static bool reads_changed_store(const program *p, size_t unit, const unit_facts *u)
{
    for (size_t k = 0; k < p->stores.len; k++) {
        const merged_store *m = &p->stores.items[k];
        if (m->changed != p->round || (m->owner == unit && !m->shared) || !m->v.f.taint ||
            !store_key_counts(NULL, p, m->v.key))
            continue;
        if (store_hash_read(u, m->v.key))
            return true;
    }
    return false;
}

/* A record another unit made known as an extension this round, whose kept values u reads. */
static bool sees_new_record(const program *p, size_t unit, const unit_facts *u)
{
    for (size_t r = 0; r < p->records.len; r++) {
        const merged_name *rec = &p->records.items[r];
        if (rec->changed != p->round || (rec->owner == unit && !rec->shared))
            continue;
        for (size_t k = 0; k < p->stores.len; k++) {
            const char *key = p->stores.items[k].v.key;
            if (p->stores.items[k].v.f.taint && key_of_record(key, rec->name) && store_hash_read(u, key))
                return true;
        }
    }
    return false;
}

static bool defines(const unit_facts *u, const char *usr, const char *name)
{
    for (size_t i = 0; i < u->defined.len; i++) {
        const defined_fn *d = &u->defined.items[i];
        if ((usr && d->usr && strcmp(d->usr, usr) == 0) || (name && strcmp(d->name, name) == 0))
            return true;
    }
    return false;
}

static bool has_new_work(const program *p, size_t unit, const unit_facts *u)
{
    for (size_t k = 0; k < p->seeds.len; k++)
        if (p->seeds.items[k].added == p->round && defines(u, p->seeds.items[k].s->callee_usr, NULL))
            return true;
    /* wiring in another file names the entry of findings here, hides internal-only handlers,
       and makes a KMDF callback's lengths user values */
    for (size_t k = 0; k < p->entries.len; k++) {
        const merged_entry *e = &p->entries.items[k];
        if (e->changed != p->round || e->owner == unit || !defines(u, NULL, e->e.function))
            continue;
        if (e->e.kmdf_params >= 0 || name_set_has(&u->roots, e->e.function))
            return true;
    }
    /* a summary matters where user data went into the call, or when the callee returns user
       data of its own */
    for (size_t k = 0; k < p->summaries.len; k++) {
        const merged_summary *m = &p->summaries.items[k];
        if (m->changed != p->round || m->owner == unit)
            continue;
        if (name_set_has(&u->tainted_calls, m->s->usr) ||
            (summary_has_own_source(m->s) && name_set_has(&u->calls, m->s->usr)))
            return true;
    }
    return false;
}

static int cmp_store(const void *a, const void *b)
{
    return strcmp(((const merged_store *)a)->v.key, ((const merged_store *)b)->v.key);
}

static int cmp_summary(const void *a, const void *b)
{
    return strcmp(((const merged_summary *)a)->s->usr, ((const merged_summary *)b)->s->usr);
}

size_t program_end_round(program *p, size_t nunits, bool *dirty)
{
    /* sorted for the lookups of the next round: every call asks for its callee's summary */
    if (p->stores.len)
        qsort(p->stores.items, p->stores.len, sizeof *p->stores.items, cmp_store);
    if (p->summaries.len)
        qsort(p->summaries.items, p->summaries.len, sizeof *p->summaries.items, cmp_summary);
    size_t n = 0;
    for (size_t i = 0; i < nunits; i++) {
        const unit_facts *u = i < p->latest.len ? p->latest.items[i] : NULL;
        dirty[i] = u && (reads_changed_store(p, i, u) || sees_new_record(p, i, u) || has_new_work(p, i, u));

        n += dirty[i];
    }
    p->round++;
    return n;
}

/* ---- queries from a unit's analysis (the program is frozen then) ---- */

const stored_value *program_stored(const program *p, const char *key)
{
    if (!p || !p->stores.len)
        return NULL;
    size_t lo = 0, hi = p->stores.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(p->stores.items[mid].v.key, key);
        if (c == 0)
            return &p->stores.items[mid].v;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

bool program_is_context_record(const program *p, const char *record)
{
    for (size_t k = 0; p && k < p->records.len; k++)
        if (strcmp(p->records.items[k].name, record) == 0)
            return true;
    return false;
}

const fn_summary *program_summary(const program *p, const char *usr)
{
    if (!p || !usr || !p->summaries.len)
        return NULL;
    size_t lo = 0, hi = p->summaries.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(p->summaries.items[mid].s->usr, usr);
        if (c == 0)
            return p->summaries.items[mid].s;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const entry_point *program_entry(const program *p, const char *function)
{
    const entry_point *best = NULL;
    for (size_t k = 0; p && k < p->entries.len; k++) {
        const entry_point *e = &p->entries.items[k].e;
        if (strcmp(e->function, function) != 0)
            continue;
        /* wiring (MajorFunction[...] = f, EvtIo* in a queue config) says more than a role typedef */
        if (!best || (!e->user_reachable && best->user_reachable) || strncmp(e->kind, "IRP_MJ_", 7) == 0 ||
            strncmp(e->kind, "EvtIo", 5) == 0)
            best = e;
    }
    return best;
}

const char *program_ioctl_name(const program *p, uint64_t code)
{
    for (size_t k = 0; p && k < p->ioctl_names.len; k++)
        if (p->ioctl_names.items[k].code == code)
            return p->ioctl_names.items[k].name;
    return NULL;
}

void program_each_seed(const program *p, const char *usr, void (*fn)(const cross_seed *, void *), void *arg)
{
    for (size_t k = 0; p && usr && k < p->seeds.len; k++)
        if (p->seeds.items[k].s->callee_usr && strcmp(p->seeds.items[k].s->callee_usr, usr) == 0)
            fn(p->seeds.items[k].s, arg);
}
