/* test_scan_samples.c - `drvtaint scan samples/` reports exactly the findings written next to
 * the code (`// expect: rule[, rule]` / `// expect: none`): a missing or an extra finding fails. */
#include "test_support.h"

#include <cjson/cJSON.h>

#include "drvtaint/util.h"
#include "expectations.h"

typedef VEC(char *) str_vec;

static void scan_matches_every_expectation(void **state)
{
    (void)state;
    expectation_set exp;
    expectations_load(&exp, DRVTAINT_SOURCE_DIR, "samples");
    assert_null(exp.error);
    assert_true(exp.len > 0);

    char *cmd = xasprintf("cd %s && %s scan --format json --fail-on none -q samples", DRVTAINT_SOURCE_DIR,
                          DRVTAINT_BINARY);
    char *out = NULL, *err = NULL;
    int rc = ts_run(cmd, &out, &err);
    free(cmd);
    if (rc != 0)
        fprintf(stderr, "drvtaint scan exited %d: %s\n", rc, err);
    assert_int_equal(rc, 0);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON *findings = cJSON_GetObjectItem(root, "findings");
    assert_true(cJSON_IsArray(findings));

    /* rule ids found per annotated line */
    str_vec *found = xcalloc(exp.len, sizeof(str_vec));
    size_t extra = 0, missing = 0, known_gaps = 0;
    cJSON *f;
    cJSON_ArrayForEach(f, findings)
    {
        const char *file = cJSON_GetObjectItem(f, "file")->valuestring;
        unsigned line = (unsigned)cJSON_GetObjectItem(f, "line")->valuedouble;
        const char *rule = cJSON_GetObjectItem(f, "rule")->valuestring;
        size_t at = exp.len;
        for (size_t i = 0; i < exp.len; i++)
            if (exp.items[i].line == line && strcmp(exp.items[i].file, file) == 0)
                at = i;
        if (at == exp.len) {
            fprintf(stderr, "extra: %s:%u: %s (line has no expect comment): %s\n", file, line, rule,
                    cJSON_GetObjectItem(f, "message")->valuestring);
            extra++;
            continue;
        }
        bool dup = false;
        for (size_t k = 0; k < found[at].len; k++)
            dup |= strcmp(found[at].items[k], rule) == 0;
        if (!dup)
            VEC_PUSH(&found[at], (char *)rule);
    }
    for (size_t i = 0; i < exp.len; i++) {
        const expectation *e = &exp.items[i];
        for (size_t r = 0; r < e->nrules; r++) {
            bool hit = false;
            for (size_t k = 0; k < found[i].len; k++)
                hit |= strcmp(found[i].items[k], e->rules[r]) == 0;
            if (!hit) {
                fprintf(stderr, "missing: %s:%u: expected %s\n", e->file, e->line, e->rules[r]);
                missing++;
            }
        }
        for (size_t k = 0; k < found[i].len; k++) {
            bool wanted = false, todo = false;
            for (size_t r = 0; r < e->nrules; r++)
                wanted |= strcmp(found[i].items[k], e->rules[r]) == 0;
            for (size_t r = 0; r < e->ntodo; r++)
                todo |= strcmp(found[i].items[k], e->todo[r]) == 0;
            if (todo)
                fprintf(stderr, "fixed: %s:%u: %s is found now: move it from todo to expect\n", e->file, e->line,
                        found[i].items[k]);
            if (!wanted) {
                fprintf(stderr, "extra: %s:%u: %s not expected\n", e->file, e->line, found[i].items[k]);
                extra++;
            }
        }
        known_gaps += e->ntodo;
        free(found[i].items);
    }
    size_t expected_total = 0;
    for (size_t i = 0; i < exp.len; i++)
        expected_total += exp.items[i].nrules;
    fprintf(stderr, "%zu annotated lines, %zu expected findings, %d reported, %zu missing, %zu extra, %zu known gaps (todo)\n",
            exp.len, expected_total, cJSON_GetArraySize(findings), missing, extra, known_gaps);
    free(found);
    cJSON_Delete(root);
    free(out);
    free(err);
    expectations_free(&exp);
    assert_int_equal(missing, 0);
    assert_int_equal(extra, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scan_matches_every_expectation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
