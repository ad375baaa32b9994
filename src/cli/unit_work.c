/* unit_work.c - one unit: parse, analyse, and its result as bytes for the run (a unit is
 * analysed in a worker process; see supervise.c). The encoding carries every field the report
 * and the whole-driver rounds read, so a run's output does not depend on where units ran. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drvtaint/taint.h"
#include "drvtaint/wire.h"
#include "run_internal.h"

static void record_health(unit_result *r, const ast_tu *tu, bool verbose)
{
    r->unit.health = tu->health;
    r->unit.health.failure = NULL;
    r->unit.nfunctions = tu->nfuncs;
    report_unit_set_includes(&r->unit, tu->includes, tu->nincludes);
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
    for (size_t i = 0; i < r->unit.nincludes; i++) {
        const report_include *inc = &r->unit.includes[i];
        char *what = report_include_text(inc);
        sb_printf(&r->diagnostics, "  %s: include '%s': %s\n", inc->from, inc->spelled, what);
        free(what);
    }
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

void unit_add_limit(unit_result *r, const char *note, bool verbose)
{
    for (size_t j = 0; j < r->unit.nlimits; j++)
        if (strcmp(r->unit.limits[j], note) == 0)
            return;
    r->unit.limits = xrealloc(r->unit.limits, (r->unit.nlimits + 1) * sizeof *r->unit.limits);
    r->unit.limits[r->unit.nlimits++] = xstrdup(note);
    if (verbose)
        sb_printf(&r->diagnostics, "%s: analysis limit: %s\n", r->unit.path, note);
}

void unit_work(const unit_job *job, unit_result *r, void (*parsed)(void))
{
    const input_unit *in = job->in;
    bool audit = job->command == CLI_CMD_AUDIT;
    bool scan = job->command == CLI_CMD_SCAN || audit;
    fe_memo *memo = job->memo;
    ast_tu *tu = fe_parse_memo(job->parser, in->path, (const char *const *)in->args, in->nargs, in->is_cxx,
                               scan ? &memo : NULL);
    if (scan && !job->memo)
        r->memo = memo; /* new: the run keeps it for later rounds */
    if (parsed)
        parsed();
    record_health(r, tu, job->verbose);
#ifdef DRVTAINT_TEST_HOOKS
    /* test builds only: a unit that crashes or allocates without bound during its analysis,
     * chosen by file name, so the tests of isolation need no libclang bug; or every unit's
     * process id written to a file, for the tests of the worker processes */
    const char *hook = getenv("DRVTAINT_TEST_HOOK");
    const char *base = strrchr(in->path, '/');
    base = base ? base + 1 : in->path;
    if (hook && strncmp(hook, "crash:", 6) == 0 && strcmp(hook + 6, base) == 0)
        abort();
    if (hook && strncmp(hook, "pids:", 5) == 0) { /* which process analysed which unit */
        FILE *f = fopen(hook + 5, "a");
        if (f) {
            fprintf(f, "%s %ld\n", base, (long)getpid());
            fclose(f);
        }
    }
    if (hook && strncmp(hook, "hog:", 4) == 0 && strcmp(hook + 4, base) == 0)
        for (;;) {
            char *p = xmalloc(16u << 20);
            memset(p, 1, 16u << 20); /* resident, not just reserved */
        }
#endif
    if (!tu->health.failed) {
        if (scan) {
            r->facts = unit_facts_new();
            if (audit)
                taint_analyse_for_audit(tu, job->rules, job->prog, r->facts, &r->findings, &r->checked);
            else
                taint_analyse_in_program(tu, job->rules, job->prog, r->facts, &r->findings);
            const char *const *notes; /* the limits the analysis hit, once each */
            size_t n = unit_facts_limits(r->facts, &notes);
            for (size_t k = 0; k < n; k++)
                unit_add_limit(r, notes[k], job->verbose);
        }
        if ((!scan || audit) && job->round == 0) {
            inventory_collect(&r->inv, tu, job->rules);
            surface_collect(&r->surf, tu);
        }
    }
    r->tu = tu; /* freed with the result, after it is encoded */
}

void unit_result_free(unit_result *r)
{
    report_unit_free(&r->unit);
    sb_free(&r->diagnostics);
    inventory_free(&r->inv);
    findings_free(&r->findings);
    findings_free(&r->checked);
    surface_free(&r->surf);
    unit_facts_free(r->facts);
    fe_memo_free(r->memo);
    ast_tu_free(r->tu);
    memset(r, 0, sizeof *r);
}

