/* test_suppress.c - in-source suppressions (with and without a reason, stale ones), prefast
 * pragmas, and baselines: a shifted line keeps its fingerprint, a new finding is reported. */
#include "test_support.h"

#include <cjson/cJSON.h>

#include "drvtaint/util.h"

static const char *const DRIVER =
    "#include <ntddk.h>\n"
    "typedef struct { ULONG Msr; ULONG Port; } REQ;\n"
    "NTSTATUS Dispatch(PDEVICE_OBJECT d, PIRP Irp) {\n"
    "    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;\n"
    "    %s\n"
    "    __readmsr(in->Msr);\n"
    "    %s\n"
    "    __outbyte((USHORT)in->Port, 1);\n"
    "    return STATUS_SUCCESS;\n"
    "}\n";

/* Writes the driver with two lines of the caller's choosing; returns its directory. */
static char *driver(const char *line1, const char *line2)
{
    char *text = xasprintf(DRIVER, line1, line2);
    char *path = ts_write_temp("drv.c", text);
    free(text);
    char *dir = xstrndup(path, (size_t)(strrchr(path, '/') - path));
    free(path);
    return dir;
}

static int scan(const char *dir, const char *args, char **out, char **err)
{
    char *cmd = xasprintf("cd %s && %s scan %s drv.c", dir, DRVTAINT_BINARY, args);
    int rc = ts_run(cmd, out, err);
    free(cmd);
    return rc;
}

static void a_reasoned_suppression_hides_the_finding(void **state)
{
    (void)state;
    char *dir = driver("// drvtaint-ignore[msr-read]: the calibration tool reads any MSR", "");
    char *out, *err;
    assert_int_equal(scan(dir, "-q", &out, &err), 1); /* the port write is still there */
    assert_null(strstr(out, "[msr-read]"));
    assert_non_null(strstr(out, "[port-write]"));
    free(out);
    free(err);
    assert_int_equal(scan(dir, "-q --format json", &out, &err), 1);
    assert_non_null(strstr(out, "the calibration tool reads any MSR")); /* kept in JSON */
    free(out);
    free(err);
    /* GitHub ignores SARIF suppressions: by default a suppressed result is not in the file */
    assert_int_equal(scan(dir, "-q --format sarif", &out, &err), 1);
    assert_null(strstr(out, "\"suppressions\""));
    assert_null(strstr(out, "\"ruleId\":\t\"msr-read\""));
    assert_non_null(strstr(out, "\"ruleId\":\t\"port-write\""));
    free(out);
    free(err);
    assert_int_equal(scan(dir, "-q --format sarif --keep-suppressed", &out, &err), 1);
    cJSON *root = cJSON_Parse(out);
    cJSON *res = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0), "results");
    int suppressed = 0;
    cJSON *r;
    cJSON_ArrayForEach(r, res)
    {
        cJSON *sup = cJSON_GetArrayItem(cJSON_GetObjectItem(r, "suppressions"), 0);
        if (sup) {
            suppressed++;
            assert_string_equal(cJSON_GetObjectItem(sup, "kind")->valuestring, "inSource");
            assert_string_equal(cJSON_GetObjectItem(sup, "justification")->valuestring,
                                "the calibration tool reads any MSR");
            assert_string_equal(cJSON_GetObjectItem(r, "ruleId")->valuestring, "msr-read");
        }
    }
    assert_int_equal(suppressed, 1);
    cJSON_Delete(root);
    free(out);
    free(err);
    /* with both suppressed the run is clean */
    free(dir);
    dir = driver("// drvtaint-ignore[msr-read]: calibration", "#pragma prefast(suppress: port-write, \"board bring-up only\")");
    assert_int_equal(scan(dir, "-q", &out, &err), 0);
    assert_string_equal(out, "");
    free(out);
    free(err);
    free(dir);
}

static void a_suppression_without_reason_is_ignored_and_said(void **state)
{
    (void)state;
    char *dir = driver("// drvtaint-ignore[msr-read]", "");
    char *out, *err;
    assert_int_equal(scan(dir, "-q", &out, &err), 1);
    assert_non_null(strstr(out, "[msr-read]"));
    assert_non_null(strstr(err, "drv.c:5:1: warning: suppression of msr-read without a reason is ignored"));
    free(out);
    free(err);
    free(dir);
}

static void stale_suppressions_with_report_stale(void **state)
{
    (void)state;
    char *dir = driver("// drvtaint-ignore[port-read]: there is no port read here", "");
    char *out, *err;
    assert_int_equal(scan(dir, "-q --fail-on none", &out, &err), 0);
    assert_null(strstr(out, "stale"));
    free(out);
    free(err);
    assert_int_equal(scan(dir, "-q --report-stale --fail-on none", &out, &err), 0);
    assert_non_null(strstr(out, "drv.c:5:1: warning: stale suppression: no port-read finding"));
    free(out);
    free(err);
    free(dir);
}

