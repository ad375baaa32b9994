/* fe_parse.c - parse a unit as a Windows x64 kernel-mode build, recover, lower. */
#include "drvtaint/frontend.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fe_internal.h"


struct fe_parser {
    fe_options opts;
    CXIndex index;
    fe_includes *includes; /* directory listings and repository indexes, kept across units */
};

fe_parser *fe_parser_new(const fe_options *opts)
{
    fe_parser *p = xcalloc(1, sizeof *p);
    p->opts = *opts;
    /* declarations from a precompiled prelude are system headers: lowering never visits them */
    p->index = clang_createIndex(1, 0);
    p->includes = fe_includes_new(opts->search_root, opts->exclude, opts->nexclude);
    return p;
}

void fe_parser_free(fe_parser *p)
{
    if (!p)
        return;
    clang_disposeIndex(p->index);
    fe_includes_free(p->includes);
    free(p);
}

char *fe_clang_version(void)
{
    CXString s = clang_getClangVersion();
    char *v = xstrdup(clang_getCString(s));
    clang_disposeString(s);
    return v;
}

/* Kernel-mode x64 as the WDK's msbuild sets it up. Errors that clang makes fatal by
 * default but MSVC accepts (implicit declarations, int/pointer mixes) are downgraded so
 * old driver code keeps its bodies. */
static const char *const base_args[] = {
    "-target", "x86_64-pc-windows-msvc19.29.30133",
    "-fms-extensions", "-fms-compatibility", "-fms-compatibility-version=19.29",
    "-D_AMD64_", "-D_WIN64", "-D_M_AMD64", "-D_M_X64", "-DAMD64", "-D_KERNEL_MODE=1",
    "-DNTDDI_VERSION=0x0A000000", "-D_WIN32_WINNT=0x0A00", "-DWINVER=0x0A00", "-DPOOL_NX_OPTIN=1",
    "-w", "-ferror-limit=0",
    "-Wno-implicit-function-declaration", "-Wno-implicit-int", "-Wno-int-conversion",
    "-Wno-incompatible-pointer-types", "-Wno-incompatible-function-pointer-types",
    "-Wno-return-type", "-Wno-int-to-pointer-cast", "-Wno-invalid-token-paste",
};

/* Do the unit's own flags point at real WDK headers? Then the shim stays out. A flag that
 * points at the shim itself (a database made with drvtaint's headers) does not count. */
static bool args_have_wdk(const char *shim_dir, const char *const *args, size_t nargs)
{
    char shim_real[4096];
    bool have_shim = shim_dir && realpath(shim_dir, shim_real);
    for (size_t i = 0; i < nargs; i++) {
        const char *dir = NULL;
        if (strncmp(args[i], "-I", 2) == 0 || strncmp(args[i], "-isystem", 8) == 0) {
            size_t skip = args[i][1] == 'I' ? 2 : 8;
            dir = args[i][skip] ? args[i] + skip : (i + 1 < nargs ? args[i + 1] : NULL);
        }
        if (!dir)
            continue;
        char dir_real[4096];
        if (have_shim && realpath(dir, dir_real) && strcmp(dir_real, shim_real) == 0)
            continue;
        char *probe = xasprintf("%s/wdm.h", dir);
        bool found = access(probe, R_OK) == 0;
        free(probe);
        if (found)
            return true;
    }
    return false;
}

typedef VEC(const char *) arg_vec;

/* The arguments of a unit's parse, or (prelude) of its precompiled prelude: the same, as a header,
 * without the recovery declarations, which change from pass to pass. */
typedef enum { ARGS_UNIT, ARGS_PRELUDE } args_mode;

