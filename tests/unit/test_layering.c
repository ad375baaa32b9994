/* test_layering.c - only the front end may include clang-c: everything after it works on our
 * own IR so it can be tested without parsing. */
#include "test_support.h"

#include <dirent.h>
#include <sys/stat.h>

#include "drvtaint/util.h"

static size_t scan(const char *dir, size_t *files)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t bad = 0;
    for (struct dirent *de; (de = readdir(d));) {
        if (de->d_name[0] == '.')
            continue;
        char *path = xasprintf("%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (!str_ends_with(path, "/src/frontend"))
                bad += scan(path, files);
        } else if (str_ends_with(path, ".c") || str_ends_with(path, ".h")) {
            (*files)++;
            char *text = read_file(path, NULL);
            if (text && strstr(text, "<clang" "-c/")) { /* split: this file must not match itself */
                fprintf(stderr, "%s includes clang-c outside src/frontend\n", path);
                bad++;
            }
            free(text);
        }
        free(path);
    }
    closedir(d);
    return bad;
}

static void clang_c_stays_in_the_front_end(void **state)
{
    (void)state;
    size_t files = 0, bad = 0;
    const char *roots[] = {"src", "include/drvtaint", "tests/unit", "tests/cli"};
    for (size_t i = 0; i < 4; i++) {
        char *root = ts_source_path(roots[i]);
        bad += scan(root, &files);
        free(root);
    }
    assert_true(files > 30);
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(clang_c_stays_in_the_front_end)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
