/* options.c - the command line: subcommands, options, --help that is true. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/cli.h"

/* The text around the option table; the options themselves are printed from the table. */
static const char *const usage_head =
    "usage: drvtaint <command> [options] [PATH...]\n"
    "\n"
    "Finds IOCTL input that reaches privileged operations (MSR, port I/O, physical and\n"
    "kernel memory) in Windows kernel-driver source, without parsing on Windows.\n"
    "\n"
    "commands:\n"
    "  scan       report sink calls whose index, port, address or size is user-controlled\n"
    "             and not bounded on every path\n"
    "  inventory  list every call to a privileged operation (every rule sink)\n"
    "  rules      list the loaded rules, sinks, sources and sanitizers\n";

static const char *const usage_tail =
    "\n"
    "suppressions (scan):\n"
    "  // drvtaint-ignore[RULE]: reason     on the finding's line or the line before\n"
    "  #pragma prefast(suppress: RULE, \"reason\")\n"
    "  /* drvtaint-ignore[RULE]: reason */  the same, as a block comment\n"
    "  RULE is a rule id or its code (DT1001); one that names no loaded rule is a\n"
    "  warning (an error with --strict). Suppressed findings leave the text output and\n"
    "  the exit code; JSON keeps them, SARIF only with --keep-suppressed.\n"
    "\n"
    "exit status:\n"
    "  0  no findings at or above --fail-on\n"
    "  1  findings at or above --fail-on\n"
    "  2  usage, rules or configuration error\n"
    "  3  a unit could not be analysed (missing, unreadable, binary, unparsable, over\n"
    "     --tu-timeout; with --strict also a unit with compiler errors left after recovery)\n"
    "\n"
    "environment:\n"
    "  DRVTAINT_DATA_DIR    directory holding rules/ and include/wdk/ (default: next to the\n"
    "                       installed binary, else the source tree it was built from)\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("drvtaint: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n(run 'drvtaint --help' for usage)\n", stderr);
    return CLI_EXIT_USAGE;
}

/* ---- what each option does with its value (NULL for a flag) ---- */

static int set_verbose(cli_options *o, const char *v) { (void)v; o->verbose = true; return 0; }
static int set_quiet(cli_options *o, const char *v) { (void)v; o->quiet = true; return 0; }
static int set_strict(cli_options *o, const char *v) { (void)v; o->strict = true; return 0; }
static int set_report_stale(cli_options *o, const char *v) { (void)v; o->report_stale = true; return 0; }
static int set_no_default_rules(cli_options *o, const char *v) { (void)v; o->no_default_rules = true; return 0; }
static int set_no_prelude(cli_options *o, const char *v) { (void)v; o->no_prelude = true; return 0; }
static int set_baseline(cli_options *o, const char *v) { o->baseline = v; return 0; }
static int set_keep_suppressed(cli_options *o, const char *v) { (void)v; o->keep_suppressed = true; return 0; }
static int set_root(cli_options *o, const char *v) { o->root = v; return 0; }
static int set_changed_files(cli_options *o, const char *v) { o->changed_files = v; return 0; }
static int set_since(cli_options *o, const char *v) { o->since = v; return 0; }
static int add_rules(cli_options *o, const char *v) { VEC_PUSH(&o->rules, v); return 0; }
static int add_wdk_include(cli_options *o, const char *v) { VEC_PUSH(&o->wdk_include, v); return 0; }
static int set_compdb(cli_options *o, const char *v) { o->compdb = v; return 0; }
static int set_output(cli_options *o, const char *v) { o->output = v; return 0; }
static int set_function(cli_options *o, const char *v) { o->dump_function = v; return 0; }
static int want_help(cli_options *o, const char *v) { (void)o; (void)v; return -1; }
static int want_version(cli_options *o, const char *v) { (void)o; (void)v; return -2; }

static int set_jobs(cli_options *o, const char *v)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || n < 1 || n > 1024)
        return usage_error("-j takes a number from 1 to 1024, not '%s'", v);
    o->jobs = (unsigned)n;
    return 0;
}

static int set_tu_timeout(cli_options *o, const char *v)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || !*v || n < 0 || n > 86400)
        return usage_error("--tu-timeout takes seconds from 0 (no limit) to 86400, not '%s'", v);
    o->tu_timeout = (unsigned)n;
    return 0;
}

