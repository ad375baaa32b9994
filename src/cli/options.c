/* options.c - the command line: subcommands, options, --help that is true. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/cli.h"

static const char *const usage_text =
    "usage: drvtaint <command> [options] [PATH...]\n"
    "\n"
    "Finds IOCTL input that reaches privileged operations (MSR, port I/O, physical and\n"
    "kernel memory) in Windows kernel-driver source, without parsing on Windows.\n"
    "\n"
    "commands:\n"
    "  scan       report sink calls whose index, port, address or size is user-controlled\n"
    "             and not bounded on every path\n"
    "  inventory  list every call to a privileged operation (every rule sink)\n"
    "  rules      list the loaded rules, sinks, sources and sanitizers\n"
    "\n"
    "inputs (scan, inventory):\n"
    "  PATH...              C/C++ files, or directories searched for *.c *.cpp *.cc *.cxx\n"
    "  -p DIR|FILE          read compile_commands.json (in DIR, or FILE)\n"
    "  -I DIR, -D NAME[=V], -U NAME\n"
    "                       extra preprocessor flags for every unit\n"
    "  --wdk-include DIR    real WDK headers (repeatable); replaces the bundled WDK shim\n"
    "  --exclude GLOB       leave paths matching GLOB out of directory scans and of the\n"
    "                       search for headers (repeatable); .gitignore files are honoured\n"
    "  --no-gitignore       scan what .gitignore files leave out, too\n"
    "\n"
    "options:\n"
    "  --rules PATH         load rules from a .json file or a directory (repeatable)\n"
    "  --no-default-rules   do not load the bundled rules/\n"
    "  --format FORMAT      text (gcc style), msvc (path(line,col): ...), json, or sarif\n"
    "                       (SARIF 2.1.0, scan only); default text;\n"
    "                       rules takes text, json or markdown\n"
    "  -o FILE              write the report to FILE instead of standard output\n"
    "  --fail-on LEVEL      none|note|warning|error: exit 1 when a finding is at or above\n"
    "                       LEVEL (default warning)\n"
    "  --baseline FILE      a previous JSON or SARIF report: findings already in it are\n"
    "                       marked unchanged and do not fail the run\n"
    "  --report-stale       report suppressions that match no finding (as warnings)\n"
    "  --strict             treat a unit with compiler errors left after recovery as not\n"
    "                       analysed (exit 3)\n"
    "  -j N                 analyse N units in parallel (default: number of cores)\n"
    "  --no-prelude         parse the WDK headers in every unit instead of once per run\n"
    "                       (a precompiled prelude; for comparisons and debugging)\n"
    "  --tu-timeout SECONDS give up on a unit after SECONDS (wall clock, parse and\n"
    "                       analysis); it is reported as not analysed (exit 3).\n"
    "                       0 = no limit; default 300\n"
    "  -v, --verbose        print parse health of every unit and the whole-driver rounds\n"
    "                       to standard error\n"
    "  -q, --quiet          no summary line on standard error\n"
    "  --dump=ast           print the lowered functions of each unit (debugging)\n"
    "  -h, --help           this help;  drvtaint COMMAND --help for that command\n"
    "  --version            print version information\n"
    "\n"
    "suppressions (scan):\n"
    "  // drvtaint-ignore[RULE]: reason     on the finding's line or the line before\n"
    "  #pragma prefast(suppress: RULE, \"reason\")\n"
    "  Suppressed findings stay in JSON and SARIF and leave the text output and exit code.\n"
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

void cli_print_help(const char *command)
{
    (void)command;
    fputs(usage_text, stdout);
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("drvtaint: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n(run 'drvtaint --help' for usage)\n", stderr);
    return CLI_EXIT_USAGE;
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

static int parse_jobs(const char *v, unsigned *jobs)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || n < 1 || n > 1024)
        return usage_error("-j takes a number from 1 to 1024, not '%s'", v);
    *jobs = (unsigned)n;
    return 0;
}

static int parse_tu_timeout(const char *v, unsigned *seconds)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || !*v || n < 0 || n > 86400)
        return usage_error("--tu-timeout takes seconds from 0 (no limit) to 86400, not '%s'", v);
    *seconds = (unsigned)n;
    return 0;
}

int cli_parse(int argc, char **argv, cli_options *o)
{
    memset(o, 0, sizeof *o);
    o->fail_on = CLI_FAIL_WARNING;
    o->tu_timeout = CLI_DEFAULT_TU_TIMEOUT;
    int i = 1;
    if (argc < 2) {
        fputs(usage_text, stderr);
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
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            cli_print_help(cmd);
            return -1;
        } else if (strcmp(a, "--version") == 0) {
            return -2;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            o->verbose = true;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o->quiet = true;
        } else if (strcmp(a, "--strict") == 0) {
            o->strict = true;
        } else if (strcmp(a, "--report-stale") == 0) {
            o->report_stale = true;
        } else if (option_is(a, "--baseline")) {
            if (!(v = option_value(argc, argv, &i, "--baseline")))
                return usage_error("%s needs a report file", "--baseline");
            o->baseline = v;
        } else if (strcmp(a, "--no-default-rules") == 0) {
            o->no_default_rules = true;
        } else if (strcmp(a, "--no-prelude") == 0) {
            o->no_prelude = true;
        } else if (option_is(a, "--rules")) {
            if (!(v = option_value(argc, argv, &i, "--rules")))
                return usage_error("%s needs a file or directory", "--rules");
            VEC_PUSH(&o->rules, v);
        } else if (option_is(a, "--exclude")) {
            if (!(v = option_value(argc, argv, &i, "--exclude")))
                return usage_error("%s needs a glob", "--exclude");
            VEC_PUSH(&o->exclude, v);
        } else if (strcmp(a, "--no-gitignore") == 0) {
            o->no_gitignore = true;
        } else if (option_is(a, "--wdk-include")) {
            if (!(v = option_value(argc, argv, &i, "--wdk-include")))
                return usage_error("%s needs a directory", "--wdk-include");
            VEC_PUSH(&o->wdk_include, v);
        } else if (option_is(a, "-p")) {
            if (!(v = option_value(argc, argv, &i, "-p")))
                return usage_error("%s needs a directory or compile_commands.json", "-p");
            o->compdb = v;
        } else if (option_is(a, "-o")) {
            if (!(v = option_value(argc, argv, &i, "-o")))
                return usage_error("%s needs a file name", "-o");
            o->output = v;
        } else if (option_is(a, "-j") || option_is(a, "--jobs")) {
            if (!(v = option_value(argc, argv, &i, a[1] == 'j' ? "-j" : "--jobs")))
                return usage_error("%s needs a number", "-j");
            if (parse_jobs(v, &o->jobs))
                return CLI_EXIT_USAGE;
        } else if (option_is(a, "--tu-timeout")) {
            if (!(v = option_value(argc, argv, &i, "--tu-timeout")))
                return usage_error("%s needs a number of seconds", "--tu-timeout");
            if (parse_tu_timeout(v, &o->tu_timeout))
                return CLI_EXIT_USAGE;
        } else if (option_is(a, "--format")) {
            if (!(v = option_value(argc, argv, &i, "--format")))
                return usage_error("%s needs text or json", "--format");
            if (strcmp(v, "text") == 0)
                o->format = CLI_FORMAT_TEXT;
            else if (strcmp(v, "json") == 0)
                o->format = CLI_FORMAT_JSON;
            else if (strcmp(v, "markdown") == 0)
                o->format = CLI_FORMAT_MARKDOWN;
            else if (strcmp(v, "sarif") == 0)
                o->format = CLI_FORMAT_SARIF;
            else if (strcmp(v, "msvc") == 0)
                o->format = CLI_FORMAT_MSVC;
            else
                return usage_error("unknown format '%s' (expected text, msvc, json, sarif, or markdown for rules)", v);
        } else if (option_is(a, "--fail-on")) {
            if (!(v = option_value(argc, argv, &i, "--fail-on")))
                return usage_error("%s needs none, note, warning or error", "--fail-on");
            if (strcmp(v, "none") == 0)
                o->fail_on = CLI_FAIL_NONE;
            else if (strcmp(v, "note") == 0)
                o->fail_on = CLI_FAIL_NOTE;
            else if (strcmp(v, "warning") == 0)
                o->fail_on = CLI_FAIL_WARNING;
            else if (strcmp(v, "error") == 0)
                o->fail_on = CLI_FAIL_ERROR;
            else
                return usage_error("unknown --fail-on level '%s' (expected none, note, warning or error)", v);
        } else if (option_is(a, "-I") || option_is(a, "-D") || option_is(a, "-U")) {
            char flag[3] = {a[0], a[1], 0};
            if (!(v = option_value(argc, argv, &i, flag)))
                return usage_error("%s needs a value", flag);
            VEC_PUSH(&o->extra_args, xasprintf("%s%s", flag, v));
        } else {
            return usage_error("unknown option '%s'", a);
        }
    }
    if (o->command != CLI_CMD_RULES && o->paths.len == 0 && !o->compdb)
        return usage_error("%s: no input: give files or directories, or -p DIR", cmd);
    if (o->format == CLI_FORMAT_MSVC && o->command != CLI_CMD_SCAN)
        return usage_error("--format msvc is for '%s' only", "scan");
    if (o->format == CLI_FORMAT_SARIF && o->command != CLI_CMD_SCAN)
        return usage_error("--format sarif is for '%s' only", "scan");
    if (o->format == CLI_FORMAT_MARKDOWN && o->command != CLI_CMD_RULES)
        return usage_error("--format markdown is for '%s' only; use text or json", "rules");
    if (o->command == CLI_CMD_RULES && o->paths.len > 0)
        return usage_error("'rules' takes no paths (got '%s'); use --rules PATH to add rule files", o->paths.items[0]);
    return 0;
}

void cli_options_free(cli_options *o)
{
    free(o->paths.items);
    free(o->rules.items);
    free(o->wdk_include.items);
    free(o->exclude.items);
    for (size_t i = 0; i < o->extra_args.len; i++)
        free((void *)o->extra_args.items[i]);
    free(o->extra_args.items);
}