static void build_args(const fe_parser *p, arg_vec *v, const char *const *args, size_t nargs, bool is_cxx,
                       args_mode mode, char ***owned, size_t *nowned)
{
    for (size_t i = 0; i < sizeof base_args / sizeof base_args[0]; i++)
        VEC_PUSH(v, base_args[i]);
    if (DRVTAINT_CLANG_RESOURCE_DIR[0] && access(DRVTAINT_CLANG_RESOURCE_DIR, R_OK) == 0) {
        VEC_PUSH(v, "-resource-dir");
        VEC_PUSH(v, DRVTAINT_CLANG_RESOURCE_DIR);
    }
    VEC_PUSH(v, "-x");
    if (mode == ARGS_PRELUDE)
        VEC_PUSH(v, is_cxx ? "c++-header" : "c-header");
    else
        VEC_PUSH(v, is_cxx ? "c++" : "c");
    VEC_PUSH(v, is_cxx ? "-std=c++17" : "-std=gnu17");
    *owned = xcalloc(p->opts.nwdk_include + 1, sizeof(char *));
    *nowned = 0;
    for (size_t i = 0; i < p->opts.nwdk_include; i++) {
        VEC_PUSH(v, "-isystem");
        VEC_PUSH(v, p->opts.wdk_include[i]);
    }
    if (p->opts.shim_dir && p->opts.nwdk_include == 0 && !args_have_wdk(p->opts.shim_dir, args, nargs)) {
        char *a = xasprintf("-isystem%s", p->opts.shim_dir);
        (*owned)[(*nowned)++] = a;
        VEC_PUSH(v, a);
    }
    if (mode == ARGS_UNIT) {
        VEC_PUSH(v, "-include");
        VEC_PUSH(v, RECOVERY_HEADER);
    }
    VEC_PUSH(v, "-idirafter"); /* searched last: stands in for headers we do not have */
    VEC_PUSH(v, RECOVERY_MISSING_DIR);
    for (size_t i = 0; i < nargs; i++)
        VEC_PUSH(v, args[i]);
    for (size_t i = 0; i < p->opts.nextra_args; i++)
        VEC_PUSH(v, p->opts.extra_args[i]);
}

/* The unit's include search path as the arguments give it (not drvtaint's own folders). */
static void include_dirs(const arg_vec *v, arg_vec *dirs)
{
    static const char *const flags[] = {"-I", "-isystem", "-iquote", "-idirafter"};
    for (size_t i = 0; i < v->len; i++)
        for (size_t f = 0; f < sizeof flags / sizeof flags[0]; f++) {
            size_t n = strlen(flags[f]);
            if (strncmp(v->items[i], flags[f], n) != 0)
                continue;
            const char *dir = v->items[i][n] ? v->items[i] + n : (i + 1 < v->len ? v->items[i + 1] : NULL);
            if (dir && strncmp(dir, "/__drvtaint__", 13) != 0)
                VEC_PUSH(dirs, dir);
            break;
        }
    /* clang's own headers (stdint.h, stdarg.h) are found there before any stand-in */
    static const char resource_include[] = DRVTAINT_CLANG_RESOURCE_DIR "/include";
    if (DRVTAINT_CLANG_RESOURCE_DIR[0])
        VEC_PUSH(dirs, resource_include);
}

typedef struct prescan_ctx {
    fe_recovery *rec;
    const fe_settle *settle;
} prescan_ctx;

static void prescan_found(void *ctx, const char *spelled, bool angled, const char *from, fe_found *found)
{
    prescan_ctx *pc = ctx;
    fe_recovery_redirect(pc->rec, spelled, angled, from, found, pc->settle);
}

static int note_cmp(const void *a, const void *b)
{
    const ast_include_note *x = a, *y = b;
    int c = strcmp(x->from, y->from);
    return c ? c : strcmp(x->spelled, y->spelled);
}

/* Copies how the unit's includes were settled into the unit, sorted; counts the lost ones. A
 * redirect the pre-scan made for a file the parse never read (its #include was in a branch not
 * taken) says nothing about the unit and is left out. */
