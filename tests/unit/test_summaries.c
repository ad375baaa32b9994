/* test_summaries.c - function summaries and the whole-driver rounds on hand-built ASTs:
 * what a function's successful return implies (inferred sanitizers), which parameters reach
 * its return value, the fixed point over recursion, and units that tell each other about
 * helpers, stored values and summaries through the program. */
#include <string.h>

#include "test_support.h"

#include "drvtaint/program.h"
#include "drvtaint/taint.h"
#include "ast_builder.h"

static rules_set *R;

static const char *const RULES =
    "{\"version\": 1, \"rules\": [{\"id\": \"r\", \"name\": \"R\", \"severity\": \"error\", \"short\": \"s\", "
    "\"description\": \"d\", \"help\": \"h\"}],"
    " \"sinks\": [{\"function\": \"SINK\", \"rule\": \"r\", \"args\": [{\"index\": 0, \"role\": \"msr-index\"}]}],"
    " \"sources\": [{\"member\": \"REQ.Msr\", \"taint\": \"value\"}]}";

static int setup(void **state)
{
    (void)state;
    B_TU = ast_tu_new("t.c");
    R = rules_set_new();
    char *path = ts_write_temp("r.json", RULES);
    char *err = NULL;
    assert_int_equal(rules_load_path(R, path, &err), 0);
    free(path);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ast_tu_free(B_TU);
    rules_set_free(R);
    return 0;
}

static ast_expr *msr(void)
{
    return b_member(b_ref("req", b_ptr("REQ")), "Msr", "REQ", true, b_u32());
}

static ast_expr *param(const char *name)
{
    ast_expr *e = b_ref(name, b_u32());
    e->u.ref.ref = AST_REF_PARAM;
    return e;
}

static ast_expr *global(const char *name)
{
    ast_expr *e = b_ref(name, b_u32());
    e->u.ref.ref = AST_REF_GLOBAL;
    return e;
}

static char *usr_of(const char *name)
{
    char *u = arena_alloc(B_TU->arena, strlen(name) + 8);
    strcpy(u, "c:@F@");
    strcat(u, name);
    return u;
}

/* name(args...) with the callee's USR, as the front end lowers a direct call */
static ast_expr *call(const char *name, size_t n, ast_expr **args)
{
    ast_expr *e = ast_expr_new(B_TU, AST_EX_CALL, b_loc(), name);
    e->type = b_u32();
    e->u.call.name = name;
    e->u.call.usr = strcmp(name, "SINK") ? usr_of(name) : NULL;
    e->u.call.nargs = n;
    e->u.call.args = (ast_expr **)arena_dup_ptrs(B_TU->arena, (void *const *)args, n ? n : 1);
    return e;
}
#define CALL(name, ...) call(name, sizeof((ast_expr *[]){__VA_ARGS__}) / sizeof(ast_expr *), (ast_expr *[]){__VA_ARGS__})

/* ULONG name(ULONG p0 [, ULONG p1]) { body }, appended to the unit */
static ast_function *define(ast_tu *tu, const char *name, const char *p0, const char *p1, ast_stmt *body)
{
    ast_function *fn = arena_alloc(B_TU->arena, sizeof *fn);
    fn->name = name;
    fn->usr = usr_of(name);
    fn->ret = b_u32();
    fn->nparams = p1 ? 2 : p0 ? 1 : 0;
    fn->params = arena_alloc(B_TU->arena, 2 * sizeof *fn->params);
    if (p0)
        fn->params[0] = (ast_param){p0, NULL, b_u32()};
    if (p1)
        fn->params[1] = (ast_param){p1, NULL, b_u32()};
    fn->body = body;
    ast_function **grown = arena_alloc(B_TU->arena, (tu->nfuncs + 1) * sizeof *grown);
    for (size_t i = 0; i < tu->nfuncs; i++)
        grown[i] = tu->funcs[i];
    grown[tu->nfuncs++] = fn;
    tu->funcs = grown;
    return fn;
}

