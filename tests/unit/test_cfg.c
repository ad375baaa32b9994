/* test_cfg.c - one test per control construct: the CFG built from a hand-made AST has the
 * shape the construct means. Calls A(), B(), ... mark where statements landed. */
#include "test_support.h"

#include "drvtaint/cfg.h"
#include "ast_builder.h"

static arena *A;

static int setup(void **state)
{
    (void)state;
    B_TU = ast_tu_new("t.c");
    A = arena_new();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ast_tu_free(B_TU);
    arena_free(A);
    return 0;
}

static ast_stmt *mark(const char *name) { return b_expr(b_call(name, NULL)); }
static ast_expr *var(const char *name) { return b_ref(name, b_u32()); }

/* The block holding call NAME; fails when there is none. */
static const cfg_block *block_of(const cfg_function *g, const char *name)
{
    for (size_t i = 0; i < g->nblocks; i++)
        for (size_t k = 0; k < g->blocks[i]->nstmts; k++) {
            const cfg_stmt *st = &g->blocks[i]->stmts[k];
            if (st->kind == CFG_EVAL && st->expr->kind == AST_EX_CALL && strcmp(st->expr->u.call.name, name) == 0)
                return g->blocks[i];
        }
    fail_msg("no block calls %s", name);
    return NULL;
}

/* Follows empty goto-only blocks from b. */
static const cfg_block *follow(const cfg_function *g, size_t b)
{
    const cfg_block *bb = g->blocks[b];
    while (bb->nstmts == 0 && bb->term.kind == CFG_TERM_GOTO && bb->term.nsuccs == 1)
        bb = g->blocks[bb->term.succs[0]];
    return bb;
}

static const cfg_block *succ(const cfg_function *g, const cfg_block *b, size_t k)
{
    assert_true(k < b->term.nsuccs);
    return follow(g, b->term.succs[k]);
}

static bool reaches(const cfg_function *g, const cfg_block *from, const cfg_block *to)
{
    bool *seen = xcalloc(g->nblocks, sizeof(bool));
    size_t *stack = xcalloc(g->nblocks + 1, sizeof(size_t));
    size_t sp = 0;
    stack[sp++] = from->id;
    seen[from->id] = true;
    bool found = false;
    while (sp && !found) {
        const cfg_block *b = g->blocks[stack[--sp]];
        for (size_t k = 0; k < b->term.nsuccs; k++) {
            size_t s = b->term.succs[k];
            if (s == to->id)
                found = true;
            if (!seen[s]) {
                seen[s] = true;
                stack[sp++] = s;
            }
        }
    }
    free(seen);
    free(stack);
    return found;
}

static cfg_function *build(ast_stmt *body)
{
    return cfg_build(b_function(body), A);
}

static void if_else_joins(void **state)
{
    (void)state;
    ast_expr *c = var("c");
    cfg_function *g = build(B_BLOCK(b_if(c, mark("A"), mark("B")), mark("C")));
    const cfg_block *entry = follow(g, g->entry);
    assert_int_equal(entry->term.kind, CFG_TERM_BRANCH);
    assert_ptr_equal(entry->term.cond, c);
    const cfg_block *a = block_of(g, "A"), *b = block_of(g, "B"), *cc = block_of(g, "C");
    assert_ptr_equal(succ(g, entry, 0), a);
    assert_ptr_equal(succ(g, entry, 1), b);
    assert_ptr_equal(succ(g, a, 0), cc);
    assert_ptr_equal(succ(g, b, 0), cc);
}

static void if_without_else_falls_to_join(void **state)
{
    (void)state;
    cfg_function *g = build(B_BLOCK(b_if(var("c"), mark("A"), NULL), mark("C")));
    const cfg_block *entry = follow(g, g->entry);
    assert_ptr_equal(succ(g, entry, 0), block_of(g, "A"));
    assert_ptr_equal(succ(g, entry, 1), block_of(g, "C"));
}

