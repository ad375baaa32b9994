/* test_state_samples.c - the state intrinsics in the samples in tests/state: each __drvtaint_*(x) call
 * carries `// state: TEXT` on its line, and `drvtaint scan --dump=state` must print exactly that
 * text for it. A call without a comment, a comment without a call the analysis reached, and a
 * different text all fail, with the line and both texts. */
#include "test_support.h"

#include <dirent.h>

#include "drvtaint/util.h"

/* The `// state:` text of each line of path (NULL where none), lines counted from 1. */
static char **state_comments(const char *path, size_t *nlines)
{
    char *text = read_file(path, NULL);
    assert_non_null(text);
    size_t n = 0, cap = 64;
    char **out = xcalloc(cap, sizeof *out);
    for (char *line = text; line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        if (++n >= cap) {
            out = xrealloc(out, 2 * cap * sizeof *out);
            memset(out + cap, 0, cap * sizeof *out);
            cap *= 2;
        }
        char *c = strstr(line, "// state: ");
        if (c)
            out[n] = xstrdup(c + strlen("// state: "));
        else if (strstr(line, "__drvtaint_") && strstr(line, ");") && !strstr(line, "void __drvtaint_"))
            out[n] = xstrdup("(no // state: comment)");
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    *nlines = n;
    return out;
}

static size_t check_file(const char *path)
{
    const char *rel = path;
    char *cmd = xasprintf("%s scan --dump=state %s", DRVTAINT_BINARY, path);
    char *out = NULL, *err = NULL;
    int rc = ts_run(cmd, &out, &err);
    if (rc != 0)
        fail_msg("%s: exit %d: %s", cmd, rc, err);
    size_t nlines;
    char **want = state_comments(path, &nlines);
    bool *seen = xcalloc(nlines + 1, sizeof *seen);
    size_t bad = 0, probes = 0;
    char *prefix = xasprintf("%s:", path);
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, prefix, strlen(prefix)) != 0 || !strstr(line, ": __drvtaint_"))
            continue;
        unsigned ln = (unsigned)strtoul(line + strlen(prefix), NULL, 10);
        const char *got = strstr(strstr(line, ": __drvtaint_") + 2, "): ");
        got = got ? got + 3 : "";
        probes++;
        if (ln == 0 || ln > nlines || !want[ln]) {
            fprintf(stderr, "%s:%u: analysis printed '%s' and the line has no // state: comment\n", rel, ln, got);
            bad++;
        } else if (strcmp(want[ln], got) != 0) {
            fprintf(stderr, "%s:%u: expected '%s', the analysis says '%s'\n", rel, ln, want[ln], got);
            bad++;
        }
        if (ln && ln <= nlines)
            seen[ln] = true;
    }
    for (size_t i = 1; i <= nlines && i < nlines + 1; i++)
        if (want[i] && !seen[i]) {
            fprintf(stderr, "%s:%zu: expected '%s', the analysis printed nothing for it\n", rel, i, want[i]);
            bad++;
        }
    if (probes == 0)
        fail_msg("%s: no state intrinsic was reached", rel);
    for (size_t i = 0; i <= nlines && i < nlines + 1; i++)
        free(want[i]);
    free(want);
    free(seen);
    free(prefix);
    free(out);
    free(err);
    free(cmd);
    return bad;
}

static void every_state_comment_holds(void **state)
{
    (void)state;
    char *dir = ts_source_path("tests/state");
    DIR *d = opendir(dir);
    assert_non_null(d);
    VEC(char *) files = {0};
    for (struct dirent *de; (de = readdir(d));)
        if (str_ends_with(de->d_name, ".c"))
            VEC_PUSH(&files, xasprintf("%s/%s", dir, de->d_name));
    closedir(d);
    /* one sample per construct the analysis has (issue 11): bounds, casts, loops, joins, calls, relations */
    assert_true(files.len >= 6);
    size_t bad = 0;
    for (size_t i = 0; i < files.len; i++) {
        bad += check_file(files.items[i]);
        free(files.items[i]);
    }
    free(files.items);
    free(dir);
    assert_int_equal(bad, 0);
}

/* The checker itself: a wrong expectation is reported. */
static void a_wrong_state_comment_fails(void **state)
{
    (void)state;
    char *orig = ts_source_path("tests/state/bounds.c");
    char *src = read_file(orig, NULL);
    assert_non_null(src);
    char *at = strstr(src, "// state: [0, 31]");
    assert_non_null(at);
    memcpy(at, "// state: [0, 32]", strlen("// state: [0, 32]"));
    char *header = ts_source_path("tests/state/intrinsics.h");
    char *inc = xasprintf("#include \"%s\"", header);
    strbuf text = {0};
    char *h = strstr(src, "#include \"intrinsics.h\"");
    assert_non_null(h);
    sb_appendn(&text, src, (size_t)(h - src));
    sb_append(&text, inc);
    sb_append(&text, h + strlen("#include \"intrinsics.h\""));
    char *path = ts_write_temp("wrong.c", text.buf);
    assert_non_null(path);
    assert_int_equal(check_file(path), 1);
    remove(path);
    free(path);
    sb_free(&text);
    free(inc);
    free(header);
    free(src);
    free(orig);
}

static char *dump(const char *args)
{
    char *cmd = xasprintf("cd %s && %s scan %s", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY, args);
    char *out = NULL, *err = NULL;
    assert_int_equal(ts_run(cmd, &out, &err), 0);
    free(err);
    free(cmd);
    return out;
}

/* --dump=cfg and --dump=summaries print the named function only, --dump=state its blocks. */
static void dumps_name_one_function(void **state)
{
    (void)state;
    char *out = dump("--dump=cfg --function Loops tests/state/loops.c");
    assert_non_null(strstr(out, "function Loops:\nbb0: (entry)\n"));
    assert_non_null(strstr(out, "branch (i < 16)"));
    free(out);
    out = dump("--dump=summaries tests/state/calls.c");
    assert_non_null(strstr(out, "IsSmall: nonzero: $0 [0, 7]\n"));
    assert_non_null(strstr(out, "Same: returns $0"));
    free(out);
    out = dump("--dump=summaries --function Same tests/state/calls.c");
    assert_null(strstr(out, "IsSmall"));
    free(out);
    out = dump("--dump=state --function Joins tests/state/joins.c");
    assert_non_null(strstr(out, "function Joins:\n  bb0 (entry):\n"));
    assert_non_null(strstr(out, "    a: trusted [4, 9]\n    b: user value any 32-bit unsigned value unbounded\n"));
    assert_null(strstr(out, "function Bounds"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_state_comment_holds),
        cmocka_unit_test(a_wrong_state_comment_fails),
        cmocka_unit_test(dumps_name_one_function),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