static char *describe(ast_tu *tu)
{
    strbuf sb = {0};
    taint_describe_summaries(tu, R, &sb);
    return sb_take(&sb);
}

static size_t findings_in(ast_tu *tu)
{
    finding_list out = {0};
    taint_analyse_unit(tu, R, &out);
    size_t n = out.len;
    findings_free(&out);
    return n;
}

/* ---- summaries ---- */

static void comparison_chain_is_an_inferred_sanitizer(void **state)
{
    (void)state;
    ast_tu *tu = ast_tu_new("s.c");
    ast_expr *v1 = b_bin(AST_BIN_EQ, param("v"), b_int(0x198), "v == 0x198");
    ast_expr *v2 = b_bin(AST_BIN_EQ, param("v"), b_int(0x19C), "v == 0x19C");
    define(tu, "IsAllowed", "v", NULL, B_BLOCK(b_return(b_bin(AST_BIN_LOR, v1, v2, "||"))));
    char *text = describe(tu);
    assert_string_equal(text, "IsAllowed: nonzero: $0 [0x198, 0x19c]\n");
    free(text);
    ast_tu_free(tu);
}

static void status_validator_bounds_on_success_only(void **state)
{
    (void)state;
    ast_tu *tu = ast_tu_new("s.c");
    /* if (v > 0x1F) return STATUS_INVALID_PARAMETER; return STATUS_SUCCESS; */
    define(tu, "Validate", "v", NULL,
           B_BLOCK(b_if(b_bin(AST_BIN_GT, param("v"), b_int(0x1F), "v > 0x1F"), b_return(b_int(0xC000000D)), NULL),
                   b_return(b_int(0))));
    char *text = describe(tu);
    assert_string_equal(text, "Validate: success: $0 [0, 31]\n");
    free(text);
    ast_tu_free(tu);
}

static void a_check_that_lets_everything_through_is_no_sanitizer(void **state)
{
    (void)state;
    ast_tu *tu = ast_tu_new("s.c");
    /* return v != 0 || v == 0; and one that returns TRUE unconditionally */
    ast_expr *any = b_bin(AST_BIN_LOR, b_bin(AST_BIN_NE, param("v"), b_int(0), "v != 0"),
                          b_bin(AST_BIN_EQ, param("v"), b_int(0), "v == 0"), "||");
    define(tu, "LooksValid", "v", NULL, B_BLOCK(b_return(any)));
    define(tu, "AlwaysTrue", "v", NULL, B_BLOCK(b_return(b_int(1))));
    char *text = describe(tu);
    assert_string_equal(text, "");
    free(text);
    ast_tu_free(tu);
}

static void return_flow_keeps_the_callee_range(void **state)
{
    (void)state;
    ast_tu *tu = ast_tu_new("s.c");
    define(tu, "Low", "v", NULL, B_BLOCK(b_return(b_bin(AST_BIN_AND, param("v"), b_int(7), "v & 7"))));
    define(tu, "Same", "v", "unused", B_BLOCK(b_return(param("v"))));
    define(tu, "Other", "unused", "v", B_BLOCK(b_return(param("v"))));
    char *text = describe(tu);
    assert_string_equal(text, "Low: returns $0 [0, 7]\n"
                              "Same: returns $0 any 32-bit unsigned value\n"
                              "Other: returns $1 any 32-bit unsigned value\n");
    free(text);
    ast_tu_free(tu);
}

