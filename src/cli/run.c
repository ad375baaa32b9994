/* run.c - a run of scan, audit or inventory, in the order it happens:
 *   collect (rules, baseline, inputs) -> rounds (units in supervised worker processes;
 *   a scan repeats the units another unit told something new) -> merge (in input order) ->
 *   triage (suppressions, baseline) -> render (one table of report formats) -> exit code.
 * Results are merged in input order, so output never depends on process timing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "drvtaint/asm.h"
#include "drvtaint/audit.h"
#include "drvtaint/changes.h"
#include "drvtaint/rules_asm.h"
#include "drvtaint/suppress.h"
#include "drvtaint/triage.h"
#include "run_internal.h"

/* Everything the run owns. A child process inherits it and reads it; only the parent writes. */
typedef struct run {
    const cli_options *o;
    rules_set *rules;
    char *shim;
    char **baseline_fps;
    size_t baseline_n;
    char *root;          /* the project root (paths in reports and the baseline) */
    change_set changes;  /* pull-request mode: what the change touches */
    fe_options fe;
    char *search_root; /* the first folder scanned (fe_options.search_root) */
    char *prelude_dir; /* this run's precompiled preludes; NULL with --no-prelude */
    fe_parser *parser; /* made once, before the first child: each child inherits it */
    input_set inputs;
    unit_result *results;
    fe_memo **memos; /* scan: per unit, what recovery learned, so later rounds parse once */
    program **progs; /* scan and audit: one whole driver per project */
    size_t nprogs;   /* 1 + the number of projects: [0] holds the units of no project */
    unsigned round;
} run;

/* What the report says, merged in input order. */
typedef struct merged {
    inventory inv;
    finding_list findings;
    finding_list checked;    /* audit: user values found bounded at sinks */
    surface *surfs;          /* per unit (audit, inventory) */
    const char **unit_paths; /* per unit, the input paths the surfaces belong to */
    const char **unit_projects; /* per unit, its project's build file, or NULL (the audit's drivers) */
    report_unit *units;
    size_t skipped, with_errors, nfunctions, lost_header;
    triage_result tr;
} merged;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
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

/* ---- collect: rules, baseline, inputs ---- */

/* -v: which build files were read, how, and what was left out of the analysis. */
static void print_projects(const input_set *in)
{
    for (size_t i = 0; i < in->nprojects; i++) {
        const input_project *p = &in->projects[i];
        char *path = report_display_path(p->path);
        fprintf(stderr, "drvtaint: project %s%s%s%s: %s, %zu source%s, %s\n", path, p->configuration ? " (" : "",
                p->configuration ? p->configuration : "", p->configuration ? ")" : "", input_kind_name(p->kind),
                p->nsources, p->nsources == 1 ? "" : "s", p->analysed ? "analysed" : "skipped (--all-projects)");
        free(path);
    }
    for (size_t i = 0; i < in->nskipped; i++) {
        char *path = report_display_path(in->skipped[i].path);
        fprintf(stderr, "drvtaint: left out %s: %s\n", path, in->skipped[i].why);
        free(path);
    }
}

/* Calls into the drivers' own assembly primitives (asm.h) become sink calls: their .asm files
 * sit in the units' folders or in an amd64/x64 folder below them. */
static void add_asm_sinks(rules_set *rules, const input_set *in, bool verbose)
{
    VEC(char *) dirs = {0};
    for (size_t i = 0; i < in->nunits; i++)
        VEC_PUSH(&dirs, path_dir(in->units[i].path));
    for (size_t i = 0; i < in->nprojects; i++)
        if (in->projects[i].analysed)
            VEC_PUSH(&dirs, path_dir(in->projects[i].path));
    asm_list prims = {0};
    asm_scan_dirs(&prims, (const char *const *)dirs.items, dirs.len);
    rules_add_asm_sinks(rules, &prims);
    for (size_t i = 0; verbose && i < prims.len; i++) {
        const asm_primitive *p = &prims.items[i];
        char *path = report_display_path(p->file);
        const rules_sink *row = rules_find_sink(rules, p->function);
        fprintf(stderr, "drvtaint: assembly %s:%u: %s acts as %s%s\n", path, p->line, p->function, p->intrinsic,
                row && row->file && strcmp(row->file, p->file) == 0 ? "" : " (not used: a rule file names it, or no argument reaches it)");
        free(path);
    }
    asm_list_free(&prims);
    for (size_t i = 0; i < dirs.len; i++)
        free(dirs.items[i]);
    free(dirs.items);
}

