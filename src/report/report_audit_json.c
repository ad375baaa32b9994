/* report_audit_json.c - the audit as JSON, schema drvtaint-audit/1 (docs/drvtaint-audit.schema.json). */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/entry.h"
#include "drvtaint/report.h"
#include "report_internal.h"

static void add_str_or_null(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

static cJSON *where_json(const char *file, unsigned line, unsigned col, const char *function)
{
    cJSON *w = cJSON_CreateObject();
    char *path = report_display_path(file);
    cJSON_AddStringToObject(w, "file", path);
    free(path);
    cJSON_AddNumberToObject(w, "line", line);
    cJSON_AddNumberToObject(w, "column", col);
    cJSON_AddStringToObject(w, "function", function);
    return w;
}

static cJSON *flags_json(char *flags)
{
    cJSON *a = cJSON_CreateArray();
    /* the sentences are joined with "; " */
    for (char *p = flags; p && *p;) {
        char *end = strstr(p, "; ");
        if (end)
            *end = 0;
        cJSON_AddItemToArray(a, cJSON_CreateString(p));
        p = end ? end + 2 : NULL;
    }
    free(flags);
    return a;
}

static cJSON *op_json(const audit_op *op)
{
    const inventory_entry *e = op->call;
    cJSON *jo = where_json(e->file, e->line, e->col, e->function);
    cJSON_AddStringToObject(jo, "sink", e->sink);
    add_str_or_null(jo, "written_as", e->written);
    cJSON_AddStringToObject(jo, "rule", e->rule);
    cJSON *args = cJSON_AddArrayToObject(jo, "arguments");
    for (size_t a = 0; a < op->nargs; a++) {
        const audit_arg *aa = &op->args[a];
        cJSON *ja = cJSON_CreateObject();
        cJSON_AddNumberToObject(ja, "index", aa->arg->index);
        cJSON_AddStringToObject(ja, "role", aa->arg->role);
        cJSON_AddStringToObject(ja, "text", aa->arg->text);
        cJSON_AddStringToObject(ja, "verdict", report_audit_verdict_name(aa->verdict));
        add_str_or_null(ja, "range", aa->evidence ? aa->evidence->range : NULL);
        add_str_or_null(ja, "witness", aa->evidence && aa->verdict == AUDIT_UNBOUNDED ? aa->evidence->witness : NULL);
        if (aa->verdict == AUDIT_UNBOUNDED)
            cJSON_AddNumberToObject(ja, "finding", (double)aa->finding_index);
        else
            cJSON_AddNullToObject(ja, "finding");
        cJSON_AddItemToArray(args, ja);
    }
    return jo;
}

/* where the INF sets a device's value: {"file", "line"}, or null when the source's value stands */
static void add_inf_setting(cJSON *obj, const char *key, const inf_setting *at)
{
    if (!at) {
        cJSON_AddNullToObject(obj, key);
        return;
    }
    cJSON *j = cJSON_AddObjectToObject(obj, key);
    char *path = report_display_path(at->file);
    cJSON_AddStringToObject(j, "file", path);
    free(path);
    cJSON_AddNumberToObject(j, "line", at->line);
}

static cJSON *driver_json(const audit_driver *dr, const report_meta *meta)
{
    cJSON *jd = cJSON_CreateObject();
    char *path = report_display_path(dr->name);
    cJSON_AddStringToObject(jd, "name", path);
    free(path);
    cJSON *units = cJSON_AddArrayToObject(jd, "units");
    for (size_t i = 0; i < dr->nunits; i++)
        cJSON_AddItemToArray(units, cJSON_CreateString(meta->units[dr->units[i]].path));

    cJSON *devs = cJSON_AddArrayToObject(jd, "devices");
    for (size_t i = 0; i < dr->ndevices; i++) {
        const surface_device *dv = dr->devices[i].dev;
        cJSON *j = where_json(dv->at.file, dv->at.line, dv->at.col, dv->at.function);
        cJSON_AddStringToObject(j, "created_by", dv->how);
        cJSON_AddBoolToObject(j, "control_device", dv->control);
        add_str_or_null(j, "name", dv->name);
        const audit_device *ad = &dr->devices[i];
        add_str_or_null(j, "sddl", ad->sddl);
        add_str_or_null(j, "device_type", dv->device_type);
        cJSON_AddBoolToObject(j, "secure_open", ad->secure_open);
        cJSON_AddBoolToObject(j, "exclusive", ad->exclusive);
        cJSON *from = cJSON_AddObjectToObject(j, "from_inf");
        add_inf_setting(from, "sddl", ad->inf_sddl_at);
        add_inf_setting(from, "secure_open", ad->inf_secure_open_at);
        add_inf_setting(from, "exclusive", ad->inf_exclusive_at);
        cJSON_AddItemToObject(j, "flags", flags_json(report_audit_device_flags(&dr->devices[i])));
        cJSON_AddItemToArray(devs, j);
    }
    cJSON *links = cJSON_AddArrayToObject(jd, "links");
    for (size_t i = 0; i < dr->nlinks; i++) {
        const surface_link *l = dr->links[i];
        cJSON *j = where_json(l->at.file, l->at.line, l->at.col, l->at.function);
        cJSON_AddStringToObject(j, "kind", l->kind);
        cJSON_AddStringToObject(j, "name", l->name);
        cJSON_AddItemToArray(links, j);
    }
    cJSON *ops = cJSON_AddArrayToObject(jd, "operations");
    for (size_t o = 0; o < dr->nops; o++)
        cJSON_AddItemToArray(ops, op_json(&dr->ops[o]));
    cJSON *ioctls = cJSON_AddArrayToObject(jd, "ioctls");
    for (size_t i = 0; i < dr->nioctls; i++) {
        const audit_ioctl *io = &dr->ioctls[i];
        cJSON *j = cJSON_CreateObject();
        char hex[32];
        snprintf(hex, sizeof hex, "0x%08" PRIx64, io->code);
        add_str_or_null(j, "code", io->code_known ? hex : NULL);
        add_str_or_null(j, "name", io->name);
        if (io->code_known) {
            cJSON_AddNumberToObject(j, "device_type", surface_ioctl_device_type(io->code));
            cJSON_AddNumberToObject(j, "function", surface_ioctl_function(io->code));
        } else {
            cJSON_AddNullToObject(j, "device_type");
            cJSON_AddNullToObject(j, "function");
        }
        add_str_or_null(j, "method", io->code_known ? entries_method_name(io->code) : NULL);
        add_str_or_null(j, "access", io->code_known ? surface_ioctl_access_name(io->code) : NULL);
        cJSON_AddStringToObject(j, "handler", io->handler);
        char *p = report_display_path(io->file);
        cJSON_AddStringToObject(j, "file", p);
        free(p);
        cJSON_AddNumberToObject(j, "line", io->line);
        cJSON *en = cJSON_AddArrayToObject(j, "entry_points");
        for (size_t k = 0; k < io->nentries; k++)
            cJSON_AddItemToArray(en, cJSON_CreateString(io->entries[k]));
        cJSON *ch = cJSON_AddArrayToObject(j, "length_checks");
        for (size_t k = 0; k < io->nchecks; k++)
            cJSON_AddItemToArray(ch, cJSON_CreateString(io->checks[k]));
        cJSON *jo = cJSON_AddArrayToObject(j, "operations");
        for (size_t k = 0; k < io->nops; k++)
            cJSON_AddItemToArray(jo, cJSON_CreateNumber((double)io->ops[k]));
        cJSON_AddItemToObject(j, "flags", flags_json(report_audit_ioctl_flags(io)));
        cJSON_AddItemToArray(ioctls, j);
    }
    cJSON *entries = cJSON_AddArrayToObject(jd, "entry_points");
    for (size_t i = 0; i < dr->nentries; i++) {
        const audit_entry *en = &dr->entries[i];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "function", en->entry->function);
        cJSON_AddStringToObject(j, "kind", en->entry->kind);
        cJSON_AddBoolToObject(j, "user_reachable", en->entry->user_reachable);
        cJSON *rf = cJSON_AddArrayToObject(j, "reached_from");
        for (size_t k = 0; k < en->nreached_from; k++)
            cJSON_AddItemToArray(rf, cJSON_CreateString(en->reached_from[k]));
        cJSON *jo = cJSON_AddArrayToObject(j, "operations");
        for (size_t k = 0; k < en->nops; k++)
            cJSON_AddItemToArray(jo, cJSON_CreateNumber((double)en->ops[k]));
        cJSON_AddItemToArray(entries, j);
    }
    cJSON *fs = cJSON_AddArrayToObject(jd, "findings");
    for (size_t i = 0; i < dr->nfindings; i++)
        cJSON_AddItemToArray(fs, cJSON_CreateNumber((double)dr->findings[i]));
    return jd;
}

void report_audit_json(strbuf *out, const audit_report *r, const finding_list *findings, const report_meta *meta)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", "drvtaint-audit/1");
    cJSON *tool = cJSON_AddObjectToObject(root, "tool");
    cJSON_AddStringToObject(tool, "name", "drvtaint");
    cJSON_AddStringToObject(tool, "version", meta->tool_version);
    cJSON_AddItemToObject(root, "units", report_units_json(meta));
    cJSON *drivers = cJSON_AddArrayToObject(root, "drivers");
    for (size_t k = 0; k < r->ndrivers; k++)
        cJSON_AddItemToArray(drivers, driver_json(&r->drivers[k], meta));
    cJSON *list = cJSON_AddArrayToObject(root, "findings");
    for (size_t i = 0; i < findings->len; i++)
        cJSON_AddItemToArray(list, report_finding_json(&findings->items[i], meta));
    char *s = cJSON_Print(root);
    sb_append(out, s);
    sb_putc(out, '\n');
    free(s);
    cJSON_Delete(root);
}
