/* test_includes.c - headers spelled the Windows way are found, headers found nowhere are named in
 * every report, a WPP driver without its generated .tmh keeps its findings, and an IOCTL code
 * made up by recovery is not decoded. Runs on a copy of tests/trees/includes made a repository. */
#include "test_support.h"

#include <cjson/cJSON.h>

#include "drvtaint/util.h"

static char *tree; /* the copy: a temporary folder holding .git */

static int setup(void **state)
{
    (void)state;
    char *marker = ts_write_temp("marker", "");
    char *dir = xstrndup(marker, strlen(marker) - strlen("/marker"));
    tree = xasprintf("%s/repo", dir);
    char *cmd = xasprintf("cp -r %s/tests/trees/includes %s && mkdir %s/.git", DRVTAINT_SOURCE_DIR, tree, tree);
    int rc = ts_run(cmd, NULL, NULL);
    free(cmd);
    free(dir);
    free(marker);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    char *cmd = xasprintf("rm -rf %s", tree);
    ts_run(cmd, NULL, NULL);
    free(cmd);
    free(tree);
    return 0;
}

static int run(const char *args, char **out, char **err)
{
    char *cmd = xasprintf("cd %s && %s scan %s", tree, DRVTAINT_BINARY, args);
    int rc = ts_run(cmd, out, err);
    free(cmd);
    return rc;
}

static cJSON *unit_named(cJSON *root, const char *path)
{
    cJSON *u;
    cJSON_ArrayForEach(u, cJSON_GetObjectItem(root, "units"))
    if (strcmp(cJSON_GetObjectItem(u, "path")->valuestring, path) == 0)
        return u;
    fail_msg("no unit %s", path);
    return NULL;
}

static cJSON *include_named(cJSON *unit, const char *name)
{
    cJSON *i;
    cJSON_ArrayForEach(i, cJSON_GetObjectItem(unit, "includes"))
    if (strcmp(cJSON_GetObjectItem(i, "name")->valuestring, name) == 0)
        return i;
    fail_msg("no include %s", name);
    return NULL;
}

static const char *str(cJSON *o, const char *key)
{
    cJSON *v = cJSON_GetObjectItem(o, key);
    return v && cJSON_IsString(v) ? v->valuestring : "";
}

static void assert_include(cJSON *unit, const char *name, const char *resolution, const char *path_suffix)
{
    cJSON *i = include_named(unit, name);
    assert_string_equal(str(i, "resolution"), resolution);
    if (path_suffix) {
        const char *p = str(i, "path");
        assert_true(str_ends_with(p, path_suffix));
    }
}

static void windows_rules_repository_and_missing_in_json(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("--format json .", &out, &err), 1);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON *u = unit_named(root, "drv/driver.c");
    assert_include(u, "msrdrv.h", "windows-rules", "drv/MsrDrv.h");
    assert_include(u, "..\\common\\hw.h", "windows-rules", "Common/Hw.h");
    assert_include(u, "ddk/ntddk.h", "windows-rules", "include/wdk/ntddk.h");
    assert_include(u, "shared.h", "repository", "lib/shared.h");
    assert_include(u, "..\\old\\place\\stats.h", "repository", "lib/stats.h");
    assert_include(u, "dup.h", "ambiguous", NULL);
    assert_string_equal(str(include_named(u, "dup.h"), "candidates"), "x/dup.h, y/dup.h");
    assert_include(u, "gone.h", "missing", NULL);
    assert_include(u, "vendor/types.h", "missing", NULL);
    assert_int_equal(cJSON_GetObjectItem(u, "headers_missing")->valueint, 3);
    /* the first parse already read the headers Windows rules and the search found: the only
     * errors before recovery are the names gone.h and dup.h would have declared */
    assert_int_equal(cJSON_GetObjectItem(u, "errors")->valueint, 0);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(u, "includes")), 8);

    /* the IOCTL of a header found is decoded; the one from the missing header is named only */
    bool decoded = false, placeholder = false;
    cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(root, "findings"))
    {
        const char *msg = str(f, "message");
        if (strstr(msg, "IOCTL_READ_MSR")) {
            decoded = true;
            assert_non_null(strstr(msg, "METHOD_BUFFERED"));
        }
        if (strstr(msg, "IOCTL_GONE")) {
            placeholder = true;
            assert_null(strstr(msg, "METHOD_"));
            assert_non_null(strstr(msg, "IOCTL_GONE (code unknown: its header was not found)"));
            cJSON *code = cJSON_GetArrayItem(cJSON_GetObjectItem(f, "ioctl_codes"), 0);
            assert_string_equal(str(code, "name"), "IOCTL_GONE");
            assert_true(cJSON_IsNull(cJSON_GetObjectItem(code, "code")));
            assert_true(cJSON_IsNull(cJSON_GetObjectItem(code, "method")));
        }
    }
    assert_true(decoded);
    assert_true(placeholder);
    cJSON_Delete(root);
    free(out);
    free(err);
}

