/* test_limits.c - an analysis that gives up says so: the samples in tests/limits hit the call
 * depth, the unit's pass limit and the whole-driver round cap (rounds/), and each unit's limit shows in JSON ("limits"), in SARIF (a
 * toolExecutionNotification of level note) and with -v on standard error; a unit that stays
 * within the limits has none. */
#include "test_support.h"

#include <cjson/cJSON.h>

#include "drvtaint/util.h"

static int run(const char *args, char **out, char **err)
{
    char *cmd = xasprintf("cd %s && %s %s", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY, args);
    int rc = ts_run(cmd, out, err);
    free(cmd);
    return rc;
}

static const cJSON *unit_named(const cJSON *root, const char *suffix)
{
    const cJSON *u;
    cJSON_ArrayForEach(u, cJSON_GetObjectItem(root, "units"))
    {
        const char *p = cJSON_GetStringValue(cJSON_GetObjectItem(u, "path"));
        if (p && str_ends_with(p, suffix))
            return u;
    }
    return NULL;
}

static void limits_in_json(void **state)
{
    (void)state;
    char *out, *err;
    run("scan --format json --fail-on none tests/limits", &out, &err);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    const cJSON *deep = cJSON_GetObjectItem(unit_named(root, "deep.c"), "limits");
    assert_int_equal(cJSON_GetArraySize(deep), 1);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetArrayItem(deep, 0)),
                        "L4: L5 is called with user data 4 calls deep from Deep and is not analysed from that call");
    const cJSON *kept = cJSON_GetObjectItem(unit_named(root, "kept.c"), "limits");
    assert_int_equal(cJSON_GetArraySize(kept), 1);
    assert_non_null(strstr(cJSON_GetStringValue(cJSON_GetArrayItem(kept, 0)), "still changed after 3 passes"));
    /* the round cap: step1.c is told the chain's last link after the last whole-driver round */
    const cJSON *step1 = cJSON_GetObjectItem(unit_named(root, "rounds/step1.c"), "limits");
    assert_int_equal(cJSON_GetArraySize(step1), 1);
    assert_non_null(strstr(cJSON_GetStringValue(cJSON_GetArrayItem(step1, 0)), "after the last whole-driver round"));
    assert_null(cJSON_GetObjectItem(unit_named(root, "rounds/step2.c"), "limits"));
    cJSON_Delete(root);
    free(out);
    free(err);
}

static void limits_in_sarif_and_verbose(void **state)
{
    (void)state;
    char *out, *err;
    run("scan --format sarif --fail-on none -v tests/limits/deep.c", &out, &err);
    assert_non_null(strstr(err, "deep.c: analysis limit: L4: L5 is called with user data 4 calls deep"));
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    const cJSON *inv = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0),
                                                              "invocations"),
                                          0);
    const cJSON *notes = cJSON_GetObjectItem(inv, "toolExecutionNotifications");
    size_t found = 0;
    const cJSON *n;
    cJSON_ArrayForEach(n, notes)
    {
        const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(n, "message"), "text"));
        if (text && strstr(text, "analysis limit: L4: L5")) {
            assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(n, "level")), "note");
            found++;
        }
    }
    assert_int_equal(found, 1);
    cJSON_Delete(root);
    free(out);
    free(err);
}

/* Three helpers deep is within the limit: the finding is there and no limit is said. */
static void within_the_limits_nothing_is_said(void **state)
{
    (void)state;
    char *path = ts_write_temp("shallow.c", "#include <ntddk.h>\n"
                                            "static void L3(ULONG v) { __writemsr(v, 0); }\n"
                                            "static void L2(ULONG v) { L3(v); }\n"
                                            "static void L1(ULONG v) { L2(v); }\n"
                                            "NTSTATUS D(PDEVICE_OBJECT d, PIRP Irp)\n"
                                            "{ L1(*(ULONG *)Irp->AssociatedIrp.SystemBuffer); return 0; }\n");
    char *args = xasprintf("scan --format json --fail-on none %s", path);
    char *out, *err;
    run(args, &out, &err);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    assert_null(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "units"), 0), "limits"));
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "findings")), 1);
    cJSON_Delete(root);
    free(out);
    free(err);
    free(args);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(limits_in_json),
        cmocka_unit_test(limits_in_sarif_and_verbose),
        cmocka_unit_test(within_the_limits_nothing_is_said),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
