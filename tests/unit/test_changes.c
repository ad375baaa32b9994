/* test_changes.c - pull-request mode: parsing 'git diff -U0' into changed lines, and which
 * findings touch them (by the sink, by any trace step, by another route's trace). */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include "drvtaint/changes.h"
#include "drvtaint/util.h"

static trace_step step(const char *file, unsigned line)
{
    return (trace_step){TRACE_READ, xstrdup(file), line, 1, xstrdup("x")};
}

static finding make(const char *file, unsigned line, const char *trace_file, unsigned trace_line)
{
    finding f = {0};
    f.rule = xstrdup("msr-read");
    f.file = xstrdup(file);
    f.line = line;
    f.function = xstrdup("F");
    f.sink = xstrdup("__readmsr");
    f.role = xstrdup("msr-index");
    f.arg_text = xstrdup("x");
    f.range = xstrdup("any");
    f.message = xstrdup("m");
    f.trace = xcalloc(2, sizeof *f.trace);
    f.trace[f.ntrace++] = step(trace_file, trace_line);
    f.trace[f.ntrace++] = step(file, line);
    return f;
}

static void diff_hunks_become_line_ranges(void **state)
{
    (void)state;
    char *a = ts_write_temp("a.c", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    char *top = xstrndup(a, (size_t)(strrchr(a, '/') - a));
    char *real = realpath(a, NULL);
    const char *diff = "diff --git a/a.c b/a.c\n"
                       "--- a/a.c\n"
                       "+++ b/a.c\n"
                       "@@ -2 +2 @@\n"        /* one line changed */
                       "-two\n+2\n"
                       "@@ -5,0 +6,2 @@\n"    /* two lines added */
                       "+6\n+7\n"
                       "@@ -9,2 +9,0 @@\n"    /* lines removed after line 9 */
                       "-x\n-y\n"
                       "diff --git a/gone.c b/gone.c\n--- a/gone.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n";
    change_set set = {0};
    changes_parse_diff(&set, diff, top);
    assert_int_equal(set.nfiles, 1);
    assert_string_equal(set.files[0].path, real);
    assert_false(set.files[0].whole);
    finding_list list = {0};
    unsigned lines[] = {1, 2, 3, 5, 6, 7, 8, 9, 10};
    bool want[] = {false, true, false, false, true, true, false, true, true};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        finding f = make(real, lines[i], "/elsewhere.c", 1);
        assert_int_equal(changes_touch(&set, &f), want[i]);
        findings_add(&list, f);
    }
    assert_int_equal(changes_filter(&set, &list), 4);
    assert_int_equal(list.len, 5);
    assert_int_equal(list.items[0].line, 2);
    findings_free(&list);
    changes_free(&set);
    free(real);
    free(top);
    free(a);
}

/* a finding whose sink is elsewhere still touches a change through its trace or its routes */
static void traces_and_routes_count(void **state)
{
    (void)state;
    char *a = ts_write_temp("b.c", "x\n");
    char *real = realpath(a, NULL);
    char *list_file = ts_write_temp("list.txt", "");
    FILE *fp = fopen(list_file, "w");
    fprintf(fp, "%s\n/no/such/deleted.c\n", real);
    fclose(fp);
    change_set set = {0};
    char *err = NULL;
    assert_int_equal(changes_load_list(&set, list_file, NULL, &err), 0);
    assert_int_equal(set.nfiles, 1); /* the deleted file has nothing to report on */
    assert_true(set.files[0].whole);
    finding f = make("/elsewhere.c", 5, real, 40);
    assert_true(changes_touch(&set, &f));
    finding g = make("/elsewhere.c", 5, "/other.c", 3);
    assert_false(changes_touch(&set, &g));
    g.routes = xcalloc(1, sizeof *g.routes);
    g.routes[0].entry = xstrdup("Other");
    g.routes[0].trace = xcalloc(1, sizeof *g.routes[0].trace);
    g.routes[0].trace[g.routes[0].ntrace++] = step(real, 1);
    g.nroutes = 1;
    assert_true(changes_touch(&set, &g));
    finding_list fl = {0};
    findings_add(&fl, f);
    findings_add(&fl, g);
    findings_free(&fl);
    assert_int_equal(changes_load_list(&set, "/no/such/list", NULL, &err), -1);
    assert_string_equal(err, "/no/such/list: cannot read the list of changed files: No such file or directory");
    free(err);
    changes_free(&set);
    free(list_file);
    free(real);
    free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(diff_hunks_become_line_ranges),
        cmocka_unit_test(traces_and_routes_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
