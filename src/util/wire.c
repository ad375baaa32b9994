/* wire.c - varints and strings for messages between processes (see wire.h). */
#include "drvtaint/wire.h"

#include <string.h>

void wire_put_u64(strbuf *b, uint64_t v)
{
    do {
        unsigned char c = v & 0x7f;
        v >>= 7;
        sb_putc(b, (char)(c | (v ? 0x80 : 0)));
    } while (v);
}

void wire_put_i64(strbuf *b, int64_t v)
{
    wire_put_u64(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

void wire_put_str(strbuf *b, const char *s)
{
    if (!s) {
        wire_put_u64(b, 0);
        return;
    }
    size_t n = strlen(s);
    wire_put_u64(b, (uint64_t)n + 1);
    sb_appendn(b, s, n);
}

wire_reader wire_reader_new(const char *data, size_t len)
{
    const unsigned char *p = (const unsigned char *)data;
    return (wire_reader){p, p ? p + len : p, false};
}

uint64_t wire_get_u64(wire_reader *r)
{
    uint64_t v = 0;
    for (unsigned shift = 0; !r->bad; shift += 7) {
        if (r->p >= r->end || shift > 63) {
            r->bad = true;
            break;
        }
        unsigned char c = *r->p++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            return v;
    }
    return 0;
}

int64_t wire_get_i64(wire_reader *r)
{
    uint64_t u = wire_get_u64(r);
    return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

size_t wire_get_count(wire_reader *r, size_t min_bytes)
{
    uint64_t n = wire_get_u64(r);
    if (r->bad || (min_bytes && n > (uint64_t)(r->end - r->p) / min_bytes)) {
        r->bad = true;
        return 0;
    }
    return (size_t)n;
}

/* The bytes of the next string, or NULL (with *len 0) for NULL and on error. */
static const char *next_str(wire_reader *r, size_t *len)
{
    *len = 0;
    uint64_t n = wire_get_u64(r);
    if (r->bad || n == 0)
        return NULL;
    if (n - 1 > (uint64_t)(r->end - r->p)) {
        r->bad = true;
        return NULL;
    }
    const char *s = (const char *)r->p;
    *len = (size_t)(n - 1);
    r->p += n - 1;
    return s;
}

char *wire_get_str(wire_reader *r)
{
    size_t n;
    const char *s = next_str(r, &n);
    return s ? xstrndup(s, n) : NULL;
}

const char *wire_get_str_in(wire_reader *r, arena *a)
{
    size_t n;
    const char *s = next_str(r, &n);
    return s ? arena_strndup(a, s, n) : NULL;
}
