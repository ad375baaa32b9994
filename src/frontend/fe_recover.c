/* fe_recover.c - declare the names a unit uses but no header declared, so bodies stay intact.
 *
 * Drivers often include headers we do not have (a vendor SDK, a header the shim lacks).
 * After a parse we read the diagnostics, declare each unknown type as an int typedef,
 * each unknown identifier as a distinct enum constant (usable in case labels) or, when
 * it is called, as a function taking anything, and parse again. */
#include "fe_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "drvtaint/frontend.h"
#include "drvtaint/wire.h"

typedef enum { NAME_TYPE, NAME_CONST, NAME_FUNC, NAME_VAR } name_kind;

struct fe_recovery {
    VEC(struct { char *name; name_kind kind; }) names;
    VEC(fe_vfile) files; /* stand-ins and redirects for includes clang could not open */
    VEC(ast_include_note) notes; /* how each of those was settled; strings owned here */
    unsigned standins;          /* files that stand in for a header (not redirects to a real one) */
    strbuf text;
};

fe_recovery *fe_recovery_new(void)
{
    return xcalloc(1, sizeof(fe_recovery));
}

void fe_recovery_free(fe_recovery *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->names.len; i++)
        free(r->names.items[i].name);
    free(r->names.items);
    for (size_t i = 0; i < r->files.len; i++) {
        free(r->files.items[i].path);
        free(r->files.items[i].text);
    }
    free(r->files.items);
    for (size_t i = 0; i < r->notes.len; i++) {
        ast_include_note *n = &r->notes.items[i];
        free((char *)n->spelled);
        free((char *)n->from);
        free((char *)n->path);
        free((char *)n->detail);
    }
    free(r->notes.items);
    sb_free(&r->text);
    free(r);
}

unsigned fe_recovery_count(const fe_recovery *r)
{
    return (unsigned)r->names.len + r->standins;
}

/* The quoted name in "...'NAME'..." after prefix, or NULL. */
static char *quoted_after(const char *msg, const char *prefix)
{
    if (strncmp(msg, prefix, strlen(prefix)) != 0)
        return NULL;
    const char *s = msg + strlen(prefix);
    const char *e = strchr(s, '\'');
    if (!e || e == s)
        return NULL;
    for (const char *p = s; p < e; p++)
        if (!isalnum((unsigned char)*p) && *p != '_')
            return NULL;
    return xstrndup(s, (size_t)(e - s));
}

/* What an undeclared identifier is, judged by what follows it: "X(" is a call, "X name"
 * a declaration (C reports unknown types in statements as undeclared identifiers),
 * anything else a value. */
static name_kind guess_kind(CXTranslationUnit ctu, CXDiagnostic d)
{
    CXFile f;
    unsigned off;
    clang_getFileLocation(clang_getDiagnosticLocation(d), &f, NULL, NULL, &off);
    if (!f)
        return NAME_CONST;
    size_t len;
    const char *text = clang_getFileContents(ctu, f, &len);
    if (!text || off >= len)
        return NAME_CONST;
    size_t i = off;
    while (i < len && (isalnum((unsigned char)text[i]) || text[i] == '_'))
        i++;
    while (i < len && isspace((unsigned char)text[i]))
        i++;
    if (i >= len)
        return NAME_CONST;
    if (text[i] == '(')
        return NAME_FUNC;
    if (isalpha((unsigned char)text[i]) || text[i] == '_' || text[i] == '*')
        return NAME_TYPE;
    /* an object: its address is taken, it is assigned, or a member is read from it */
    if (text[i] == '.' || text[i] == '[' || (text[i] == '-' && i + 1 < len && text[i + 1] == '>') ||
        (text[i] == '=' && (i + 1 >= len || text[i + 1] != '=')))
        return NAME_VAR;
    size_t b = off;
    while (b > 0 && isspace((unsigned char)text[b - 1]))
        b--;
    if (b > 0 && text[b - 1] == '&' && !(b > 1 && text[b - 2] == '&'))
        return NAME_VAR;
    return NAME_CONST;
}

/* The name in "'NAME' file not found", which may hold a path ("sys/foo.h", "..\\inc\\hw.h"). */
static char *missing_header(const char *msg)
{
    if (msg[0] != '\'')
        return NULL;
    const char *end = strstr(msg + 1, "' file not found");
    if (!end || end == msg + 1)
        return NULL;
    return xstrndup(msg + 1, (size_t)(end - msg - 1));
}

size_t fe_recovery_files(const fe_recovery *r, const fe_vfile **files)
{
    *files = r->files.items;
    return r->files.len;
}

size_t fe_recovery_notes(const fe_recovery *r, const ast_include_note **notes)
{
    *notes = r->notes.items;
    return r->notes.len;
}

static bool has_suffix_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* Where libclang is handed the file for an include: next to the including file for "x.h" (the
 * first place clang looks), in the folder searched last for <x.h>. */