static int set_format(cli_options *o, const char *v)
{
    static const struct { const char *name; cli_format f; } formats[] = {
        {"text", CLI_FORMAT_TEXT}, {"json", CLI_FORMAT_JSON}, {"markdown", CLI_FORMAT_MARKDOWN},
        {"sarif", CLI_FORMAT_SARIF}, {"msvc", CLI_FORMAT_MSVC},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(v, formats[i].name) == 0) {
            o->format = formats[i].f;
            return 0;
        }
    return usage_error("unknown format '%s' (expected text, msvc, json, sarif, or markdown for rules)", v);
}

static int set_fail_on(cli_options *o, const char *v)
{
    static const char *const levels[] = {"none", "note", "warning", "error"}; /* cli_fail_on order */
    for (size_t i = 0; i < 4; i++)
        if (strcmp(v, levels[i]) == 0) {
            o->fail_on = (cli_fail_on)i;
            return 0;
        }
    return usage_error("unknown --fail-on level '%s' (expected none, note, warning or error)", v);
}

static int set_dump(cli_options *o, const char *v)
{
    static const char *const kinds[] = {"", "cfg", "state", "summaries"}; /* cli_dump order */
    for (size_t i = 1; i < 4; i++)
        if (strcmp(v, kinds[i]) == 0) {
            o->dump = (cli_dump)i;
            return 0;
        }
    return usage_error("unknown --dump kind '%s' (expected cfg, state or summaries)", v);
}

/* -I DIR, -D NAME[=V], -U NAME go to the parser as written (the flag is in the value's name) */
static int add_include(cli_options *o, const char *v) { VEC_PUSH(&o->extra_args, xasprintf("-I%s", v)); return 0; }
static int add_define(cli_options *o, const char *v) { VEC_PUSH(&o->extra_args, xasprintf("-D%s", v)); return 0; }
static int add_undefine(cli_options *o, const char *v) { VEC_PUSH(&o->extra_args, xasprintf("-U%s", v)); return 0; }

/* The one table: cli_parse reads it and --help prints it, so the help cannot advertise an
 * option the parser rejects (tests/cli/test_options.c parses every row with its example). */
