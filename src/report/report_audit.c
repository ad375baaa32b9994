/* report_audit.c - the per-driver audit report in Markdown and HTML (one writer, report_audit_doc.h):
 * how the driver is reached, the IOCTL table with the privileged operations each code reaches,
 * other entry points, findings grouped by IOCTL and rule, and the parse health of the units. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/entry.h"
#include "drvtaint/report.h"
#include "report_audit_doc.h"
#include "report_internal.h"

const char *report_audit_verdict_name(audit_verdict_kind k)
{
    switch (k) {
    case AUDIT_BOUNDED: return "bounded";
    case AUDIT_UNBOUNDED: return "unbounded";
    case AUDIT_NOT_USER: break;
    }
    return "not-user";
}

char *report_audit_verdict_detail(const audit_arg *a)
{
    const finding *f = a->evidence;
    if (!f)
        return xstrdup("");
    if (a->verdict == AUDIT_BOUNDED) {
        /* the message of a bounded record ends in why: "is bounded", "is checked by a validator" */
        if (strstr(f->message, "is checked by a validator"))
            return xasprintf("%s (checked by a validator)", f->range);
        if (strstr(f->message, "is probed"))
            return xasprintf("%s (probed)", f->range);
        if (strstr(f->message, "is checked against a kernel value"))
            return xstrdup("below or equal to a kernel value");
        return xstrdup(f->range);
    }
    return f->witness ? xasprintf("%s; may be %s", f->range, f->witness) : xstrdup(f->range);
}

const char *report_audit_sddl_text(const surface_device *d)
{
    return d->sddl ? d->sddl : "none in the source or the INF (class default)";
}

char *report_audit_device_flags(const audit_device *d)
{
    strbuf sb = {0};
    if (d->open_named)
        sb_append(&sb, "named device without an SDDL and without FILE_DEVICE_SECURE_OPEN");
    if (d->world_open)
        sb_printf(&sb, "%s%s any user may open", sb.len ? "; " : "", d->dev->control ? "control device" : "device");
    return sb.len ? sb_take(&sb) : NULL;
}

char *report_audit_ioctl_flags(const audit_ioctl *io)
{
    strbuf sb = {0};
    if (io->any_access_priv)
        sb_append(&sb, "privileged operations reachable with FILE_ANY_ACCESS");
    if (io->neither_unprobed)
        sb_printf(&sb, "%sMETHOD_NEITHER buffers used without ProbeForRead/ProbeForWrite", sb.len ? "; " : "");
    return sb.len ? sb_take(&sb) : NULL;
}

static void loc_text(doc *d, const char *file, unsigned line)
{
    char *path = report_display_path(file);
    doc_code(d, path);
    doc_textf(d, ":%u", line);
    free(path);
}

static void cell_text(doc *d, const char *s)
{
    doc_cell_begin(d);
    doc_text(d, s ? s : "");
    doc_cell_end(d);
}

static void cell_code(doc *d, const char *s)
{
    doc_cell_begin(d);
    if (s && *s)
        doc_code(d, s);
    doc_cell_end(d);
}

static void finding_link(doc *d, size_t index)
{
    char anchor[32], text[32];
    snprintf(anchor, sizeof anchor, "f%zu", index + 1);
    snprintf(text, sizeof text, "F%zu", index + 1);
    doc_link(d, anchor, text);
}

/* One privileged operation: sink, where, and the verdict of each checked argument. */
static void op_text(doc *d, const audit_op *op)
{
    const inventory_entry *e = op->call;
    doc_code(d, e->written ? e->written : e->sink);
    doc_text(d, " ");
    char *path = report_display_path(e->file);
    doc_textf(d, "(%s, %s:%u in %s)", e->rule, path, e->line, e->function);
    free(path);
    for (size_t a = 0; a < op->nargs; a++) {
        const audit_arg *aa = &op->args[a];
        if (aa->verdict == AUDIT_NOT_USER)
            continue;
        doc_br(d);
        doc_textf(d, "%s ", aa->arg->role);
        doc_code(d, aa->arg->text);
        doc_text(d, ": ");
        doc_verdict(d, report_audit_verdict_name(aa->verdict), aa->verdict == AUDIT_UNBOUNDED);
        char *det = report_audit_verdict_detail(aa);
        if (*det)
            doc_textf(d, " %s", det);
        free(det);
        if (aa->verdict == AUDIT_UNBOUNDED) {
            doc_text(d, " ");
            finding_link(d, aa->finding_index);
        }
    }
}

