/* rules_internal.h - building and merging rule sets (loader only). */
#ifndef DRVTAINT_RULES_INTERNAL_H
#define DRVTAINT_RULES_INTERNAL_H

#include "drvtaint/rules.h"

void rules_push_rule(rules_set *s, rules_rule r);
void rules_push_sink(rules_set *s, rules_sink k);
void rules_push_source(rules_set *s, rules_source src);
void rules_push_sanitizer(rules_set *s, rules_sanitizer san);
void rules_push_dangerous(rules_set *s, rules_dangerous d);
void rules_push_propagator(rules_set *s, rules_propagator p);
/* Moves everything of add into set (add is left empty) and records file as loaded. */
void rules_merge(rules_set *set, rules_set *add, const char *file);

typedef struct rules_mark {
    size_t nrules, nsinks, nsources, nsanitizers, ndangerous, npropagators, nfiles;
} rules_mark;
rules_mark rules_mark_of(const rules_set *s);
/* Frees what was added after mark. */
void rules_rollback(rules_set *s, rules_mark mark);

#endif
