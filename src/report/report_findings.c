/* report_findings.c - findings as gcc-style text and as JSON. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "drvtaint/report.h"
#include "drvtaint/suppress.h"
#include "report_internal.h"

bool report_is_active(const finding *f)
{
    return !f->suppressed && !f->in_baseline;
}

/* msvc mode prints absolute paths: VS Code's $msCompile reads them as such, and Visual Studio
 * resolves relative ones against the project, not where drvtaint ran. */
static char *msvc_path(const char *path)
{
    char cwd[4096];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        return xstrdup(path);
    return xasprintf("%s/%s", cwd, path);
}

static void stale_lines(strbuf *out, const report_meta *meta, bool msvc)
{
    for (size_t i = 0; i < meta->nstale; i++) {
        char *path = msvc ? msvc_path(meta->stale[i].file) : report_display_path(meta->stale[i].file);
        if (msvc)
            sb_printf(out, "%s(%u,1): warning " SUPPRESS_CODE_STALE ": stale suppression: no %s finding on this line or "
                           "the next\n",
                      path, meta->stale[i].line, meta->stale[i].rule);
        else
            sb_printf(out, "%s:%u:1: warning: stale suppression: no %s finding on this line or the next "
                           "[stale-suppression]\n",
                      path, meta->stale[i].line, meta->stale[i].rule);
        free(path);
    }
}

/* Trace lines: indented path:line:col in gcc form; in MSVC form the compiler's own note line
 * (path(line,col): note: ...), which Visual Studio's output window navigates to and which
 * neither $msCompile nor MSBuild counts as a problem. */
static void trace_lines(strbuf *out, const trace_step *steps, size_t n, bool msvc)
{
    for (size_t t = 0; t < n; t++) {
        const trace_step *st = &steps[t];
        char *tpath = msvc ? msvc_path(st->file) : report_display_path(st->file);
        sb_printf(out, msvc ? "%s(%u,%u): note: %s: %s\n" : "    %s:%u:%u: %s: %s\n", tpath, st->line, st->col,
                  trace_kind_name(st->kind), st->text);
        free(tpath);
    }
}

/* The trace, then each other entry path under a line that names its entry point. */
static void finding_traces(strbuf *out, const finding *f, bool msvc)
{
    trace_lines(out, f->trace, f->ntrace, msvc);
    for (size_t i = 0; i < f->nrelated; i++) { /* the copies through a mapping this finding makes */
        const trace_step *st = &f->related[i];
        char *tpath = msvc ? msvc_path(st->file) : report_display_path(st->file);
        sb_printf(out, msvc ? "%s(%u,%u): note: related: %s\n" : "    %s:%u:%u: related: %s\n", tpath, st->line, st->col,
                  st->text);
        free(tpath);
    }
    for (size_t i = 0; i < f->nroutes; i++) {
        const finding_route *r = &f->routes[i];
        sb_printf(out, "    also reached through %s%s%s%s:\n", r->entry, r->entry_kind ? " (" : "",
                  r->entry_kind ? r->entry_kind : "", r->entry_kind ? ")" : "");
        trace_lines(out, r->trace, r->ntrace, msvc);
    }
}

void report_findings_text(strbuf *out, const finding_list *findings, const report_meta *meta)
{
    for (size_t i = 0; i < findings->len; i++) {
        const finding *f = &findings->items[i];
        if (!report_is_active(f))
            continue;
        char *path = report_display_path(f->file);
        sb_printf(out, "%s:%u:%u: %s: %s [%s]\n", path, f->line, f->col, finding_severity_name(f->severity),
                  f->message, f->rule);
        free(path);
        finding_traces(out, f, false);
    }
    stale_lines(out, meta, false);
}

/* path(line,col): error DT1001: message [rule-id]. The code is a word ending in digits, as
 * $msCompile and MSBuild's canonical error format want; a note is "info", which VS Code
 * shows and MSBuild (error and warning only) leaves in the log. */
void report_findings_msvc(strbuf *out, const finding_list *findings, const rules_set *rules, const report_meta *meta)
{
    for (size_t i = 0; i < findings->len; i++) {
        const finding *f = &findings->items[i];
        if (!report_is_active(f))
            continue;
        char *path = msvc_path(f->file);
        char code[RULES_CODE_SIZE];
        rules_code_text(rules_find_rule(rules, f->rule), code);
        sb_printf(out, "%s(%u,%u): %s %s: %s [%s]\n", path, f->line, f->col,
                  f->severity == FINDING_NOTE ? "info" : finding_severity_name(f->severity), code, f->message, f->rule);
        free(path);
        finding_traces(out, f, true);
    }
    stale_lines(out, meta, true);
}

/* entry_point and ioctl_codes of a finding or of one of its routes */
static void add_route_json(cJSON *obj, const char *entry, const char *kind, const finding_ioctl *ioctls, size_t n)
{
    cJSON *ep = cJSON_AddObjectToObject(obj, "entry_point");
    cJSON_AddStringToObject(ep, "function", entry);
    if (kind)
        cJSON_AddStringToObject(ep, "kind", kind);
    else
        cJSON_AddNullToObject(ep, "kind");
    cJSON *codes = cJSON_AddArrayToObject(obj, "ioctl_codes");
    for (size_t i = 0; i < n; i++) {
        cJSON *jc = cJSON_CreateObject();
        char hex[24];
        snprintf(hex, sizeof hex, "0x%08llx", (unsigned long long)ioctls[i].code);
        if (ioctls[i].placeholder) /* made up by recovery: neither the code nor its method is known */
            cJSON_AddNullToObject(jc, "code");
        else
            cJSON_AddStringToObject(jc, "code", hex);
        if (ioctls[i].name)
            cJSON_AddStringToObject(jc, "name", ioctls[i].name);
        else
            cJSON_AddNullToObject(jc, "name");
        static const char *const methods[] = {"METHOD_BUFFERED", "METHOD_IN_DIRECT", "METHOD_OUT_DIRECT",
                                              "METHOD_NEITHER"};
        if (ioctls[i].placeholder)
            cJSON_AddNullToObject(jc, "method");
        else
            cJSON_AddStringToObject(jc, "method", methods[ioctls[i].code & 3]);
        cJSON_AddItemToArray(codes, jc);
    }
}

