/* rules_asm.c - sink rows for a driver's assembly primitives (asm.h): each is the row of the
 * intrinsic it behaves like, with the arguments renumbered, so the rules stay the one place
 * that says what an MSR index or a port is and how it is checked. */
#include "drvtaint/rules_asm.h"

#include <stdlib.h>
#include <string.h>

#include "drvtaint/util.h"
#include "rules_internal.h"

static bool has_arg(const rules_sink *k, unsigned index, rules_role role, const char *rule)
{
    for (size_t i = 0; i < k->nargs; i++) {
        const char *r = k->args[i].rule ? k->args[i].rule : k->rule;
        if (k->args[i].index == index && k->args[i].role == role && strcmp(r, rule) == 0)
            return true;
    }
    return false;
}

size_t rules_add_asm_sinks(rules_set *set, const asm_list *prims)
{
    size_t first_new = set->nsinks, added = 0;
    for (size_t p = 0; p < prims->len; p++) {
        const asm_primitive *prim = &prims->items[p];
        const rules_sink *like = rules_find_sink(set, prim->intrinsic);
        if (!like)
            continue;
        /* a row made here for another primitive of the function, or a rule file's row, which wins */
        rules_sink *row = (rules_sink *)rules_find_sink(set, prim->function);
        if (row && (size_t)(row - set->sinks) < first_new)
            continue;
        /* pushing a row may move the array like points into; its args and rule do not move */
        const rules_sink_arg *args = like->args;
        size_t nargs = like->nargs;
        const char *like_rule = like->rule;
        for (size_t a = 0; a < nargs; a++) {
            const rules_sink_arg *arg = &args[a];
            if (arg->index >= ASM_MAX_ARGS || prim->from[arg->index] < 0 || !arg->check)
                continue;
            const char *rule = arg->rule ? arg->rule : like_rule;
            if (!row) {
                rules_push_sink(set, (rules_sink){.function = xstrdup(prim->function), .rule = xstrdup(rule),
                                                  .file = xstrdup(prim->file)});
                row = &set->sinks[set->nsinks - 1];
                added++;
            }
            unsigned index = (unsigned)prim->from[arg->index];
            if (has_arg(row, index, arg->role, rule))
                continue;
            rules_sink_arg copy = *arg;
            copy.index = index;
            copy.rule = strcmp(rule, row->rule) == 0 ? NULL : xstrdup(rule);
            row->args = xrealloc(row->args, (row->nargs + 1) * sizeof *row->args);
            row->args[row->nargs++] = copy;
        }
    }
    if (added)
        rules_sort(set);
    return added;
}
