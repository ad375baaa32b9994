/* run.c - the pipeline of a run: rules -> inputs -> (parallel) front end -> analysis ->
 * results merged in a fixed order -> report. Each unit's AST is freed as soon as its
 * results are taken, so memory does not grow with the number of units. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "drvtaint/cli.h"
#include "drvtaint/frontend.h"
#include "drvtaint/inputs.h"
#include "drvtaint/inventory.h"
#include "drvtaint/program.h"
#include "drvtaint/report.h"
#include "drvtaint/rules.h"
#include "drvtaint/suppress.h"
#include "drvtaint/taint.h"

typedef struct unit_result {
    report_unit unit;
    strbuf diagnostics; /* verbose parse-health lines */
    inventory inv;
    finding_list findings;
    unit_facts *facts; /* what the unit told the program this round */
    fe_memo *memo;     /* what recovery learned, so later rounds parse once */
} unit_result;

typedef struct run_ctx {
    const cli_options *opts;
    const rules_set *rules;
    fe_options fe;
    const input_set *inputs;
    unit_result *results;
    atomic_size_t next;
    program *prog;     /* the whole driver (scan) */
    const bool *dirty; /* rounds after the first: the units to analyse again */
    unsigned round;
} run_ctx;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void record_health(unit_result *r, const ast_tu *tu, bool verbose)
{
    r->unit.health = tu->health;
    r->unit.health.failure = NULL;
    r->unit.nfunctions = tu->nfuncs;
    if (tu->health.failed) {
        r->unit.skipped = true;
        r->unit.skip_reason = xstrdup(tu->health.failure ? tu->health.failure : "could not be parsed");
    }
    if (!verbose)
        return;
    char *path = report_display_path(tu->path);
    sb_printf(&r->diagnostics, "%s: %zu functions, %u errors before recovery, %u after (%u names declared in %u passes)",
              path, tu->nfuncs, tu->health.errors_before_recovery, tu->health.errors, tu->health.declared_unknown,
              tu->health.recovery_passes);
    if (tu->health.functions_with_errors) {
        sb_append(&r->diagnostics, "; functions with errors:");
        for (size_t i = 0; i < tu->nfuncs; i++)
            if (tu->funcs[i]->nerrors)
                sb_printf(&r->diagnostics, " %s(%u)", tu->funcs[i]->name, tu->funcs[i]->nerrors);
    }
    sb_putc(&r->diagnostics, '\n');
    for (size_t i = 0; i < tu->ndiags; i++) {
        const ast_diag *d = &tu->diags[i];
        char *dpath = report_display_path(d->loc.file ? d->loc.file : tu->path);
        sb_printf(&r->diagnostics, "  %s:%u:%u: error: %s", dpath, d->loc.line, d->loc.col, d->message);
        if (d->function)
            sb_printf(&r->diagnostics, " [in %s]", d->function);
        sb_putc(&r->diagnostics, '\n');
        free(dpath);
    }
    free(path);
}

static void analyse_unit(run_ctx *ctx, fe_parser *parser, size_t i)
{
    const input_unit *in = &ctx->inputs->units[i];
    unit_result *r = &ctx->results[i];
    if (ctx->round > 0 && (!ctx->dirty[i] || r->unit.skipped))
        return;
    if (ctx->round == 0)
        r->unit.path = report_display_path(in->path);
    bool scan = ctx->opts->command == CLI_CMD_SCAN;
    ast_tu *tu = fe_parse_memo(parser, in->path, (const char *const *)in->args, in->nargs, in->is_cxx,
                               scan ? &r->memo : NULL);
    if (ctx->round == 0)
        record_health(r, tu, ctx->opts->verbose);
    if (!tu->health.failed) {
        if (ctx->opts->command == CLI_CMD_SCAN) {
            /* a later round sees more of the driver: its findings replace the last ones */
            findings_free(&r->findings);
            r->facts = unit_facts_new();
            taint_analyse_in_program(tu, ctx->rules, ctx->prog, r->facts, &r->findings);
        } else {
            inventory_collect(&r->inv, tu, ctx->rules);
        }
    }
    ast_tu_free(tu);
}