static void while_loops_back(void **state)
{
    (void)state;
    ast_expr *c = var("c");
    cfg_function *g = build(B_BLOCK(b_loop(AST_ST_WHILE, c, mark("A")), mark("B")));
    const cfg_block *head = follow(g, g->entry);
    assert_int_equal(head->term.kind, CFG_TERM_BRANCH);
    const cfg_block *body = block_of(g, "A");
    assert_ptr_equal(succ(g, head, 0), body);
    assert_ptr_equal(succ(g, head, 1), block_of(g, "B"));
    assert_ptr_equal(succ(g, body, 0), head);
    /* the head comes before the body in reverse post-order: a back edge */
    assert_true(g->rpo_index[head->id] < g->rpo_index[body->id]);
}

static void do_runs_body_first(void **state)
{
    (void)state;
    cfg_function *g = build(B_BLOCK(b_loop(AST_ST_DO, var("c"), mark("A")), mark("B")));
    const cfg_block *body = follow(g, g->entry);
    assert_ptr_equal(body, block_of(g, "A"));
    const cfg_block *cond = succ(g, body, 0);
    assert_int_equal(cond->term.kind, CFG_TERM_BRANCH);
    assert_ptr_equal(succ(g, cond, 0), body);
    assert_ptr_equal(succ(g, cond, 1), block_of(g, "B"));
}

static void for_with_and_without_condition(void **state)
{
    (void)state;
    ast_stmt *loop = b_loop(AST_ST_FOR, var("c"), mark("A"));
    loop->u.loop.init = mark("I");
    loop->u.loop.inc = b_call("N", NULL);
    cfg_function *g = build(B_BLOCK(loop, mark("B")));
    const cfg_block *init = block_of(g, "I");
    const cfg_block *head = succ(g, init, 0);
    assert_int_equal(head->term.kind, CFG_TERM_BRANCH);
    const cfg_block *inc = block_of(g, "N");
    assert_ptr_equal(succ(g, block_of(g, "A"), 0), inc);
    assert_ptr_equal(succ(g, inc, 0), head);
    assert_ptr_equal(succ(g, head, 1), block_of(g, "B"));

    ast_stmt *forever = b_loop(AST_ST_FOR, NULL, B_BLOCK(mark("X"), b_simple(AST_ST_BREAK)));
    g = build(B_BLOCK(forever, mark("Y")));
    const cfg_block *x = block_of(g, "X");
    assert_ptr_equal(succ(g, x, 0), block_of(g, "Y"));
    assert_ptr_equal(follow(g, g->entry), x); /* no condition: straight into the body */
}

static void break_and_continue_target_the_innermost_loop(void **state)
{
    (void)state;
    ast_stmt *body = B_BLOCK(b_if(var("p"), b_simple(AST_ST_CONTINUE), NULL), b_if(var("q"), b_simple(AST_ST_BREAK), NULL),
                             mark("A"));
    cfg_function *g = build(B_BLOCK(b_loop(AST_ST_WHILE, var("c"), body), mark("B")));
    const cfg_block *head = follow(g, g->entry);
    const cfg_block *p = succ(g, head, 0);
    assert_int_equal(p->term.kind, CFG_TERM_BRANCH);
    assert_ptr_equal(succ(g, p, 0), head); /* continue */
    const cfg_block *q = succ(g, p, 1);
    assert_ptr_equal(succ(g, q, 0), block_of(g, "B")); /* break */
    assert_ptr_equal(succ(g, q, 1), block_of(g, "A"));
}

static void switch_with_fall_through_and_default(void **state)
{
    (void)state;
    ast_expr *v = var("v");
    ast_stmt *body = B_BLOCK(b_case(1, mark("A")), b_case(2, B_BLOCK(mark("B"), b_simple(AST_ST_BREAK))),
                             b_case(-1, mark("D")));
    cfg_function *g = build(B_BLOCK(b_switch(v, body), mark("E")));
    const cfg_block *sw = follow(g, g->entry);
    assert_int_equal(sw->term.kind, CFG_TERM_SWITCH);
    assert_ptr_equal(sw->term.cond, v);
    assert_int_equal(sw->term.ncases, 2);
    assert_int_equal(sw->term.cases[0].lo, 1);
    assert_int_equal(sw->term.cases[1].lo, 2);
    assert_ptr_equal(succ(g, sw, 0), block_of(g, "A"));
    assert_ptr_equal(succ(g, sw, 1), block_of(g, "B"));
    assert_ptr_equal(succ(g, sw, 2), block_of(g, "D")); /* default */
    assert_ptr_equal(succ(g, block_of(g, "A"), 0), block_of(g, "B")); /* fall-through */
    assert_ptr_equal(succ(g, block_of(g, "B"), 0), block_of(g, "E"));
    assert_ptr_equal(succ(g, block_of(g, "D"), 0), block_of(g, "E"));
}

