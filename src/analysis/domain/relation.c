/* relation.c - the relation set of a fact: what a value is in terms of another path or a
 * call ("x is a copy of y", "p was allocated with len bytes", "status is Validate(x)'s
 * result"). Each kind is one row of the table below; the operations read the row, so a new
 * kind is an enum constant in domain.h, a row here, and the transfer or checker code that
 * sets and reads it (docs/architecture.md has the worked example). */
#include <stdlib.h>
#include <string.h>

#include "domain.h"

/* a path; a call; a name (no variable); a linear form of paths (linear.c) */
typedef enum { REL_TO_PATH, REL_TO_CALL, REL_TO_NAME, REL_TO_LINEAR } rel_target;

static const struct {
    const char *name;
    rel_target target;
    /* leaving the function (a callee's entry state, a summary, another unit): does the
       relation still mean something? A path of the caller does not, in general; the size an
       allocation got is still the evidence that a copy of that size fits */
    bool survives_detach;
} kinds[REL_NKINDS] = {
    [REL_ALLOC_SIZE] = {"alloc-size", REL_TO_LINEAR, true},
    [REL_COPY_OF] = {"copy-of", REL_TO_PATH, false},
    [REL_RESULT_OF] = {"result-of", REL_TO_CALL, false},
    [REL_PROBED_LEN] = {"probed-len", REL_TO_PATH, false},
    /* a name is no variable: no assignment ends it, and it means the same everywhere */
    [REL_NAMES] = {"names", REL_TO_NAME, true},
    [REL_BUF_LEN] = {"buffer-length", REL_TO_LINEAR, false},
    [REL_AT_MOST] = {"at-most", REL_TO_LINEAR, false},
    [REL_CALLER_HELD] = {"caller-held", REL_TO_NAME, true},
};

const char *rel_kind_name(rel_kind k)
{
    return kinds[k].name;
}

static bool same_target(rel_kind k, const void *a, const void *b)
{
    if (a == b)
        return true;
    if (!a || !b || kinds[k].target == REL_TO_CALL)
        return false;
    return strcmp(a, b) == 0;
}

relset rel_join(relset a, relset b)
{
    for (int k = 0; k < REL_NKINDS; k++)
        if (!same_target((rel_kind)k, a.to[k], b.to[k]))
            a.to[k] = NULL;
    return a;
}

bool rel_equal(const relset *a, const relset *b)
{
    for (int k = 0; k < REL_NKINDS; k++)
        if (!same_target((rel_kind)k, a->to[k], b->to[k]))
            return false;
    return true;
}

void rel_kill(relset *r, const char *key)
{
    for (int k = 0; k < REL_NKINDS; k++)
        if (r->to[k] && ((kinds[k].target == REL_TO_PATH && path_mentions(r->to[k], key)) ||
                         (kinds[k].target == REL_TO_LINEAR && lin_mentions(r->to[k], key))))
            r->to[k] = NULL;
}

relset rel_detached(relset r)
{
    for (int k = 0; k < REL_NKINDS; k++)
        if (!kinds[k].survives_detach)
            r.to[k] = NULL;
    return r;
}

relset rel_persist(arena *a, relset r)
{
    r = rel_detached(r);
    for (int k = 0; k < REL_NKINDS; k++)
        if (r.to[k] && kinds[k].target != REL_TO_CALL)
            r.to[k] = arena_strdup(a, r.to[k]);
        else if (r.to[k])
            r.to[k] = NULL; /* a call of the unit's AST cannot outlive it */
    return r;
}

void rel_format(strbuf *out, const relset *r)
{
    for (int k = 0; k < REL_NKINDS; k++) {
        if (!r->to[k])
            continue;
        if (kinds[k].target != REL_TO_CALL)
            sb_printf(out, " %s=%s", kinds[k].name, (const char *)r->to[k]);
        else
            sb_printf(out, " %s=%s", kinds[k].name, ((const ast_expr *)r->to[k])->text);
    }
}
