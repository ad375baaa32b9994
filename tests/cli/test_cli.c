/* test_cli.c - the command line as users meet it: --help, --version, exit codes, error
 * messages naming the input, -o files, and output that does not depend on -j or the run. */
#include "test_support.h"

#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "drvtaint/util.h"

static int run(const char *args, char **out, char **err)
{
    char *cmd = xasprintf("cd %s && %s %s", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY, args);
    int rc = ts_run(cmd, out, err);
    free(cmd);
    return rc;
}

static void help_and_version(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("--help", &out, &err), 0);
    assert_non_null(strstr(out, "usage: drvtaint <command>"));
    assert_non_null(strstr(out, "exit status:"));
    assert_non_null(strstr(out, "--fail-on"));
    free(out);
    free(err);
    assert_int_equal(run("scan --help", &out, &err), 0);
    assert_non_null(strstr(out, "inventory"));
    free(out);
    free(err);
    assert_int_equal(run("--version", &out, &err), 0);
    assert_non_null(strstr(out, "drvtaint "));
    assert_non_null(strstr(out, "libclang: "));
    assert_non_null(strstr(out, "clang version"));
    free(out);
    free(err);
}

static void usage_errors_exit_2(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("", &out, &err), 2);
    free(out);
    free(err);
    assert_int_equal(run("frobnicate", &out, &err), 2);
    assert_non_null(strstr(err, "unknown command 'frobnicate'"));
    free(out);
    free(err);
    assert_int_equal(run("scan", &out, &err), 2);
    assert_non_null(strstr(err, "no input"));
    free(out);
    free(err);
    assert_int_equal(run("scan --format xml samples", &out, &err), 2);
    assert_non_null(strstr(err, "unknown format 'xml'"));
    free(out);
    free(err);
    assert_int_equal(run("scan -j 0 samples", &out, &err), 2);
    free(out);
    free(err);
    assert_int_equal(run("scan --bogus samples", &out, &err), 2);
    assert_non_null(strstr(err, "unknown option '--bogus'"));
    free(out);
    free(err);
}

static void malformed_rules_exit_2_naming_the_file(void **state)
{
    (void)state;
    char *path = ts_write_temp("broken.json", "{\"version\": 1, \"sinks\": [{\"function\": 3}]}");
    char *args = xasprintf("scan --rules %s samples", path);
    char *out, *err;
    assert_int_equal(run(args, &out, &err), 2);
    char *want = xasprintf("drvtaint: error: %s: $.sinks[0].function: expected a non-empty string", path);
    assert_non_null(strstr(err, want));
    assert_non_null(strstr(err, "$.sinks[0]"));
    assert_string_equal(out, ""); /* nothing half-done on stdout */
    free(want);
    free(out);
    free(err);
    free(args);
    free(path);
}

static void missing_input_exits_3_and_the_rest_is_analysed(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("scan --format json -q /nonexistent/drv.c samples/wdm/hwdrv.c", &out, &err), 3);
    assert_non_null(strstr(err, "drvtaint: error: /nonexistent/drv.c: No such file or directory"));
    assert_non_null(strstr(out, "\"msr-read\"")); /* hwdrv.c still reported */
    free(out);
    free(err);
}

static void fail_on_levels(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("scan -q samples/wdm/hwdrv.c", &out, &err), 1);
    free(out);
    free(err);
    assert_int_equal(run("scan -q --fail-on none samples/wdm/hwdrv.c", &out, &err), 0);
    free(out);
    free(err);
    assert_int_equal(run("scan -q --fail-on error samples/wdm/hwdrv.c", &out, &err), 1);
    free(out);
    free(err);
    assert_int_equal(run("scan -q --fail-on note samples/cpp", &out, &err), 1);
    free(out);
    free(err);
    char *clean = ts_write_temp("clean.c", "#include <ntddk.h>\nNTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) "
                                           "{ return STATUS_SUCCESS; }\n");
    char *args = xasprintf("scan -q --fail-on note %s", clean);
    assert_int_equal(run(args, &out, &err), 0);
    assert_string_equal(out, "");
    free(out);
    free(err);
    free(args);
    free(clean);
}

static void output_file_is_written_whole(void **state)
{
    (void)state;
    char *dir = ts_write_temp("x", "");
    char *slash = strrchr(dir, '/');
    *slash = '\0';
    char *args = xasprintf("scan -q --format json --fail-on none -o %s/report.json samples", dir);
    char *out, *err;
    assert_int_equal(run(args, &out, &err), 0);
    assert_string_equal(out, "");
    char *path = xasprintf("%s/report.json", dir);
    char *report = read_file(path, NULL);
    assert_non_null(report);
    assert_non_null(strstr(report, "\"drvtaint-findings/1\""));
    free(report);
    free(out);
    free(err);
    free(args);
    char *bad = xasprintf("scan -q -o /nonexistent/dir/r.json samples/wdm");
    assert_int_equal(run(bad, &out, &err), 2);
    assert_non_null(strstr(err, "cannot write '/nonexistent/dir/r.json'"));
    free(out);
    free(err);
    free(bad);
    free(path);
    free(dir);
}

