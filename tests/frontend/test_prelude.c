/* test_prelude.c - the precompiled prelude: which lines of a unit's start it takes (the scan),
 * and that a unit parsed with it gives the same functions and health as a plain parse. */
#include "test_support.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/frontend/fe_prelude.h"
#include "drvtaint/frontend.h"

static char dir[] = "/tmp/drvtaint-prelude-test-XXXXXX";

static void put(const char *name, const char *text)
{
    char *path = xasprintf("%s/%s", dir, name);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    mkdir(path, 0700);
    *slash = '/';
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    free(path);
}

/* The scan of dir/main.c with dir/inc as -I and the shim as the system folder, as one string. */
static char *scan_main(void)
{
    char *main_c = xasprintf("%s/main.c", dir);
    char *inc = xasprintf("%s/inc", dir);
    char *shim = ts_source_path("include/wdk");
    const char *user[] = {inc};
    const char *sys[] = {shim};
    fe_prelude_list l = {0};
    fe_prelude_scan(main_c, user, 1, sys, 1, &l);
    strbuf sb = {0};
    for (size_t i = 0; i < l.len; i++)
        sb_printf(&sb, "%s|", l.items[i]);
    fe_prelude_list_free(&l);
    free(main_c);
    free(inc);
    free(shim);
    return sb.buf ? sb.buf : xstrdup("");
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static void scan_follows_local_headers_through_guards(void **state)
{
    (void)state;
    put("main.c", "/* a driver */\n#include \"driver.h\"\n#include \"device.h\"\nint x;\n");
    put("driver.h", "#ifndef DRIVER_H\n#define DRIVER_H\n#pragma once\n// the WDK\n#define INITGUID\n"
                    "#include <ntddk.h>\n#pragma warning(disable: 4201)\n#include <wdf.h>\n#endif\n");
    /* found through -I; it ends at a header not found as written (the include rules may find it) */
    put("inc/device.h", "#include <ntstrsafe.h>\n#include <NoSuchHeader.h>\n#include <wdm.h>\n");
    char *got = scan_main();
    assert_string_equal(got, "#define INITGUID|#include <ntddk.h>|#include <wdf.h>|#include <ntstrsafe.h>|");
    free(got);
}

static void scan_stops_where_the_unit_could_change_a_header(void **state)
{
    (void)state;
    const struct {
        const char *text, *want;
    } cases[] = {
        {"#include <ntddk.h>\n#if DBG\n#include <wdf.h>\n#endif\n", "#include <ntddk.h>|"},
        {"#include <ntddk.h>\n#pragma pack(push, 1)\n#include <wdf.h>\n", "#include <ntddk.h>|"},
        {"#include <ntddk.h>\n#include \"nowhere.h\"\n#include <wdf.h>\n", "#include <ntddk.h>|"},
        {"#define A \\\n 1\n#include <ntddk.h>\n", ""},
        {"#include <ntddk.h>\ntypedef int T;\n#include <wdf.h>\n", "#include <ntddk.h>|"},
        {"#include MACRO_HEADER\n#include <ntddk.h>\n", ""},
        {"#include <ntddk.h>\n#define IOCTL_X 1\n#define TAG 'x'\nint x;\n", "#include <ntddk.h>|"},
        {"\xEF\xBB\xBF#include <ntddk.h> /* c */ // d\n", "#include <ntddk.h>|"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        put("main.c", cases[i].text);
        char *got = scan_main();
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("case %zu: got '%s', want '%s'", i, got, cases[i].want);
        free(got);
    }
}

static size_t count_files(const char *d, const char *suffix)
{
    size_t n = 0;
    DIR *dd = opendir(d);
    struct dirent *e;
    while (dd && (e = readdir(dd)) != NULL) {
        size_t len = strlen(e->d_name), sl = strlen(suffix);
        n += len > sl && strcmp(e->d_name + len - sl, suffix) == 0;
    }
    if (dd)
        closedir(dd);
    return n;
}

static ast_tu *parse_with(const char *prelude_dir, const char *path)
{
    char *shim = ts_source_path("include/wdk");
    fe_options o = {.shim_dir = shim, .max_recovery_passes = 3, .prelude_dir = prelude_dir};
    fe_parser *p = fe_parser_new(&o);
    ast_tu *tu = fe_parse(p, path, NULL, 0, false);
    fe_parser_free(p);
    free(shim);
    return tu;
}

/* A unit that needs recovery (an unknown type and function) parses to the same functions, errors
 * and recovery with the prelude as without, and units with the same start share one PCH. */
static void parse_with_prelude_matches_plain_parse(void **state)
{
    (void)state;
    put("unit.c", "#include <ntddk.h>\n#include <wdf.h>\n#include \"vendor.h\"\n"
                  "NTSTATUS Handle(PIRP Irp) { VENDOR_T v = VendorCall(Irp->AssociatedIrp.SystemBuffer);\n"
                  "  ULONG m = *(PULONG)Irp->AssociatedIrp.SystemBuffer; __writemsr(m, 0); return v ? 0 : 1; }\n"
                  "int broken(void) { return undeclared_thing + ; }\n");
    put("unit2.c", "#include <ntddk.h>\n#include <wdf.h>\nint two(void) { return 2; }\n");
    char *unit = xasprintf("%s/unit.c", dir), *unit2 = xasprintf("%s/unit2.c", dir);
    char *pdir = fe_prelude_dir_new();
    assert_non_null(pdir);
    ast_tu *plain = parse_with(NULL, unit);
    ast_tu *first = parse_with(pdir, unit2); /* the first user parses plainly */
    assert_int_equal(count_files(pdir, ".pch"), 0);
    ast_tu *pre = parse_with(pdir, unit);
    ast_tu *pre2 = parse_with(pdir, unit2);
    assert_int_equal(count_files(pdir, ".pch"), 1);
    assert_int_equal(first->health.errors, 0);
    ast_tu_free(first);
    assert_false(pre->health.failed);
    assert_int_equal(pre->nfuncs, plain->nfuncs);
    assert_int_equal(pre->nfuncs, 2);
    assert_int_equal(pre->health.errors_before_recovery, plain->health.errors_before_recovery);
    assert_int_equal(pre->health.errors, plain->health.errors);
    assert_true(pre->health.errors > 0); /* the broken function keeps its error */
    assert_int_equal(pre->health.recovery_passes, plain->health.recovery_passes);
    assert_int_equal(pre->health.functions_with_errors, plain->health.functions_with_errors);
    assert_int_equal(pre2->health.errors, 0);
    for (size_t i = 0; i < pre->nfuncs; i++)
        assert_string_equal(pre->funcs[i]->name, plain->funcs[i]->name);
    ast_tu_free(plain);
    ast_tu_free(pre);
    ast_tu_free(pre2);
    fe_prelude_dir_remove(pdir);
    free(unit);
    free(unit2);
}

/* A prelude that does not build (a system header with an error, here a -D that breaks it) is
 * marked bad once and the unit is parsed plainly, with the same result. */
static void broken_prelude_falls_back_to_plain_parse(void **state)
{
    (void)state;
    put("sys/bad.h", "#ifndef BAD_H\n#define BAD_H\nint bad_decl = ;\n#endif\n");
    put("bad.c", "#include <bad.h>\nint ok(void) { return 1; }\n");
    char *unit = xasprintf("%s/bad.c", dir), *sysdir = xasprintf("-isystem%s/sys", dir);
    char *pdir = fe_prelude_dir_new();
    char *shim = ts_source_path("include/wdk");
    const char *extra[] = {sysdir};
    fe_options o = {.shim_dir = shim, .max_recovery_passes = 3, .prelude_dir = pdir, .extra_args = extra,
                    .nextra_args = 1};
    fe_parser *p = fe_parser_new(&o);
    ast_tu *a = fe_parse(p, unit, NULL, 0, false);
    ast_tu *b = fe_parse(p, unit, NULL, 0, false);
    ast_tu *c = fe_parse(p, unit, NULL, 0, false);
    assert_int_equal(c->nfuncs, 1);
    ast_tu_free(c);
    fe_parser_free(p);
    assert_int_equal(count_files(pdir, ".pch"), 0);
    assert_int_equal(count_files(pdir, ".bad"), 1);
    assert_int_equal(a->nfuncs, 1);
    assert_int_equal(b->nfuncs, 1);
    assert_int_equal(a->health.errors, b->health.errors);
    ast_tu_free(a);
    ast_tu_free(b);
    fe_prelude_dir_remove(pdir);
    free(shim);
    free(unit);
    free(sysdir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scan_follows_local_headers_through_guards),
        cmocka_unit_test(scan_stops_where_the_unit_could_change_a_header),
        cmocka_unit_test(parse_with_prelude_matches_plain_parse),
        cmocka_unit_test(broken_prelude_falls_back_to_plain_parse),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
