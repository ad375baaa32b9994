/* test_integrations.c - what CI, editors and hooks rely on (issue 14): GitHub alert identity,
 * baselines as a multiset from any directory, pull-request mode, msvc lines against the
 * $msCompile and MSBuild patterns, suppressions that fail loudly, exit 3 with a report. */
#include "test_support.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/util.h"

static int run(const char *cmd, char **out, char **err)
{
    char *o = NULL, *e = NULL;
    int rc = ts_run(cmd, &o, &e);
    if (out)
        *out = o;
    else
        free(o);
    if (err)
        *err = e;
    else
        free(e);
    return rc;
}

static cJSON *results_of(cJSON *sarif)
{
    return cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(sarif, "runs"), 0), "results");
}

static const char *str_at(const cJSON *o, const char *const *path)
{
    for (; *path; path++)
        o = cJSON_GetObjectItem(o, *path);
    return cJSON_IsString(o) ? o->valuestring : NULL;
}

static int start_line(const cJSON *res)
{
    const cJSON *loc = cJSON_GetArrayItem(cJSON_GetObjectItem(res, "locations"), 0);
    return (int)cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(loc, "physicalLocation"), "region"),
                                    "startLine")
        ->valuedouble;
}

/* GitHub tells alerts apart by rule, path and primaryLocationLineHash: over all samples no two
 * results may share all three, and the samples must hold both kinds of collision the old hash
 * had (lines with the same text, and two arguments of one call), or the test proves nothing. */
static void line_hashes_keep_alerts_apart(void **state)
{
    (void)state;
    char *cmd = xasprintf("cd %s && %s scan -q --format sarif --fail-on none samples", DRVTAINT_SOURCE_DIR,
                          DRVTAINT_BINARY);
    char *out = NULL;
    assert_int_equal(run(cmd, &out, NULL), 0);
    cJSON *sarif = cJSON_Parse(out);
    cJSON *res = results_of(sarif);
    int n = cJSON_GetArraySize(res), same_line = 0, same_text = 0;
    assert_true(n > 50);
    for (int i = 0; i < n; i++) {
        cJSON *a = cJSON_GetArrayItem(res, i);
        const char *const hpath[] = {"partialFingerprints", "primaryLocationLineHash", NULL};
        const char *ha = str_at(a, hpath);
        assert_non_null(ha);
        const char *ua = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(
                                                 cJSON_GetObjectItem(a, "locations"), 0), "physicalLocation"),
                                                 "artifactLocation"), "uri")->valuestring;
        for (int j = i + 1; j < n; j++) {
            cJSON *b = cJSON_GetArrayItem(res, j);
            const char *hb = str_at(b, hpath);
            const char *ub = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(
                                                     cJSON_GetObjectItem(b, "locations"), 0), "physicalLocation"),
                                                     "artifactLocation"), "uri")->valuestring;
            if (strcmp(ua, ub) != 0 || strcmp(cJSON_GetObjectItem(a, "ruleId")->valuestring,
                                              cJSON_GetObjectItem(b, "ruleId")->valuestring) != 0)
                continue;
            if (strcmp(ha, hb) == 0)
                fail_msg("%s: two %s results share primaryLocationLineHash %s", ua,
                         cJSON_GetObjectItem(a, "ruleId")->valuestring, ha);
            size_t hexa = strcspn(ha, ":"), hexb = strcspn(hb, ":");
            bool same_hex = hexa == hexb && strncmp(ha, hb, hexa) == 0;
            if (start_line(a) == start_line(b))
                same_line++;
            else if (same_hex)
                same_text++;
        }
    }
    assert_true(same_line > 0);
    assert_true(same_text > 0);
    cJSON_Delete(sarif);
    free(out);
    free(cmd);
}

