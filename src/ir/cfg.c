/* cfg.c - lower a function's AST into basic blocks.
 *
 * Modelling choices (see docs/ir.md): an exception inside __try may leave from any block
 * of the body, so each such block names the __except handler; __finally runs after the
 * body's normal end (a return inside the body skips it); a goto to a missing label goes
 * to the exit; statements after return/break/goto land in blocks with no predecessors. */
#include "drvtaint/cfg.h"

#include <stdlib.h>
#include <string.h>

typedef struct bblock {
    VEC(cfg_stmt) stmts;
    cfg_term term;
    bool terminated;
    size_t handler;
    VEC(size_t) succs;
    VEC(cfg_case) cases;
} bblock;

typedef struct label_ref {
    const char *name;
    size_t block;
} label_ref;

typedef struct switch_ctx {
    VEC(cfg_case) cases;
    VEC(size_t) targets;
    size_t default_target;
} switch_ctx;

typedef struct builder {
    arena *a;
    const ast_function *fn;
    VEC(bblock *) blocks;
    size_t cur; /* CFG_NONE after a jump: the next statement is unreachable */
    size_t exit;
    size_t break_to, continue_to, leave_to, handler;
    switch_ctx *sw;
    VEC(label_ref) labels;
    VEC(label_ref) gotos;
} builder;

static size_t new_block(builder *b)
{
    bblock *bb = xcalloc(1, sizeof *bb);
    bb->handler = b->handler;
    VEC_PUSH(&b->blocks, bb);
    return b->blocks.len - 1;
}

/* The block statements go to; a fresh unreachable one after a jump. */
static bblock *cur(builder *b)
{
    if (b->cur == CFG_NONE)
        b->cur = new_block(b);
    return b->blocks.items[b->cur];
}

static void terminate(builder *b, cfg_term_kind kind, const ast_expr *cond, ast_loc loc)
{
    bblock *bb = cur(b);
    bb->term.kind = kind;
    bb->term.cond = cond;
    bb->term.loc = loc;
    bb->terminated = true;
}

static void jump(builder *b, size_t target)
{
    if (b->cur == CFG_NONE)
        return; /* nothing flows from unreachable code */
    bblock *bb = cur(b);
    terminate(b, CFG_TERM_GOTO, NULL, (ast_loc){0});
    VEC_PUSH(&bb->succs, target);
    b->cur = CFG_NONE;
}

/* Ends the current block by falling into target, which becomes current. */
static void fall_into(builder *b, size_t target)
{
    if (b->cur != CFG_NONE)
        jump(b, target);
    b->cur = target;
}

static void emit(builder *b, cfg_stmt st)
{
    VEC_PUSH(&cur(b)->stmts, st);
}

static ast_expr *synth_ref(builder *b, const ast_stmt *decl)
{
    ast_expr *e = arena_alloc(b->a, sizeof *e);
    e->kind = AST_EX_REF;
    e->loc = decl->loc;
    e->text = decl->u.decl.name;
    e->type = decl->u.decl.type;
    e->u.ref.name = decl->u.decl.name;
    e->u.ref.usr = decl->u.decl.usr;
    e->u.ref.ref = AST_REF_LOCAL;
    return e;
}

/* "name = init" for traces of initialised declarations */
static const char *decl_text(builder *b, const ast_stmt *s)
{
    char *t = xasprintf("%s = %s", s->u.decl.name, s->u.decl.init->text);
    const char *copy = arena_strdup(b->a, t);
    free(t);
    return copy;
}

static const ast_expr *strip_casts(const ast_expr *e)
{
    while (e && e->kind == AST_EX_CAST)
        e = e->u.cast.operand;
    return e;
}