static void output_is_identical_across_runs_and_jobs(void **state)
{
    (void)state;
    char *a, *b, *c, *e1, *e2, *e3;
    assert_int_equal(run("scan -q --format json --fail-on none -j1 samples", &a, &e1), 0);
    assert_int_equal(run("scan -q --format json --fail-on none -j4 samples", &b, &e2), 0);
    assert_int_equal(run("inventory -q --format json -j3 samples", &c, &e3), 0);
    assert_string_equal(a, b);
    char *a2, *e4;
    assert_int_equal(run("scan -q --format json --fail-on none -j2 samples", &a2, &e4), 0);
    assert_string_equal(a, a2);
    char *c2, *e5;
    assert_int_equal(run("inventory -q --format json -j1 samples", &c2, &e5), 0);
    assert_string_equal(c, c2);
    free(a);
    free(b);
    free(c);
    free(a2);
    free(c2);
    free(e1);
    free(e2);
    free(e3);
    free(e4);
    free(e5);
}

static void text_lines_match_the_gcc_problem_matcher(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("scan -q --fail-on none samples/wdm/hwdrv.c", &out, &err), 0);
    /* VS Code's $gcc: ^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$ */
    size_t headlines = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == ' ')
            continue; /* trace lines are indented */
        headlines++;
        char file[256], sev[16];
        unsigned l, c;
        assert_int_equal(sscanf(line, "%255[^:]:%u:%u: %15[a-z]:", file, &l, &c, sev), 4);
        assert_true(strcmp(sev, "error") == 0 || strcmp(sev, "warning") == 0 || strcmp(sev, "note") == 0);
        assert_string_equal(file, "samples/wdm/hwdrv.c");
    }
    assert_true(headlines >= 8);
    free(out);
    free(err);
}

static void verbose_reports_parse_health(void **state)
{
    (void)state;
    char *src = ts_write_temp("broken.c", "#include <ntddk.h>\n#include \"vendor_sdk.h\"\n"
                                          "void f(void) { VENDOR_CTX c; c.field = 1; }\n");
    char *args = xasprintf("inventory -v %s", src);
    char *out, *err;
    assert_int_equal(run(args, &out, &err), 0);
    assert_non_null(strstr(err, "1 functions"));
    assert_non_null(strstr(err, "functions with errors: f(1)"));
    assert_non_null(strstr(err, "[in f]"));
    free(out);
    free(err);
    free(args);
    args = xasprintf("inventory --strict -q %s", src);
    assert_int_equal(run(args, &out, &err), 3);
    free(out);
    free(err);
    free(args);
    free(src);
}

static void real_wdk_headers_replace_the_shim(void **state)
{
    (void)state;
    /* a stand-in "real WDK" whose ntddk.h declares a sink under a name only it has */
    char *hdr = ts_write_temp("ntddk.h", "#pragma once\ntypedef unsigned long ULONG;\n"
                                         "#define REAL_WDK_MARKER 1\nunsigned long long __readmsr(unsigned long);\n");
    char *dir = xstrndup(hdr, (size_t)(strrchr(hdr, '/') - hdr));
    char *src = ts_write_temp("drv.c", "#include <ntddk.h>\n#ifndef REAL_WDK_MARKER\n#error shim used\n#endif\n"
                                       "ULONG f(void) { return (ULONG)__readmsr(0x10); }\n");
    char *args = xasprintf("inventory -v --wdk-include %s %s", dir, src);
    char *out, *err;
    assert_int_equal(run(args, &out, &err), 0);
    assert_non_null(strstr(err, "0 errors before recovery, 0 after"));
    assert_non_null(strstr(out, "__readmsr"));
    free(out);
    free(err);
    free(args);
    /* without it, the shim is used and the marker is missing */
    args = xasprintf("inventory -v %s", src);
    assert_int_equal(run(args, &out, &err), 0);
    assert_non_null(strstr(err, "shim used"));
    free(out);
    free(err);
    free(args);
    free(src);
    free(dir);
    free(hdr);
}

static void a_database_naming_the_shim_keeps_shim_code_out(void **state)
{
    (void)state;
    char *db = xasprintf("[{\"directory\": \"%s/samples/wdm\", \"file\": \"hwdrv.c\", \"arguments\": "
                         "[\"cc\", \"-I%s/include/wdk\", \"-c\", \"hwdrv.c\"]}]",
                         DRVTAINT_SOURCE_DIR, DRVTAINT_SOURCE_DIR);
    char *path = ts_write_temp("compile_commands.json", db);
    char *args = xasprintf("inventory -v -p %s", path);
    char *out, *err;
    assert_int_equal(run(args, &out, &err), 0);
    /* the shim's inline functions are system code, not the driver's */
    assert_non_null(strstr(err, "hwdrv.c: 6 functions"));
    free(out);
    free(err);
    free(args);
    free(path);
    free(db);
}

