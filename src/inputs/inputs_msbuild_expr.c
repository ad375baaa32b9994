/* inputs_msbuild_expr.c - $(Property) and %(Metadata) expansion and Condition evaluation for
 * the MSBuild reader. Comparisons are case-insensitive, as in MSBuild. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"
#include "inputs_internal.h"
#include "inputs_msbuild_expr.h"

void mb_props_free(mb_props *p)
{
    for (size_t i = 0; i < p->len; i++) {
        free(p->items[i].name);
        free(p->items[i].value);
    }
    free(p->items);
    p->items = NULL;
    p->len = 0;
}

static mb_prop *find(const mb_props *p, const char *name, size_t n)
{
    for (size_t i = 0; i < p->len; i++)
        if (strlen(p->items[i].name) == n && strncasecmp(p->items[i].name, name, n) == 0)
            return &p->items[i];
    return NULL;
}

const char *mb_get(const mb_props *p, const char *name)
{
    mb_prop *m = find(p, name, strlen(name));
    return m ? m->value : NULL;
}

static void set(mb_props *p, const char *name, const char *value, bool global)
{
    mb_prop *m = find(p, name, strlen(name));
    if (m && m->global && !global)
        return;
    if (!m) {
        p->items = xrealloc(p->items, (p->len + 1) * sizeof *p->items);
        m = &p->items[p->len++];
        m->name = xstrdup(name);
        m->value = NULL;
    }
    free(m->value);
    m->value = xstrdup(value);
    m->global = global;
}

void mb_set(mb_props *p, const char *name, const char *value)
{
    set(p, name, value, false);
}

void mb_set_global(mb_props *p, const char *name, const char *value)
{
    set(p, name, value, true);
}

/* The end of a $( or %( reference starting at s (just after the parenthesis), nested
 * parentheses and quoted strings included; NULL when it is not closed. */
static const char *ref_end(const char *s)
{
    int depth = 1;
    char quote = 0;
    for (; *s; s++) {
        if (quote) {
            if (*s == quote)
                quote = 0;
        } else if (*s == '\'' || *s == '"' || *s == '`') {
            quote = *s;
        } else if (*s == '(') {
            depth++;
        } else if (*s == ')' && --depth == 0) {
            return s;
        }
    }
    return NULL;
}

static bool is_plain_name(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '-')
            return false;
    return true;
}

char *mb_expand(const char *text, const mb_props *props, const mb_props *meta)
{
    strbuf out = {0};
    sb_append(&out, "");
    for (const char *s = text; *s;) {
        if ((s[0] == '$' || s[0] == '%' || s[0] == '@') && s[1] == '(') {
            const char *end = ref_end(s + 2);
            if (end) {
                const char *name = s + 2;
                size_t n = (size_t)(end - name);
                const mb_prop *m = NULL;
                if (s[0] == '$' && is_plain_name(name, n))
                    m = find(props, name, n);
                else if (s[0] == '%' && meta && is_plain_name(name, n))
                    m = find(meta, name, n);
                if (m)
                    sb_append(&out, m->value);
                else if (s[0] != '%') /* property functions, registry, item lists: not modelled */
                    sb_putc(&out, MB_UNDEFINED);
                s = end + 1;
                continue;
            }
        }
        sb_putc(&out, *s++);
    }
    return sb_take(&out);
}

char **mb_split_list(const char *expanded, size_t *n)
{
    VEC(char *) words = {0};
    for (const char *s = expanded;;) {
        size_t len = strcspn(s, ";");
        const char *a = s, *b = s + len;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        if (b > a && !memchr(a, MB_UNDEFINED, (size_t)(b - a)))
            VEC_PUSH(&words, xstrndup(a, (size_t)(b - a)));
        if (!s[len])
            break;
        s += len + 1;
    }
    *n = words.len;
    if (!words.items)
        words.items = xcalloc(1, sizeof(char *));
    return words.items;
}

/* ---- conditions: a recursive-descent reader over the expanded text ---- */

typedef struct cond_reader {
    const char *p;
    const char *base;
    bool bad;
} cond_reader;

typedef struct cval {
    char *s; /* a string operand, or NULL for a boolean */
    bool b;
} cval;

static void skip_ws(cond_reader *r)
{
    while (isspace((unsigned char)*r->p))
        r->p++;
}

static bool word_is(cond_reader *r, const char *w)
{
    size_t n = strlen(w);
    return strncasecmp(r->p, w, n) == 0 && !isalnum((unsigned char)r->p[n]) && r->p[n] != '_';
}

static char *strip_undefined(const char *s, size_t n)
{
    strbuf b = {0};
    sb_append(&b, "");
    for (size_t i = 0; i < n; i++)
        if (s[i] != MB_UNDEFINED)
            sb_putc(&b, s[i]);
    return sb_take(&b);
}