/* Emits an expression statement, splitting top-level assignments and commas out. */
static void lower_expr_stmt(builder *b, const ast_expr *e, ast_loc loc)
{
    const ast_expr *s = strip_casts(e);
    if (!s)
        return;
    if (s->kind == AST_EX_BINARY && s->u.binary.op == AST_BIN_COMMA) {
        lower_expr_stmt(b, s->u.binary.lhs, loc);
        lower_expr_stmt(b, s->u.binary.rhs, loc);
        return;
    }
    if (s->kind == AST_EX_ASSIGN) {
        /* a = b = c: c goes to b first */
        const ast_expr *rhs = strip_casts(s->u.binary.rhs);
        if (rhs && rhs->kind == AST_EX_ASSIGN && s->u.binary.op == AST_BIN_NONE) {
            lower_expr_stmt(b, rhs, loc);
            emit(b, (cfg_stmt){.kind = CFG_ASSIGN, .loc = s->loc, .text = s->text, .lhs = s->u.binary.lhs,
                               .rhs = rhs->u.binary.lhs, .op = AST_BIN_NONE});
            return;
        }
        emit(b, (cfg_stmt){.kind = CFG_ASSIGN, .loc = s->loc, .text = s->text, .lhs = s->u.binary.lhs,
                           .rhs = s->u.binary.rhs, .op = s->u.binary.op});
        return;
    }
    emit(b, (cfg_stmt){.kind = CFG_EVAL, .loc = loc, .text = e->text, .expr = e});
}

static void add_succ(builder *b, size_t from, size_t to)
{
    VEC_PUSH(&b->blocks.items[from]->succs, to);
}

/* Branches on cond to t or f, splitting short-circuit operators into blocks. */
static void lower_cond(builder *b, const ast_expr *cond, size_t t, size_t f)
{
    const ast_expr *c = strip_casts(cond);
    if (b->cur == CFG_NONE)
        cur(b);
    if (c && c->kind == AST_EX_BINARY && (c->u.binary.op == AST_BIN_LAND || c->u.binary.op == AST_BIN_LOR)) {
        size_t mid = new_block(b);
        if (c->u.binary.op == AST_BIN_LAND)
            lower_cond(b, c->u.binary.lhs, mid, f);
        else
            lower_cond(b, c->u.binary.lhs, t, mid);
        b->cur = mid;
        lower_cond(b, c->u.binary.rhs, t, f);
        return;
    }
    if (c && c->kind == AST_EX_UNARY && c->u.unary.op == AST_UN_NOT) {
        lower_cond(b, c->u.unary.operand, f, t);
        return;
    }
    if (c && c->kind == AST_EX_COND) {
        size_t bt = new_block(b), bf = new_block(b);
        lower_cond(b, c->u.cond.cond, bt, bf);
        b->cur = bt;
        lower_cond(b, c->u.cond.then, t, f);
        b->cur = bf;
        lower_cond(b, c->u.cond.els, t, f);
        return;
    }
    if (c && c->kind == AST_EX_BINARY && c->u.binary.op == AST_BIN_COMMA) {
        lower_expr_stmt(b, c->u.binary.lhs, c->loc);
        lower_cond(b, c->u.binary.rhs, t, f);
        return;
    }
    if (c && c->kind == AST_EX_ASSIGN) { /* if (x = f()) tests x after the assignment */
        lower_expr_stmt(b, c, c->loc);
        lower_cond(b, c->u.binary.lhs, t, f);
        return;
    }
    if (c && c->kind == AST_EX_BINARY) {
        const ast_expr *l = strip_casts(c->u.binary.lhs);
        if (l && l->kind == AST_EX_ASSIGN) { /* if ((x = f()) != 0) */
            lower_expr_stmt(b, l, l->loc);
            ast_expr *copy = arena_alloc(b->a, sizeof *copy);
            *copy = *c;
            copy->u.binary.lhs = l->u.binary.lhs;
            c = copy;
        }
    }
    size_t from = b->cur;
    terminate(b, CFG_TERM_BRANCH, c ? c : cond, cond ? cond->loc : (ast_loc){0});
    add_succ(b, from, t);
    add_succ(b, from, f);
    b->cur = CFG_NONE;
}

static void lower_stmt(builder *b, const ast_stmt *s);