/* " (INF file:line)" after a value the driver's INF sets */
static void inf_source(doc *d, const inf_setting *at)
{
    if (!at)
        return;
    doc_text(d, " (INF ");
    loc_text(d, at->file, at->line);
    doc_text(d, ")");
}

static void devices_section(doc *d, const audit_driver *dr)
{
    doc_heading(d, 3, NULL, "How it is reached from user mode");
    if (!dr->ndevices) {
        doc_para_begin(d);
        doc_text(d, "No device object is created in the source: a filter or function driver whose device the "
                    "PnP manager attaches, or a device created in code not given to drvtaint.");
        doc_para_end(d);
    } else {
        static const char *const h[] = {"created by", "where", "name", "SDDL", "FILE_DEVICE_SECURE_OPEN",
                                        "exclusive", "flags"};
        doc_table_begin(d, h, 7);
        for (size_t i = 0; i < dr->ndevices; i++) {
            const audit_device *ad = &dr->devices[i];
            const surface_device *dv = ad->dev;
            doc_row_begin(d);
            doc_cell_begin(d);
            doc_code(d, dv->how);
            if (dv->control)
                doc_text(d, " (control device)");
            doc_cell_end(d);
            doc_cell_begin(d);
            loc_text(d, dv->at.file, dv->at.line);
            doc_textf(d, " in %s", dv->at.function);
            doc_cell_end(d);
            cell_code(d, dv->name ? dv->name : "");
            if (!dv->name) {
                /* an empty cell would read as unknown */
            }
            doc_cell_begin(d);
            if (ad->sddl)
                doc_code(d, ad->sddl);
            else
                doc_text(d, report_audit_sddl_text(dv));
            inf_source(d, ad->inf_sddl_at);
            doc_cell_end(d);
            doc_cell_begin(d);
            doc_text(d, ad->secure_open ? "yes" : "no");
            inf_source(d, ad->inf_secure_open_at);
            doc_cell_end(d);
            doc_cell_begin(d);
            doc_text(d, ad->exclusive ? "yes" : "no");
            inf_source(d, ad->inf_exclusive_at);
            doc_cell_end(d);
            char *fl = report_audit_device_flags(ad);
            doc_cell_begin(d);
            if (fl)
                doc_strong(d, fl);
            doc_cell_end(d);
            free(fl);
            doc_row_end(d);
        }
        doc_table_end(d);
    }
    if (dr->nlinks) {
        static const char *const h[] = {"kind", "name", "where"};
        doc_table_begin(d, h, 3);
        for (size_t i = 0; i < dr->nlinks; i++) {
            const surface_link *l = dr->links[i];
            doc_row_begin(d);
            cell_text(d, l->kind);
            cell_code(d, l->name);
            doc_cell_begin(d);
            loc_text(d, l->at.file, l->at.line);
            doc_textf(d, " in %s", l->at.function);
            doc_cell_end(d);
            doc_row_end(d);
        }
        doc_table_end(d);
    } else {
        doc_para_begin(d);
        doc_text(d, "No symbolic link or device interface in the source.");
        doc_para_end(d);
    }
}

static void ioctl_section(doc *d, const audit_driver *dr)
{
    doc_heading(d, 3, NULL, "IOCTL codes");
    if (!dr->nioctls) {
        doc_para_begin(d);
        doc_text(d, "No function tests an IOCTL code.");
        doc_para_end(d);
        return;
    }
    static const char *const h[] = {"IOCTL", "value (device type, function)", "method", "access", "handler",
                                    "length checks", "privileged operations", "flags"};
    doc_table_begin(d, h, 8);
    for (size_t i = 0; i < dr->nioctls; i++) {
        const audit_ioctl *io = &dr->ioctls[i];
        char buf[64];
        doc_row_begin(d);
        cell_code(d, io->name ? io->name : "");
        doc_cell_begin(d);
        if (io->code_known) {
            snprintf(buf, sizeof buf, "0x%08" PRIx64, io->code);
            doc_code(d, buf);
            doc_br(d);
            doc_textf(d, "(0x%x, 0x%x)", surface_ioctl_device_type(io->code), surface_ioctl_function(io->code));
        } else {
            doc_text(d, "unknown: its definition needs a header drvtaint does not have");
        }
        doc_cell_end(d);
        cell_code(d, io->code_known ? entries_method_name(io->code) : "");
        cell_code(d, io->code_known ? surface_ioctl_access_name(io->code) : "");
        doc_cell_begin(d);
        doc_code(d, io->handler);
        doc_text(d, " ");
        loc_text(d, io->file, io->line);
        for (size_t k = 0; k < io->nentries; k++) {
            if (strcmp(io->entries[k], io->handler) == 0)
                continue;
            doc_br(d);
            doc_text(d, "from ");
            doc_code(d, io->entries[k]);
        }
        doc_cell_end(d);
        doc_cell_begin(d);
        for (size_t k = 0; k < io->nchecks; k++) {
            if (k)
                doc_br(d);
            doc_code(d, io->checks[k]);
        }
        if (!io->nchecks)
            doc_text(d, "none seen");
        doc_cell_end(d);
        doc_cell_begin(d);
        for (size_t k = 0; k < io->nops; k++) {
            if (k)
                doc_br(d);
            op_text(d, &dr->ops[io->ops[k]]);
        }
        if (!io->nops)
            doc_text(d, "none");
        doc_cell_end(d);
        char *fl = report_audit_ioctl_flags(io);
        doc_cell_begin(d);
        if (fl)
            doc_strong(d, fl);
        doc_cell_end(d);
        free(fl);
        doc_row_end(d);
    }
    doc_table_end(d);
}

