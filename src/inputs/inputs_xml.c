/* inputs_xml.c - the tolerant XML reader behind the MSBuild reader. It never fails on bad
 * markup: what it cannot read it skips, so a damaged project costs its own units only. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "drvtaint/util.h"
#include "inputs_xml.h"

typedef struct reader {
    const char *p, *end;
} reader;

static void put_utf8(strbuf *sb, unsigned long c)
{
    if (c < 0x80) {
        sb_putc(sb, (char)c);
    } else if (c < 0x800) {
        sb_putc(sb, (char)(0xC0 | (c >> 6)));
        sb_putc(sb, (char)(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        sb_putc(sb, (char)(0xE0 | (c >> 12)));
        sb_putc(sb, (char)(0x80 | ((c >> 6) & 0x3F)));
        sb_putc(sb, (char)(0x80 | (c & 0x3F)));
    } else if (c < 0x110000) {
        sb_putc(sb, (char)(0xF0 | (c >> 18)));
        sb_putc(sb, (char)(0x80 | ((c >> 12) & 0x3F)));
        sb_putc(sb, (char)(0x80 | ((c >> 6) & 0x3F)));
        sb_putc(sb, (char)(0x80 | (c & 0x3F)));
    }
}

/* Appends s[0..n) with the five named entities and character references decoded. */
static void append_decoded(strbuf *sb, const char *s, size_t n)
{
    static const struct {
        const char *name;
        char c;
    } named[] = {{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''}};
    for (size_t i = 0; i < n;) {
        if (s[i] != '&') {
            sb_putc(sb, s[i++]);
            continue;
        }
        bool done = false;
        for (size_t k = 0; k < sizeof named / sizeof named[0] && !done; k++) {
            size_t m = strlen(named[k].name);
            if (i + 1 + m <= n && strncmp(s + i + 1, named[k].name, m) == 0) {
                sb_putc(sb, named[k].c);
                i += 1 + m;
                done = true;
            }
        }
        if (!done && i + 2 < n && s[i + 1] == '#') {
            size_t j = i + 2;
            int base = 10;
            if (s[j] == 'x' || s[j] == 'X') {
                base = 16;
                j++;
            }
            unsigned long c = 0;
            size_t start = j;
            while (j < n && j - start < 8 &&
                   ((s[j] >= '0' && s[j] <= '9') ||
                    (base == 16 && ((s[j] >= 'a' && s[j] <= 'f') || (s[j] >= 'A' && s[j] <= 'F'))))) {
                int d = s[j] <= '9' ? s[j] - '0' : (s[j] | 0x20) - 'a' + 10;
                c = c * (unsigned long)base + (unsigned long)d;
                j++;
            }
            if (j > start && j < n && s[j] == ';') {
                put_utf8(sb, c);
                i = j + 1;
                done = true;
            }
        }
        if (!done)
            sb_putc(sb, s[i++]);
    }
}

static bool starts(const reader *r, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(r->end - r->p) >= n && memcmp(r->p, s, n) == 0;
}

