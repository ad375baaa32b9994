/* report_sarif.c - findings as SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDEs).
 * Paths are relative to %SRCROOT% (the project root, report_meta.root); each result carries
 * the whole trace as a code flow and two fingerprints: GitHub's primaryLocationLineHash (the
 * value its upload action would compute) and drvtaint's own, which ignores lines altogether.
 * Suppressed results are left out unless asked for: GitHub ignores SARIF suppressions. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drvtaint/report.h"
#include "report_internal.h"

#define DRVTAINT_URI "https://github.com/drvtaint/drvtaint"

/* The line hashes of one file at a time: findings come sorted by file. */
typedef struct line_hash_cache {
    char *file;
    char **hashes;
    size_t n;
} line_hash_cache;

static void cache_drop(line_hash_cache *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->hashes[i]);
    free(c->hashes);
    free(c->file);
    memset(c, 0, sizeof *c);
}

/* GitHub's own primaryLocationLineHash of the line (report_linehash.c), read from the bytes
 * as they are on disk, as the upload action reads them. */
static const char *line_hash(line_hash_cache *c, const char *file, unsigned line)
{
    if (!c->file || strcmp(c->file, file) != 0) {
        cache_drop(c);
        c->file = xstrdup(file);
        size_t len = 0;
        char *text = read_file(file, &len);
        if (text)
            c->hashes = report_line_hashes(text, len, &c->n);
        free(text);
    }
    return line >= 1 && line <= c->n ? c->hashes[line - 1] : NULL;
}

/* RFC 3986: keep unreserved characters and '/', percent-encode the rest (spaces, '%', ...). */
static char *uri_encode(const char *path)
{
    strbuf sb = {0};
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
            sb_putc(&sb, (char)*p);
        else
            sb_printf(&sb, "%%%02X", *p);
    }
    return sb_take(&sb);
}

static cJSON *location(const char *root, const char *file, unsigned line, unsigned col, const char *message)
{
    cJSON *loc = cJSON_CreateObject();
    cJSON *phys = cJSON_AddObjectToObject(loc, "physicalLocation");
    cJSON *art = cJSON_AddObjectToObject(phys, "artifactLocation");
    char *path = report_root_path(root, file);
    char *enc = uri_encode(path);
    if (path[0] == '/') {
        char *uri = xasprintf("file://%s", enc);
        cJSON_AddStringToObject(art, "uri", uri);
        free(uri);
    } else {
        cJSON_AddStringToObject(art, "uri", enc);
        cJSON_AddStringToObject(art, "uriBaseId", "%SRCROOT%");
    }
    free(enc);
    free(path);
    cJSON *region = cJSON_AddObjectToObject(phys, "region");
    cJSON_AddNumberToObject(region, "startLine", line ? line : 1);
    if (col)
        cJSON_AddNumberToObject(region, "startColumn", col);
    if (message) {
        cJSON *m = cJSON_AddObjectToObject(loc, "message");
        cJSON_AddStringToObject(m, "text", message);
    }
    return loc;
}

static const char *level_of(rules_severity s)
{
    return s == RULES_SEVERITY_ERROR ? "error" : s == RULES_SEVERITY_NOTE ? "note" : "warning";
}

static cJSON *rule_json(const rules_rule *r)
{
    cJSON *jr = cJSON_CreateObject();
    cJSON_AddStringToObject(jr, "id", r->id);
    cJSON_AddStringToObject(jr, "name", r->name);
    cJSON_AddStringToObject(cJSON_AddObjectToObject(jr, "shortDescription"), "text", r->short_description);
    cJSON_AddStringToObject(cJSON_AddObjectToObject(jr, "fullDescription"), "text", r->description);
    char *anchor = xasprintf("%s/blob/main/docs/rules.md#%s", DRVTAINT_URI, r->id);
    cJSON_AddStringToObject(jr, "helpUri", anchor);
    free(anchor);
    strbuf text = {0}, md = {0};
    sb_printf(&text, "%s\n\n%s", r->description, r->help);
    sb_printf(&md, "%s\n\n**How to fix:** %s", r->description, r->help);
    if (r->unsafe_example) {
        sb_printf(&text, "\n\nUnsafe:\n%s", r->unsafe_example);
        sb_printf(&md, "\n\nUnsafe:\n\n```c\n%s\n```", r->unsafe_example);
    }
    if (r->constrained_example) {
        sb_printf(&text, "\n\nConstrained:\n%s", r->constrained_example);
        sb_printf(&md, "\n\nConstrained:\n\n```c\n%s\n```", r->constrained_example);
    }
    cJSON *help = cJSON_AddObjectToObject(jr, "help");
    cJSON_AddStringToObject(help, "text", text.buf);
    cJSON_AddStringToObject(help, "markdown", md.buf);
    sb_free(&text);
    sb_free(&md);
    cJSON_AddStringToObject(cJSON_AddObjectToObject(jr, "defaultConfiguration"), "level", level_of(r->severity));
    cJSON *props = cJSON_AddObjectToObject(jr, "properties");
    cJSON *tags = cJSON_AddArrayToObject(props, "tags");
    for (size_t i = 0; i < r->ntags; i++)
        cJSON_AddItemToArray(tags, cJSON_CreateString(r->tags[i]));
    for (size_t i = 0; i < r->ncwe; i++) {
        char *t = xasprintf("external/cwe/cwe-%d", r->cwe[i]);
        cJSON_AddItemToArray(tags, cJSON_CreateString(t));
        free(t);
    }
    cJSON_AddStringToObject(props, "precision", r->precision ? r->precision : "high");
    char sev[16];
    snprintf(sev, sizeof sev, "%.1f", r->security_severity);
    cJSON_AddStringToObject(props, "security-severity", sev);
    return jr;
}