/* Returns CLI_EXIT_CLEAN, or CLI_EXIT_USAGE with the message printed; with rules NULL after a
 * failure nothing else is to be done. */
static int run_collect(run *r, const cli_options *o)
{
    r->o = o;
    inputs_init(&r->inputs);
    char *data_dir = cli_data_dir();
    r->rules = load_rules(o, data_dir);
    r->shim = xasprintf("%s/include/wdk", data_dir);
    free(data_dir);
    if (!r->rules)
        return CLI_EXIT_USAGE;
    if (o->baseline) {
        char *err = NULL;
        if (baseline_load(o->baseline, &r->baseline_fps, &r->baseline_n, &err) != 0) {
            fprintf(stderr, "drvtaint: error: %s\n", err);
            free(err);
            rules_set_free(r->rules);
            r->rules = NULL;
            return CLI_EXIT_USAGE;
        }
    }
    char *err = NULL;
    r->root = cli_project_root(o, &err);
    if (r->root && o->changed_files && changes_load_list(&r->changes, o->changed_files, r->root, &err) != 0)
        free(r->root), r->root = NULL;
    if (r->root && o->since && changes_load_git(&r->changes, o->since, r->root, &err) != 0)
        free(r->root), r->root = NULL;
    if (!r->root) {
        fprintf(stderr, "drvtaint: error: %s\n", err);
        free(err);
        rules_set_free(r->rules);
        r->rules = NULL;
        return CLI_EXIT_USAGE;
    }
    r->fe = (fe_options){
        .shim_dir = r->shim,
        .wdk_include = o->wdk_include.items,
        .nwdk_include = o->wdk_include.len,
        .extra_args = o->extra_args.items,
        .nextra_args = o->extra_args.len,
        .max_recovery_passes = 3,
        .exclude = o->exclude.items,
        .nexclude = o->exclude.len,
    };
    /* without .git above a unit, the repository searched for headers is the folder scanned */
    for (size_t i = 0; i < o->paths.len && !r->search_root; i++) {
        struct stat st;
        char real[4096];
        if (stat(o->paths.items[i], &st) == 0 && S_ISDIR(st.st_mode) && realpath(o->paths.items[i], real))
            r->search_root = xstrdup(real);
    }
    r->fe.search_root = r->search_root;
    if (!o->no_prelude) /* shared by the units' processes through the file system */
        r->fe.prelude_dir = r->prelude_dir = fe_prelude_dir_new();
    inputs_set_exclude(&r->inputs, o->exclude.items, o->exclude.len, !o->no_gitignore);
    inputs_set_options(&r->inputs, (input_options){.configuration = o->configuration, .all_projects = o->all_projects});
    int rc = CLI_EXIT_CLEAN;
    if (o->compdb) {
        err = NULL;
        if (inputs_load_compdb(&r->inputs, o->compdb, &err) != 0) {
            fprintf(stderr, "drvtaint: error: %s\n", err ? err : "cannot read the compile database");
            free(err);
            rc = CLI_EXIT_USAGE;
        }
    }
    for (size_t i = 0; i < o->paths.len && rc == CLI_EXIT_CLEAN; i++)
        inputs_add_path(&r->inputs, o->paths.items[i]);
    inputs_finish(&r->inputs);
    if (o->verbose)
        print_projects(&r->inputs);
    add_asm_sinks(r->rules, &r->inputs, o->verbose);
    size_t n = r->inputs.nunits ? r->inputs.nunits : 1;
    r->results = xcalloc(n, sizeof *r->results);
    r->memos = xcalloc(n, sizeof *r->memos);
    for (size_t i = 0; i < r->inputs.nunits; i++)
        r->results[i].unit.path = report_display_path(r->inputs.units[i].path);
    return rc;
}

/* ---- rounds: units in worker processes ---- */

static void work(void *arg, size_t i, strbuf *out)
{
    run *r = arg;
    const input_unit *in = &r->inputs.units[i];
    unit_job job = {r->o->command, r->o->verbose,       r->rules, r->parser, in,
                    r->progs ? r->progs[in->project] : NULL, r->round, r->memos[i]};
    unit_result res = {0};
    res.unit.path = report_display_path(job.in->path); /* for -v lines */
    unit_work(&job, &res, supervise_parsed);
    unit_result_encode(out, &res);
    unit_result_free(&res);
}

