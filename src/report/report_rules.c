/* report_rules.c - `drvtaint rules`: what is loaded, as text or JSON. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/report.h"

static void sink_signature(strbuf *out, const rules_sink *k)
{
    sb_printf(out, "%s(", k->function);
    for (size_t a = 0; a < k->nargs; a++)
        sb_printf(out, "%s#%u %s%s", a ? ", " : "", k->args[a].index, rules_role_name(k->args[a].role),
                  k->args[a].check ? "" : " (not checked)");
    sb_putc(out, ')');
}

/* Does the sink report under this rule, for itself or for one of its arguments? */
static bool sink_uses_rule(const rules_sink *s, const char *id)
{
    if (strcmp(s->rule, id) == 0)
        return true;
    for (size_t a = 0; a < s->nargs; a++)
        if (s->args[a].rule && strcmp(s->args[a].rule, id) == 0)
            return true;
    return false;
}

void report_rules_text(strbuf *out, const rules_set *rules)
{
    for (size_t i = 0; i < rules->nrules; i++) {
        const rules_rule *r = &rules->rules[i];
        char code[RULES_CODE_SIZE];
        sb_printf(out, "%s %s (%s) %s: %s", rules_code_text(r, code), r->id, r->name, rules_severity_name(r->severity),
                  r->short_description);
        for (size_t c = 0; c < r->ncwe; c++)
            sb_printf(out, "%sCWE-%d", c ? ", " : " [", r->cwe[c]);
        sb_append(out, r->ncwe ? "]\n" : "\n");
        for (size_t k = 0; k < rules->nsinks; k++) {
            const rules_sink *s = &rules->sinks[k];
            if (!sink_uses_rule(s, r->id))
                continue;
            sb_append(out, "    sink ");
            sink_signature(out, s);
            sb_putc(out, '\n');
        }
    }
    sb_append(out, "sources:\n");
    for (size_t i = 0; i < rules->nsources; i++) {
        const rules_source *s = &rules->sources[i];
        const char *taint = s->taint == RULES_TAINT_CONTENTS ? "user contents" : "user value";
        if (s->member)
            sb_printf(out, "    %s: %s\n", s->member, taint);
        else if (s->arg < 0)
            sb_printf(out, "    %s() return value: %s\n", s->function, taint);
        else
            sb_printf(out, "    %s() argument #%d: %s\n", s->function, s->arg, taint);
    }
    sb_append(out, "sanitizers:\n");
    for (size_t i = 0; i < rules->nsanitizers; i++) {
        const rules_sanitizer *s = &rules->sanitizers[i];
        static const char *const when[] = {"always", "when it returns nonzero", "when NT_SUCCESS"};
        sb_printf(out, "    %s() argument #%d: %s, %s\n", s->function, s->arg,
                  s->kind == RULES_SANITIZER_USER_POINTER ? "validates a user pointer" : "bounds the value",
                  when[s->when]);
    }
    if (rules->ndangerous) {
        sb_append(out, "dangerous values:\n");
        for (size_t i = 0; i < rules->ndangerous; i++) {
            const rules_dangerous *d = &rules->dangerous[i];
            sb_printf(out, "    %s %s: 0x%llx..0x%llx %s\n", d->rule, rules_role_name(d->role),
                      (unsigned long long)d->lo, (unsigned long long)d->hi, d->name);
        }
    }
}