static bool op_in_ioctl(const audit_driver *dr, size_t o)
{
    for (size_t i = 0; i < dr->nioctls; i++)
        for (size_t k = 0; k < dr->ioctls[i].nops; k++)
            if (dr->ioctls[i].ops[k] == o)
                return true;
    return false;
}

static void entries_section(doc *d, const audit_driver *dr)
{
    doc_heading(d, 3, NULL, "Entry points");
    if (!dr->nentries) {
        doc_para_begin(d);
        doc_text(d, "No dispatch routine or queue callback is wired in the source.");
        doc_para_end(d);
    } else {
        static const char *const h[] = {"entry point", "kind", "user mode reaches it", "reached from",
                                        "privileged operations it reaches"};
        doc_table_begin(d, h, 5);
        for (size_t i = 0; i < dr->nentries; i++) {
            const audit_entry *en = &dr->entries[i];
            doc_row_begin(d);
            cell_code(d, en->entry->function);
            cell_code(d, en->entry->kind);
            bool deferred = strncmp(en->entry->kind, "deferred", 8) == 0;
            cell_text(d, en->entry->user_reachable ? "yes"
                         : deferred               ? "through the entry points that queue it"
                                                  : "no (kernel callers only)");
            doc_cell_begin(d);
            for (size_t k = 0; k < en->nreached_from; k++) {
                if (k)
                    doc_text(d, ", ");
                doc_code(d, en->reached_from[k]);
            }
            doc_cell_end(d);
            doc_cell_begin(d);
            doc_textf(d, "%zu", en->nops);
            doc_cell_end(d);
            doc_row_end(d);
        }
        doc_table_end(d);
    }
    /* what no IOCTL branch reaches: other entry points, default branches, load time */
    bool any = false;
    for (size_t o = 0; o < dr->nops; o++) {
        if (op_in_ioctl(dr, o))
            continue;
        if (!any) {
            doc_para_begin(d);
            doc_text(d, "Privileged operations no IOCTL code leads to (other entry points, default branches, "
                        "load and PnP time):");
            doc_para_end(d);
            doc_list_begin(d);
            any = true;
        }
        doc_item_begin(d);
        op_text(d, &dr->ops[o]);
        bool first = true;
        for (size_t i = 0; i < dr->nentries; i++)
            for (size_t k = 0; k < dr->entries[i].nops; k++)
                if (dr->entries[i].ops[k] == o) {
                    doc_text(d, first ? "; reached from " : ", ");
                    doc_code(d, dr->entries[i].entry->function);
                    first = false;
                }
        if (first)
            doc_text(d, "; reached from no entry point drvtaint recognises");
        doc_item_end(d);
    }
    if (any)
        doc_list_end(d);
}

/* the first IOCTL (by table order) whose row reaches a finding's operation, or NULL */
static const audit_ioctl *first_ioctl_of(const audit_driver *dr, size_t fi)
{
    for (size_t i = 0; i < dr->nioctls; i++)
        for (size_t k = 0; k < dr->ioctls[i].nops; k++) {
            const audit_op *op = &dr->ops[dr->ioctls[i].ops[k]];
            for (size_t a = 0; a < op->nargs; a++)
                if (op->args[a].verdict == AUDIT_UNBOUNDED && op->args[a].finding_index == fi)
                    return &dr->ioctls[i];
        }
    return NULL;
}

