/* test_inputs.c - command-line files and folders become sorted, deduplicated units; bad
 * inputs become errors naming the input while the rest is still used; command strings
 * split like the shell or cl.exe would split them. */
#include "test_support.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"

/* A fresh folder, its realpath (what unit paths start with). */
static char *new_root(void)
{
    char tmpl[] = "/tmp/drvtaint-inputs-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    char resolved[PATH_MAX];
    assert_non_null(realpath(tmpl, resolved));
    return xstrdup(resolved);
}

/* Creates root/rel and the folders above it; rel ending in '/' is a folder. */
static void mk(const char *root, const char *rel)
{
    char *path = xasprintf("%s/%s", root, rel);
    for (char *p = path + strlen(root) + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0755);
            *p = '/';
        }
    }
    if (!str_ends_with(rel, "/")) {
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs("int x;\n", f);
        fclose(f);
    }
    free(path);
}

static void rm_tree(char *root)
{
    char *cmd = xasprintf("chmod -R u+rwx '%s' && rm -rf '%s'", root, root);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    free(root);
}

static void assert_units(const input_set *s, const char *root, const char *const *want_rel, const bool *want_cxx,
                         size_t n)
{
    for (size_t i = 0; i < s->nunits && i < n; i++) {
        char *want = xasprintf("%s/%s", root, want_rel[i]);
        if (strcmp(s->units[i].path, want) != 0)
            fail_msg("unit %zu: got %s, want %s", i, s->units[i].path, want);
        free(want);
        if (s->units[i].is_cxx != want_cxx[i])
            fail_msg("unit %zu (%s): is_cxx %d", i, want_rel[i], s->units[i].is_cxx);
        assert_int_equal(s->units[i].nargs, 0);
        assert_non_null(s->units[i].args);
        assert_false(s->units[i].from_compdb);
    }
    assert_int_equal(s->nunits, n);
}

static void directories_recurse_filter_and_sort(void **state)
{
    (void)state;
    char *root = new_root();
    const char *files[] = {"src/sub/d.cxx", "src/b.c",  "src/a.CPP",        "src/e.C",     "src/sub/c.cc",
                           "src/x.h",       "src/r.txt", "src/.hidden/h.c", "src/._e.c",   "src/.#lock.c",
                           "other/o.c",     "other/p.c", "src/deep/er/f.Cc", "src/nosuffixc"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        mk(root, files[i]);
    /* a symlinked folder is not followed (other/p.c must not appear), nor is a cycle; a
     * symlinked file is taken under its real path */
    char *other = xasprintf("%s/other", root), *linkdir = xasprintf("%s/src/linkdir", root),
         *o = xasprintf("%s/other/o.c", root), *lnk = xasprintf("%s/src/lnk.c", root),
         *loop = xasprintf("%s/src/sub/loop", root);
    assert_int_equal(symlink(other, linkdir), 0);
    assert_int_equal(symlink(o, lnk), 0);
    assert_int_equal(symlink("..", loop), 0);
    free(other);
    free(linkdir);
    free(o);
    free(lnk);
    free(loop);

    char *src = xasprintf("%s/src", root);
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, src);
    inputs_finish(&s);
    assert_int_equal(s.nerrors, 0);
    const char *want[] = {"other/o.c", "src/a.CPP", "src/b.c", "src/deep/er/f.Cc", "src/e.C", "src/sub/c.cc",
                          "src/sub/d.cxx"};
    const bool cxx[] = {false, true, false, true, false, true, true};
    assert_units(&s, root, want, cxx, 7);
    inputs_free(&s);
    free(src);
    rm_tree(root);
}

static void duplicates_collapse_to_one_unit(void **state)
{
    (void)state;
    char *root = new_root();
    mk(root, "src/b.c");
    mk(root, "src/a.c");
    char *src = xasprintf("%s/src", root);
    char *dotted = xasprintf("%s/src/../src/./b.c", root);
    char *slashed = xasprintf("%s/src/", root);
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, dotted);
    inputs_add_path(&s, src);
    inputs_add_path(&s, slashed);
    inputs_finish(&s);
    const char *want[] = {"src/a.c", "src/b.c"};
    const bool cxx[] = {false, false};
    assert_units(&s, root, want, cxx, 2);
    assert_int_equal(s.nerrors, 0);
    /* the walk joins "src/" and "b.c" without a double slash */
    inputs_free(&s);
    free(src);
    free(dotted);
    free(slashed);
    rm_tree(root);
}

