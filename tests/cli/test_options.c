/* test_options.c - --help and the parser read one option table: every option the help
 * advertises parses with a value of its kind, and every row of the table is in the help. */
#include "test_support.h"

#include "drvtaint/cli.h"
#include "drvtaint/util.h"

static char *help_text(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    cli_write_help(f, NULL);
    fclose(f);
    return buf;
}

static const cli_option_spec *row_named(const char *name)
{
    size_t n;
    const cli_option_spec *t = cli_option_table(&n);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < 2; k++)
            if (t[i].names[k] && strcmp(t[i].names[k], name) == 0)
                return &t[i];
    return NULL;
}

static int parse(const char *cmd, const char *opt, const char *value, cli_options *o)
{
    char *argv[6] = {"drvtaint", (char *)cmd, (char *)opt, NULL, NULL, NULL};
    int argc = 3;
    if (value)
        argv[argc++] = (char *)value;
    argv[argc++] = "x.c";
    return cli_parse(argc, argv, o);
}

/* The option words of the help's left column: "-j N" gives -j, "--dump=cfg|state" gives
 * --dump with the value cfg (each alternative a|b|c is tried), "-v, --verbose" both. */
static void every_advertised_option_parses(void **state)
{
    (void)state;
    char *help = help_text();
    size_t checked = 0;
    for (char *line = strtok(help, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "  -", 3) != 0)
            continue;
        char col[64] = {0};
        size_t n;
        char *gap = strstr(line + 2, "  "); /* the column ends at the first double space */
        n = gap ? (size_t)(gap - (line + 2)) : strlen(line + 2);
        if (n >= sizeof col)
            n = sizeof col - 1;
        memcpy(col, line + 2, n);
        /* the column's words, by hand: strtok is busy with the lines */
        char *p = col;
        while (*p) {
            while (*p == ' ' || *p == ',')
                p++;
            if (*p != '-') {
                while (*p && *p != ' ' && *p != ',')
                    p++;
                continue;
            }
            char word[64];
            size_t k = strcspn(p, " ,");
            memcpy(word, p, k);
            word[k] = 0;
            p += k;
            char *eq = strchr(word, '=');
            char *alts = eq ? eq + 1 : NULL;
            if (eq)
                *eq = 0;
            const cli_option_spec *row = row_named(word);
            if (!row)
                fail_msg("--help advertises '%s', which no option table row parses", word);
            const char *cmd = "scan";
            do {
                char val[64] = {0};
                if (alts) {
                    size_t a = strcspn(alts, "|");
                    memcpy(val, alts, a);
                    alts = alts[a] ? alts + a + 1 : NULL;
                }
                cli_options o;
                int rc;
                if (strcmp(word, "--function") == 0) {
                    char *argv[] = {"drvtaint", "scan", "--dump=cfg", "--function", "F", "x.c"};
                    rc = cli_parse(6, argv, &o);
                } else if (row->value) {
                    char *opt = xasprintf("%s=%s", word, *val ? val : row->example);
                    /* short options take their value as the next word */
                    rc = word[1] == '-' ? parse(cmd, opt, NULL, &o) : parse(cmd, word, *val ? val : row->example, &o);
                    free(opt);
                } else {
                    rc = parse(cmd, word, NULL, &o);
                }
                if (rc > 0)
                    fail_msg("'%s%s%s' is in --help and does not parse", word, *val ? "=" : "", val);
                cli_options_free(&o);
                checked++;
            } while (alts);
        }
    }
    free(help);
    assert_true(checked >= 20);
}

static void every_row_is_in_the_help(void **state)
{
    (void)state;
    char *help = help_text();
    size_t n;
    const cli_option_spec *t = cli_option_table(&n);
    for (size_t i = 0; i < n; i++) {
        char *want = xasprintf("  %s", t[i].label ? t[i].label : t[i].names[0]);
        if (!t[i].label) { /* shown on another row's line: "-I DIR, -D NAME[=V], -U NAME" */
            free(want);
            want = xasprintf("%s %s", t[i].names[0], t[i].value);
        }
        if (!strstr(help, want))
            fail_msg("option '%s' is missing from --help", t[i].names[0]);
        free(want);
        /* and each row parses with its example value */
        cli_options o;
        int rc = t[i].value ? parse("scan", t[i].names[0], t[i].example, &o) : parse("scan", t[i].names[0], NULL, &o);
        if (strcmp(t[i].names[0], "--function") == 0)
            assert_int_equal(rc, CLI_EXIT_USAGE); /* alone it has nothing to select */
        else if (rc > 0)
            fail_msg("option '%s %s' does not parse", t[i].names[0], t[i].example ? t[i].example : "");
        cli_options_free(&o);
    }
    free(help);
}

static void dump_kinds_and_their_errors(void **state)
{
    (void)state;
    cli_options o;
    char *a1[] = {"drvtaint", "scan", "--dump=state", "--function", "Dispatch", "x.c"};
    assert_int_equal(cli_parse(6, a1, &o), 0);
    assert_int_equal(o.dump, CLI_DUMP_STATE);
    assert_string_equal(o.dump_function, "Dispatch");
    cli_options_free(&o);
    char *a2[] = {"drvtaint", "scan", "--dump=ast", "x.c"};
    assert_int_equal(cli_parse(4, a2, &o), CLI_EXIT_USAGE);
    cli_options_free(&o);
    char *a3[] = {"drvtaint", "inventory", "--dump=cfg", "x.c"};
    assert_int_equal(cli_parse(4, a3, &o), CLI_EXIT_USAGE);
    cli_options_free(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_advertised_option_parses),
        cmocka_unit_test(every_row_is_in_the_help),
        cmocka_unit_test(dump_kinds_and_their_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
