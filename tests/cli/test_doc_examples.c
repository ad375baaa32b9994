/* test_doc_examples.c - every command output shown in the docs is what the command prints.
 *
 * A documented example is written as
 *
 *     <!-- example: drvtaint scan -q samples/split -->
 *     ```text
 *     ...what it prints...
 *     ```
 *
 * The test runs each command (a shell line, from the source tree, with the drvtaint under test
 * first on PATH), replaces the source directory in the output with /home/dev/drvtaint, and fails
 * when the block differs. DRVTAINT_UPDATE_DOCS=1 rewrites the blocks instead: that is how the
 * examples are made, so they cannot drift. */
#include "test_support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/report.h"
#include "drvtaint/util.h"

#define MARK "<!-- example: "
#define SHOWN_ROOT "/home/dev/drvtaint"

static char *replace_all(const char *s, const char *from, const char *to)
{
    strbuf sb = {0};
    size_t n = strlen(from);
    for (const char *p = strstr(s, from); p; p = strstr(s, from)) {
        sb_appendn(&sb, s, (size_t)(p - s));
        sb_append(&sb, to);
        s = p + n;
    }
    sb_append(&sb, s);
    return sb_take(&sb);
}

static char *run_example(const char *cmd)
{
    char *bin = xstrdup(DRVTAINT_BINARY);
    *strrchr(bin, '/') = '\0';
    char *full = xasprintf("cd %s && PATH=%s:$PATH; %s", DRVTAINT_SOURCE_DIR, bin, cmd);
    char *out = NULL;
    ts_run(full, &out, NULL);
    char *shown = replace_all(out, DRVTAINT_SOURCE_DIR, SHOWN_ROOT);
    free(out);
    free(full);
    free(bin);
    return shown;
}

/* Checks (or rewrites) the examples of one file; returns how many it has, adds mismatches. */
static size_t check_file(const char *path, bool update, size_t *bad)
{
    char *text = read_file(path, NULL);
    assert_non_null(text);
    strbuf out = {0};
    size_t count = 0;
    const char *p = text;
    for (const char *m = strstr(p, MARK); m; m = strstr(m + 1, MARK)) {
        if (m != text && m[-1] != '\n') /* a marker starts its line; elsewhere it is prose */
            continue;
        const char *cmd_end = strstr(m, " -->\n");
        assert_non_null(cmd_end);
        const char *fence = cmd_end + 5;
        if (strncmp(fence, "```", 3) != 0)
            fail_msg("%s: an example marker must be followed by a fenced block", path);
        const char *body = strchr(fence, '\n') + 1;
        const char *close = body;
        while (strncmp(close, "```", 3) != 0) {
            const char *nl = strchr(close, '\n');
            if (!nl)
                fail_msg("%s: unterminated example block", path);
            close = nl + 1;
        }
        char *cmd = xstrndup(m + strlen(MARK), (size_t)(cmd_end - m - strlen(MARK)));
        char *want = xstrndup(body, (size_t)(close - body));
        char *got = run_example(cmd);
        if (strcmp(want, got) != 0) {
            if (!update) {
                fprintf(stderr, "%s: the example of `%s` is out of date (DRVTAINT_UPDATE_DOCS=1 ctest -R "
                                "test_doc_examples rewrites it)\n--- shown:\n%s--- printed:\n%s",
                        path, cmd, want, got);
                (*bad)++;
            }
        }
        sb_appendn(&out, p, (size_t)(body - p));
        sb_append(&out, update ? got : want);
        p = close;
        count++;
        free(cmd);
        free(want);
        free(got);
    }
    sb_append(&out, p);
    if (update && count && strcmp(out.buf, text) != 0)
        assert_int_equal(report_write_file(path, out.buf, out.len), 0);
    sb_free(&out);
    free(text);
    return count;
}

