/* test_inputs_compdb.c - compile_commands.json: arguments and command entries, the flags kept
 * (paths made absolute), MSVC commands, language selection, bad entries as errors, malformed
 * databases as fatal errors with a location. Expected argument lists are written by hand. */
#include "test_support.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"

static char *new_root(void)
{
    char tmpl[] = "/tmp/drvtaint-compdb-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    char resolved[PATH_MAX];
    assert_non_null(realpath(tmpl, resolved));
    return xstrdup(resolved);
}

static void put(const char *root, const char *rel, const char *text)
{
    char *path = xasprintf("%s/%s", root, rel);
    for (char *p = path + strlen(root) + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0755);
            *p = '/';
        }
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    free(path);
}

static void rm_tree(char *root)
{
    char *cmd = xasprintf("rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    free(root);
}

/* Replaces every "@R" in tmpl with root (JSON needs no escaping for mkdtemp names). */
static char *subst(const char *tmpl, const char *root)
{
    strbuf sb = {0};
    for (const char *p = tmpl; *p; p++) {
        if (p[0] == '@' && p[1] == 'R') {
            sb_append(&sb, root);
            p++;
        } else {
            sb_putc(&sb, *p);
        }
    }
    return sb_take(&sb);
}

static const input_unit *unit(const input_set *s, const char *root, const char *rel)
{
    char *want = xasprintf("%s/%s", root, rel);
    const input_unit *found = NULL;
    for (size_t i = 0; i < s->nunits; i++)
        if (strcmp(s->units[i].path, want) == 0)
            found = &s->units[i];
    if (!found)
        fail_msg("no unit %s", want);
    free(want);
    return found;
}

/* want: NULL-terminated, "@R" stands for root */
static void assert_args(const input_unit *u, const char *root, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    for (size_t i = 0; i < u->nargs && i < n; i++) {
        char *w = subst(want[i], root);
        if (strcmp(u->args[i], w) != 0)
            fail_msg("%s arg %zu: got [%s], want [%s]", u->path, i, u->args[i], w);
        free(w);
    }
    if (u->nargs != n) {
        for (size_t i = 0; i < u->nargs; i++)
            print_message("  [%s]\n", u->args[i]);
        fail_msg("%s: %zu args, want %zu", u->path, u->nargs, n);
    }
}

static void load(input_set *s, const char *root, const char *json)
{
    char *text = subst(json, root);
    put(root, "compile_commands.json", text);
    free(text);
    char *err = NULL;
    inputs_init(s);
    if (inputs_load_compdb(s, root, &err) != 0)
        fail_msg("load: %s", err);
    inputs_finish(s);
}

static void gnu_arguments_keep_parse_flags_only(void **state)
{
    (void)state;
    char *root = new_root();
    put(root, "src/b.c", "int b;\n");
    put(root, "src/pre.h", "\n");
    input_set s;
    load(&s, root,
         "[{\"directory\": \"@R/src\", \"file\": \"b.c\", \"output\": \"b.o\", \"arguments\": [\"/usr/bin/clang\","
         " \"-Iinc\", \"-I\", \"/abs/inc\", \"-isystem\", \"sys\", \"-iquoteq\", \"-idirafter\", \"after/../aft\","
         " \"-DFOO=1\", \"-D\", \"BAR\", \"-UBAZ\", \"-include\", \"pre.h\", \"-include\", \"onpath.h\","
         " \"-include-pch\", \"x.pch\", \"-O2\", \"-Wall\", \"-Werror\", \"-g\", \"-o\", \"-Inot-a-flag.o\","
         " \"-MD\", \"-MF\", \"b.d\", \"-Xclang\", \"-DXCLANG\", \"--target=x86_64-linux-gnu\", \"-target\","
         " \"i686-linux\", \"-m32\", \"-fPIC\", \"-fms-compatibility-version=19.20\", \"-fno-ms-extensions\","
         " \"-funsigned-char\", \"-std=gnu89\", \"-std=c11\", \"-c\", \"b.c\"]}]");
    assert_int_equal(s.nerrors, 0);
    assert_int_equal(s.nunits, 1);
    const input_unit *b = unit(&s, root, "src/b.c");
    assert_true(b->from_compdb);
    assert_false(b->is_cxx);
    char *dir = xasprintf("%s/src", root);
    assert_string_equal(b->directory, dir);
    free(dir);
    assert_args(b, root,
                (const char *[]){"-I@R/src/inc", "-I/abs/inc", "-isystem", "@R/src/sys", "-iquote", "@R/src/q",
                                 "-idirafter", "@R/src/aft", "-DFOO=1", "-DBAR", "-UBAZ", "-include",
                                 "@R/src/pre.h", "-include", "onpath.h", "-fms-compatibility-version=19.20",
                                 "-funsigned-char", "-std=c11", NULL});
    inputs_free(&s);
    rm_tree(root);
}

static void commands_are_split_and_language_follows_x_and_std(void **state)
{
    (void)state;
    char *root = new_root();
    put(root, "src/h.c", "\n");
    put(root, "src/m.c", "\n");
    put(root, "src/k.cpp", "\n");
    put(root, "src/unix.c", "\n");
    input_set s;
    load(&s, root,
         "[{\"directory\": \"@R/src\", \"file\": \"h.c\", \"command\": \"clang++ -DMSG=\\\"\\\\\\\"hello "
         "world\\\\\\\"\\\" -I'dir with space' -x c++ -std=c++17 -c h.c\"},\n"
         " {\"directory\": \"@R/src\", \"file\": \"m.c\", \"command\": \"gcc -std=gnu++17 -c m.c\"},\n"
         " {\"directory\": \"@R/src\", \"file\": \"k.cpp\", \"command\": \"g++ -x c -std=c17 -xnone -c k.cpp\"},\n"
         " {\"directory\": \"@R/src\", \"file\": \"unix.c\", \"command\": \"gcc -c /Users/me/x.c /Data/y.c "
         "-- -DAFTER unix.c\"}]");
    assert_int_equal(s.nerrors, 0);
    assert_int_equal(s.nunits, 4);
    const input_unit *h = unit(&s, root, "src/h.c");
    assert_true(h->is_cxx); /* -x c++ beats the suffix */
    assert_args(h, root, (const char *[]){"-DMSG=\"hello world\"", "-I@R/src/dir with space", "-std=c++17", NULL});
    /* a C++ standard on a C unit would make the parse fail: dropped */
    const input_unit *m = unit(&s, root, "src/m.c");
    assert_false(m->is_cxx);
    assert_args(m, root, (const char *[]){NULL});
    /* -x none returns to the suffix, which says C++; the C standard goes */
    const input_unit *k = unit(&s, root, "src/k.cpp");
    assert_true(k->is_cxx);
    assert_args(k, root, (const char *[]){NULL});
    /* /U.. and /D.. are paths for gcc, not cl flags; nothing after -- is a flag */
    assert_args(unit(&s, root, "src/unix.c"), root, (const char *[]){NULL});
    inputs_free(&s);
    rm_tree(root);
}

static void msvc_commands(void **state)
{
    (void)state;
    char *root = new_root();
    put(root, "src/a.c", "\n");
    put(root, "src/pre.h", "\n");
    put(root, "src/w.cpp", "\n");
    put(root, "src/t.c", "\n");
    input_set s;
    load(&s, root,
         "[{\"directory\": \"@R\", \"file\": \"src/a.c\", \"command\": \"\\\"C:\\\\Program Files\\\\MSVC\\\\cl.exe\\\" "
         "/nologo /c /TP /W4 /O2 /Isrc\\\\inc /I \\\"sub dir\\\\x\\\" -Iother /DWIN=1 /DVAL#2 /D \\\"Q=\\\\\\\"q\\\\\\\"\\\" "
         "/UNDEBUG /FIsrc\\\\pre.h /FI missing.h /std:c++17 /external:I ext /external:W0 /Fo:out\\\\a.obj "
         "/Fdpdb /Zi /J src\\\\a.c /link /DEBUG /LIBPATH:x\"},\n"
         " {\"directory\": \"@R\", \"file\": \"src/w.cpp\", \"arguments\": [\"clang-cl.exe\", \"/TC\", "
         "\"/std:c++17\", \"-IC:\\\\wdk\\\\km\", \"/imsvc\", \"C:\\\\sdk\", \"-fms-compatibility-version=19.29\", "
         "\"--target=i686-pc-windows-msvc\", \"src\\\\w.cpp\"]},\n"
         " {\"directory\": \"@R\", \"file\": \"src/t.c\", \"command\": \"cl /Tp src\\\\t.c /std:clatest\"}]");
    assert_int_equal(s.nerrors, 0);
    assert_int_equal(s.nunits, 3);
    const input_unit *a = unit(&s, root, "src/a.c");
    assert_true(a->is_cxx); /* /TP */
    assert_args(a, root,
                (const char *[]){"-I@R/src/inc", "-I@R/sub dir/x", "-I@R/other", "-DWIN=1", "-DVAL=2", "-DQ=\"q\"",
                                 "-UNDEBUG", "-include", "@R/src/pre.h", "-include", "missing.h", "-isystem",
                                 "@R/ext", "-funsigned-char", "-std=c++17", NULL});
    const input_unit *w = unit(&s, root, "src/w.cpp");
    assert_false(w->is_cxx); /* /TC beats the suffix; the C++ standard goes with it */
    assert_args(w, root,
                (const char *[]){"-IC:/wdk/km", "-isystem", "C:/sdk", "-fms-compatibility-version=19.29", NULL});
    const input_unit *t = unit(&s, root, "src/t.c");
    assert_true(t->is_cxx); /* /Tp names this file as C++; clatest is a C standard */
    assert_args(t, root, (const char *[]){NULL});
    inputs_free(&s);
    rm_tree(root);
}

static void relative_directories_response_files_and_duplicates(void **state)
{
    (void)state;
    char *root = new_root();
    char *text = subst("[{\"directory\": \"src\", \"file\": \"b.c\", \"arguments\": [\"cc\", \"@args.rsp\", "
                       "\"@absent.rsp\", \"-DFIRST\", \"b.c\"]},\n"
                       " {\"directory\": \"@R/build/src\", \"file\": \"@R/build/src/b.c\", \"arguments\": [\"cc\", \"-DSECOND\"]},\n"
                       " {\"file\": \"src/../src/c.c\", \"arguments\": [\"cc\", \"-Iinc\"]}]",
                       root);
    put(root, "build/compile_commands.json", text);
    free(text);
    /* the database is in build/, so "src" there means build/src */
    put(root, "build/src/b.c", "\n");
    put(root, "build/src/args.rsp", "-DFROM_RSP \"-Irsp dir\" @nested.rsp\n");
    put(root, "build/src/nested.rsp", "-DNESTED\n");
    put(root, "build/src/c.c", "\n");

    /* -p FILE, with the plain path to the same file added before and after */
    char *db = xasprintf("%s/build/compile_commands.json", root);
    char *plain = xasprintf("%s/build/src/b.c", root);
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, plain);
    char *err = NULL;
    assert_int_equal(inputs_load_compdb(&s, db, &err), 0);
    assert_null(err);
    inputs_add_path(&s, plain);
    inputs_finish(&s);
    assert_int_equal(s.nerrors, 0);
    assert_int_equal(s.nunits, 2);
    const input_unit *b = unit(&s, root, "build/src/b.c");
    assert_true(b->from_compdb); /* beats the plain path, and the first entry beats the second */
    char *bdir = xasprintf("%s/build/src", root);
    assert_string_equal(b->directory, bdir);
    free(bdir);
    assert_args(b, root, (const char *[]){"-DFROM_RSP", "-I@R/build/src/rsp dir", "-DNESTED", "-DFIRST", NULL});
    const input_unit *c = unit(&s, root, "build/src/c.c");
    char *builddir = xasprintf("%s/build", root);
    assert_string_equal(c->directory, builddir); /* no "directory": the database's folder */
    free(builddir);
    assert_args(c, root, (const char *[]){"-I@R/build/inc", NULL});
    inputs_free(&s);
    free(db);
    free(plain);
    rm_tree(root);
}

