/* fuzz_rules.c - libFuzzer target: the rules loader on an arbitrary rules file.
 *
 * Each input is loaded twice: into an empty set, and on top of the bundled rules (a file may
 * refer to rules already loaded). A load that fails must leave the set exactly as it was
 * (rules.h), which is checked; a load that succeeds is read back through every lookup and
 * every rules reporter, so a set the loader accepts is one the rest of drvtaint can use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/report.h"
#include "drvtaint/rules.h"
#include "drvtaint/util.h"
#include "fuzz_support.h"

static rules_set *bundled;

static rules_set *load_bundled(void)
{
    rules_set *set = rules_set_new();
    char *err = NULL;
    if (rules_load_path(set, DRVTAINT_SOURCE_DIR "/rules", &err) != 0) {
        fprintf(stderr, "fuzz_rules: cannot load the bundled rules: %s\n", err);
        abort();
    }
    return set;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    bundled = load_bundled();
    return 0;
}

/* Everything a later stage reads of a loaded set. */
static void exercise(const rules_set *set)
{
    for (size_t i = 0; i < set->nrules; i++)
        if (rules_find_rule(set, set->rules[i].id) != &set->rules[i])
            abort(); /* ids are unique and sorted: the lookup finds this very rule */
    for (size_t i = 0; i < set->nsinks; i++) {
        const rules_sink *s = &set->sinks[i];
        if (!rules_find_sink(set, s->function))
            abort();
        for (size_t a = 0; a < s->nargs; a++) {
            const char *id = s->args[a].rule ? s->args[a].rule : s->rule;
            const rules_rule *r = rules_find_rule(set, id);
            if (!r)
                abort(); /* the loader checks that every sink names a loaded rule */
            free(rules_format_message(r, s->function, a % 2 ? "in->Msr" : NULL, s->args[a].index, s->args[a].role));
        }
    }
    for (size_t i = 0; i < set->nsources; i++) {
        const rules_source *src = &set->sources[i];
        if (src->record)
            (void)rules_match_member(set, src->record, (const char *const *)src->fields, src->nfields);
    }
    strbuf out = {0};
    report_rules_text(&out, set);
    report_rules_json(&out, set);
    report_rules_markdown(&out, set);
    sb_free(&out);
}

typedef struct counts {
    size_t nrules, nsinks, nsources, nsanitizers, ndangerous, npropagators, nfiles;
    const void *rules, *sinks, *files;
} counts;

static counts count(const rules_set *s)
{
    return (counts){s->nrules, s->nsinks, s->nsources, s->nsanitizers, s->ndangerous, s->npropagators,
                    s->nfiles, s->rules, s->sinks, s->files};
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *path = fz_write("rules.json", data, size);

    rules_set *set = rules_set_new();
    char *err = NULL;
    int rc = rules_load_path(set, path, &err);
    if ((rc == 0) != (err == NULL))
        abort(); /* an error comes with a message, success without one */
    if (rc == 0)
        exercise(set);
    else if (set->nrules || set->nsinks || set->nsources || set->nfiles)
        abort(); /* a failed load keeps nothing */
    free(err);
    rules_set_free(set);

    counts before = count(bundled);
    err = NULL;
    rc = rules_load_path(bundled, path, &err);
    if (rc == 0) {
        exercise(bundled);
        rules_set_free(bundled); /* start the next input from the bundled rules again */
        bundled = load_bundled();
    } else {
        counts after = count(bundled);
        if (memcmp(&before, &after, sizeof before) != 0)
            abort(); /* a failed load leaves the set exactly as it was */
    }
    free(err);
    free(path);
    return 0;
}
