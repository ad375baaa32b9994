/* cli.h - command-line options and the run of one subcommand. */
#ifndef DRVTAINT_CLI_H
#define DRVTAINT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "drvtaint/util.h"

/* --tu-timeout when none is given (docs/cli.md says why this value). */
#define CLI_DEFAULT_TU_TIMEOUT 300u

/* Exit codes; documented in docs/cli.md and `drvtaint --help`. */
enum {
    CLI_EXIT_CLEAN = 0,
    CLI_EXIT_FINDINGS = 1, /* findings at or above --fail-on */
    CLI_EXIT_USAGE = 2,    /* bad command line, rules or configuration */
    CLI_EXIT_SKIPPED = 3   /* a unit could not be analysed (with --strict: or had parse errors) */
};

typedef enum { CLI_CMD_NONE, CLI_CMD_SCAN, CLI_CMD_INVENTORY, CLI_CMD_RULES } cli_command;
typedef enum { CLI_FORMAT_TEXT, CLI_FORMAT_JSON, CLI_FORMAT_MARKDOWN, CLI_FORMAT_SARIF, CLI_FORMAT_MSVC } cli_format;
typedef enum { CLI_FAIL_NONE, CLI_FAIL_NOTE, CLI_FAIL_WARNING, CLI_FAIL_ERROR } cli_fail_on;
typedef enum { CLI_DUMP_NONE, CLI_DUMP_CFG, CLI_DUMP_STATE, CLI_DUMP_SUMMARIES } cli_dump;

typedef struct cli_options {
    cli_command command;
    VEC(const char *) paths;       /* files and directories to analyse */
    VEC(const char *) rules;       /* --rules PATH (repeatable) */
    VEC(const char *) wdk_include; /* --wdk-include DIR (repeatable) */
    VEC(const char *) extra_args;  /* -I DIR, -D NAME[=V], -U NAME passed to the parser */
    const char *compdb;            /* -p DIR|FILE */
    const char *output;            /* -o FILE */
    const char *baseline;          /* --baseline FILE */
    const char *root;              /* --root DIR: the project root (%SRCROOT%) */
    const char *changed_files;     /* --changed-files FILE|- */
    const char *since;             /* --since REV */
    unsigned jobs;                 /* -j N; 0 = number of cores */
    unsigned tu_timeout;           /* --tu-timeout SECONDS per unit; 0 = no limit */
    cli_format format;
    cli_fail_on fail_on;
    bool no_default_rules, strict, verbose, quiet, report_stale;
    cli_dump dump;                 /* --dump=cfg|state|summaries */
    const char *dump_function;     /* --function NAME: only this function is dumped */
    bool keep_suppressed;          /* --keep-suppressed: SARIF keeps suppressed results */
    bool no_prelude; /* --no-prelude: no precompiled WDK prelude */
} cli_options;

/* One row of the option table that both cli_parse and --help read. */
typedef enum { CLI_SECTION_INPUTS, CLI_SECTION_OPTIONS } cli_option_section;
typedef struct cli_option_spec {
    cli_option_section section;
    const char *names[2]; /* spellings that parse: "-j", "--jobs" */
    const char *label;    /* the help's left column; NULL: shown on another row's line */
    const char *value;    /* the value's name, NULL for a flag */
    const char *help;     /* lines after the first are indented; a leading newline puts the
                             text under a long label */
    int (*apply)(struct cli_options *o, const char *v); /* 0, CLI_EXIT_USAGE, or -1/-2 (help, version) */
    const char *example;  /* a value that parses (for the test that every row does) */
    const char *needs;    /* the error when the value is missing: "needs <needs>" */
} cli_option_spec;

const cli_option_spec *cli_option_table(size_t *n);

/* Parses argv; on error prints a message and returns CLI_EXIT_USAGE; returns -1 when
 * the run is done already (--help, --version). Paths point into argv. */
int cli_parse(int argc, char **argv, cli_options *o);
void cli_options_free(cli_options *o);
void cli_print_help(const char *command);
void cli_write_help(FILE *out, const char *command);

/* The project root, absolute (heap): --root, else the compile database's directory, else the
 * git repository holding the first input, else the first input's directory. NULL with *err when
 * --root is not a directory. */
char *cli_project_root(const cli_options *o, char **err);

/* Where the shipped rules/ and include/wdk/ live; caller frees. */
char *cli_data_dir(void);

int cli_run_rules(const cli_options *o);
int cli_run_units(const cli_options *o); /* scan and inventory */
int cli_run_dump(const cli_options *o);  /* scan --dump=...: the analysis as text, no report */

/* True when cli_run_units gave up on a unit whose thread is still running (--tu-timeout).
 * libclang cannot be interrupted, so the process must then end with cli_exit_abandoned,
 * which never returns: it runs the leak check when built with LeakSanitizer and leaves
 * without the libraries' exit-time destructors, which the stuck thread may still use. */
bool cli_units_abandoned(void);
_Noreturn void cli_exit_abandoned(int rc);

#endif