static void add_trace_json(cJSON *obj, const trace_step *steps, size_t n)
{
    cJSON *trace = cJSON_AddArrayToObject(obj, "trace");
    for (size_t t = 0; t < n; t++) {
        const trace_step *st = &steps[t];
        cJSON *js = cJSON_CreateObject();
        cJSON_AddStringToObject(js, "kind", trace_kind_name(st->kind));
        char *tpath = report_display_path(st->file);
        cJSON_AddStringToObject(js, "file", tpath);
        free(tpath);
        cJSON_AddNumberToObject(js, "line", st->line);
        cJSON_AddNumberToObject(js, "column", st->col);
        cJSON_AddStringToObject(js, "text", st->text);
        cJSON_AddItemToArray(trace, js);
    }
}

cJSON *report_finding_json(const finding *f, const report_meta *meta)
{
    cJSON *jf = cJSON_CreateObject();
    cJSON_AddStringToObject(jf, "rule", f->rule);
    cJSON_AddStringToObject(jf, "severity", finding_severity_name(f->severity));
    char *path = report_display_path(f->file);
    cJSON_AddStringToObject(jf, "file", path);
    free(path);
    cJSON_AddNumberToObject(jf, "line", f->line);
    cJSON_AddNumberToObject(jf, "column", f->col);
    cJSON_AddStringToObject(jf, "function", f->function);
    cJSON_AddStringToObject(jf, "sink", f->sink);
    if (f->written)
        cJSON_AddStringToObject(jf, "written_as", f->written);
    else
        cJSON_AddNullToObject(jf, "written_as");
    cJSON *arg = cJSON_AddObjectToObject(jf, "argument");
    cJSON_AddNumberToObject(arg, "index", f->arg_index);
    cJSON_AddStringToObject(arg, "role", f->role);
    cJSON_AddStringToObject(arg, "text", f->arg_text);
    cJSON_AddStringToObject(jf, "range", f->range);
    if (f->witness)
        cJSON_AddStringToObject(jf, "witness", f->witness);
    else
        cJSON_AddNullToObject(jf, "witness");
    add_route_json(jf, f->entry ? f->entry : f->function, f->entry_kind, f->ioctls, f->nioctls);
    cJSON_AddStringToObject(jf, "message", f->message);
    char *fp = finding_fingerprint(f, meta->root);
    cJSON_AddStringToObject(jf, "fingerprint", fp);
    free(fp);
    if (f->suppressed)
        cJSON_AddStringToObject(jf, "suppressed", f->suppressed);
    else
        cJSON_AddNullToObject(jf, "suppressed");
    if (meta->baseline)
        cJSON_AddStringToObject(jf, "baseline_state", f->in_baseline ? "unchanged" : "new");
    add_trace_json(jf, f->trace, f->ntrace);
    if (f->nrelated) { /* only when a use was folded in: other findings keep their shape */
        cJSON *related = cJSON_AddArrayToObject(jf, "related");
        for (size_t i = 0; i < f->nrelated; i++) {
            cJSON *jl = cJSON_CreateObject();
            cJSON_AddStringToObject(jl, "file", f->related[i].file);
            cJSON_AddNumberToObject(jl, "line", f->related[i].line);
            cJSON_AddNumberToObject(jl, "column", f->related[i].col);
            cJSON_AddStringToObject(jl, "text", f->related[i].text);
            cJSON_AddItemToArray(related, jl);
        }
    }
    cJSON *routes = cJSON_AddArrayToObject(jf, "routes");
    for (size_t i = 0; i < f->nroutes; i++) {
        const finding_route *r = &f->routes[i];
        cJSON *jr = cJSON_CreateObject();
        add_route_json(jr, r->entry, r->entry_kind, r->ioctls, r->nioctls);
        add_trace_json(jr, r->trace, r->ntrace);
        cJSON_AddItemToArray(routes, jr);
    }
    return jf;
}

void report_findings_json(strbuf *out, const finding_list *findings, const report_meta *meta)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", "drvtaint-findings/1");
    cJSON *tool = cJSON_AddObjectToObject(root, "tool");
    cJSON_AddStringToObject(tool, "name", "drvtaint");
    cJSON_AddStringToObject(tool, "version", meta->tool_version);
    cJSON_AddItemToObject(root, "units", report_units_json(meta));
    cJSON *list = cJSON_AddArrayToObject(root, "findings");
    for (size_t i = 0; i < findings->len; i++)
        cJSON_AddItemToArray(list, report_finding_json(&findings->items[i], meta));
    cJSON *stale = cJSON_AddArrayToObject(root, "stale_suppressions");
    for (size_t i = 0; i < meta->nstale; i++) {
        cJSON *js = cJSON_CreateObject();
        char *path = report_display_path(meta->stale[i].file);
        cJSON_AddStringToObject(js, "file", path);
        free(path);
        cJSON_AddNumberToObject(js, "line", meta->stale[i].line);
        cJSON_AddStringToObject(js, "rule", meta->stale[i].rule);
        cJSON_AddItemToArray(stale, js);
    }
    char *s = cJSON_Print(root);
    sb_append(out, s);
    sb_putc(out, '\n');
    free(s);
    cJSON_Delete(root);
}