static void not_analysed(run *r, size_t i, const char *reason)
{
    unit_result *dst = &r->results[i];
    free(dst->unit.skip_reason);
    dst->unit.skipped = true;
    dst->unit.skip_reason = xstrdup(reason);
    findings_free(&dst->findings); /* a unit given up on in a later round says nothing */
    findings_free(&dst->checked);
    unit_facts_free(dst->facts);
    dst->facts = NULL;
}

static void failed(void *arg, size_t i, const char *reason)
{
    not_analysed(arg, i, reason);
}

static void done(void *arg, size_t i, const char *data, size_t len)
{
    run *r = arg;
    unit_result res = {0};
    if (!unit_result_decode(data, len, &res)) {
        unit_result_free(&res);
        not_analysed(r, i, "its process sent a malformed result");
        return;
    }
    unit_result *dst = &r->results[i];
    if (res.memo) {
        fe_memo_free(r->memos[i]);
        r->memos[i] = res.memo;
        res.memo = NULL;
    }
    if (r->round == 0) { /* the first round says everything about the unit */
        res.unit.path = dst->unit.path;
        *dst = res;
        return;
    }
    /* a later round sees more of the driver: its findings and facts replace the last ones */
    findings_free(&dst->findings);
    dst->findings = res.findings;
    res.findings = (finding_list){0};
    findings_free(&dst->checked);
    dst->checked = res.checked;
    res.checked = (finding_list){0};
    for (size_t k = 0; k < res.unit.nlimits; k++) /* a limit hit in any round is said */
        unit_add_limit(dst, res.unit.limits[k], r->o->verbose);
    unit_facts_free(dst->facts);
    dst->facts = res.facts;
    res.facts = NULL;
    unit_result_free(&res);
}

static unsigned job_count(const cli_options *o, size_t nunits)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned jobs = o->jobs ? o->jobs : (cores > 0 ? (unsigned)cores : 1);
    if (jobs > nunits)
        jobs = nunits ? (unsigned)nunits : 1;
    return jobs;
}

/* Scans run in rounds: every unit once, then again the units another unit told something
 * new (a helper called with user data, a value kept in the device extension, a summary),
 * until nothing changes. Facts are merged in input order between rounds. */
static void run_rounds(run *r)
{
    size_t n = r->inputs.nunits;
    if (!n)
        return;
    r->parser = fe_parser_new(&r->fe);
    /* one driver, one program: units of different projects tell each other nothing */
    if (r->o->command == CLI_CMD_SCAN || r->o->command == CLI_CMD_AUDIT) {
        r->nprogs = r->inputs.nprojects + 1;
        r->progs = xcalloc(r->nprogs, sizeof *r->progs);
        for (size_t g = 0; g < r->nprogs; g++)
            r->progs[g] = program_new();
    }
    supervisor s = {job_count(r->o, n), r->o->tu_timeout, r->o->tu_memory, r, work, done, failed};
    size_t *todo = xcalloc(n, sizeof *todo);
    bool *dirty = xcalloc(n, sizeof *dirty);
    bool *told = xcalloc(n, sizeof *told);
    size_t ntodo = n;
    for (size_t i = 0; i < n; i++)
        todo[i] = i;
    for (r->round = 0; r->round < PROGRAM_MAX_ROUNDS && ntodo; r->round++) {
        supervise_units(&s, todo, ntodo);
        if (!r->progs)
            break;
        for (size_t i = 0; i < n; i++)
            if (r->results[i].facts) {
                program_merge(r->progs[r->inputs.units[i].project], i, r->results[i].facts);
                r->results[i].facts = NULL;
            }
        size_t again = 0;
        for (size_t g = 0; g < r->nprogs; g++) {
            program_end_round(r->progs[g], n, told); /* only units merged into g can be told */
            for (size_t i = 0; i < n; i++)
                if (r->inputs.units[i].project == g) {
                    dirty[i] = told[i];
                    again += told[i];
                }
        }
        ntodo = 0;
        for (size_t i = 0; i < n; i++) {
            if (dirty[i] && !r->results[i].unit.skipped) {
                todo[ntodo++] = i;
            } else { /* a unit not told anything new rarely is later: its memo goes */
                fe_memo_free(r->memos[i]);
                r->memos[i] = NULL;
            }
        }
        if (r->o->verbose && again && r->round + 1 < PROGRAM_MAX_ROUNDS)
            fprintf(stderr, "drvtaint: round %u: %zu units analysed again with what other units told\n",
                    r->round + 2, again);
        if (again && r->round + 1 == PROGRAM_MAX_ROUNDS) /* the round cap: the units left behind say so */
            for (size_t i = 0; i < n; i++)
                if (dirty[i] && !r->results[i].unit.skipped)
                    unit_add_limit(&r->results[i],
                                   "other units told it something new after the last whole-driver round; "
                                   "it was not analysed again with that",
                                   r->o->verbose);
    }
    free(todo);
    free(dirty);
    free(told);
}