static bool truthy(const cval *v)
{
    return v->s ? strcasecmp(v->s, "true") == 0 : v->b;
}

static cval cond_or(cond_reader *r);

static bool path_exists(const char *base, const char *path)
{
    if (!*path)
        return false;
    bool found = false;
    free(inputs_path_resolve_ci(base, path, &found));
    return found;
}

static cval cond_primary(cond_reader *r)
{
    skip_ws(r);
    cval v = {0};
    if (*r->p == '(') {
        r->p++;
        v = cond_or(r);
        skip_ws(r);
        if (*r->p == ')')
            r->p++;
        else
            r->bad = true;
        return v;
    }
    if (*r->p == '!') {
        r->p++;
        cval inner = cond_primary(r);
        v.b = !truthy(&inner);
        free(inner.s);
        return v;
    }
    if (*r->p == '\'' || *r->p == '"') {
        char q = *r->p++;
        const char *s = r->p;
        while (*r->p && *r->p != q)
            r->p++;
        v.s = strip_undefined(s, (size_t)(r->p - s));
        if (*r->p)
            r->p++;
        else
            r->bad = true;
        return v;
    }
    if (word_is(r, "Exists") || word_is(r, "HasTrailingSlash")) {
        bool is_exists = word_is(r, "Exists");
        r->p += is_exists ? 6 : 16;
        skip_ws(r);
        if (*r->p != '(') {
            r->bad = true;
            return v;
        }
        r->p++;
        cval arg = cond_primary(r);
        skip_ws(r);
        if (*r->p == ')')
            r->p++;
        else
            r->bad = true;
        const char *a = arg.s ? arg.s : "";
        size_t n = strlen(a);
        v.b = is_exists ? path_exists(r->base, a) : (n > 0 && (a[n - 1] == '\\' || a[n - 1] == '/'));
        free(arg.s);
        return v;
    }
    /* a bare word or number: true, false, 1.0, an unquoted property value */
    const char *s = r->p;
    while (*r->p && (isalnum((unsigned char)*r->p) || strchr("._-|\\/:$", *r->p) || *r->p == MB_UNDEFINED))
        r->p++;
    if (r->p == s) {
        r->bad = true;
        return v;
    }
    v.s = strip_undefined(s, (size_t)(r->p - s));
    return v;
}

static int compare(const char *a, const char *b)
{
    char *ea, *eb;
    double x = strtod(a, &ea), y = strtod(b, &eb);
    if (*a && *b && !*ea && !*eb)
        return x < y ? -1 : x > y;
    return strcasecmp(a, b);
}

static cval cond_compare(cond_reader *r)
{
    cval a = cond_primary(r);
    skip_ws(r);
    static const char *const ops[] = {"==", "!=", "<=", ">=", "<", ">"};
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        size_t n = strlen(ops[k]);
        if (strncmp(r->p, ops[k], n) != 0)
            continue;
        r->p += n;
        cval b = cond_primary(r);
        int c = compare(a.s ? a.s : (a.b ? "true" : "false"), b.s ? b.s : (b.b ? "true" : "false"));
        cval v = {0};
        v.b = k == 0 ? c == 0 : k == 1 ? c != 0 : k == 2 ? c <= 0 : k == 3 ? c >= 0 : k == 4 ? c < 0 : c > 0;
        free(a.s);
        free(b.s);
        return v;
    }
    return a;
}

static cval cond_and(cond_reader *r)
{
    cval a = cond_compare(r);
    for (;;) {
        skip_ws(r);
        if (!word_is(r, "and"))
            return a;
        r->p += 3;
        cval b = cond_compare(r);
        cval v = {.b = truthy(&a) && truthy(&b)};
        free(a.s);
        free(b.s);
        a = v;
    }
}

static cval cond_or(cond_reader *r)
{
    cval a = cond_and(r);
    for (;;) {
        skip_ws(r);
        if (!word_is(r, "or"))
            return a;
        r->p += 2;
        cval b = cond_and(r);
        cval v = {.b = truthy(&a) || truthy(&b)};
        free(a.s);
        free(b.s);
        a = v;
    }
}

bool mb_condition(const char *cond, const mb_props *props, const char *base)
{
    if (!cond)
        return true;
    char *text = mb_expand(cond, props, NULL);
    cond_reader r = {text, base, false};
    skip_ws(&r);
    bool result = true;
    if (*r.p) {
        cval v = cond_or(&r);
        skip_ws(&r);
        result = !r.bad && !*r.p && truthy(&v);
        free(v.s);
    }
    free(text);
    return result;
}
