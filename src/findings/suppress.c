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

static void add(suppression_set *set, const char *file, unsigned line, char *rule, char *reason)
{
    if (set->len == set->cap) {
        set->cap = set->cap ? set->cap * 2 : 16;
        set->items = xrealloc(set->items, set->cap * sizeof *set->items);
    }
    set->items[set->len++] = (suppression){xstrdup(file), line, rule, reason, false};
}

/* // drvtaint-ignore[a, b]: reason */
static void parse_comment(suppression_set *set, const char *file, unsigned line, const char *at)
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
        reason = trim_copy(colon, strlen(colon));
        if (!*reason) {
            free(reason);
            reason = NULL;
        }
    }
    char *ids = xstrndup(open + 1, (size_t)(close - open - 1));
    for (char *tok = strtok(ids, ","); tok; tok = strtok(NULL, ","))
        add(set, file, line, trim_copy(tok, strlen(tok)), reason ? xstrdup(reason) : NULL);
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
    if (!rules_find_rule(rules, rule)) { /* a PREfast warning number, not ours */
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
    add(set, file, line, rule, reason);
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
        if (c && strstr(p, "//") && strstr(p, "//") < c)
            parse_comment(set, path, line, c);
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
            if (!s->reason || strcmp(s->file, f->file) != 0 || strcmp(s->rule, f->rule) != 0)
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
