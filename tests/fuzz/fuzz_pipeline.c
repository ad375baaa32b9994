/* fuzz_pipeline.c - libFuzzer target: the whole scan of one unit on arbitrary source.
 *
 * The input is written to a scratch file and goes through exactly what `drvtaint scan` and
 * `drvtaint inventory` do with a unit (src/cli/run.c): the front end parses it as an x64
 * kernel-mode build with the bundled WDK shim and up to three recovery passes and lowers it to
 * the AST; each function's CFG is built and printed; the taint analysis and the inventory run
 * with the bundled rules; in-source suppressions are applied; every reporter renders the result.
 * An input that starts with the line "//c++" is parsed as C++ (the seeds from samples/cpp). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/cfg.h"
#include "drvtaint/frontend.h"
#include "drvtaint/inventory.h"
#include "drvtaint/report.h"
#include "drvtaint/rules.h"
#include "drvtaint/suppress.h"
#include "drvtaint/taint.h"
#include "drvtaint/util.h"
#include "fuzz_support.h"

static rules_set *rules;
static fe_parser *parser;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    rules = rules_set_new();
    char *err = NULL;
    if (rules_load_path(rules, DRVTAINT_SOURCE_DIR "/rules", &err) != 0) {
        fprintf(stderr, "fuzz_pipeline: cannot load the bundled rules: %s\n", err);
        abort();
    }
    static const fe_options opts = {.shim_dir = DRVTAINT_SOURCE_DIR "/include/wdk", .max_recovery_passes = 3};
    parser = fe_parser_new(&opts);
    devnull = fopen("/dev/null", "w");
    if (!devnull)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char cxx_marker[] = "//c++\n";
    bool is_cxx = size >= sizeof cxx_marker - 1 && memcmp(data, cxx_marker, sizeof cxx_marker - 1) == 0;
    char *path = fz_write(is_cxx ? "unit.cpp" : "unit.c", data, size);

    ast_tu *tu = fe_parse(parser, path, NULL, 0, is_cxx);
    report_unit unit = {.path = path, .health = tu->health, .nfunctions = tu->nfuncs};
    unit.health.failure = NULL;
    finding_list findings = {0};
    inventory inv = {0};
    if (tu->health.failed) {
        unit.skipped = true;
        unit.skip_reason = (char *)(tu->health.failure ? tu->health.failure : "could not be parsed");
    } else {
        for (size_t i = 0; i < tu->nfuncs; i++) {
            arena *scratch = arena_new();
            cfg_function *g = cfg_build(tu->funcs[i], scratch);
            cfg_print(devnull, g);
            arena_free(scratch);
        }
        taint_analyse_unit(tu, rules, &findings);
        inventory_collect(&inv, tu, rules);
    }
    findings_finish(&findings);
    inventory_finish(&inv);

    suppression_set sup = {0};
    suppress_apply(&sup, &findings, rules);
    report_meta meta = {.tool_version = "fuzz", .units = &unit, .nunits = 1, .keep_suppressed = true};
    strbuf out = {0};
    report_findings_text(&out, &findings, &meta);
    report_findings_msvc(&out, &findings, rules, &meta);
    report_findings_json(&out, &findings, &meta);
    report_findings_sarif(&out, &findings, rules, &meta);
    report_inventory_text(&out, &inv);
    report_inventory_json(&out, &inv, &meta);
    for (size_t i = 0; i < findings.len; i++)
        free(finding_fingerprint(&findings.items[i], NULL));
    sb_free(&out);

    suppress_free(&sup);
    inventory_free(&inv);
    findings_free(&findings);
    ast_tu_free(tu); /* after the reports: the skip reason lives in its arena */
    free(path);
    return 0;
}
