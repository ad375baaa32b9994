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
    bool from_project; /* came from a build file (.vcxproj, sources): beats a plain path */
    size_t project;    /* 1 + index in input_set.projects; 0 for a plain path or a database entry */
} input_unit;

/* What a build file says it builds (docs/inputs.md, "Which code is a driver"). */
typedef enum {
    INPUT_KIND_WDM,         /* DriverType WDM, TARGETTYPE DRIVER/EXPORT_DRIVER/MINIPORT */
    INPUT_KIND_KMDF,        /* DriverType KMDF */
    INPUT_KIND_DRIVER,      /* a kernel-mode driver of no stated model */
    INPUT_KIND_UMDF,        /* a user-mode driver: analysed (it serves other processes' requests) */
    INPUT_KIND_KERNEL_LIB,  /* a static library built with the kernel-mode toolset: analysed */
    INPUT_KIND_APPLICATION, /* skipped unless --all-projects */
    INPUT_KIND_DLL,
    INPUT_KIND_LIBRARY,
    INPUT_KIND_OTHER, /* Utility, Makefile, driver packages: nothing to compile */
} input_kind;

const char *input_kind_name(input_kind k);
bool input_kind_is_driver(input_kind k);

typedef struct input_project {
    char *path;          /* the .vcxproj or sources file, absolute */
    char *configuration; /* the one read, "Release|x64"; NULL for a sources file */
    input_kind kind;
    bool analysed;       /* a driver, or --all-projects */
    size_t nsources;     /* units it compiles (whether analysed or not) */
} input_project;

/* A source found in a scanned folder that is not analysed, and why (printed with -v). */
typedef struct input_skipped {
    char *path;
    char *why;
} input_skipped;

typedef struct input_options {
    const char *configuration; /* "Name|Platform" or "Name"; NULL = Release|x64 */
    bool all_projects;         /* analyse applications and libraries too */
} input_options;

typedef struct input_error {
    char *input;   /* the path as given, or the database file for a malformed entry */
    char *message; /* strerror text or a sentence, without the input */
} input_error;

typedef struct input_set {
    input_unit *units;
    size_t nunits;
    input_error *errors; /* in the order the inputs were added */
    size_t nerrors;
    input_project *projects; /* in the order they were found (path order within a folder) */
    size_t nprojects;
    input_skipped *skipped; /* sources left out: projects not analysed, user-mode files */
    size_t nskipped;
    input_options options;
    const char *const *exclude; /* --exclude globs for directory scans (borrowed) */
    size_t nexclude;
    bool use_gitignore;
} input_set;

void inputs_init(input_set *s);
void inputs_free(input_set *s);
/* Options for the build-file readers; set before inputs_add_path. */
void inputs_set_options(input_set *s, input_options o);

/* A file (taken whatever its suffix; .h is C; a .vcxproj, .sln or sources file is read as a
 * build file) or a directory searched recursively for .c .cpp .cc .cxx (any case), skipping
 * names that start with '.', not following symlinked folders. A folder holding .vcxproj or
 * WDK sources files takes its units and flags from them (docs/inputs.md); its plain sources
 * that include windows.h and no kernel header are user mode and skipped. */
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