static void *worker(void *arg)
{
    run_ctx *ctx = arg;
    fe_parser *parser = fe_parser_new(&ctx->fe);
    for (;;) {
        size_t i = atomic_fetch_add(&ctx->next, 1);
        if (i >= ctx->inputs->nunits)
            break;
        analyse_unit(ctx, parser, i);
    }
    fe_parser_free(parser);
    return NULL;
}

static unsigned job_count(const cli_options *o, size_t nunits)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned jobs = o->jobs ? o->jobs : (cores > 0 ? (unsigned)cores : 1);
    if (jobs > nunits)
        jobs = nunits ? (unsigned)nunits : 1;
    return jobs;
}

static void run_parallel(run_ctx *ctx, unsigned jobs)
{
    if (jobs <= 1) {
        worker(ctx);
        return;
    }
    pthread_t *threads = xcalloc(jobs, sizeof *threads);
    unsigned started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, ctx) != 0)
            break;
    if (started == 0)
        worker(ctx); /* no threads to be had: do the work here */
    for (unsigned t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
}

/* Scans run in rounds: every unit once, then again the units another unit told something
 * new (a helper called with user data, a value kept in the device extension, a summary),
 * until nothing changes. Facts are merged in input order between rounds. */
static void run_rounds(run_ctx *ctx, unsigned jobs)
{
    size_t n = ctx->inputs->nunits;
    bool *dirty = xcalloc(n ? n : 1, sizeof *dirty);
    ctx->prog = ctx->opts->command == CLI_CMD_SCAN ? program_new() : NULL;
    ctx->dirty = dirty;
    for (ctx->round = 0; ctx->round < PROGRAM_MAX_ROUNDS; ctx->round++) {
        atomic_store(&ctx->next, 0);
        run_parallel(ctx, jobs);
        if (!ctx->prog)
            break;
        for (size_t i = 0; i < n; i++)
            if (ctx->results[i].facts) {
                program_merge(ctx->prog, i, ctx->results[i].facts);
                ctx->results[i].facts = NULL;
            }
        size_t again = program_end_round(ctx->prog, n, dirty);
        if (ctx->opts->verbose && again)
            fprintf(stderr, "drvtaint: round %u: %zu units analysed again with what other units told\n",
                    ctx->round + 2, again);
        if (!again)
            break;
    }
    program_free(ctx->prog);
    ctx->prog = NULL;
    for (size_t i = 0; i < n; i++) {
        fe_memo_free(ctx->results[i].memo);
        ctx->results[i].memo = NULL;
    }
    free(dirty);
}

/* Loads bundled and user rules; prints the error and returns NULL on failure. */
static rules_set *load_rules(const cli_options *o, const char *data_dir)
{
    rules_set *rules = rules_set_new();
    char *err = NULL;
    if (!o->no_default_rules) {
        char *dir = xasprintf("%s/rules", data_dir);
        int rc = rules_load_path(rules, dir, &err);
        free(dir);
        if (rc != 0)
            goto fail;
    }
    for (size_t i = 0; i < o->rules.len; i++)
        if (rules_load_path(rules, o->rules.items[i], &err) != 0)
            goto fail;
    return rules;
fail:
    fprintf(stderr, "drvtaint: error: %s\n", err ? err : "cannot load rules");
    free(err);
    rules_set_free(rules);
    return NULL;
}

static int emit(const cli_options *o, strbuf *out)
{
    if (o->output) {
        if (report_write_file(o->output, out->buf ? out->buf : "", out->len) != 0) {
            fprintf(stderr, "drvtaint: error: cannot write '%s': %s\n", o->output, strerror(errno));
            return CLI_EXIT_USAGE;
        }
        return 0;
    }
    if (out->len)
        fwrite(out->buf, 1, out->len, stdout);
    fflush(stdout);
    return 0;
}

int cli_run_rules(const cli_options *o)
{
    char *data_dir = cli_data_dir();
    rules_set *rules = load_rules(o, data_dir);
    free(data_dir);
    if (!rules)
        return CLI_EXIT_USAGE;
    strbuf out = {0};
    if (o->format == CLI_FORMAT_JSON)
        report_rules_json(&out, rules);
    else if (o->format == CLI_FORMAT_MARKDOWN)
        report_rules_markdown(&out, rules);
    else
        report_rules_text(&out, rules);
    int rc = emit(o, &out);
    sb_free(&out);
    rules_set_free(rules);
    return rc;
}