static int rule_index(const rules_set *rules, const char *id)
{
    for (size_t i = 0; i < rules->nrules; i++)
        if (strcmp(rules->rules[i].id, id) == 0)
            return (int)i;
    return -1;
}

/* One code flow per entry path to the sink. */
static void add_code_flow(const char *root, cJSON *flows, const trace_step *trace, size_t n, const char *entry)
{
    cJSON *flow = cJSON_CreateObject();
    cJSON_AddItemToArray(flows, flow);
    char *msg = xasprintf("through %s", entry);
    cJSON_AddStringToObject(cJSON_AddObjectToObject(flow, "message"), "text", msg);
    free(msg);
    cJSON *threads = cJSON_AddArrayToObject(flow, "threadFlows");
    cJSON *thread = cJSON_CreateObject();
    cJSON_AddItemToArray(threads, thread);
    cJSON *steps = cJSON_AddArrayToObject(thread, "locations");
    for (size_t i = 0; i < n; i++) {
        const trace_step *st = &trace[i];
        char *text = xasprintf("%s: %s", trace_kind_name(st->kind), st->text);
        cJSON *tfl = cJSON_CreateObject();
        cJSON_AddItemToObject(tfl, "location", location(root, st->file, st->line, st->col, text));
        free(text);
        cJSON_AddItemToArray(steps, tfl);
    }
}

/* same_line: how many results before this one have its rule on its line. GitHub tells alerts
 * apart by rule, path and this hash, so the second argument of one call (or a second call on
 * the line) gets the column and argument appended; the first keeps GitHub's own value. */
