/* test_util.c - arena, strbuf and vector helpers; UTF-16 and UTF-8 text helpers. */
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

static void path_dir_gives_the_folder(void **state)
{
    (void)state;
    const char *cases[][2] = {{"/a/b/c.c", "/a/b"}, {"/c.c", "/"}, {"c.c", "."}, {"a/c.c", "a"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *d = path_dir(cases[i][0]);
        assert_string_equal(d, cases[i][1]);
        free(d);
    }
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

static void utf16_becomes_utf8(void **state)
{
    (void)state;
    /* "a", U+041F (Cyrillic Pe), U+1F600 as a surrogate pair, then a lone high surrogate */
    const unsigned char le[] = {'a', 0, 0x1F, 0x04, 0x3D, 0xD8, 0x00, 0xDE, 0x3D, 0xD8};
    size_t n;
    char *s = utf16_to_utf8(le, sizeof le, false, &n);
    assert_string_equal(s, "a\xd0\x9f\xf0\x9f\x98\x80\xef\xbf\xbd");
    assert_int_equal(n, strlen(s));
    free(s);
    const unsigned char be[] = {0, 'x', 0x04, 0x1F, 'y'}; /* odd last byte: U+FFFD */
    s = utf16_to_utf8(be, sizeof be, true, NULL);
    assert_string_equal(s, "x\xd0\x9f\xef\xbf\xbd");
    free(s);
}

static void invalid_utf8_is_escaped(void **state)
{
    (void)state;
    /* Windows-1251 bytes, valid UTF-8 kept, an overlong form, a sequence cut short */
    const char in[] = "\"\xcf\xf0\" \xd0\x9f \xc0\xaf \xe2\x82";
    char *s = utf8_escape_invalid(in, sizeof in - 1);
    assert_string_equal(s, "\"\\xcf\\xf0\" \xd0\x9f \\xc0\\xaf \\xe2\\x82");
    free(s);
    assert_int_equal(utf8_sequence_length((const unsigned char *)"\xed\xa0\x80", 3), 0); /* surrogate */
    assert_int_equal(utf8_sequence_length((const unsigned char *)"\xf0\x9f\x98\x80", 4), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_strings_survive_many_chunks),
        cmocka_unit_test(strbuf_printf_and_take),
        cmocka_unit_test(vec_grows),
        cmocka_unit_test(path_dir_gives_the_folder),
        cmocka_unit_test(ends_with),
        cmocka_unit_test(utf16_becomes_utf8),
        cmocka_unit_test(invalid_utf8_is_escaped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