static void baseline_reports_only_new_findings(void **state)
{
    (void)state;
    /* the old version: one finding (the MSR read); the port write is suppressed */
    char *old = driver("", "// drvtaint-ignore[port-write]: later");
    char *out, *err;
    assert_int_equal(scan(old, "-q --format sarif --fail-on none -o base.sarif", &out, &err), 0);
    free(out);
    free(err);
    char *base = xasprintf("%s/base.sarif", old);
    /* the new version: two lines added above (the MSR read moves), the port write no longer suppressed */
    char *fresh = driver("/* a */\n/* b */", "");
    char *args = xasprintf("-q --baseline %s", base);
    assert_int_equal(scan(fresh, args, &out, &err), 1);
    assert_null(strstr(out, "[msr-read]"));      /* moved, same fingerprint: unchanged */
    assert_non_null(strstr(out, "[port-write]")); /* new */
    free(out);
    free(err);
    free(args);
    args = xasprintf("-q --format sarif --baseline %s", base);
    assert_int_equal(scan(fresh, args, &out, &err), 1);
    cJSON *root = cJSON_Parse(out);
    cJSON *res = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0), "results");
    cJSON *r;
    int unchanged = 0, created = 0;
    cJSON_ArrayForEach(r, res)
    {
        const char *bs = cJSON_GetObjectItem(r, "baselineState")->valuestring;
        unchanged += strcmp(bs, "unchanged") == 0;
        created += strcmp(bs, "new") == 0;
    }
    assert_int_equal(unchanged, 1);
    assert_int_equal(created, 1);
    cJSON_Delete(root);
    free(out);
    free(err);
    free(args);
    /* a JSON report works as a baseline too, and a bad one is a usage error */
    assert_int_equal(scan(old, "-q --format json --fail-on none -o base.json", &out, &err), 0);
    free(out);
    free(err);
    args = xasprintf("-q --baseline %s/base.json", old);
    assert_int_equal(scan(fresh, args, &out, &err), 1);
    assert_null(strstr(out, "[msr-read]"));
    free(out);
    free(err);
    free(args);
    assert_int_equal(scan(fresh, "-q --baseline /nonexistent.sarif", &out, &err), 2);
    assert_non_null(strstr(err, "cannot read baseline"));
    free(out);
    free(err);
    free(base);
    free(fresh);
    free(old);
}

/* A block comment suppresses like a line comment; its reason ends at the comment's end. */
static void a_block_comment_suppresses(void **state)
{
    (void)state;
    char *dir = driver("/* drvtaint-ignore[msr-read]: the calibration tool reads any MSR */",
                       "/* drvtaint-ignore[DT1102]: board bring-up only */ /* by its code */");
    char *out, *err;
    assert_int_equal(scan(dir, "-q --format json", &out, &err), 0);
    assert_non_null(strstr(out, "\"suppressed\":\t\"the calibration tool reads any MSR\""));
    assert_non_null(strstr(out, "\"suppressed\":\t\"board bring-up only\""));
    assert_string_equal(err, "");
    free(out);
    free(err);
    free(dir);
}

/* A misspelled rule, in a comment or in a prefast pragma, is a warning that names it (it
 * counts for --fail-on warning); --strict makes it an error. PREfast's own warnings are left
 * alone. */
static void a_misspelled_rule_is_reported(void **state)
{
    (void)state;
    char *dir = driver("// drvtaint-ignore[msr-raed]: calibration",
                       "#pragma prefast(suppress: port-wirte, \"bring-up\") \n#pragma prefast(suppress: 28118, \"x\")");
    char *out, *err;
    assert_int_equal(scan(dir, "-q", &out, &err), 1);
    assert_non_null(strstr(out, "[msr-read]")); /* not suppressed */
    assert_non_null(strstr(err, "drv.c:5:1: warning: suppression names no loaded rule 'msr-raed'"));
    assert_non_null(strstr(err, "drv.c:7:1: warning: suppression names no loaded rule 'port-wirte'"));
    assert_null(strstr(err, "'28118'"));
    free(out);
    free(err);
    /* the findings alone would not fail --fail-on error... */
    free(dir);
    dir = driver("// drvtaint-ignore[msr-read, msr-raed]: calibration", "// drvtaint-ignore[port-write]: bring-up");
    assert_int_equal(scan(dir, "-q", &out, &err), 1); /* a warning fails --fail-on warning */
    free(out);
    free(err);
    assert_int_equal(scan(dir, "-q --fail-on error", &out, &err), 0);
    free(out);
    free(err);
    /* ...but with --strict the misspelling is an error */
    assert_int_equal(scan(dir, "-q --fail-on error --strict", &out, &err), 1);
    assert_non_null(strstr(err, "drv.c:5:1: error: suppression names no loaded rule 'msr-raed'"));
    free(out);
    free(err);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_block_comment_suppresses),
        cmocka_unit_test(a_misspelled_rule_is_reported),
        cmocka_unit_test(a_reasoned_suppression_hides_the_finding),
        cmocka_unit_test(a_suppression_without_reason_is_ignored_and_said),
        cmocka_unit_test(stale_suppressions_with_report_stale),
        cmocka_unit_test(baseline_reports_only_new_findings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