static void record_includes(ast_tu *tu, const fe_recovery *rec, CXTranslationUnit ctu)
{
    const ast_include_note *notes;
    size_t n = fe_recovery_notes(rec, &notes);
    const fe_vfile *files;
    fe_recovery_files(rec, &files);
    tu->includes = arena_alloc(tu->arena, (n ? n : 1) * sizeof *tu->includes);
    tu->nincludes = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        CXFile f = ctu ? clang_getFile(ctu, files[i].path) : NULL;
        if (ctu && (!f || !clang_getFileContents(ctu, f, &len)))
            continue;
        ast_include_note c = notes[i];
        c.spelled = arena_strdup(tu->arena, c.spelled);
        c.from = arena_strdup(tu->arena, c.from);
        c.path = c.path ? arena_strdup(tu->arena, c.path) : NULL;
        c.detail = c.detail ? arena_strdup(tu->arena, c.detail) : NULL;
        tu->includes[tu->nincludes++] = c;
        if (c.how == AST_INC_MISSING || c.how == AST_INC_AMBIGUOUS)
            tu->health.headers_missing++;
    }
    if (tu->nincludes > 1)
        qsort(tu->includes, tu->nincludes, sizeof *tu->includes, note_cmp);
}

/* Folders of -I (the project's) and -isystem (system headers) in a parse's arguments. */
static void search_dirs(const arg_vec *v, arg_vec *user, arg_vec *sys)
{
    for (size_t i = 0; i < v->len; i++) {
        const char *a = v->items[i];
        arg_vec *to = NULL;
        size_t skip = 0;
        if (strncmp(a, "-I", 2) == 0)
            to = user, skip = 2;
        else if (strncmp(a, "-iquote", 7) == 0)
            to = user, skip = 7;
        else if (strncmp(a, "-isystem", 8) == 0)
            to = sys, skip = 8;
        if (!to)
            continue;
        const char *dir = a[skip] ? a + skip : (i + 1 < v->len ? v->items[++i] : NULL);
        if (dir)
            VEC_PUSH(to, dir);
    }
}

/* The precompiled prelude for this unit, or NULL: parse it plainly. */
static char *prelude_for(fe_parser *p, const char *path, const char *const *args, size_t nargs, bool is_cxx)
{
    if (!p->opts.prelude_dir)
        return NULL;
    arg_vec v = {0}, user = {0}, sys = {0};
    char **owned;
    size_t nowned;
    build_args(p, &v, args, nargs, is_cxx, ARGS_PRELUDE, &owned, &nowned);
    search_dirs(&v, &user, &sys);
    fe_prelude_list headers = {0};
    fe_prelude_scan(path, user.items, user.len, sys.items, sys.len, &headers);
    char *pch = fe_prelude_pch(p->opts.prelude_dir, p->index, v.items, v.len, &headers);

    fe_prelude_list_free(&headers);
    for (size_t i = 0; i < nowned; i++)
        free(owned[i]);
    free(owned);
    free(v.items);
    free(user.items);
    free(sys.items);
    return pch;
}

unsigned fe_count_errors(CXTranslationUnit ctu)
{
    unsigned errors = 0, n = clang_getNumDiagnostics(ctu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(ctu, i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error)
            errors++;
        clang_disposeDiagnostic(d);
    }
    return errors;
}

static const char *enclosing_function(ast_tu *tu, ast_loc loc)
{
    for (size_t i = 0; i < tu->nfuncs; i++) {
        ast_function *fn = tu->funcs[i];
        if (fn->loc.file && loc.file && strcmp(fn->loc.file, loc.file) == 0 && loc.line >= fn->loc.line &&
            loc.line <= fn->end.line) {
            fn->nerrors++;
            return fn->name;
        }
    }
    return NULL;
}

