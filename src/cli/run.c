/* run.c - the pipeline of a run: rules -> inputs -> (parallel) front end -> analysis ->
 * results merged in a fixed order -> report. Each unit's AST is freed as soon as its
 * results are taken, so memory does not grow with the number of units. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "drvtaint/changes.h"
#include "drvtaint/cli.h"
#include "drvtaint/frontend.h"
#include "drvtaint/inputs.h"
#include "drvtaint/inventory.h"
#include "drvtaint/program.h"
#include "drvtaint/report.h"
#include "drvtaint/rules.h"
#include "drvtaint/suppress.h"
#include "drvtaint/triage.h"
#include "drvtaint/taint.h"

typedef struct unit_result {
    report_unit unit;
    strbuf diagnostics; /* verbose parse-health lines */
    inventory inv;
    finding_list findings;
    unit_facts *facts; /* what the unit told the program this round */
} unit_result;

/* Where a unit is. A worker takes a PENDING unit and makes it RUNNING; it becomes DONE when
 * the worker hands in its results, or ABANDONED when --tu-timeout runs out first: the
 * coordinator then writes the unit's result itself and stops waiting for it. */
typedef enum { SLOT_PENDING, SLOT_RUNNING, SLOT_DONE, SLOT_ABANDONED } slot_state;

typedef struct unit_slot {
    slot_state state;
    bool analysing;   /* parsed; the analysis is under way */
    bool has_thread;  /* taken by a worker (thread is set) */
    double started;   /* now_seconds() when a worker took the unit */
    pthread_t thread;
} unit_slot;

/* Everything a worker touches. It lives on the heap and owns what it points to, because a
 * worker whose unit was abandoned may still be inside libclang when the report is written:
 * then none of it is freed (see run_park) and the process ends through cli_exit_abandoned. */
typedef struct run_ctx {
    cli_command command;
    bool verbose;
    rules_set *rules;
    char *shim;
    const char **wdk_include; /* the strings are argv's */
    char **extra_args;        /* copies of the -I/-D/-U strings */
    size_t nextra_args;
    fe_options fe;
    char *prelude_dir; /* this run's precompiled preludes; NULL with --no-prelude */
    input_set inputs;
    unit_result *results;
    fe_memo **memos;   /* per unit: what recovery learned, so later rounds parse once */
    program *prog;     /* the whole driver (scan); frozen while a round runs */
    const bool *dirty; /* rounds after the first: the units to analyse again */
    unsigned round;
    unit_slot *slots;
    pthread_mutex_t lock; /* guards slots, results, claimed, finished, live, abandoned */
    pthread_cond_t changed;
    size_t claimed;   /* units handed out, in input order */
    size_t finished;  /* DONE or ABANDONED */
    unsigned jobs;    /* -j */
    unsigned live;    /* workers still in their loop */
    size_t abandoned; /* units given up (--tu-timeout) */
} run_ctx;

/* A run that gave up on a unit: kept reachable (for LeakSanitizer) and never freed. */
static run_ctx *parked_run;

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

/* The limits the analysis hit, once each over the rounds (-v: also on standard error). */
static void add_limit(report_unit *u, const char *note, bool *added)
{
    *added = false;
    for (size_t j = 0; j < u->nlimits; j++)
        if (strcmp(u->limits[j], note) == 0)
            return;
    u->limits = xrealloc(u->limits, (u->nlimits + 1) * sizeof *u->limits);
    u->limits[u->nlimits++] = xstrdup(note);
    *added = true;
}

static void record_limits(unit_result *r, bool verbose, const char *path)
{
    const char *const *notes;
    size_t n = unit_facts_limits(r->facts, &notes);
    for (size_t k = 0; k < n; k++) {
        bool added;
        add_limit(&r->unit, notes[k], &added);
        if (added && verbose) {
            char *shown = report_display_path(path);
            sb_printf(&r->diagnostics, "%s: analysis limit: %s\n", shown, notes[k]);
            free(shown);
        }
    }
}

static void report_unit_free_limits(report_unit *u)
{
    for (size_t k = 0; k < u->nlimits; k++)
        free(u->limits[k]);
    free(u->limits);
}

