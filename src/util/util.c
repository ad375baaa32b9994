/* util.c - heap helpers, arena, strbuf, file reading. */
#include "drvtaint/util.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(void)
{
    fputs("drvtaint: fatal: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xcalloc(size_t count, size_t n)
{
    void *p = calloc(count ? count : 1, n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *path_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

char *xasprintf(const char *fmt, ...)
{
    strbuf sb = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    return sb_take(&sb);
}

/* ---- arena ---- */

enum { ARENA_CHUNK = 64 * 1024, ARENA_ALIGN = 16 };

typedef struct arena_chunk {
    struct arena_chunk *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
} arena_chunk;

struct arena {
    arena_chunk *head;
    size_t chunk;
};

arena *arena_new(void)
{
    return arena_new_chunked(ARENA_CHUNK);
}

arena *arena_new_chunked(size_t chunk)
{
    arena *a = xcalloc(1, sizeof(arena));
    a->chunk = chunk ? chunk : ARENA_CHUNK;
    return a;
}

void arena_free(arena *a)
{
    if (!a)
        return;
    for (arena_chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

void *arena_alloc(arena *a, size_t n)
{
    n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (n == 0)
        n = ARENA_ALIGN;
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > a->chunk ? n : a->chunk;
        c = xmalloc(sizeof(arena_chunk) + size);
        c->used = 0;
        c->size = size;
        /* A big one-off block goes behind the current chunk so its free space is kept. */
        if (a->head && n > a->chunk) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    void *p = c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void **arena_dup_ptrs(arena *a, void *const *items, size_t n)
{
    void **d = arena_alloc(a, (n ? n : 1) * sizeof(void *));
    if (n)
        memcpy(d, items, n * sizeof(void *));
    return d;
}

/* ---- strbuf ---- */

static void sb_reserve(strbuf *sb, size_t extra)
{
    if (sb->len + extra + 1 > sb->cap) {
        size_t cap = sb->cap ? sb->cap : 64;
        while (cap < sb->len + extra + 1)
            cap *= 2;
        sb->buf = xrealloc(sb->buf, cap);
        sb->cap = cap;
    }
}

void sb_appendn(strbuf *sb, const char *s, size_t n)
{
    sb_reserve(sb, n);
    memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

void sb_append(strbuf *sb, const char *s)
{
    sb_appendn(sb, s, strlen(s));
}

void sb_putc(strbuf *sb, char c)
{
    sb_appendn(sb, &c, 1);
}

void sb_vprintf(strbuf *sb, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    sb_reserve(sb, (size_t)n);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
}

void sb_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

char *sb_take(strbuf *sb)
{
    char *s = sb->buf ? sb->buf : xstrdup("");
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    return s;
}

void sb_free(strbuf *sb)
{
    free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
}

/* ---- misc ---- */

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    strbuf sb = {0};
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        sb_appendn(&sb, tmp, n);
    int err = ferror(f);
    fclose(f);
    if (err) {
        sb_free(&sb);
        errno = EIO;
        return NULL;
    }
    if (len)
        *len = sb.len;
    return sb_take(&sb);
}

static void put_utf8(strbuf *sb, unsigned long c)
{
    char b[4];
    size_t n;
    if (c < 0x80) {
        b[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (c >> 18));
        b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    sb_appendn(sb, b, n);
}

char *utf16_to_utf8(const unsigned char *s, size_t n, bool big_endian, size_t *len)
{
    strbuf sb = {0};
    size_t i = 0;
    while (i + 1 < n) {
        unsigned long u = big_endian ? ((unsigned long)s[i] << 8 | s[i + 1]) : ((unsigned long)s[i + 1] << 8 | s[i]);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
            unsigned long lo =
                big_endian ? ((unsigned long)s[i] << 8 | s[i + 1]) : ((unsigned long)s[i + 1] << 8 | s[i]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                i += 2;
                put_utf8(&sb, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                continue;
            }
        }
        put_utf8(&sb, (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u);
    }
    if (i < n)
        put_utf8(&sb, 0xFFFD);
    if (len)
        *len = sb.len;
    return sb_take(&sb);
}

size_t utf8_sequence_length(const unsigned char *s, size_t n)
{
    if (n == 0)
        return 0;
    if (s[0] < 0x80)
        return 1;
    size_t k;
    unsigned char lo = 0x80, hi = 0xBF;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        k = 2;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        k = 3;
        lo = s[0] == 0xE0 ? 0xA0 : 0x80; /* overlong */
        hi = s[0] == 0xED ? 0x9F : 0xBF; /* surrogates */
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        k = 4;
        lo = s[0] == 0xF0 ? 0x90 : 0x80;
        hi = s[0] == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (n < k || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < k; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return k;
}

char *utf8_escape_invalid(const char *s, size_t n)
{
    strbuf sb = {0};
    for (size_t i = 0; i < n;) {
        size_t k = utf8_sequence_length((const unsigned char *)s + i, n - i);
        if (k == 0) {
            sb_printf(&sb, "\\x%02x", (unsigned char)s[i]);
            i++;
        } else {
            sb_appendn(&sb, s + i, k);
            i += k;
        }
    }
    return sb_take(&sb);
}

char *read_source_file(const char *path, size_t *len, const char **encoding)
{
    size_t n = 0;
    char *text = read_file(path, &n);
    if (encoding)
        *encoding = NULL;
    if (!text)
        return NULL;
    const unsigned char *u = (const unsigned char *)text;
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        bool be = u[0] == 0xFE;
        char *utf8 = utf16_to_utf8(u + 2, n - 2, be, &n);
        free(text);
        text = utf8;
        if (encoding)
            *encoding = be ? "UTF-16BE" : "UTF-16LE";
    }
    if (len)
        *len = n;
    return text;
}

size_t sort_unique(void *items, size_t n, size_t size, int (*cmp)(const void *, const void *),
                   void (*drop)(void *))
{
    if (n == 0)
        return 0;
    unsigned char *base = items;
    qsort(base, n, size, cmp);
    size_t out = 1;
    for (size_t i = 1; i < n; i++) {
        unsigned char *item = base + i * size;
        if (cmp(base + (out - 1) * size, item) == 0) {
            drop(item);
            continue;
        }
        if (out != i)
            memcpy(base + out * size, item, size);
        out++;
    }
    return out;
}

char *path_from_cwd(const char *path)
{
    char cwd[4096];
    if (path[0] == '/' && getcwd(cwd, sizeof cwd)) {
        size_t n = strlen(cwd);
        if (strncmp(path, cwd, n) == 0 && path[n] == '/')
            return xstrdup(path + n + 1);
    }
    return xstrdup(path);
}

char *path_below(const char *path, const char *root)
{
    if (!root)
        return path_from_cwd(path);
    size_t n = strlen(root);
    while (n > 1 && root[n - 1] == '/')
        n--;
    if (path[0] == '/' && strncmp(path, root, n) == 0 && path[n] == '/')
        return xstrdup(path + n + 1);
    return xstrdup(path);
}

bool str_ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

int str_cmp_ptr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}