static void wpp_driver_without_tmh_keeps_its_findings(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("--format json wppdrv", &out, &err), 1);
    cJSON *root = cJSON_Parse(out);
    cJSON *u = unit_named(root, "wppdrv/driver.cpp");
    assert_include(u, "driver.tmh", "wpp", "wppdrv/trace.h");
    /* TraceEvents, TRACE_QUEUE, TRACE_LEVEL_INFORMATION and WPP_INIT_TRACING are declared before
     * the first parse: C++ has no implicit declarations, so each would otherwise be an error */
    assert_int_equal(cJSON_GetObjectItem(u, "errors_before_recovery")->valueint, 0);
    assert_int_equal(cJSON_GetObjectItem(u, "headers_missing")->valueint, 0);
    bool found = false;
    cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(root, "findings"))
    found |= strcmp(str(f, "rule"), "msr-read") == 0 && strcmp(str(f, "function"), "WppDeviceControl") == 0;
    assert_true(found);
    cJSON_Delete(root);
    free(out);
    free(err);
}

static void verbose_text_names_every_header(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("-v -j1 .", &out, &err), 1);
    assert_non_null(strstr(err, "drv/driver.c: include 'gone.h': not found: an empty file stood in"));
    assert_non_null(strstr(err, "drv/driver.c: include 'dup.h': not found: several files of that name are "
                                "equally near (x/dup.h, y/dup.h)"));
    assert_non_null(strstr(err, "drv/driver.c: include 'msrdrv.h': found by Windows rules"));
    assert_non_null(strstr(err, "drv/driver.c: include 'shared.h': found by searching the repository: lib/shared.h"));
    assert_non_null(strstr(err, "wppdrv/driver.cpp: include 'driver.tmh': generated WPP trace header"));
    assert_non_null(strstr(err, "2 units (0 with errors after recovery, 1 missing a header, 0 not analysed)"));
    free(out);
    free(err);
}

static void sarif_notifies_each_lost_header(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("--format sarif .", &out, &err), 1);
    cJSON *root = cJSON_Parse(out);
    cJSON *inv = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0),
                                                        "invocations"),
                                    0);
    size_t lost = 0;
    cJSON *n;
    cJSON_ArrayForEach(n, cJSON_GetObjectItem(inv, "toolExecutionNotifications"))
    {
        const char *header = str(cJSON_GetObjectItem(n, "properties"), "header");
        if (strcmp(header, "gone.h") == 0 || strcmp(header, "dup.h") == 0) {
            lost++;
            assert_string_equal(str(cJSON_GetObjectItem(n, "properties"), "unit"), "drv/driver.c");
            assert_string_equal(str(n, "level"), "warning");
        }
        assert_true(strcmp(header, "msrdrv.h") != 0 && strcmp(header, "driver.tmh") != 0);
    }
    assert_int_equal(lost, 2);
    cJSON_Delete(root);
    free(out);
    free(err);
}

static void exclude_and_gitignore_leave_paths_out(void **state)
{
    (void)state;
    char *out, *err;
    /* an excluded folder gives no unit and no header */
    assert_int_equal(run("-v --exclude wppdrv --exclude 'li?' .", &out, &err), 1);
    assert_null(strstr(err, "wppdrv/driver.cpp"));
    assert_non_null(strstr(err, "include 'shared.h': not found"));
    assert_non_null(strstr(err, "1 units ("));
    free(out);
    free(err);
    char *cmd = xasprintf("printf '# generated\\nwpp*/\\n' > %s/.gitignore", tree);
    ts_run(cmd, NULL, NULL);
    free(cmd);
    assert_int_equal(run("-v .", &out, &err), 1);
    assert_null(strstr(err, "wppdrv/driver.cpp"));
    assert_non_null(strstr(err, "1 units ("));
    free(out);
    free(err);
    assert_int_equal(run("-v --no-gitignore .", &out, &err), 1);
    assert_non_null(strstr(err, "2 units ("));
    free(out);
    free(err);
    cmd = xasprintf("rm %s/.gitignore", tree);
    ts_run(cmd, NULL, NULL);
    free(cmd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(windows_rules_repository_and_missing_in_json),
        cmocka_unit_test(wpp_driver_without_tmh_keeps_its_findings),
        cmocka_unit_test(verbose_text_names_every_header),
        cmocka_unit_test(sarif_notifies_each_lost_header),
        cmocka_unit_test(exclude_and_gitignore_leave_paths_out),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