static void unit_result_free(unit_result *r)
{
    report_unit_free_limits(&r->unit);
    free(r->unit.path);
    free(r->unit.skip_reason);
    sb_free(&r->diagnostics);
    inventory_free(&r->inv);
    findings_free(&r->findings);
    unit_facts_free(r->facts);
}

/* Analyses unit i into r, which belongs to the caller until it is handed in. After the first
 * round only findings and facts are new. */
static void analyse_unit(run_ctx *ctx, fe_parser *parser, size_t i, unit_result *r)
{
    const input_unit *in = &ctx->inputs.units[i];
    bool scan = ctx->command == CLI_CMD_SCAN;
    if (ctx->round == 0)
        r->unit.path = report_display_path(in->path);
    ast_tu *tu = fe_parse_memo(parser, in->path, (const char *const *)in->args, in->nargs, in->is_cxx,
                               scan ? &ctx->memos[i] : NULL);
    pthread_mutex_lock(&ctx->lock);
    bool abandoned = ctx->slots[i].state == SLOT_ABANDONED;
    ctx->slots[i].analysing = true;
    pthread_mutex_unlock(&ctx->lock);
    if (ctx->round == 0)
        record_health(r, tu, ctx->verbose);
    if (!tu->health.failed && !abandoned) {
        if (scan) {
            r->facts = unit_facts_new();
            taint_analyse_in_program(tu, ctx->rules, ctx->prog, r->facts, &r->findings);
            record_limits(r, ctx->verbose, in->path);
        } else {
            inventory_collect(&r->inv, tu, ctx->rules);
        }
    }
    ast_tu_free(tu);
}

/* Takes units in input order until none is left. A worker whose unit was abandoned drops its
 * results and stops, touching nothing but its slot and the lock on the way out. */