/* Moves past the next occurrence of s, or to the end. */
static void skip_past(reader *r, const char *s)
{
    size_t n = strlen(s);
    while (r->p < r->end && !starts(r, s))
        r->p++;
    r->p = r->p + n <= r->end ? r->p + n : r->end;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_name_char(char c)
{
    return c && !is_space(c) && !strchr("<>/=\"'?!", c);
}

static void skip_space(reader *r)
{
    while (r->p < r->end && is_space(*r->p))
        r->p++;
}

static char *read_name(reader *r)
{
    const char *s = r->p;
    while (r->p < r->end && is_name_char(*r->p))
        r->p++;
    return xstrndup(s, (size_t)(r->p - s));
}

static xml_node *node_new(char *name)
{
    xml_node *n = xcalloc(1, sizeof *n);
    n->name = name;
    return n;
}

static void add_child(xml_node *parent, xml_node *child)
{
    parent->children = xrealloc(parent->children, (parent->nchildren + 1) * sizeof *parent->children);
    parent->children[parent->nchildren++] = child;
}

/* Reads attributes up to '>' or '/>'; returns true for a self-closing tag. */
static bool read_attrs(reader *r, xml_node *n)
{
    for (;;) {
        skip_space(r);
        if (r->p >= r->end)
            return true;
        if (*r->p == '>') {
            r->p++;
            return false;
        }
        if (starts(r, "/>")) {
            r->p += 2;
            return true;
        }
        if (!is_name_char(*r->p)) {
            r->p++; /* stray character: tolerated */
            continue;
        }
        char *name = read_name(r);
        skip_space(r);
        strbuf value = {0};
        if (r->p < r->end && *r->p == '=') {
            r->p++;
            skip_space(r);
            if (r->p < r->end && (*r->p == '"' || *r->p == '\'')) {
                char q = *r->p++;
                const char *s = r->p;
                while (r->p < r->end && *r->p != q)
                    r->p++;
                append_decoded(&value, s, (size_t)(r->p - s));
                if (r->p < r->end)
                    r->p++;
            } else {
                const char *s = r->p;
                while (r->p < r->end && is_name_char(*r->p))
                    r->p++;
                append_decoded(&value, s, (size_t)(r->p - s));
            }
        }
        n->attrs = xrealloc(n->attrs, (n->nattrs + 1) * sizeof *n->attrs);
        n->attrs[n->nattrs++] = (xml_attr){name, value.buf ? sb_take(&value) : xstrdup("")};
    }
}

enum { XML_MAX_DEPTH = 256 };

xml_node *xml_parse(const char *text, size_t len)
{
    reader r = {text, text + len};
    if (starts(&r, "\xEF\xBB\xBF"))
        r.p += 3;
    xml_node *root = NULL;
    xml_node *stack[XML_MAX_DEPTH];
    strbuf texts[XML_MAX_DEPTH];
    size_t depth = 0;
    while (r.p < r.end) {
        if (*r.p != '<') {
            const char *s = r.p;
            while (r.p < r.end && *r.p != '<')
                r.p++;
            if (depth > 0)
                append_decoded(&texts[depth - 1], s, (size_t)(r.p - s));
            continue;
        }
        if (starts(&r, "<!--")) {
            skip_past(&r, "-->");
        } else if (starts(&r, "<![CDATA[")) {
            r.p += 9;
            const char *s = r.p;
            skip_past(&r, "]]>");
            if (depth > 0) {
                size_t n = (size_t)(r.p - s);
                sb_appendn(&texts[depth - 1], s, n >= 3 ? n - 3 : n);
            }
        } else if (starts(&r, "<?")) {
            skip_past(&r, "?>");
        } else if (starts(&r, "<!")) {
            skip_past(&r, ">");
        } else if (starts(&r, "</")) {
            r.p += 2;
            char *name = read_name(&r);
            skip_past(&r, ">");
            /* close up to the matching open element; an unmatched end tag is ignored */
            size_t k = depth;
            while (k > 0 && strcmp(stack[k - 1]->name, name) != 0)
                k--;
            while (k > 0 && depth >= k) {
                xml_node *n = stack[--depth];
                n->text = texts[depth].buf ? sb_take(&texts[depth]) : xstrdup("");
            }
            free(name);
        } else {
            r.p++;
            xml_node *n = node_new(read_name(&r));
            bool closed = read_attrs(&r, n);
            if (depth > 0)
                add_child(stack[depth - 1], n);
            else if (!root)
                root = n;
            else {
                xml_free(n); /* a second root: ignored */
                continue;
            }
            if (closed || depth == XML_MAX_DEPTH) {
                n->text = xstrdup("");
                if (!closed) /* too deep: its content is read as siblings' */
                    continue;
            } else {
                stack[depth] = n;
                texts[depth] = (strbuf){0};
                depth++;
            }
        }
    }
    while (depth > 0) {
        xml_node *n = stack[--depth];
        n->text = texts[depth].buf ? sb_take(&texts[depth]) : xstrdup("");
    }
    return root;
}

void xml_free(xml_node *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->nchildren; i++)
        xml_free(n->children[i]);
    for (size_t i = 0; i < n->nattrs; i++) {
        free(n->attrs[i].name);
        free(n->attrs[i].value);
    }
    free(n->attrs);
    free(n->children);
    free(n->text);
    free(n->name);
    free(n);
}

const char *xml_attr_get(const xml_node *n, const char *name)
{
    for (size_t i = 0; i < n->nattrs; i++)
        if (strcasecmp(n->attrs[i].name, name) == 0)
            return n->attrs[i].value;
    return NULL;
}
