/* test_rules_docs.c - every rule has its artifacts: a section in docs/rules.md that matches the
 * rule files, a sample that must be found, and a silent sink call of it in samples/. */
#include "test_support.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

#include "drvtaint/util.h"
#include "expectations.h"

static void docs_page_matches_the_rule_files(void **state)
{
    (void)state;
    char *cmd = xasprintf("cd %s && %s rules --format markdown", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY);
    char *out = NULL;
    assert_int_equal(ts_run(cmd, &out, NULL), 0);
    char *path = ts_source_path("docs/rules.md");
    char *doc = read_file(path, NULL);
    assert_non_null(doc);
    if (strcmp(out, doc) != 0)
        fail_msg("docs/rules.md is out of date: run `drvtaint rules --format markdown > docs/rules.md`");
    free(doc);
    free(path);
    free(out);
    free(cmd);
}

static void every_rule_has_a_finding_and_a_silent_twin(void **state)
{
    (void)state;
    char *cmd = xasprintf("cd %s && %s rules --format json", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY);
    char *out = NULL;
    assert_int_equal(ts_run(cmd, &out, NULL), 0);
    cJSON *rules = cJSON_Parse(out);
    assert_non_null(rules);
    char *icmd = xasprintf("cd %s && %s inventory --format json -q samples", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY);
    char *iout = NULL;
    assert_int_equal(ts_run(icmd, &iout, NULL), 0);
    cJSON *inv = cJSON_Parse(iout);
    assert_non_null(inv);
    expectation_set exp;
    expectations_load(&exp, DRVTAINT_SOURCE_DIR, "samples");

    size_t problems = 0;
    cJSON *r;
    cJSON_ArrayForEach(r, cJSON_GetObjectItem(rules, "rules"))
    {
        const char *id = cJSON_GetObjectItem(r, "id")->valuestring;
        bool found = false, silent = false;
        for (size_t i = 0; i < exp.len; i++)
            for (size_t k = 0; k < exp.items[i].nrules; k++)
                found |= strcmp(exp.items[i].rules[k], id) == 0;
        /* a sink call of this rule on a line that expects nothing */
        cJSON *c;
        cJSON_ArrayForEach(c, cJSON_GetObjectItem(inv, "calls"))
        {
            if (strcmp(cJSON_GetObjectItem(c, "rule")->valuestring, id) != 0)
                continue;
            unsigned line = (unsigned)cJSON_GetObjectItem(c, "line")->valuedouble;
            const char *file = cJSON_GetObjectItem(c, "file")->valuestring;
            for (size_t i = 0; i < exp.len; i++)
                if (exp.items[i].line == line && strcmp(exp.items[i].file, file) == 0 && exp.items[i].nrules == 0)
                    silent = true;
        }
        /* rules that only ever apply to one argument of another rule's sink (copy-pointer on
           memcpy) have their silent twins under that sink's rule */
        bool arg_only = true;
        cJSON *s;
        cJSON_ArrayForEach(s, cJSON_GetObjectItem(rules, "sinks"))
            arg_only &= strcmp(cJSON_GetObjectItem(s, "rule")->valuestring, id) != 0;
        if (!found) {
            fprintf(stderr, "rule %s: no `// expect: %s` in samples/\n", id, id);
            problems++;
        }
        /* a stable code, DT1000 and up (below are drvtaint's own diagnostics) */
        const cJSON *code = cJSON_GetObjectItem(r, "code");
        if (!cJSON_IsString(code) || strlen(code->valuestring) != 6 || strncmp(code->valuestring, "DT", 2) != 0 ||
            atoi(code->valuestring + 2) < 1000) {
            fprintf(stderr, "rule %s: no \"code\" of DT1000 or above in its rule file\n", id);
            problems++;
        }
        if (!silent && !arg_only) {
            fprintf(stderr, "rule %s: no silent (`// expect: none`) call of its sinks in samples/\n", id);
            problems++;
        }
    }
    assert_int_equal(problems, 0);
    expectations_free(&exp);
    cJSON_Delete(inv);
    cJSON_Delete(rules);
    free(iout);
    free(icmd);
    free(out);
    free(cmd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(docs_page_matches_the_rule_files),
        cmocka_unit_test(every_rule_has_a_finding_and_a_silent_twin),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
