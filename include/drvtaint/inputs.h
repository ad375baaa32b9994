/* inputs.h - what to analyse: command-line paths and compile databases become translation
 * units with the compiler arguments that matter to a parse.
 *
 * An input_set owns every string in it; inputs_free releases them. A path that cannot be
 * used becomes an input_error and the run goes on with the others. */
#ifndef DRVTAINT_INPUTS_H
#define DRVTAINT_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct input_unit {
    char *path;      /* absolute, normalised */
    char *directory; /* working directory of its compile command, or NULL */
    char **args;     /* parse-relevant flags: -I -isystem -D -U -include -std -x */
    size_t nargs;
    bool is_cxx;
    bool from_compdb;
} input_unit;

typedef struct input_error {
    char *input;
    char *message;
} input_error;

typedef struct input_set {
    input_unit *units;
    size_t nunits;
    input_error *errors;
    size_t nerrors;
} input_set;

void inputs_init(input_set *s);
void inputs_free(input_set *s);
/* A file (taken whatever its suffix) or a directory searched for .c .cpp .cc .cxx (any case). */
void inputs_add_path(input_set *s, const char *path);
/* -p DIR (DIR/compile_commands.json) or -p FILE. Returns -1 with *err for an unreadable or
 * malformed database; a bad entry becomes an input_error. */
int inputs_load_compdb(input_set *s, const char *dir_or_file, char **err);
/* Sorts units by path and drops duplicates (a compile-database entry wins). */
void inputs_finish(input_set *s);

/* Splits a shell command line (quotes, backslashes) into words; for tests and the reader. */
char **inputs_split_command(const char *cmd, size_t *n);

#endif
