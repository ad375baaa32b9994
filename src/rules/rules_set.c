/* rules_set.c - ownership, order and lookups of a rule set. Lookups are linear: a set holds
 * a hundred-odd entries and is searched once per call site, and a linear search also works
 * on the unsorted sets the loader builds a file at a time. */
#include <stdio.h>
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
void rules_push_file(rules_set *s, const char *file) { PUSH(s->files, s->nfiles, xstrdup(file)); }

static void free_rule(rules_rule *r)
{
    free(r->id);
    free(r->name);
    free(r->short_description);
    free(r->description);
    free(r->help);
    free(r->unsafe_example);
    free(r->constrained_example);
    free(r->message);
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
    free(s->file);
}

void rules_set_free(rules_set *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nrules; i++)
        free_rule(&s->rules[i]);
    for (size_t i = 0; i < s->nsinks; i++)
        free_sink(&s->sinks[i]);
    for (size_t i = 0; i < s->nsources; i++)
        free_source(&s->sources[i]);
    for (size_t i = 0; i < s->nsanitizers; i++) {
        free(s->sanitizers[i].function);
        free(s->sanitizers[i].file);
    }
    for (size_t i = 0; i < s->ndangerous; i++) {
        free(s->dangerous[i].rule);
        free(s->dangerous[i].name);
    }
    for (size_t i = 0; i < s->npropagators; i++)
        free(s->propagators[i].function);
    for (size_t i = 0; i < s->nfiles; i++)
        free(s->files[i]);
    free(s->rules);
    free(s->sinks);
    free(s->sources);
    free(s->sanitizers);
    free(s->dangerous);
    free(s->propagators);
    free(s->files);
    free(s);
}

void rules_merge(rules_set *set, rules_set *add)
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
    for (size_t i = 0; i < add->nfiles; i++)
        PUSH(set->files, set->nfiles, add->files[i]);
    add->nrules = add->nsinks = add->nsources = add->nsanitizers = add->ndangerous = add->npropagators = 0;
    add->nfiles = 0;
}

/* Stable insertion sort: the sets are small, and equal keys (none after the loader's
 * duplicate checks, but a caller may build sets by hand) keep their load order. */
static void stable_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    char *a = base;
    char *tmp = xmalloc(size ? size : 1);
    for (size_t i = 1; i < n; i++) {
        size_t j = i;
        while (j > 0 && cmp(a + (j - 1) * size, a + i * size) > 0)
            j--;
        if (j == i)
            continue;
        memcpy(tmp, a + i * size, size);
        memmove(a + (j + 1) * size, a + j * size, (i - j) * size);
        memcpy(a + j * size, tmp, size);
    }
    free(tmp);
}

static int cmp_int(int a, int b)
{
    return (a > b) - (a < b);
}

static int cmp_rule(const void *a, const void *b)
{
    return strcmp(((const rules_rule *)a)->id, ((const rules_rule *)b)->id);
}

static int cmp_sink(const void *a, const void *b)
{
    return strcmp(((const rules_sink *)a)->function, ((const rules_sink *)b)->function);
}

static int cmp_sink_arg(const void *a, const void *b)
{
    return cmp_int((int)((const rules_sink_arg *)a)->index, (int)((const rules_sink_arg *)b)->index);
}

static int cmp_source(const void *a, const void *b)
{
    const rules_source *x = a, *y = b;
    if (!x->member != !y->member)
        return x->member ? -1 : 1;
    if (x->member)
        return strcmp(x->member, y->member);
    int c = strcmp(x->function, y->function);
    return c ? c : cmp_int(x->arg, y->arg);
}

static int cmp_sanitizer(const void *a, const void *b)
{
    const rules_sanitizer *x = a, *y = b;
    int c = strcmp(x->function, y->function);
    return c ? c : cmp_int(x->arg, y->arg);
}

static int cmp_propagator(const void *a, const void *b)
{
    const rules_propagator *x = a, *y = b;
    int c = strcmp(x->function, y->function);
    if (!c)
        c = cmp_int(x->from, y->from);
    return c ? c : cmp_int(x->to, y->to);
}

void rules_sort(rules_set *s)
{
    stable_sort(s->rules, s->nrules, sizeof *s->rules, cmp_rule);
    stable_sort(s->sinks, s->nsinks, sizeof *s->sinks, cmp_sink);
    for (size_t i = 0; i < s->nsinks; i++)
        stable_sort(s->sinks[i].args, s->sinks[i].nargs, sizeof *s->sinks[i].args, cmp_sink_arg);
    stable_sort(s->sources, s->nsources, sizeof *s->sources, cmp_source);
    stable_sort(s->sanitizers, s->nsanitizers, sizeof *s->sanitizers, cmp_sanitizer);
    stable_sort(s->propagators, s->npropagators, sizeof *s->propagators, cmp_propagator);
    /* dangerous values keep load order: it is their priority as witnesses */
}

const rules_rule *rules_find_rule(const rules_set *s, const char *id)
{
    for (size_t i = 0; i < s->nrules; i++)
        if (s->rules[i].id && strcmp(s->rules[i].id, id) == 0)
            return &s->rules[i];
    return NULL;
}

