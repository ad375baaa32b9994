/* expectations.c - read the expectation comments of samples/. */
#include "expectations.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "drvtaint/util.h"

static void add(expectation_set *set, expectation e)
{
    if (set->len == set->cap) {
        set->cap = set->cap ? set->cap * 2 : 64;
        set->items = xrealloc(set->items, set->cap * sizeof *set->items);
    }
    set->items[set->len++] = e;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

static void parse_file(expectation_set *set, const char *root, const char *rel)
{
    char *path = xasprintf("%s/%s", root, rel);
    char *text = read_file(path, NULL);
    free(path);
    if (!text)
        return;
    unsigned line = 1;
    for (char *p = text; *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        char *m = strstr(p, "// expect:");
        if (m) {
            char *list = trim(m + strlen("// expect:"));
            expectation e = {.file = xstrdup(rel), .line = line};
            char *todo = strstr(list, "; todo:");
            if (todo) {
                *todo = '\0';
                char *tl = trim(todo + strlen("; todo:"));
                for (char *tok = strtok(tl, ","); tok; tok = strtok(NULL, ",")) {
                    e.todo = xrealloc(e.todo, (e.ntodo + 1) * sizeof(char *));
                    e.todo[e.ntodo++] = xstrdup(trim(tok));
                }
                list = trim(list);
            }
            if (strcmp(list, "none") != 0) {
                for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
                    char *r = trim(tok);
                    if (!*r || strchr(r, ' ')) {
                        if (!set->error)
                            set->error = xasprintf("%s:%u: malformed expectation", rel, line);
                        continue;
                    }
                    e.rules = xrealloc(e.rules, (e.nrules + 1) * sizeof(char *));
                    e.rules[e.nrules++] = xstrdup(r);
                }
                qsort(e.rules, e.nrules, sizeof(char *), str_cmp_ptr);
            }
            add(set, e);
        }
        line++;
        if (!nl)
            break;
        p = nl + 1;
    }
    free(text);
}

static void walk(expectation_set *set, const char *root, const char *rel)
{
    char *dirpath = xasprintf("%s/%s", root, rel);
    DIR *d = opendir(dirpath);
    free(dirpath);
    if (!d)
        return;
    VEC(char *) names = {0};
    for (struct dirent *de; (de = readdir(d));)
        if (de->d_name[0] != '.')
            VEC_PUSH(&names, xstrdup(de->d_name));
    closedir(d);
    if (names.len)
        qsort(names.items, names.len, sizeof(char *), str_cmp_ptr);
    for (size_t i = 0; i < names.len; i++) {
        char *child = xasprintf("%s/%s", rel, names.items[i]);
        char *full = xasprintf("%s/%s", root, child);
        struct stat st;
        if (stat(full, &st) == 0 && S_ISDIR(st.st_mode))
            walk(set, root, child);
        else if (str_ends_with(child, ".c") || str_ends_with(child, ".cpp") || str_ends_with(child, ".h"))
            parse_file(set, root, child);
        free(full);
        free(child);
        free(names.items[i]);
    }
    free(names.items);
}

void expectations_load(expectation_set *set, const char *root, const char *dir)
{
    memset(set, 0, sizeof *set);
    walk(set, root, dir);
}

void expectations_free(expectation_set *set)
{
    for (size_t i = 0; i < set->len; i++) {
        free(set->items[i].file);
        for (size_t r = 0; r < set->items[i].nrules; r++)
            free(set->items[i].rules[r]);
        free(set->items[i].rules);
        for (size_t r = 0; r < set->items[i].ntodo; r++)
            free(set->items[i].todo[r]);
        free(set->items[i].todo);
    }
    free(set->items);
    free(set->error);
    memset(set, 0, sizeof *set);
}