static void mutual_recursion_reaches_a_fixed_point(void **state)
{
    (void)state;
    ast_tu *tu = ast_tu_new("s.c");
    /* A is summarised before B: only a second round sees that B hands v back */
    define(tu, "A", "v", NULL, B_BLOCK(b_return(CALL("B", param("v")))));
    define(tu, "B", "v", NULL, B_BLOCK(b_if(param("v"), b_return(param("v")), NULL), b_return(CALL("A", param("v")))));
    /* recursion that never returns the parameter */
    define(tu, "C", "v", "d", B_BLOCK(b_if(param("d"), b_return(CALL("C", param("v"), param("d"))), NULL),
                                      b_return(b_int(0x1B))));
    char *text = describe(tu);
    /* B hands v back only when it is nonzero, and A whatever B does */
    assert_string_equal(text, "B: returns $0 [1, 0xffffffff]\n"
                              "A: returns $0 [1, 0xffffffff]\n");
    free(text);
    ast_tu_free(tu);
}

static void writes_through_pointer_parameters(void **state)
{
    (void)state;
    ast_tu *tu = ast_tu_new("s.c");
    /* VOID Into(ULONG v, PULONG out) { *out = v; }  VOID Const(ULONG v, PULONG out) { *out = 7; } */
    ast_function *into = define(tu, "Into", "v", "out", NULL);
    into->params[1].type = b_ptr(NULL);
    ast_expr *deref = ast_expr_new(B_TU, AST_EX_UNARY, b_loc(), "*out");
    deref->type = b_u32();
    deref->u.unary.op = AST_UN_DEREF;
    ast_expr *outp = b_ref("out", b_ptr(NULL));
    outp->u.ref.ref = AST_REF_PARAM;
    deref->u.unary.operand = outp;
    into->body = B_BLOCK(b_assign(deref, param("v")));
    char *text = describe(tu);
    assert_string_equal(text, "Into: writes *$1 from $0\n");
    free(text);
    /* applied: Use() { ULONG x; Into(req->Msr, &x); SINK(x); } */
    ast_expr *addr = ast_expr_new(B_TU, AST_EX_UNARY, b_loc(), "&x");
    addr->type = b_ptr(NULL);
    addr->u.unary.op = AST_UN_ADDR;
    addr->u.unary.operand = b_ref("x", b_u32());
    define(tu, "Use", NULL, NULL, B_BLOCK(b_expr(CALL("Into", msr(), addr)), b_expr(CALL("SINK", b_ref("x", b_u32())))));
    assert_int_equal(findings_in(tu), 1);
    ast_tu_free(tu);
}

/* ---- summaries at call sites ---- */

static void inferred_sanitizer_bounds_the_true_edge(void **state)
{
    (void)state;
    ast_tu *tu = ast_tu_new("s.c");
    ast_expr *v1 = b_bin(AST_BIN_EQ, param("v"), b_int(0x198), "v == 0x198");
    ast_expr *v2 = b_bin(AST_BIN_EQ, param("v"), b_int(0x19C), "v == 0x19C");
    define(tu, "IsAllowed", "v", NULL, B_BLOCK(b_return(b_bin(AST_BIN_LOR, v1, v2, "||"))));
    define(tu, "Safe", NULL, NULL, B_BLOCK(b_if(CALL("IsAllowed", msr()), b_expr(CALL("SINK", msr())), NULL)));
    assert_int_equal(findings_in(tu), 0);
    ast_expr *not = ast_expr_new(B_TU, AST_EX_UNARY, b_loc(), "!");
    not->type = b_i32();
    not->u.unary.op = AST_UN_NOT;
    not->u.unary.operand = CALL("IsAllowed", msr());
    define(tu, "Unsafe", NULL, NULL, B_BLOCK(b_if(not, b_expr(CALL("SINK", msr())), NULL)));
    assert_int_equal(findings_in(tu), 1);
    ast_tu_free(tu);
}