static void bad_entries_are_errors_and_the_rest_is_used(void **state)
{
    (void)state;
    char *root = new_root();
    put(root, "src/ok.c", "\n");
    put(root, "src/dir.c/x", "\n");
    input_set s;
    load(&s, root,
         "[{\"directory\": \"@R\", \"arguments\": [\"cc\"]},\n"                       /* 0 */
         " {\"directory\": \"@R\", \"file\": 3, \"arguments\": [\"cc\"]},\n"           /* 1 */
         " {\"directory\": \"@R\", \"file\": \"src/ok.c\", \"arguments\": \"cc\"},\n"  /* 2 */
         " {\"directory\": \"@R\", \"file\": \"src/ok.c\", \"arguments\": [\"cc\", 1]},\n"
         " {\"directory\": \"@R\", \"file\": \"src/ok.c\"},\n"                         /* 4 */
         " {\"directory\": \"@R\", \"file\": \"src/ok.c\", \"command\": [\"cc\"]},\n"  /* 5 */
         " {\"directory\": 7, \"file\": \"src/ok.c\", \"command\": \"cc\"},\n"         /* 6 */
         " \"src/ok.c\",\n"                                                            /* 7 */
         " {\"directory\": \"@R\", \"file\": \"src/ok.c\", \"output\": 1, \"command\": \"cc\"},\n"
         " {\"directory\": \"@R\", \"file\": \"\", \"command\": \"cc\"},\n"            /* 9 */
         " {\"directory\": \"@R\", \"file\": \"src/missing.c\", \"command\": \"cc\"},\n"
         " {\"directory\": \"@R\", \"file\": \"src/dir.c\", \"command\": \"cc\"},\n"   /* 11 */
         " {\"directory\": \"@R\", \"file\": \"src/ok.c\", \"command\": \"cc -DGOOD\"}]");
    assert_int_equal(s.nunits, 1);
    assert_args(unit(&s, root, "src/ok.c"), root, (const char *[]){"-DGOOD", NULL});
    const char *want[][2] = {
        {"@R/compile_commands.json", "entry 0: no \"file\""},
        {"@R/compile_commands.json", "entry 1: \"file\" is not a non-empty string"},
        {"@R/compile_commands.json", "entry 2: \"arguments\" is not an array"},
        {"@R/compile_commands.json", "entry 3: \"arguments\" holds a non-string"},
        {"@R/compile_commands.json", "entry 4: neither \"arguments\" nor \"command\""},
        {"@R/compile_commands.json", "entry 5: \"command\" is not a string"},
        {"@R/compile_commands.json", "entry 6: \"directory\" is not a string"},
        {"@R/compile_commands.json", "entry 7: not an object"},
        {"@R/compile_commands.json", "entry 8: \"output\" is not a string"},
        {"@R/compile_commands.json", "entry 9: \"file\" is not a non-empty string"},
        {"@R/src/missing.c", "No such file or directory (compile database entry 10)"},
        {"@R/src/dir.c", "is a directory (compile database entry 11)"},
    };
    size_t n = sizeof want / sizeof want[0];
    for (size_t i = 0; i < s.nerrors && i < n; i++) {
        char *input = subst(want[i][0], root);
        assert_string_equal(s.errors[i].input, input);
        assert_string_equal(s.errors[i].message, want[i][1]);
        free(input);
    }
    assert_int_equal(s.nerrors, n);
    inputs_free(&s);
    rm_tree(root);
}

