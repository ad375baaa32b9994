/* test_build_files.c - trees scanned the way users scan them, with no flags: the units and
 * flags come from their .vcxproj/.sln/property sheets (tests/trees/msbuild) or WDK sources
 * files (tests/trees/sources); applications are skipped; two drivers of one tree do not tell
 * each other anything; without build files, user-mode sources are left out. */
#include "test_support.h"

#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "drvtaint/util.h"
#include "expectations.h"

static int run(const char *args, char **out, char **err)
{
    char *cmd = xasprintf("cd %s && %s %s", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY, args);
    int rc = ts_run(cmd, out, err);
    free(cmd);
    return rc;
}

static cJSON *scan_json(const char *args, char **err)
{
    char *out = NULL;
    char *cmd = xasprintf("scan --format json --fail-on none %s", args);
    int rc = run(cmd, &out, err);
    free(cmd);
    if (rc != 0)
        fprintf(stderr, "exit %d: %s\n", rc, *err);
    assert_int_equal(rc, 0);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    free(out);
    return root;
}

/* The units of a report, "path" joined by spaces, in report order. */
static char *unit_list(cJSON *root)
{
    strbuf sb = {0};
    sb_append(&sb, "");
    cJSON *u;
    cJSON_ArrayForEach(u, cJSON_GetObjectItem(root, "units"))
    {
        sb_printf(&sb, "%s%s", sb.len ? " " : "", cJSON_GetObjectItem(u, "path")->valuestring);
        /* every header and define came from the build files: nothing to recover */
        assert_int_equal((int)cJSON_GetObjectItem(u, "errors_before_recovery")->valuedouble, 0);
    }
    return sb_take(&sb);
}

static bool has_finding(cJSON *root, const char *file, const char *rule)
{
    cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(root, "findings"))
    {
        if (strcmp(cJSON_GetObjectItem(f, "file")->valuestring, file) == 0 &&
            strcmp(cJSON_GetObjectItem(f, "rule")->valuestring, rule) == 0)
            return true;
    }
    return false;
}

/* The findings are exactly the `// expect:` comments of the tree: none missing, none extra. */
static void assert_expectations(cJSON *root, const char *dir)
{
    expectation_set exp;
    expectations_load(&exp, DRVTAINT_SOURCE_DIR, dir);
    assert_null(exp.error);
    assert_true(exp.len > 0);
    size_t bad = 0;
    cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(root, "findings"))
    {
        const char *file = cJSON_GetObjectItem(f, "file")->valuestring;
        unsigned line = (unsigned)cJSON_GetObjectItem(f, "line")->valuedouble;
        const char *rule = cJSON_GetObjectItem(f, "rule")->valuestring;
        bool expected = false;
        for (size_t i = 0; i < exp.len; i++)
            for (size_t r = 0; r < exp.items[i].nrules; r++)
                expected |= exp.items[i].line == line && strcmp(exp.items[i].file, file) == 0 &&
                            strcmp(exp.items[i].rules[r], rule) == 0;
        if (!expected) {
            fprintf(stderr, "extra: %s:%u: %s\n", file, line, rule);
            bad++;
        }
    }
    for (size_t i = 0; i < exp.len; i++)
        for (size_t r = 0; r < exp.items[i].nrules; r++) {
            bool seen = false;
            cJSON_ArrayForEach(f, cJSON_GetObjectItem(root, "findings"))
            {
                seen |= (unsigned)cJSON_GetObjectItem(f, "line")->valuedouble == exp.items[i].line &&
                        strcmp(cJSON_GetObjectItem(f, "file")->valuestring, exp.items[i].file) == 0 &&
                        strcmp(cJSON_GetObjectItem(f, "rule")->valuestring, exp.items[i].rules[r]) == 0;
            }
            if (!seen) {
                fprintf(stderr, "missing: %s:%u: %s\n", exp.items[i].file, exp.items[i].line, exp.items[i].rules[r]);
                bad++;
            }
        }
    expectations_free(&exp);
    assert_int_equal(bad, 0);
}

