/* test_includes.c - the front end settles includes the way a Windows build would: before the
 * first parse when the #include line can be read as text, after it when only the compiler knows
 * the name (an include spelled through a macro). */
#include "test_support.h"

#include <string.h>
#include <sys/stat.h>

#include "drvtaint/frontend.h"

static char *dir; /* a temporary folder holding the unit and its headers */

static int setup(void **state)
{
    (void)state;
    char *unit = ts_write_temp("Unit.c", "");
    dir = xstrndup(unit, strlen(unit) - strlen("/Unit.c"));
    free(unit);
    char *sub = xasprintf("%s/Inc", dir);
    mkdir(sub, 0700);
    free(sub);
    char *h = xasprintf("%s/Inc/MsrDrv.h", dir);
    FILE *f = fopen(h, "w");
    fputs("typedef unsigned long MSR_INDEX;\n#define MSR_LIMIT 0x20\n", f);
    fclose(f);
    free(h);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(dir);
    return 0;
}

static ast_tu *parse(const char *name, const char *text)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    char *shim = ts_source_path("include/wdk");
    fe_options o = {.shim_dir = shim, .max_recovery_passes = 3};
    fe_parser *p = fe_parser_new(&o);
    ast_tu *tu = fe_parse(p, path, NULL, 0, false);
    fe_parser_free(p);
    free(shim);
    free(path);
    return tu;
}

static void case_and_backslash_found_before_the_first_parse(void **state)
{
    (void)state;
    ast_tu *tu = parse("a.c", "#include \"inc\\msrdrv.h\"\nMSR_INDEX f(void) { return MSR_LIMIT; }\n");
    assert_int_equal(tu->health.errors_before_recovery, 0);
    assert_int_equal(tu->health.recovery_passes, 0);
    assert_int_equal(tu->nincludes, 1);
    assert_int_equal(tu->includes[0].how, AST_INC_WINDOWS);
    assert_string_equal(tu->includes[0].spelled, "inc\\msrdrv.h");
    assert_true(str_ends_with(tu->includes[0].path, "/Inc/MsrDrv.h"));
    assert_int_equal(tu->health.headers_missing, 0);
    ast_tu_free(tu);
}

static void macro_spelled_include_found_after_the_first_parse(void **state)
{
    (void)state;
    ast_tu *tu = parse("b.c", "#define HDR \"INC/msrdrv.H\"\n#include HDR\nMSR_INDEX f(void) { return MSR_LIMIT; }\n");
    assert_true(tu->health.errors_before_recovery > 0);
    assert_int_equal(tu->health.errors, 0);
    assert_int_equal(tu->nincludes, 1);
    assert_int_equal(tu->includes[0].how, AST_INC_WINDOWS);
    /* the names the header declares were not made up as well */
    assert_int_equal(tu->health.declared_unknown, 0);
    ast_tu_free(tu);
}

static void mingw_ddk_layout_maps_to_the_shim(void **state)
{
    (void)state;
    ast_tu *tu = parse("c.c", "#include <ddk/ntddk.h>\nvoid f(PIRP Irp) { IoCompleteRequest(Irp, IO_NO_INCREMENT); }\n");
    assert_int_equal(tu->health.errors_before_recovery, 0);
    assert_int_equal(tu->nincludes, 1);
    assert_int_equal(tu->includes[0].how, AST_INC_WINDOWS);
    assert_true(str_ends_with(tu->includes[0].path, "include/wdk/ntddk.h"));
    ast_tu_free(tu);
}

static void missing_header_is_named(void **state)
{
    (void)state;
    ast_tu *tu = parse("d.c", "#include \"nowhere_at_all.h\"\nint f(void) { return NOWHERE_VALUE; }\n");
    assert_int_equal(tu->health.errors, 0);
    assert_int_equal(tu->health.headers_missing, 1);
    assert_int_equal(tu->nincludes, 1);
    assert_int_equal(tu->includes[0].how, AST_INC_MISSING);
    assert_string_equal(tu->includes[0].spelled, "nowhere_at_all.h");
    ast_tu_free(tu);
}

static void include_in_a_branch_not_taken_is_not_reported(void **state)
{
    (void)state;
    ast_tu *tu = parse("e.c", "#if 0\n#include \"inc/MSRDRV.h\"\n#endif\nint f(void) { return 0; }\n");
    assert_int_equal(tu->health.errors, 0);
    assert_int_equal(tu->nincludes, 0);
    ast_tu_free(tu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(case_and_backslash_found_before_the_first_parse),
        cmocka_unit_test(macro_spelled_include_found_after_the_first_parse),
        cmocka_unit_test(mingw_ddk_layout_maps_to_the_shim),
        cmocka_unit_test(missing_header_is_named),
        cmocka_unit_test(include_in_a_branch_not_taken_is_not_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