static void lower_loop(builder *b, const ast_stmt *s)
{
    size_t saved_break = b->break_to, saved_continue = b->continue_to;
    size_t exit = new_block(b);
    if (s->kind == AST_ST_FOR && s->u.loop.init)
        lower_stmt(b, s->u.loop.init);
    size_t head = new_block(b), body = new_block(b);
    size_t next = s->kind == AST_ST_FOR && s->u.loop.inc ? new_block(b) : head;
    if (s->kind == AST_ST_DO) {
        fall_into(b, body);
    } else {
        fall_into(b, head);
        if (s->u.loop.cond)
            lower_cond(b, s->u.loop.cond, body, exit);
        else
            jump(b, body);
    }
    b->break_to = exit;
    b->continue_to = s->kind == AST_ST_DO ? head : next;
    b->cur = body;
    lower_stmt(b, s->u.loop.body);
    if (s->kind == AST_ST_DO) {
        fall_into(b, head);
        lower_cond(b, s->u.loop.cond, body, exit);
    } else if (next != head) {
        fall_into(b, next);
        lower_expr_stmt(b, s->u.loop.inc, s->u.loop.inc->loc);
        jump(b, head);
    } else {
        jump(b, head);
    }
    b->cur = exit;
    b->break_to = saved_break;
    b->continue_to = saved_continue;
}

static void lower_switch(builder *b, const ast_stmt *s)
{
    size_t saved_break = b->break_to;
    switch_ctx *saved_sw = b->sw;
    switch_ctx sw = {.default_target = CFG_NONE};
    size_t exit = new_block(b);
    size_t head = b->cur == CFG_NONE ? new_block(b) : b->cur;
    b->cur = head;
    terminate(b, CFG_TERM_SWITCH, s->u.switch_.cond, s->loc);
    b->cur = CFG_NONE; /* code before the first label is unreachable */
    b->sw = &sw;
    b->break_to = exit;
    lower_stmt(b, s->u.switch_.body);
    fall_into(b, exit);
    bblock *hb = b->blocks.items[head];
    for (size_t i = 0; i < sw.cases.len; i++) {
        VEC_PUSH(&hb->cases, sw.cases.items[i]);
        VEC_PUSH(&hb->succs, sw.targets.items[i]);
    }
    VEC_PUSH(&hb->succs, sw.default_target != CFG_NONE ? sw.default_target : exit);
    free(sw.cases.items);
    free(sw.targets.items);
    b->sw = saved_sw;
    b->break_to = saved_break;
}

static void lower_try(builder *b, const ast_stmt *s)
{
    size_t join = new_block(b);
    if (s->kind == AST_ST_TRY_EXCEPT) {
        size_t saved_handler = b->handler, saved_leave = b->leave_to;
        size_t handler = new_block(b);
        size_t entry = new_block(b);
        fall_into(b, entry);
        b->handler = handler;
        b->blocks.items[entry]->handler = handler;
        b->leave_to = join;
        lower_stmt(b, s->u.try_.body);
        b->handler = saved_handler;
        b->leave_to = saved_leave;
        jump(b, join);
        b->cur = handler;
        if (s->u.try_.filter)
            lower_expr_stmt(b, s->u.try_.filter, s->u.try_.filter->loc);
        lower_stmt(b, s->u.try_.handler);
        fall_into(b, join);
        return;
    }
    size_t saved_leave = b->leave_to;
    size_t fin = new_block(b);
    b->leave_to = fin;
    lower_stmt(b, s->u.try_.body);
    b->leave_to = saved_leave;
    fall_into(b, fin);
    lower_stmt(b, s->u.try_.handler);
    fall_into(b, join);
}