static const cli_option_spec option_table[] = {
    {CLI_SECTION_INPUTS, {"-p"}, "-p DIR|FILE", "DIR", "read compile_commands.json (in DIR, or FILE)", set_compdb, ".", "a directory or compile_commands.json"},
    {CLI_SECTION_INPUTS, {"-I"}, "-I DIR, -D NAME[=V], -U NAME", "DIR",
     "\nextra preprocessor flags for every unit", add_include, "inc", "a value"},
    {CLI_SECTION_INPUTS, {"-D"}, NULL, "NAME[=V]", NULL, add_define, "X=1", "a value"},
    {CLI_SECTION_INPUTS, {"-U"}, NULL, "NAME", NULL, add_undefine, "X", "a value"},
    {CLI_SECTION_INPUTS, {"--wdk-include"}, "--wdk-include DIR", "DIR",
     "real WDK headers (repeatable); replaces the bundled WDK shim", add_wdk_include, "wdk", "a directory"},
    {CLI_SECTION_OPTIONS, {"--rules"}, "--rules PATH", "PATH", "load rules from a .json file or a directory (repeatable)",
     add_rules, "rules", "a file or directory"},
    {CLI_SECTION_OPTIONS, {"--no-default-rules"}, "--no-default-rules", NULL, "do not load the bundled rules/",
     set_no_default_rules, NULL, NULL},
    {CLI_SECTION_OPTIONS, {"--format"}, "--format FORMAT", "FORMAT",
     "text (gcc style), msvc (path(line,col): ...), json, or sarif\n(SARIF 2.1.0, scan only); default text;\n"
     "rules takes text, json or markdown",
     set_format, "json", "text or json"},
    {CLI_SECTION_OPTIONS, {"-o"}, "-o FILE", "FILE", "write the report to FILE instead of standard output", set_output,
     "out.json", "a file name"},
    {CLI_SECTION_OPTIONS, {"--fail-on"}, "--fail-on LEVEL", "LEVEL",
     "none|note|warning|error: exit 1 when a finding is at or above\nLEVEL (default warning)", set_fail_on, "error", "none, note, warning or error"},
    {CLI_SECTION_OPTIONS, {"--baseline"}, "--baseline FILE", "FILE",
     "a previous JSON or SARIF report: findings already in it are\nmarked unchanged and do not fail the run",
     set_baseline, "old.json", "a report file"},
    {CLI_SECTION_OPTIONS, {"--report-stale"}, "--report-stale", NULL,
     "report suppressions that match no finding (as warnings)", set_report_stale, NULL, NULL},
    {CLI_SECTION_OPTIONS, {"--root"}, "--root DIR", "DIR",
     "project root: SARIF paths (%SRCROOT%) and baseline fingerprints\nare relative to it (default: the -p directory, else the git\n"
     "repository of the first input, else that input's directory)",
     set_root, ".", "a directory"},
    {CLI_SECTION_OPTIONS, {"--keep-suppressed"}, "--keep-suppressed", NULL,
     "SARIF: keep suppressed results (with \"suppressions\"); by\ndefault they are left out, since GitHub ignores suppressions",
     set_keep_suppressed, NULL, NULL},
    {CLI_SECTION_OPTIONS, {"--changed-files"}, "--changed-files FILE", "FILE",
     "analyse everything, but report and fail only on findings whose\ntrace touches a file listed in FILE (one path a line; - reads\n"
     "standard input)",
     set_changed_files, "-", "a file listing paths, or - for standard input"},
    {CLI_SECTION_OPTIONS, {"--since"}, "--since REV", "REV",
     "the same for what changed since git revision REV (the lines of\n'git diff -U0 REV', plus files not yet tracked)",
     set_since, "HEAD", "a git revision"},
    {CLI_SECTION_OPTIONS, {"--strict"}, "--strict", NULL,
     "treat a unit with compiler errors left after recovery as not\nanalysed (exit 3)", set_strict, NULL, NULL},
    {CLI_SECTION_OPTIONS, {"-j", "--jobs"}, "-j N", "N", "analyse N units in parallel (default: number of cores)",
     set_jobs, "2", "a number"},
    {CLI_SECTION_OPTIONS, {"--no-prelude"}, "--no-prelude", NULL,
     "parse the WDK headers in every unit instead of once per run\n(a precompiled prelude; for comparisons and debugging)",
     set_no_prelude, NULL, NULL},
    {CLI_SECTION_OPTIONS, {"--tu-timeout"}, "--tu-timeout SECONDS", "SECONDS",
     "give up on a unit after SECONDS (wall clock, parse and\nanalysis); it is reported as not analysed (exit 3).\n"
     "0 = no limit; default 300",
     set_tu_timeout, "60", "a number of seconds"},
    {CLI_SECTION_OPTIONS, {"-v", "--verbose"}, "-v, --verbose", NULL,
     "print parse health of every unit and the whole-driver rounds\nto standard error", set_verbose, NULL, NULL},
    {CLI_SECTION_OPTIONS, {"-q", "--quiet"}, "-q, --quiet", NULL, "no summary line on standard error", set_quiet, NULL, NULL},
    {CLI_SECTION_OPTIONS, {"--dump"}, "--dump=cfg|state|summaries", "KIND",
     "\nprint, for each function (or the one --function names), its\n"
     "CFG, the analysis state at each block, or its summary (debugging)",
     set_dump, "state", "cfg, state or summaries"},
    {CLI_SECTION_OPTIONS, {"--function"}, "--function NAME", "NAME", "the function --dump prints (default: all)",
     set_function, "DriverEntry", "a function name"},
    {CLI_SECTION_OPTIONS, {"-h", "--help"}, "-h, --help", NULL, "this help (also after a command)",
     want_help, NULL, NULL},
    {CLI_SECTION_OPTIONS, {"--version"}, "--version", NULL, "print version information", want_version, NULL, NULL},
};

const cli_option_spec *cli_option_table(size_t *n)
{
    *n = sizeof option_table / sizeof option_table[0];
    return option_table;
}

enum { HELP_COLUMN = 23 }; /* where the description starts */

static void write_section(FILE *out, cli_option_section section)
{
    static const char pad[] = "                       ";
    for (size_t i = 0; i < sizeof option_table / sizeof option_table[0]; i++) {
        const cli_option_spec *op = &option_table[i];
        if (op->section != section || !op->label)
            continue;
        size_t n = fprintf(out, "  %s", op->label);
        const char *h = op->help;
        if (*h == '\n') { /* a long label: the text starts on the next line */
            fputc('\n', out);
            n = 0;
            h++;
        }
        fprintf(out, "%.*s", (int)(n < HELP_COLUMN ? HELP_COLUMN - n : 1), pad);
        for (; *h; h++) {
            fputc(*h, out);
            if (*h == '\n')
                fputs(pad, out);
        }
        fputc('\n', out);
    }
}

void cli_write_help(FILE *out, const char *command)
{
    (void)command;
    fputs(usage_head, out);
    fputs("\ninputs (scan, inventory):\n"
          "  PATH...              C/C++ files, or directories searched for *.c *.cpp *.cc *.cxx\n",
          out);
    write_section(out, CLI_SECTION_INPUTS);
    fputs("\noptions:\n", out);
    write_section(out, CLI_SECTION_OPTIONS);
    fputs(usage_tail, out);
}

