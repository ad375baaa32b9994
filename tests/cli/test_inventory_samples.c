/* test_inventory_samples.c - `drvtaint inventory samples/` lists every sink call written in
 * samples/ (each carries an `// expect:` comment) and nothing else. */
#include "test_support.h"

#include <cjson/cJSON.h>

#include "drvtaint/util.h"
#include "expectations.h"

static void inventory_lists_exactly_the_annotated_sink_calls(void **state)
{
    (void)state;
    expectation_set exp;
    expectations_load(&exp, DRVTAINT_SOURCE_DIR, "samples");
    assert_null(exp.error);
    assert_true(exp.len > 0);

    char *cmd = xasprintf("cd %s && %s inventory --format json -q samples", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY);
    char *out = NULL, *err = NULL;
    int rc = ts_run(cmd, &out, &err);
    free(cmd);
    if (rc != 0)
        fprintf(stderr, "drvtaint inventory exited %d: %s\n", rc, err);
    assert_int_equal(rc, 0);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON *calls = cJSON_GetObjectItem(root, "calls");
    assert_true(cJSON_IsArray(calls));

    /* every listed call is on an annotated line */
    bool *seen = xcalloc(exp.len, sizeof(bool));
    size_t extra = 0;
    cJSON *c;
    cJSON_ArrayForEach(c, calls)
    {
        const char *file = cJSON_GetObjectItem(c, "file")->valuestring;
        unsigned line = (unsigned)cJSON_GetObjectItem(c, "line")->valuedouble;
        bool found = false;
        for (size_t i = 0; i < exp.len; i++) {
            if (exp.items[i].line == line && strcmp(exp.items[i].file, file) == 0) {
                found = true;
                seen[i] = true;
            }
        }
        if (!found) {
            fprintf(stderr, "extra: %s:%u: %s listed but the line has no expect comment\n", file, line,
                    cJSON_GetObjectItem(c, "sink")->valuestring);
            extra++;
        }
    }
    size_t missing = 0;
    for (size_t i = 0; i < exp.len; i++) {
        if (!seen[i]) {
            fprintf(stderr, "missing: %s:%u: annotated sink call not listed\n", exp.items[i].file, exp.items[i].line);
            missing++;
        }
    }
    fprintf(stderr, "%zu annotated sink lines, %d listed calls, %zu missing, %zu extra\n", exp.len,
            cJSON_GetArraySize(calls), missing, extra);
    assert_int_equal(missing, 0);
    assert_int_equal(extra, 0);

    /* every unit parsed with zero errors after recovery: the shim covers the samples */
    cJSON *units = cJSON_GetObjectItem(root, "units");
    cJSON *u;
    size_t unit_count = 0;
    cJSON_ArrayForEach(u, units)
    {
        unit_count++;
        int errors = (int)cJSON_GetObjectItem(u, "errors")->valuedouble;
        int before = (int)cJSON_GetObjectItem(u, "errors_before_recovery")->valuedouble;
        if (errors || before)
            fprintf(stderr, "%s: %d errors (%d before recovery)\n", cJSON_GetObjectItem(u, "path")->valuestring,
                    errors, before);
        assert_int_equal(before, 0);
        assert_int_equal(errors, 0);
    }
    assert_true(unit_count > 0);
    free(seen);
    cJSON_Delete(root);
    free(out);
    free(err);
    expectations_free(&exp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(inventory_lists_exactly_the_annotated_sink_calls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
