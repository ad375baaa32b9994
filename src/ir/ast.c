/* ast.c - construction, traversal and teardown of drvtaint's syntax tree. */
#include "drvtaint/ast.h"

#include <stdlib.h>

ast_tu *ast_tu_new(const char *path)
{
    arena *a = arena_new();
    ast_tu *tu = arena_alloc(a, sizeof *tu);
    tu->arena = a;
    tu->path = arena_strdup(a, path);
    return tu;
}

void ast_tu_free(ast_tu *tu)
{
    if (tu)
        arena_free(tu->arena); /* tu itself lives in its arena */
}

ast_expr *ast_expr_new(ast_tu *tu, ast_expr_kind kind, ast_loc loc, const char *text)
{
    ast_expr *e = arena_alloc(tu->arena, sizeof *e);
    e->kind = kind;
    e->loc = loc;
    e->text = text ? text : "";
    e->type.array_len = -1;
    return e;
}

ast_stmt *ast_stmt_new(ast_tu *tu, ast_stmt_kind kind, ast_loc loc)
{
    ast_stmt *s = arena_alloc(tu->arena, sizeof *s);
    s->kind = kind;
    s->loc = loc;
    return s;
}

void ast_visit_expr(ast_expr *e, ast_expr_visit_fn fn, void *ctx)
{
    if (!e || !fn(e, ctx))
        return;
    switch (e->kind) {
    case AST_EX_MEMBER:
        ast_visit_expr(e->u.member.base, fn, ctx);
        break;
    case AST_EX_INDEX:
        ast_visit_expr(e->u.index.base, fn, ctx);
        ast_visit_expr(e->u.index.index, fn, ctx);
        break;
    case AST_EX_CALL:
        ast_visit_expr(e->u.call.callee, fn, ctx);
        for (size_t i = 0; i < e->u.call.nargs; i++)
            ast_visit_expr(e->u.call.args[i], fn, ctx);
        break;
    case AST_EX_UNARY:
        ast_visit_expr(e->u.unary.operand, fn, ctx);
        break;
    case AST_EX_BINARY:
    case AST_EX_ASSIGN:
        ast_visit_expr(e->u.binary.lhs, fn, ctx);
        ast_visit_expr(e->u.binary.rhs, fn, ctx);
        break;
    case AST_EX_COND:
        ast_visit_expr(e->u.cond.cond, fn, ctx);
        ast_visit_expr(e->u.cond.then, fn, ctx);
        ast_visit_expr(e->u.cond.els, fn, ctx);
        break;
    case AST_EX_CAST:
        ast_visit_expr(e->u.cast.operand, fn, ctx);
        break;
    case AST_EX_INIT_LIST:
    case AST_EX_UNKNOWN:
        for (size_t i = 0; i < e->u.list.n; i++)
            ast_visit_expr(e->u.list.items[i], fn, ctx);
        break;
    case AST_EX_INT:
    case AST_EX_STRING:
    case AST_EX_REF:
    case AST_EX_SIZEOF:
        break;
    }
}

void ast_visit_stmt_exprs(ast_stmt *s, ast_expr_visit_fn fn, void *ctx)
{
    if (!s)
        return;
    switch (s->kind) {
    case AST_ST_EXPR:
    case AST_ST_RETURN:
        ast_visit_expr(s->u.expr, fn, ctx);
        break;
    case AST_ST_DECL:
        ast_visit_expr(s->u.decl.init, fn, ctx);
        break;
    case AST_ST_BLOCK:
        for (size_t i = 0; i < s->u.block.n; i++)
            ast_visit_stmt_exprs(s->u.block.items[i], fn, ctx);
        break;
    case AST_ST_IF:
        ast_visit_expr(s->u.if_.cond, fn, ctx);
        ast_visit_stmt_exprs(s->u.if_.then, fn, ctx);
        ast_visit_stmt_exprs(s->u.if_.els, fn, ctx);
        break;
    case AST_ST_WHILE:
    case AST_ST_DO:
    case AST_ST_FOR:
        ast_visit_stmt_exprs(s->u.loop.init, fn, ctx);
        if (s->kind == AST_ST_DO) {
            ast_visit_stmt_exprs(s->u.loop.body, fn, ctx);
            ast_visit_expr(s->u.loop.cond, fn, ctx);
        } else {
            ast_visit_expr(s->u.loop.cond, fn, ctx);
            ast_visit_stmt_exprs(s->u.loop.body, fn, ctx);
            ast_visit_expr(s->u.loop.inc, fn, ctx);
        }
        break;
    case AST_ST_SWITCH:
        ast_visit_expr(s->u.switch_.cond, fn, ctx);
        ast_visit_stmt_exprs(s->u.switch_.body, fn, ctx);
        break;
    case AST_ST_CASE:
    case AST_ST_DEFAULT:
        ast_visit_stmt_exprs(s->u.case_.body, fn, ctx);
        break;
    case AST_ST_LABEL:
        ast_visit_stmt_exprs(s->u.label.body, fn, ctx);
        break;
    case AST_ST_TRY_EXCEPT:
    case AST_ST_TRY_FINALLY:
        ast_visit_stmt_exprs(s->u.try_.body, fn, ctx);
        ast_visit_expr(s->u.try_.filter, fn, ctx);
        ast_visit_stmt_exprs(s->u.try_.handler, fn, ctx);
        break;
    case AST_ST_NULL:
    case AST_ST_BREAK:
    case AST_ST_CONTINUE:
    case AST_ST_GOTO:
    case AST_ST_LEAVE:
    case AST_ST_UNKNOWN:
        break;
    }
}

const char *ast_binop_spelling(ast_binop op)
{
    static const char *const names[] = {
        [AST_BIN_NONE] = "=", [AST_BIN_ADD] = "+", [AST_BIN_SUB] = "-", [AST_BIN_MUL] = "*",
        [AST_BIN_DIV] = "/", [AST_BIN_REM] = "%", [AST_BIN_SHL] = "<<", [AST_BIN_SHR] = ">>",
        [AST_BIN_AND] = "&", [AST_BIN_OR] = "|", [AST_BIN_XOR] = "^", [AST_BIN_LT] = "<",
        [AST_BIN_GT] = ">", [AST_BIN_LE] = "<=", [AST_BIN_GE] = ">=", [AST_BIN_EQ] = "==",
        [AST_BIN_NE] = "!=", [AST_BIN_LAND] = "&&", [AST_BIN_LOR] = "||", [AST_BIN_COMMA] = ",",
        [AST_BIN_OTHER] = "?",
    };
    return (unsigned)op < sizeof names / sizeof names[0] ? names[op] : "?";
}

const char *ast_unop_spelling(ast_unop op)
{
    static const char *const names[] = {
        [AST_UN_DEREF] = "*", [AST_UN_ADDR] = "&", [AST_UN_NEG] = "-", [AST_UN_PLUS] = "+",
        [AST_UN_NOT] = "!", [AST_UN_BITNOT] = "~", [AST_UN_PREINC] = "++", [AST_UN_PREDEC] = "--",
        [AST_UN_POSTINC] = "++", [AST_UN_POSTDEC] = "--", [AST_UN_OTHER] = "?",
    };
    return (unsigned)op < sizeof names / sizeof names[0] ? names[op] : "?";
}