/* ---- bytes ---- */

static void put_steps(strbuf *b, const trace_step *s, size_t n)
{
    wire_put_u64(b, n);
    for (size_t i = 0; i < n; i++) {
        wire_put_u64(b, s[i].kind);
        wire_put_str(b, s[i].file);
        wire_put_u64(b, s[i].line);
        wire_put_u64(b, s[i].col);
        wire_put_str(b, s[i].text);
    }
}

static trace_step *get_steps(wire_reader *r, size_t *n)
{
    *n = wire_get_count(r, 5);
    trace_step *s = xcalloc(*n ? *n : 1, sizeof *s);
    for (size_t i = 0; i < *n && !r->bad; i++) {
        s[i].kind = (trace_kind)wire_get_u64(r);
        s[i].file = wire_get_str(r);
        s[i].line = (unsigned)wire_get_u64(r);
        s[i].col = (unsigned)wire_get_u64(r);
        s[i].text = wire_get_str(r);
    }
    return s;
}

static void put_ioctls(strbuf *b, const finding_ioctl *io, size_t n)
{
    wire_put_u64(b, n);
    for (size_t i = 0; i < n; i++) {
        wire_put_u64(b, io[i].code);
        wire_put_str(b, io[i].name);
        wire_put_u64(b, io[i].placeholder);
    }
}

static finding_ioctl *get_ioctls(wire_reader *r, size_t *n)
{
    *n = wire_get_count(r, 3);
    finding_ioctl *io = xcalloc(*n ? *n : 1, sizeof *io);
    for (size_t i = 0; i < *n && !r->bad; i++) {
        io[i].code = wire_get_u64(r);
        io[i].name = wire_get_str(r);
        io[i].placeholder = wire_get_u64(r) != 0;
    }
    return io;
}

static void put_finding(strbuf *b, const finding *f)
{
    wire_put_str(b, f->rule);
    wire_put_u64(b, f->severity);
    wire_put_str(b, f->file);
    wire_put_u64(b, f->line);
    wire_put_u64(b, f->col);
    wire_put_str(b, f->function);
    wire_put_str(b, f->sink);
    wire_put_str(b, f->written);
    wire_put_u64(b, f->arg_index);
    wire_put_str(b, f->role);
    wire_put_str(b, f->arg_text);
    wire_put_str(b, f->range);
    wire_put_str(b, f->message);
    put_steps(b, f->trace, f->ntrace);
    wire_put_str(b, f->witness);
    wire_put_str(b, f->entry);
    wire_put_str(b, f->entry_kind);
    put_ioctls(b, f->ioctls, f->nioctls);
    wire_put_u64(b, f->nroutes);
    for (size_t i = 0; i < f->nroutes; i++) {
        const finding_route *rt = &f->routes[i];
        wire_put_str(b, rt->entry);
        wire_put_str(b, rt->entry_kind);
        put_ioctls(b, rt->ioctls, rt->nioctls);
        put_steps(b, rt->trace, rt->ntrace);
    }
    wire_put_str(b, f->suppressed);
    wire_put_u64(b, f->in_baseline);
    wire_put_str(b, f->fold_file);
    wire_put_u64(b, f->fold_line);
    wire_put_u64(b, f->fold_col);
    put_steps(b, f->related, f->nrelated);
}

static finding get_finding(wire_reader *r)
{
    finding f = {0};
    f.rule = wire_get_str(r);
    f.severity = (finding_severity)wire_get_u64(r);
    if (f.severity > FINDING_ERROR)
        r->bad = true;
    f.file = wire_get_str(r);
    f.line = (unsigned)wire_get_u64(r);
    f.col = (unsigned)wire_get_u64(r);
    f.function = wire_get_str(r);
    f.sink = wire_get_str(r);
    f.written = wire_get_str(r);
    f.arg_index = (unsigned)wire_get_u64(r);
    f.role = wire_get_str(r);
    f.arg_text = wire_get_str(r);
    f.range = wire_get_str(r);
    f.message = wire_get_str(r);
    f.trace = get_steps(r, &f.ntrace);
    f.witness = wire_get_str(r);
    f.entry = wire_get_str(r);
    f.entry_kind = wire_get_str(r);
    f.ioctls = get_ioctls(r, &f.nioctls);
    f.nroutes = wire_get_count(r, 4);
    f.routes = xcalloc(f.nroutes ? f.nroutes : 1, sizeof *f.routes);
    for (size_t i = 0; i < f.nroutes && !r->bad; i++) {
        finding_route *rt = &f.routes[i];
        rt->entry = wire_get_str(r);
        rt->entry_kind = wire_get_str(r);
        rt->ioctls = get_ioctls(r, &rt->nioctls);
        rt->trace = get_steps(r, &rt->ntrace);
    }
    f.suppressed = wire_get_str(r);
    f.in_baseline = wire_get_u64(r) != 0;
    f.fold_file = wire_get_str(r);
    f.fold_line = (unsigned)wire_get_u64(r);
    f.fold_col = (unsigned)wire_get_u64(r);
    f.related = get_steps(r, &f.nrelated);
    return f;
}

