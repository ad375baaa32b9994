/* mapped.c - one finding per root cause (issue 12, item 7). A pointer that is a mapping of a
 * caller-chosen physical address (va = MmMapIoSpace(in->Address, ...), the view of
 * ZwMapViewOfSection at a caller-chosen offset) is a user-steered pointer, so every copy
 * through it would be reported again as a user-chosen copy pointer. The bug is the mapping,
 * which is reported at the mapping; a copy (source, destination) or register access
 * (virtual-address of a register read or write) through such a pointer is the same bug. This
 * file finds the mapping call in the pointer's trace; the sink checker marks the finding with
 * it and findings_fold (src/findings/fold.c) makes it a related location of the mapping's
 * finding. The copy's length is still judged on its own. */
#include <ctype.h>
#include <string.h>

#include "checkers.h"

static bool is_role(const rules_sink_arg *a, const char *name)
{
    return strcmp(rules_role_name(a->role), name) == 0;
}

/* A use that reads or writes memory through the pointer: a copy's side, or the address of a
 * register access (READ_REGISTER_BUFFER_UCHAR(va, ...)). Building an MDL over it or asking its
 * physical address is a finding of its own. */
static bool accesses_memory(const rules_sink *sink, const rules_sink_arg *a)
{
    if (is_role(a, "source") || is_role(a, "destination"))
        return true;
    const char *rule = a->rule ? a->rule : sink->rule;
    return is_role(a, "virtual-address") && (strcmp(rule, "register-read") == 0 || strcmp(rule, "register-write") == 0);
}

/* Is `name` a mapping of a physical address: a propagator whose input is the physical-address
 * argument of the same function as a sink? Read from the rules, so a new mapping function is a
 * rule row. */
static bool maps_physical(const rules_set *rules, const char *name, size_t len)
{
    for (size_t i = 0; i < rules->npropagators; i++) {
        const rules_propagator *pr = &rules->propagators[i];
        if (strlen(pr->function) != len || strncmp(pr->function, name, len) != 0)
            continue;
        const rules_sink *sink = rules_find_sink(rules, pr->function);
        for (size_t j = 0; sink && j < sink->nargs; j++)
            if (sink->args[j].index == (unsigned)pr->from && is_role(&sink->args[j], "physical-address"))
                return true;
    }
    return false;
}

/* The trace step of a call written `Name(...)` to a physical mapping function, or NULL. */
static bool is_mapping_step(const rules_set *rules, const trace_node *t)
{
    if (t->kind != TRACE_ASSIGN || !t->text)
        return false;
    const char *p = t->text;
    while (isspace((unsigned char)*p))
        p++;
    const char *name = p;
    while (isalnum((unsigned char)*p) || *p == '_')
        p++;
    size_t len = (size_t)(p - name);
    while (isspace((unsigned char)*p))
        p++;
    return len && *p == '(' && maps_physical(rules, name, len);
}

const trace_node *taint_mapped_through(const taint_ctx *ctx, const rules_sink *sink, const rules_sink_arg *a,
                                       const fact *ptr)
{
    if (!accesses_memory(sink, a) || ptr->sanitized || ptr->probed)
        return NULL;
    for (const trace_node *t = ptr->trace; t; t = t->prev)
        if (is_mapping_step(ctx->tx.rules, t))
            return t;
    return NULL;
}
