/* range.c - interval arithmetic in 128 bits, so that 64-bit ends never overflow here. */
#include "drvtaint/range.h"

#include <stdio.h>
#include <string.h>

static unsigned clamp_bits(unsigned bits)
{
    return bits == 0 || bits > 64 ? 64 : bits;
}

static range_int type_min(unsigned bits, bool is_signed)
{
    bits = clamp_bits(bits);
    return is_signed ? -((range_int)1 << (bits - 1)) : 0;
}

static range_int type_max(unsigned bits, bool is_signed)
{
    bits = clamp_bits(bits);
    if (bits == 1)
        return 1;
    return is_signed ? ((range_int)1 << (bits - 1)) - 1 : ((range_int)1 << bits) - 1;
}

static range_int read_as(uint64_t v, unsigned bits, bool is_signed)
{
    bits = clamp_bits(bits);
    uint64_t mask = bits == 64 ? ~(uint64_t)0 : (((uint64_t)1 << bits) - 1);
    v &= mask;
    if (is_signed && bits > 1 && (v >> (bits - 1)) & 1)
        return (range_int)v - ((range_int)1 << bits);
    return (range_int)v;
}

static range fit(range r, unsigned bits, bool is_signed)
{
    if (range_is_empty(r))
        return r;
    if (r.lo < type_min(bits, is_signed) || r.hi > type_max(bits, is_signed))
        return range_full(bits, is_signed);
    return r;
}

range range_full(unsigned bits, bool is_signed)
{
    return (range){type_min(bits, is_signed), type_max(bits, is_signed)};
}

range range_empty(void)
{
    return (range){1, 0};
}

range range_const(uint64_t v, unsigned bits, bool is_signed)
{
    range_int x = read_as(v, bits, is_signed);
    return (range){x, x};
}

range range_bool(void)
{
    return (range){0, 1};
}

bool range_is_empty(range r)
{
    return r.lo > r.hi;
}

bool range_is_full(range r, unsigned bits, bool is_signed)
{
    return r.lo <= type_min(bits, is_signed) && r.hi >= type_max(bits, is_signed);
}

bool range_equal(range a, range b)
{
    if (range_is_empty(a) || range_is_empty(b))
        return range_is_empty(a) && range_is_empty(b);
    return a.lo == b.lo && a.hi == b.hi;
}

bool range_is_singleton(range r, uint64_t *v)
{
    if (range_is_empty(r) || r.lo != r.hi)
        return false;
    if (v)
        *v = (uint64_t)r.lo;
    return true;
}

bool range_contains(range r, range_int v)
{
    return !range_is_empty(r) && r.lo <= v && v <= r.hi;
}

range range_join(range a, range b)
{
    if (range_is_empty(a))
        return b;
    if (range_is_empty(b))
        return a;
    return (range){a.lo < b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi};
}

range range_meet(range a, range b)
{
    if (range_is_empty(a) || range_is_empty(b))
        return range_empty();
    return (range){a.lo > b.lo ? a.lo : b.lo, a.hi < b.hi ? a.hi : b.hi};
}

range range_widen(range old, range next, unsigned bits, bool is_signed)
{
    if (range_is_empty(old))
        return next;
    if (range_is_empty(next))
        return old;
    range w = next;
    if (next.lo < old.lo)
        w.lo = type_min(bits, is_signed);
    if (next.hi > old.hi)
        w.hi = type_max(bits, is_signed);
    return w;
}

range range_refine_cmp(range r, ast_binop op, uint64_t cbits, unsigned bits, bool is_signed)
{
    if (range_is_empty(r))
        return r;
    range_int c = read_as(cbits, bits, is_signed);
    switch (op) {
    case AST_BIN_LT:
        if (c - 1 < r.hi)
            r.hi = c - 1;
        break;
    case AST_BIN_LE:
        if (c < r.hi)
            r.hi = c;
        break;
    case AST_BIN_GT:
        if (c + 1 > r.lo)
            r.lo = c + 1;
        break;
    case AST_BIN_GE:
        if (c > r.lo)
            r.lo = c;
        break;
    case AST_BIN_EQ:
        r = range_meet(r, (range){c, c});
        break;
    case AST_BIN_NE:
        if (r.lo == c)
            r.lo = c + 1;
        else if (r.hi == c)
            r.hi = c - 1;
        break;
    default:
        break;
    }
    return r;
}