static void switch_without_default_goes_past(void **state)
{
    (void)state;
    cfg_function *g = build(B_BLOCK(b_switch(var("v"), B_BLOCK(b_case(7, mark("A")))), mark("E")));
    const cfg_block *sw = follow(g, g->entry);
    assert_int_equal(sw->term.ncases, 1);
    assert_ptr_equal(succ(g, sw, 1), block_of(g, "E"));
}

static void goto_forward_and_backward(void **state)
{
    (void)state;
    ast_stmt *body = B_BLOCK(b_label(AST_ST_LABEL, "again", mark("A")),
                             b_if(var("c"), b_label(AST_ST_GOTO, "out", NULL), NULL),
                             b_if(var("d"), b_label(AST_ST_GOTO, "again", NULL), NULL), mark("B"),
                             b_label(AST_ST_LABEL, "out", mark("C")));
    cfg_function *g = build(body);
    const cfg_block *a = block_of(g, "A"), *c = block_of(g, "C");
    assert_int_equal(a->term.kind, CFG_TERM_BRANCH); /* A's block ends in the test of c */
    assert_ptr_equal(succ(g, a, 0), c);              /* goto out */
    const cfg_block *bd = succ(g, a, 1);
    assert_ptr_equal(succ(g, bd, 0), a); /* goto again */
    assert_int_equal(g->unresolved_gotos, 0);
    g = build(B_BLOCK(b_label(AST_ST_GOTO, "nowhere", NULL)));
    assert_int_equal(g->unresolved_gotos, 1);
}

static void return_ends_the_path_and_code_after_it_is_unreachable(void **state)
{
    (void)state;
    ast_expr *rv = var("r");
    cfg_function *g = build(B_BLOCK(mark("A"), b_return(rv), mark("DEAD")));
    const cfg_block *a = block_of(g, "A");
    assert_int_equal(a->term.kind, CFG_TERM_RETURN);
    assert_ptr_equal(a->term.cond, rv);
    assert_int_equal(a->term.succs[0], g->exit);
    const cfg_block *dead = block_of(g, "DEAD");
    assert_int_equal(dead->npreds, 0);
    assert_int_equal(g->rpo_index[dead->id], CFG_NONE);
}

static void try_except_handler_is_reachable_from_the_body(void **state)
{
    (void)state;
    ast_stmt *t = b_try(AST_ST_TRY_EXCEPT, B_BLOCK(mark("A"), b_if(var("c"), mark("B"), NULL)), b_call("F", NULL),
                        mark("H"));
    cfg_function *g = build(B_BLOCK(t, mark("E")));
    const cfg_block *a = block_of(g, "A"), *b = block_of(g, "B"), *h = block_of(g, "H");
    assert_int_equal(a->handler, h->id);
    assert_int_equal(b->handler, h->id);
    assert_ptr_equal(succ(g, h, 0), block_of(g, "E"));
    assert_int_equal(h->stmts[0].kind, CFG_EVAL); /* the filter runs first */
    assert_string_equal(h->stmts[0].expr->u.call.name, "F");
    assert_int_equal(block_of(g, "E")->handler, CFG_NONE);
}

static void try_finally_and_leave(void **state)
{
    (void)state;
    ast_stmt *t = b_try(AST_ST_TRY_FINALLY, B_BLOCK(b_if(var("c"), b_simple(AST_ST_LEAVE), NULL), mark("A")), NULL,
                        mark("FIN"));
    cfg_function *g = build(B_BLOCK(t, mark("E")));
    const cfg_block *fin = block_of(g, "FIN");
    const cfg_block *entry = follow(g, g->entry);
    assert_ptr_equal(succ(g, entry, 0), fin); /* __leave goes to the __finally */
    assert_ptr_equal(succ(g, block_of(g, "A"), 0), fin);
    assert_ptr_equal(succ(g, fin, 0), block_of(g, "E"));
}

