/* inputs.h - what to analyse: command-line paths and compile databases become translation
 * units with the compiler arguments that matter to a parse.
 *
 * Ownership: an input_set owns every unit, error and string in it; inputs_free releases them
 * all. Words returned by inputs_split_command belong to the caller (inputs_free_words).
 * A path or database entry that cannot be used becomes an input_error and the other inputs
 * are still used; only an unreadable or malformed database is fatal (inputs_load_compdb). */
#ifndef DRVTAINT_INPUTS_H
#define DRVTAINT_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct input_unit {
    char *path;      /* absolute, symbolic links resolved */
    char *directory; /* absolute working directory of the compile command (the process's for a path
                        argument); args never depend on it, they are already absolute */
    char **args;     /* parse-relevant flags only (docs/inputs.md); never NULL */
    size_t nargs;
    bool is_cxx;      /* -x c++, /TP, /Tp, else the suffix (.cpp .cc .cxx .hpp .hh .hxx, any case) */
    bool from_compdb; /* came from a compile database: beats a plain path naming the same file */
} input_unit;

typedef struct input_error {
    char *input;   /* the path as given, or the database file for a malformed entry */
    char *message; /* strerror text or a sentence, without the input */
} input_error;

typedef struct input_set {
    input_unit *units;
    size_t nunits;
    input_error *errors; /* in the order the inputs were added */
    size_t nerrors;
    const char *const *exclude; /* --exclude globs for directory scans (borrowed) */
    size_t nexclude;
    bool use_gitignore;
} input_set;

void inputs_init(input_set *s);
void inputs_free(input_set *s);

/* A file (taken whatever its suffix; .h is C) or a directory searched recursively for .c .cpp
 * .cc .cxx (any case), skipping names that start with '.', not following symlinked folders. */
void inputs_add_path(input_set *s, const char *path);

/* Directory scans leave out paths matching an --exclude glob and, unless told not to, what
 * .gitignore files say (inputs_ignore.c lists the syntax). Set before inputs_add_path; the
 * strings are borrowed. */
void inputs_set_exclude(input_set *s, const char *const *globs, size_t n, bool use_gitignore);

/* Does a glob match rel (a '/'-separated path below a scan root) or, for a glob without '/',
 * its last name? A glob ending in '/' matches folders only. */
bool inputs_path_excluded(const char *rel, bool is_dir, const char *const *globs, size_t n);

/* .gitignore rules met on the way down a tree: read a folder's file on entering it, pop back
 * to the mark on leaving it. Paths are absolute (or all relative to the same folder). */
typedef struct inputs_gitignore inputs_gitignore;
inputs_gitignore *inputs_gitignore_new(void);
void inputs_gitignore_free(inputs_gitignore *g);
void inputs_gitignore_read(inputs_gitignore *g, const char *dir);
size_t inputs_gitignore_mark(const inputs_gitignore *g);
void inputs_gitignore_pop(inputs_gitignore *g, size_t mark);
bool inputs_gitignore_ignored(const inputs_gitignore *g, const char *path, bool is_dir);

/* -p DIR (DIR/compile_commands.json) or -p FILE. Returns 0, or -1 with *err (caller frees) for
 * an unreadable database, invalid JSON ("FILE:LINE:COL: ...") or a top level that is not an
 * array; nothing is added then. A bad entry becomes an input_error naming its index. */
int inputs_load_compdb(input_set *s, const char *dir_or_file, char **err);

/* Sorts units by path and drops duplicates: a compile-database entry beats a plain path, else
 * the first one added wins. Output never depends on readdir or database order otherwise. */
void inputs_finish(input_set *s);

/* Splits a command line into words: cl.exe rules (CommandLineToArgvW) when the program is a
 * Windows path or an .exe, else POSIX shell rules (quotes, backslash escapes). Never NULL. */
char **inputs_split_command(const char *cmd, size_t *n);
void inputs_free_words(char **words, size_t n);

/* Fills u->args and u->is_cxx from a compiler command (argv[0] is the compiler) using
 * u->path and u->directory, which must be set; replaces any previous args. */
void inputs_unit_set_args(input_unit *u, const char *const *argv, size_t argc);

#endif
