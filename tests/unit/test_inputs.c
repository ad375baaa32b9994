/* test_inputs.c - files, directories and compile databases become units; bad inputs become
 * errors naming the input while the rest is still used. */
#include "test_support.h"

#include <sys/stat.h>
#include <unistd.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"

static char *make_tree(void)
{
    char tmpl[] = "/tmp/drvtaint-inputs-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    char *root = xstrdup(tmpl);
    const char *dirs[] = {"src", "src/sub", ".git", "empty"};
    for (size_t i = 0; i < 4; i++) {
        char *d = xasprintf("%s/%s", root, dirs[i]);
        mkdir(d, 0755);
        free(d);
    }
    const char *files[] = {"src/b.c", "src/a.CPP", "src/sub/c.cc", "src/sub/d.cxx", "src/readme.txt", "src/x.h",
                           ".git/hook.c"};
    for (size_t i = 0; i < 7; i++) {
        char *f = xasprintf("%s/%s", root, files[i]);
        FILE *fp = fopen(f, "w");
        fputs("int x;\n", fp);
        fclose(fp);
        free(f);
    }
    return root;
}

static const char *base(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static void directories_recurse_sorted_and_filtered(void **state)
{
    (void)state;
    char *root = make_tree();
    char *src = xasprintf("%s/src", root);
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, src);
    inputs_add_path(&s, src); /* twice: deduplicated */
    inputs_finish(&s);
    assert_int_equal(s.nerrors, 0);
    assert_int_equal(s.nunits, 4);
    assert_string_equal(base(s.units[0].path), "a.CPP");
    assert_true(s.units[0].is_cxx);
    assert_string_equal(base(s.units[1].path), "b.c");
    assert_false(s.units[1].is_cxx);
    assert_string_equal(base(s.units[2].path), "c.cc");
    assert_string_equal(base(s.units[3].path), "d.cxx");
    assert_true(s.units[0].path[0] == '/');
    inputs_free(&s);
    free(src);
    free(root);
}

static void bad_inputs_are_errors_and_the_rest_goes_on(void **state)
{
    (void)state;
    char *root = make_tree();
    char *empty = xasprintf("%s/empty", root);
    char *header = xasprintf("%s/src/x.h", root);
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, "/nonexistent/file.c");
    inputs_add_path(&s, empty);
    inputs_add_path(&s, "/dev/null");
    inputs_add_path(&s, header); /* an explicit file is taken whatever its suffix */
    inputs_finish(&s);
    assert_int_equal(s.nunits, 1);
    assert_string_equal(base(s.units[0].path), "x.h");
    assert_int_equal(s.nerrors, 3);
    assert_string_equal(s.errors[0].input, "/nonexistent/file.c");
    assert_string_equal(s.errors[0].message, "No such file or directory");
    assert_string_equal(s.errors[1].message, "no C/C++ sources (*.c, *.cpp, *.cc, *.cxx) found");
    assert_string_equal(s.errors[2].message, "not a regular file");
    inputs_free(&s);
    free(empty);
    free(header);
    free(root);
}

static void unreadable_file(void **state)
{
    (void)state;
    if (geteuid() == 0)
        skip(); /* root reads everything; nothing to test */
    char *root = make_tree();
    char *f = xasprintf("%s/src/b.c", root);
    chmod(f, 0);
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, f);
    assert_int_equal(s.nunits, 0);
    assert_int_equal(s.nerrors, 1);
    inputs_free(&s);
    free(f);
    free(root);
}

static void command_lines_split_like_a_shell(void **state)
{
    (void)state;
    size_t n;
    char **w = inputs_split_command("cc -DNAME=\"a b\" -I'dir with space' x\\ y.c  -c", &n);
    assert_int_equal(n, 5);
    assert_string_equal(w[1], "-DNAME=a b");
    assert_string_equal(w[2], "-Idir with space");
    assert_string_equal(w[3], "x y.c");
    for (size_t i = 0; i < n; i++)
        free(w[i]);
    free(w);
    w = inputs_split_command("C:\\VS\\cl.exe /I C:\\wdk\\km /DDBG=1 \"C:\\src\\my drv.c\"", &n);
    assert_int_equal(n, 5);
    assert_string_equal(w[2], "C:\\wdk\\km");
    assert_string_equal(w[4], "C:\\src\\my drv.c");
    for (size_t i = 0; i < n; i++)
        free(w[i]);
    free(w);
}

static bool has_arg(const input_unit *u, const char *a)
{
    for (size_t i = 0; i < u->nargs; i++)
        if (strcmp(u->args[i], a) == 0)
            return true;
    return false;
}

