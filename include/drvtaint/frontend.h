/* frontend.h - parse one translation unit with libclang and lower it to drvtaint's AST.
 *
 * This header exports nothing clang-shaped: callers get an ast_tu (see ast.h), which
 * they own and free with ast_tu_free. Only src/frontend includes the libclang C API. */
#ifndef DRVTAINT_FRONTEND_H
#define DRVTAINT_FRONTEND_H

#include <stdbool.h>
#include <stddef.h>

#include "drvtaint/ast.h"

typedef struct fe_options {
    const char *shim_dir;           /* drvtaint's WDK shim; NULL when real WDK headers are given */
    const char *const *wdk_include; /* --wdk-include directories, searched as system headers */
    size_t nwdk_include;
    const char *const *extra_args;  /* -I/-D given on drvtaint's command line */
    size_t nextra_args;
    unsigned max_recovery_passes;   /* reparses allowed to declare unknown names; 0 = none */
    const char *prelude_dir;        /* where this run's precompiled preludes are kept (made with
                                       fe_prelude_dir_new); NULL parses every unit plainly */
} fe_options;

/* A private folder for a run's precompiled preludes (src/frontend/fe_prelude.h): the system headers
 * units include before their own code, parsed once and shared by the threads and processes of the
 * run. NULL when no folder can be made (units are then parsed plainly). fe_prelude_dir_remove
 * deletes it with its files and frees the name. */
char *fe_prelude_dir_new(void);
void fe_prelude_dir_remove(char *dir);

/* One parser per thread: libclang indexes are not shared between threads. */
typedef struct fe_parser fe_parser;
fe_parser *fe_parser_new(const fe_options *opts);
void fe_parser_free(fe_parser *p);

/* Parses path with the unit's own compiler args (from a compile database, may be empty).
 * Never returns NULL: a unit that could not be parsed at all has health.failed set. */
ast_tu *fe_parse(fe_parser *p, const char *path, const char *const *args, size_t nargs, bool is_cxx);

/* What recovery learned about a unit (names it declared, headers it stood in for), so that
 * parsing the same unit again takes one pass. Opaque; owned by the caller. */
typedef struct fe_recovery fe_memo;
void fe_memo_free(fe_memo *m);
/* fe_parse that remembers: with *memo NULL it recovers as usual and stores what it learned in
 * *memo; with *memo set it parses once with that (health then counts only that pass). */
ast_tu *fe_parse_memo(fe_parser *p, const char *path, const char *const *args, size_t nargs, bool is_cxx,
                      fe_memo **memo);

/* Parses once with exactly the arguments fe_parse uses, then discards the result: no recovery,
 * no lowering. The benchmark's parse floor. Returns false when libclang failed. */
bool fe_parse_only(fe_parser *p, const char *path, const char *const *args, size_t nargs, bool is_cxx);

/* "clang version 19.1.7 ..." of the libclang in use; caller frees. */
char *fe_clang_version(void);

#endif
