/* report_inventory.c - the inventory as gcc-style text lines or JSON. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "drvtaint/report.h"
#include "report_internal.h"

void report_inventory_text(strbuf *out, const inventory *inv)
{
    for (size_t i = 0; i < inv->len; i++) {
        const inventory_entry *e = &inv->items[i];
        char *path = report_display_path(e->file);
        sb_printf(out, "%s:%u:%u: note: %s", path, e->line, e->col, e->sink);
        if (e->written)
            sb_printf(out, " (written %s)", e->written);
        sb_printf(out, " in %s [%s]", e->function, e->rule);
        for (size_t a = 0; a < e->nargs; a++)
            sb_printf(out, "%s %s=%s", a ? "," : ":", e->args[a].role, e->args[a].text);
        sb_putc(out, '\n');
        free(path);
    }
}

cJSON *report_units_json(const report_meta *meta)
{
    cJSON *units = cJSON_CreateArray();
    for (size_t i = 0; i < meta->nunits; i++) {
        const report_unit *u = &meta->units[i];
        cJSON *ju = cJSON_CreateObject();
        cJSON_AddStringToObject(ju, "path", u->path);
        cJSON_AddBoolToObject(ju, "analysed", !u->skipped);
        if (u->skipped)
            cJSON_AddStringToObject(ju, "reason", u->skip_reason ? u->skip_reason : "");
        cJSON_AddNumberToObject(ju, "errors_before_recovery", u->health.errors_before_recovery);
        cJSON_AddNumberToObject(ju, "errors", u->health.errors);
        cJSON_AddNumberToObject(ju, "recovery_passes", u->health.recovery_passes);
        cJSON_AddNumberToObject(ju, "declared_unknown_names", u->health.declared_unknown);
        cJSON_AddNumberToObject(ju, "functions", (double)u->nfunctions);
        cJSON_AddNumberToObject(ju, "functions_with_errors", u->health.functions_with_errors);
        if (u->nlimits) { /* only when the analysis gave up somewhere: "no finding" is not "all clear" */
            cJSON *lim = cJSON_AddArrayToObject(ju, "limits");
            for (size_t k = 0; k < u->nlimits; k++)
                cJSON_AddItemToArray(lim, cJSON_CreateString(u->limits[k]));
        }
        cJSON_AddItemToArray(units, ju);
    }
    for (size_t i = 0; i < meta->ninput_errors; i++) {
        cJSON *ju = cJSON_CreateObject();
        cJSON_AddStringToObject(ju, "path", meta->input_errors[i].input);
        cJSON_AddBoolToObject(ju, "analysed", false);
        cJSON_AddStringToObject(ju, "reason", meta->input_errors[i].message);
        cJSON_AddItemToArray(units, ju);
    }
    return units;
}

void report_inventory_json(strbuf *out, const inventory *inv, const report_meta *meta)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", "drvtaint-inventory/1");
    cJSON *tool = cJSON_AddObjectToObject(root, "tool");
    cJSON_AddStringToObject(tool, "name", "drvtaint");
    cJSON_AddStringToObject(tool, "version", meta->tool_version);
    cJSON_AddItemToObject(root, "units", report_units_json(meta));
    cJSON *calls = cJSON_AddArrayToObject(root, "calls");
    for (size_t i = 0; i < inv->len; i++) {
        const inventory_entry *e = &inv->items[i];
        cJSON *jc = cJSON_CreateObject();
        char *path = report_display_path(e->file);
        cJSON_AddStringToObject(jc, "file", path);
        free(path);
        cJSON_AddNumberToObject(jc, "line", e->line);
        cJSON_AddNumberToObject(jc, "column", e->col);
        cJSON_AddStringToObject(jc, "function", e->function);
        cJSON_AddStringToObject(jc, "sink", e->sink);
        if (e->written)
            cJSON_AddStringToObject(jc, "written_as", e->written);
        else
            cJSON_AddNullToObject(jc, "written_as");
        cJSON_AddStringToObject(jc, "rule", e->rule);
        cJSON *args = cJSON_AddArrayToObject(jc, "arguments");
        for (size_t a = 0; a < e->nargs; a++) {
            cJSON *ja = cJSON_CreateObject();
            cJSON_AddNumberToObject(ja, "index", e->args[a].index);
            cJSON_AddStringToObject(ja, "role", e->args[a].role);
            cJSON_AddStringToObject(ja, "text", e->args[a].text);
            cJSON_AddItemToArray(args, ja);
        }
        cJSON_AddItemToArray(calls, jc);
    }
    char *s = cJSON_Print(root);
    sb_append(out, s);
    sb_putc(out, '\n');
    free(s);
    cJSON_Delete(root);
}