/* ---- merge, in input order ---- */

static void run_merge(run *r, merged *m)
{
    const input_set *inputs = &r->inputs;
    m->skipped = inputs->nerrors;
    for (size_t i = 0; i < inputs->nerrors; i++)
        fprintf(stderr, "drvtaint: error: %s: %s\n", inputs->errors[i].input, inputs->errors[i].message);
    m->units = xcalloc(inputs->nunits ? inputs->nunits : 1, sizeof *m->units);
    m->surfs = xcalloc(inputs->nunits ? inputs->nunits : 1, sizeof *m->surfs);
    m->unit_paths = xcalloc(inputs->nunits ? inputs->nunits : 1, sizeof *m->unit_paths);
    m->unit_projects = xcalloc(inputs->nunits ? inputs->nunits : 1, sizeof *m->unit_projects);
    for (size_t i = 0; i < inputs->nunits; i++) {
        unit_result *res = &r->results[i];
        if (res->diagnostics.len)
            fputs(res->diagnostics.buf, stderr);
        if (!res->unit.skipped && res->unit.health.errors && r->o->strict) { /* the reports say so too */
            res->unit.skipped = true;
            res->unit.skip_reason = xasprintf("--strict: %u compiler errors left after recovery in %u functions "
                                              "(its findings are still reported)",
                                              res->unit.health.errors, res->unit.health.functions_with_errors);
            m->with_errors++;
        }
        if (res->unit.skipped) {
            fprintf(stderr, "drvtaint: error: %s: not analysed: %s\n", res->unit.path, res->unit.skip_reason);
            m->skipped++;
        } else if (res->unit.health.errors) {
            m->with_errors++;
        }
        m->nfunctions += res->unit.nfunctions;
        m->lost_header += res->unit.health.headers_missing > 0;
        inventory_move(&m->inv, &res->inv);
        findings_move(&m->findings, &res->findings);
        findings_move(&m->checked, &res->checked);
        m->surfs[i] = res->surf;
        memset(&res->surf, 0, sizeof res->surf);
        m->unit_paths[i] = inputs->units[i].path;
        size_t proj = inputs->units[i].project;
        m->unit_projects[i] = proj && proj <= inputs->nprojects ? inputs->projects[proj - 1].path : NULL;
        m->units[i] = res->unit; /* moved: the result keeps no strings */
        memset(&res->unit, 0, sizeof res->unit);
    }
    inventory_finish(&m->inv);
    findings_finish(&m->findings);
    findings_finish(&m->checked);
    if (r->o->command == CLI_CMD_INVENTORY)
        audit_annotate_inventory(&m->inv, m->surfs, m->unit_paths, m->unit_projects, inputs->nunits);
}

/* ---- triage: what the team already judged (in-source suppressions, the baseline) ---- */

static void run_triage(run *r, merged *m)
{
    const cli_options *o = r->o;
    const char **sources = xcalloc(r->inputs.nunits ? r->inputs.nunits : 1, sizeof *sources);
    for (size_t i = 0; i < r->inputs.nunits; i++)
        sources[i] = r->inputs.units[i].path;
    triage_options to = {r->rules, sources, r->inputs.nunits, r->baseline_fps, r->baseline_n, o->baseline, r->root,
                         o->changed_files || o->since ? &r->changes : NULL, o->report_stale, o->strict};
    triage_findings(&m->findings, &to, &m->tr);
    free(sources);
    if (m->tr.messages.len)
        fputs(m->tr.messages.buf, stderr);
}

/* ---- render: the report formats ---- */

static void render_findings_sarif(strbuf *out, const merged *m, const run *r, const report_meta *meta)
{
    report_findings_sarif(out, &m->findings, r->rules, meta);
}

