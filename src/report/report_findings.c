/* report_findings.c - findings as gcc-style text and as JSON. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "drvtaint/report.h"
#include "report_internal.h"

void report_findings_text(strbuf *out, const finding_list *findings)
{
    for (size_t i = 0; i < findings->len; i++) {
        const finding *f = &findings->items[i];
        char *path = report_display_path(f->file);
        sb_printf(out, "%s:%u:%u: %s: %s [%s]\n", path, f->line, f->col, finding_severity_name(f->severity),
                  f->message, f->rule);
        free(path);
        for (size_t t = 0; t < f->ntrace; t++) {
            const trace_step *st = &f->trace[t];
            char *tpath = report_display_path(st->file);
            sb_printf(out, "    %s:%u:%u: %s: %s\n", tpath, st->line, st->col, trace_kind_name(st->kind), st->text);
            free(tpath);
        }
    }
}

static cJSON *finding_json(const finding *f)
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
    cJSON_AddStringToObject(jf, "message", f->message);
    char *fp = report_fingerprint(f);
    cJSON_AddStringToObject(jf, "fingerprint", fp);
    free(fp);
    cJSON *trace = cJSON_AddArrayToObject(jf, "trace");
    for (size_t t = 0; t < f->ntrace; t++) {
        const trace_step *st = &f->trace[t];
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
        cJSON_AddItemToArray(list, finding_json(&findings->items[i]));
    char *s = cJSON_Print(root);
    sb_append(out, s);
    sb_putc(out, '\n');
    free(s);
    cJSON_Delete(root);
}