static cJSON *result_json(const finding *f, const rules_set *rules, const report_meta *meta, line_hash_cache *lines,
                          unsigned same_line)
{
    cJSON *res = cJSON_CreateObject();
    cJSON_AddStringToObject(res, "ruleId", f->rule);
    int idx = rule_index(rules, f->rule);
    if (idx >= 0)
        cJSON_AddNumberToObject(res, "ruleIndex", idx);
    cJSON_AddStringToObject(res, "level", finding_severity_name(f->severity));
    cJSON_AddStringToObject(cJSON_AddObjectToObject(res, "message"), "text", f->message);
    cJSON *locs = cJSON_AddArrayToObject(res, "locations");
    cJSON_AddItemToArray(locs, location(meta->root, f->file, f->line, f->col, NULL));
    if (f->ntrace > 1 || f->nrelated) {
        cJSON *related = cJSON_AddArrayToObject(res, "relatedLocations");
        int id = 1;
        if (f->ntrace > 1) {
            const trace_step *src = &f->trace[0];
            cJSON *rl = location(meta->root, src->file, src->line, src->col, "user-controlled data enters here");
            cJSON_AddNumberToObject(rl, "id", id++);
            cJSON_AddItemToArray(related, rl);
        }
        for (size_t i = 0; i < f->nrelated; i++) { /* copies through the mapping this finding makes */
            const trace_step *st = &f->related[i];
            cJSON *rl = location(meta->root, st->file, st->line, st->col, st->text);
            cJSON_AddNumberToObject(rl, "id", id++);
            cJSON_AddItemToArray(related, rl);
        }
    }
    cJSON *flows = cJSON_AddArrayToObject(res, "codeFlows");
    add_code_flow(meta->root, flows, f->trace, f->ntrace, f->entry ? f->entry : f->function);
    for (size_t i = 0; i < f->nroutes; i++)
        add_code_flow(meta->root, flows, f->routes[i].trace, f->routes[i].ntrace, f->routes[i].entry);
    cJSON *fp = cJSON_AddObjectToObject(res, "partialFingerprints");
    const char *lh = line_hash(lines, f->file, f->line);
    if (lh) {
        char *v = same_line ? xasprintf("%s/%u.%u", lh, f->col, f->arg_index) : xstrdup(lh);
        cJSON_AddStringToObject(fp, "primaryLocationLineHash", v);
        free(v);
    }
    char *own = finding_fingerprint(f, meta->root);
    cJSON_AddStringToObject(fp, "drvtaint/v1", own);
    free(own);
    if (f->suppressed) {
        cJSON *sup = cJSON_CreateObject();
        cJSON_AddStringToObject(sup, "kind", "inSource");
        cJSON_AddStringToObject(sup, "justification", f->suppressed);
        cJSON_AddItemToArray(cJSON_AddArrayToObject(res, "suppressions"), sup);
    }
    if (meta->baseline)
        cJSON_AddStringToObject(res, "baselineState", f->in_baseline ? "unchanged" : "new");
    cJSON *props = cJSON_AddObjectToObject(res, "properties");
    cJSON_AddStringToObject(props, "function", f->function);
    cJSON_AddStringToObject(props, "sink", f->sink);
    cJSON_AddStringToObject(props, "argumentRole", f->role);
    cJSON_AddStringToObject(props, "argument", f->arg_text);
    cJSON_AddStringToObject(props, "range", f->range);
    if (f->witness)
        cJSON_AddStringToObject(props, "witness", f->witness);
    cJSON_AddStringToObject(props, "entryPoint", f->entry ? f->entry : f->function);
    if (f->entry_kind)
        cJSON_AddStringToObject(props, "entryKind", f->entry_kind);
    if (f->nioctls) {
        cJSON *codes = cJSON_AddArrayToObject(props, "ioctlCodes");
        for (size_t i = 0; i < f->nioctls; i++) {
            char hex[24];
            snprintf(hex, sizeof hex, "0x%08llx", (unsigned long long)f->ioctls[i].code);
            cJSON_AddItemToArray(codes, cJSON_CreateString(f->ioctls[i].name ? f->ioctls[i].name : hex));
        }
    }
    return res;
}

static cJSON *notifications(const report_meta *meta)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; i < meta->nunits; i++) {
        const report_unit *u = &meta->units[i];
        if (!u->skipped && u->health.errors == 0)
            continue;
        cJSON *n = cJSON_CreateObject();
        cJSON_AddStringToObject(n, "level", u->skipped ? "error" : "warning");
        char *msg = u->skipped ? xasprintf("%s was not analysed: %s", u->path, u->skip_reason ? u->skip_reason : "")
                               : xasprintf("%s: %u compiler errors left after recovery in %u functions; those functions "
                                           "were analysed as far as they parsed",
                                           u->path, u->health.errors, u->health.functions_with_errors);
        cJSON_AddStringToObject(cJSON_AddObjectToObject(n, "message"), "text", msg);
        free(msg);
        cJSON *locs = cJSON_AddArrayToObject(n, "locations");
        cJSON_AddItemToArray(locs, location(meta->root, u->path, 1, 0, NULL));
        cJSON_AddItemToArray(list, n);
    }
    /* a header never read: findings (or their absence) in this unit rest on a stand-in */
    for (size_t i = 0; i < meta->nunits; i++) {
        const report_unit *u = &meta->units[i];
        for (size_t k = 0; k < u->nincludes; k++) {
            const report_include *inc = &u->includes[k];
            if (inc->how != AST_INC_MISSING && inc->how != AST_INC_AMBIGUOUS)
                continue;
            cJSON *n = cJSON_CreateObject();
            cJSON_AddStringToObject(n, "level", "warning");
            char *what = report_include_text(inc);
            char *msg = xasprintf("%s: header '%s' included from %s was %s", u->path, inc->spelled, inc->from, what);
            cJSON_AddStringToObject(cJSON_AddObjectToObject(n, "message"), "text", msg);
            free(msg);
            free(what);
            cJSON *locs = cJSON_AddArrayToObject(n, "locations");
            cJSON_AddItemToArray(locs, location(meta->root, inc->from, 1, 0, NULL));
            cJSON *props = cJSON_AddObjectToObject(n, "properties");
            cJSON_AddStringToObject(props, "unit", u->path);
            cJSON_AddStringToObject(props, "header", inc->spelled);
            cJSON_AddStringToObject(props, "resolution", report_include_how(inc->how));
            cJSON_AddItemToArray(list, n);
        }
    }
    for (size_t i = 0; i < meta->nunits; i++) /* where the analysis gave up */
        for (size_t k = 0; k < meta->units[i].nlimits; k++) {
            const report_unit *u = &meta->units[i];
            cJSON *n = cJSON_CreateObject();
            cJSON_AddStringToObject(n, "level", "note");
            char *msg = xasprintf("%s: analysis limit: %s", u->path, u->limits[k]);
            cJSON_AddStringToObject(cJSON_AddObjectToObject(n, "message"), "text", msg);
            free(msg);
            cJSON_AddItemToArray(cJSON_AddArrayToObject(n, "locations"), location(meta->root, u->path, 1, 0, NULL));
            cJSON_AddItemToArray(list, n);
        }
    for (size_t i = 0; i < meta->nstale; i++) {
        cJSON *n = cJSON_CreateObject();
        cJSON_AddStringToObject(n, "level", "warning");
        char *msg = xasprintf("stale suppression: no %s finding on this line or the next", meta->stale[i].rule);
        cJSON_AddStringToObject(cJSON_AddObjectToObject(n, "message"), "text", msg);
        free(msg);
        cJSON_AddItemToArray(cJSON_AddArrayToObject(n, "locations"), location(meta->root, meta->stale[i].file, meta->stale[i].line, 0, NULL));
        cJSON_AddItemToArray(list, n);
    }
    for (size_t i = 0; i < meta->ninput_errors; i++) {
        cJSON *n = cJSON_CreateObject();
        cJSON_AddStringToObject(n, "level", "error");
        char *msg = xasprintf("%s was not analysed: %s", meta->input_errors[i].input, meta->input_errors[i].message);
        cJSON_AddStringToObject(cJSON_AddObjectToObject(n, "message"), "text", msg);
        free(msg);
        cJSON_AddItemToArray(list, n);
    }
    return list;
}