const rules_rule *rules_find_rule_or_code(const rules_set *s, const char *name)
{
    const rules_rule *r = rules_find_rule(s, name);
    if (r || (name[0] != 'D' && name[0] != 'd') || (name[1] != 'T' && name[1] != 't'))
        return r;
    char *end;
    long code = strtol(name + 2, &end, 10);
    if (end == name + 2 || *end || code < 1 || code > RULES_MAX_CODE)
        return NULL;
    for (size_t i = 0; i < s->nrules; i++)
        if (s->rules[i].code == code)
            return &s->rules[i];
    return NULL;
}

const char *rules_code_text(const rules_rule *r, char *buf)
{
    snprintf(buf, RULES_CODE_SIZE, "DT%04d", r ? r->code : 0);
    return buf;
}

const rules_sink *rules_find_sink(const rules_set *s, const char *function)
{
    for (size_t i = 0; i < s->nsinks; i++)
        if (s->sinks[i].function && strcmp(s->sinks[i].function, function) == 0)
            return &s->sinks[i];
    return NULL;
}

const rules_source *rules_find_source(const rules_set *s, const rules_source *like)
{
    for (size_t i = 0; i < s->nsources; i++) {
        const rules_source *src = &s->sources[i];
        if (like->member && src->member && src->record && like->record && strcmp(src->record, like->record) == 0 &&
            src->nfields == like->nfields) {
            size_t k = 0;
            while (k < src->nfields && strcmp(src->fields[k], like->fields[k]) == 0)
                k++;
            if (k == src->nfields)
                return src;
        }
        if (like->function && src->function && strcmp(src->function, like->function) == 0 && src->arg == like->arg)
            return src;
    }
    return NULL;
}

const rules_sanitizer *rules_find_sanitizer(const rules_set *s, const char *function, int arg)
{
    for (size_t i = 0; i < s->nsanitizers; i++)
        if (s->sanitizers[i].function && strcmp(s->sanitizers[i].function, function) == 0 &&
            s->sanitizers[i].arg == arg)
            return &s->sanitizers[i];
    return NULL;
}

static const char *skip_underscores(const char *s, const char *end)
{
    while (s < end && *s == '_')
        s++;
    return s;
}

/* Does the name [s, end) equal want once both lose their leading underscores? */
static bool same_name(const char *s, const char *end, const char *want)
{
    s = skip_underscores(s, end);
    want = skip_underscores(want, want + strlen(want));
    size_t n = (size_t)(end - s);
    return strlen(want) == n && strncmp(s, want, n) == 0;
}

const rules_source *rules_match_member(const rules_set *s, const char *record, const char *const *fields, size_t n)
{
    if (!record)
        return NULL;
    if (strncmp(record, "struct ", 7) == 0)
        record += 7;
    else if (strncmp(record, "union ", 6) == 0)
        record += 6;
    /* "_IRP::AssociatedIrp": root _IRP, then AssociatedIrp before the given fields */
    const char *parts[16];
    const char *ends[16];
    size_t nparts = 0;
    for (const char *p = record;;) {
        const char *sep = strstr(p, "::");
        if (nparts == 16)
            return NULL;
        parts[nparts] = p;
        ends[nparts] = sep ? sep : p + strlen(p);
        nparts++;
        if (!sep)
            break;
        p = sep + 2;
    }
    size_t total = nparts - 1 + n;
    for (size_t i = 0; i < s->nsources; i++) {
        const rules_source *src = &s->sources[i];
        if (!src->member || src->nfields != total || !same_name(parts[0], ends[0], src->record))
            continue;
        size_t k = 0;
        for (; k < total; k++) {
            bool eq = k + 1 < nparts ? same_name(parts[k + 1], ends[k + 1], src->fields[k])
                                     : strcmp(fields[k - (nparts - 1)], src->fields[k]) == 0;
            if (!eq)
                break;
        }
        if (k == total)
            return src;
    }
    return NULL;
}

const char *const rules_placeholders[] = {"{sink}", "{arg}", "{index}", "{role}", "{rule}", NULL};

const char *rules_placeholder_at(const char *text, size_t *len)
{
    for (size_t i = 0; rules_placeholders[i]; i++) {
        size_t n = strlen(rules_placeholders[i]);
        if (strncmp(text, rules_placeholders[i], n) == 0) {
            *len = n;
            return rules_placeholders[i];
        }
    }
    return NULL;
}

char *rules_format_message(const rules_rule *rule, const char *sink, const char *arg_text, unsigned index,
                           rules_role role)
{
    strbuf sb = {0};
    const char *t = rule->message;
    if (!t) {
        sb_printf(&sb, "%s argument #%u (%s): %s", sink, index, rules_role_name(role), rule->short_description);
        return sb_take(&sb);
    }
    while (*t) {
        size_t n = 0;
        const char *ph = *t == '{' ? rules_placeholder_at(t, &n) : NULL;
        if (!ph) {
            sb_putc(&sb, *t++);
            continue;
        }
        if (strcmp(ph, "{sink}") == 0)
            sb_append(&sb, sink);
        else if (strcmp(ph, "{arg}") == 0 && arg_text)
            sb_append(&sb, arg_text);
        else if (strcmp(ph, "{arg}") == 0 || strcmp(ph, "{index}") == 0)
            sb_printf(&sb, strcmp(ph, "{arg}") == 0 ? "argument #%u" : "%u", index);
        else if (strcmp(ph, "{role}") == 0)
            sb_append(&sb, rules_role_name(role));
        else
            sb_append(&sb, rule->id);
        t += n;
    }
    return sb_take(&sb);
}