void report_rules_json(strbuf *out, const rules_set *rules)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", "drvtaint-rules/1");
    cJSON *files = cJSON_AddArrayToObject(root, "files");
    for (size_t i = 0; i < rules->nfiles; i++)
        cJSON_AddItemToArray(files, cJSON_CreateString(rules->files[i]));
    cJSON *jr = cJSON_AddArrayToObject(root, "rules");
    for (size_t i = 0; i < rules->nrules; i++) {
        const rules_rule *r = &rules->rules[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", r->id);
        if (r->code) {
            char code[RULES_CODE_SIZE];
            cJSON_AddStringToObject(o, "code", rules_code_text(r, code));
        } else {
            cJSON_AddNullToObject(o, "code");
        }
        cJSON_AddStringToObject(o, "name", r->name);
        cJSON_AddStringToObject(o, "severity", rules_severity_name(r->severity));
        cJSON_AddStringToObject(o, "short", r->short_description);
        cJSON *cwe = cJSON_AddArrayToObject(o, "cwe");
        for (size_t c = 0; c < r->ncwe; c++)
            cJSON_AddItemToArray(cwe, cJSON_CreateNumber(r->cwe[c]));
        cJSON_AddItemToArray(jr, o);
    }
    cJSON *js = cJSON_AddArrayToObject(root, "sinks");
    for (size_t i = 0; i < rules->nsinks; i++) {
        const rules_sink *k = &rules->sinks[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "function", k->function);
        cJSON_AddStringToObject(o, "rule", k->rule);
        cJSON *args = cJSON_AddArrayToObject(o, "args");
        for (size_t a = 0; a < k->nargs; a++) {
            cJSON *ja = cJSON_CreateObject();
            cJSON_AddNumberToObject(ja, "index", k->args[a].index);
            cJSON_AddStringToObject(ja, "role", rules_role_name(k->args[a].role));
            cJSON_AddStringToObject(ja, "rule", k->args[a].rule ? k->args[a].rule : k->rule);
            cJSON_AddBoolToObject(ja, "check", k->args[a].check);
            cJSON_AddItemToArray(args, ja);
        }
        cJSON_AddItemToArray(js, o);
    }
    char *s = cJSON_Print(root);
    sb_append(out, s);
    sb_putc(out, '\n');
    free(s);
    cJSON_Delete(root);
}

void report_rules_markdown(strbuf *out, const rules_set *rules)
{
    sb_append(out, "# drvtaint rules\n\n"
                   "Generated by `drvtaint rules --format markdown` from the bundled `rules/*.json`; a test keeps this\n"
                   "page and the rule files in step. Each rule has a case that must be found and a silent twin in\n"
                   "`samples/`.\n\n"
                   "Each rule has a stable code (`code` in its file): `--format msvc` prints it where Visual Studio\n"
                   "and VS Code expect a compiler's warning number, and suppressions accept it beside the rule id\n"
                   "(`// drvtaint-ignore[DT1001]: reason`). Codes below DT1000 are drvtaint's own diagnostics:\n"
                   "DT0001 a stale suppression (`--report-stale`), DT0002 a suppression that names no loaded rule.\n\n"
                   "| rule | code | severity | CWE | what it flags |\n|---|---|---|---|---|\n");
    for (size_t i = 0; i < rules->nrules; i++) {
        const rules_rule *r = &rules->rules[i];
        char code[RULES_CODE_SIZE];
        sb_printf(out, "| [`%s`](#%s) | %s | %s | ", r->id, r->id, r->code ? rules_code_text(r, code) : "-",
                  rules_severity_name(r->severity));
        for (size_t c = 0; c < r->ncwe; c++)
            sb_printf(out, "%sCWE-%d", c ? ", " : "", r->cwe[c]);
        sb_printf(out, " | %s |\n", r->short_description);
    }
    for (size_t i = 0; i < rules->nrules; i++) {
        const rules_rule *r = &rules->rules[i];
        char code[RULES_CODE_SIZE];
        sb_printf(out, "\n## %s\n\n**%s** (%s%s%s, security severity %.1f, precision %s)\n\n%s\n\n", r->id, r->name,
                  r->code ? rules_code_text(r, code) : "", r->code ? ", " : "", rules_severity_name(r->severity),
                  r->security_severity, r->precision, r->description);
        sb_append(out, "Sinks:");
        for (size_t k = 0; k < rules->nsinks; k++) {
            const rules_sink *s = &rules->sinks[k];
            if (!sink_uses_rule(s, r->id))
                continue;
            sb_append(out, " `");
            sink_signature(out, s);
            sb_putc(out, '`');
        }
        sb_printf(out, "\n\n**How to fix:** %s\n", r->help);
        if (r->unsafe_example)
            sb_printf(out, "\nUnsafe:\n\n```c\n%s\n```\n", r->unsafe_example);
        if (r->constrained_example)
            sb_printf(out, "\nConstrained:\n\n```c\n%s\n```\n", r->constrained_example);
    }
}