static void bad_inputs_are_errors_and_the_rest_goes_on(void **state)
{
    (void)state;
    char *root = new_root();
    mk(root, "empty/");
    mk(root, "textonly/notes.txt");
    mk(root, "hdr/x.h");
    mk(root, "hdr/y.HPP");
    mk(root, "hdr/z.txt");
    mk(root, "ok/ok.c");
    char *fifo = xasprintf("%s/pipe.c", root);
    assert_int_equal(mkfifo(fifo, 0644), 0);
    char *empty = xasprintf("%s/empty", root), *textonly = xasprintf("%s/textonly", root),
         *h = xasprintf("%s/hdr/x.h", root), *hpp = xasprintf("%s/hdr/y.HPP", root),
         *txt = xasprintf("%s/hdr/z.txt", root), *ok = xasprintf("%s/ok", root),
         *missing = xasprintf("%s/missing.c", root);
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, missing);
    inputs_add_path(&s, empty);
    inputs_add_path(&s, "/dev/null");
    inputs_add_path(&s, fifo);
    inputs_add_path(&s, textonly);
    inputs_add_path(&s, "");
    inputs_add_path(&s, h); /* explicit files are taken whatever their suffix */
    inputs_add_path(&s, hpp);
    inputs_add_path(&s, txt);
    inputs_add_path(&s, ok);
    inputs_finish(&s);
    const char *want[] = {"hdr/x.h", "hdr/y.HPP", "hdr/z.txt", "ok/ok.c"};
    const bool cxx[] = {false, true, false, false};
    assert_units(&s, root, want, cxx, 4);
    assert_int_equal(s.nerrors, 6);
    const char *inputs[] = {missing, empty, "/dev/null", fifo, textonly, ""};
    const char *messages[] = {"No such file or directory",
                              "no C/C++ sources (*.c, *.cpp, *.cc, *.cxx) found",
                              "not a regular file",
                              "not a regular file",
                              "no C/C++ sources (*.c, *.cpp, *.cc, *.cxx) found",
                              "No such file or directory"};
    for (size_t i = 0; i < 6; i++) {
        assert_string_equal(s.errors[i].input, inputs[i]);
        assert_string_equal(s.errors[i].message, messages[i]);
    }
    inputs_free(&s);
    free(fifo);
    free(empty);
    free(textonly);
    free(h);
    free(hpp);
    free(txt);
    free(ok);
    free(missing);
    rm_tree(root);
}

static void broken_links_and_fifos_in_a_tree(void **state)
{
    (void)state;
    char *root = new_root();
    mk(root, "t/good.c");
    char *dangling = xasprintf("%s/t/gone.c", root), *fifo = xasprintf("%s/t/pipe.cpp", root),
         *t = xasprintf("%s/t", root);
    assert_int_equal(symlink("/nonexistent/gone.c", dangling), 0);
    assert_int_equal(mkfifo(fifo, 0644), 0);
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, t);
    inputs_finish(&s);
    const char *want[] = {"t/good.c"};
    const bool cxx[] = {false};
    assert_units(&s, root, want, cxx, 1);
    assert_int_equal(s.nerrors, 2); /* in name order: gone.c, pipe.cpp */
    assert_string_equal(s.errors[0].input, dangling);
    assert_string_equal(s.errors[0].message, "No such file or directory");
    assert_string_equal(s.errors[1].input, fifo);
    assert_string_equal(s.errors[1].message, "not a regular file");
    inputs_free(&s);
    free(dangling);
    free(fifo);
    free(t);
    rm_tree(root);
}

/* Root reads everything: then the file or folder must simply be used, as access() says. */
static void unreadable_file_and_folder(void **state)
{
    (void)state;
    char *root = new_root();
    mk(root, "t/locked.c");
    mk(root, "t/open.c");
    mk(root, "t/closed/inner.c");
    char *locked = xasprintf("%s/t/locked.c", root), *closed = xasprintf("%s/t/closed", root),
         *t = xasprintf("%s/t", root);
    assert_int_equal(chmod(locked, 0), 0);
    assert_int_equal(chmod(closed, 0), 0);
    bool file_readable = access(locked, R_OK) == 0;
    bool dir_readable = access(closed, R_OK | X_OK) == 0;
    assert_true(geteuid() == 0 || (!file_readable && !dir_readable));

    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, locked);
    inputs_add_path(&s, t);
    inputs_finish(&s);
    size_t nerr = 0;
    if (!file_readable) {
        assert_string_equal(s.errors[nerr].input, locked);
        assert_string_equal(s.errors[nerr].message, "cannot read: Permission denied");
        nerr++;
    }
    if (!dir_readable) {
        assert_string_equal(s.errors[nerr].input, closed);
        assert_string_equal(s.errors[nerr].message, "cannot open directory: Permission denied");
        nerr++;
    }
    if (!file_readable) { /* the walk meets it again */
        assert_string_equal(s.errors[nerr].input, locked);
        assert_string_equal(s.errors[nerr].message, "cannot read: Permission denied");
        nerr++;
    }
    assert_int_equal(s.nerrors, nerr);
    size_t nunits = 1 + (file_readable ? 1 : 0) + (dir_readable ? 1 : 0);
    assert_int_equal(s.nunits, nunits);
    char *open_c = xasprintf("%s/t/open.c", root);
    bool seen = false;
    for (size_t i = 0; i < s.nunits; i++)
        seen |= strcmp(s.units[i].path, open_c) == 0;
    assert_true(seen);
    free(open_c);
    inputs_free(&s);
    free(locked);
    free(closed);
    free(t);
    rm_tree(root);
}

