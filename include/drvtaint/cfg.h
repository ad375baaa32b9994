/* cfg.h - a function's control-flow graph over drvtaint's AST.
 *
 * Blocks hold straight-line statements (assignments split out of expression statements
 * and initialised declarations, expressions evaluated for effect, declarations without
 * initialiser) and end in one terminator. Branch conditions are atomic: &&, ||, !, ?:
 * and the comma operator in a condition become separate blocks, so an analysis refines
 * on each edge with one comparison. Everything lives in the arena given to cfg_build. */
#ifndef DRVTAINT_CFG_H
#define DRVTAINT_CFG_H

#include <stdio.h>

#include "drvtaint/ast.h"

typedef enum cfg_stmt_kind {
    CFG_ASSIGN, /* lhs op= rhs (op AST_BIN_NONE for '='); also `T x = init;` */
    CFG_EVAL,   /* expr evaluated for its effects (calls) */
    CFG_DECL    /* `T x;`: x holds nothing we know of */
} cfg_stmt_kind;

typedef struct cfg_stmt {
    cfg_stmt_kind kind;
    ast_loc loc;
    const char *text;
    const ast_expr *lhs, *rhs; /* CFG_ASSIGN; lhs also for CFG_DECL */
    ast_binop op;
    const ast_expr *expr; /* CFG_EVAL */
} cfg_stmt;

typedef enum cfg_term_kind {
    CFG_TERM_GOTO,   /* succs[0] */
    CFG_TERM_BRANCH, /* cond true -> succs[0], false -> succs[1] */
    CFG_TERM_SWITCH, /* cond == cases[k] -> succs[k]; otherwise succs[ncases] */
    CFG_TERM_RETURN, /* cond is the returned value (or NULL); succs[0] is the exit */
    CFG_TERM_EXIT    /* the exit block */
} cfg_term_kind;

typedef struct cfg_case {
    int64_t lo, hi;
    const ast_expr *label;
} cfg_case;

typedef struct cfg_term {
    cfg_term_kind kind;
    ast_loc loc;
    const ast_expr *cond;
    size_t *succs;
    size_t nsuccs;
    cfg_case *cases;
    size_t ncases;
} cfg_term;

#define CFG_NONE ((size_t)-1)

typedef struct cfg_block {
    size_t id;
    cfg_stmt *stmts;
    size_t nstmts;
    cfg_term term;
    size_t handler; /* __except handler an exception here would reach, or CFG_NONE */
    size_t *preds;
    size_t npreds;
} cfg_block;

typedef struct cfg_function {
    const ast_function *fn;
    cfg_block **blocks;
    size_t nblocks;
    size_t entry, exit;
    size_t *rpo; /* reachable blocks in reverse post-order */
    size_t nrpo;
    size_t *rpo_index; /* position of a block in rpo, CFG_NONE when unreachable */
    unsigned unresolved_gotos; /* gotos to labels that do not exist (lead to exit) */
} cfg_function;

cfg_function *cfg_build(const ast_function *fn, arena *a);
/* Deterministic dump: one "bbN:" per block, its statements and terminator. */
void cfg_print(FILE *out, const cfg_function *g);

#endif