static void expect_fatal(const char *root, const char *text, const char *want_fmt_suffix)
{
    put(root, "db.json", text);
    char *path = xasprintf("%s/db.json", root);
    input_set s;
    inputs_init(&s);
    char *err = NULL;
    assert_int_equal(inputs_load_compdb(&s, path, &err), -1);
    assert_int_equal(s.nunits + s.nerrors, 0);
    char *want = xasprintf("%s%s", path, want_fmt_suffix);
    assert_string_equal(err, want);
    free(want);
    free(err);
    free(path);
    inputs_free(&s);
}

static void malformed_databases_are_fatal_with_a_location(void **state)
{
    (void)state;
    char *root = new_root();
    /* line 3 is ` {"file" "b.c"}`: the ':' is missing where column 10 holds the second '"' */
    expect_fatal(root, "[\n {\"file\": \"a.c\"},\n {\"file\" \"b.c\"}\n]\n",
                 ":3:10: invalid JSON in compile database");
    expect_fatal(root, "", ":1:1: invalid JSON in compile database");
    expect_fatal(root, "[]\n]\n", ":2:1: invalid JSON in compile database"); /* trailing text */
    expect_fatal(root, "{\"file\": \"a.c\"}", ": a compile database is a JSON array of entries");
    input_set s;
    inputs_init(&s);
    char *err = NULL;
    assert_int_equal(inputs_load_compdb(&s, root, &err), -1); /* -p DIR without a database */
    char *want = xasprintf("%s/compile_commands.json: cannot read compile database: No such file or directory", root);
    assert_string_equal(err, want);
    free(want);
    free(err);
    inputs_free(&s);

    /* a byte-order mark, as Windows tools write, is not an error */
    put(root, "src/a.c", "\n");
    char *text = subst("\xef\xbb\xbf[{\"directory\": \"@R\", \"file\": \"src/a.c\", \"command\": \"cc\"}]\n", root);
    put(root, "bom.json", text);
    free(text);
    char *bom = xasprintf("%s/bom.json", root);
    inputs_init(&s);
    assert_int_equal(inputs_load_compdb(&s, bom, &err), 0);
    assert_int_equal(s.nunits, 1);
    inputs_free(&s);
    free(bom);
    rm_tree(root);
}