static void and_or_not_become_separate_branches(void **state)
{
    (void)state;
    ast_expr *p = var("p"), *q = var("q"), *r = var("r");
    /* if (p && !(q || r)) A else B */
    ast_expr *notq = ast_expr_new(B_TU, AST_EX_UNARY, b_loc(), "!");
    notq->u.unary.op = AST_UN_NOT;
    notq->u.unary.operand = b_bin(AST_BIN_LOR, q, r, "q || r");
    cfg_function *g = build(b_if(b_bin(AST_BIN_LAND, p, notq, "p && !(q || r)"), mark("A"), mark("B")));
    const cfg_block *bp = follow(g, g->entry);
    assert_ptr_equal(bp->term.cond, p);
    assert_ptr_equal(succ(g, bp, 1), block_of(g, "B"));
    const cfg_block *bq = succ(g, bp, 0);
    assert_ptr_equal(bq->term.cond, q);
    assert_ptr_equal(succ(g, bq, 0), block_of(g, "B")); /* q true: !(q||r) false */
    const cfg_block *br = succ(g, bq, 1);
    assert_ptr_equal(br->term.cond, r);
    assert_ptr_equal(succ(g, br, 0), block_of(g, "B"));
    assert_ptr_equal(succ(g, br, 1), block_of(g, "A"));
}

static void conditional_in_a_condition(void **state)
{
    (void)state;
    ast_expr *c = var("c"), *x = var("x"), *y = var("y");
    ast_expr *sel = ast_expr_new(B_TU, AST_EX_COND, b_loc(), "c ? x : y");
    sel->u.cond.cond = c;
    sel->u.cond.then = x;
    sel->u.cond.els = y;
    cfg_function *g = build(b_if(sel, mark("A"), mark("B")));
    const cfg_block *bc = follow(g, g->entry);
    assert_ptr_equal(bc->term.cond, c);
    assert_ptr_equal(succ(g, bc, 0)->term.cond, x);
    assert_ptr_equal(succ(g, bc, 1)->term.cond, y);
    assert_true(reaches(g, succ(g, bc, 0), block_of(g, "A")));
    assert_true(reaches(g, succ(g, bc, 1), block_of(g, "B")));
}

static void assignment_in_a_condition_is_split_out(void **state)
{
    (void)state;
    ast_expr *x = var("x");
    ast_expr *as = ast_expr_new(B_TU, AST_EX_ASSIGN, b_loc(), "x = g()");
    as->u.binary.op = AST_BIN_NONE;
    as->u.binary.lhs = x;
    as->u.binary.rhs = b_call("G", NULL);
    cfg_function *g = build(b_if(b_bin(AST_BIN_NE, as, b_int(0), "(x = g()) != 0"), mark("A"), NULL));
    const cfg_block *entry = follow(g, g->entry);
    assert_int_equal(entry->nstmts, 1);
    assert_int_equal(entry->stmts[0].kind, CFG_ASSIGN);
    assert_ptr_equal(entry->stmts[0].lhs, x);
    assert_int_equal(entry->term.kind, CFG_TERM_BRANCH);
    assert_ptr_equal(entry->term.cond->u.binary.lhs, x); /* the branch tests x */
}

static void dump_is_deterministic_text(void **state)
{
    (void)state;
    cfg_function *g = build(B_BLOCK(b_if(b_bin(AST_BIN_LT, var("i"), b_int(4), "i < 4"), mark("A"), NULL), b_return(NULL)));
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cfg_print(f, g);
    fclose(f);
    assert_string_equal(buf, "bb0: (entry)\n  branch (i < 4) -> bb2, bb3\n"
                             "bb1:\n  exit\n"
                             "bb2:\n  eval A\n  goto bb3\n"
                             "bb3:\n  return -> bb1\n");
    free(buf);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(if_else_joins),
        T(if_without_else_falls_to_join),
        T(while_loops_back),
        T(do_runs_body_first),
        T(for_with_and_without_condition),
        T(break_and_continue_target_the_innermost_loop),
        T(switch_with_fall_through_and_default),
        T(switch_without_default_goes_past),
        T(goto_forward_and_backward),
        T(return_ends_the_path_and_code_after_it_is_unreachable),
        T(try_except_handler_is_reachable_from_the_body),
        T(try_finally_and_leave),
        T(and_or_not_become_separate_branches),
        T(conditional_in_a_condition),
        T(assignment_in_a_condition_is_split_out),
        T(dump_is_deterministic_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