static void *worker(void *arg)
{
    run_ctx *ctx = arg;
    fe_parser *parser = fe_parser_new(&ctx->fe);
    for (;;) {
        pthread_mutex_lock(&ctx->lock);
        size_t i = ctx->claimed;
        bool again = false;
        if (i < ctx->inputs.nunits) {
            ctx->claimed++;
            /* a later round: only the units told something new; one given up on stays so */
            again = ctx->round == 0 || (ctx->dirty[i] && !ctx->results[i].unit.skipped &&
                                        ctx->slots[i].state != SLOT_ABANDONED);
            if (again) {
                ctx->slots[i] = (unit_slot){SLOT_RUNNING, false, true, now_seconds(), pthread_self()};
            } else {
                if (ctx->slots[i].state != SLOT_ABANDONED)
                    ctx->slots[i].state = SLOT_DONE;
                ctx->finished++;
                pthread_cond_signal(&ctx->changed);
            }
        }
        pthread_mutex_unlock(&ctx->lock);
        if (i >= ctx->inputs.nunits)
            break;
        if (!again)
            continue;
        unit_result r = {0};
        analyse_unit(ctx, parser, i, &r);
        pthread_mutex_lock(&ctx->lock);
        bool abandoned = ctx->slots[i].state == SLOT_ABANDONED;
        if (!abandoned) {
            if (ctx->round == 0) {
                ctx->results[i] = r;
            } else { /* a later round sees more of the driver: its findings replace the last ones */
                unit_result *dst = &ctx->results[i];
                findings_free(&dst->findings);
                dst->findings = r.findings;
                unit_facts_free(dst->facts);
                dst->facts = r.facts;
                for (size_t k = 0; k < r.unit.nlimits; k++) { /* a limit hit in any round is said */
                    bool added;
                    add_limit(&dst->unit, r.unit.limits[k], &added);
                    if (added && ctx->verbose)
                        sb_printf(&dst->diagnostics, "%s: analysis limit: %s\n", dst->unit.path, r.unit.limits[k]);
                }
                report_unit_free_limits(&r.unit);
                sb_free(&r.diagnostics);
            }
            ctx->slots[i].state = SLOT_DONE;
            ctx->finished++;
            pthread_cond_signal(&ctx->changed);
        }
        pthread_mutex_unlock(&ctx->lock);
        if (abandoned) {
            unit_result_free(&r);
            fe_parser_free(parser);
            return NULL; /* the coordinator has stopped counting this thread */
        }
    }
    fe_parser_free(parser);
    pthread_mutex_lock(&ctx->lock);
    ctx->live--;
    pthread_cond_signal(&ctx->changed);
    pthread_mutex_unlock(&ctx->lock);
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

typedef VEC(pthread_t) thread_vec;

/* Starts a worker; ctx->lock must be held. */
static bool start_worker(run_ctx *ctx, thread_vec *threads)
{
    pthread_t t;
    if (pthread_create(&t, NULL, worker, ctx) != 0)
        return false;
    VEC_PUSH(threads, t);
    ctx->live++;
    return true;
}

/* Gives up on unit i (ctx->lock held): its result says why, and its thread is on its own. */
static void abandon(run_ctx *ctx, size_t i, unsigned limit)
{
    unit_slot *s = &ctx->slots[i];
    s->state = SLOT_ABANDONED;
    ctx->finished++;
    ctx->abandoned++;
    ctx->live--;
    unit_result *r = &ctx->results[i];
    if (!r->unit.path)
        r->unit.path = report_display_path(ctx->inputs.units[i].path);
    free(r->unit.skip_reason);
    r->unit.skipped = true;
    r->unit.skip_reason =
        xasprintf("%s took longer than %u s (--tu-timeout)", s->analysing ? "analysis" : "parsing", limit);
}

/* The coordinator of a run with --tu-timeout: it only waits, looks at the clock, and gives
 * up on units that run over. libclang cannot be cancelled, so a unit's thread is never
 * stopped; a new worker takes its place so that the other units go on at the same -j. */
static void supervise(run_ctx *ctx, thread_vec *threads, unsigned limit)
{
    size_t n = ctx->inputs.nunits;
    while (ctx->finished < n) {
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += 50 * 1000000L; /* 50 ms: timeouts are whole seconds */
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&ctx->changed, &ctx->lock, &until);
        double now = now_seconds();
        for (size_t i = 0; i < n; i++) {
            if (ctx->slots[i].state != SLOT_RUNNING || now - ctx->slots[i].started < (double)limit)
                continue;
            abandon(ctx, i, limit);
        }
        /* keep -j workers busy: replace the threads given up on */
        while (ctx->claimed < n && ctx->live < ctx->jobs)
            if (!start_worker(ctx, threads))
                break;
        if (ctx->live == 0 && ctx->claimed < n) { /* no thread to be had: the rest is not analysed */
            for (size_t i = ctx->claimed; i < n; i++) {
                unit_result *r = &ctx->results[i];
                r->unit.path = report_display_path(ctx->inputs.units[i].path);
                r->unit.skipped = true;
                r->unit.skip_reason = xstrdup("no thread could be started to analyse it");
                ctx->slots[i].state = SLOT_ABANDONED;
                ctx->finished++;
            }
            ctx->claimed = n;
        }
    }
}

static void run_parallel(run_ctx *ctx, unsigned jobs, unsigned limit)
{
    if (jobs <= 1 && limit == 0) {
        ctx->live = 1;
        worker(ctx);
        return;
    }
    thread_vec threads = {0};
    pthread_mutex_lock(&ctx->lock);
    ctx->jobs = jobs;
    for (unsigned t = 0; t < jobs; t++)
        if (!start_worker(ctx, &threads))
            break;
    bool none = threads.len == 0;
    if (!none && limit > 0)
        supervise(ctx, &threads, limit);
    pthread_mutex_unlock(&ctx->lock);
    if (none) { /* no threads to be had: do the work here, without a time limit */
        ctx->live = 1;
        worker(ctx);
    }
    /* join every worker but those left in an abandoned unit; those are detached, since the
     * process may well end before they do */
    for (size_t t = 0; t < threads.len; t++) {
        bool stuck = false;
        pthread_mutex_lock(&ctx->lock);
        for (size_t i = 0; i < ctx->inputs.nunits && !stuck; i++)
            stuck = ctx->slots[i].state == SLOT_ABANDONED && ctx->slots[i].has_thread &&
                    pthread_equal(ctx->slots[i].thread, threads.items[t]);
        pthread_mutex_unlock(&ctx->lock);
        if (stuck)
            pthread_detach(threads.items[t]);
        else
            pthread_join(threads.items[t], NULL);
    }
    free(threads.items);
}

/* Takes rules and shim. The worker-visible copies of the options are made here, so that
 * nothing a worker reads belongs to the caller. */