static void msbuild_tree_gives_driver_units_flags_and_findings(void **state)
{
    (void)state;
    char *err = NULL;
    cJSON *root = scan_json("tests/trees/msbuild", &err);
    char *units = unit_list(root);
    /* testapp.c (an Application) and debug_only.c (Debug only) are not units */
    assert_string_equal(units, "tests/trees/msbuild/drv_a/drv_a.c tests/trees/msbuild/drv_b/drv_b.c");
    /* drv_a's msr-read needs DRVA_RAW_MSR from the property sheet (Release, %(...) inheritance);
       drv_b reads a same-named extension field that only drv_a's requests write: no finding */
    assert_expectations(root, "tests/trees/msbuild");
    assert_false(has_finding(root, "tests/trees/msbuild/drv_b/drv_b.c", "port-write"));
    assert_non_null(strstr(err, ", 3 projects (1 skipped), 2 sources left out,"));
    free(units);
    free(err);
    cJSON_Delete(root);
}

static void verbose_names_projects_and_what_was_left_out(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    assert_int_equal(run("scan -v --fail-on none tests/trees/msbuild", &out, &err), 0);
    assert_non_null(strstr(err, "drvtaint: project tests/trees/msbuild/drv_a/drv_a.vcxproj (Release|x64): WDM "
                                "driver, 1 source, analysed\n"));
    assert_non_null(strstr(err, "drvtaint: project tests/trees/msbuild/testapp/testapp.vcxproj (Release|x64): "
                                "application, 1 source, skipped (--all-projects)\n"));
    assert_non_null(strstr(err, "drvtaint: left out tests/trees/msbuild/testapp/testapp.c: application project\n"));
    assert_non_null(strstr(err, "drvtaint: left out tests/trees/msbuild/drv_a/debug_only.c: below a project "
                                "folder, compiled by no project\n"));
    free(out);
    free(err);
}

static void configuration_option_chooses_what_is_read(void **state)
{
    (void)state;
    char *err = NULL;
    cJSON *root = scan_json("--configuration 'Debug|x64' tests/trees/msbuild", &err);
    char *units = unit_list(root);
    assert_string_equal(units, "tests/trees/msbuild/drv_a/debug_only.c tests/trees/msbuild/drv_a/drv_a.c "
                               "tests/trees/msbuild/drv_b/drv_b.c");
    /* no DRVA_RAW_MSR in Debug: the checked branch is compiled */
    assert_false(has_finding(root, "tests/trees/msbuild/drv_a/drv_a.c", "msr-read"));
    free(units);
    free(err);
    cJSON_Delete(root);

    char *out = NULL;
    assert_int_equal(run("scan --configuration '|x64' tests/trees/msbuild", &out, &err), 2);
    assert_non_null(strstr(err, "--configuration takes NAME or NAME|PLATFORM"));
    free(out);
    free(err);
}

static void all_projects_includes_the_test_application(void **state)
{
    (void)state;
    char *err = NULL;
    cJSON *root = scan_json("--all-projects tests/trees/msbuild", &err);
    cJSON *u;
    bool app = false;
    cJSON_ArrayForEach(u, cJSON_GetObjectItem(root, "units"))
        app |= strcmp(cJSON_GetObjectItem(u, "path")->valuestring, "tests/trees/msbuild/testapp/testapp.c") == 0;
    assert_true(app);
    assert_non_null(strstr(err, ", 3 projects (0 skipped), 1 sources left out,"));
    free(err);
    cJSON_Delete(root);
}

static void a_named_project_or_solution_is_read(void **state)
{
    (void)state;
    char *err = NULL;
    cJSON *root = scan_json("tests/trees/msbuild/drv_b/drv_b.vcxproj", &err);
    char *units = unit_list(root); /* found HwRegs.h: ..\inc resolved without a solution */
    assert_string_equal(units, "tests/trees/msbuild/drv_b/drv_b.c");
    free(units);
    free(err);
    cJSON_Delete(root);
    root = scan_json("tests/trees/msbuild/Drivers.sln", &err);
    units = unit_list(root);
    assert_string_equal(units, "tests/trees/msbuild/drv_a/drv_a.c tests/trees/msbuild/drv_b/drv_b.c");
    assert_expectations(root, "tests/trees/msbuild");
    free(units);
    free(err);
    cJSON_Delete(root);
}

/* The same two drivers given as plain files form one program, as before: the stored port of
 * drv_a reaches drv_b. What keeps them apart is knowing the projects. */
