/* report_linehash.c - primaryLocationLineHash exactly as GitHub's upload action computes it
 * (codeql-action src/fingerprints.ts), so that the value drvtaint writes is the one GitHub
 * would have written and two findings on lines with the same text stay two alerts.
 *
 * The algorithm: the file is read as UTF-16 code units (JavaScript strings); spaces and tabs
 * are dropped, CR, LF and CRLF become one LF; a polynomial rolling hash (base 37, modulo 2^64)
 * runs over a window of the next 100 kept characters, so a line's hash covers its own text and
 * what follows it. A sentinel 65535 marks the end of the file, then zeros fill the window. The
 * hash is printed in lowercase hex without leading zeros, with ":N" where N counts the lines
 * of the file that had the same hash so far. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/report.h"

#define LH_BLOCK 100
#define LH_MOD 37u
#define LH_EOF 65535u

typedef struct lh_state {
    uint64_t window[LH_BLOCK];
    long line_at[LH_BLOCK]; /* line starting at this window slot, or -1 */
    uint64_t hash, first_mod;
    size_t index;
    long line;
    bool line_start, prev_cr;
    /* output: one hash per line, and the counts of each hash seen so far */
    char **out;
    size_t nout, cap;
    uint64_t *seen;
    unsigned *seen_count;
    size_t nseen, seen_cap;
} lh_state;

static unsigned occurrence(lh_state *s, uint64_t h)
{
    /* files have few lines with equal hashes: a linear table is enough and keeps order simple */
    for (size_t i = 0; i < s->nseen; i++)
        if (s->seen[i] == h)
            return ++s->seen_count[i];
    if (s->nseen == s->seen_cap) {
        s->seen_cap = s->seen_cap ? s->seen_cap * 2 : 256;
        s->seen = xrealloc(s->seen, s->seen_cap * sizeof *s->seen);
        s->seen_count = xrealloc(s->seen_count, s->seen_cap * sizeof *s->seen_count);
    }
    s->seen[s->nseen] = h;
    s->seen_count[s->nseen++] = 1;
    return 1;
}

static void output_hash(lh_state *s)
{
    long line = s->line_at[s->index];
    unsigned n = occurrence(s, s->hash);
    if ((size_t)line > s->cap) {
        size_t cap = s->cap ? s->cap : 64;
        while (cap < (size_t)line)
            cap *= 2;
        s->out = xrealloc(s->out, cap * sizeof *s->out);
        memset(s->out + s->cap, 0, (cap - s->cap) * sizeof *s->out);
        s->cap = cap;
    }
    free(s->out[line - 1]);
    s->out[line - 1] = xasprintf("%llx:%u", (unsigned long long)s->hash, n);
    if ((size_t)line > s->nout)
        s->nout = (size_t)line;
    s->line_at[s->index] = -1;
}

static void update_hash(lh_state *s, uint64_t c)
{
    uint64_t begin = s->window[s->index];
    s->window[s->index] = c;
    s->hash = LH_MOD * s->hash + c - s->first_mod * begin; /* wraps like Long */
    s->index = (s->index + 1) % LH_BLOCK;
}

static void process(lh_state *s, uint32_t c)
{
    if (c == ' ' || c == '\t' || (s->prev_cr && c == '\n')) {
        s->prev_cr = false;
        return;
    }
    if (c == '\r') {
        c = '\n';
        s->prev_cr = true;
    } else {
        s->prev_cr = false;
    }
    if (s->line_at[s->index] != -1)
        output_hash(s);
    if (s->line_start) {
        s->line_start = false;
        s->line_at[s->index] = ++s->line;
    }
    if (c == '\n')
        s->line_start = true;
    update_hash(s, c);
}

/* Next UTF-16 code unit(s) of UTF-8 text, as Node's decoder gives them: an invalid byte is
 * U+FFFD, a code point above U+FFFF is a surrogate pair. Returns the bytes consumed. */
static size_t decode(const unsigned char *p, size_t left, uint32_t units[2], int *nunits)
{
    *nunits = 1;
    unsigned char b = p[0];
    size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 1) {
        units[0] = b;
        return 1;
    }
    if (len == 0 || len > left) {
        units[0] = 0xFFFD;
        return 1;
    }
    uint32_t cp = b & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            units[0] = 0xFFFD;
            return 1;
        }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    static const uint32_t min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        units[0] = 0xFFFD;
        return 1;
    }
    if (cp >= 0x10000) {
        cp -= 0x10000;
        units[0] = 0xD800 + (cp >> 10);
        units[1] = 0xDC00 + (cp & 0x3FF);
        *nunits = 2;
    } else {
        units[0] = cp;
    }
    return len;
}

char **report_line_hashes(const char *text, size_t len, size_t *nlines)
{
    lh_state *s = xcalloc(1, sizeof *s);
    s->first_mod = 1;
    for (int i = 0; i < LH_BLOCK; i++) {
        s->first_mod *= LH_MOD;
        s->line_at[i] = -1;
    }
    s->line_start = true;
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        uint32_t units[2];
        int n;
        i += decode(p + i, len - i, units, &n);
        for (int k = 0; k < n; k++)
            process(s, units[k]);
    }
    process(s, LH_EOF);
    for (int i = 0; i < LH_BLOCK; i++) {
        if (s->line_at[s->index] != -1)
            output_hash(s);
        update_hash(s, 0);
    }
    char **out = s->out;
    *nlines = s->nout;
    free(s->seen);
    free(s->seen_count);
    free(s);
    return out;
}