static run_ctx *run_new(const cli_options *o, rules_set *rules, char *shim)
{
    run_ctx *ctx = xcalloc(1, sizeof *ctx);
    ctx->command = o->command;
    ctx->verbose = o->verbose;
    ctx->rules = rules;
    ctx->shim = shim;
    ctx->wdk_include = xcalloc(o->wdk_include.len + 1, sizeof(char *));
    for (size_t i = 0; i < o->wdk_include.len; i++)
        ctx->wdk_include[i] = o->wdk_include.items[i];
    ctx->nextra_args = o->extra_args.len;
    ctx->extra_args = xcalloc(o->extra_args.len + 1, sizeof(char *));
    for (size_t i = 0; i < o->extra_args.len; i++)
        ctx->extra_args[i] = xstrdup(o->extra_args.items[i]);
    ctx->fe = (fe_options){
        .shim_dir = shim,
        .wdk_include = ctx->wdk_include,
        .nwdk_include = o->wdk_include.len,
        .extra_args = (const char *const *)ctx->extra_args,
        .nextra_args = ctx->nextra_args,
        .max_recovery_passes = 3,
    };
    if (!o->no_prelude && o->command != CLI_CMD_RULES)
        ctx->fe.prelude_dir = ctx->prelude_dir = fe_prelude_dir_new();
    inputs_init(&ctx->inputs);
    pthread_mutex_init(&ctx->lock, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&ctx->changed, &attr);
    pthread_condattr_destroy(&attr);
    return ctx;
}

static void run_free(run_ctx *ctx)
{
    pthread_cond_destroy(&ctx->changed);
    pthread_mutex_destroy(&ctx->lock);
    inputs_free(&ctx->inputs);
    fe_prelude_dir_remove(ctx->prelude_dir);
    rules_set_free(ctx->rules);
    free(ctx->shim);
    free(ctx->wdk_include);
    for (size_t i = 0; i < ctx->nextra_args; i++)
        free(ctx->extra_args[i]);
    free(ctx->extra_args);
    free(ctx->results);
    free(ctx->slots);
    free(ctx);
}

bool cli_units_abandoned(void)
{
    return parked_run != NULL;
}

/* LeakSanitizer's entry point, present only in a sanitizer build. */
extern void __lsan_do_leak_check(void) __attribute__((weak));

_Noreturn void cli_exit_abandoned(int rc)
{
    fflush(stdout);
    fflush(stderr);
    /* exit() would run libclang's static destructors under the thread that is still parsing;
     * _exit does not, but it skips the at-exit leak check too, so that is run here: what the
     * stuck thread holds is reachable from its stack, the run from parked_run */
    if (__lsan_do_leak_check)
        __lsan_do_leak_check();
    if (parked_run && parked_run->prelude_dir) /* the stuck thread keeps its name; the files go */
        fe_prelude_dir_remove(xstrdup(parked_run->prelude_dir));
    _exit(rc);
}

/* Scans run in rounds: every unit once, then again the units another unit told something
 * new (a helper called with user data, a value kept in the device extension, a summary),
 * until nothing changes. Facts are merged in input order between rounds. */