static const char *role_named(const char *name)
{
    for (unsigned k = 0; k < RULES_ROLE_COUNT; k++)
        if (name && strcmp(rules_role_name((rules_role)k), name) == 0)
            return rules_role_name((rules_role)k);
    return rules_role_name(RULES_ROLE_COUNT); /* "unknown" */
}

static void put_entry(strbuf *b, const inventory_entry *e)
{
    wire_put_str(b, e->file);
    wire_put_u64(b, e->line);
    wire_put_u64(b, e->col);
    wire_put_str(b, e->function);
    wire_put_str(b, e->sink);
    wire_put_str(b, e->written);
    wire_put_str(b, e->rule);
    wire_put_u64(b, e->nargs);
    for (size_t i = 0; i < e->nargs; i++) {
        wire_put_u64(b, e->args[i].index);
        wire_put_str(b, e->args[i].role);
        wire_put_str(b, e->args[i].text);
    }
}

static inventory_entry get_entry(wire_reader *r)
{
    inventory_entry e = {0};
    e.file = wire_get_str(r);
    e.line = (unsigned)wire_get_u64(r);
    e.col = (unsigned)wire_get_u64(r);
    e.function = wire_get_str(r);
    e.sink = wire_get_str(r);
    e.written = wire_get_str(r);
    e.rule = wire_get_str(r);
    e.nargs = wire_get_count(r, 3);
    e.args = xcalloc(e.nargs ? e.nargs : 1, sizeof *e.args);
    for (size_t i = 0; i < e.nargs && !r->bad; i++) {
        e.args[i].index = (unsigned)wire_get_u64(r);
        char *role = wire_get_str(r);
        e.args[i].role = role_named(role);
        free(role);
        e.args[i].text = wire_get_str(r);
    }
    return e;
}

static void put_loc(strbuf *b, const surface_loc *l)
{
    wire_put_str(b, l->file);
    wire_put_u64(b, l->line);
    wire_put_u64(b, l->col);
    wire_put_str(b, l->function);
}

static surface_loc get_loc(wire_reader *r)
{
    surface_loc l = {0};
    l.file = wire_get_str(r);
    l.line = (unsigned)wire_get_u64(r);
    l.col = (unsigned)wire_get_u64(r);
    l.function = wire_get_str(r);
    return l;
}

static void put_names(strbuf *b, char *const *names, size_t n)
{
    wire_put_u64(b, n);
    for (size_t i = 0; i < n; i++)
        wire_put_str(b, names[i]);
}

static char **get_names(wire_reader *r, size_t *n)
{
    *n = wire_get_count(r, 1);
    char **names = xcalloc(*n ? *n : 1, sizeof *names);
    for (size_t i = 0; i < *n && !r->bad; i++)
        names[i] = wire_get_str(r);
    return names;
}

