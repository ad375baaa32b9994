/* rules_set.c - ownership and lookups of a rule set. Lookups are linear: a set holds tens
 * of entries, and keeping file order makes every listing deterministic. */
#include <stdlib.h>
#include <string.h>

#include "drvtaint/util.h"
#include "rules_internal.h"

#define PUSH(arr, n, x)                                                       \
    do {                                                                      \
        (arr) = xrealloc((arr), ((n) + 1) * sizeof *(arr));                   \
        (arr)[(n)++] = (x);                                                   \
    } while (0)

rules_set *rules_set_new(void)
{
    return xcalloc(1, sizeof(rules_set));
}

void rules_push_rule(rules_set *s, rules_rule r) { PUSH(s->rules, s->nrules, r); }
void rules_push_sink(rules_set *s, rules_sink k) { PUSH(s->sinks, s->nsinks, k); }
void rules_push_source(rules_set *s, rules_source src) { PUSH(s->sources, s->nsources, src); }
void rules_push_sanitizer(rules_set *s, rules_sanitizer san) { PUSH(s->sanitizers, s->nsanitizers, san); }
void rules_push_dangerous(rules_set *s, rules_dangerous d) { PUSH(s->dangerous, s->ndangerous, d); }
void rules_push_propagator(rules_set *s, rules_propagator p) { PUSH(s->propagators, s->npropagators, p); }

static void free_rule(rules_rule *r)
{
    free(r->id);
    free(r->name);
    free(r->short_description);
    free(r->description);
    free(r->help);
    free(r->unsafe_example);
    free(r->constrained_example);
    free(r->precision);
    free(r->cwe);
    for (size_t i = 0; i < r->ntags; i++)
        free(r->tags[i]);
    free(r->tags);
    free(r->file);
}

static void free_sink(rules_sink *k)
{
    free(k->function);
    free(k->rule);
    for (size_t i = 0; i < k->nargs; i++)
        free(k->args[i].rule);
    free(k->args);
    free(k->file);
}

static void free_source(rules_source *s)
{
    free(s->member);
    free(s->record);
    for (size_t i = 0; i < s->nfields; i++)
        free(s->fields[i]);
    free(s->fields);
    free(s->function);
}

rules_mark rules_mark_of(const rules_set *s)
{
    return (rules_mark){s->nrules, s->nsinks, s->nsources, s->nsanitizers, s->ndangerous, s->npropagators, s->nfiles};
}

void rules_rollback(rules_set *s, rules_mark m)
{
    while (s->nrules > m.nrules)
        free_rule(&s->rules[--s->nrules]);
    while (s->nsinks > m.nsinks)
        free_sink(&s->sinks[--s->nsinks]);
    while (s->nsources > m.nsources)
        free_source(&s->sources[--s->nsources]);
    while (s->nsanitizers > m.nsanitizers)
        free(s->sanitizers[--s->nsanitizers].function);
    while (s->ndangerous > m.ndangerous) {
        --s->ndangerous;
        free(s->dangerous[s->ndangerous].rule);
        free(s->dangerous[s->ndangerous].name);
    }
    while (s->npropagators > m.npropagators)
        free(s->propagators[--s->npropagators].function);
    while (s->nfiles > m.nfiles)
        free(s->files[--s->nfiles]);
}

void rules_set_free(rules_set *s)
{
    if (!s)
        return;
    rules_rollback(s, (rules_mark){0});
    free(s->rules);
    free(s->sinks);
    free(s->sources);
    free(s->sanitizers);
    free(s->dangerous);
    free(s->propagators);
    free(s->files);
    free(s);
}

void rules_merge(rules_set *set, rules_set *add, const char *file)
{
    for (size_t i = 0; i < add->nrules; i++)
        rules_push_rule(set, add->rules[i]);
    for (size_t i = 0; i < add->nsinks; i++)
        rules_push_sink(set, add->sinks[i]);
    for (size_t i = 0; i < add->nsources; i++)
        rules_push_source(set, add->sources[i]);
    for (size_t i = 0; i < add->nsanitizers; i++)
        rules_push_sanitizer(set, add->sanitizers[i]);
    for (size_t i = 0; i < add->ndangerous; i++)
        rules_push_dangerous(set, add->dangerous[i]);
    for (size_t i = 0; i < add->npropagators; i++)
        rules_push_propagator(set, add->propagators[i]);
    add->nrules = add->nsinks = add->nsources = add->nsanitizers = add->ndangerous = add->npropagators = 0;
    PUSH(set->files, set->nfiles, xstrdup(file));
}

const rules_rule *rules_find_rule(const rules_set *s, const char *id)
{
    for (size_t i = 0; i < s->nrules; i++)
        if (s->rules[i].id && strcmp(s->rules[i].id, id) == 0)
            return &s->rules[i];
    return NULL;
}

const rules_sink *rules_find_sink(const rules_set *s, const char *function)
{
    for (size_t i = 0; i < s->nsinks; i++)
        if (s->sinks[i].function && strcmp(s->sinks[i].function, function) == 0)
            return &s->sinks[i];
    return NULL;
}

const rules_source *rules_match_member(const rules_set *s, const char *record, const char *const *fields, size_t n)
{
    if (!record)
        return NULL;
    while (*record == '_')
        record++;
    for (size_t i = 0; i < s->nsources; i++) {
        const rules_source *src = &s->sources[i];
        if (!src->member || src->nfields != n || strcmp(src->record, record) != 0)
            continue;
        size_t k = 0;
        while (k < n && strcmp(src->fields[k], fields[k]) == 0)
            k++;
        if (k == n)
            return src;
    }
    return NULL;
}