static void documented_output_is_real(void **state)
{
    (void)state;
    bool update = getenv("DRVTAINT_UPDATE_DOCS") && strcmp(getenv("DRVTAINT_UPDATE_DOCS"), "1") == 0;
    size_t examples = 0, bad = 0;
    char *readme = ts_source_path("README.md");
    examples += check_file(readme, update, &bad);
    free(readme);
    char *docs = ts_source_path("docs");
    DIR *d = opendir(docs);
    assert_non_null(d);
    VEC(char *) names = {0};
    for (struct dirent *e; (e = readdir(d));)
        if (str_ends_with(e->d_name, ".md"))
            VEC_PUSH(&names, xasprintf("%s/%s", docs, e->d_name));
    closedir(d);
    qsort(names.items, names.len, sizeof *names.items, str_cmp_ptr);
    for (size_t i = 0; i < names.len; i++) {
        examples += check_file(names.items[i], update, &bad);
        free(names.items[i]);
    }
    free(names.items);
    free(docs);
    assert_int_equal(bad, 0);
    assert_true(examples >= 8); /* the docs show real output: losing the markers must fail */
}

/* The matchers the docs hand out (VS Code tasks.json, docs/problem-matcher.json, $gcc) against
 * the text output of samples/: tests/cli/doc_matchers.js. */
static void documented_matchers_match_every_finding(void **state)
{
    (void)state;
    char *cmd = xasprintf("cd %s && %s scan -q --fail-on none samples | node tests/cli/doc_matchers.js "
                          "docs/integration.md docs/problem-matcher.json",
                          DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY);
    char *out = NULL, *err = NULL;
    if (ts_run(cmd, &out, &err) != 0)
        fail_msg("%s%s", out, err);
    free(out);
    free(err);
    free(cmd);
}

/* The GitHub recipe: its scan step, run as written on a tree with a unit that cannot be
 * analysed, exits 3 and leaves drvtaint.sarif; its upload step runs whenever that file exists. */
static void github_recipe_uploads_after_exit_3(void **state)
{
    (void)state;
    char *path = ts_source_path("docs/integration.md");
    char *doc = read_file(path, NULL);
    const char *wf = strstr(doc, "## GitHub Actions");
    assert_non_null(wf);
    const char *scan = strstr(wf, "/tmp/drvtaint/build/drvtaint scan --format sarif");
    const char *upload = strstr(wf, "uses: github/codeql-action/upload-sarif");
    assert_non_null(scan);
    assert_non_null(upload);
    /* the step's condition: the lines between its "- name:" and its "uses:" */
    const char *step = upload;
    while (step > wf && strncmp(step, "- name:", 7) != 0)
        step--;
    char *cond = xstrndup(step, (size_t)(upload - step));
    assert_non_null(strstr(cond, "if: ${{ !cancelled() && hashFiles('drvtaint.sarif') != '' }}"));
    free(cond);
    char *line = xstrndup(scan, strcspn(scan, "\n"));
    char *missing = xasprintf("%s/samples/split %s/no-such-unit.c", DRVTAINT_SOURCE_DIR, DRVTAINT_SOURCE_DIR);
    char *with_bin = NULL;
    {
        const char *from = "/tmp/drvtaint/build/drvtaint";
        with_bin = xasprintf("%s%s", DRVTAINT_BINARY, line + strlen(from));
    }
    char *tail = strstr(with_bin, " driver/");
    assert_non_null(tail);
    *tail = '\0';
    char *marker = ts_write_temp("README", "x\n");
    char *dir = xstrndup(marker, (size_t)(strrchr(marker, '/') - marker));
    char *cmd = xasprintf("cd %s && %s %s", dir, with_bin, missing);
    assert_int_equal(ts_run(cmd, NULL, NULL), 3);
    char *report = xasprintf("%s/drvtaint.sarif", dir);
    char *sarif = read_file(report, NULL);
    assert_non_null(sarif); /* hashFiles('drvtaint.sarif') != '': the upload runs */
    assert_non_null(strstr(sarif, "no-such-unit.c was not analysed"));
    free(sarif);
    free(report);
    free(cmd);
    free(dir);
    free(marker);
    free(with_bin);
    free(missing);
    free(line);
    free(doc);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(documented_output_is_real),
        cmocka_unit_test(documented_matchers_match_every_finding),
        cmocka_unit_test(github_recipe_uploads_after_exit_3),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
