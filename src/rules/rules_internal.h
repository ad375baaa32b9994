/* rules_internal.h - building, merging and sorting rule sets (loader only). */
#ifndef DRVTAINT_RULES_INTERNAL_H
#define DRVTAINT_RULES_INTERNAL_H

#include "drvtaint/rules.h"

void rules_push_rule(rules_set *s, rules_rule r);
void rules_push_sink(rules_set *s, rules_sink k);
void rules_push_source(rules_set *s, rules_source src);
void rules_push_sanitizer(rules_set *s, rules_sanitizer san);
void rules_push_dangerous(rules_set *s, rules_dangerous d);
void rules_push_propagator(rules_set *s, rules_propagator p);
void rules_push_file(rules_set *s, const char *file);
/* Moves every entry and file name of add to the end of set; add is left empty. */
void rules_merge(rules_set *set, rules_set *add);
/* Puts the arrays in the documented order (see rules.h). */
void rules_sort(rules_set *set);

/* Lookups used while loading, on sets that are not sorted yet. */
const rules_source *rules_find_source(const rules_set *s, const rules_source *like);
const rules_sanitizer *rules_find_sanitizer(const rules_set *s, const char *function, int arg);

/* The placeholder at text (which starts with '{'), or NULL when it is not one we know. */
const char *rules_placeholder_at(const char *text, size_t *len);
extern const char *const rules_placeholders[];

#endif
