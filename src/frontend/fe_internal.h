/* fe_internal.h - shared between the front-end files; the only header that includes libclang. */
#ifndef DRVTAINT_FE_INTERNAL_H
#define DRVTAINT_FE_INTERNAL_H

#include <clang-c/Index.h>

#include "drvtaint/ast.h"

/* State of lowering one translation unit. */
typedef struct fe_lower {
    ast_tu *tu;
    CXTranslationUnit ctu;
    /* file-name interning: clang's file names copied once into the unit arena */
    VEC(struct fe_file { CXFile file; const char *name; const char *text; size_t len; }) files;
    /* USR -> role typedef seen on a non-defining declaration ("DRIVER_DISPATCH Foo;") */
    VEC(struct fe_role { const char *usr; const char *role; }) roles;
    VEC(ast_function *) funcs;
    VEC(ast_global *) globals;
} fe_lower;

/* fe_text.c: locations and source text as the user wrote them */
ast_loc fe_loc(fe_lower *lw, CXSourceLocation loc);
ast_loc fe_cursor_loc(fe_lower *lw, CXCursor c);
const char *fe_cursor_text(fe_lower *lw, CXCursor c);
/* Macro name the user wrote where a call was expanded from a macro, else NULL. */
const char *fe_macro_name_at(fe_lower *lw, CXCursor c, const char *callee);
/* File text for a CXFile (owned by libclang); NULL when unavailable. */
const char *fe_file_text(fe_lower *lw, CXFile f, size_t *len);
const char *fe_copy_string(fe_lower *lw, CXString s); /* copies into the arena and disposes s */

/* fe_type.c */
ast_type fe_type(fe_lower *lw, CXType t);

/* fe_lower.c */
void fe_lower_unit(fe_lower *lw);

/* fe_recover.c: declarations for names the compiler did not know */
typedef struct fe_recovery fe_recovery;
fe_recovery *fe_recovery_new(void);
void fe_recovery_free(fe_recovery *r);
/* Adds a declaration for each unknown name in ctu's diagnostics; returns how many are new. */
unsigned fe_recovery_collect(fe_recovery *r, CXTranslationUnit ctu);
const char *fe_recovery_text(fe_recovery *r, bool is_cxx, size_t *len);
unsigned fe_recovery_count(const fe_recovery *r);
/* Include names that were not found; parsed again as empty files from RECOVERY_MISSING_DIR. */
size_t fe_recovery_missing(const fe_recovery *r, const char *const **names);

/* fe_prelude.c: the PCH of the prelude's lines (fe_prelude_scan), built with args (a header parse) into
 * dir on first use; caller frees the path. NULL when dir is NULL, the list is empty, or it does
 * not build cleanly (then the unit is parsed without one). */
#include "fe_prelude.h"
char *fe_prelude_pch(const char *dir, CXIndex index, const char *const *args, size_t nargs,
                     const fe_prelude_list *headers);

#endif