/* The surface as the audit reads it; every pointer is a heap copy, as surface_free expects. */
static void put_surface(strbuf *b, const surface *s)
{
    wire_put_u64(b, s->devices.len);
    for (size_t i = 0; i < s->devices.len; i++) {
        const surface_device *d = &s->devices.items[i];
        put_loc(b, &d->at);
        wire_put_str(b, d->how);
        wire_put_str(b, d->name);
        wire_put_str(b, d->sddl);
        wire_put_str(b, d->device_type);
        wire_put_u64(b, (uint64_t)d->secure_open | (uint64_t)d->exclusive << 1 | (uint64_t)d->control << 2);
    }
    wire_put_u64(b, s->links.len);
    for (size_t i = 0; i < s->links.len; i++) {
        put_loc(b, &s->links.items[i].at);
        wire_put_str(b, s->links.items[i].kind);
        wire_put_str(b, s->links.items[i].name);
    }
    wire_put_u64(b, s->ioctls.len);
    for (size_t i = 0; i < s->ioctls.len; i++) {
        const surface_ioctl *io = &s->ioctls.items[i];
        wire_put_u64(b, io->code);
        wire_put_u64(b, io->code_known);
        wire_put_str(b, io->name);
        put_loc(b, &io->at);
        put_names(b, io->calls, io->ncalls);
        wire_put_u64(b, io->nsites);
        for (size_t k = 0; k < io->nsites; k++)
            put_loc(b, &io->call_sites[k]);
        put_names(b, io->checks, io->nchecks);
        wire_put_u64(b, io->raw_buffer);
    }
    wire_put_u64(b, s->funcs.len);
    for (size_t i = 0; i < s->funcs.len; i++) {
        const surface_func *f = &s->funcs.items[i];
        wire_put_str(b, f->name);
        wire_put_str(b, f->file);
        wire_put_u64(b, f->line);
        put_names(b, f->calls, f->ncalls);
        wire_put_u64(b, f->raw_buffer);
    }
    wire_put_u64(b, s->entries.len);
    for (size_t i = 0; i < s->entries.len; i++) {
        wire_put_str(b, s->entries.items[i].function);
        wire_put_str(b, s->entries.items[i].kind);
        wire_put_u64(b, s->entries.items[i].user_reachable);
    }
}

static void get_surface(wire_reader *r, surface *s)
{
    size_t n = wire_get_count(r, 9);
    for (size_t i = 0; i < n && !r->bad; i++) {
        surface_device d = {0};
        d.at = get_loc(r);
        d.how = wire_get_str(r);
        d.name = wire_get_str(r);
        d.sddl = wire_get_str(r);
        d.device_type = wire_get_str(r);
        uint64_t bits = wire_get_u64(r);
        d.secure_open = bits & 1;
        d.exclusive = (bits >> 1) & 1;
        d.control = (bits >> 2) & 1;
        VEC_PUSH(&s->devices, d);
    }
    n = wire_get_count(r, 6);
    for (size_t i = 0; i < n && !r->bad; i++) {
        surface_link l = {0};
        l.at = get_loc(r);
        l.kind = wire_get_str(r);
        l.name = wire_get_str(r);
        VEC_PUSH(&s->links, l);
    }
    n = wire_get_count(r, 11);
    for (size_t i = 0; i < n && !r->bad; i++) {
        surface_ioctl io = {0};
        io.code = wire_get_u64(r);
        io.code_known = wire_get_u64(r) != 0;
        io.name = wire_get_str(r);
        io.at = get_loc(r);
        io.calls = get_names(r, &io.ncalls);
        io.nsites = wire_get_count(r, 4);
        io.call_sites = xcalloc(io.nsites ? io.nsites : 1, sizeof *io.call_sites);
        for (size_t k = 0; k < io.nsites && !r->bad; k++)
            io.call_sites[k] = get_loc(r);
        io.checks = get_names(r, &io.nchecks);
        io.raw_buffer = wire_get_u64(r) != 0;
        VEC_PUSH(&s->ioctls, io);
    }
    n = wire_get_count(r, 5);
    for (size_t i = 0; i < n && !r->bad; i++) {
        surface_func f = {0};
        f.name = wire_get_str(r);
        f.file = wire_get_str(r);
        f.line = (unsigned)wire_get_u64(r);
        f.calls = get_names(r, &f.ncalls);
        f.raw_buffer = wire_get_u64(r) != 0;
        VEC_PUSH(&s->funcs, f);
    }
    n = wire_get_count(r, 3);
    for (size_t i = 0; i < n && !r->bad; i++) {
        surface_entry e = {0};
        e.function = wire_get_str(r);
        e.kind = wire_get_str(r);
        e.user_reachable = wire_get_u64(r) != 0;
        VEC_PUSH(&s->entries, e);
    }
}