static void a_kept_status_tests_its_call(void **state)
{
    (void)state;
    ast_tu *tu = ast_tu_new("s.c");
    define(tu, "Validate", "v", NULL,
           B_BLOCK(b_if(b_bin(AST_BIN_GT, param("v"), b_int(0x1F), "v > 0x1F"), b_return(b_int(0xC000000D)), NULL),
                   b_return(b_int(0))));
    /* st = Validate(req->Msr); if (st >= 0) SINK(req->Msr); */
    define(tu, "Safe", NULL, NULL,
           B_BLOCK(b_assign(b_ref("st", b_i32()), CALL("Validate", msr())),
                   b_if(b_bin(AST_BIN_GE, b_ref("st", b_i32()), b_int(0), "st >= 0"), b_expr(CALL("SINK", msr())), NULL)));
    assert_int_equal(findings_in(tu), 0);
    /* ... and on the failure edge, or once st holds something else, nothing is known */
    define(tu, "Failed", NULL, NULL,
           B_BLOCK(b_assign(b_ref("st", b_i32()), CALL("Validate", msr())),
                   b_if(b_bin(AST_BIN_LT, b_ref("st", b_i32()), b_int(0), "st < 0"), b_expr(CALL("SINK", msr())), NULL)));
    define(tu, "Overwritten", NULL, NULL,
           B_BLOCK(b_assign(b_ref("st", b_i32()), CALL("Validate", msr())), b_assign(b_ref("st", b_i32()), b_int(0)),
                   b_if(b_bin(AST_BIN_GE, b_ref("st", b_i32()), b_int(0), "st >= 0"), b_expr(CALL("SINK", msr())), NULL)));
    assert_int_equal(findings_in(tu), 2);
    ast_tu_free(tu);
}

static void returned_parameter_carries_the_taint(void **state)
{
    (void)state;
    ast_tu *tu = ast_tu_new("s.c");
    define(tu, "Same", "v", NULL, B_BLOCK(b_return(param("v"))));
    define(tu, "Low", "v", NULL, B_BLOCK(b_return(b_bin(AST_BIN_AND, param("v"), b_int(7), "v & 7"))));
    define(tu, "UsesLow", NULL, NULL, B_BLOCK(b_expr(CALL("SINK", CALL("Low", msr())))));
    assert_int_equal(findings_in(tu), 0);
    define(tu, "UsesSame", NULL, NULL, B_BLOCK(b_expr(CALL("SINK", CALL("Same", msr())))));
    assert_int_equal(findings_in(tu), 1);
    ast_tu_free(tu);
}

/* ---- the program: units that tell each other ---- */

/* Runs the rounds over units as drvtaint scan does; returns the findings of the last round. */
static size_t run_program(ast_tu **units, size_t n, unsigned *rounds)
{
    program *p = program_new();
    finding_list *found = calloc(n, sizeof *found);
    bool dirty[8];
    for (size_t i = 0; i < n; i++)
        dirty[i] = true;
    *rounds = 0;
    for (unsigned round = 0; round < PROGRAM_MAX_ROUNDS; round++) {
        unit_facts *facts[8] = {0};
        for (size_t i = 0; i < n; i++) {
            if (!dirty[i])
                continue;
            findings_free(&found[i]);
            facts[i] = unit_facts_new();
            taint_analyse_in_program(units[i], R, p, facts[i], &found[i]);
        }
        for (size_t i = 0; i < n; i++)
            if (facts[i])
                program_merge(p, i, facts[i]);
        (*rounds)++;
        if (program_end_round(p, n, dirty) == 0)
            break;
    }
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += found[i].len;
        findings_free(&found[i]);
    }
    free(found);
    program_free(p);
    return total;
}

static void helper_in_another_unit_is_analysed_with_the_callers_taint(void **state)
{
    (void)state;
    ast_tu *caller = ast_tu_new("dispatch.c"), *callee = ast_tu_new("hw.c");
    define(caller, "Dispatch", NULL, NULL, B_BLOCK(b_expr(CALL("Helper", msr())), b_expr(CALL("Checked", msr()))));
    define(callee, "Helper", "v", NULL, B_BLOCK(b_expr(CALL("SINK", param("v")))));
    define(callee, "Checked", "v", NULL,
           B_BLOCK(b_if(b_bin(AST_BIN_GT, param("v"), b_int(0x1F), "v > 0x1F"), b_return(b_int(0)), NULL),
                   b_expr(CALL("SINK", param("v")))));
    ast_tu *units[] = {caller, callee};
    assert_int_equal(findings_in(callee), 0); /* alone, hw.c has no user data */
    unsigned rounds;
    assert_int_equal(run_program(units, 2, &rounds), 1);
    assert_int_equal(rounds, 2);
    ast_tu_free(caller);
    ast_tu_free(callee);
}

