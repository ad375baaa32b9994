/* linear.c - linear forms over access paths: c + k1*p1 + k2*p2 + ... with small integer
 * coefficients, the language of the symbolic bounds (REL_AT_MOST: "len <= bufLen - off") and
 * of allocation sizes that are sums (ExAllocatePool2(f, h + n + 12, t)). A form is written as
 * text, terms sorted by path, so two forms are the same bound exactly when their texts are
 * equal; a single path with nothing added is written as the path itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"

void lin_init(linear *l)
{
    memset(l, 0, sizeof *l);
    l->ok = true;
}

void lin_add_term(linear *l, const char *key, int coef)
{
    if (!l->ok || coef == 0)
        return;
    for (size_t i = 0; i < l->n; i++) {
        if (strcmp(l->t[i].key, key) != 0)
            continue;
        l->t[i].coef += coef;
        if (l->t[i].coef == 0) { /* cancelled: off + len - off is len */
            memmove(&l->t[i], &l->t[i + 1], (l->n - i - 1) * sizeof l->t[0]);
            l->n--;
        }
        return;
    }
    if (l->n == LIN_MAX_TERMS) {
        l->ok = false;
        return;
    }
    l->t[l->n++] = (lin_term){key, coef};
}

void lin_add(linear *l, const linear *m, int sign)
{
    if (!m->ok) {
        l->ok = false;
        return;
    }
    l->c += sign * m->c;
    for (size_t i = 0; i < m->n; i++)
        lin_add_term(l, m->t[i].key, sign * m->t[i].coef);
}

static int term_cmp(const void *a, const void *b)
{
    return strcmp(((const lin_term *)a)->key, ((const lin_term *)b)->key);
}

const char *lin_format(arena *a, const linear *l)
{
    if (!l->ok)
        return NULL;
    if (l->n == 0) { /* a number: the size of ExAllocatePool2(f, 64, t) */
        char num[32];
        snprintf(num, sizeof num, "%lld", l->c);
        return arena_strdup(a, num);
    }
    lin_term t[LIN_MAX_TERMS];
    memcpy(t, l->t, l->n * sizeof t[0]);
    qsort(t, l->n, sizeof t[0], term_cmp);
    if (l->n == 1 && t[0].coef == 1 && l->c == 0)
        return arena_strdup(a, t[0].key);
    strbuf sb = {0};
    for (size_t i = 0; i < l->n; i++) {
        int k = t[i].coef;
        const char *sign = k < 0 ? (i ? " - " : "-") : (i ? " + " : "");
        int mag = k < 0 ? -k : k;
        if (mag == 1)
            sb_printf(&sb, "%s%s", sign, t[i].key);
        else
            sb_printf(&sb, "%s%d*%s", sign, mag, t[i].key);
    }
    if (l->c)
        sb_printf(&sb, " %s %lld", l->c < 0 ? "-" : "+", (long long)(l->c < 0 ? -l->c : l->c));
    const char *out = arena_strdup(a, sb.buf);
    sb_free(&sb);
    return out;
}

/* The text of a term ends at " + " or " - " (paths hold no spaces). */
static const char *term_end(const char *p)
{
    const char *e = p;
    while (*e && !(e[0] == ' ' && (e[1] == '+' || e[1] == '-') && e[2] == ' '))
        e++;
    return e;
}

bool lin_parse(arena *a, const char *text, linear *out)
{
    lin_init(out);
    if (!text)
        return out->ok = false;
    const char *p = text;
    int sign = 1;
    if (*p == '-') {
        sign = -1;
        p++;
    }
    while (*p) {
        const char *e = term_end(p);
        size_t n = (size_t)(e - p);
        if (n == 0)
            return out->ok = false;
        char *term = arena_alloc(a, n + 1);
        memcpy(term, p, n);
        term[n] = '\0';
        char *end = NULL;
        long long v = strtoll(term, &end, 10);
        if (end && *end == '\0' && end != term) {
            out->c += sign * v;
        } else {
            int coef = 1;
            char *star = strchr(term, '*');
            /* "2*len" (a path never starts with a digit; "(*p)" has its star after a paren) */
            if (star && term[0] >= '0' && term[0] <= '9') {
                coef = atoi(term);
                term = star + 1;
            }
            lin_add_term(out, term, sign * coef);
        }
        if (!*e)
            break;
        sign = e[1] == '-' ? -1 : 1;
        p = e + 3;
    }
    return out->ok;
}

bool lin_mentions(const char *text, const char *key)
{
    for (const char *p = text; p && *p;) {
        if (*p == '-')
            p++;
        const char *e = term_end(p);
        const char *star = memchr(p, '*', (size_t)(e - p));
        if (star && p[0] >= '0' && p[0] <= '9')
            p = star + 1;
        size_t n = (size_t)(e - p);
        char buf[256];
        if (n < sizeof buf) {
            memcpy(buf, p, n);
            buf[n] = '\0';
            if (path_mentions(buf, key))
                return true;
        } else {
            return true; /* too long to tell: take it as named */
        }
        p = *e ? e + 3 : e;
    }
    return false;
}