static void findings_name_entry_point_and_ioctl(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("scan -q --format json --fail-on none samples/wdm/hwdrv.c", &out, &err), 0);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    bool seen = false;
    cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(root, "findings"))
    {
        cJSON *ep = cJSON_GetObjectItem(f, "entry_point");
        assert_string_equal(cJSON_GetObjectItem(ep, "function")->valuestring, "HwDeviceControl");
        assert_string_equal(cJSON_GetObjectItem(ep, "kind")->valuestring, "IRP_MJ_DEVICE_CONTROL");
        if ((int)cJSON_GetObjectItem(f, "line")->valuedouble == 62) { /* __writemsr in IOCTL_HW_WRITE_MSR */
            cJSON *code = cJSON_GetArrayItem(cJSON_GetObjectItem(f, "ioctl_codes"), 0);
            assert_string_equal(cJSON_GetObjectItem(code, "name")->valuestring, "IOCTL_HW_WRITE_MSR");
            assert_string_equal(cJSON_GetObjectItem(code, "code")->valuestring, "0x80002004");
            assert_string_equal(cJSON_GetObjectItem(code, "method")->valuestring, "METHOD_BUFFERED");
            assert_string_equal(cJSON_GetObjectItem(f, "witness")->valuestring, "0x174 (IA32_SYSENTER_CS/ESP/EIP)");
            seen = true;
        }
    }
    assert_true(seen);
    cJSON_Delete(root);
    free(out);
    free(err);
}

/* case IOCTL_X: status = HandleX(Irp, IrpSp); with MajorFunction[...] = &Dispatch: the handler's
 * finding is the dispatch routine's, under the case's IOCTL, and not also the handler's own */
static void handler_findings_name_the_dispatch_routine(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("scan -q --format json --fail-on none samples/wdm/handlers.c", &out, &err), 0);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON *findings = cJSON_GetObjectItem(root, "findings");
    assert_int_equal(cJSON_GetArraySize(findings), 1);
    cJSON *f = cJSON_GetArrayItem(findings, 0);
    assert_string_equal(cJSON_GetObjectItem(f, "function")->valuestring, "HandleReadMsr");
    cJSON *ep = cJSON_GetObjectItem(f, "entry_point");
    assert_string_equal(cJSON_GetObjectItem(ep, "function")->valuestring, "HandlersDispatch");
    assert_string_equal(cJSON_GetObjectItem(ep, "kind")->valuestring, "IRP_MJ_DEVICE_CONTROL");
    cJSON *codes = cJSON_GetObjectItem(f, "ioctl_codes");
    assert_int_equal(cJSON_GetArraySize(codes), 1);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(codes, 0), "name")->valuestring,
                        "IOCTL_HANDLERS_READ_MSR");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(f, "routes")), 0);
    cJSON_Delete(root);
    free(out);
    free(err);
}

/* MajorFunction[i] = Table[i] over a table with designated slots: the device-control slot's
 * handler is an entry point for device control, the internal slot's is not reported */
static void table_handlers_are_entry_points(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run("scan -q --format json --fail-on none samples/constructs/tables.c", &out, &err), 0);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON *findings = cJSON_GetObjectItem(root, "findings");
    assert_int_equal(cJSON_GetArraySize(findings), 1);
    cJSON *f = cJSON_GetArrayItem(findings, 0);
    assert_string_equal(cJSON_GetObjectItem(f, "function")->valuestring, "TableDeviceControl");
    cJSON *ep = cJSON_GetObjectItem(f, "entry_point");
    assert_string_equal(cJSON_GetObjectItem(ep, "function")->valuestring, "TableDeviceControl");
    assert_string_equal(cJSON_GetObjectItem(ep, "kind")->valuestring, "IRP_MJ_DEVICE_CONTROL");
    cJSON_Delete(root);
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(help_and_version),
        cmocka_unit_test(usage_errors_exit_2),
        cmocka_unit_test(malformed_rules_exit_2_naming_the_file),
        cmocka_unit_test(missing_input_exits_3_and_the_rest_is_analysed),
        cmocka_unit_test(fail_on_levels),
        cmocka_unit_test(output_file_is_written_whole),
        cmocka_unit_test(output_is_identical_across_runs_and_jobs),
        cmocka_unit_test(text_lines_match_the_gcc_problem_matcher),
        cmocka_unit_test(verbose_reports_parse_health),
        cmocka_unit_test(real_wdk_headers_replace_the_shim),
        cmocka_unit_test(findings_name_entry_point_and_ioctl),
        cmocka_unit_test(handler_findings_name_the_dispatch_routine),
        cmocka_unit_test(table_handlers_are_entry_points),
        cmocka_unit_test(a_database_naming_the_shim_keeps_shim_code_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
