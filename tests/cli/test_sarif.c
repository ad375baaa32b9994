/* test_sarif.c - machine-readable reports on samples/: the JSON report against its schema
 * (docs/drvtaint-findings.schema.json, checked by ajv) and `scan --format sarif`: the structure code scanning relies on,
 * zero errors and zero warnings from Microsoft's SARIF validator with GitHub's rules,
 * byte-identical output, and fingerprints that survive a line shift. */
#include "test_support.h"

#include <cjson/cJSON.h>
#include <unistd.h>

#include "drvtaint/util.h"

static char *scan_sarif(const char *dir, const char *paths)
{
    char *cmd = xasprintf("cd %s && %s scan -q --format sarif --fail-on none %s", dir, DRVTAINT_BINARY, paths);
    char *out = NULL;
    assert_int_equal(ts_run(cmd, &out, NULL), 0);
    free(cmd);
    return out;
}

static char *validator_path(void)
{
    const char *env = getenv("DRVTAINT_SARIF_VALIDATOR");
    if (env && access(env, X_OK) == 0)
        return xstrdup(env);
    char *p = xasprintf("%s/sarif-validator/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool",
                        DRVTAINT_BUILD_DIR);
    if (access(p, X_OK) == 0)
        return p;
    free(p);
    return NULL;
}

static void structure_for_code_scanning(void **state)
{
    (void)state;
    char *out = scan_sarif(DRVTAINT_SOURCE_DIR, "samples");
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "version")->valuestring, "2.1.0");
    cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0);
    cJSON *driver = cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver");
    assert_string_equal(cJSON_GetObjectItem(driver, "name")->valuestring, "drvtaint");
    assert_non_null(cJSON_GetObjectItem(driver, "semanticVersion"));
    cJSON *rules = cJSON_GetObjectItem(driver, "rules");
    assert_true(cJSON_GetArraySize(rules) >= 15);
    cJSON *rule;
    cJSON_ArrayForEach(rule, rules)
    {
        assert_non_null(cJSON_GetObjectItem(cJSON_GetObjectItem(rule, "help"), "markdown"));
        cJSON *props = cJSON_GetObjectItem(rule, "properties");
        assert_non_null(cJSON_GetObjectItem(props, "security-severity"));
        bool cwe = false;
        cJSON *tag;
        cJSON_ArrayForEach(tag, cJSON_GetObjectItem(props, "tags")) cwe |= strncmp(tag->valuestring, "external/cwe/", 13) == 0;
        assert_true(cwe);
    }
    cJSON *results = cJSON_GetObjectItem(run, "results");
    assert_true(cJSON_GetArraySize(results) > 50);
    cJSON *res;
    cJSON_ArrayForEach(res, results)
    {
        int idx = (int)cJSON_GetObjectItem(res, "ruleIndex")->valuedouble;
        cJSON *r = cJSON_GetArrayItem(rules, idx);
        assert_string_equal(cJSON_GetObjectItem(r, "id")->valuestring, cJSON_GetObjectItem(res, "ruleId")->valuestring);
        cJSON *loc = cJSON_GetArrayItem(cJSON_GetObjectItem(res, "locations"), 0);
        cJSON *art = cJSON_GetObjectItem(cJSON_GetObjectItem(loc, "physicalLocation"), "artifactLocation");
        assert_string_equal(cJSON_GetObjectItem(art, "uriBaseId")->valuestring, "%SRCROOT%");
        assert_true(strncmp(cJSON_GetObjectItem(art, "uri")->valuestring, "samples/", 8) == 0);
        assert_non_null(cJSON_GetObjectItem(res, "codeFlows"));
        cJSON *fp = cJSON_GetObjectItem(res, "partialFingerprints");
        assert_non_null(cJSON_GetObjectItem(fp, "primaryLocationLineHash"));
        assert_non_null(cJSON_GetObjectItem(fp, "drvtaint/v1"));
    }
    cJSON_Delete(root);
    free(out);
}

static void identical_on_two_runs(void **state)
{
    (void)state;
    char *a = scan_sarif(DRVTAINT_SOURCE_DIR, "samples");
    char *b = scan_sarif(DRVTAINT_SOURCE_DIR, "samples");
    assert_string_equal(a, b);
    free(a);
    free(b);
}

static void validator_finds_no_error_and_no_warning(void **state)
{
    (void)state;
    char *validator = validator_path();
    if (!validator) {
        fprintf(stderr, "SKIPPED: SARIF validator not installed (npm install @microsoft/sarif-multitool-linux; "
                        "./setup.sh does it, or set DRVTAINT_SARIF_VALIDATOR)\n");
        skip();
    }
    char *out = scan_sarif(DRVTAINT_SOURCE_DIR, "samples");
    char *path = ts_write_temp("drvtaint.sarif", out);
    char *cmd = xasprintf("%s validate --rule-kind 'Sarif;Gh' %s", validator, path);
    char *log = NULL;
    ts_run(cmd, &log, NULL);
    size_t problems = 0;
    for (char *line = strtok(log, "\n"); line; line = strtok(NULL, "\n"))
        if (strstr(line, ": error ") || strstr(line, ": warning ")) {
            fprintf(stderr, "%s\n", line);
            problems++;
        }
    assert_int_equal(problems, 0);
    free(log);
    free(cmd);
    free(path);
    free(out);
    free(validator);
}