static void record_diagnostics(fe_lower *lw)
{
    ast_tu *tu = lw->tu;
    unsigned n = clang_getNumDiagnostics(lw->ctu);
    VEC(ast_diag) diags = {0};
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(lw->ctu, i);
        enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
        if (sev >= CXDiagnostic_Error) {
            ast_diag ad = {
                .severity = sev == CXDiagnostic_Fatal ? AST_DIAG_FATAL : AST_DIAG_ERROR,
                .loc = fe_loc(lw, clang_getDiagnosticLocation(d)),
                .message = fe_copy_string(lw, clang_getDiagnosticSpelling(d)),
            };
            ad.function = enclosing_function(tu, ad.loc);
            VEC_PUSH(&diags, ad);
        }
        clang_disposeDiagnostic(d);
    }
    tu->diags = arena_alloc(tu->arena, (diags.len ? diags.len : 1) * sizeof(ast_diag));
    if (diags.len)
        memcpy(tu->diags, diags.items, diags.len * sizeof(ast_diag));
    tu->ndiags = diags.len;
    tu->health.errors = (unsigned)diags.len;
    free(diags.items);
    for (size_t i = 0; i < tu->nfuncs; i++)
        if (tu->funcs[i]->nerrors)
            tu->health.functions_with_errors++;
}

/* How far into a file a NUL byte marks it as binary (git and grep look at 8000 bytes). */
#define BINARY_PROBE 8000

/* Reads the unit's text. Returns NULL when libclang can read the file itself, or the UTF-8
 * text to hand it instead (a UTF-16 file); sets tu's failure for a file that is not source. */
static char *check_source(ast_tu *tu, const char *path, size_t *len)
{
    const char *encoding;
    char *text = read_source_file(path, len, &encoding);
    const char *why = NULL;
    char buf[160];
    if (!text) {
        snprintf(buf, sizeof buf, "cannot read: %s", strerror(errno));
        why = buf;
    } else if (!encoding) {
        const char *nul = memchr(text, '\0', *len < BINARY_PROBE ? *len : BINARY_PROBE);
        if (nul) {
            size_t at = (size_t)(nul - text);
            /* "i\0n\0t\0" or "\0i\0n\0t": UTF-16 saved without a byte-order mark */
            bool utf16 = *len >= 4 && at <= 1 && text[2 + at] == '\0' && text[1 - at] != '\0';
            if (utf16)
                snprintf(buf, sizeof buf,
                         "UTF-16 without a byte-order mark (a NUL byte at offset %zu); save it as UTF-8, or as "
                         "UTF-16 with a byte-order mark",
                         at);
            else
                snprintf(buf, sizeof buf, "not C/C++ source: a binary file (a NUL byte at offset %zu)", at);
            why = buf;
        }
    }
    if (why) {
        tu->health.failed = true;
        tu->health.failure = arena_strdup(tu->arena, why);
    }
    if (why || !encoding) {
        free(text);
        return NULL;
    }
    return text;
}

void fe_memo_free(fe_memo *m)
{
    if (m)
        fe_recovery_free(m);
}

ast_tu *fe_parse(fe_parser *p, const char *path, const char *const *args, size_t nargs, bool is_cxx)
{
    return fe_parse_memo(p, path, args, nargs, is_cxx, NULL);
}