void report_findings_sarif(strbuf *out, const finding_list *findings, const rules_set *rules, const report_meta *meta)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    cJSON_AddStringToObject(root, "version", "2.1.0");
    cJSON *runs = cJSON_AddArrayToObject(root, "runs");
    cJSON *run = cJSON_CreateObject();
    cJSON_AddItemToArray(runs, run);
    cJSON *driver = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "tool"), "driver");
    cJSON_AddStringToObject(driver, "name", "drvtaint");
    cJSON_AddStringToObject(driver, "version", meta->tool_version);
    cJSON_AddStringToObject(driver, "semanticVersion", meta->tool_version);
    cJSON_AddStringToObject(driver, "informationUri", DRVTAINT_URI);
    cJSON *jrules = cJSON_AddArrayToObject(driver, "rules");
    for (size_t i = 0; i < rules->nrules; i++)
        cJSON_AddItemToArray(jrules, rule_json(&rules->rules[i]));
    if (meta->root) {
        cJSON *bases = cJSON_AddObjectToObject(run, "originalUriBaseIds");
        char *enc = uri_encode(meta->root);
        char *uri = xasprintf("file://%s%s", enc, str_ends_with(meta->root, "/") ? "" : "/");
        free(enc);
        cJSON_AddStringToObject(cJSON_AddObjectToObject(bases, "%SRCROOT%"), "uri", uri);
        free(uri);
    }
    cJSON *inv = cJSON_CreateObject();
    cJSON_AddBoolToObject(inv, "executionSuccessful", true);
    cJSON_AddItemToObject(inv, "toolExecutionNotifications", notifications(meta));
    cJSON_AddItemToArray(cJSON_AddArrayToObject(run, "invocations"), inv);
    cJSON *results = cJSON_AddArrayToObject(run, "results");
    line_hash_cache lines = {0};
    for (size_t i = 0; i < findings->len; i++) {
        const finding *f = &findings->items[i];
        if (f->suppressed && !meta->keep_suppressed)
            continue;
        unsigned same = 0;
        for (size_t j = i; j-- > 0;) {
            const finding *g = &findings->items[j];
            if (g->line != f->line || strcmp(g->file, f->file) != 0)
                break;
            same += strcmp(g->rule, f->rule) == 0 && (!g->suppressed || meta->keep_suppressed);
        }
        cJSON_AddItemToArray(results, result_json(f, rules, meta, &lines, same));
    }
    cache_drop(&lines);
    char *s = cJSON_Print(root);
    sb_append(out, s);
    sb_putc(out, '\n');
    free(s);
    cJSON_Delete(root);
}
