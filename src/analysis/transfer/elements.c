/* elements.c - "every element of r below n holds this fact" (issue 12, item 8). A loop that
 * checks r[i] for each i in [0, n) and leaves the function when one fails (engine/loops.c finds
 * it) leaves, on its exit edge, the entry "K.#each(n)", K the element's path ("(*in).Pairs[].Port"),
 * holding the fact the check gave r[i]. A later read of an element of path K whose index is
 * proven below n (its interval, or the at-most bound `j < n` left) gets that fact.
 *
 * The entry's key names K and n as path components, so an assignment to either, or to anything
 * they are read through (r, in, n), forgets it by the ordinary kill; a join keeps it only where
 * both sides have it (a side without it reads as the element's own fact, which is no bound). */
#include <string.h>

#include "transfer.h"

static const char each_tag[] = ".#each(";

bool tx_each_is_key(const char *key)
{
    return strstr(key, each_tag) != NULL;
}

const char *tx_each_key(tx_ctx *tx, const char *key, const char *bound)
{
    size_t n = strlen(key) + sizeof each_tag + strlen(bound) + 1;
    char *k = arena_alloc(tx->scratch, n);
    strcpy(k, key);
    strcat(k, each_tag);
    strcat(k, bound);
    strcat(k, ")");
    return k;
}

/* The one subscript of an element lvalue: base[j], *(p + j), (p + j)->f, under any dotted
 * members. NULL when there is none or more than one (r[0].Data[j]: the element paths of r[0]
 * and r[5] are one key through a pointer, so the claim would be about another element). A
 * member through a plain pointer (in->Pairs[j]) reads one object and is no subscript. */
const ast_expr *tx_element_index(const ast_expr *lv)
{
    const ast_expr *index = NULL;
    unsigned steps = 0;
    for (const ast_expr *e = path_strip(lv); e;) {
        switch (e->kind) {
        case AST_EX_REF:
            return steps == 1 ? index : NULL;
        case AST_EX_MEMBER: {
            const ast_expr *b = path_strip(e->u.member.base);
            if (e->u.member.arrow && b && b->kind == AST_EX_BINARY) {
                if (b->u.binary.op != AST_BIN_ADD)
                    return NULL;
                index = b->u.binary.rhs;
                steps++;
                e = path_strip(b->u.binary.lhs);
                continue;
            }
            e = b;
            continue;
        }
        case AST_EX_INDEX:
            index = e->u.index.index;
            steps++;
            e = path_strip(e->u.index.base);
            continue;
        case AST_EX_UNARY: {
            if (e->u.unary.op != AST_UN_DEREF)
                return NULL;
            const ast_expr *o = path_strip(e->u.unary.operand);
            if (o && o->kind == AST_EX_BINARY) {
                if (o->u.binary.op != AST_BIN_ADD)
                    return NULL;
                index = o->u.binary.rhs;
                steps++;
                e = path_strip(o->u.binary.lhs);
                continue;
            }
            e = o;
            continue;
        }
        default:
            return NULL;
        }
    }
    return NULL;
}

/* key with every constant subscript as "any element" (arr[3].Port is arr[].Port), or NULL
   when it has none */
static const char *general_key(tx_ctx *tx, const char *key)
{
    strbuf sb = {0};
    bool general = false;
    for (const char *p = key; *p; p++) {
        if (*p == '[' && p[1] >= '0' && p[1] <= '9') {
            const char *q = p + 1;
            while (*q >= '0' && *q <= '9')
                q++;
            if (*q == ']') {
                sb_append(&sb, "[]");
                general = true;
                p = q;
                continue;
            }
        }
        sb_appendn(&sb, p, 1);
    }
    const char *g = general ? arena_strdup(tx->scratch, sb.buf) : NULL;
    sb_free(&sb);
    return g;
}

fact tx_each_fact(tx_ctx *tx, const tstate *s, const ast_expr *lv, const char *key, fact f)
{
    if (!key || !f.taint || fact_is_bounded(&f) || !s->len)
        return f;
    const ast_expr *index = tx_element_index(lv);
    if (!index)
        return f;
    const char *g = general_key(tx, key); /* in->Pairs[2].Port: an element of (*in).Pairs[] */
    if (g)
        key = g;
    size_t klen = strlen(key), tlen = sizeof each_tag - 1;
    for (size_t i = tstate_lower_bound(s, key); i < s->len; i++) {
        const char *k = s->items[i].key;
        if (strncmp(k, key, klen) != 0)
            break;
        if (strncmp(k + klen, each_tag, tlen) != 0)
            continue;
        const fact *ef = &s->items[i].f;
        size_t blen = strlen(k + klen + tlen);
        if (!blen || !fact_is_bounded(ef))
            continue;
        char *bound = arena_alloc(tx->scratch, blen);
        memcpy(bound, k + klen + tlen, blen - 1); /* without the closing parenthesis */
        bound[blen - 1] = '\0';
        if (tx_below_form(tx, s, index, bound))
            return *ef;
    }
    return f;
}

void tx_each_forget(tx_ctx *tx, tstate *s, const char *key)
{
    const char *g = general_key(tx, key);
    if (!g)
        return;
    size_t glen = strlen(g), out = 0;
    for (size_t i = 0; i < s->len; i++) {
        const char *k = s->items[i].key, *tag = strstr(k, each_tag);
        size_t klen = tag ? (size_t)(tag - k) : 0;
        /* a claim about the written element, a part of it, or a whole that contains it */
        if (tag && (strncmp(k, g, glen < klen ? glen : klen) == 0))
            continue;
        s->items[out++] = s->items[i];
    }
    s->len = out;
}