static void lower_stmt(builder *b, const ast_stmt *s)
{
    if (!s)
        return;
    switch (s->kind) {
    case AST_ST_NULL:
    case AST_ST_UNKNOWN:
        break;
    case AST_ST_EXPR:
        lower_expr_stmt(b, s->u.expr, s->loc);
        break;
    case AST_ST_DECL:
        if (s->u.decl.init)
            emit(b, (cfg_stmt){.kind = CFG_ASSIGN, .loc = s->loc, .text = decl_text(b, s),
                               .lhs = synth_ref(b, s), .rhs = s->u.decl.init, .op = AST_BIN_NONE});
        else
            emit(b, (cfg_stmt){.kind = CFG_DECL, .loc = s->loc, .text = s->u.decl.name, .lhs = synth_ref(b, s)});
        break;
    case AST_ST_BLOCK:
        for (size_t i = 0; i < s->u.block.n; i++)
            lower_stmt(b, s->u.block.items[i]);
        break;
    case AST_ST_IF: {
        size_t t = new_block(b), join = new_block(b);
        size_t f = s->u.if_.els ? new_block(b) : join;
        lower_cond(b, s->u.if_.cond, t, f);
        b->cur = t;
        lower_stmt(b, s->u.if_.then);
        jump(b, join);
        if (s->u.if_.els) {
            b->cur = f;
            lower_stmt(b, s->u.if_.els);
            jump(b, join);
        }
        b->cur = join;
        break;
    }
    case AST_ST_WHILE:
    case AST_ST_DO:
    case AST_ST_FOR:
        lower_loop(b, s);
        break;
    case AST_ST_SWITCH:
        lower_switch(b, s);
        break;
    case AST_ST_CASE:
    case AST_ST_DEFAULT: {
        size_t target = new_block(b);
        fall_into(b, target); /* fall-through from the previous case */
        if (b->sw) {
            if (s->kind == AST_ST_CASE) {
                cfg_case c = {s->u.case_.lo, s->u.case_.hi, s->u.case_.value};
                VEC_PUSH(&b->sw->cases, c);
                VEC_PUSH(&b->sw->targets, target);
            } else {
                b->sw->default_target = target;
            }
        }
        lower_stmt(b, s->u.case_.body);
        break;
    }
    case AST_ST_BREAK:
        if (b->break_to != CFG_NONE)
            jump(b, b->break_to);
        break;
    case AST_ST_CONTINUE:
        if (b->continue_to != CFG_NONE)
            jump(b, b->continue_to);
        break;
    case AST_ST_LEAVE:
        if (b->leave_to != CFG_NONE)
            jump(b, b->leave_to);
        break;
    case AST_ST_GOTO:
        if (b->cur != CFG_NONE) {
            VEC_PUSH(&b->gotos, ((label_ref){s->u.label.name, b->cur}));
            terminate(b, CFG_TERM_GOTO, NULL, s->loc);
            b->cur = CFG_NONE;
        }
        break;
    case AST_ST_LABEL: {
        size_t target = new_block(b);
        fall_into(b, target);
        VEC_PUSH(&b->labels, ((label_ref){s->u.label.name, target}));
        lower_stmt(b, s->u.label.body);
        break;
    }
    case AST_ST_RETURN: {
        cur(b);
        size_t from = b->cur;
        terminate(b, CFG_TERM_RETURN, s->u.expr, s->loc);
        add_succ(b, from, b->exit);
        b->cur = CFG_NONE;
        break;
    }
    case AST_ST_TRY_EXCEPT:
    case AST_ST_TRY_FINALLY:
        lower_try(b, s);
        break;
    }
}

static void resolve_gotos(builder *b, cfg_function *g)
{
    for (size_t i = 0; i < b->gotos.len; i++) {
        size_t target = b->exit;
        bool found = false;
        for (size_t j = 0; j < b->labels.len && !found; j++)
            if (strcmp(b->labels.items[j].name, b->gotos.items[i].name) == 0) {
                target = b->labels.items[j].block;
                found = true;
            }
        if (!found)
            g->unresolved_gotos++;
        add_succ(b, b->gotos.items[i].block, target);
    }
}

