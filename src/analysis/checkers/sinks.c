/* sinks.c - the sink checker: which sink arguments are user-controlled and
 * unbounded at the call, and the finding that says so with its evidence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkers.h"

static bool role_is(const rules_sink_arg *a, const char *name)
{
    return strcmp(rules_role_name(a->role), name) == 0;
}

/* Does the copy stay inside every source and destination, by the checks that relate its offsets
 * and length to their sizes (transfer/relational.c), or inside a side of fixed size? Every side
 * must hold it: RtlCopyMemory(kernel, buf + off, len) after off + len <= bufLen still overruns a
 * small kernel buffer. */
static bool copy_fits_by_relation(taint_ctx *ctx, tstate *s, const rules_sink *sink, const ast_expr *call,
                                  const rules_sink_arg *size_arg, const fact *len)
{
    bool related = false; /* sides of fixed size alone are the ordinary check's */
    for (size_t i = 0; i < sink->nargs; i++) {
        const rules_sink_arg *a = &sink->args[i];
        if (a->index >= call->u.call.nargs || !(role_is(a, "source") || role_is(a, "destination")))
            continue;
        const ast_expr *side = call->u.call.args[a->index];
        uint64_t fixed = copy_object_bytes(side);
        if (fixed) {
            if (!len->hi_trusted && range_max_u(len->r, len->bits, len->is_signed) > fixed)
                return false;
        } else if (tx_copy_fits(&ctx->tx, s, side, call->u.call.args[size_arg->index])) {
            related = true;
        } else if (!copy_side_held_by_caller(ctx, s, side, call->u.call.args[size_arg->index])) {
            return false;
        }
    }
    return related;
}

static char *dup_loc_file(const ast_loc *l)
{
    return xstrdup(l->file ? l->file : "<unknown>");
}

static void flatten_trace(finding *f, const trace_node *t, const ast_expr *call)
{
    size_t n = 0;
    for (const trace_node *p = t; p; p = p->prev)
        n++;
    f->ntrace = n + 1;
    f->trace = xcalloc(f->ntrace, sizeof *f->trace);
    size_t i = n;
    for (const trace_node *p = t; p; p = p->prev) {
        trace_step *st = &f->trace[--i];
        st->kind = p->kind;
        st->file = dup_loc_file(&p->loc);
        st->line = p->loc.line;
        st->col = p->loc.col;
        st->text = xstrdup(p->text ? p->text : "");
    }
    trace_step *sink = &f->trace[n];
    sink->kind = TRACE_SINK;
    sink->file = dup_loc_file(&call->loc);
    sink->line = call->loc.line;
    sink->col = call->loc.col;
    sink->text = xstrdup(call->text);
}

static finding_severity severity_of(const rules_rule *rule)
{
    if (!rule)
        return FINDING_WARNING;
    switch (rule->severity) {
    case RULES_SEVERITY_NOTE: return FINDING_NOTE;
    case RULES_SEVERITY_WARNING: return FINDING_WARNING;
    case RULES_SEVERITY_ERROR: return FINDING_ERROR;
    }
    return FINDING_WARNING;
}

static const char *source_text(const trace_node *t)
{
    const trace_node *first = t;
    while (first && first->prev)
        first = first->prev;
    return first && first->text ? first->text : "IOCTL input";
}

/* The first dangerous value of this rule and role that the argument may still take. */
static char *find_witness(const taint_ctx *ctx, const char *rule_id, rules_role role, const fact *f)
{
    for (size_t i = 0; i < ctx->tx.rules->ndangerous; i++) {
        const rules_dangerous *d = &ctx->tx.rules->dangerous[i];
        if (d->role != role || strcmp(d->rule, rule_id) != 0)
            continue;
        range_int lo = (range_int)d->lo > f->r.lo ? (range_int)d->lo : f->r.lo;
        range_int hi = (range_int)d->hi < f->r.hi ? (range_int)d->hi : f->r.hi;
        if (range_is_empty(f->r) || lo > hi)
            continue;
        if (d->lo == 0 && d->hi == UINT64_MAX)
            return xstrdup(d->name); /* "any physical address" */
        return xasprintf("0x%llx (%s)", (unsigned long long)lo, d->name);
    }
    return NULL;
}

