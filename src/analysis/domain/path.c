/* path.c - access paths: the keys of the state. "x", "(*in).Msr" (a field read through a
 * pointer), "local.Regs[]" (any element of an array object), "(*p)" (what p points at). */
#include <stdlib.h>
#include <string.h>

#include "domain.h"

const ast_expr *path_strip(const ast_expr *e)
{
    while (e && e->kind == AST_EX_CAST)
        e = e->u.cast.operand;
    return e;
}

static const char *fmt_key(arena *a, const char *x, const char *y, const char *z)
{
    size_t n = strlen(x) + strlen(y) + strlen(z);
    char *k = arena_alloc(a, n + 1);
    strcpy(k, x);
    strcat(k, y);
    strcat(k, z);
    return k;
}

const char *path_key(arena *a, const ast_expr *e)
{
    e = path_strip(e);
    if (!e)
        return NULL;
    switch (e->kind) {
    case AST_EX_REF:
        if (e->u.ref.ref == AST_REF_FUNCTION)
            return NULL;
        return e->u.ref.name;
    case AST_EX_MEMBER: {
        const char *base = path_key(a, e->u.member.base);
        if (!base)
            return NULL;
        if (e->u.member.arrow)
            return fmt_key(a, fmt_key(a, "(*", base, ")."), e->u.member.field, "");
        return fmt_key(a, base, ".", e->u.member.field);
    }
    case AST_EX_INDEX: {
        const ast_expr *b = path_strip(e->u.index.base);
        const char *base = path_key(a, e->u.index.base);
        if (!base)
            return NULL;
        if (b && b->type.is_pointer)
            return fmt_key(a, "(*", base, ")");
        return fmt_key(a, base, "[]", "");
    }
    case AST_EX_UNARY:
        if (e->u.unary.op == AST_UN_DEREF) {
            const char *base = path_key(a, e->u.unary.operand);
            return base ? fmt_key(a, "(*", base, ")") : NULL;
        }
        return NULL;
    default:
        return NULL;
    }
}

bool path_mentions(const char *path, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = strstr(path, key); p; p = strstr(p + 1, key)) {
        char before = p == path ? '(' : p[-1];
        char after = p[n];
        bool start_ok = p == path || before == '(' || before == '*';
        bool end_ok = after == '\0' || after == '.' || after == '[' || after == ')';
        if (start_ok && end_ok)
            return true;
    }
    return false;
}

const char *path_rename(arena *a, const char *key, const char *from, const char *to)
{
    strbuf sb = {0};
    size_t n = strlen(from);
    for (const char *p = key; *p;) {
        const char *hit = strstr(p, from);
        bool whole = hit && (hit == key || hit[-1] == '(' || hit[-1] == '*') &&
                     (hit[n] == '\0' || hit[n] == '.' || hit[n] == '[' || hit[n] == ')');
        if (!hit || !whole) {
            const char *stop = hit ? hit + 1 : p + strlen(p);
            sb_appendn(&sb, p, (size_t)(stop - p));
            p = stop;
            continue;
        }
        sb_appendn(&sb, p, (size_t)(hit - p));
        sb_append(&sb, to);
        p = hit + n;
    }
    const char *out = arena_strdup(a, sb.buf ? sb.buf : "");
    sb_free(&sb);
    return out;
}
