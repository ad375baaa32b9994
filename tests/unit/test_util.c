/* test_util.c - arena, strbuf and vector helpers. */
#include "test_support.h"

#include <string.h>

#include "drvtaint/util.h"

static void arena_strings_survive_many_chunks(void **state)
{
    (void)state;
    arena *a = arena_new();
    char *first = arena_strdup(a, "first");
    for (int i = 0; i < 10000; i++)
        arena_alloc(a, 100);
    char *big = arena_alloc(a, 200000);
    memset(big, 'x', 200000);
    assert_string_equal(first, "first");
    char *last = arena_strndup(a, "abcdef", 3);
    assert_string_equal(last, "abc");
    arena_free(a);
}

static void strbuf_printf_and_take(void **state)
{
    (void)state;
    strbuf sb = {0};
    sb_printf(&sb, "%s-%d", "x", 42);
    sb_putc(&sb, '!');
    sb_append(&sb, "yz");
    char *s = sb_take(&sb);
    assert_string_equal(s, "x-42!yz");
    assert_null(sb.buf);
    free(s);
    char *empty = sb_take(&sb);
    assert_string_equal(empty, "");
    free(empty);
}

static void vec_grows(void **state)
{
    (void)state;
    VEC(int) v = {0};
    for (int i = 0; i < 100; i++)
        VEC_PUSH(&v, i * 2);
    assert_int_equal(v.len, 100);
    assert_int_equal(v.items[99], 198);
    free(v.items);
}

static void ends_with(void **state)
{
    (void)state;
    assert_true(str_ends_with("a.cpp", ".cpp"));
    assert_false(str_ends_with("a.c", ".cpp"));
    assert_false(str_ends_with("", ".c"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_strings_survive_many_chunks),
        cmocka_unit_test(strbuf_printf_and_take),
        cmocka_unit_test(vec_grows),
        cmocka_unit_test(ends_with),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