static void relative_database_path_gives_absolute_units(void **state)
{
    (void)state;
    char *root = new_root();
    put(root, "b/src/x.c", "\n");
    put(root, "b/compile_commands.json", "[{\"directory\": \".\", \"file\": \"src/x.c\", \"command\": \"cc -Iinc\"}]");
    char old[PATH_MAX];
    assert_non_null(getcwd(old, sizeof old));
    assert_int_equal(chdir(root), 0);
    input_set s;
    inputs_init(&s);
    char *err = NULL;
    int rc = inputs_load_compdb(&s, "b", &err);
    assert_int_equal(chdir(old), 0);
    assert_int_equal(rc, 0);
    assert_int_equal(s.nunits, 1);
    const input_unit *x = unit(&s, root, "b/src/x.c");
    char *dir = xasprintf("%s/b", root);
    assert_string_equal(x->directory, dir);
    free(dir);
    assert_args(x, root, (const char *[]){"-I@R/b/inc", NULL});
    inputs_free(&s);
    rm_tree(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gnu_arguments_keep_parse_flags_only),
        cmocka_unit_test(commands_are_split_and_language_follows_x_and_std),
        cmocka_unit_test(msvc_commands),
        cmocka_unit_test(relative_directories_response_files_and_duplicates),
        cmocka_unit_test(bad_entries_are_errors_and_the_rest_is_used),
        cmocka_unit_test(malformed_databases_are_fatal_with_a_location),
        cmocka_unit_test(relative_database_path_gives_absolute_units),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
