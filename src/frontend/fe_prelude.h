/* fe_prelude.h - a precompiled prelude of the system headers units include first (front end only).
 *
 * Every unit parses the WDK headers (the shim or real ones) before its own code, often two or three
 * times with recovery. The prelude precompiles, once per run, exactly the system headers a unit
 * includes before any code of its own, for units with the same parse arguments, and the unit is
 * parsed with -include-pch. A unit whose start does not fit (a #define before <ntddk.h>, a header
 * that is not found) is parsed plainly. docs/performance.md has the figures. */
#ifndef DRVTAINT_FE_PRELUDE_H
#define DRVTAINT_FE_PRELUDE_H

#include <stdbool.h>
#include <stddef.h>

#include "drvtaint/util.h"

typedef VEC(char *) fe_prelude_list;

/* fe_prelude_scan.c: the lines that make the unit's start ("#include <ntddk.h>", "#define INITGUID")
 * before any code of its own, following its local headers; appended to out (caller frees with
 * fe_prelude_list_free). Empty when the unit starts with anything else. */
void fe_prelude_scan(const char *path, const char *const *user_dirs, size_t nuser, const char *const *system_dirs,
                     size_t nsystem, fe_prelude_list *out);
void fe_prelude_list_free(fe_prelude_list *l);

#endif