static void report_to(taint_ctx *ctx, finding_list *dst, const tstate *s_at_call, const ast_expr *call,
                      const rules_sink *sink, const rules_sink_arg *a, const fact *f, const char *why,
                      const char *rule_override)
{
    const char *rule_id = rule_override ? rule_override : a->rule ? a->rule : sink->rule;
    const rules_rule *rule = rules_find_rule(ctx->tx.rules, rule_id);
    const ast_expr *arg = call->u.call.args[a->index];
    char range_buf[128];
    range_format(range_buf, sizeof range_buf, f->r, f->bits, f->is_signed);
    finding fd = {
        .rule = xstrdup(rule_id),
        .severity = severity_of(rule),
        .file = dup_loc_file(&call->loc),
        .line = call->loc.line,
        .col = call->loc.col,
        .function = xstrdup(ctx->tx.fn->name),
        /* a call libclang could not resolve may have no callee name and still be matched by
         * the macro written at the call (found by fuzzing): the sink is then the rule's name */
        .sink = xstrdup(call->u.call.name ? call->u.call.name : sink->function),
        .written = call->u.call.written_name ? xstrdup(call->u.call.written_name) : NULL,
        .arg_index = a->index,
        .role = xstrdup(rules_role_name(a->role)),
        .arg_text = xstrdup(arg->text),
        .range = xstrdup(range_buf),
    };
    fd.witness = find_witness(ctx, rule_id, a->role, f);
    fd.entry = xstrdup(ctx->chain.root ? ctx->chain.root : ctx->tx.fn->name);
    const entry_point *ep = ctx->chain.root_entry;
    fd.entry_kind = ep ? xstrdup(ep->kind) : NULL;
    uint64_t codes[16];
    fd.nioctls = taint_ioctls_of(ctx, s_at_call, codes, 16);
    if (fd.nioctls) {
        fd.ioctls = xcalloc(fd.nioctls, sizeof *fd.ioctls);
        for (size_t i = 0; i < fd.nioctls; i++) {
            const char *name = ctx->entries ? entries_ioctl_name(ctx->entries, codes[i]) : NULL;
            if (!name)
                name = program_ioctl_name(ctx->prog, codes[i]);
            fd.ioctls[i] = (finding_ioctl){codes[i], name ? xstrdup(name) : NULL,
                                           ctx->entries && entries_is_placeholder(ctx->entries, codes[i])};
        }
    }
    if (fd.witness)
        fd.severity = FINDING_ERROR; /* an immediate privilege escalation, not just a missing check */
    strbuf via = {0};
    if (fd.entry_kind)
        sb_printf(&via, "; reached through %s (%s)", fd.entry, fd.entry_kind);
    for (size_t i = 0; i < fd.nioctls; i++) {
        /* a code recovery made up says nothing about the transfer method: name it, decode nothing */
        if (fd.ioctls[i].name && fd.ioctls[i].placeholder) {
            sb_printf(&via, "%s%s (code unknown: its header was not found)", i ? " or " : fd.entry_kind ? " with " : "; with ",
                      fd.ioctls[i].name);
            continue;
        }
        sb_printf(&via, "%s%s%s0x%llx%s, %s", i ? " or " : fd.entry_kind ? " with " : "; with ",
                  fd.ioctls[i].name ? fd.ioctls[i].name : "", fd.ioctls[i].name ? " (" : "",
                  (unsigned long long)fd.ioctls[i].code, fd.ioctls[i].name ? ")" : "",
                  entries_method_name(fd.ioctls[i].code));
    }
    fd.message = xasprintf("%s '%s' of %s comes from %s and %s%s%s%s", fd.role, arg->text,
                           call->u.call.written_name ? call->u.call.written_name : call->u.call.name,
                           source_text(f->trace), why, fd.witness ? "; it may be " : "",
                           fd.witness ? fd.witness : "", via.buf ? via.buf : "");
    sb_free(&via);
    flatten_trace(&fd, f->trace, call);
    if (ctx->facts && dst == ctx->out) /* another unit's wiring of this entry may change the finding */
        name_set_add(ctx->facts->arena, &ctx->facts->roots, fd.entry);
    findings_add(dst, fd);
}

static void report_as(taint_ctx *ctx, const tstate *s_at_call, const ast_expr *call, const rules_sink *sink,
                      const rules_sink_arg *a, const fact *f, const char *why, const char *rule_override)
{
    report_to(ctx, ctx->out, s_at_call, call, sink, a, f, why, rule_override);
}

/* The audit's verdict on a user value that is bounded at the sink: its range and why. */
static void note_checked(taint_ctx *ctx, const tstate *s_at_call, const ast_expr *call, const rules_sink *sink,
                         const rules_sink_arg *a, const fact *f)
{
    if (!ctx->checked)
        return;
    const char *why = f->sanitized ? "is checked by a validator"
                      : f->probed  ? "is probed"
                      : range_is_bounded(f->r, f->bits, f->is_signed) ? "is bounded"
                                                                       : "is checked against a kernel value";
    report_to(ctx, ctx->checked, s_at_call, call, sink, a, f, why, NULL);
}

static void report(taint_ctx *ctx, const tstate *s_at_call, const ast_expr *call, const rules_sink *sink,
                   const rules_sink_arg *a, const fact *f, const char *why)
{
    report_as(ctx, s_at_call, call, sink, a, f, why, NULL);
}

/* A pointer argument: reported, and marked for folding into the finding of the mapping it
 * reads or writes through (mapped.c, findings_fold), when it is one. */
static void report_pointer(taint_ctx *ctx, const tstate *s_at_call, const ast_expr *call, const rules_sink *sink,
                           const rules_sink_arg *a, const fact *f, const char *why)
{
    report(ctx, s_at_call, call, sink, a, f, why);
    const trace_node *map = taint_mapped_through(ctx, sink, a, f);
    if (!map || !ctx->out->len)
        return;
    finding *fd = &ctx->out->items[ctx->out->len - 1];
    fd->fold_file = xstrdup(map->loc.file ? map->loc.file : "<unknown>");
    fd->fold_line = map->loc.line;
    fd->fold_col = map->loc.col;
}