static void compile_database_entries(void **state)
{
    (void)state;
    char *root = make_tree();
    char *db = xasprintf("%s/compile_commands.json", root);
    FILE *f = fopen(db, "w");
    fprintf(f,
            "[\n"
            " {\"directory\": \"%s/src\", \"file\": \"b.c\", \"arguments\": [\"clang\", \"-Iinc\", \"-I\", "
            "\"/abs/inc\", \"-DFOO=1\", \"-D\", \"BAR\", \"-O2\", \"-Wall\", \"-o\", \"b.o\", \"-c\", \"b.c\"]},\n"
            " {\"directory\": \"%s/src\", \"file\": \"sub/c.cc\", \"command\": \"clang++ -std=c++17 -isystem "
            "sys -include pre.h -c sub/c.cc\"},\n"
            " {\"directory\": \"%s\", \"file\": \"src/a.CPP\", \"command\": \"cl.exe /TC /Isrc\\\\inc /DWIN=1 "
            "/c src/a.CPP\"},\n"
            " {\"directory\": \"%s\", \"file\": \"missing.c\", \"arguments\": [\"cc\", \"missing.c\"]},\n"
            " {\"directory\": \"%s\", \"arguments\": [\"cc\"]}\n"
            "]\n",
            root, root, root, root, root);
    fclose(f);
    input_set s;
    inputs_init(&s);
    char *err = NULL;
    assert_int_equal(inputs_load_compdb(&s, root, &err), 0);
    inputs_finish(&s);
    assert_int_equal(s.nunits, 3);
    assert_int_equal(s.nerrors, 2);
    assert_non_null(strstr(s.errors[0].input, "missing.c"));
    assert_non_null(strstr(s.errors[1].input, "entry 4"));
    const input_unit *a = &s.units[0], *b = &s.units[1], *c = &s.units[2];
    assert_string_equal(base(a->path), "a.CPP");
    assert_false(a->is_cxx); /* /TC says C whatever the suffix */
    assert_true(has_arg(a, "-DWIN=1"));
    char *inc = xasprintf("-I%s/src/inc", root);
    assert_true(has_arg(a, inc));
    free(inc);
    assert_string_equal(base(b->path), "b.c");
    inc = xasprintf("-I%s/src/inc", root);
    assert_true(has_arg(b, inc));
    free(inc);
    assert_true(has_arg(b, "-I/abs/inc"));
    assert_true(has_arg(b, "-DFOO=1"));
    assert_true(has_arg(b, "-DBAR"));
    assert_false(has_arg(b, "-O2"));
    assert_false(has_arg(b, "b.o"));
    assert_int_equal(b->nargs, 4);
    assert_string_equal(base(c->path), "c.cc");
    assert_true(c->is_cxx);
    assert_true(has_arg(c, "-std=c++17"));
    assert_true(has_arg(c, "-isystem"));
    inputs_free(&s);

    /* a plain path to a file the database also lists keeps the database's flags */
    inputs_init(&s);
    assert_int_equal(inputs_load_compdb(&s, db, &err), 0);
    char *bpath = xasprintf("%s/src/b.c", root);
    inputs_add_path(&s, bpath);
    inputs_finish(&s);
    assert_int_equal(s.nunits, 3);
    assert_true(s.units[1].from_compdb);
    inputs_free(&s);
    free(bpath);
    free(db);
    free(root);
}

static void malformed_database_is_fatal_with_location(void **state)
{
    (void)state;
    char *path = ts_write_temp("compile_commands.json", "[\n  {\"file\": \"a.c\",\n  oops\n]");
    input_set s;
    inputs_init(&s);
    char *err = NULL;
    assert_int_equal(inputs_load_compdb(&s, path, &err), -1);
    char *want = xasprintf("%s:3:4: invalid JSON in compile database", path); /* cJSON stops one past the o */
    assert_string_equal(err, want);
    free(want);
    free(err);
    assert_int_equal(inputs_load_compdb(&s, "/nonexistent", &err), -1);
    assert_string_equal(err, "/nonexistent: cannot read compile database: No such file or directory");
    free(err);
    inputs_free(&s);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(directories_recurse_sorted_and_filtered),
        cmocka_unit_test(bad_inputs_are_errors_and_the_rest_goes_on),
        cmocka_unit_test(unreadable_file),
        cmocka_unit_test(command_lines_split_like_a_shell),
        cmocka_unit_test(compile_database_entries),
        cmocka_unit_test(malformed_database_is_fatal_with_location),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