static void unreadable_top_folder_is_one_error(void **state)
{
    (void)state;
    char *root = new_root();
    mk(root, "d/a.c");
    char *d = xasprintf("%s/d", root);
    assert_int_equal(chmod(d, 0), 0);
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, d);
    inputs_finish(&s);
    if (access(d, R_OK | X_OK) == 0) {
        assert_int_equal(s.nunits, 1);
        assert_int_equal(s.nerrors, 0);
    } else { /* not also "no sources found" */
        assert_int_equal(s.nunits, 0);
        assert_int_equal(s.nerrors, 1);
        assert_string_equal(s.errors[0].message, "cannot open directory: Permission denied");
    }
    inputs_free(&s);
    free(d);
    rm_tree(root);
}

static void expect_words(const char *cmd, const char *const *want, size_t n)
{
    size_t got;
    char **w = inputs_split_command(cmd, &got);
    assert_non_null(w);
    for (size_t i = 0; i < got && i < n; i++)
        if (strcmp(w[i], want[i]) != 0)
            fail_msg("%s\nword %zu: got [%s], want [%s]", cmd, i, w[i], want[i]);
    if (got != n)
        fail_msg("%s\ngot %zu words, want %zu", cmd, got, n);
    inputs_free_words(w, got);
}

static void posix_commands_split_like_a_shell(void **state)
{
    (void)state;
    expect_words("cc -DNAME=\"a b\" -I'dir with space' x\\ y.c  -c",
                 (const char *[]){"cc", "-DNAME=a b", "-Idir with space", "x y.c", "-c"}, 5);
    /* inside double quotes only \" \\ \$ \` escape; inside single quotes nothing does */
    expect_words("cc \"-DS=\\\"s\\\"\" \"a\\b\" 'c\\d' \"\\$x\"",
                 (const char *[]){"cc", "-DS=\"s\"", "a\\b", "c\\d", "$x"}, 5);
    expect_words("cc '' \"\" -c", (const char *[]){"cc", "", "", "-c"}, 4);
    expect_words("  cc\t-a \\\n -b\n", (const char *[]){"cc", "-a", "-b"}, 3);
    expect_words("cc -DX='it'\\''s'", (const char *[]){"cc", "-DX=it's"}, 2);
    expect_words("", (const char *[]){NULL}, 0);
    expect_words("cc 'unterminated", (const char *[]){"cc", "unterminated"}, 2);
}

/* The examples from Microsoft's "Parsing C++ command-line arguments". */
static void windows_commands_split_like_cl(void **state)
{
    (void)state;
    expect_words("cl.exe \"abc\" d e", (const char *[]){"cl.exe", "abc", "d", "e"}, 4);
    expect_words("cl.exe a\\\\\\b d\"e f\"g h", (const char *[]){"cl.exe", "a\\\\\\b", "de fg", "h"}, 4);
    expect_words("cl.exe a\\\\\\\"b c d", (const char *[]){"cl.exe", "a\\\"b", "c", "d"}, 4);
    expect_words("cl.exe a\\\\\\\\\"b c\" d e", (const char *[]){"cl.exe", "a\\\\b c", "d", "e"}, 4);
    expect_words("cl.exe a\"b\"\" c d", (const char *[]){"cl.exe", "ab\" c d"}, 2);
    expect_words("\"C:\\Program Files\\VC\\cl.exe\" /I C:\\wdk\\km /DDBG=1 \"C:\\src\\my drv.c\"",
                 (const char *[]){"C:\\Program Files\\VC\\cl.exe", "/I", "C:\\wdk\\km", "/DDBG=1",
                                  "C:\\src\\my drv.c"},
                 5);
    /* a bare cl or clang-cl, any case, is a Windows compiler too */
    expect_words("CL /Ic:\\inc x.c", (const char *[]){"CL", "/Ic:\\inc", "x.c"}, 3);
    expect_words("clang-cl-19 /Ic:\\inc x.c", (const char *[]){"clang-cl-19", "/Ic:\\inc", "x.c"}, 3);
    /* and a Unix one keeps shell rules */
    expect_words("/usr/bin/gcc -Ic:\\inc x.c", (const char *[]){"/usr/bin/gcc", "-Ic:inc", "x.c"}, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(directories_recurse_filter_and_sort),
        cmocka_unit_test(duplicates_collapse_to_one_unit),
        cmocka_unit_test(bad_inputs_are_errors_and_the_rest_goes_on),
        cmocka_unit_test(broken_links_and_fifos_in_a_tree),
        cmocka_unit_test(unreadable_file_and_folder),
        cmocka_unit_test(unreadable_top_folder_is_one_error),
        cmocka_unit_test(posix_commands_split_like_a_shell),
        cmocka_unit_test(windows_commands_split_like_cl),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
