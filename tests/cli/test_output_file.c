/* test_output_file.c - -o writes regular files through a rename, and anything else in place: a FIFO
 * stays a FIFO and its reader gets the whole report (with a rename, -o /dev/null once turned the
 * machine's /dev/null into a regular file). */
#include "test_support.h"

#include <sys/stat.h>
#include <unistd.h>

#include "drvtaint/util.h"

static void fifo_is_written_in_place(void **state)
{
    (void)state;
    char dir[] = "/tmp/drvtaint-fifo-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *fifo = xasprintf("%s/report.pipe", dir), *copy = xasprintf("%s/copy.json", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    char *cmd = xasprintf("cat %s > %s & cd %s && %s scan --format json --fail-on none -q -o %s samples/wdm/portio.c;"
                          " s=$?; wait; exit $s",
                          fifo, copy, DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY, fifo);
    char *out = NULL;
    int rc = ts_run(cmd, &out, NULL);
    assert_int_equal(rc, 0);
    struct stat st;
    assert_int_equal(stat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    char *cat = xasprintf("grep -c '\"rule\"' %s", copy), *n = NULL;
    assert_int_equal(ts_run(cat, &n, NULL), 0);
    assert_true(atoi(n) > 0);
    char *rm = xasprintf("rm -rf %s", dir), *ignored = NULL;
    ts_run(rm, &ignored, NULL);
    free(ignored);
    free(rm);
    free(n);
    free(cat);
    free(out);
    free(cmd);
    free(fifo);
    free(copy);
}

static void regular_file_is_replaced_whole(void **state)
{
    (void)state;
    char *path = ts_write_temp("old.json", "OLDCONTENT that must go\n");
    char *cmd = xasprintf("cd %s && %s scan --format json --fail-on none -q -o %s samples/wdm/portio.c", DRVTAINT_SOURCE_DIR,
                          DRVTAINT_BINARY, path);
    char *out = NULL, *err = NULL;
    int rc = ts_run(cmd, &out, &err);
    if (rc != 0)
        fprintf(stderr, "drvtaint exited %d: %s\n", rc, err);
    assert_int_equal(rc, 0);
    free(err);
    char *grep = xasprintf("grep -c OLDCONTENT %s", path), *n = NULL;
    ts_run(grep, &n, NULL);
    assert_int_equal(atoi(n), 0);
    free(n);
    free(grep);
    free(out);
    free(cmd);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fifo_is_written_in_place),
        cmocka_unit_test(regular_file_is_replaced_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