typedef struct grouped {
    const audit_ioctl *io;
    size_t fi;
    const finding *f;
} grouped;

static int grouped_cmp(const void *pa, const void *pb)
{
    const grouped *a = pa, *b = pb;
    if (!a->io != !b->io)
        return a->io ? -1 : 1;
    if (a->io && a->io != b->io)
        return a->io < b->io ? -1 : 1; /* table order */
    int c = strcmp(a->f->rule, b->f->rule);
    if (c)
        return c;
    return a->fi < b->fi ? -1 : a->fi > b->fi;
}

static void trace_list(doc *d, const trace_step *steps, size_t n)
{
    doc_list_begin(d);
    for (size_t i = 0; i < n; i++) {
        sb_append(d->out, d->html ? "<li>" : "  - ");
        char *path = report_display_path(steps[i].file);
        doc_textf(d, "%s %s:%u: ", trace_kind_name(steps[i].kind), path, steps[i].line);
        free(path);
        doc_code(d, steps[i].text);
        doc_item_end(d);
    }
    doc_list_end(d);
}

static void findings_section(doc *d, const audit_driver *dr, const finding_list *findings)
{
    doc_heading(d, 3, NULL, "Findings");
    if (!dr->nfindings) {
        doc_para_begin(d);
        doc_text(d, "None.");
        doc_para_end(d);
        return;
    }
    grouped *g = xcalloc(dr->nfindings, sizeof *g);
    for (size_t i = 0; i < dr->nfindings; i++)
        g[i] = (grouped){first_ioctl_of(dr, dr->findings[i]), dr->findings[i], &findings->items[dr->findings[i]]};
    qsort(g, dr->nfindings, sizeof *g, grouped_cmp);
    for (size_t i = 0; i < dr->nfindings; i++) {
        bool new_group = i == 0 || g[i].io != g[i - 1].io || strcmp(g[i].f->rule, g[i - 1].f->rule) != 0;
        if (new_group) {
            char *title = g[i].io ? xasprintf("%s / %s", g[i].io->name ? g[i].io->name : "IOCTL", g[i].f->rule)
                                  : xasprintf("no IOCTL code / %s", g[i].f->rule);
            if (g[i].io && !g[i].io->name && g[i].io->code_known) {
                free(title);
                title = xasprintf("0x%08" PRIx64 " / %s", g[i].io->code, g[i].f->rule);
            }
            doc_heading(d, 4, NULL, title);
            free(title);
        }
        const finding *f = g[i].f;
        char id[32], label[64];
        snprintf(id, sizeof id, "f%zu", g[i].fi + 1);
        snprintf(label, sizeof label, "F%zu", g[i].fi + 1);
        doc_para_begin(d);
        doc_anchor(d, id);
        doc_strong(d, label);
        doc_textf(d, " %s ", finding_severity_name(f->severity));
        char *path = report_display_path(f->file);
        doc_code(d, path);
        free(path);
        doc_textf(d, ":%u: %s", f->line, f->message);
        if (f->suppressed)
            doc_textf(d, " (suppressed: %s)", f->suppressed);
        doc_para_end(d);
        char *summary = xasprintf("trace of F%zu (%zu steps)", g[i].fi + 1, f->ntrace);
        doc_details_begin(d, summary);
        free(summary);
        trace_list(d, f->trace, f->ntrace);
        doc_details_end(d);
    }
    free(g);
}

static void health_section(doc *d, const report_meta *meta)
{
    doc_heading(d, 2, "health", "Parse health: what the report covers");
    static const char *const h[] = {"unit", "analysed", "functions", "errors after recovery",
                                    "functions with errors", "why not analysed"};
    doc_table_begin(d, h, 6);
    for (size_t i = 0; i < meta->nunits; i++) {
        const report_unit *u = &meta->units[i];
        char buf[32];
        doc_row_begin(d);
        cell_code(d, u->path);
        cell_text(d, u->skipped ? "no" : "yes");
        snprintf(buf, sizeof buf, "%zu", u->nfunctions);
        cell_text(d, buf);
        snprintf(buf, sizeof buf, "%u", u->health.errors);
        cell_text(d, buf);
        snprintf(buf, sizeof buf, "%u", u->health.functions_with_errors);
        cell_text(d, buf);
        cell_text(d, u->skipped ? u->skip_reason : "");
        doc_row_end(d);
    }
    for (size_t i = 0; i < meta->ninput_errors; i++) {
        doc_row_begin(d);
        cell_code(d, meta->input_errors[i].input);
        cell_text(d, "no");
        cell_text(d, "");
        cell_text(d, "");
        cell_text(d, "");
        cell_text(d, meta->input_errors[i].message);
        doc_row_end(d);
    }
    doc_table_end(d);
}

