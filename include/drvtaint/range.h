/* range.h - intervals of integer values for the bounds checks.
 *
 * Lattice: one closed interval [lo, hi] of the values an integer (or a pointer seen as a
 * 64-bit unsigned address) of a given width and signedness can hold; empty (lo > hi) is
 * bottom, the type's whole range is top. Bounds are kept in 128 bits so every 64-bit
 * signed and unsigned value is exact. A single interval cannot say "x != 5"; such a
 * test only trims an end. Every operation that could wrap returns top. */
#ifndef DRVTAINT_RANGE_H
#define DRVTAINT_RANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drvtaint/ast.h"

__extension__ typedef __int128 range_int;

typedef struct range {
    range_int lo, hi;
} range;

range range_full(unsigned bits, bool is_signed);
range range_empty(void);
/* v holds the value's bits in two's complement; it is read as the given type. */
range range_const(uint64_t v, unsigned bits, bool is_signed);
range range_bool(void);

bool range_is_empty(range r);
bool range_is_full(range r, unsigned bits, bool is_signed);
bool range_equal(range a, range b);
bool range_is_singleton(range r, uint64_t *v);
bool range_contains(range r, range_int v);

range range_join(range a, range b); /* hull */
range range_meet(range a, range b); /* intersection */
/* On a loop head: an end that moved since last time goes to the type's limit. */
range range_widen(range old, range next, unsigned bits, bool is_signed);

/* What "r op c" being true leaves of r (op: AST_BIN_LT/GT/LE/GE/EQ/NE); c is read as the type. */
range range_refine_cmp(range r, ast_binop op, uint64_t c, unsigned bits, bool is_signed);

/* Transfer functions; each result is in the given type and is top when it could wrap. */
range range_cast(range r, unsigned from_bits, bool from_signed, unsigned to_bits, bool to_signed);
range range_add(range a, range b, unsigned bits, bool is_signed);
range range_sub(range a, range b, unsigned bits, bool is_signed);
range range_neg(range a, unsigned bits, bool is_signed);
range range_and_const(range a, uint64_t mask, unsigned bits, bool is_signed);
range range_rem_const(range a, uint64_t n, unsigned bits, bool is_signed);
range range_shr_const(range a, uint64_t n, unsigned bits, bool is_signed);
range range_div_const(range a, uint64_t n, unsigned bits, bool is_signed);

/* Bounded: a proper sub-range whose ends both lie inside the type's limits. An unsigned
 * [0, 15] is bounded (0 is the natural floor); a signed value checked only from above
 * still reaches the type's minimum and is not (negative values pass); x <= 0xFFFFFFFF on
 * a 32-bit unsigned value leaves it full and is not. */
bool range_is_bounded(range r, unsigned bits, bool is_signed);
bool range_reaches_min(range r, unsigned bits, bool is_signed);
uint64_t range_max_u(range r, unsigned bits, bool is_signed);

/* "any 32-bit unsigned value", "0x1b", "[0, 15]", "[-2147483648, 0x1f]". Deterministic. */
void range_format(char *buf, size_t n, range r, unsigned bits, bool is_signed);

#endif
