/* fuzz_suppress.c - libFuzzer target: the in-source suppression parser
 * (// drvtaint-ignore[...]: reason and #pragma prefast(suppress: ...)) on an arbitrary source
 * file, then matching against findings of every bundled rule on every line the file has. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/rules.h"
#include "drvtaint/suppress.h"
#include "drvtaint/util.h"
#include "fuzz_support.h"

static rules_set *rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    rules = rules_set_new();
    char *err = NULL;
    if (rules_load_path(rules, DRVTAINT_SOURCE_DIR "/rules", &err) != 0) {
        fprintf(stderr, "fuzz_suppress: cannot load the bundled rules: %s\n", err);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *path = fz_write("driver.c", data, size);
    unsigned total = 1;
    for (size_t i = 0; i < size; i++)
        total += data[i] == '\n';
    /* findings on the first lines are enough to match every suppression kind */
    unsigned lines = total > 64 ? 64 : total;

    finding_list findings = {0};
    for (unsigned line = 1; line <= lines + 1; line++) {
        const rules_rule *r = &rules->rules[line % rules->nrules];
        findings_add(&findings, (finding){.rule = xstrdup(r->id), .file = xstrdup(path), .line = line, .col = 1,
                                          .function = xstrdup("f"), .sink = xstrdup("__readmsr"),
                                          .role = xstrdup("msr-index"), .arg_text = xstrdup("x"),
                                          .message = xstrdup("m")});
    }
    suppression_set sup = {0};
    suppress_apply(&sup, &findings, rules);
    suppress_scan_file(&sup, path, rules); /* a second read of the same file is a no-op */
    for (size_t i = 0; i < sup.len; i++) {
        const suppression *s = &sup.items[i];
        if (!s->file || !s->rule || s->line == 0 || s->line > total || (s->used && !s->reason))
            abort(); /* a suppression without a reason does nothing */
    }
    for (size_t i = 0; i < findings.len; i++)
        if (findings.items[i].suppressed && !*findings.items[i].suppressed)
            abort(); /* the justification is never empty */
    suppress_free(&sup);
    findings_free(&findings);
    free(path);
    return 0;
}