static void run_rounds(run_ctx *ctx, unsigned jobs, unsigned limit)
{
    size_t n = ctx->inputs.nunits;
    bool *dirty = xcalloc(n ? n : 1, sizeof *dirty);
    ctx->memos = xcalloc(n ? n : 1, sizeof *ctx->memos);
    ctx->prog = ctx->command == CLI_CMD_SCAN ? program_new() : NULL;
    ctx->dirty = dirty;
    for (ctx->round = 0; ctx->round < PROGRAM_MAX_ROUNDS; ctx->round++) {
        ctx->claimed = ctx->finished = 0;
        run_parallel(ctx, jobs, limit);
        if (!ctx->prog)
            break;
        for (size_t i = 0; i < n; i++)
            if (ctx->results[i].facts) {
                program_merge(ctx->prog, i, ctx->results[i].facts);
                ctx->results[i].facts = NULL;
            }
        size_t again = program_end_round(ctx->prog, n, dirty);
        /* a unit not told anything new rarely is later: its memo goes (it would recover again) */
        pthread_mutex_lock(&ctx->lock);
        for (size_t i = 0; i < n; i++)
            if (!dirty[i] && ctx->slots[i].state != SLOT_ABANDONED) {
                fe_memo_free(ctx->memos[i]);
                ctx->memos[i] = NULL;
            }
        pthread_mutex_unlock(&ctx->lock);
        if (ctx->verbose && again && ctx->round + 1 < PROGRAM_MAX_ROUNDS)
            fprintf(stderr, "drvtaint: round %u: %zu units analysed again with what other units told\n",
                    ctx->round + 2, again);
        if (!again)
            break;
        if (ctx->round + 1 == PROGRAM_MAX_ROUNDS) /* the round cap: the units left behind say so */
            for (size_t i = 0; i < n; i++)
                if (dirty[i] && !ctx->results[i].unit.skipped) {
                    static const char note[] = "other units told it something new after the last whole-driver round; "
                                               "it was not analysed again with that";
                    bool added;
                    add_limit(&ctx->results[i].unit, note, &added);
                    if (added && ctx->verbose)
                        sb_printf(&ctx->results[i].diagnostics, "%s: analysis limit: %s\n", ctx->results[i].unit.path,
                                  note);
                }
    }
    ctx->dirty = NULL;
    free(dirty);
    if (ctx->abandoned)
        return; /* a stuck worker may still read the program and its memo: parked with the run */
    program_free(ctx->prog);
    ctx->prog = NULL;
    for (size_t i = 0; i < n; i++)
        fe_memo_free(ctx->memos[i]);
    free(ctx->memos);
    ctx->memos = NULL;
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

    char *err = NULL;
    char *root = cli_project_root(o, &err);
    change_set changes = {0};
    if (root && o->changed_files && changes_load_list(&changes, o->changed_files, root, &err) != 0)
        free(root), root = NULL;
    if (root && o->since && changes_load_git(&changes, o->since, root, &err) != 0)
        free(root), root = NULL;
    if (!root) {
        fprintf(stderr, "drvtaint: error: %s\n", err);
        free(err);
        changes_free(&changes);
        for (size_t i = 0; i < baseline_n; i++)
            free(baseline_fps[i]);
        free(baseline_fps);
        free(shim);
        rules_set_free(rules);
        return CLI_EXIT_USAGE;
    }

    run_ctx *ctx = run_new(o, rules, shim);
    input_set *inputs = &ctx->inputs;
    int rc = CLI_EXIT_CLEAN;
    if (o->compdb) {
        err = NULL;
        if (inputs_load_compdb(inputs, o->compdb, &err) != 0) {
            fprintf(stderr, "drvtaint: error: %s\n", err ? err : "cannot read the compile database");
            free(err);
            rc = CLI_EXIT_USAGE;
        }
    }
    for (size_t i = 0; i < o->paths.len && rc == CLI_EXIT_CLEAN; i++)
        inputs_add_path(inputs, o->paths.items[i]);
    inputs_finish(inputs);

    ctx->results = xcalloc(inputs->nunits ? inputs->nunits : 1, sizeof *ctx->results);
    ctx->slots = xcalloc(inputs->nunits ? inputs->nunits : 1, sizeof *ctx->slots);
    if (rc == CLI_EXIT_CLEAN)
        run_rounds(ctx, job_count(o, inputs->nunits), o->tu_timeout);

    /* merge in input order: output never depends on thread timing */
    inventory inv = {0};
    finding_list findings = {0};
    size_t skipped = inputs->nerrors, with_errors = 0, nfunctions = 0;
    for (size_t i = 0; i < inputs->nerrors; i++)
        fprintf(stderr, "drvtaint: error: %s: %s\n", inputs->errors[i].input, inputs->errors[i].message);
    report_unit *units = xcalloc(inputs->nunits ? inputs->nunits : 1, sizeof *units);
    for (size_t i = 0; i < inputs->nunits; i++) {
        unit_result *r = &ctx->results[i];
        if (r->diagnostics.len)
            fputs(r->diagnostics.buf, stderr);
        sb_free(&r->diagnostics);
        if (!r->unit.skipped && r->unit.health.errors && o->strict) { /* the reports say so too */
            r->unit.skipped = true;
            r->unit.skip_reason = xasprintf("--strict: %u compiler errors left after recovery in %u functions "
                                            "(its findings are still reported)",
                                            r->unit.health.errors, r->unit.health.functions_with_errors);
            with_errors++;
        }
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

    /* what the team already judged (suppressions, the baseline) and, in pull-request mode,
     * what the change touches */
    triage_result tr = {0};
    if (scan) {
        const char **sources = xcalloc(inputs->nunits ? inputs->nunits : 1, sizeof *sources);
        for (size_t i = 0; i < inputs->nunits; i++)
            sources[i] = inputs->units[i].path;
        triage_options to = {rules, sources, inputs->nunits, baseline_fps, baseline_n, o->baseline, root,
                             o->changed_files || o->since ? &changes : NULL, o->report_stale, o->strict};
        triage_findings(&findings, &to, &tr);
        free(sources);
        if (tr.messages.len)
            fputs(tr.messages.buf, stderr);
    }

    if (rc == CLI_EXIT_CLEAN) {
        strbuf out = {0};
        report_input_error *ierr = xcalloc(inputs->nerrors ? inputs->nerrors : 1, sizeof *ierr);
        for (size_t i = 0; i < inputs->nerrors; i++)
            ierr[i] = (report_input_error){inputs->errors[i].input, inputs->errors[i].message};
        report_meta meta = {.tool_version = DRVTAINT_VERSION, .units = units, .nunits = inputs->nunits,
                            .input_errors = ierr, .ninput_errors = inputs->nerrors, .stale = tr.stale.items,
                            .nstale = tr.stale.len, .baseline = o->baseline != NULL, .root = root,
                            .keep_suppressed = o->keep_suppressed};
        if (scan && o->format == CLI_FORMAT_SARIF)
            report_findings_sarif(&out, &findings, rules, &meta);
        else if (scan && o->format == CLI_FORMAT_JSON)
            report_findings_json(&out, &findings, &meta);
        else if (scan && o->format == CLI_FORMAT_MSVC)
            report_findings_msvc(&out, &findings, rules, &meta);
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
    /* a stale suppression is a warning; one naming no rule too (an error with --strict) */
    if (o->fail_on != CLI_FAIL_NONE && o->fail_on <= CLI_FAIL_WARNING)
        failing += tr.stale.len + tr.bad_suppressions;
    else if (o->fail_on == CLI_FAIL_ERROR && o->strict)
        failing += tr.bad_suppressions;
    if (!o->quiet && scan)
        fprintf(stderr,
                "drvtaint: %zu units (%zu with errors after recovery, %zu not analysed), %zu functions, "
                "%zu findings (%zu error, %zu warning, %zu note; %zu suppressed, %zu in baseline), %.2f s\n",
                inputs->nunits, with_errors, skipped, nfunctions,
                by_severity[FINDING_ERROR] + by_severity[FINDING_WARNING] + by_severity[FINDING_NOTE],
                by_severity[FINDING_ERROR], by_severity[FINDING_WARNING], by_severity[FINDING_NOTE], tr.nsuppressed,
                tr.nbaseline, now_seconds() - start);
    else if (!o->quiet)
        fprintf(stderr, "drvtaint: %zu units (%zu with errors after recovery, %zu not analysed), %zu functions, %zu sink calls, %.2f s\n",
                inputs->nunits, with_errors, skipped, nfunctions, inv.len, now_seconds() - start);
    if (rc == CLI_EXIT_CLEAN && (skipped > 0 || (o->strict && with_errors > 0)))
        rc = CLI_EXIT_SKIPPED;
    if (rc == CLI_EXIT_CLEAN && failing > 0)
        rc = CLI_EXIT_FINDINGS;

    for (size_t i = 0; i < inputs->nunits; i++) {
        free(units[i].path);
        free(units[i].skip_reason);
        report_unit_free_limits(&units[i]);
    }
    free(units);
    triage_result_free(&tr);
    changes_free(&changes);
    free(root);
    for (size_t i = 0; i < baseline_n; i++)
        free(baseline_fps[i]);
    free(baseline_fps);
    inventory_free(&inv);
    findings_free(&findings);
    if (ctx->abandoned)
        parked_run = ctx; /* a worker may still read it: see cli_exit_abandoned */
    else
        run_free(ctx);
    return rc;
}
