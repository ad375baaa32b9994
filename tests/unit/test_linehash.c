/* test_linehash.c - primaryLocationLineHash against the values GitHub's upload action
 * (codeql-action src/fingerprints.test.ts) expects for the same inputs. */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include "drvtaint/report.h"

static void expect_hashes(const char *text, const char *const *want, size_t nwant)
{
    size_t n = 0;
    char **got = report_line_hashes(text, strlen(text), &n);
    assert_int_equal(n, nwant);
    for (size_t i = 0; i < n; i++) {
        assert_non_null(got[i]);
        assert_string_equal(got[i], want[i]);
        free(got[i]);
    }
    free(got);
}

#define EXPECT(text, ...)                                                                        \
    do {                                                                                         \
        const char *const want_[] = {__VA_ARGS__};                                               \
        expect_hashes(text, want_, sizeof want_ / sizeof want_[0]);                              \
    } while (0)

static void empty_file_is_one_line(void **state)
{
    (void)state;
    EXPECT("", "c129715d7a2bc9a3:1");
}

static void spaces_and_tabs_do_not_count(void **state)
{
    (void)state;
    EXPECT(" a\nb\n  \t\tc\n d", "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1");
    EXPECT(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End", "8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1",
           "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1");
}

/* LF, CR, CRLF and mixtures give the same hashes */
static void line_ends_are_normalised(void **state)
{
    (void)state;
    static const char *const texts[] = {
        " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
        " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
        " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
        " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        EXPECT(texts[i], "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
               "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1");
}

/* identical lines get an occurrence counter until the 100-character window sees the end */
static void repeated_lines_are_counted(void **state)
{
    (void)state;
    strbuf sb = {0};
    for (int i = 0; i < 10; i++)
        sb_append(&sb, "Lorem ipsum dolor sit amet.\n");
    EXPECT(sb.buf, "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
           "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
           "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1");
    sb_free(&sb);
}

/* a character outside the BMP counts as two UTF-16 units, as in JavaScript */
static void non_ascii_is_hashed_as_utf16(void **state)
{
    (void)state;
    size_t n1 = 0, n2 = 0;
    char **a = report_line_hashes("\xF0\x9F\x98\x80\n", 5, &n1);
    char **b = report_line_hashes("\xC3\xA9\n", 3, &n2);
    assert_int_equal(n1, 2);
    assert_int_equal(n2, 2);
    assert_string_not_equal(a[0], b[0]);
    for (size_t i = 0; i < 2; i++) {
        free(a[i]);
        free(b[i]);
    }
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_file_is_one_line),
        cmocka_unit_test(spaces_and_tabs_do_not_count),
        cmocka_unit_test(line_ends_are_normalised),
        cmocka_unit_test(repeated_lines_are_counted),
        cmocka_unit_test(non_ascii_is_hashed_as_utf16),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