static void body(doc *d, const audit_report *r, const finding_list *findings, const report_meta *meta)
{
    doc_heading(d, 1, NULL, "drvtaint audit: attack surface per driver");
    doc_para_begin(d);
    doc_textf(d, "drvtaint %s; %zu driver%s; %zu finding%s. A driver is the units of one directory. "
                 "Verdicts: unbounded (a finding, with the values still possible), bounded (the range proven at "
                 "the call), arguments not from the caller are not listed.",
              meta->tool_version, r->ndrivers, r->ndrivers == 1 ? "" : "s", findings->len,
              findings->len == 1 ? "" : "s");
    doc_para_end(d);
    for (size_t k = 0; k < r->ndrivers; k++) {
        const audit_driver *dr = &r->drivers[k];
        char *path = report_display_path(dr->name);
        char *title = xasprintf("Driver %s", path);
        char id[32];
        snprintf(id, sizeof id, "driver%zu", k + 1);
        doc_heading(d, 2, id, title);
        free(title);
        free(path);
        doc_para_begin(d);
        doc_text(d, "Units: ");
        for (size_t i = 0; i < dr->nunits; i++) {
            if (i)
                doc_text(d, ", ");
            doc_code(d, meta->units[dr->units[i]].path);
        }
        doc_textf(d, ". %zu IOCTL code%s, %zu privileged operation%s, %zu finding%s.", dr->nioctls,
                  dr->nioctls == 1 ? "" : "s", dr->nops, dr->nops == 1 ? "" : "s", dr->nfindings,
                  dr->nfindings == 1 ? "" : "s");
        doc_para_end(d);
        devices_section(d, dr);
        ioctl_section(d, dr);
        entries_section(d, dr);
        findings_section(d, dr, findings);
    }
    health_section(d, meta);
}

void report_audit_markdown(strbuf *out, const audit_report *r, const finding_list *findings, const report_meta *meta)
{
    doc d = {out, false, false};
    body(&d, r, findings, meta);
}

/* Printable and self-contained: no network, fonts or scripts from elsewhere; the few lines of
 * script sort a table by the clicked column. */
static const char html_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<title>drvtaint audit</title>\n<style>\n"
    "body{font-family:system-ui,sans-serif;font-size:14px;margin:1.5em;color:#111}\n"
    "table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}\n"
    "th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top;text-align:left}\n"
    "th{background:#eee;cursor:pointer}\n"
    "td:first-child{min-width:11em}\n"
    "code{font-family:ui-monospace,monospace;font-size:11.5px;overflow-wrap:break-word}\n"
    "strong{color:#a00}\n"
    "strong.ok{color:#060}\n"
    "h2{border-bottom:2px solid #333;margin-top:2em}\n"
    "details{margin:0 0 1em 1em}\n"
    "@media print{th{cursor:auto}details{display:block}details>*{display:block}table{font-size:11px}}\n"
    "</style>\n</head>\n<body>\n";

static const char html_tail[] =
    "<script>\n"
    "document.querySelectorAll('table.sortable th').forEach(function (th, i) {\n"
    "  th.addEventListener('click', function () {\n"
    "    var tb = th.closest('table').tBodies[0], up = th.dataset.dir !== 'asc';\n"
    "    var rows = Array.prototype.slice.call(tb.rows);\n"
    "    rows.sort(function (a, b) {\n"
    "      var x = a.cells[th.cellIndex].textContent, y = b.cells[th.cellIndex].textContent;\n"
    "      return (up ? 1 : -1) * x.localeCompare(y, undefined, {numeric: true});\n"
    "    });\n"
    "    rows.forEach(function (r) { tb.appendChild(r); });\n"
    "    th.dataset.dir = up ? 'asc' : 'desc';\n"
    "  });\n"
    "});\n"
    "</script>\n</body>\n</html>\n";

void report_audit_html(strbuf *out, const audit_report *r, const finding_list *findings, const report_meta *meta)
{
    doc d = {out, true, false};
    sb_append(out, html_head);
    body(&d, r, findings, meta);
    sb_append(out, html_tail);
}