/* A checked value read again out of user memory at the sink (if (u->Size > sizeof(kb)) fail;
 * RtlCopyMemory(kb, u->Buf, u->Size)): the user changes it between the two reads, so the check
 * bounds nothing here. Only a path read straight through a user-chosen pointer qualifies: a
 * copy in a local, or a field of SystemBuffer (the I/O manager's copy), is read once. */
static bool fetched_again(tx_ctx *tx, tstate *s, const ast_expr *arg)
{
    const ast_expr *e = path_strip(arg);
    const ast_expr *ptr = NULL;
    if (e && e->kind == AST_EX_MEMBER && e->u.member.arrow)
        ptr = e->u.member.base;
    else if (e && e->kind == AST_EX_UNARY && e->u.unary.op == AST_UN_DEREF)
        ptr = e->u.unary.operand;
    else if (e && e->kind == AST_EX_INDEX && path_strip(e->u.index.base) && path_strip(e->u.index.base)->type.is_pointer)
        ptr = e->u.index.base;
    if (!ptr)
        return false;
    fact p = tx_peek(tx, s, ptr);
    return (p.taint & TAINT_VALUE) != 0;
}

static void check_double_fetch(taint_ctx *ctx, tstate *s, const ast_expr *call, const rules_sink *sink,
                               const rules_sink_arg *a, const fact *f)
{
    if (!rules_find_rule(ctx->tx.rules, "double-fetch") || !fetched_again(&ctx->tx, s, call->u.call.args[a->index]))
        return;
    report_as(ctx, s, call, sink, a, f,
              "is read again from user memory after it was checked, so the check does not bound this read", "double-fetch");
}

void taint_check_call(tx_ctx *tx, tstate *s, const ast_expr *call)
{
    taint_ctx *ctx = taint_ctx_of(tx);
    const rules_sink *sink = call->u.call.name ? rules_find_sink(ctx->tx.rules, call->u.call.name) : NULL;
    if (!sink && call->u.call.written_name)
        sink = rules_find_sink(ctx->tx.rules, call->u.call.written_name);
    if (!sink)
        return;
    for (size_t i = 0; i < sink->nargs; i++) {
        const rules_sink_arg *a = &sink->args[i];
        if (!a->check || a->index >= call->u.call.nargs)
            continue;
        /* a look at the value: the argument's own effects happened already */
        fact f = a->pointee ? tx_peek_pointee(tx, s, call->u.call.args[a->index])
                            : tx_peek(tx, s, call->u.call.args[a->index]);
        if (!(f.taint & TAINT_VALUE))
            continue;
        if (taint_probe_covers(ctx, s, sink, call, a, &f)) {
            f.probed = true; /* the audit says why */
            note_checked(ctx, s, call, sink, a, &f);
            continue;
        }
        if (role_is(a, "source") || role_is(a, "destination")) {
            uint64_t v;
            if (!f.probed && !f.sanitized && !range_is_singleton(f.r, &v))
                report_pointer(ctx, s, call, sink, a, &f, "is a pointer the user chooses, neither probed nor constrained");
            else
                note_checked(ctx, s, call, sink, a, &f);
        } else if (role_is(a, "size")) {
            if (copy_fits_by_relation(ctx, s, sink, call, a, &f)) {
                note_checked(ctx, s, call, sink, a, &f);
                continue;
            }
            copy_verdict cv = copy_size_verdict(ctx, s, sink, call, a, &f);
            char why[256];
            char range_buf[128];
            range_format(range_buf, sizeof range_buf, f.r, f.bits, f.is_signed);
            bool bounded = cv.fits;
            if (!bounded) {
                if (cv.object_size)
                    snprintf(why, sizeof why, "is not checked against the %llu-byte object on every path (possible values: %s)",
                             (unsigned long long)cv.object_size, range_buf);
                else if (cv.user_buffer)
                    snprintf(why, sizeof why,
                             "is read from user data and not checked against the size of the caller's buffer '%s' (the %s) on every path (possible values: %s)",
                             cv.user_buffer->text, cv.user_role, range_buf);
                else
                    snprintf(why, sizeof why, "is not bounded on every path to the call (possible values: %s)", range_buf);
                report(ctx, s, call, sink, a, &f, why);
            } else {
                note_checked(ctx, s, call, sink, a, &f);
                if (!a->pointee)
                    check_double_fetch(ctx, s, call, sink, a, &f);
            }
        } else if (fact_is_bounded(&f)) {
            note_checked(ctx, s, call, sink, a, &f);
            if (!a->pointee)
                check_double_fetch(ctx, s, call, sink, a, &f);
        } else {
            char why[256];
            char range_buf[128];
            range_format(range_buf, sizeof range_buf, f.r, f.bits, f.is_signed);
            snprintf(why, sizeof why, "is not bounded on every path to the call (possible values: %s)", range_buf);
            report_pointer(ctx, s, call, sink, a, &f, why);
        }
    }
}
