/* inputs_msbuild_expr.h - MSBuild property expansion and conditions, as far as driver
 * projects use them. A property nobody defined (the WDK's $(DDK_INC_PATH), $(WindowsSdkDir),
 * property functions, registry reads) expands to MB_UNDEFINED, so a list element built on
 * one can be told apart and dropped: the WDK shim stands in for what it named.
 * Ownership: an mb_props owns its names and values; expansions are the caller's. */
#ifndef DRVTAINT_INPUTS_MSBUILD_EXPR_H
#define DRVTAINT_INPUTS_MSBUILD_EXPR_H

#include <stdbool.h>
#include <stddef.h>

#define MB_UNDEFINED '\x01'

typedef struct mb_prop {
    char *name;
    char *value;
    bool global; /* Configuration, Platform, ...: a project's own assignment is ignored */
} mb_prop;

typedef struct mb_props {
    mb_prop *items;
    size_t len;
} mb_props;

void mb_props_free(mb_props *p);
const char *mb_get(const mb_props *p, const char *name); /* case-insensitive; NULL if unset */
void mb_set(mb_props *p, const char *name, const char *value);
void mb_set_global(mb_props *p, const char *name, const char *value);

/* Expands $(Name) from props and %(Name) from meta (may be NULL: expands to nothing).
 * Caller frees. */
char *mb_expand(const char *text, const mb_props *props, const mb_props *meta);

/* Evaluates a Condition (NULL or empty is true) in the folder base (for Exists). An
 * expression it cannot read is false, so nothing is taken from a branch it did not follow. */
bool mb_condition(const char *cond, const mb_props *props, const char *base);

/* Splits an expanded list on ';', trims white space, drops empty elements and any that used
 * an undefined property. Caller frees with inputs_free_words. */
char **mb_split_list(const char *expanded, size_t *n);

#endif
