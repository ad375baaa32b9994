/* test_layering.c - only the front end may include clang-c: everything after it works on our
 * own IR so it can be tested without parsing. And the analysis core is layered one way:
 * domain -> transfer -> engine -> interproc -> checkers -> the driver (src/analysis/taint.c);
 * no file includes the header of a layer above its own (docs/architecture.md). */
#include "test_support.h"

#include <dirent.h>
#include <sys/stat.h>

#include "drvtaint/util.h"

static size_t scan(const char *dir, size_t *files)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t bad = 0;
    for (struct dirent *de; (de = readdir(d));) {
        if (de->d_name[0] == '.')
            continue;
        char *path = xasprintf("%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (!str_ends_with(path, "/src/frontend"))
                bad += scan(path, files);
        } else if (str_ends_with(path, ".c") || str_ends_with(path, ".h")) {
            (*files)++;
            char *text = read_file(path, NULL);
            if (text && strstr(text, "<clang" "-c/")) { /* split: this file must not match itself */
                fprintf(stderr, "%s includes clang-c outside src/frontend\n", path);
                bad++;
            }
            free(text);
        }
        free(path);
    }
    closedir(d);
    return bad;
}

static void clang_c_stays_in_the_front_end(void **state)
{
    (void)state;
    size_t files = 0, bad = 0;
    const char *roots[] = {"src", "include/drvtaint", "tests/unit", "tests/cli"};
    for (size_t i = 0; i < 4; i++) {
        char *root = ts_source_path(roots[i]);
        bad += scan(root, &files);
        free(root);
    }
    assert_true(files > 30);
    assert_int_equal(bad, 0);
}

/* The layers, lowest first; a file in src/analysis itself is the driver, above them all. */
static const char *const layers[] = {"domain", "transfer", "engine", "interproc", "checkers"};
enum { NLAYERS = 5, DRIVER = NLAYERS };

/* The layer a header belongs to, -1 when it is not the analysis's (util.h, ast.h, ...). */
static int layer_of_header(const char *inc, int here)
{
    for (int i = 0; i < NLAYERS; i++) {
        char *dir = xasprintf("%s/", layers[i]);
        bool in = strstr(inc, dir) != NULL;
        free(dir);
        if (in)
            return i;
    }
    /* the public headers of the upper layers */
    if (strcmp(inc, "drvtaint/program.h") == 0)
        return 3;
    if (strcmp(inc, "drvtaint/taint.h") == 0)
        return DRIVER;
    if (!strchr(inc, '/'))
        return here; /* a header next to the file */
    return -1;
}

/* Counts the includes in path of a layer above `here`, printing each. */
static size_t upward_includes(const char *path, int here)
{
    char *text = read_file(path, NULL);
    assert_non_null(text);
    size_t bad = 0;
    for (const char *p = strstr(text, "#include \""); p; p = strstr(p + 1, "#include \"")) {
        const char *q = p + strlen("#include \"");
        const char *end = strchr(q, '"');
        if (!end)
            break;
        char *inc = xasprintf("%.*s", (int)(end - q), q);
        int layer = layer_of_header(inc, here);
        if (layer > here) {
            fprintf(stderr, "%s (layer %s) includes %s (layer %s)\n", path, here == DRIVER ? "driver" : layers[here],
                    inc, layer == DRIVER ? "driver" : layers[layer]);
            bad++;
        }
        free(inc);
    }
    free(text);
    return bad;
}

static size_t scan_layer(const char *dir, int here, size_t *files)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t bad = 0;
    for (struct dirent *de; (de = readdir(d));) {
        char *path = xasprintf("%s/%s", dir, de->d_name);
        if (str_ends_with(path, ".c") || str_ends_with(path, ".h")) {
            (*files)++;
            bad += upward_includes(path, here);
        }
        free(path);
    }
    closedir(d);
    return bad;
}

static void analysis_layers_depend_downward_only(void **state)
{
    (void)state;
    size_t bad = 0;
    for (int i = 0; i < NLAYERS; i++) {
        char *rel = xasprintf("src/analysis/%s", layers[i]);
        char *dir = ts_source_path(rel);
        size_t files = 0;
        bad += scan_layer(dir, i, &files);
        if (files == 0)
            fail_msg("layer %s has no files", rel);
        free(rel);
        free(dir);
    }
    char *root = ts_source_path("src/analysis");
    size_t files = 0;
    bad += scan_layer(root, DRIVER, &files);
    free(root);
    assert_int_equal(bad, 0);
}

/* The check itself: a lower layer that includes a higher one is caught. */
static void an_upward_include_is_caught(void **state)
{
    (void)state;
    char *path = ts_write_temp("upward.c", "#include \"../engine/engine.h\"\n#include \"domain.h\"\n");
    assert_int_equal(upward_includes(path, 1 /* transfer */), 1);
    assert_int_equal(upward_includes(path, 2 /* engine */), 0);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clang_c_stays_in_the_front_end),
        cmocka_unit_test(analysis_layers_depend_downward_only),
        cmocka_unit_test(an_upward_include_is_caught),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
