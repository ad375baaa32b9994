/* dump.c - `drvtaint scan --dump=cfg|state|summaries [--function NAME]`: the analysis of each
 * unit as text on standard output instead of a report, one unit after another in input
 * order (docs/cli.md). For tests and for finding out why a finding is or is not there. */
#include <stdio.h>
#include <stdlib.h>

#include "drvtaint/cli.h"
#include "drvtaint/frontend.h"
#include "drvtaint/inputs.h"
#include "drvtaint/rules.h"
#include "drvtaint/taint.h"

static rules_set *dump_rules(const cli_options *o, const char *data_dir)
{
    rules_set *rules = rules_set_new();
    char *err = NULL;
    int rc = 0;
    if (!o->no_default_rules) {
        char *dir = xasprintf("%s/rules", data_dir);
        rc = rules_load_path(rules, dir, &err);
        free(dir);
    }
    for (size_t i = 0; rc == 0 && i < o->rules.len; i++)
        rc = rules_load_path(rules, o->rules.items[i], &err);
    if (rc == 0)
        return rules;
    fprintf(stderr, "drvtaint: error: %s\n", err ? err : "cannot load rules");
    free(err);
    rules_set_free(rules);
    return NULL;
}

int cli_run_dump(const cli_options *o)
{
    static const taint_dump_kind kinds[] = {[CLI_DUMP_CFG] = TAINT_DUMP_CFG, [CLI_DUMP_STATE] = TAINT_DUMP_STATE,
                                            [CLI_DUMP_SUMMARIES] = TAINT_DUMP_SUMMARIES};
    char *data_dir = cli_data_dir();
    rules_set *rules = dump_rules(o, data_dir);
    char *shim = xasprintf("%s/include/wdk", data_dir);
    free(data_dir);
    if (!rules) {
        free(shim);
        return CLI_EXIT_USAGE;
    }
    input_set inputs;
    inputs_init(&inputs);
    inputs_set_options(&inputs, (input_options){.configuration = o->configuration, .all_projects = o->all_projects});
    int rc = CLI_EXIT_CLEAN;
    if (o->compdb) {
        char *err = NULL;
        if (inputs_load_compdb(&inputs, o->compdb, &err) != 0) {
            fprintf(stderr, "drvtaint: error: %s\n", err ? err : "cannot read the compile database");
            free(err);
            rc = CLI_EXIT_USAGE;
        }
    }
    for (size_t i = 0; i < o->paths.len; i++)
        inputs_add_path(&inputs, o->paths.items[i]);
    inputs_finish(&inputs);
    for (size_t i = 0; i < inputs.nerrors; i++) {
        fprintf(stderr, "drvtaint: error: %s: %s\n", inputs.errors[i].input, inputs.errors[i].message);
        rc = CLI_EXIT_SKIPPED;
    }
    fe_options fe = {
        .shim_dir = shim,
        .wdk_include = o->wdk_include.items,
        .nwdk_include = o->wdk_include.len,
        .extra_args = o->extra_args.items,
        .nextra_args = o->extra_args.len,
        .max_recovery_passes = 3,
    };
    fe_parser *parser = fe_parser_new(&fe);
    for (size_t i = 0; i < inputs.nunits && rc != CLI_EXIT_USAGE; i++) {
        const input_unit *in = &inputs.units[i];
        ast_tu *tu = fe_parse(parser, in->path, (const char *const *)in->args, in->nargs, in->is_cxx);
        if (tu->health.failed) {
            fprintf(stderr, "drvtaint: error: %s: could not be parsed\n", in->path);
            rc = CLI_EXIT_SKIPPED;
        } else {
            strbuf out = {0};
            taint_dump(tu, rules, kinds[o->dump], o->dump_function, &out);
            printf("unit %s:\n%s", in->path, out.buf ? out.buf : "");
            sb_free(&out);
        }
        ast_tu_free(tu);
    }
    fflush(stdout);
    fe_parser_free(parser);
    inputs_free(&inputs);
    rules_set_free(rules);
    free(shim);
    return rc;
}
