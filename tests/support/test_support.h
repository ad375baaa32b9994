/* test_support.h - helpers shared by the CMocka tests. */
#ifndef DRVTAINT_TEST_SUPPORT_H
#define DRVTAINT_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* Writes text to a new file in a fresh temporary directory; returns its path (free it). */
char *ts_write_temp(const char *name, const char *text);
/* Runs a shell command, returns its exit status and its stdout (free it); stderr to *err if err. */
int ts_run(const char *cmd, char **out, char **err);
/* Path under the source tree (free it). */
char *ts_source_path(const char *rel);

#endif
