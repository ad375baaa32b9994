/* test_linear.c - the linear forms of the relational bounds (domain/linear.c) and the relations
 * that name them: text round trips, cancellation, and kill by any path a form names. */
#include "test_support.h"

#include "../../src/analysis/domain/domain.h"

static void forms_cancel_and_print_sorted(void **state)
{
    (void)state;
    arena *a = arena_new();
    linear l;
    lin_init(&l);
    lin_add_term(&l, "off", 1);
    lin_add_term(&l, "bufLen", 1);
    lin_add_term(&l, "n", -1);
    l.c = 12;
    assert_string_equal(lin_format(a, &l), "bufLen - n + off + 12");
    /* a lone path is the path itself, a constant its number */
    linear p;
    lin_init(&p);
    lin_add_term(&p, "(*in).Size", 1);
    assert_string_equal(lin_format(a, &p), "(*in).Size");
    linear c = {.ok = true, .c = -4};
    assert_string_equal(lin_format(a, &c), "-4");
    /* off + n - (off + n) is 0: terms cancel */
    linear s, t;
    lin_init(&s);
    lin_add_term(&s, "off", 1);
    lin_add_term(&s, "n", 1);
    t = s;
    lin_add(&s, &t, -1);
    assert_int_equal(s.n, 0);
    assert_true(s.c == 0);
    arena_free(a);
}

static void forms_parse_back(void **state)
{
    (void)state;
    arena *a = arena_new();
    linear l;
    assert_true(lin_parse(a, "-k + (*p).Len + 2*n - 28", &l));
    assert_int_equal(l.n, 3);
    assert_true(l.c == -28);
    assert_string_equal(lin_format(a, &l), "(*p).Len - k + 2*n - 28");
    assert_true(lin_parse(a, "64", &l));
    assert_int_equal(l.n, 0);
    assert_true(l.c == 64);
    /* more terms than a form holds: not a form */
    assert_false(lin_parse(a, "a + b + c + d + e + f + g", &l));
    arena_free(a);
}

static void at_most_ends_when_a_named_path_changes(void **state)
{
    (void)state;
    relset r = {0};
    rel_set(&r, REL_AT_MOST, "bufLen - off");
    rel_set(&r, REL_ALLOC_SIZE, "n + 12");
    rel_kill(&r, "offset"); /* a different variable that starts the same */
    assert_non_null(rel_path(&r, REL_AT_MOST));
    rel_kill(&r, "off");
    assert_null(rel_path(&r, REL_AT_MOST));
    assert_non_null(rel_path(&r, REL_ALLOC_SIZE));
    rel_kill(&r, "n");
    assert_null(rel_path(&r, REL_ALLOC_SIZE));
    /* a name is no path: nothing ends it, and it survives leaving the function */
    rel_set(&r, REL_NAMES, "ExAllocatePool2");
    rel_set(&r, REL_AT_MOST, "len");
    rel_kill(&r, "ExAllocatePool2");
    relset d = rel_detached(r);
    assert_string_equal(rel_path(&d, REL_NAMES), "ExAllocatePool2");
    assert_null(rel_path(&d, REL_AT_MOST));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(forms_cancel_and_print_sorted),
        cmocka_unit_test(forms_parse_back),
        cmocka_unit_test(at_most_ends_when_a_named_path_changes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
