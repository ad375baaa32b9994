/* test_domain.c - the domain layer alone: facts, the relation set and the state map are
 * exercised without an evaluator, rules or a CFG (the join gets implicit facts from a stub). */
#include "test_support.h"

#include "../../src/analysis/domain/domain.h"

static ast_type u32(void)
{
    ast_type t = {0};
    t.is_integer = true;
    t.bits = 32;
    t.array_len = -1;
    return t;
}

static fact user(uint64_t lo, uint64_t hi)
{
    ast_type t = u32();
    fact f = fact_untainted(&t);
    f.taint = TAINT_VALUE;
    f.origin_bits = 32;
    f.r.lo = lo;
    f.r.hi = hi;
    return f;
}

static void join_is_the_hull_and_keeps_user_data(void **state)
{
    (void)state;
    ast_type t = u32();
    fact a = user(0, 15), b = fact_const(40, &t);
    fact j = fact_join(a, b);
    assert_int_equal(j.taint, TAINT_VALUE);
    assert_true(j.r.lo == 0 && j.r.hi == 40);
    assert_true(fact_is_bounded(&j));
    /* a bound on one side only is no bound */
    fact c = user(0, 15), d = user(0, 0xFFFFFFFFu);
    fact cd = fact_join(c, d);
    assert_false(fact_is_bounded(&cd));
}

/* probed is about where a user-chosen pointer points: a kernel pointer to user bytes on the
   other path (MmGetSystemAddressForMdlSafe) keeps it, an unprobed user pointer does not */
static void join_keeps_probed_across_a_kernel_pointer(void **state)
{
    (void)state;
    ast_type t = {.is_pointer = true, .bits = 64, .size = 8, .array_len = -1};
    fact probed = fact_untainted(&t), contents = fact_untainted(&t), raw = fact_untainted(&t);
    probed.taint = TAINT_VALUE;
    probed.probed = true;
    contents.taint = TAINT_CONTENTS;
    raw.taint = TAINT_VALUE;
    fact j = fact_join(contents, probed);
    assert_int_equal(j.taint, TAINT_VALUE | TAINT_CONTENTS);
    assert_true(j.probed);
    assert_true(fact_join(probed, contents).probed);
    assert_false(fact_join(probed, raw).probed);
    assert_false(fact_join(raw, contents).probed);
    assert_false(fact_join(contents, contents).probed);
}

static void relations_join_kill_and_detach(void **state)
{
    (void)state;
    relset a = {0}, b = {0};
    rel_set(&a, REL_COPY_OF, "(*in).Msr");
    rel_set(&b, REL_COPY_OF, "(*in).Msr"); /* another string, the same path */
    rel_set(&a, REL_ALLOC_SIZE, "len");
    relset j = rel_join(a, b);
    assert_string_equal(rel_path(&j, REL_COPY_OF), "(*in).Msr");
    assert_null(rel_path(&j, REL_ALLOC_SIZE)); /* only one side had it */
    rel_kill(&a, "in");                        /* in changed: (*in).Msr is another object now */
    assert_null(rel_path(&a, REL_COPY_OF));
    assert_string_equal(rel_path(&a, REL_ALLOC_SIZE), "len");
    rel_kill(&a, "length"); /* not a whole component of "len" ... */
    assert_non_null(rel_path(&a, REL_ALLOC_SIZE));
    rel_kill(&a, "len"); /* ... this is */
    assert_null(rel_path(&a, REL_ALLOC_SIZE));
    relset c = {0};
    rel_set(&c, REL_COPY_OF, "x");
    rel_set(&c, REL_ALLOC_SIZE, "n");
    rel_set(&c, REL_AT_MOST, "1*bufLen");
    rel_set(&c, REL_CALLER_HELD, "the request's buffer length");
    relset d = rel_detached(c); /* a caller's variable means nothing in the callee */
    assert_null(rel_path(&d, REL_COPY_OF));
    assert_null(rel_path(&d, REL_AT_MOST));
    assert_string_equal(rel_path(&d, REL_ALLOC_SIZE), "n");
    /* what the caller proved of a length against its request's buffer holds in the helper */
    assert_string_equal(rel_path(&d, REL_CALLER_HELD), "the request's buffer length");
    rel_kill(&d, "length"); /* a name, no path: no assignment ends it */
    assert_non_null(rel_path(&d, REL_CALLER_HELD));
    rel_set(&c, REL_AT_MOST, NULL);
    rel_set(&c, REL_CALLER_HELD, NULL);
    strbuf out = {0};
    rel_format(&out, &c);
    assert_string_equal(out.buf, " alloc-size=n copy-of=x");
    sb_free(&out);
}