static char *vfile_path(const char *spelled, bool angled, const char *from, const char *missing_dir)
{
    char *norm = fe_include_normalize(spelled);
    char *dir = path_dir(from);
    char *vpath = angled ? xasprintf("%s/%s", missing_dir, norm) : xasprintf("%s/%s", dir, norm);
    free(dir);
    free(norm);
    return vpath;
}

static bool have_vfile(const fe_recovery *r, const char *vpath)
{
    for (size_t i = 0; i < r->files.len; i++)
        if (strcmp(r->files.items[i].path, vpath) == 0)
            return true;
    return false;
}

/* Records the file for an include and how it was settled; takes vpath, vtext and the strings. */
static void add_vfile(fe_recovery *r, char *vpath, char *vtext, ast_include_how how, char *spelled, char *from,
                      char *path, char *detail)
{
    VEC_PUSH(&r->files, ((fe_vfile){vpath, vtext}));
    VEC_PUSH(&r->notes, ((ast_include_note){how, spelled, from, path, detail}));
}

void fe_recovery_redirect(fe_recovery *r, const char *spelled, bool angled, const char *from, fe_found *found,
                          const fe_settle *how)
{
    char *vpath = vfile_path(spelled, angled, from, how->missing_dir);
    if (have_vfile(r, vpath)) {
        free(vpath);
        free(found->path);
        free(found->detail);
        return;
    }
    char *vtext;
    if (found->how == AST_INC_WPP) {
        free(found->path);
        vtext = fe_wpp_declarations(how->includes, from, how->dirs, how->ndirs, how->is_cxx, &found->path);
        r->standins++;
    } else {
        vtext = xasprintf("#include \"%s\"\n", found->path);
    }
    add_vfile(r, vpath, vtext, found->how, xstrdup(spelled), xstrdup(from), found->path, found->detail);
}

/* Settles one include clang could not open. Returns true when a real header will now be read. */
static bool settle_include(fe_recovery *r, CXTranslationUnit ctu, CXDiagnostic d, char *spelled, const fe_settle *how)
{
    CXFile f;
    unsigned off;
    clang_getFileLocation(clang_getDiagnosticLocation(d), &f, NULL, NULL, &off);
    if (!f) {
        free(spelled);
        return false;
    }
    CXString fs = clang_getFileName(f);
    char *from = xstrdup(clang_getCString(fs));
    clang_disposeString(fs);
    size_t len;
    const char *text = clang_getFileContents(ctu, f, &len);
    bool angled = text && off < len && text[off] == '<';
    char *vpath = vfile_path(spelled, angled, from, how->missing_dir);
    if (have_vfile(r, vpath)) { /* already settled: nothing new */
        free(vpath);
        free(from);
        free(spelled);
        return false;
    }
    fe_found found = {.how = AST_INC_MISSING};
    bool real = how->includes &&
                fe_includes_resolve(how->includes, spelled, angled, from, how->dirs, how->ndirs, &found);
    char *vtext;
    if (real) {
        vtext = xasprintf("#include \"%s\"\n", found.path);
    } else if (has_suffix_ci(spelled, ".tmh") && how->includes) {
        char *source;
        vtext = fe_wpp_declarations(how->includes, from, how->dirs, how->ndirs, how->is_cxx, &source);
        free(found.detail);
        found = (fe_found){.how = AST_INC_WPP, .path = source};
        r->standins++;
    } else {
        vtext = xstrdup("/* drvtaint: header not found */\n");
        r->standins++;
    }
    add_vfile(r, vpath, vtext, found.how, spelled, from, found.path, found.detail);
    return real;
}

static int find_name(const fe_recovery *r, const char *name)
{
    for (size_t i = 0; i < r->names.len; i++)
        if (strcmp(r->names.items[i].name, name) == 0)
            return (int)i;
    return -1;
}

unsigned fe_recovery_collect(fe_recovery *r, CXTranslationUnit ctu, const fe_settle *how)
{
    unsigned added = 0;
    unsigned n = clang_getNumDiagnostics(ctu);
    /* includes first: when a real header turns up, the names this pass missed may be declared in
     * it, and declaring them here would clash with it, so names wait for the next pass */
    bool found_real = false;
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(ctu, i);
        CXString s = clang_getDiagnosticSpelling(d);
        char *header = clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error ? missing_header(clang_getCString(s)) : NULL;
        clang_disposeString(s);
        if (header) {
            size_t before = r->files.len;
            found_real |= settle_include(r, ctu, d, header, how);
            added += (unsigned)(r->files.len - before);
        }
        clang_disposeDiagnostic(d);
    }
    if (found_real)
        return added;
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(ctu, i);
        if (clang_getDiagnosticSeverity(d) < CXDiagnostic_Error) {
            clang_disposeDiagnostic(d);
            continue;
        }
        CXString s = clang_getDiagnosticSpelling(d);
        const char *msg = clang_getCString(s);
        if (strstr(msg, "' file not found")) {
            clang_disposeString(s);
            clang_disposeDiagnostic(d);
            continue;
        }
        name_kind kind = NAME_TYPE;
        char *name = quoted_after(msg, "unknown type name '");
        if (!name) {
            name = quoted_after(msg, "use of undeclared identifier '");
            kind = guess_kind(ctu, d);
        }
        clang_disposeString(s);
        clang_disposeDiagnostic(d);
        if (!name)
            continue;
        int at = find_name(r, name);
        if (at >= 0) {
            /* a constant that turned out to be called becomes a function */
            if (r->names.items[at].kind == NAME_CONST && kind == NAME_FUNC) {
                r->names.items[at].kind = NAME_FUNC;
                added++;
            }
            free(name);
            continue;
        }
        VEC_PUSH(&r->names, ((__typeof__(*r->names.items)){name, kind}));
        added++;
    }
    return added;
}

