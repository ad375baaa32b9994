/* probes.c - probes that validate what an MDL describes, for the mdl-map sinks
 * (IoAllocateMdl, MmMapLockedPages*): an MDL probed and locked for user mode
 * (MmProbeAndLockPages(mdl, UserMode or Irp->RequestorMode, ...)) describes user pages only,
 * and a user range probed with ProbeForRead/ProbeForWrite (or by the system service of a read
 * or write request) is in user space; a partial MDL (IoBuildPartialMdl) describes the pages of
 * its source MDL. Which probe covers what is in docs/taint.md. */
#include <stdlib.h>
#include <string.h>

#include "checkers.h"

typedef struct mdl_search {
    const ast_expr *call; /* the IoAllocateMdl call */
    arena *scratch;
    const char *keys[2];  /* where its MDL is kept: the variable, and Irp->MdlAddress */
    bool locked;          /* probed and locked for user mode, or filled from another MDL */
} mdl_search;

static bool role_named(const rules_sink_arg *a, const char *name)
{
    return strcmp(rules_role_name(a->role), name) == 0;
}

static void add_key(mdl_search *m, const char *key)
{
    if (!key)
        return;
    for (size_t i = 0; i < 2; i++)
        if (!m->keys[i]) {
            m->keys[i] = key;
            return;
        }
}

/* mdl = IoAllocateMdl(...) as an assignment anywhere in an expression */
static bool find_assign(ast_expr *e, void *arg)
{
    mdl_search *m = arg;
    if (e->kind == AST_EX_ASSIGN && path_strip(e->u.binary.rhs) == m->call)
        add_key(m, path_key(m->scratch, e->u.binary.lhs));
    return true;
}

/* PMDL mdl = IoAllocateMdl(...); as a declaration */
static void find_decl(mdl_search *m, const ast_stmt *s)
{
    if (!s)
        return;
    switch (s->kind) {
    case AST_ST_DECL:
        if (path_strip(s->u.decl.init) == m->call)
            add_key(m, s->u.decl.name);
        break;
    case AST_ST_BLOCK:
        for (size_t i = 0; i < s->u.block.n; i++)
            find_decl(m, s->u.block.items[i]);
        break;
    case AST_ST_IF:
        find_decl(m, s->u.if_.then);
        find_decl(m, s->u.if_.els);
        break;
    case AST_ST_WHILE:
    case AST_ST_DO:
    case AST_ST_FOR:
        find_decl(m, s->u.loop.init);
        find_decl(m, s->u.loop.body);
        break;
    case AST_ST_SWITCH:
        find_decl(m, s->u.switch_.body);
        break;
    case AST_ST_CASE:
    case AST_ST_DEFAULT:
        find_decl(m, s->u.case_.body);
        break;
    case AST_ST_LABEL:
        find_decl(m, s->u.label.body);
        break;
    case AST_ST_TRY_EXCEPT:
    case AST_ST_TRY_FINALLY:
        find_decl(m, s->u.try_.body);
        find_decl(m, s->u.try_.handler);
        break;
    default:
        break;
    }
}

static bool keeps_the_mdl(mdl_search *m, const ast_expr *e)
{
    const char *key = path_key(m->scratch, e);
    for (size_t i = 0; key && i < 2; i++)
        if (m->keys[i] && strcmp(m->keys[i], key) == 0)
            return true;
    return false;
}

/* IoBuildPartialMdl(source, mdl, va, n) fills mdl with pages of source, an MDL already built
 * (and judged where it was built): the address given to IoAllocateMdl only selects a part of
 * it. A source that is the MDL itself fills nothing. */
static bool is_partial_fill(mdl_search *m, const ast_expr *e)
{
    if (!e->u.call.name || strcmp(e->u.call.name, "IoBuildPartialMdl") != 0 || e->u.call.nargs < 2 ||
        !keeps_the_mdl(m, e->u.call.args[1]))
        return false;
    return !keeps_the_mdl(m, e->u.call.args[0]);
}

static bool find_lock(ast_expr *e, void *arg)
{
    mdl_search *m = arg;
    if (m->locked || e->kind != AST_EX_CALL)
        return !m->locked;
    if (is_partial_fill(m, e)) {
        m->locked = true;
        return false;
    }
    const tx_probe_model *lock = tx_mdl_probe_of(e->u.call.name ? e->u.call.name : "");
    if (!lock || lock->arg >= e->u.call.nargs || lock->len >= e->u.call.nargs ||
        tx_is_kernel_mode(e->u.call.args[lock->len]))
        return true;
    m->locked = keeps_the_mdl(m, e->u.call.args[lock->arg]);
    return !m->locked;
}

/* Does the function probe and lock, for user mode, the MDL that this IoAllocateMdl call
 * builds (kept in a variable, or in Irp->MdlAddress when the IRP is its fifth argument)?
 * The lock checks the whole range the MDL describes, so its address and length are the
 * caller's own pages. Or does it fill that MDL as a partial MDL of another one? Then it
 * describes that MDL's pages. Anywhere in the function counts: the allocation always comes
 * first. */
static bool locked_for_user_mode(taint_ctx *ctx, const ast_expr *call)
{
    const ast_function *fn = ctx->tx.fn;
    if (!fn || !fn->body)
        return false;
    mdl_search m = {.call = call, .scratch = ctx->tx.scratch};
    ast_visit_stmt_exprs(fn->body, find_assign, &m);
    find_decl(&m, fn->body);
    if (call->u.call.nargs > 4) {
        const ast_expr *irp = path_strip(call->u.call.args[4]);
        const char *irp_key = irp && irp->kind != AST_EX_INT ? path_key(ctx->tx.scratch, irp) : NULL;
        if (irp_key) {
            char *k = xasprintf("(*%s).MdlAddress", irp_key);
            add_key(&m, arena_strdup(ctx->tx.scratch, k));
            free(k);
        }
    }
    if (!m.keys[0])
        return false;
    ast_visit_stmt_exprs(fn->body, find_lock, &m);
    return m.locked;
}

static bool is_mdl_allocation(const ast_expr *call)
{
    return call->u.call.name && strcmp(call->u.call.name, "IoAllocateMdl") == 0 && call->u.call.nargs >= 2;
}

bool taint_probe_covers(taint_ctx *ctx, tstate *s, const rules_sink *sink, const ast_expr *call,
                        const rules_sink_arg *a, const fact *f)
{
    const char *rule = a->rule ? a->rule : sink->rule;
    if (!rule || strcmp(rule, "mdl-map") != 0)
        return false;
    bool address = role_named(a, "virtual-address"), size = role_named(a, "size");
    if (!address && !size)
        return false;
    /* a user address probed, or an MDL probed and locked for user mode, is the caller's own
       memory: mapping it back to the caller gives nothing new */
    if (address && f->probed)
        return true;
    if (!is_mdl_allocation(call))
        return false;
    if (locked_for_user_mode(ctx, call))
        return true;
    /* ProbeForRead(p, n); IoAllocateMdl(p, n, ...): the same range */
    if (size) {
        fact va = tx_peek(&ctx->tx, s, call->u.call.args[0]);
        const char *probed = rel_path(&va.rel, REL_PROBED_LEN);
        const char *len = path_key(ctx->tx.scratch, call->u.call.args[a->index]);
        return va.probed && probed && len && strcmp(probed, len) == 0;
    }
    return false;
}