static void one_equality_two_strengths(void **state)
{
    (void)state;
    fact a = user(0, 7), b = a;
    trace_node t1 = {0}, t2 = {0};
    a.trace = &t1;
    b.trace = &t2;
    assert_false(fact_equal(&a, &b, FACT_EQ_STATE)); /* other evidence: the dataflow goes on */
    assert_true(fact_equal(&a, &b, FACT_EQ_VALUE));  /* the same value for other functions */
    b.bits = 64;
    assert_false(fact_equal(&a, &b, FACT_EQ_VALUE));
    b = a;
    rel_set(&b.rel, REL_COPY_OF, "y");
    assert_false(fact_equal(&a, &b, FACT_EQ_STATE));
    assert_true(fact_equal(&a, &b, FACT_EQ_VALUE));
}

typedef struct stub {
    unsigned calls;
    fact answer;
} stub;

static fact implicit(void *arg, tstate *scratch, const ast_expr *lv)
{
    (void)scratch;
    (void)lv;
    stub *st = arg;
    st->calls++;
    return st->answer;
}

static void join_asks_the_callback_for_missing_paths(void **state)
{
    (void)state;
    ast_expr lv = {.kind = AST_EX_REF, .text = "x"};
    tstate a, b;
    tstate_init(&a, true);
    tstate_init(&b, true);
    tstate_set(&a, "x", &lv, user(0, 3));
    tstate_set(&b, "y", NULL, user(5, 5)); /* seeded: no lvalue, it joins with itself */
    stub st = {0, user(10, 20)};
    assert_true(tstate_join(&a, &b, false, implicit, &st));
    assert_int_equal(st.calls, 1); /* x is missing from b: asked once */
    const entry *x = tstate_get(&a, "x");
    assert_true(x->f.r.lo == 0 && x->f.r.hi == 20);
    const entry *y = tstate_get(&a, "y");
    assert_true(y->f.r.lo == 5 && y->f.r.hi == 5);
    assert_true(tstate_invariants_hold(&a));
    /* joining again changes nothing */
    st.calls = 0;
    tstate c;
    tstate_init(&c, false);
    tstate_copy(&c, &a);
    assert_false(tstate_join(&a, &c, false, implicit, &st));
    assert_int_equal(st.calls, 0);
    /* an unreachable side is the bottom */
    tstate bottom;
    tstate_init(&bottom, false);
    assert_false(tstate_join(&a, &bottom, false, implicit, &st));
    /* kill forgets the path, the paths read through it and the relations naming it */
    fact z = user(0, 1);
    rel_set(&z.rel, REL_COPY_OF, "x");
    tstate_set(&a, "(*x).f", NULL, user(0, 1));
    tstate_set(&a, "z", NULL, z);
    tstate_kill(&a, "x");
    assert_null(tstate_get(&a, "x"));
    assert_null(tstate_get(&a, "(*x).f"));
    assert_null(rel_path(&tstate_get(&a, "z")->f.rel, REL_COPY_OF));
    tstate_free(&a);
    tstate_free(&b);
    tstate_free(&c);
    tstate_free(&bottom);
}

/* Paths: which keys a key's value travels with; a nameless reference has no path (found on a
 * C++ driver: "" matched every key and strstr ran past the end of the string). */
static void paths_mention_whole_segments_only(void **state)
{
    (void)state;
    assert_true(path_mentions("(*in).Msr", "in"));
    assert_true(path_mentions("(*in).Regs[]", "(*in).Regs[]"));
    assert_false(path_mentions("(*inner).Msr", "in"));
    assert_false(path_mentions("(*End)", ""));
    arena *a = arena_new();
    ast_expr nameless = {.kind = AST_EX_REF, .text = "", .type = {.array_len = -1}};
    nameless.u.ref.name = "";
    nameless.u.ref.ref = AST_REF_LOCAL;
    assert_null(path_key(a, &nameless));
    ast_expr named = nameless;
    named.u.ref.name = "End";
    assert_string_equal(path_key(a, &named), "End");
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(join_is_the_hull_and_keeps_user_data),
        cmocka_unit_test(join_keeps_probed_across_a_kernel_pointer),
        cmocka_unit_test(relations_join_kill_and_detach),
        cmocka_unit_test(one_equality_two_strengths),
        cmocka_unit_test(join_asks_the_callback_for_missing_paths),
        cmocka_unit_test(paths_mention_whole_segments_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
