/* test_partial_mdl.c - checkers/probes.c: an MDL that the function fills with
 * IoBuildPartialMdl(source, mdl, va, n) describes pages of source, so the IoAllocateMdl call
 * that made it is accepted even over a user-chosen address; a fill of another MDL, or of the
 * MDL from itself, vouches for nothing. Hand-built ASTs: IRP.User is a user-chosen address,
 * IRP.Mdl the request's MDL. */
#include "test_support.h"

#include "drvtaint/taint.h"
#include "ast_builder.h"

static rules_set *R;

static const char *const RULES =
    "{\"version\": 1, \"rules\": [{\"id\": \"mdl-map\", \"name\": \"M\", \"severity\": \"error\", \"short\": \"s\", "
    "\"description\": \"d\", \"help\": \"h\"}],"
    " \"sinks\": [{\"function\": \"IoAllocateMdl\", \"rule\": \"mdl-map\", \"args\": [{\"index\": 0, \"role\": "
    "\"virtual-address\"}, {\"index\": 1, \"role\": \"size\"}]}],"
    " \"sources\": [{\"member\": \"IRP.User\", \"taint\": \"value\"}, {\"member\": \"IRP.Len\", \"taint\": "
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

static ast_expr *call2(const char *name, ast_expr *a, ast_expr *b)
{
    ast_expr *e = b_call(name, a);
    e->u.call.nargs = 2;
    e->u.call.args = arena_alloc(B_TU->arena, 2 * sizeof(ast_expr *));
    e->u.call.args[0] = a;
    e->u.call.args[1] = b;
    return e;
}

static ast_expr *irp_member(const char *field, ast_type t)
{
    return b_member(b_ref("irp", b_ptr("IRP")), field, "IRP", true, t);
}

static ast_expr *mdl(void) { return b_ref("mdl", b_ptr("MDL")); }
static ast_expr *other(void) { return b_ref("other", b_ptr("MDL")); }
static ast_expr *request_mdl(void) { return irp_member("Mdl", b_ptr("MDL")); }

/* mdl = IoAllocateMdl(irp->User, irp->Len); IoBuildPartialMdl(source, target) */
static size_t findings_of(ast_expr *source, ast_expr *target)
{
    ast_stmt *alloc = b_assign(mdl(), call2("IoAllocateMdl", irp_member("User", b_ptr(NULL)),
                                            irp_member("Len", b_u32())));
    ast_stmt *body = target ? B_BLOCK(alloc, b_expr(call2("IoBuildPartialMdl", source, target))) : B_BLOCK(alloc);
    finding_list out = {0};
    taint_analyse_function(B_TU, b_function(body), R, &out);
    size_t count = out.len;
    findings_free(&out);
    return count;
}

static void a_bare_user_address_is_reported(void **state)
{
    (void)state;
    assert_int_equal(findings_of(NULL, NULL), 2); /* address and length */
}

static void a_part_of_the_request_mdl_describes_its_pages(void **state)
{
    (void)state;
    assert_int_equal(findings_of(request_mdl(), mdl()), 0);
    assert_int_equal(findings_of(other(), mdl()), 0); /* any MDL built before is judged where it was */
}

static void filling_another_mdl_vouches_for_nothing(void **state)
{
    (void)state;
    assert_int_equal(findings_of(request_mdl(), other()), 2);
}

static void filling_the_mdl_from_itself_vouches_for_nothing(void **state)
{
    (void)state;
    assert_int_equal(findings_of(mdl(), mdl()), 2);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(a_bare_user_address_is_reported),
        T(a_part_of_the_request_mdl_describes_its_pages),
        T(filling_another_mdl_vouches_for_nothing),
        T(filling_the_mdl_from_itself_vouches_for_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