static void fingerprints_survive_a_line_shift(void **state)
{
    (void)state;
    char *src = ts_source_path("samples/wdm/hwdrv.c");
    char *text = read_file(src, NULL);
    char *inc = ts_source_path("samples/wdm/ioctl_hw.h");
    char *hdr = read_file(inc, NULL);
    char *shifted = xasprintf("/* three */\n/* new */\n/* lines */\n%s", text);
    char *file = ts_write_temp("hwdrv.c", shifted);
    char *dir = xstrndup(file, (size_t)(strrchr(file, '/') - file));
    char *hpath = xasprintf("%s/ioctl_hw.h", dir);
    FILE *f = fopen(hpath, "w");
    fputs(hdr, f);
    fclose(f);
    char *before_dir = xasprintf("%s/samples/wdm", DRVTAINT_SOURCE_DIR);
    /* the same project root for both: the test is about lines, not directories */
    char *a = scan_sarif(before_dir, "--root . hwdrv.c");
    char *b = scan_sarif(dir, "--root . hwdrv.c");
    cJSON *ja = cJSON_Parse(a), *jb = cJSON_Parse(b);
    cJSON *ra = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(ja, "runs"), 0), "results");
    cJSON *rb = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(jb, "runs"), 0), "results");
    assert_int_equal(cJSON_GetArraySize(ra), cJSON_GetArraySize(rb));
    assert_true(cJSON_GetArraySize(ra) > 5);
    for (int i = 0; i < cJSON_GetArraySize(ra); i++) {
        cJSON *x = cJSON_GetArrayItem(ra, i), *y = cJSON_GetArrayItem(rb, i);
        cJSON *fx = cJSON_GetObjectItem(x, "partialFingerprints"), *fy = cJSON_GetObjectItem(y, "partialFingerprints");
        assert_string_equal(cJSON_GetObjectItem(fx, "drvtaint/v1")->valuestring,
                            cJSON_GetObjectItem(fy, "drvtaint/v1")->valuestring);
        assert_string_equal(cJSON_GetObjectItem(fx, "primaryLocationLineHash")->valuestring,
                            cJSON_GetObjectItem(fy, "primaryLocationLineHash")->valuestring);
        int lx = (int)cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(
                     cJSON_GetObjectItem(x, "locations"), 0), "physicalLocation"), "region"), "startLine")->valuedouble;
        int ly = (int)cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(
                     cJSON_GetObjectItem(y, "locations"), 0), "physicalLocation"), "region"), "startLine")->valuedouble;
        assert_int_equal(ly, lx + 3);
    }
    cJSON_Delete(ja);
    cJSON_Delete(jb);
    free(a);
    free(b);
    free(before_dir);
    free(hpath);
    free(dir);
    free(file);
    free(shifted);
    free(hdr);
    free(inc);
    free(text);
    free(src);
}

static void json_report_matches_its_schema(void **state)
{
    (void)state;
    char *ajv = xasprintf("%s/json-validator/node_modules/.bin/ajv", DRVTAINT_BUILD_DIR);
    if (access(ajv, X_OK) != 0) {
        fprintf(stderr, "SKIPPED: ajv not installed (./setup.sh installs ajv-cli into build/json-validator)\n");
        free(ajv);
        skip();
    }
    char *cmd = xasprintf("cd %s && %s scan -q --format json --fail-on none --report-stale samples /nonexistent.c",
                          DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY);
    char *out = NULL;
    assert_int_equal(ts_run(cmd, &out, NULL), 3); /* the missing input: exit 3, still a full report */
    char *report = ts_write_temp("report.json", out);
    char *schema = ts_source_path("docs/drvtaint-findings.schema.json");
    char *check = xasprintf("%s validate -s %s -d %s", ajv, schema, report);
    char *log = NULL, *err = NULL;
    int rc = ts_run(check, &log, &err);
    if (rc != 0)
        fprintf(stderr, "%s%s\n", log ? log : "", err ? err : "");
    assert_int_equal(rc, 0);
    free(log);
    free(err);
    free(check);
    free(schema);
    free(report);
    free(out);
    free(cmd);
    free(ajv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(structure_for_code_scanning),
        cmocka_unit_test(identical_on_two_runs),
        cmocka_unit_test(validator_finds_no_error_and_no_warning),
        cmocka_unit_test(fingerprints_survive_a_line_shift),
        cmocka_unit_test(json_report_matches_its_schema),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