#define ONE_CALL                                                                                                 \
    "#include <ntddk.h>\n#include <intrin.h>\n"                                                                  \
    "typedef struct { ULONG Msr; } REQ;\n"                                                                       \
    "NTSTATUS Dispatch(PDEVICE_OBJECT d, PIRP Irp)\n{\n"                                                         \
    "    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;\n"                                                    \
    "    ULONG64 v = __readmsr(in->Msr);\n"                                                                      \
    "%s"                                                                                                         \
    "    (void)d; (void)v;\n    return STATUS_SUCCESS;\n}\n"                                                     \
    "NTSTATUS DriverEntry(PDRIVER_OBJECT drv, PUNICODE_STRING reg)\n{\n"                                          \
    "    drv->MajorFunction[IRP_MJ_DEVICE_CONTROL] = Dispatch;\n    (void)reg;\n    return STATUS_SUCCESS;\n}\n"

/* a temp directory holding drv/drv.c; returns the directory above drv/ */
static char *project(const char *extra)
{
    char *text = xasprintf(ONE_CALL, extra);
    char *path = ts_write_temp("drv.c", text);
    free(text);
    char *dir = xstrndup(path, (size_t)(strrchr(path, '/') - path));
    char *cmd = xasprintf("mkdir %s/drv && mv %s %s/drv/", dir, path, dir);
    assert_int_equal(run(cmd, NULL, NULL), 0);
    free(cmd);
    free(path);
    return dir;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* A second identical vulnerable call in the same function has the same fingerprint; a baseline
 * holding one of them must not absorb both. */
static void baseline_is_a_multiset(void **state)
{
    (void)state;
    char *dir = project("");
    char *cmd = xasprintf("cd %s && %s scan -q --format sarif --fail-on none -o base.sarif drv", dir, DRVTAINT_BINARY);
    assert_int_equal(run(cmd, NULL, NULL), 0);
    free(cmd);
    char *again = project("    v ^= __readmsr(in->Msr);\n");
    cmd = xasprintf("cp %s/base.sarif %s/ && cd %s && %s scan -q --format json --baseline base.sarif drv", dir, again,
                    again, DRVTAINT_BINARY);
    char *out = NULL;
    assert_int_equal(run(cmd, &out, NULL), 1); /* the new call fails the run */
    assert_int_equal(count(out, "\"baseline_state\":\t\"unchanged\""), 1);
    assert_int_equal(count(out, "\"baseline_state\":\t\"new\""), 1);
    free(out);
    free(cmd);
    /* the unchanged driver against its own baseline is clean */
    cmd = xasprintf("cd %s && %s scan -q --baseline base.sarif drv", dir, DRVTAINT_BINARY);
    assert_int_equal(run(cmd, NULL, NULL), 0);
    free(cmd);
    free(again);
    free(dir);
}

/* The same tree scanned from another directory matches the same baseline; a baseline that
 * matches nothing says so. */
static void baseline_from_two_directories(void **state)
{
    (void)state;
    char *dir = project("");
    char *cmd = xasprintf("cd %s && %s scan -q --format sarif --fail-on none -o base.sarif drv", dir, DRVTAINT_BINARY);
    assert_int_equal(run(cmd, NULL, NULL), 0);
    free(cmd);
    char *err = NULL;
    cmd = xasprintf("cd %s/drv && %s scan -q --baseline ../base.sarif drv.c", dir, DRVTAINT_BINARY);
    assert_int_equal(run(cmd, NULL, &err), 0);
    assert_null(strstr(err, "matches none"));
    free(err);
    free(cmd);
    /* %SRCROOT% is the project root, not the working directory */
    char *out = NULL;
    cmd = xasprintf("cd / && %s scan -q --format sarif --fail-on none %s/drv", DRVTAINT_BINARY, dir);
    assert_int_equal(run(cmd, &out, NULL), 0);
    assert_non_null(strstr(out, "\"uri\":\t\"drv.c\""));
    free(out);
    free(cmd);
    /* another root: nothing matches, and the user is told */
    cmd = xasprintf("cd %s && %s scan -q --root / --baseline base.sarif drv", dir, DRVTAINT_BINARY);
    assert_int_equal(run(cmd, NULL, &err), 1);
    assert_non_null(strstr(err, "warning: the baseline base.sarif matches none of the 1 findings"));
    free(err);
    free(cmd);
    free(dir);
}

/* The split driver: a change in hw.c reports only the findings whose sink or trace is in hw.c,
 * though the whole driver is analysed (dispatch.c is what makes hw.c's sinks reachable). */
static void pr_mode_with_a_list_of_files(void **state)
{
    (void)state;
    char *out = NULL;
    char *cmd = xasprintf("cd %s && echo samples/split/hw.c | %s scan -q --changed-files - samples/split", DRVTAINT_SOURCE_DIR,
                          DRVTAINT_BINARY);
    assert_int_equal(run(cmd, &out, NULL), 1);
    assert_int_equal(count(out, "samples/split/hw.c:8:12: error:"), 1);
    assert_int_equal(count(out, "samples/split/hw.c:34:5: error:"), 1);
    assert_null(strstr(out, "samples/split/dispatch.c:37")); /* its trace never enters hw.c */
    free(out);
    free(cmd);
    /* why the whole driver is analysed: hw.c alone misses both and reports another (without
     * dispatch.c, HwInternalControl looks like a dispatch routine fed by the caller) */
    cmd = xasprintf("cd %s && %s scan -q samples/split/hw.c", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY);
    assert_int_equal(run(cmd, &out, NULL), 1);
    assert_null(strstr(out, "samples/split/hw.c:8:12: error:"));
    assert_null(strstr(out, "samples/split/hw.c:34:5: error:"));
    free(out);
    free(cmd);
    /* every finding's trace starts in dispatch.c */
    char *list = ts_write_temp("changed.txt", "samples/split/dispatch.c\n");
    cmd = xasprintf("cd %s && %s scan -q --changed-files %s samples/split", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY, list);
    assert_int_equal(run(cmd, &out, NULL), 1);
    assert_int_equal(count(out, ": error: "), 3);
    free(out);
    free(cmd);
    /* a change elsewhere: nothing to report, and the run passes */
    char *other = ts_write_temp("changed.txt", "samples/wdm/hwdrv.c\n");
    cmd = xasprintf("cd %s && %s scan -q --changed-files %s samples/split", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY, other);
    assert_int_equal(run(cmd, &out, NULL), 0);
    assert_string_equal(out, "");
    free(out);
    free(cmd);
    free(other);
    free(list);
}

/* --since: the changed lines of a git repository. A change on dispatch.c's line 29 (where the
 * port is stored) reports the port write in hw.c whose trace passes there, and nothing else. */
static void pr_mode_since_a_revision(void **state)
{
    (void)state;
    char *marker = ts_write_temp("README", "x\n");
    char *dir = xstrndup(marker, (size_t)(strrchr(marker, '/') - marker));
    char *cmd = xasprintf("cd %s && cp %s/samples/split/* . && git init -q && git add . && "
                          "git -c user.name=t -c user.email=t@t commit -qm base && "
                          "sed -i '29s/$/ \\/\\* changed \\*\\//' dispatch.c && git diff --stat",
                          dir, DRVTAINT_SOURCE_DIR);
    char *out = NULL;
    assert_int_equal(run(cmd, &out, NULL), 0);
    assert_non_null(strstr(out, "dispatch.c | 2"));
    free(out);
    free(cmd);
    cmd = xasprintf("cd %s && %s scan -q --since HEAD .", dir, DRVTAINT_BINARY);
    assert_int_equal(run(cmd, &out, NULL), 1);
    assert_int_equal(count(out, ": error: "), 1);
    assert_non_null(strstr(out, "hw.c:34:5: error:"));
    free(out);
    free(cmd);
    /* a bad revision is a usage error that names it */
    char *err = NULL;
    cmd = xasprintf("cd %s && %s scan -q --since no-such-rev .", dir, DRVTAINT_BINARY);
    assert_int_equal(run(cmd, NULL, &err), 2);
    assert_non_null(strstr(err, "--since no-such-rev"));
    free(err);
    free(cmd);
    free(dir);
    free(marker);
}

/* --format msvc against VS Code's $msCompile (all three forms) and MSBuild's canonical error
 * format, in tests/cli/msvc_patterns.js: absolute paths, DTnnnn codes, trace lines ignored. */
static void msvc_lines_match_ms_compile_and_msbuild(void **state)
{
    (void)state;
    char *cmd = xasprintf("cd %s && %s scan -q --format msvc --fail-on none samples | node tests/cli/msvc_patterns.js",
                          DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY);
    char *out = NULL, *err = NULL;
    int rc = run(cmd, &out, &err);
    if (rc != 0)
        fail_msg("%s%s", out, err);
    assert_non_null(strstr(out, "headlines"));
    free(out);
    free(err);
    free(cmd);
}

/* Exit 3 still writes the report (the CI recipes upload it on 3), and the report says which
 * unit was not analysed and why; with --strict a unit with compiler errors is named too. */
static void exit_3_writes_a_report_that_names_the_unit(void **state)
{
    (void)state;
    char *dir = project("");
    char *cmd = xasprintf("cd %s && printf 'int broken( {\\n' > drv/broken.c && "
                          "%s scan -q --strict --format sarif -o out.sarif drv/drv.c drv/missing.c drv/broken.c",
                          dir, DRVTAINT_BINARY);
    char *err = NULL;
    assert_int_equal(run(cmd, NULL, &err), 3);
    assert_non_null(strstr(err, "missing.c: "));
    assert_non_null(strstr(err, "drv/broken.c: not analysed: --strict: "));
    free(err);
    free(cmd);
    char *path = xasprintf("%s/out.sarif", dir);
    char *sarif = read_file(path, NULL);
    assert_non_null(sarif);
    assert_non_null(strstr(sarif, "missing.c was not analysed"));
    assert_non_null(strstr(sarif, "drv/broken.c was not analysed: --strict: "));
    assert_non_null(strstr(sarif, "\"ruleId\":\t\"msr-read\"")); /* the findings of the rest */
    free(sarif);
    free(path);
    cmd = xasprintf("cd %s && %s scan -q --strict --format json drv/drv.c drv/broken.c", dir, DRVTAINT_BINARY);
    char *out = NULL;
    assert_int_equal(run(cmd, &out, NULL), 3);
    cJSON *json = cJSON_Parse(out);
    const cJSON *u, *found = NULL;
    cJSON_ArrayForEach(u, cJSON_GetObjectItem(json, "units"))
    {
        if (strstr(cJSON_GetObjectItem(u, "path")->valuestring, "broken.c"))
            found = u;
    }
    assert_non_null(found);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(found, "analysed")));
    assert_non_null(strstr(cJSON_GetObjectItem(found, "reason")->valuestring, "--strict: "));
    cJSON_Delete(json);
    free(out);
    free(cmd);
    free(dir);
}

