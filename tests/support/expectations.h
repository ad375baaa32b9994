/* expectations.h - the `// expect: rule[, rule...]` / `// expect: none` comments in samples/. */
#ifndef DRVTAINT_EXPECTATIONS_H
#define DRVTAINT_EXPECTATIONS_H

#include <stddef.h>

typedef struct expectation {
    char *file;     /* path relative to the source root, e.g. samples/wdm/msr.c */
    unsigned line;
    char **rules;   /* sorted; empty for "none" */
    size_t nrules;
    char **todo;    /* known misses: "// expect: none; todo: msr-read" (a correct analysis
                       reports them, drvtaint does not yet; the test fails once it does) */
    size_t ntodo;
} expectation;

typedef struct expectation_set {
    expectation *items;
    size_t len, cap;
    char *error; /* a malformed annotation, or NULL */
} expectation_set;

/* Reads every .c, .cpp and .h file under dir (relative to root) in sorted order. */
void expectations_load(expectation_set *set, const char *root, const char *dir);
void expectations_free(expectation_set *set);

#endif