range range_cast(range r, unsigned from_bits, bool from_signed, unsigned to_bits, bool to_signed)
{
    (void)from_bits;
    (void)from_signed;
    if (range_is_empty(r))
        return r;
    return fit(r, to_bits, to_signed); /* values that fit survive; the rest may wrap anywhere */
}

range range_add(range a, range b, unsigned bits, bool is_signed)
{
    if (range_is_empty(a) || range_is_empty(b))
        return range_empty();
    return fit((range){a.lo + b.lo, a.hi + b.hi}, bits, is_signed);
}

range range_sub(range a, range b, unsigned bits, bool is_signed)
{
    if (range_is_empty(a) || range_is_empty(b))
        return range_empty();
    return fit((range){a.lo - b.hi, a.hi - b.lo}, bits, is_signed);
}

range range_neg(range a, unsigned bits, bool is_signed)
{
    if (range_is_empty(a))
        return a;
    return fit((range){-a.hi, -a.lo}, bits, is_signed);
}

range range_and_const(range a, uint64_t mask, unsigned bits, bool is_signed)
{
    if (range_is_empty(a))
        return a;
    range_int m = read_as(mask, bits, is_signed);
    if (m < 0)
        return range_full(bits, is_signed); /* a negative mask keeps the sign bit */
    range r = {0, m};
    if (a.lo >= 0 && a.hi < m)
        r.hi = a.hi;
    return r;
}

range range_rem_const(range a, uint64_t nbits, unsigned bits, bool is_signed)
{
    if (range_is_empty(a))
        return a;
    range_int n = read_as(nbits, bits, is_signed);
    if (n < 0)
        n = -n;
    if (n == 0)
        return range_full(bits, is_signed);
    if (a.lo >= 0)
        return (range){0, a.hi < n - 1 ? a.hi : n - 1};
    return (range){-(n - 1), n - 1};
}

range range_shr_const(range a, uint64_t n, unsigned bits, bool is_signed)
{
    if (range_is_empty(a))
        return a;
    if (n >= clamp_bits(bits))
        return a.lo >= 0 ? (range){0, 0} : range_full(bits, is_signed);
    return (range){a.lo >> n, a.hi >> n};
}

range range_div_const(range a, uint64_t nbits, unsigned bits, bool is_signed)
{
    if (range_is_empty(a))
        return a;
    range_int n = read_as(nbits, bits, is_signed);
    if (n <= 0)
        return range_full(bits, is_signed);
    return (range){a.lo / n, a.hi / n};
}

bool range_is_bounded(range r, unsigned bits, bool is_signed)
{
    if (range_is_empty(r))
        return true; /* unreachable: nothing reaches the sink */
    if (r.hi >= type_max(bits, is_signed))
        return false;
    return !is_signed || r.lo > type_min(bits, is_signed);
}

bool range_reaches_min(range r, unsigned bits, bool is_signed)
{
    return !range_is_empty(r) && r.lo <= type_min(bits, is_signed);
}

uint64_t range_max_u(range r, unsigned bits, bool is_signed)
{
    (void)bits;
    (void)is_signed;
    if (range_is_empty(r) || r.hi < 0)
        return 0;
    return r.hi > (range_int)UINT64_MAX ? UINT64_MAX : (uint64_t)r.hi;
}

static void format_value(char *buf, size_t n, range_int v)
{
    bool neg = v < 0;
    unsigned __int128 m = neg ? (unsigned __int128)(-(v + 1)) + 1 : (unsigned __int128)v;
    uint64_t u = (uint64_t)m;
    if (u < 256)
        snprintf(buf, n, "%s%llu", neg ? "-" : "", (unsigned long long)u);
    else
        snprintf(buf, n, "%s0x%llx", neg ? "-" : "", (unsigned long long)u);
}

void range_format(char *buf, size_t n, range r, unsigned bits, bool is_signed)
{
    if (range_is_empty(r)) {
        snprintf(buf, n, "none (unreachable)");
        return;
    }
    if (range_is_full(r, bits, is_signed)) {
        snprintf(buf, n, "any %u-bit %s value", clamp_bits(bits), is_signed ? "signed" : "unsigned");
        return;
    }
    char lo[48], hi[48];
    format_value(lo, sizeof lo, r.lo);
    if (r.lo == r.hi) {
        snprintf(buf, n, "%s", lo);
        return;
    }
    format_value(hi, sizeof hi, r.hi);
    snprintf(buf, n, "[%s, %s]", lo, hi);
}