/* -o to a pipe (or /dev/null, /dev/stdout) writes into it: renaming the report over it would
 * replace it with a regular file, and as root /dev/null with it. */
static void output_to_a_pipe_stays_a_pipe(void **state)
{
    (void)state;
    char *marker = ts_write_temp("README", "x\n");
    char *dir = xstrndup(marker, (size_t)(strrchr(marker, '/') - marker));
    char *cmd = xasprintf("cd %s && mkfifo pipe && (timeout 10 cat pipe > got.txt &) && %s rules -o pipe && sleep 0.2 && "
                          "test -p pipe && grep -c '^DT1001 msr-read' got.txt",
                          dir, DRVTAINT_BINARY);
    char *out = NULL;
    assert_int_equal(run(cmd, &out, NULL), 0);
    assert_string_equal(out, "1\n");
    free(out);
    free(cmd);
    free(dir);
    free(marker);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(output_to_a_pipe_stays_a_pipe),
        cmocka_unit_test(exit_3_writes_a_report_that_names_the_unit),
        cmocka_unit_test(pr_mode_with_a_list_of_files),
        cmocka_unit_test(pr_mode_since_a_revision),
        cmocka_unit_test(msvc_lines_match_ms_compile_and_msbuild),
        cmocka_unit_test(line_hashes_keep_alerts_apart),
        cmocka_unit_test(baseline_is_a_multiset),
        cmocka_unit_test(baseline_from_two_directories),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