int cli_run_units(const cli_options *o)
{
    double start = now_seconds();
    char *data_dir = cli_data_dir();
    rules_set *rules = load_rules(o, data_dir);
    if (!rules) {
        free(data_dir);
        return CLI_EXIT_USAGE;
    }
    char *shim = xasprintf("%s/include/wdk", data_dir);
    free(data_dir);
    char **baseline_fps = NULL;
    size_t baseline_n = 0;
    if (o->baseline) {
        char *err = NULL;
        if (baseline_load(o->baseline, &baseline_fps, &baseline_n, &err) != 0) {
            fprintf(stderr, "drvtaint: error: %s\n", err);
            free(err);
            free(shim);
            rules_set_free(rules);
            return CLI_EXIT_USAGE;
        }
    }

    input_set inputs;
    inputs_init(&inputs);
    int rc = CLI_EXIT_CLEAN;
    if (o->compdb) {
        char *err = NULL;
        if (inputs_load_compdb(&inputs, o->compdb, &err) != 0) {
            fprintf(stderr, "drvtaint: error: %s\n", err ? err : "cannot read the compile database");
            free(err);
            rc = CLI_EXIT_USAGE;
        }
    }
    for (size_t i = 0; i < o->paths.len && rc == CLI_EXIT_CLEAN; i++)
        inputs_add_path(&inputs, o->paths.items[i]);
    inputs_finish(&inputs);

    run_ctx ctx = {.opts = o, .rules = rules, .inputs = &inputs};
    ctx.fe = (fe_options){
        .shim_dir = shim,
        .wdk_include = o->wdk_include.items,
        .nwdk_include = o->wdk_include.len,
        .extra_args = o->extra_args.items,
        .nextra_args = o->extra_args.len,
        .max_recovery_passes = 3,
    };
    ctx.results = xcalloc(inputs.nunits ? inputs.nunits : 1, sizeof *ctx.results);
    if (rc == CLI_EXIT_CLEAN)
        run_rounds(&ctx, job_count(o, inputs.nunits));

    /* merge in input order: output never depends on thread timing */
    inventory inv = {0};
    finding_list findings = {0};
    size_t skipped = inputs.nerrors, with_errors = 0, nfunctions = 0;
    for (size_t i = 0; i < inputs.nerrors; i++)
        fprintf(stderr, "drvtaint: error: %s: %s\n", inputs.errors[i].input, inputs.errors[i].message);
    report_unit *units = xcalloc(inputs.nunits ? inputs.nunits : 1, sizeof *units);
    for (size_t i = 0; i < inputs.nunits; i++) {
        unit_result *r = &ctx.results[i];
        if (r->diagnostics.len)
            fputs(r->diagnostics.buf, stderr);
        sb_free(&r->diagnostics);
        if (r->unit.skipped) {
            fprintf(stderr, "drvtaint: error: %s: not analysed: %s\n", r->unit.path, r->unit.skip_reason);
            skipped++;
        } else if (r->unit.health.errors) {
            with_errors++;
        }
        nfunctions += r->unit.nfunctions;
        inventory_move(&inv, &r->inv);
        findings_move(&findings, &r->findings);
        units[i] = r->unit;
    }
    inventory_finish(&inv);
    findings_finish(&findings);
    bool scan = o->command == CLI_CMD_SCAN;

    /* what the team already judged: in-source suppressions and the baseline */
    suppression_set sup = {0};
    VEC(report_stale) stale = {0};
    size_t nsuppressed = 0, nbaseline = 0;
    if (scan) {
        suppress_apply(&sup, &findings, rules);
        if (o->report_stale)
            for (size_t i = 0; i < inputs.nunits; i++)
                suppress_scan_file(&sup, inputs.units[i].path, rules);
        for (size_t i = 0; i < sup.len; i++) {
            const suppression *sp = &sup.items[i];
            char *path = report_display_path(sp->file);
            if (!sp->reason)
                fprintf(stderr, "%s:%u:1: warning: suppression of %s without a reason is ignored (write "
                                "'// drvtaint-ignore[%s]: why')\n",
                        path, sp->line, sp->rule, sp->rule);
            else if (!sp->used && o->report_stale)
                VEC_PUSH(&stale, ((report_stale){sp->file, sp->rule, sp->line}));
            free(path);
        }
        baseline_apply(&findings, baseline_fps, baseline_n);
        for (size_t i = 0; i < findings.len; i++) {
            nsuppressed += findings.items[i].suppressed != NULL;
            nbaseline += findings.items[i].in_baseline && !findings.items[i].suppressed;
        }
    }

    if (rc == CLI_EXIT_CLEAN) {
        strbuf out = {0};
        report_input_error *ierr = xcalloc(inputs.nerrors ? inputs.nerrors : 1, sizeof *ierr);
        for (size_t i = 0; i < inputs.nerrors; i++)
            ierr[i] = (report_input_error){inputs.errors[i].input, inputs.errors[i].message};
        report_meta meta = {.tool_version = DRVTAINT_VERSION, .units = units, .nunits = inputs.nunits,
                            .input_errors = ierr, .ninput_errors = inputs.nerrors, .stale = stale.items,
                            .nstale = stale.len, .baseline = o->baseline != NULL};
        if (scan && o->format == CLI_FORMAT_SARIF)
            report_findings_sarif(&out, &findings, rules, &meta);
        else if (scan && o->format == CLI_FORMAT_JSON)
            report_findings_json(&out, &findings, &meta);
        else if (scan && o->format == CLI_FORMAT_MSVC)
            report_findings_msvc(&out, &findings, &meta);
        else if (scan)
            report_findings_text(&out, &findings, &meta);
        else if (o->format == CLI_FORMAT_JSON)
            report_inventory_json(&out, &inv, &meta);
        else
            report_inventory_text(&out, &inv);
        rc = emit(o, &out);
        sb_free(&out);
        free(ierr);
    }
    size_t by_severity[3] = {0}, failing = 0;
    for (size_t i = 0; i < findings.len; i++) {
        if (!report_is_active(&findings.items[i]))
            continue;
        by_severity[findings.items[i].severity]++;
        if (o->fail_on != CLI_FAIL_NONE && (int)findings.items[i].severity >= (int)o->fail_on - 1)
            failing++;
    }
    /* a stale suppression is a warning */
    if (o->fail_on != CLI_FAIL_NONE && o->fail_on <= CLI_FAIL_WARNING)
        failing += stale.len;
    if (!o->quiet && scan)
        fprintf(stderr,
                "drvtaint: %zu units (%zu with errors after recovery, %zu not analysed), %zu functions, "
                "%zu findings (%zu error, %zu warning, %zu note; %zu suppressed, %zu in baseline), %.2f s\n",
                inputs.nunits, with_errors, skipped, nfunctions,
                by_severity[FINDING_ERROR] + by_severity[FINDING_WARNING] + by_severity[FINDING_NOTE],
                by_severity[FINDING_ERROR], by_severity[FINDING_WARNING], by_severity[FINDING_NOTE], nsuppressed,
                nbaseline, now_seconds() - start);
    else if (!o->quiet)
        fprintf(stderr, "drvtaint: %zu units (%zu with errors after recovery, %zu not analysed), %zu functions, %zu sink calls, %.2f s\n",
                inputs.nunits, with_errors, skipped, nfunctions, inv.len, now_seconds() - start);
    if (rc == CLI_EXIT_CLEAN && (skipped > 0 || (o->strict && with_errors > 0)))
        rc = CLI_EXIT_SKIPPED;
    if (rc == CLI_EXIT_CLEAN && failing > 0)
        rc = CLI_EXIT_FINDINGS;

    for (size_t i = 0; i < inputs.nunits; i++) {
        free(units[i].path);
        free(units[i].skip_reason);
    }
    free(units);
    free(ctx.results);
    suppress_free(&sup);
    free(stale.items);
    for (size_t i = 0; i < baseline_n; i++)
        free(baseline_fps[i]);
    free(baseline_fps);
    inventory_free(&inv);
    findings_free(&findings);
    inputs_free(&inputs);
    rules_set_free(rules);
    free(shim);
    return rc;
}
