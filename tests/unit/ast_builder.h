/* ast_builder.h - terse constructors for hand-built ASTs in unit tests. */
#ifndef DRVTAINT_AST_BUILDER_H
#define DRVTAINT_AST_BUILDER_H

#include "drvtaint/ast.h"

static ast_tu *B_TU;
static unsigned B_LINE = 1;

static inline ast_loc b_loc(void) { return (ast_loc){"t.c", B_LINE++, 1}; }

static ast_type b_u32(void)
{
    ast_type t = {.spelling = "ULONG", .size = 4, .array_len = -1, .bits = 32, .is_integer = true};
    return t;
}

static ast_type b_i32(void)
{
    ast_type t = b_u32();
    t.spelling = "LONG";
    t.is_signed = true;
    return t;
}

static inline ast_type b_ptr(const char *record)
{
    ast_type t = {.spelling = "void *", .record = record, .size = 8, .array_len = -1, .is_pointer = true};
    return t;
}

static inline ast_expr *b_ref(const char *name, ast_type t)
{
    ast_expr *e = ast_expr_new(B_TU, AST_EX_REF, b_loc(), name);
    e->type = t;
    e->u.ref.name = name;
    e->u.ref.ref = AST_REF_LOCAL;
    return e;
}

static inline ast_expr *b_int(uint64_t v)
{
    ast_expr *e = ast_expr_new(B_TU, AST_EX_INT, b_loc(), "k");
    e->type = b_u32();
    e->u.i.value = v;
    e->u.i.known = true;
    return e;
}

static inline ast_expr *b_bin(ast_binop op, ast_expr *l, ast_expr *r, const char *text)
{
    ast_expr *e = ast_expr_new(B_TU, AST_EX_BINARY, b_loc(), text);
    e->type = op >= AST_BIN_LT && op <= AST_BIN_LOR ? b_i32() : l->type;
    e->u.binary.op = op;
    e->u.binary.lhs = l;
    e->u.binary.rhs = r;
    return e;
}

static inline ast_expr *b_member(ast_expr *base, const char *field, const char *record, bool arrow, ast_type t)
{
    ast_expr *e = ast_expr_new(B_TU, AST_EX_MEMBER, b_loc(), field);
    e->type = t;
    e->u.member.base = base;
    e->u.member.field = field;
    e->u.member.record = record;
    e->u.member.arrow = arrow;
    return e;
}

static inline ast_expr *b_call(const char *name, ast_expr *arg)
{
    ast_expr *e = ast_expr_new(B_TU, AST_EX_CALL, b_loc(), name);
    e->type = b_u32();
    e->u.call.name = name;
    e->u.call.nargs = arg ? 1 : 0;
    e->u.call.args = arena_alloc(B_TU->arena, sizeof(ast_expr *));
    e->u.call.args[0] = arg;
    return e;
}

static inline ast_stmt *b_expr(ast_expr *e)
{
    ast_stmt *s = ast_stmt_new(B_TU, AST_ST_EXPR, b_loc());
    s->u.expr = e;
    return s;
}

static inline ast_stmt *b_assign(ast_expr *lhs, ast_expr *rhs)
{
    ast_expr *e = ast_expr_new(B_TU, AST_EX_ASSIGN, b_loc(), "assign");
    e->type = lhs->type;
    e->u.binary.op = AST_BIN_NONE;
    e->u.binary.lhs = lhs;
    e->u.binary.rhs = rhs;
    return b_expr(e);
}

static inline ast_stmt *b_block(size_t n, ast_stmt **items)
{
    ast_stmt *s = ast_stmt_new(B_TU, AST_ST_BLOCK, b_loc());
    s->u.block.items = (ast_stmt **)arena_dup_ptrs(B_TU->arena, (void *const *)items, n);
    s->u.block.n = n;
    return s;
}
#define B_BLOCK(...) b_block(sizeof((ast_stmt *[]){__VA_ARGS__}) / sizeof(ast_stmt *), (ast_stmt *[]){__VA_ARGS__})

static inline ast_stmt *b_if(ast_expr *cond, ast_stmt *then, ast_stmt *els)
{
    ast_stmt *s = ast_stmt_new(B_TU, AST_ST_IF, b_loc());
    s->u.if_.cond = cond;
    s->u.if_.then = then;
    s->u.if_.els = els;
    return s;
}

static inline ast_stmt *b_loop(ast_stmt_kind kind, ast_expr *cond, ast_stmt *body)
{
    ast_stmt *s = ast_stmt_new(B_TU, kind, b_loc());
    s->u.loop.cond = cond;
    s->u.loop.body = body;
    return s;
}

static inline ast_stmt *b_simple(ast_stmt_kind kind)
{
    return ast_stmt_new(B_TU, kind, b_loc());
}

static inline ast_stmt *b_return(ast_expr *e)
{
    ast_stmt *s = ast_stmt_new(B_TU, AST_ST_RETURN, b_loc());
    s->u.expr = e;
    return s;
}

static inline ast_stmt *b_label(ast_stmt_kind kind, const char *name, ast_stmt *body)
{
    ast_stmt *s = ast_stmt_new(B_TU, kind, b_loc());
    s->u.label.name = name;
    s->u.label.body = body;
    return s;
}

static inline ast_stmt *b_case(int64_t lo, ast_stmt *body)
{
    ast_stmt *s = ast_stmt_new(B_TU, lo < 0 ? AST_ST_DEFAULT : AST_ST_CASE, b_loc());
    s->u.case_.lo = s->u.case_.hi = lo;
    s->u.case_.value = b_int((uint64_t)lo);
    s->u.case_.body = body;
    return s;
}

static inline ast_stmt *b_switch(ast_expr *cond, ast_stmt *body)
{
    ast_stmt *s = ast_stmt_new(B_TU, AST_ST_SWITCH, b_loc());
    s->u.switch_.cond = cond;
    s->u.switch_.body = body;
    return s;
}

static inline ast_stmt *b_try(ast_stmt_kind kind, ast_stmt *body, ast_expr *filter, ast_stmt *handler)
{
    ast_stmt *s = ast_stmt_new(B_TU, kind, b_loc());
    s->u.try_.body = body;
    s->u.try_.filter = filter;
    s->u.try_.handler = handler;
    return s;
}

static inline ast_function *b_function(ast_stmt *body)
{
    ast_function *fn = arena_alloc(B_TU->arena, sizeof *fn);
    fn->name = "f";
    fn->usr = "c:@F@f";
    fn->body = body;
    return fn;
}

#endif