static void plain_files_of_two_drivers_share_one_program(void **state)
{
    (void)state;
    char *err = NULL;
    cJSON *root = scan_json("-I tests/trees/msbuild/Inc -D DRVA_RAW_MSR tests/trees/msbuild/drv_a/drv_a.c "
                            "tests/trees/msbuild/drv_b/drv_b.c",
                            &err);
    assert_true(has_finding(root, "tests/trees/msbuild/drv_b/drv_b.c", "port-write"));
    free(err);
    cJSON_Delete(root);
}

static void compile_database_beats_the_project(void **state)
{
    (void)state;
    char *dir = xasprintf("%s/tests/trees/msbuild", DRVTAINT_SOURCE_DIR);
    char *text = xasprintf("[{\"directory\": \"%s\", \"file\": \"drv_a/drv_a.c\", "
                           "\"arguments\": [\"cl.exe\", \"/IInc\", \"/c\", \"drv_a/drv_a.c\"]}]",
                           dir);
    char *db = ts_write_temp("compile_commands.json", text);
    char *args = xasprintf("-p %s tests/trees/msbuild", db);
    char *err = NULL;
    cJSON *root = scan_json(args, &err);
    char *units = unit_list(root);
    assert_string_equal(units, "tests/trees/msbuild/drv_a/drv_a.c tests/trees/msbuild/drv_b/drv_b.c");
    /* the database does not define DRVA_RAW_MSR: its flags, not the project's, were used */
    assert_false(has_finding(root, "tests/trees/msbuild/drv_a/drv_a.c", "msr-read"));
    unlink(db);
    free(units);
    free(args);
    free(db);
    free(text);
    free(dir);
    free(err);
    cJSON_Delete(root);
}

static void sources_tree_gives_driver_units_flags_and_findings(void **state)
{
    (void)state;
    char *err = NULL;
    cJSON *root = scan_json("tests/trees/sources", &err);
    char *units = unit_list(root); /* portio.h via INCLUDES, PORTDRV_LIMIT via C_DEFINES */
    assert_string_equal(units, "tests/trees/sources/sys/portdrv.c");
    assert_expectations(root, "tests/trees/sources");
    assert_non_null(strstr(err, ", 2 projects (1 skipped), 1 sources left out,"));
    free(units);
    free(err);
    cJSON_Delete(root);
}

static void plain_tree_leaves_out_user_mode_sources(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    assert_int_equal(run("scan -v --fail-on none tests/trees/plain", &out, &err), 0);
    assert_non_null(strstr(err, "drvtaint: left out tests/trees/plain/tools/tool.c: user mode: includes Windows.h "
                                "and no kernel header\n"));
    assert_non_null(strstr(err, "drvtaint: left out tests/trees/plain/tools/binding.c: user mode: includes Python.h "
                                "and no kernel header\n"));
    assert_non_null(strstr(err, "drvtaint: left out tests/trees/plain/linux/module.c: not Windows: includes "
                                "<linux/module.h> and no Windows kernel header\n"));
    assert_non_null(strstr(err, "tests/trees/plain/driver.c: "));
    assert_non_null(strstr(err, "tests/trees/plain/neutral.c: "));
    assert_non_null(strstr(err, "drvtaint: 2 units ("));
    free(out);
    free(err);
    /* named on the command line, a file is analysed whatever it includes */
    assert_int_equal(run("scan -v --fail-on none tests/trees/plain/tools/tool.c", &out, &err), 0);
    assert_non_null(strstr(err, "drvtaint: 1 units ("));
    free(out);
    free(err);
    assert_int_equal(run("scan --all-projects --fail-on none tests/trees/plain", &out, &err), 0);
    assert_non_null(strstr(err, "drvtaint: 5 units ("));
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(msbuild_tree_gives_driver_units_flags_and_findings),
        cmocka_unit_test(verbose_names_projects_and_what_was_left_out),
        cmocka_unit_test(configuration_option_chooses_what_is_read),
        cmocka_unit_test(all_projects_includes_the_test_application),
        cmocka_unit_test(a_named_project_or_solution_is_read),
        cmocka_unit_test(plain_files_of_two_drivers_share_one_program),
        cmocka_unit_test(compile_database_beats_the_project),
        cmocka_unit_test(sources_tree_gives_driver_units_flags_and_findings),
        cmocka_unit_test(plain_tree_leaves_out_user_mode_sources),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
