/* path.c - access paths: the keys of the state. "x", "(*in).Msr" (a field read through a
 * pointer), "local.Regs[]" (any element of an array object: also *local.Regs and
 * *(local.Regs + 1)), "(*p)" (what p points at: also p[i] and *(p + i)). */
#include <stdio.h>
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

static const ast_expr zero = {.kind = AST_EX_INT};

/* base[index]: "(*p)" through a pointer; out of an array object "arr[2]" for a constant index
 * (checking arr[0] says nothing of arr[1]) and "arr[]" (any element) otherwise. */
static const char *element_key(arena *a, const ast_expr *base_e, const ast_expr *index)
{
    const ast_expr *b = path_strip(base_e);
    const char *base = path_key(a, base_e);
    if (!base)
        return NULL;
    if (b && b->type.is_pointer)
        return fmt_key(a, "(*", base, ")");
    const ast_expr *i = path_strip(index);
    if (i && i->kind == AST_EX_INT && i->u.i.value < 1000000) {
        char num[32];
        snprintf(num, sizeof num, "[%llu]", (unsigned long long)i->u.i.value);
        return fmt_key(a, base, num, "");
    }
    return fmt_key(a, base, "[]", "");
}

const char *path_any_element(arena *a, const char *key)
{
    size_t n = strlen(key);
    if (n < 3 || key[n - 1] != ']')
        return NULL;
    size_t open = n - 1;
    while (open > 0 && key[open - 1] >= '0' && key[open - 1] <= '9')
        open--;
    if (open == n - 1 || open == 0 || key[open - 1] != '[')
        return NULL;
    char *k = arena_alloc(a, open + 2);
    memcpy(k, key, open);
    k[open] = ']';
    k[open + 1] = '\0';
    return k;
}

const char *path_key(arena *a, const ast_expr *e)
{
    e = path_strip(e);
    if (!e)
        return NULL;
    switch (e->kind) {
    case AST_EX_REF:
        /* a C++ reference to an unnamed object (a temporary, `this` in some forms) has no name:
           no path, as "" would be a prefix of every key */
        if (e->u.ref.ref == AST_REF_FUNCTION || !e->u.ref.name || !*e->u.ref.name)
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
    case AST_EX_INDEX:
        return element_key(a, e->u.index.base, e->u.index.index);
    case AST_EX_UNARY:
        if (e->u.unary.op == AST_UN_DEREF) {
            /* *(d + k) is d[k], and *arr is arr[0]: one key per object, however it is written */
            const ast_expr *o = path_strip(e->u.unary.operand);
            if (o && o->kind == AST_EX_BINARY && (o->u.binary.op == AST_BIN_ADD || o->u.binary.op == AST_BIN_SUB)) {
                const ast_expr *l = path_strip(o->u.binary.lhs);
                if (l && (l->type.is_pointer || l->type.is_array))
                    return element_key(a, l, o->u.binary.op == AST_BIN_ADD ? o->u.binary.rhs : NULL);
            }
            if (o && o->type.is_array)
                return element_key(a, o, &zero);
            const char *base = path_key(a, o);
            return base ? fmt_key(a, "(*", base, ")") : NULL;
        }
        return NULL;
    default:
        return NULL;
    }
}

/* "d[2]" in path: the element that a write to any element "d[]" may have changed */
static bool mentions_element_of(const char *path, const char *key, size_t n)
{
    size_t stem = n - 1; /* "d[" */
    for (const char *p = path; (p = strstr(p, "[")) != NULL; p++) {
        const char *start = p - (stem - 1);
        if (start < path || strncmp(start, key, stem) != 0)
            continue;
        if (start != path && start[-1] != '(' && start[-1] != '*')
            continue;
        const char *q = p + 1;
        while (*q >= '0' && *q <= '9')
            q++;
        if (q != p + 1 && *q == ']')
            return true;
    }
    return false;
}

bool path_mentions(const char *path, const char *key)
{
    size_t n = strlen(key);
    if (!n) /* strstr finds "" everywhere, also past the end of path */
        return false;
    if (n >= 3 && key[n - 2] == '[' && key[n - 1] == ']' && mentions_element_of(path, key, n))
        return true;
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
