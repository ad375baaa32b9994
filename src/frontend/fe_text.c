/* fe_text.c - where the user wrote something, and what they wrote.
 *
 * Positions are file locations (clang's getFileLoc): code written in a macro body maps
 * to the macro's use, a macro argument to where the argument was written. */
#include "fe_internal.h"

#include <ctype.h>
#include <string.h>

static struct fe_file *file_entry(fe_lower *lw, CXFile f)
{
    for (size_t i = 0; i < lw->files.len; i++)
        if (clang_File_isEqual(lw->files.items[i].file, f))
            return &lw->files.items[i];
    struct fe_file e = {.file = f};
    CXString name = clang_getFileName(f);
    e.name = fe_copy_string(lw, name);
    e.text = clang_getFileContents(lw->ctu, f, &e.len);
    VEC_PUSH(&lw->files, e);
    return &lw->files.items[lw->files.len - 1];
}

/* s[0..n) as UTF-8 for the reports, in the arena: like utf8_escape_invalid (Windows-1251 or
 * -1252 bytes in a string literal, a sequence cut by the length limit become \xNN). With
 * squeeze set, runs of white space (newlines, tabs) become one space. */
static const char *clean_text(fe_lower *lw, const char *s, size_t n, bool squeeze)
{
    char *out = arena_alloc(lw->tu->arena, 4 * n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (squeeze && isspace(c)) {
            if (k > 0 && out[k - 1] != ' ')
                out[k++] = ' ';
            i++;
            continue;
        }
        size_t len = utf8_sequence_length((const unsigned char *)s + i, n - i);
        if (len == 0) {
            static const char hex[] = "0123456789abcdef";
            out[k++] = '\\';
            out[k++] = 'x';
            out[k++] = hex[c >> 4];
            out[k++] = hex[c & 15];
            i++;
            continue;
        }
        memcpy(out + k, s + i, len);
        k += len;
        i += len;
    }
    while (squeeze && k > 0 && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    return out;
}

const char *fe_copy_string(fe_lower *lw, CXString s)
{
    const char *c = clang_getCString(s);
    const char *copy = clean_text(lw, c ? c : "", c ? strlen(c) : 0, false);
    clang_disposeString(s);
    return copy;
}

const char *fe_file_text(fe_lower *lw, CXFile f, size_t *len)
{
    struct fe_file *e = file_entry(lw, f);
    *len = e->len;
    return e->text;
}

ast_loc fe_loc(fe_lower *lw, CXSourceLocation loc)
{
    CXFile f;
    unsigned line, col;
    clang_getFileLocation(loc, &f, &line, &col, NULL);
    ast_loc l = {0};
    if (!f)
        return l;
    l.file = file_entry(lw, f)->name;
    l.line = line;
    l.col = col;
    return l;
}

ast_loc fe_cursor_loc(fe_lower *lw, CXCursor c)
{
    return fe_loc(lw, clang_getCursorLocation(c));
}

/* Length of a call-like token run at s: identifier plus balanced parentheses. */
static size_t invocation_length(const char *s, size_t max)
{
    size_t i = 0;
    while (i < max && (isalnum((unsigned char)s[i]) || s[i] == '_'))
        i++;
    size_t j = i;
    while (j < max && isspace((unsigned char)s[j]))
        j++;
    if (j >= max || s[j] != '(')
        return i;
    int depth = 0;
    for (; j < max; j++) {
        if (s[j] == '(')
            depth++;
        else if (s[j] == ')' && --depth == 0)
            return j + 1;
    }
    return i;
}

const char *fe_cursor_text(fe_lower *lw, CXCursor c)
{
    CXSourceRange r = clang_getCursorExtent(c);
    CXFile f1, f2;
    unsigned o1, o2;
    clang_getFileLocation(clang_getRangeStart(r), &f1, NULL, NULL, &o1);
    clang_getFileLocation(clang_getRangeEnd(r), &f2, NULL, NULL, &o2);
    if (!f1)
        return fe_copy_string(lw, clang_getCursorSpelling(c));
    size_t len;
    const char *text = fe_file_text(lw, f1, &len);
    if (!text || o1 >= len)
        return fe_copy_string(lw, clang_getCursorSpelling(c));
    size_t n;
    if (f2 && clang_File_isEqual(f1, f2) && o2 > o1 && o2 <= len)
        n = o2 - o1;
    else /* the whole thing came out of one macro use: take the use */
        n = invocation_length(text + o1, len - o1);
    if (n == 0)
        return fe_copy_string(lw, clang_getCursorSpelling(c));
    if (n > 400) /* keep messages readable; an argument this long is not worth quoting whole */
        n = 400;
    return clean_text(lw, text + o1, n, true);
}

const char *fe_macro_name_at(fe_lower *lw, CXCursor c, const char *callee)
{
    CXSourceLocation loc = clang_getCursorLocation(c);
    CXFile fs, fe;
    unsigned os, oe;
    clang_getSpellingLocation(loc, &fs, NULL, NULL, &os);
    clang_getExpansionLocation(loc, &fe, NULL, NULL, &oe);
    if (fs && fe && clang_File_isEqual(fs, fe) && os == oe)
        return NULL; /* written directly */
    CXFile ff;
    unsigned off;
    clang_getFileLocation(loc, &ff, NULL, NULL, &off);
    if (!ff)
        return NULL;
    size_t len;
    const char *text = fe_file_text(lw, ff, &len);
    if (!text || off >= len)
        return NULL;
    size_t n = 0;
    while (off + n < len && (isalnum((unsigned char)text[off + n]) || text[off + n] == '_'))
        n++;
    if (n == 0 || (callee && strlen(callee) == n && strncmp(callee, text + off, n) == 0))
        return NULL;
    return arena_strndup(lw->tu->arena, text + off, n);
}