ast_tu *fe_parse_memo(fe_parser *p, const char *path, const char *const *args, size_t nargs, bool is_cxx,
                      fe_memo **memo)
{
    ast_tu *tu = ast_tu_new(path);
    tu->is_cxx = is_cxx;
    size_t srclen = 0;
    char *src = check_source(tu, path, &srclen);
    if (tu->health.failed)
        return tu;
    arg_vec v = {0};
    char **owned;
    size_t nowned;
    char *pch = prelude_for(p, path, args, nargs, is_cxx);
    build_args(p, &v, args, nargs, is_cxx, ARGS_UNIT, &owned, &nowned);
    if (pch) {
        VEC_PUSH(&v, "-include-pch");
        VEC_PUSH(&v, pch);
    }

    bool reused = memo && *memo;
    fe_recovery *rec = reused ? *memo : fe_recovery_new();
    arg_vec dirs = {0};
    include_dirs(&v, &dirs);
    fe_settle settle = {p->includes, dirs.items, dirs.len, is_cxx, RECOVERY_MISSING_DIR};
    if (!reused) {
        prescan_ctx pc = {rec, &settle};
        fe_includes_prescan(p->includes, path, dirs.items, dirs.len, prescan_found, &pc);
    }
    CXTranslationUnit ctu = NULL;
    unsigned options = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
    for (unsigned pass = 0;; pass++) {
        size_t len;
        const char *text = fe_recovery_text(rec, is_cxx, &len);
        const fe_vfile *missing;
        size_t nmissing = fe_recovery_files(rec, &missing);
        struct CXUnsavedFile *uf = xcalloc(nmissing + 2, sizeof *uf);
        uf[0] = (struct CXUnsavedFile){RECOVERY_HEADER, text, (unsigned long)len};
        for (size_t i = 0; i < nmissing; i++)
            uf[i + 1] = (struct CXUnsavedFile){missing[i].path, missing[i].text, (unsigned long)strlen(missing[i].text)};
        unsigned nunsaved = (unsigned)nmissing + 1;
        if (src) /* the unit converted to UTF-8, under its own name */
            uf[nunsaved++] = (struct CXUnsavedFile){path, src, (unsigned long)srclen};
        if (ctu)
            clang_disposeTranslationUnit(ctu);
        ctu = NULL;
        enum CXErrorCode err =
            clang_parseTranslationUnit2(p->index, path, v.items, (int)v.len, uf, nunsaved, options, &ctu);
        free(uf);
        if (err != CXError_Success || !ctu) {
            tu->health.failed = true;
            tu->health.failure = arena_strdup(tu->arena, err == CXError_Crashed ? "libclang crashed while parsing"
                                                                                : "libclang could not parse the file");
            ctu = NULL;
            break;
        }
        unsigned errors = fe_count_errors(ctu);
        if (pass == 0)
            tu->health.errors_before_recovery = errors;
        if (reused || errors == 0 || pass >= p->opts.max_recovery_passes || fe_recovery_collect(rec, ctu, &settle) == 0)
            break;
        tu->health.recovery_passes = pass + 1;
    }
    tu->health.declared_unknown = fe_recovery_count(rec);
    record_includes(tu, rec, ctu);
    free(dirs.items);

    if (ctu) {
        fe_lower lw = {.tu = tu, .ctu = ctu};
        fe_lower_unit(&lw);
        record_diagnostics(&lw);
        free(lw.files.items);
        free(lw.roles.items);
        free(lw.funcs.items);
        free(lw.globals.items);
        fe_type_cache_free(&lw);
        fe_decl_cache_free(&lw);
        clang_disposeTranslationUnit(ctu);
    }
    if (memo && !reused)
        *memo = rec;
    else if (!reused)
        fe_recovery_free(rec);
    for (size_t i = 0; i < nowned; i++)
        free(owned[i]);
    free(owned);
    free(v.items);
    free(src);
    free(pch);
    return tu;
}

bool fe_parse_only(fe_parser *p, const char *path, const char *const *args, size_t nargs, bool is_cxx)
{
    arg_vec v = {0};
    char **owned;
    size_t nowned;
    char *pch = prelude_for(p, path, args, nargs, is_cxx);
    build_args(p, &v, args, nargs, is_cxx, ARGS_UNIT, &owned, &nowned);
    if (pch) {
        VEC_PUSH(&v, "-include-pch");
        VEC_PUSH(&v, pch);
    }
    struct CXUnsavedFile uf = {RECOVERY_HEADER, "", 0};
    CXTranslationUnit ctu = NULL;
    unsigned options = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
    enum CXErrorCode err = clang_parseTranslationUnit2(p->index, path, v.items, (int)v.len, &uf, 1, options, &ctu);
    if (ctu)
        clang_disposeTranslationUnit(ctu);
    for (size_t i = 0; i < nowned; i++)
        free(owned[i]);
    free(owned);
    free(v.items);
    free(pch);
    return err == CXError_Success;
}
