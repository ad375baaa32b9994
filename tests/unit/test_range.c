/* test_range.c - the interval lattice: refinement, joins, transfer functions, bounded rule. */
#include "test_support.h"

#include "drvtaint/range.h"

static void unsigned_upper_check_bounds(void **state)
{
    (void)state;
    range r = range_full(32, false);
    assert_false(range_is_bounded(r, 32, false));
    r = range_refine_cmp(r, AST_BIN_LT, 16, 32, false);
    assert_true(range_is_bounded(r, 32, false));
    char buf[64];
    range_format(buf, sizeof buf, r, 32, false);
    assert_string_equal(buf, "[0, 15]");
}

static void signed_checked_only_from_above_is_unbounded(void **state)
{
    (void)state;
    range r = range_refine_cmp(range_full(32, true), AST_BIN_LE, 15, 32, true);
    assert_false(range_is_bounded(r, 32, true));
    assert_true(range_reaches_min(r, 32, true));
    r = range_refine_cmp(r, AST_BIN_GE, 0, 32, true);
    assert_true(range_is_bounded(r, 32, true));
}

static void check_that_bounds_nothing_does_not_count(void **state)
{
    (void)state;
    range r = range_refine_cmp(range_full(32, false), AST_BIN_LE, 0xFFFFFFFFu, 32, false);
    assert_true(range_is_full(r, 32, false));
    assert_false(range_is_bounded(r, 32, false));
}

static void lower_bound_only_is_unbounded(void **state)
{
    (void)state;
    range r = range_refine_cmp(range_full(32, false), AST_BIN_GE, 8, 32, false);
    assert_false(range_is_bounded(r, 32, false));
}

static void equality_and_both_ends(void **state)
{
    (void)state;
    range r = range_refine_cmp(range_full(32, false), AST_BIN_EQ, 0x1B, 32, false);
    uint64_t v;
    assert_true(range_is_singleton(r, &v));
    assert_int_equal(v, 0x1B);
    r = range_refine_cmp(range_full(64, false), AST_BIN_GE, 0xC0000080u, 64, false);
    r = range_refine_cmp(r, AST_BIN_LE, 0xC0000084u, 64, false);
    assert_true(range_is_bounded(r, 64, false));
    assert_true(range_contains(r, 0xC0000082u));
    assert_false(range_contains(r, 0x174));
}

static void ne_trims_an_end_and_empty_is_unreachable(void **state)
{
    (void)state;
    range r = range_const(5, 32, false);
    assert_true(range_is_empty(range_refine_cmp(r, AST_BIN_NE, 5, 32, false)));
    r = range_refine_cmp(range_refine_cmp(range_full(8, false), AST_BIN_LE, 10, 8, false), AST_BIN_NE, 10, 8, false);
    char buf[64];
    range_format(buf, sizeof buf, r, 8, false);
    assert_string_equal(buf, "[0, 9]");
}

static void full_64_bit_values_are_exact(void **state)
{
    (void)state;
    range r = range_const(UINT64_MAX, 64, false);
    uint64_t v;
    assert_true(range_is_singleton(r, &v));
    assert_true(v == UINT64_MAX);
    r = range_const((uint64_t)INT64_MIN, 64, true);
    assert_true(range_reaches_min(r, 64, true));
    char buf[64];
    range_format(buf, sizeof buf, range_full(64, false), 64, false);
    assert_string_equal(buf, "any 64-bit unsigned value");
    range_format(buf, sizeof buf, r, 64, true);
    assert_string_equal(buf, "-0x8000000000000000");
}

static void arithmetic_wraps_to_top(void **state)
{
    (void)state;
    range r = range_refine_cmp(range_full(32, false), AST_BIN_LT, 16, 32, false);
    range s = range_add(r, range_const(0x10, 32, false), 32, false);
    char buf[64];
    range_format(buf, sizeof buf, s, 32, false);
    assert_string_equal(buf, "[16, 31]");
    assert_true(range_is_full(range_add(range_full(32, false), range_const(1, 32, false), 32, false), 32, false));
    assert_true(range_is_full(range_sub(r, range_const(1, 32, false), 32, false), 32, false)); /* 0 - 1 wraps */
}

static void mask_and_remainder_bound(void **state)
{
    (void)state;
    range m = range_and_const(range_full(32, false), 0xFF, 32, false);
    assert_true(range_is_bounded(m, 32, false));
    assert_true(range_equal(m, (range){0, 0xFF}));
    range rem = range_rem_const(range_full(32, false), 16, 32, false);
    assert_true(range_equal(rem, (range){0, 15}));
    range srem = range_rem_const(range_full(32, true), 16, 32, true);
    assert_true(range_equal(srem, (range){-15, 15}));
    assert_true(range_is_bounded(srem, 32, true));
    assert_true(range_is_full(range_and_const(range_full(32, true), (uint64_t)-2, 32, true), 32, true));
}

static void casts_keep_what_fits(void **state)
{
    (void)state;
    range small = (range){0, 200};
    assert_true(range_equal(range_cast(small, 32, false, 8, false), small));
    assert_true(range_is_full(range_cast((range){0, 300}, 32, false, 8, false), 8, false));
    assert_true(range_is_full(range_cast((range){-1, 5}, 32, true, 32, false), 32, false));
}

static void join_meet_widen(void **state)
{
    (void)state;
    range a = {0, 5}, b = {10, 20};
    assert_true(range_equal(range_join(a, b), (range){0, 20}));
    assert_true(range_equal(range_join(range_empty(), b), b));
    assert_true(range_is_empty(range_meet(a, b)));
    range w = range_widen((range){0, 5}, (range){0, 6}, 32, false);
    assert_true(range_equal(w, (range){0, 0xFFFFFFFF}));
    assert_true(range_equal(range_widen(a, a, 32, false), a));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unsigned_upper_check_bounds),
        cmocka_unit_test(signed_checked_only_from_above_is_unbounded),
        cmocka_unit_test(check_that_bounds_nothing_does_not_count),
        cmocka_unit_test(lower_bound_only_is_unbounded),
        cmocka_unit_test(equality_and_both_ends),
        cmocka_unit_test(ne_trims_an_end_and_empty_is_unreachable),
        cmocka_unit_test(full_64_bit_values_are_exact),
        cmocka_unit_test(arithmetic_wraps_to_top),
        cmocka_unit_test(mask_and_remainder_bound),
        cmocka_unit_test(casts_keep_what_fits),
        cmocka_unit_test(join_meet_widen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