void unit_result_encode(strbuf *b, const unit_result *r)
{
    const ast_health *h = &r->unit.health;
    wire_put_u64(b, r->unit.skipped);
    wire_put_str(b, r->unit.skip_reason);
    wire_put_u64(b, h->errors_before_recovery);
    wire_put_u64(b, h->errors);
    wire_put_u64(b, h->recovery_passes);
    wire_put_u64(b, h->declared_unknown);
    wire_put_u64(b, h->functions_with_errors);
    wire_put_u64(b, h->headers_missing);
    wire_put_u64(b, h->failed);
    wire_put_u64(b, r->unit.nfunctions);
    wire_put_u64(b, r->unit.nincludes);
    for (size_t i = 0; i < r->unit.nincludes; i++) { /* display paths already */
        const report_include *inc = &r->unit.includes[i];
        wire_put_u64(b, inc->how);
        wire_put_str(b, inc->spelled);
        wire_put_str(b, inc->from);
        wire_put_str(b, inc->path);
        wire_put_str(b, inc->detail);
    }
    wire_put_str(b, r->diagnostics.len ? r->diagnostics.buf : NULL);
    wire_put_u64(b, r->unit.nlimits);
    for (size_t i = 0; i < r->unit.nlimits; i++)
        wire_put_str(b, r->unit.limits[i]);
    wire_put_u64(b, r->inv.len);
    for (size_t i = 0; i < r->inv.len; i++)
        put_entry(b, &r->inv.items[i]);
    wire_put_u64(b, r->findings.len);
    for (size_t i = 0; i < r->findings.len; i++)
        put_finding(b, &r->findings.items[i]);
    wire_put_u64(b, r->checked.len);
    for (size_t i = 0; i < r->checked.len; i++)
        put_finding(b, &r->checked.items[i]);
    put_surface(b, &r->surf);
    wire_put_u64(b, r->facts != NULL);
    if (r->facts)
        unit_facts_encode(b, r->facts);
    wire_put_u64(b, r->memo != NULL);
    if (r->memo)
        fe_memo_encode(b, r->memo);
}

bool unit_result_decode(const char *data, size_t len, unit_result *r)
{
    wire_reader rd = wire_reader_new(data, len);
    ast_health *h = &r->unit.health;
    r->unit.skipped = wire_get_u64(&rd) != 0;
    r->unit.skip_reason = wire_get_str(&rd);
    h->errors_before_recovery = (unsigned)wire_get_u64(&rd);
    h->errors = (unsigned)wire_get_u64(&rd);
    h->recovery_passes = (unsigned)wire_get_u64(&rd);
    h->declared_unknown = (unsigned)wire_get_u64(&rd);
    h->functions_with_errors = (unsigned)wire_get_u64(&rd);
    h->headers_missing = (unsigned)wire_get_u64(&rd);
    h->failed = wire_get_u64(&rd) != 0;
    r->unit.nfunctions = (size_t)wire_get_u64(&rd);
    size_t ninc = wire_get_count(&rd, 5);
    r->unit.includes = xcalloc(ninc ? ninc : 1, sizeof *r->unit.includes);
    for (size_t i = 0; i < ninc && !rd.bad; i++) {
        report_include *inc = &r->unit.includes[r->unit.nincludes++];
        uint64_t how = wire_get_u64(&rd);
        if (how > AST_INC_MISSING)
            rd.bad = true;
        inc->how = (ast_include_how)how;
        inc->spelled = wire_get_str(&rd);
        inc->from = wire_get_str(&rd);
        inc->path = wire_get_str(&rd);
        inc->detail = wire_get_str(&rd);
    }
    char *diag = wire_get_str(&rd);
    if (diag)
        sb_append(&r->diagnostics, diag);
    free(diag);
    size_t n = wire_get_count(&rd, 1);
    r->unit.limits = xcalloc(n ? n : 1, sizeof *r->unit.limits);
    for (size_t i = 0; i < n && !rd.bad; i++) {
        char *note = wire_get_str(&rd);
        if (note)
            r->unit.limits[r->unit.nlimits++] = note;
    }
    n = wire_get_count(&rd, 8);
    for (size_t i = 0; i < n && !rd.bad; i++)
        VEC_PUSH(&r->inv, get_entry(&rd));
    n = wire_get_count(&rd, 20);
    for (size_t i = 0; i < n && !rd.bad; i++)
        findings_add(&r->findings, get_finding(&rd));
    n = wire_get_count(&rd, 20);
    for (size_t i = 0; i < n && !rd.bad; i++)
        findings_add(&r->checked, get_finding(&rd));
    get_surface(&rd, &r->surf);
    if (wire_get_u64(&rd) && !rd.bad)
        r->facts = unit_facts_decode(&rd);
    if (wire_get_u64(&rd) && !rd.bad)
        r->memo = fe_memo_decode(&rd);
    return !rd.bad && rd.p == rd.end;
}
