/* test_copy_sides.c - issue 12, item 6: a copy's length must fit both its source and its
 * destination. Hand-built ASTs: IRP.Sys is the caller's buffer (user bytes in a kernel buffer
 * the caller sized), IRP.Len its length, REQ.Len a length the caller wrote into its data;
 * memcpy(dst, src, n) is the copy sink. */
#include "test_support.h"

#include "drvtaint/taint.h"
#include "ast_builder.h"

static rules_set *R;

static const char *const RULES =
    "{\"version\": 1, \"rules\": [{\"id\": \"copy-size\", \"name\": \"C\", \"severity\": \"error\", \"short\": \"s\", "
    "\"description\": \"d\", \"help\": \"h\"}],"
    " \"sinks\": [{\"function\": \"memcpy\", \"rule\": \"copy-size\", \"args\": [{\"index\": 0, \"role\": "
    "\"destination\", \"check\": false}, {\"index\": 1, \"role\": \"source\", \"check\": false}, {\"index\": 2, "
    "\"role\": \"size\"}]}],"
    " \"sources\": [{\"member\": \"IRP.Sys\", \"taint\": \"contents\"}, {\"member\": \"IRP.Len\", \"taint\": "
    "\"value\"}]}";

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

static ast_expr *call3(const char *name, ast_expr *a, ast_expr *b, ast_expr *c)
{
    ast_expr *e = b_call(name, a);
    e->u.call.nargs = 3;
    e->u.call.args = arena_alloc(B_TU->arena, 3 * sizeof(ast_expr *));
    e->u.call.args[0] = a;
    e->u.call.args[1] = b;
    e->u.call.args[2] = c;
    return e;
}

static ast_expr *irp_member(const char *field, ast_type t)
{
    return b_member(b_ref("irp", b_ptr("IRP")), field, "IRP", true, t);
}

static ast_expr *sys(void) { return irp_member("Sys", b_ptr("REQ")); }
static ast_expr *buffer_length(void) { return irp_member("Len", b_u32()); }
static ast_expr *written_length(void) { return b_member(b_ref("in", b_ptr("REQ")), "Len", "REQ", true, b_u32()); }
static ast_expr *n(void) { return b_ref("n", b_u32()); }
static ast_expr *p(void) { return b_ref("p", b_ptr(NULL)); }
static ast_expr *kernel(void) { return b_ref("kernel", b_ptr(NULL)); }

/* in = irp->Sys; n = LEN; p = ExAllocatePool2(0, n, 0); memcpy(dst, src, n) */
static size_t findings_of(ast_expr *len, ast_expr *dst, ast_expr *src)
{
    ast_stmt *body = B_BLOCK(b_assign(b_ref("in", b_ptr("REQ")), sys()), b_assign(n(), len),
                             b_assign(p(), call3("ExAllocatePool2", b_int(0), n(), b_int(0))),
                             b_expr(call3("memcpy", dst, src, n())));
    finding_list out = {0};
    taint_analyse_function(B_TU, b_function(body), R, &out);
    size_t count = out.len;
    findings_free(&out);
    return count;
}

static void allocation_size_written_by_the_caller_overreads_its_buffer(void **state)
{
    (void)state;
    assert_int_equal(findings_of(written_length(), p(), sys()), 1);
    assert_int_equal(findings_of(written_length(), sys(), p()), 1); /* and overflows it, as destination */
}

static void the_buffer_length_fits_the_buffer_and_the_allocation(void **state)
{
    (void)state;
    assert_int_equal(findings_of(buffer_length(), p(), sys()), 0);
}

static void a_side_of_unknown_size_leaves_the_allocation_to_decide(void **state)
{
    (void)state;
    assert_int_equal(findings_of(written_length(), p(), kernel()), 0);
    assert_int_equal(findings_of(written_length(), kernel(), p()), 0);
}

static void no_side_of_known_size_needs_a_bound(void **state)
{
    (void)state;
    assert_int_equal(findings_of(buffer_length(), kernel(), sys()), 1);
    assert_int_equal(findings_of(written_length(), kernel(), sys()), 1);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(allocation_size_written_by_the_caller_overreads_its_buffer),
        T(the_buffer_length_fits_the_buffer_and_the_allocation),
        T(a_side_of_unknown_size_leaves_the_allocation_to_decide),
        T(no_side_of_known_size_needs_a_bound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