static void render_findings_json(strbuf *out, const merged *m, const run *r, const report_meta *meta)
{
    (void)r;
    report_findings_json(out, &m->findings, meta);
}

static void render_findings_msvc(strbuf *out, const merged *m, const run *r, const report_meta *meta)
{
    report_findings_msvc(out, &m->findings, r->rules, meta);
}

static void render_findings_text(strbuf *out, const merged *m, const run *r, const report_meta *meta)
{
    (void)r;
    report_findings_text(out, &m->findings, meta);
}

static void render_inventory_json(strbuf *out, const merged *m, const run *r, const report_meta *meta)
{
    (void)r;
    report_inventory_json(out, &m->inv, meta);
}

static void render_inventory_text(strbuf *out, const merged *m, const run *r, const report_meta *meta)
{
    (void)r;
    (void)meta;
    report_inventory_text(out, &m->inv);
}

static void render_audit(strbuf *out, const merged *m, const run *r, const report_meta *meta)
{
    audit_report ar;
    audit_build(&ar, m->surfs, m->unit_paths, m->unit_projects, r->inputs.nunits, &m->inv, &m->findings, &m->checked,
                true);
    if (r->o->format == CLI_FORMAT_JSON)
        report_audit_json(out, &ar, &m->findings, meta);
    else if (r->o->format == CLI_FORMAT_HTML)
        report_audit_html(out, &ar, &m->findings, meta);
    else
        report_audit_markdown(out, &ar, &m->findings, meta);
    audit_free(&ar);
}

typedef void (*render_fn)(strbuf *out, const merged *m, const run *r, const report_meta *meta);

/* Every report a command can write; a format a command lacks falls back to its text. */
static const struct {
    cli_command command;
    cli_format format;
    render_fn render;
} formats[] = {
    {CLI_CMD_SCAN, CLI_FORMAT_TEXT, render_findings_text},
    {CLI_CMD_SCAN, CLI_FORMAT_JSON, render_findings_json},
    {CLI_CMD_SCAN, CLI_FORMAT_SARIF, render_findings_sarif},
    {CLI_CMD_SCAN, CLI_FORMAT_MSVC, render_findings_msvc},
    {CLI_CMD_INVENTORY, CLI_FORMAT_TEXT, render_inventory_text},
    {CLI_CMD_INVENTORY, CLI_FORMAT_JSON, render_inventory_json},
    {CLI_CMD_AUDIT, CLI_FORMAT_TEXT, render_audit}, /* Markdown, JSON or HTML, by the format */
};

static render_fn format_of(cli_command command, cli_format format)
{
    render_fn text = NULL;
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        if (formats[i].command != command)
            continue;
        if (formats[i].format == format)
            return formats[i].render;
        if (formats[i].format == CLI_FORMAT_TEXT)
            text = formats[i].render;
    }
    return text;
}

static int run_render(const run *r, const merged *m)
{
    const input_set *inputs = &r->inputs;
    report_input_error *ierr = xcalloc(inputs->nerrors ? inputs->nerrors : 1, sizeof *ierr);
    for (size_t i = 0; i < inputs->nerrors; i++)
        ierr[i] = (report_input_error){inputs->errors[i].input, inputs->errors[i].message};
    report_meta meta = {.tool_version = DRVTAINT_VERSION, .units = m->units, .nunits = inputs->nunits,
                        .input_errors = ierr, .ninput_errors = inputs->nerrors, .stale = m->tr.stale.items,
                        .nstale = m->tr.stale.len, .baseline = r->o->baseline != NULL, .root = r->root,
                        .keep_suppressed = r->o->keep_suppressed};
    strbuf out = {0};
    format_of(r->o->command, r->o->format)(&out, m, r, &meta);
    int rc = emit(r->o, &out);
    sb_free(&out);
    free(ierr);
    return rc;
}

/* ---- exit code, and the summary line ---- */

