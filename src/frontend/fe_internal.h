/* fe_internal.h - shared between the front-end files; the only header that includes libclang. */
#ifndef DRVTAINT_FE_INTERNAL_H
#define DRVTAINT_FE_INTERNAL_H

#include <clang-c/Index.h>

#include "drvtaint/ast.h"

/* Files libclang is handed that are not on disk: recovery's declarations (forced in first) and
 * the folder searched last, where stand-ins for <headers> that were not found live. */
#define RECOVERY_HEADER "/__drvtaint__/recovery.h"
#define RECOVERY_MISSING_DIR "/__drvtaint__/missing"

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
    /* fe_type's answers by CXType (open addressing): a unit asks of the same few types for
       every expression, and each answer costs several libclang calls and a spelling copy */
    struct fe_type_slot { enum CXTypeKind kind; const void *qual, *tu; ast_type t; } *types;
    size_t ntypes, types_cap;
    /* fe_decl_usr's answers by declaration (fe_decl.c) */
    struct fe_decl_slot { enum CXCursorKind kind; const void *decl; const char *usr; } *decls;
    size_t ndecls, decls_cap;
    unsigned lost_labels; /* case labels put back by fe_restore_lost_cases */
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
void fe_type_cache_free(fe_lower *lw);

/* fe_decl.c: clang_getCursorUSR of a declaration, copied into the arena once per declaration */
const char *fe_decl_usr(fe_lower *lw, CXCursor decl);
/* The slot hash of the per-unit caches (fe_type.c, fe_decl.c): a libclang kind and clang's pointer. */
static inline size_t fe_cache_hash(int kind, const void *key)
{
    uint64_t h = (uint64_t)(uintptr_t)key * 0x9e3779b97f4a7c15ULL ^ (uint64_t)kind;
    return (size_t)(h ^ (h >> 29));
}
void fe_decl_cache_free(fe_lower *lw);

/* fe_cases.c: puts back the `case NAME:` labels of a switch body (cursor body, lowered blk) that
   clang dropped because NAME did not evaluate, as cases with a placeholder value */
void fe_restore_lost_cases(fe_lower *lw, CXCursor body, ast_stmt *blk);

/* fe_lower.c */
void fe_lower_unit(fe_lower *lw);

/* fe_recover.c: declarations for names the compiler did not know */
typedef struct fe_recovery fe_recovery;
fe_recovery *fe_recovery_new(void);
void fe_recovery_free(fe_recovery *r);
typedef struct fe_includes fe_includes;
typedef struct fe_found {
    ast_include_how how; /* WINDOWS or REPO with path; AMBIGUOUS with detail; else MISSING */
    char *path, *detail; /* owned by the caller */
} fe_found;
/* What settling a missing include needs: the resolver (NULL: stand in only), the unit's search
 * path, and the folder angled stand-ins go to (searched last). */
typedef struct fe_settle {
    fe_includes *includes;
    const char *const *dirs;
    size_t ndirs;
    bool is_cxx;
    const char *missing_dir;
} fe_settle;
/* A file handed to libclang in place of one on disk: a stand-in or a redirect to the real one. */
typedef struct fe_vfile {
    char *path, *text;
} fe_vfile;
/* Settles each include clang could not open (a redirect to the file Windows rules or the
 * repository find, else a stand-in) and, when no real header turned up, adds a declaration for
 * each unknown name in ctu's diagnostics; returns how many are new. */
unsigned fe_recovery_collect(fe_recovery *r, CXTranslationUnit ctu, const fe_settle *how);
const char *fe_recovery_text(fe_recovery *r, bool is_cxx, size_t *len);
unsigned fe_recovery_count(const fe_recovery *r);
/* A redirect (or, for found->how WPP, a trace-header stand-in) settled before parsing
 * (fe_includes_prescan); takes found's strings. */
void fe_recovery_redirect(fe_recovery *r, const char *spelled, bool angled, const char *from, fe_found *found,
                          const fe_settle *how);
/* Files to hand libclang as unsaved files, and how each include was settled. */
size_t fe_recovery_files(const fe_recovery *r, const fe_vfile **files);
size_t fe_recovery_notes(const fe_recovery *r, const ast_include_note **notes);

/* fe_include.c: headers found by Windows rules and by repository search. One per parser. */
/* search_root: the repository when no ancestor holds .git (may be NULL); exclude: --exclude globs
 * the repository search skips (borrowed). */
fe_includes *fe_includes_new(const char *search_root, const char *const *exclude, size_t nexclude);
void fe_includes_free(fe_includes *c);
/* Settles an include clang could not open: spelled as written, from the including file, dirs the
 * unit's search path. Returns whether out->path names a file to use. */
bool fe_includes_resolve(fe_includes *c, const char *spelled, bool angled, const char *from,
                         const char *const *dirs, size_t ndirs, fe_found *out);
/* Reads the #include lines of unit and of the repository headers it reaches (conditions
 * ignored) and calls fn for each that clang would not open as written but Windows rules or the
 * repository search find, and for each missing WPP *.tmh (found->how WPP); fn takes found's
 * strings. So the first parse already reads them. */
typedef void (*fe_redirect_fn)(void *ctx, const char *spelled, bool angled, const char *from, fe_found *found);
void fe_includes_prescan(fe_includes *c, const char *unit, const char *const *dirs, size_t ndirs,
                         fe_redirect_fn fn, void *ctx);
/* Does dir/rel exist with exactly that spelling (cached listings)? */
bool fe_includes_exists(fe_includes *c, const char *dir, const char *rel);
/* The cached listing of dir: how many entries, and the i-th (sorted by lower-cased name). */
size_t fe_includes_count(fe_includes *c, const char *dir);
const char *fe_includes_entry(fe_includes *c, const char *dir, size_t i, bool *is_dir);
/* Does dir hold .git, or is it the search root? */
bool fe_includes_is_repo_root(fe_includes *c, const char *dir);
/* Trace function declarations for a missing WPP *.tmh, read from the begin_wpp config blocks of
 * headers near from (its folder and ancestors up to the repository) or in dirs. Returns the
 * declarations (caller frees) and sets *source to the header read (caller frees; NULL if none). */
char *fe_wpp_declarations(fe_includes *c, const char *from, const char *const *dirs, size_t ndirs, bool is_cxx,
                          char **source);
char *fe_include_normalize(const char *spelled); /* '\' -> '/'; caller frees */

/* fe_parse.c: diagnostics of error severity or worse in ctu. */
unsigned fe_count_errors(CXTranslationUnit ctu);

/* fe_prelude.c: the PCH of the prelude's lines (fe_prelude_scan), built with args (a header parse) into
 * dir on first use; caller frees the path. NULL when dir is NULL, the list is empty, or it does
 * not build cleanly (then the unit is parsed without one). */
#include "fe_prelude.h"
char *fe_prelude_pch(const char *dir, CXIndex index, const char *const *args, size_t nargs,
                     const fe_prelude_list *headers);

#endif
