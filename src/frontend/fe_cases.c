/* fe_cases.c - case labels clang dropped. A label whose constant does not evaluate (an IOCTL
 * macro built from a function-like macro of a header drvtaint does not have, such as
 * SCARD_CTL_CODE(0x8000)) is an error, and clang keeps the statements under it but not the
 * label: the branch becomes unreachable code of the switch and the code is missing from the
 * audit. The label is still in the tokens of the switch body; it is put back as a case whose
 * value is a placeholder (ast.h: never decoded), named as the user wrote it. */
#include "fe_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct lost_label {
    ast_loc loc;
    const char *name;
} lost_label;

typedef VEC(lost_label) lost_vec;

static bool tok_is(CXTranslationUnit ctu, CXToken t, CXTokenKind kind, const char *spelling)
{
    if (clang_getTokenKind(t) != kind)
        return false;
    CXString s = clang_getTokenSpelling(ctu, t);
    bool same = strcmp(clang_getCString(s), spelling) == 0;
    clang_disposeString(s);
    return same;
}

/* the index of the token that closes the bracket opened at i (open/close spellings), or n */
static unsigned matching(CXTranslationUnit ctu, CXToken *t, unsigned n, unsigned i, const char *open,
                         const char *close)
{
    int depth = 0;
    for (; i < n; i++) {
        if (tok_is(ctu, t[i], CXToken_Punctuation, open))
            depth++;
        else if (tok_is(ctu, t[i], CXToken_Punctuation, close) && --depth == 0)
            return i;
    }
    return n;
}

static int loc_cmp(const ast_loc *a, const ast_loc *b)
{
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->col < b->col ? -1 : a->col > b->col;
}

/* a label the lowered body has at loc (a case chain of one of the block's items) */
static bool has_case_at(const ast_stmt *blk, const ast_loc *loc)
{
    for (size_t i = 0; i < blk->u.block.n; i++)
        for (const ast_stmt *s = blk->u.block.items[i]; s && (s->kind == AST_ST_CASE || s->kind == AST_ST_DEFAULT);
             s = s->u.case_.body)
            if (s->kind == AST_ST_CASE && loc_cmp(&s->loc, loc) == 0)
                return true;
    return false;
}

/* `case NAME :` at the top level of the body whose label the lowered block lacks */
static void find_lost(fe_lower *lw, CXToken *t, unsigned n, const ast_stmt *blk, lost_vec *out)
{
    int depth = 0;
    for (unsigned i = 0; i < n; i++) {
        if (tok_is(lw->ctu, t[i], CXToken_Punctuation, "{")) {
            depth++;
        } else if (tok_is(lw->ctu, t[i], CXToken_Punctuation, "}")) {
            depth--;
        } else if (tok_is(lw->ctu, t[i], CXToken_Keyword, "switch")) {
            /* a nested switch's labels are its own */
            unsigned close = i + 1 < n ? matching(lw->ctu, t, n, i + 1, "(", ")") : n;
            if (close + 1 < n && tok_is(lw->ctu, t[close + 1], CXToken_Punctuation, "{"))
                i = matching(lw->ctu, t, n, close + 1, "{", "}");
            else
                i = close;
        } else if (depth == 1 && i + 2 < n && tok_is(lw->ctu, t[i], CXToken_Keyword, "case") &&
                   clang_getTokenKind(t[i + 1]) == CXToken_Identifier &&
                   tok_is(lw->ctu, t[i + 2], CXToken_Punctuation, ":")) {
            ast_loc loc = fe_loc(lw, clang_getTokenLocation(lw->ctu, t[i]));
            if (loc.line && !has_case_at(blk, &loc)) {
                lost_label l = {loc, fe_copy_string(lw, clang_getTokenSpelling(lw->ctu, t[i + 1]))};
                VEC_PUSH(out, l);
            }
            i += 2;
        }
    }
}

void fe_restore_lost_cases(fe_lower *lw, CXCursor body, ast_stmt *blk)
{
    if (!blk || blk->kind != AST_ST_BLOCK)
        return;
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(lw->ctu, clang_getCursorExtent(body), &toks, &n);
    lost_vec lost = {0};
    find_lost(lw, toks, n, blk, &lost);
    if (toks)
        clang_disposeTokens(lw->ctu, toks, n);
    /* last first: each wraps the first statement after it, so labels in a row form a chain */
    for (size_t k = lost.len; k-- > 0;) {
        const lost_label *l = &lost.items[k];
        size_t j = 0;
        while (j < blk->u.block.n && (!blk->u.block.items[j]->loc.line || loc_cmp(&blk->u.block.items[j]->loc, &l->loc) <= 0))
            j++;
        ast_stmt *c = ast_stmt_new(lw->tu, AST_ST_CASE, l->loc);
        ast_expr *v = ast_expr_new(lw->tu, AST_EX_INT, l->loc, l->name);
        /* distinct, from the top of the placeholder range down (recovery counts up from the bottom) */
        v->u.i.value = AST_PLACEHOLDER_FIRST + AST_PLACEHOLDER_COUNT - 1 - (lw->lost_labels + k) % AST_PLACEHOLDER_COUNT;
        v->u.i.known = true;
        v->u.i.placeholder = true;
        v->type = (ast_type){.spelling = "unsigned long", .size = 4, .array_len = -1, .bits = 32, .is_integer = true};
        c->u.case_.value = v;
        c->u.case_.lo = c->u.case_.hi = (int64_t)v->u.i.value;
        if (j < blk->u.block.n) {
            c->u.case_.body = blk->u.block.items[j];
            blk->u.block.items[j] = c;
        } else {
            ast_stmt **items = arena_alloc(lw->tu->arena, (blk->u.block.n + 1) * sizeof *items);
            if (blk->u.block.n)
                memcpy(items, blk->u.block.items, blk->u.block.n * sizeof *items);
            items[blk->u.block.n++] = c;
            blk->u.block.items = items;
        }
    }
    lw->lost_labels += (unsigned)lost.len;
    free(lost.items);
}