static int run_exit_code(const run *r, const merged *m, int rc, double start)
{
    const cli_options *o = r->o;
    size_t by_severity[3] = {0}, failing = 0;
    for (size_t i = 0; i < m->findings.len; i++) {
        if (!report_is_active(&m->findings.items[i]))
            continue;
        by_severity[m->findings.items[i].severity]++;
        if (o->fail_on != CLI_FAIL_NONE && (int)m->findings.items[i].severity >= (int)o->fail_on - 1)
            failing++;
    }
    /* a stale suppression is a warning; one naming no rule too (an error with --strict) */
    if (o->fail_on != CLI_FAIL_NONE && o->fail_on <= CLI_FAIL_WARNING)
        failing += m->tr.stale.len + m->tr.bad_suppressions;
    else if (o->fail_on == CLI_FAIL_ERROR && o->strict)
        failing += m->tr.bad_suppressions;
    size_t nunits = r->inputs.nunits;
    /* build files read: how many projects, how many left out, how many sources that cost */
    const input_set *inputs = &r->inputs;
    size_t projects_skipped = 0;
    for (size_t i = 0; i < inputs->nprojects; i++)
        projects_skipped += !inputs->projects[i].analysed;
    strbuf note = {0};
    sb_append(&note, "");
    if (inputs->nprojects)
        sb_printf(&note, ", %zu projects (%zu skipped)", inputs->nprojects, projects_skipped);
    if (inputs->nskipped)
        sb_printf(&note, ", %zu sources left out", inputs->nskipped);
    char *projects_note = sb_take(&note);
    if (!o->quiet && (o->command == CLI_CMD_SCAN || o->command == CLI_CMD_AUDIT))
        fprintf(stderr,
                "drvtaint: %zu units (%zu with errors after recovery, %zu missing a header, %zu not analysed), "
                "%zu functions, %zu findings (%zu error, %zu warning, %zu note; %zu suppressed, %zu in baseline)%s, "
                "%.2f s\n",
                nunits, m->with_errors, m->lost_header, m->skipped, m->nfunctions,
                by_severity[FINDING_ERROR] + by_severity[FINDING_WARNING] + by_severity[FINDING_NOTE],
                by_severity[FINDING_ERROR], by_severity[FINDING_WARNING], by_severity[FINDING_NOTE], m->tr.nsuppressed,
                m->tr.nbaseline, projects_note, now_seconds() - start);
    else if (!o->quiet)
        fprintf(stderr,
                "drvtaint: %zu units (%zu with errors after recovery, %zu missing a header, %zu not analysed), %zu "
                "functions, %zu sink calls%s, %.2f s\n",
                nunits, m->with_errors, m->lost_header, m->skipped, m->nfunctions, m->inv.len, projects_note,
                now_seconds() - start);
    free(projects_note);
    if (rc == CLI_EXIT_CLEAN && (m->skipped > 0 || (o->strict && m->with_errors > 0)))
        rc = CLI_EXIT_SKIPPED;
    if (rc == CLI_EXIT_CLEAN && failing > 0)
        rc = CLI_EXIT_FINDINGS;
    return rc;
}

static void run_free(run *r, merged *m)
{
    for (size_t i = 0; i < r->inputs.nunits; i++) {
        if (m->units)
            report_unit_free(&m->units[i]);
        if (m->surfs)
            surface_free(&m->surfs[i]);
        unit_result_free(&r->results[i]);
        fe_memo_free(r->memos[i]);
    }
    free(m->units);
    free(m->surfs);
    free(m->unit_paths);
    free(m->unit_projects);
    findings_free(&m->checked);
    triage_result_free(&m->tr);
    changes_free(&r->changes);
    free(r->root);
    inventory_free(&m->inv);
    findings_free(&m->findings);
    free(r->results);
    free(r->memos);
    for (size_t g = 0; g < r->nprogs; g++)
        program_free(r->progs[g]);
    free(r->progs);
    free(r->search_root);
    if (r->parser)
        fe_parser_free(r->parser);
    for (size_t i = 0; i < r->baseline_n; i++)
        free(r->baseline_fps[i]);
    free(r->baseline_fps);
    inputs_free(&r->inputs);
    fe_prelude_dir_remove(r->prelude_dir);
    rules_set_free(r->rules);
    free(r->shim);
}

int cli_run_units(const cli_options *o)
{
    double start = now_seconds();
    run r = {0};
    merged m = {0};
    int rc = run_collect(&r, o);
    if (!r.rules) {
        run_free(&r, &m);
        return rc;
    }
    if (rc == CLI_EXIT_CLEAN)
        run_rounds(&r);
    run_merge(&r, &m);
    if (o->command == CLI_CMD_SCAN || o->command == CLI_CMD_AUDIT)
        run_triage(&r, &m);
    if (rc == CLI_EXIT_CLEAN)
        rc = run_render(&r, &m);
    rc = run_exit_code(&r, &m, rc, start);
    run_free(&r, &m);
    return rc;
}
