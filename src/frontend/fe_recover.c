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

typedef enum { NAME_TYPE, NAME_CONST, NAME_FUNC, NAME_VAR } name_kind;

struct fe_recovery {
    VEC(struct { char *name; name_kind kind; }) names;
    VEC(char *) missing_headers; /* includes that were not found: parsed as empty files */
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
    for (size_t i = 0; i < r->missing_headers.len; i++)
        free(r->missing_headers.items[i]);
    free(r->missing_headers.items);
    sb_free(&r->text);
    free(r);
}

unsigned fe_recovery_count(const fe_recovery *r)
{
    return (unsigned)(r->names.len + r->missing_headers.len);
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

/* The name in "'NAME' file not found", which may hold a path ("sys/foo.h"). */
static char *missing_header(const char *msg)
{
    if (msg[0] != '\'')
        return NULL;
    const char *end = strstr(msg + 1, "' file not found");
    if (!end || end == msg + 1 || strstr(msg, ".."))
        return NULL;
    return xstrndup(msg + 1, (size_t)(end - msg - 1));
}

size_t fe_recovery_missing(const fe_recovery *r, const char *const **names)
{
    *names = (const char *const *)r->missing_headers.items;
    return r->missing_headers.len;
}

static int find_name(const fe_recovery *r, const char *name)
{
    for (size_t i = 0; i < r->names.len; i++)
        if (strcmp(r->names.items[i].name, name) == 0)
            return (int)i;
    return -1;
}

unsigned fe_recovery_collect(fe_recovery *r, CXTranslationUnit ctu)
{
    unsigned added = 0;
    unsigned n = clang_getNumDiagnostics(ctu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(ctu, i);
        if (clang_getDiagnosticSeverity(d) < CXDiagnostic_Error) {
            clang_disposeDiagnostic(d);
            continue;
        }
        CXString s = clang_getDiagnosticSpelling(d);
        const char *msg = clang_getCString(s);
        char *header = missing_header(msg);
        if (header) {
            bool known = false;
            for (size_t k = 0; k < r->missing_headers.len && !known; k++)
                known = strcmp(r->missing_headers.items[k], header) == 0;
            if (known) {
                free(header);
            } else {
                VEC_PUSH(&r->missing_headers, header);
                added++;
            }
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