void cli_print_help(const char *command)
{
    cli_write_help(stdout, command);
}

/* Value of an option given as "--opt VALUE", "--opt=VALUE" or "-oVALUE". */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) == 0 && a[n] == '=')
        return a + n + 1;
    if (strcmp(a, name) == 0)
        return *i + 1 < argc ? argv[++*i] : NULL;
    if (name[1] != '-' && strncmp(a, name, n) == 0 && a[n]) /* -j4, -Ifoo */
        return a + n;
    return NULL;
}

static bool option_is(const char *a, const char *name)
{
    size_t n = strlen(name);
    if (strcmp(a, name) == 0)
        return true;
    if (strncmp(a, name, n) == 0 && a[n] == '=')
        return true;
    return name[1] != '-' && strncmp(a, name, n) == 0 && a[n] != '\0';
}

int cli_parse(int argc, char **argv, cli_options *o)
{
    memset(o, 0, sizeof *o);
    o->fail_on = CLI_FAIL_WARNING;
    o->tu_timeout = CLI_DEFAULT_TU_TIMEOUT;
    int i = 1;
    if (argc < 2) {
        cli_write_help(stderr, NULL);
        return CLI_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        cli_print_help(NULL);
        return -1;
    }
    if (strcmp(cmd, "--version") == 0) {
        o->command = CLI_CMD_NONE;
        return -2;
    }
    if (strcmp(cmd, "scan") == 0)
        o->command = CLI_CMD_SCAN;
    else if (strcmp(cmd, "inventory") == 0)
        o->command = CLI_CMD_INVENTORY;
    else if (strcmp(cmd, "rules") == 0)
        o->command = CLI_CMD_RULES;
    else
        return usage_error("unknown command '%s' (expected scan, inventory or rules)", cmd);

    bool only_paths = false;
    for (i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v;
        if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
            VEC_PUSH(&o->paths, a);
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_paths = true;
            continue;
        }
        const cli_option_spec *op = NULL;
        const char *name = NULL;
        for (size_t k = 0; k < sizeof option_table / sizeof option_table[0] && !op; k++)
            for (size_t m = 0; m < 2 && option_table[k].names[m] && !op; m++)
                if (option_table[k].value ? option_is(a, option_table[k].names[m])
                                          : strcmp(a, option_table[k].names[m]) == 0) {
                    op = &option_table[k];
                    name = op->names[m];
                }
        if (!op)
            return usage_error("unknown option '%s'", a);
        if (op->value && !(v = option_value(argc, argv, &i, name))) {
            fputs("drvtaint: error: ", stderr);
            fprintf(stderr, "%s needs %s\n(run 'drvtaint --help' for usage)\n", op->names[0],
                    op->needs ? op->needs : op->value);
            return CLI_EXIT_USAGE;
        }
        int rc = op->apply(o, op->value ? v : NULL);
        if (rc == -1)
            cli_print_help(cmd);
        if (rc)
            return rc;
    }
    if (o->command != CLI_CMD_RULES && o->paths.len == 0 && !o->compdb)
        return usage_error("%s: no input: give files or directories, or -p DIR", cmd);
    if (o->format == CLI_FORMAT_MSVC && o->command != CLI_CMD_SCAN)
        return usage_error("--format msvc is for '%s' only", "scan");
    if (o->format == CLI_FORMAT_SARIF && o->command != CLI_CMD_SCAN)
        return usage_error("--format sarif is for '%s' only", "scan");
    if (o->format == CLI_FORMAT_MARKDOWN && o->command != CLI_CMD_RULES)
        return usage_error("--format markdown is for '%s' only; use text or json", "rules");
    if (o->dump_function && !o->dump)
        return usage_error("%s is for --dump; add --dump=cfg, state or summaries", "--function");
    if (o->dump && o->command != CLI_CMD_SCAN)
        return usage_error("--dump is for '%s' only", "scan");
    if (o->command == CLI_CMD_RULES && o->paths.len > 0)
        return usage_error("'rules' takes no paths (got '%s'); use --rules PATH to add rule files", o->paths.items[0]);
    return 0;
}

void cli_options_free(cli_options *o)
{
    free(o->paths.items);
    free(o->rules.items);
    free(o->wdk_include.items);
    for (size_t i = 0; i < o->extra_args.len; i++)
        free((void *)o->extra_args.items[i]);
    free(o->extra_args.items);
}