const char *fe_recovery_text(fe_recovery *r, bool is_cxx, size_t *len)
{
    sb_free(&r->text);
    sb_append(&r->text, "/* drvtaint: declarations for names no header declared */\n");
    if (is_cxx)
        sb_append(&r->text, "extern \"C\" {\n");
    for (size_t i = 0; i < r->names.len; i++) {
        const char *name = r->names.items[i].name;
        switch (r->names.items[i].kind) {
        case NAME_TYPE:
            sb_printf(&r->text, "typedef int %s;\n", name);
            break;
        case NAME_CONST: /* small distinct values: see AST_PLACEHOLDER_FIRST */
            sb_printf(&r->text, "enum { %s = %#x };\n", name,
                      (unsigned)(AST_PLACEHOLDER_FIRST + i % AST_PLACEHOLDER_COUNT));
            break;
        case NAME_FUNC:
            sb_printf(&r->text, is_cxx ? "int %s(...);\n" : "int %s();\n", name);
            break;
        case NAME_VAR:
            sb_printf(&r->text, "extern int %s;\n", name);
            break;
        }
    }
    if (is_cxx)
        sb_append(&r->text, "}\n");
    *len = r->text.len;
    return r->text.buf;
}

/* ---- what recovery learned, as bytes (for units parsed in a child process) ---- */

void fe_memo_encode(strbuf *out, const fe_memo *m)
{
    wire_put_u64(out, m ? m->names.len : 0);
    for (size_t i = 0; m && i < m->names.len; i++) {
        wire_put_str(out, m->names.items[i].name);
        wire_put_u64(out, (uint64_t)m->names.items[i].kind);
    }
    /* the files that stood in for or redirected includes, and how each was settled */
    wire_put_u64(out, m ? m->files.len : 0);
    for (size_t i = 0; m && i < m->files.len; i++) {
        wire_put_str(out, m->files.items[i].path);
        wire_put_str(out, m->files.items[i].text);
    }
    wire_put_u64(out, m ? m->notes.len : 0);
    for (size_t i = 0; m && i < m->notes.len; i++) {
        const ast_include_note *n = &m->notes.items[i];
        wire_put_u64(out, (uint64_t)n->how);
        wire_put_str(out, n->spelled);
        wire_put_str(out, n->from);
        wire_put_str(out, n->path);
        wire_put_str(out, n->detail);
    }
    wire_put_u64(out, m ? m->standins : 0);
}

fe_memo *fe_memo_decode(wire_reader *r)
{
    fe_recovery *m = fe_recovery_new();
    size_t n = wire_get_count(r, 2);
    for (size_t i = 0; i < n && !r->bad; i++) {
        char *name = wire_get_str(r);
        uint64_t kind = wire_get_u64(r);
        if (!name || kind > NAME_VAR) {
            free(name);
            r->bad = true;
            break;
        }
        VEC_PUSH(&m->names, ((__typeof__(*m->names.items)){name, (name_kind)kind}));
    }
    n = wire_get_count(r, 2);
    for (size_t i = 0; i < n && !r->bad; i++) {
        char *path = wire_get_str(r);
        char *text = wire_get_str(r);
        if (!path) {
            free(text);
            r->bad = true;
            break;
        }
        VEC_PUSH(&m->files, ((fe_vfile){path, text ? text : xstrdup("")}));
    }
    n = wire_get_count(r, 5);
    for (size_t i = 0; i < n && !r->bad; i++) {
        uint64_t how = wire_get_u64(r);
        ast_include_note note = {.how = (ast_include_how)how}; /* one field at a time: in order */
        note.spelled = wire_get_str(r);
        note.from = wire_get_str(r);
        note.path = wire_get_str(r);
        note.detail = wire_get_str(r);
        VEC_PUSH(&m->notes, note); /* pushed first, so fe_recovery_free owns the strings */
        if (how > AST_INC_MISSING || !note.spelled || !note.from)
            r->bad = true;
    }
    m->standins = (unsigned)wire_get_u64(r);
    if (r->bad) {
        fe_recovery_free(m);
        return NULL;
    }
    return m;
}
