/* suppress.c - in-source suppressions: parse the comments and pragmas, match them to findings. */
#include "drvtaint/suppress.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/util.h"

static char *trim_copy(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return utf8_escape_invalid(s, n); /* a reason typed in a Windows code page */
}

/* rule is a rule id or its code (DT1001); a code becomes the id, a name no loaded rule has is
 * kept as written and marked unknown (run.c warns: a typo must not suppress nothing silently). */
static void add(suppression_set *set, const char *file, unsigned line, char *rule, char *reason,
                const rules_set *rules)
{
    if (set->len == set->cap) {
        set->cap = set->cap ? set->cap * 2 : 16;
        set->items = xrealloc(set->items, set->cap * sizeof *set->items);
    }
    const rules_rule *r = rules_find_rule_or_code(rules, rule);
    if (r && strcmp(r->id, rule) != 0) {
        free(rule);
        rule = xstrdup(r->id);
    }
    set->items[set->len++] = (suppression){xstrdup(file), line, rule, reason, false, r == NULL};
}

/* An id drvtaint could have written (lowercase words joined by '-', or DTnnnn) rather than
 * one of PREfast's own warnings (6387, __WARNING_...), which share the pragma. */
static bool shaped_like_ours(const char *id)
{
    if ((id[0] == 'D' || id[0] == 'd') && (id[1] == 'T' || id[1] == 't') && isdigit((unsigned char)id[2]))
        return true;
    if (!islower((unsigned char)id[0]) || !strchr(id, '-'))
        return false;
    for (const char *p = id; *p; p++)
        if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '-')
            return false;
    return true;
}

/* // drvtaint-ignore[a, b]: reason      or the same in a block comment, up to its end */
static void parse_comment(suppression_set *set, const char *file, unsigned line, const char *at, bool block,
                          const rules_set *rules)
{
    const char *open = at + strlen("drvtaint-ignore");
    if (*open != '[')
        return;
    const char *close = strchr(open, ']');
    if (!close)
        return;
    char *reason = NULL;
    const char *colon = close[1] == ':' ? close + 2 : NULL;
    if (colon) {
        const char *end = block ? strstr(colon, "*/") : NULL;
        reason = trim_copy(colon, end ? (size_t)(end - colon) : strlen(colon));
        if (!*reason) {
            free(reason);
            reason = NULL;
        }
    }
    char *ids = xstrndup(open + 1, (size_t)(close - open - 1));
    for (char *tok = strtok(ids, ","); tok; tok = strtok(NULL, ","))
        add(set, file, line, trim_copy(tok, strlen(tok)), reason ? xstrdup(reason) : NULL, rules);
    free(ids);
    free(reason);
}

/* #pragma prefast(suppress: rule-id, "reason") */
static void parse_pragma(suppression_set *set, const char *file, unsigned line, const char *at, const rules_set *rules)
{
    const char *p = strchr(at, ':');
    if (!p)
        return;
    p++;
    while (isspace((unsigned char)*p))
        p++;
    const char *id_end = p;
    while (*id_end && (isalnum((unsigned char)*id_end) || *id_end == '-' || *id_end == '_'))
        id_end++;
    char *rule = xstrndup(p, (size_t)(id_end - p));
    if (!rules_find_rule_or_code(rules, rule) && !shaped_like_ours(rule)) { /* PREfast's own warning */
        free(rule);
        return;
    }
    char *reason = NULL;
    const char *q1 = strchr(id_end, '"');
    const char *q2 = q1 ? strchr(q1 + 1, '"') : NULL;
    if (q2 && q2 > q1 + 1)
        reason = trim_copy(q1 + 1, (size_t)(q2 - q1 - 1));
    if (reason && !*reason) {
        free(reason);
        reason = NULL;
    }
    add(set, file, line, rule, reason, rules);
}

void suppress_scan_file(suppression_set *set, const char *path, const rules_set *rules)
{
    for (size_t i = 0; i < set->nfiles; i++)
        if (strcmp(set->files[i], path) == 0)
            return;
    set->files = xrealloc(set->files, (set->nfiles + 1) * sizeof(char *));
    set->files[set->nfiles++] = xstrdup(path);
    char *text = read_source_file(path, NULL, NULL); /* UTF-16 files as the parser saw them */
    if (!text)
        return;
    unsigned line = 1;
    for (char *p = text; *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        char *c = strstr(p, "drvtaint-ignore");
        if (c) {
            char *line_comment = strstr(p, "//"), *block = strstr(p, "/*");
            bool in_line = line_comment && line_comment < c, in_block = block && block < c;
            if (in_line || in_block) /* the comment that opens first decides where it ends */
                parse_comment(set, path, line, c, in_block && (!in_line || block < line_comment), rules);
        }
        char *pr = strstr(p, "#pragma");
        if (pr && strstr(pr, "prefast") && strstr(pr, "suppress"))
            parse_pragma(set, path, line, strstr(pr, "suppress"), rules);
        line++;
        if (!nl)
            break;
        p = nl + 1;
    }
    free(text);
}

void suppress_apply(suppression_set *set, finding_list *findings, const rules_set *rules)
{
    for (size_t i = 0; i < findings->len; i++) {
        finding *f = &findings->items[i];
        suppress_scan_file(set, f->file, rules);
        for (size_t k = 0; k < set->len; k++) {
            suppression *s = &set->items[k];
            if (!s->reason || s->unknown || strcmp(s->file, f->file) != 0 || strcmp(s->rule, f->rule) != 0)
                continue;
            if (s->line != f->line && s->line + 1 != f->line)
                continue;
            s->used = true;
            if (!f->suppressed)
                f->suppressed = xstrdup(s->reason);
        }
    }
}

void suppress_free(suppression_set *set)
{
    for (size_t i = 0; i < set->len; i++) {
        free(set->items[i].file);
        free(set->items[i].rule);
        free(set->items[i].reason);
    }
    free(set->items);
    for (size_t i = 0; i < set->nfiles; i++)
        free(set->files[i]);
    free(set->files);
    memset(set, 0, sizeof *set);
}
