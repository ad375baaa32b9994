/* test_whole_driver.c - a driver in two files (samples/split) scanned as users run it: the
 * finding in hw.c exists only because dispatch.c passes user data, it names both entry
 * points that reach it, and a value kept in the device extension crosses files. */
#include "test_support.h"

#include <string.h>

#include <cjson/cJSON.h>

#include "drvtaint/util.h"

static int run(const char *args, char **out, char **err)
{
    char *cmd = xasprintf("cd %s && %s %s", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY, args);
    int rc = ts_run(cmd, out, err);
    free(cmd);
    return rc;
}

static cJSON *finding_at(cJSON *root, const char *file, int line)
{
    cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(root, "findings"))
    {
        if (strcmp(cJSON_GetObjectItem(f, "file")->valuestring, file) == 0 &&
            (int)cJSON_GetObjectItem(f, "line")->valuedouble == line)
            return f;
    }
    return NULL;
}

static bool trace_mentions(cJSON *trace, const char *file, const char *text)
{
    cJSON *st;
    cJSON_ArrayForEach(st, trace)
    {
        if (strcmp(cJSON_GetObjectItem(st, "file")->valuestring, file) == 0 &&
            strstr(cJSON_GetObjectItem(st, "text")->valuestring, text))
            return true;
    }
    return false;
}

static void helper_in_another_file_has_one_finding_with_both_routes(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("scan -q --format json --fail-on none samples/split", &out, &err), 0);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON *f = finding_at(root, "samples/split/hw.c", 8);
    assert_non_null(f);
    cJSON *ep = cJSON_GetObjectItem(f, "entry_point");
    assert_string_equal(cJSON_GetObjectItem(ep, "function")->valuestring, "SplitDeviceControl");
    assert_string_equal(cJSON_GetObjectItem(ep, "kind")->valuestring, "IRP_MJ_DEVICE_CONTROL");
    cJSON *code = cJSON_GetArrayItem(cJSON_GetObjectItem(f, "ioctl_codes"), 0);
    assert_string_equal(cJSON_GetObjectItem(code, "name")->valuestring, "IOCTL_SPLIT_READ_MSR");
    assert_true(trace_mentions(cJSON_GetObjectItem(f, "trace"), "samples/split/dispatch.c", "HwReadMsr"));
    cJSON *routes = cJSON_GetObjectItem(f, "routes");
    assert_int_equal(cJSON_GetArraySize(routes), 1);
    cJSON *r = cJSON_GetArrayItem(routes, 0);
    cJSON *rep = cJSON_GetObjectItem(r, "entry_point");
    assert_string_equal(cJSON_GetObjectItem(rep, "function")->valuestring, "SplitWrite");
    assert_string_equal(cJSON_GetObjectItem(rep, "kind")->valuestring, "IRP_MJ_WRITE");
    assert_true(trace_mentions(cJSON_GetObjectItem(r, "trace"), "samples/split/dispatch.c", "HwReadMsr"));
    /* the port one request kept in the device extension, used by another request's helper */
    cJSON *kept = finding_at(root, "samples/split/hw.c", 34);
    assert_non_null(kept);
    assert_true(trace_mentions(cJSON_GetObjectItem(kept, "trace"), "samples/split/dispatch.c", "ext->KickPort = in->Port"));
    assert_true(trace_mentions(cJSON_GetObjectItem(kept, "trace"), "samples/split/hw.c", "kept from an earlier request"));
    cJSON_Delete(root);
    free(out);
    free(err);
}

static void one_file_alone_knows_nothing_of_the_other(void **state)
{
    (void)state;
    char *out, *err;
    /* hw.c alone: no request reaches its helpers, and the internal handler is not known as such */
    assert_int_equal(run("scan -q --format json --fail-on none samples/split/hw.c", &out, &err), 0);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    assert_null(finding_at(root, "samples/split/hw.c", 8));
    assert_null(finding_at(root, "samples/split/hw.c", 34));
    assert_non_null(finding_at(root, "samples/split/hw.c", 48));
    cJSON_Delete(root);
    free(out);
    free(err);
    /* dispatch.c alone: the validator of hw.c is unknown, so the checked port write is reported */
    assert_int_equal(run("scan -q --format json --fail-on none samples/split/dispatch.c", &out, &err), 0);
    root = cJSON_Parse(out);
    assert_non_null(root);
    assert_non_null(finding_at(root, "samples/split/dispatch.c", 26));
    cJSON_Delete(root);
    free(out);
    free(err);
}

static void rounds_are_reported_and_do_not_depend_on_jobs(void **state)
{
    (void)state;
    char *out1, *err1, *out2, *err2;
    assert_int_equal(run("scan -v --format sarif --fail-on none -j1 samples/split", &out1, &err1), 0);
    assert_non_null(strstr(err1, "round 2: 2 units analysed again"));
    assert_int_equal(run("scan -q --format sarif --fail-on none -j2 samples/split", &out2, &err2), 0);
    assert_string_equal(out1, out2);
    free(out1);
    free(err1);
    free(out2);
    free(err2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(helper_in_another_file_has_one_finding_with_both_routes),
        cmocka_unit_test(one_file_alone_knows_nothing_of_the_other),
        cmocka_unit_test(rounds_are_reported_and_do_not_depend_on_jobs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