static void value_kept_in_a_global_reaches_another_unit(void **state)
{
    (void)state;
    ast_tu *store = ast_tu_new("set.c"), *use = ast_tu_new("use.c");
    define(store, "Set", NULL, NULL, B_BLOCK(b_assign(global("g_Msr"), msr())));
    define(store, "SetChecked", NULL, NULL,
           B_BLOCK(b_if(b_bin(AST_BIN_GT, msr(), b_int(0x1F), ">"), b_return(b_int(0)), NULL),
                   b_assign(global("g_Safe"), msr())));
    define(use, "Use", NULL, NULL, B_BLOCK(b_expr(CALL("SINK", global("g_Msr"))), b_expr(CALL("SINK", global("g_Safe")))));
    ast_tu *units[] = {store, use};
    unsigned rounds;
    assert_int_equal(run_program(units, 2, &rounds), 1);
    assert_int_equal(rounds, 2);
    ast_tu_free(store);
    ast_tu_free(use);
}

static void validator_in_another_unit_bounds_its_callers(void **state)
{
    (void)state;
    ast_tu *caller = ast_tu_new("dispatch.c"), *callee = ast_tu_new("check.c");
    define(caller, "Dispatch", NULL, NULL,
           B_BLOCK(b_if(CALL("InRange", msr()), b_expr(CALL("SINK", msr())), NULL)));
    define(callee, "InRange", "v", NULL, B_BLOCK(b_return(b_bin(AST_BIN_LT, param("v"), b_int(0x20), "v < 0x20"))));
    ast_tu *units[] = {caller, callee};
    assert_int_equal(findings_in(caller), 1); /* alone, the validator is unknown */
    unsigned rounds;
    assert_int_equal(run_program(units, 2, &rounds), 0);
    assert_int_equal(rounds, 2);
    ast_tu_free(caller);
    ast_tu_free(callee);
}

static void units_that_tell_nothing_take_one_round(void **state)
{
    (void)state;
    ast_tu *a = ast_tu_new("a.c"), *b = ast_tu_new("b.c");
    define(a, "A", NULL, NULL, B_BLOCK(b_expr(CALL("SINK", msr()))));
    define(b, "B", NULL, NULL, B_BLOCK(b_expr(CALL("SINK", b_int(0x1B)))));
    ast_tu *units[] = {a, b};
    unsigned rounds;
    assert_int_equal(run_program(units, 2, &rounds), 1);
    assert_int_equal(rounds, 1);
    ast_tu_free(a);
    ast_tu_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(comparison_chain_is_an_inferred_sanitizer),
        cmocka_unit_test(status_validator_bounds_on_success_only),
        cmocka_unit_test(a_check_that_lets_everything_through_is_no_sanitizer),
        cmocka_unit_test(return_flow_keeps_the_callee_range),
        cmocka_unit_test(mutual_recursion_reaches_a_fixed_point),
        cmocka_unit_test(writes_through_pointer_parameters),
        cmocka_unit_test(inferred_sanitizer_bounds_the_true_edge),
        cmocka_unit_test(a_kept_status_tests_its_call),
        cmocka_unit_test(returned_parameter_carries_the_taint),
        cmocka_unit_test(helper_in_another_unit_is_analysed_with_the_callers_taint),
        cmocka_unit_test(value_kept_in_a_global_reaches_another_unit),
        cmocka_unit_test(validator_in_another_unit_bounds_its_callers),
        cmocka_unit_test(units_that_tell_nothing_take_one_round),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
