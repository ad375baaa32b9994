/* inventory.h - every call to a rule sink in a unit: the auditor's list of privileged operations.
 *
 * Entries are on the heap and outlive the unit's AST; inventory_free releases them. */
#ifndef DRVTAINT_INVENTORY_H
#define DRVTAINT_INVENTORY_H

#include <stddef.h>
#include <stdint.h>

#include "drvtaint/ast.h"
#include "drvtaint/rules.h"

typedef struct inventory_arg {
    unsigned index;
    const char *role; /* rule role name (static string) */
    char *text;       /* the argument as written */
} inventory_arg;

typedef struct inventory_ioctl {
    uint64_t code; /* 0 when unknown (the macro's #define is in a header drvtaint does not have) */
    char *name; /* the macro, or NULL */
} inventory_ioctl;

typedef struct inventory_entry {
    char *file;
    unsigned line, col;
    char *function; /* enclosing function */
    char *sink;     /* the function called (memcpy for RtlCopyMemory) */
    char *written;  /* the macro the user wrote, when the call came from one; else NULL */
    char *rule;     /* rule id of the sink */
    inventory_arg *args;
    size_t nargs;
    /* filled by audit_annotate_inventory (audit.h); empty otherwise */
    inventory_ioctl *ioctls; /* IOCTL codes whose branch reaches the call, by code */
    size_t nioctls;
    char **entries;          /* entry points that reach it, by name */
    size_t nentries;
} inventory_entry;

typedef struct inventory {
    inventory_entry *items;
    size_t len, cap;
} inventory;

/* Appends the sink calls of every function of tu. */
void inventory_collect(inventory *inv, const ast_tu *tu, const rules_set *rules);
/* Appends src's entries to dst and leaves src empty. */
void inventory_move(inventory *dst, inventory *src);
/* Sorts by file, line, column, sink and drops duplicates (a header's inline function seen
 * from two units). */
void inventory_finish(inventory *inv);
void inventory_free(inventory *inv);

#endif