static void dfs(const cfg_function *g, size_t n, bool *seen, size_t *post, size_t *npost)
{
    /* iterative: deeply nested code must not exhaust the stack */
    size_t *stack = xmalloc(g->nblocks * 2 * sizeof *stack + sizeof *stack);
    size_t *next = xcalloc(g->nblocks, sizeof *next);
    size_t sp = 0;
    stack[sp++] = n;
    seen[n] = true;
    while (sp) {
        size_t v = stack[sp - 1];
        const cfg_block *bb = g->blocks[v];
        size_t nsucc = bb->term.nsuccs + (bb->handler != CFG_NONE);
        if (next[v] < nsucc) {
            size_t k = next[v]++;
            size_t w = k < bb->term.nsuccs ? bb->term.succs[k] : bb->handler;
            if (!seen[w]) {
                seen[w] = true;
                stack[sp++] = w;
            }
        } else {
            post[(*npost)++] = v;
            sp--;
        }
    }
    free(stack);
    free(next);
}

static cfg_function *freeze(builder *b)
{
    cfg_function *g = arena_alloc(b->a, sizeof *g);
    g->fn = b->fn;
    g->nblocks = b->blocks.len;
    g->blocks = arena_alloc(b->a, g->nblocks * sizeof *g->blocks);
    g->entry = 0;
    g->exit = b->exit;
    resolve_gotos(b, g);
    for (size_t i = 0; i < g->nblocks; i++) {
        bblock *bb = b->blocks.items[i];
        cfg_block *cb = arena_alloc(b->a, sizeof *cb);
        cb->id = i;
        cb->handler = bb->handler;
        cb->nstmts = bb->stmts.len;
        cb->stmts = arena_alloc(b->a, (bb->stmts.len ? bb->stmts.len : 1) * sizeof(cfg_stmt));
        if (bb->stmts.len)
            memcpy(cb->stmts, bb->stmts.items, bb->stmts.len * sizeof(cfg_stmt));
        cb->term = bb->term;
        if (!bb->terminated)
            cb->term.kind = i == b->exit ? CFG_TERM_EXIT : CFG_TERM_GOTO;
        cb->term.nsuccs = bb->succs.len;
        cb->term.succs = arena_alloc(b->a, (bb->succs.len ? bb->succs.len : 1) * sizeof(size_t));
        if (bb->succs.len)
            memcpy(cb->term.succs, bb->succs.items, bb->succs.len * sizeof(size_t));
        cb->term.ncases = bb->cases.len;
        cb->term.cases = arena_alloc(b->a, (bb->cases.len ? bb->cases.len : 1) * sizeof(cfg_case));
        if (bb->cases.len)
            memcpy(cb->term.cases, bb->cases.items, bb->cases.len * sizeof(cfg_case));
        g->blocks[i] = cb;
    }
    /* predecessors */
    size_t *count = xcalloc(g->nblocks, sizeof *count);
    for (size_t i = 0; i < g->nblocks; i++) {
        for (size_t k = 0; k < g->blocks[i]->term.nsuccs; k++)
            count[g->blocks[i]->term.succs[k]]++;
        if (g->blocks[i]->handler != CFG_NONE)
            count[g->blocks[i]->handler]++;
    }
    for (size_t i = 0; i < g->nblocks; i++)
        g->blocks[i]->preds = arena_alloc(b->a, (count[i] ? count[i] : 1) * sizeof(size_t));
    for (size_t i = 0; i < g->nblocks; i++) {
        const cfg_block *bb = g->blocks[i];
        for (size_t k = 0; k < bb->term.nsuccs; k++) {
            cfg_block *t = g->blocks[bb->term.succs[k]];
            t->preds[t->npreds++] = i;
        }
        if (bb->handler != CFG_NONE) {
            cfg_block *t = g->blocks[bb->handler];
            t->preds[t->npreds++] = i;
        }
    }
    free(count);
    /* reverse post-order of what the entry reaches */
    bool *seen = xcalloc(g->nblocks, sizeof *seen);
    size_t *post = xmalloc(g->nblocks * sizeof *post);
    size_t npost = 0;
    dfs(g, g->entry, seen, post, &npost);
    g->nrpo = npost;
    g->rpo = arena_alloc(b->a, (npost ? npost : 1) * sizeof(size_t));
    g->rpo_index = arena_alloc(b->a, g->nblocks * sizeof(size_t));
    for (size_t i = 0; i < g->nblocks; i++)
        g->rpo_index[i] = CFG_NONE;
    for (size_t i = 0; i < npost; i++) {
        g->rpo[i] = post[npost - 1 - i];
        g->rpo_index[g->rpo[i]] = i;
    }
    free(seen);
    free(post);
    return g;
}

cfg_function *cfg_build(const ast_function *fn, arena *a)
{
    builder b = {.a = a, .fn = fn, .break_to = CFG_NONE, .continue_to = CFG_NONE, .leave_to = CFG_NONE,
                 .handler = CFG_NONE};
    size_t entry = new_block(&b);
    b.exit = new_block(&b);
    b.cur = entry;
    lower_stmt(&b, fn->body);
    jump(&b, b.exit); /* falling off the end */
    cfg_function *g = freeze(&b);
    for (size_t i = 0; i < b.blocks.len; i++) {
        free(b.blocks.items[i]->stmts.items);
        free(b.blocks.items[i]->succs.items);
        free(b.blocks.items[i]->cases.items);
        free(b.blocks.items[i]);
    }
    free(b.blocks.items);
    free(b.labels.items);
    free(b.gotos.items);
    return g;
}

static const char *text_of(const ast_expr *e)
{
    return e && e->text && *e->text ? e->text : "?";
}

void cfg_print(FILE *out, const cfg_function *g)
{
    for (size_t i = 0; i < g->nblocks; i++) {
        const cfg_block *bb = g->blocks[i];
        fprintf(out, "bb%zu:%s%s\n", i, i == g->entry ? " (entry)" : "",
                g->rpo_index[i] == CFG_NONE ? " (unreachable)" : "");
        for (size_t k = 0; k < bb->nstmts; k++) {
            const cfg_stmt *st = &bb->stmts[k];
            switch (st->kind) {
            case CFG_ASSIGN:
                fprintf(out, "  %s %s= %s\n", text_of(st->lhs), st->op == AST_BIN_NONE ? "" : ast_binop_spelling(st->op),
                        text_of(st->rhs));
                break;
            case CFG_EVAL:
                fprintf(out, "  eval %s\n", text_of(st->expr));
                break;
            case CFG_DECL:
                fprintf(out, "  decl %s\n", text_of(st->lhs));
                break;
            }
        }
        const cfg_term *t = &bb->term;
        switch (t->kind) {
        case CFG_TERM_GOTO:
            if (t->nsuccs)
                fprintf(out, "  goto bb%zu\n", t->succs[0]);
            else
                fprintf(out, "  goto (nowhere)\n");
            break;
        case CFG_TERM_BRANCH:
            fprintf(out, "  branch (%s) -> bb%zu, bb%zu\n", text_of(t->cond), t->succs[0], t->succs[1]);
            break;
        case CFG_TERM_SWITCH:
            fprintf(out, "  switch (%s)", text_of(t->cond));
            for (size_t k = 0; k < t->ncases; k++) {
                if (t->cases[k].lo == t->cases[k].hi)
                    fprintf(out, " [%lld: bb%zu]", (long long)t->cases[k].lo, t->succs[k]);
                else
                    fprintf(out, " [%lld..%lld: bb%zu]", (long long)t->cases[k].lo, (long long)t->cases[k].hi,
                            t->succs[k]);
            }
            fprintf(out, " default bb%zu\n", t->succs[t->ncases]);
            break;
        case CFG_TERM_RETURN:
            fprintf(out, "  return%s%s -> bb%zu\n", t->cond ? " " : "", t->cond ? text_of(t->cond) : "", t->succs[0]);
            break;
        case CFG_TERM_EXIT:
            fprintf(out, "  exit\n");
            break;
        }
        if (bb->handler != CFG_NONE)
            fprintf(out, "  except -> bb%zu\n", bb->handler);
    }
}
