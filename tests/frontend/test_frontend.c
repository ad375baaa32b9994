/* test_frontend.c - the libclang front end lowers real C/C++ into the AST we expect. */
#include "test_support.h"

#include <string.h>

#include "drvtaint/frontend.h"

static fe_parser *parser(void)
{
    char *shim = ts_source_path("include/wdk");
    static char shim_buf[4096];
    snprintf(shim_buf, sizeof shim_buf, "%s", shim);
    free(shim);
    fe_options o = {.shim_dir = shim_buf, .max_recovery_passes = 3};
    return fe_parser_new(&o);
}

static ast_tu *parse_text(const char *name, const char *text, bool is_cxx)
{
    char *path = ts_write_temp(name, text);
    assert_non_null(path);
    fe_parser *p = parser();
    ast_tu *tu = fe_parse(p, path, NULL, 0, is_cxx);
    fe_parser_free(p);
    free(path);
    return tu;
}

static ast_function *find_fn(ast_tu *tu, const char *name)
{
    for (size_t i = 0; i < tu->nfuncs; i++)
        if (strcmp(tu->funcs[i]->name, name) == 0)
            return tu->funcs[i];
    return NULL;
}

typedef struct {
    const char *name;
    ast_expr *found;
} find_call_ctx;

static bool find_call_visit(ast_expr *e, void *ctx)
{
    find_call_ctx *c = ctx;
    if (e->kind == AST_EX_CALL && e->u.call.name && strcmp(e->u.call.name, c->name) == 0 && !c->found)
        c->found = e;
    return true;
}

static ast_expr *find_call(ast_function *fn, const char *name)
{
    find_call_ctx c = {name, NULL};
    ast_visit_stmt_exprs(fn->body, find_call_visit, &c);
    return c.found;
}

/* Self-contained declarations so this test does not depend on the shim's content. */
#define PRELUDE                                                                                      \
    "typedef struct _IRP { int Type; union { struct _IRP *MasterIrp; void *SystemBuffer; } "        \
    "AssociatedIrp; void *UserBuffer; } IRP, *PIRP;\n"                                              \
    "typedef unsigned long ULONG;\n"                                                                 \
    "unsigned long long __readmsr(unsigned long);\n"                                                 \
    "void *memcpy(void *, const void *, unsigned long long);\n"                                      \
    "#define RtlCopyMemory(d, s, n) memcpy((d), (s), (n))\n"                                         \
    "#define RD(m) __readmsr(m)\n"

static void member_path_through_unnamed_union(void **state)
{
    (void)state;
    ast_tu *tu = parse_text("m.c", PRELUDE "void f(PIRP Irp) { void *p = Irp->AssociatedIrp.SystemBuffer; }\n", false);
    assert_int_equal(tu->health.errors, 0);
    ast_function *fn = find_fn(tu, "f");
    assert_non_null(fn);
    ast_stmt *decl = fn->body->u.block.items[0];
    assert_int_equal(decl->kind, AST_ST_DECL);
    assert_string_equal(decl->u.decl.name, "p");
    ast_expr *e = decl->u.decl.init;
    while (e->kind == AST_EX_CAST)
        e = e->u.cast.operand;
    assert_int_equal(e->kind, AST_EX_MEMBER);
    assert_string_equal(e->u.member.field, "SystemBuffer");
    assert_string_equal(e->u.member.record, "_IRP::AssociatedIrp");
    ast_expr *base = e->u.member.base;
    assert_int_equal(base->kind, AST_EX_MEMBER);
    assert_string_equal(base->u.member.field, "AssociatedIrp");
    assert_string_equal(base->u.member.record, "_IRP");
    assert_true(base->u.member.arrow);
    assert_false(e->u.member.arrow);
    ast_expr *irp = base->u.member.base;
    while (irp->kind == AST_EX_CAST)
        irp = irp->u.cast.operand;
    assert_int_equal(irp->kind, AST_EX_REF);
    assert_int_equal(irp->u.ref.ref, AST_REF_PARAM);
    assert_string_equal(irp->type.record, "_IRP");
    ast_tu_free(tu);
}

static void macro_calls_are_located_where_written(void **state)
{
    (void)state;
    ast_tu *tu = parse_text("mac.c",
                            PRELUDE "void f(char *d, char *s, ULONG n) {\n"
                                    "    RtlCopyMemory(d, s, n);\n"
                                    "    RD(0x10);\n"
                                    "}\n",
                            false);
    assert_int_equal(tu->health.errors, 0);
    ast_function *fn = find_fn(tu, "f");
    ast_expr *copy = find_call(fn, "memcpy");
    assert_non_null(copy);
    assert_string_equal(copy->u.call.written_name, "RtlCopyMemory");
    assert_int_equal(copy->loc.line, 8);
    assert_int_equal(copy->loc.col, 5);
    assert_int_equal(copy->u.call.nargs, 3);
    assert_string_equal(copy->u.call.args[2]->text, "n");
    ast_expr *rd = find_call(fn, "__readmsr");
    assert_non_null(rd);
    assert_string_equal(rd->u.call.written_name, "RD");
    assert_int_equal(rd->loc.line, 9);
    assert_int_equal(rd->u.call.args[0]->kind, AST_EX_INT);
    assert_int_equal(rd->u.call.args[0]->u.i.value, 0x10);
    ast_tu_free(tu);
}

static void for_header_parts_and_case_values(void **state)
{
    (void)state;
    ast_tu *tu = parse_text("ctl.c",
                            PRELUDE "#define CODE(n) (((n) << 2) | 0x220000)\n"
                                    "int f(ULONG code, ULONG n) {\n"
                                    "    for (;;) { break; }\n"
                                    "    for (; n < 4;) { n++; }\n"
                                    "    switch (code) { case CODE(1): return 1; case 5 ... 7: return 2; default: break; }\n"
                                    "    return 0;\n"
                                    "}\n",
                            false);
    assert_int_equal(tu->health.errors, 0);
    ast_function *fn = find_fn(tu, "f");
    ast_stmt *loop1 = fn->body->u.block.items[0];
    assert_int_equal(loop1->kind, AST_ST_FOR);
    assert_null(loop1->u.loop.init);
    assert_null(loop1->u.loop.cond);
    assert_null(loop1->u.loop.inc);
    ast_stmt *loop2 = fn->body->u.block.items[1];
    assert_null(loop2->u.loop.init);
    assert_non_null(loop2->u.loop.cond);
    assert_int_equal(loop2->u.loop.cond->kind, AST_EX_BINARY);
    assert_int_equal(loop2->u.loop.cond->u.binary.op, AST_BIN_LT);
    assert_null(loop2->u.loop.inc);
    ast_stmt *sw = fn->body->u.block.items[2];
    assert_int_equal(sw->kind, AST_ST_SWITCH);
    ast_stmt *c1 = sw->u.switch_.body->u.block.items[0];
    assert_int_equal(c1->kind, AST_ST_CASE);
    assert_int_equal(c1->u.case_.lo, 0x220004);
    assert_string_equal(c1->u.case_.value->text, "CODE(1)");
    ast_stmt *c2 = sw->u.switch_.body->u.block.items[1];
    assert_int_equal(c2->u.case_.lo, 5);
    assert_int_equal(c2->u.case_.hi, 7);
    ast_tu_free(tu);
}

static void unknown_names_are_declared_and_bodies_kept(void **state)
{
    (void)state;
    ast_tu *tu = parse_text("rec.c",
                            PRELUDE "void f(ULONG x) {\n"
                                    "    VENDOR_HANDLE h = 0;\n"
                                    "    if (x == VENDOR_MAGIC) __readmsr(x);\n"
                                    "    VendorHelper(h, x);\n"
                                    "}\n",
                            false);
    assert_true(tu->health.errors_before_recovery >= 2);
    assert_int_equal(tu->health.errors, 0);
    assert_true(tu->health.declared_unknown >= 2);
    ast_function *fn = find_fn(tu, "f");
    assert_non_null(find_call(fn, "__readmsr"));
    assert_non_null(find_call(fn, "VendorHelper"));
    ast_tu_free(tu);
}

static void errors_are_attributed_to_functions(void **state)
{
    (void)state;
    ast_tu *tu = parse_text("err.c",
                            PRELUDE "struct S { int a; };\n"
                                    "void good(void) { }\n"
                                    "void bad(struct S *s) { s->nope = 1; }\n",
                            false);
    assert_int_equal(tu->health.errors, 1);
    assert_int_equal(tu->health.functions_with_errors, 1);
    assert_string_equal(tu->diags[0].function, "bad");
    assert_int_equal(find_fn(tu, "bad")->nerrors, 1);
    assert_int_equal(find_fn(tu, "good")->nerrors, 0);
    ast_tu_free(tu);
}

static void cxx_methods_and_seh(void **state)
{
    (void)state;
    ast_tu *tu = parse_text("c.cpp",
                            PRELUDE "class Hw { public: unsigned long long Read(ULONG m) { return __readmsr(m); } };\n"
                                    "extern \"C\" int g(Hw *hw, ULONG m) {\n"
                                    "    __try { hw->Read(m); } __except (1) { return 1; }\n"
                                    "    return 0;\n"
                                    "}\n",
                            true);
    assert_int_equal(tu->health.errors, 0);
    ast_function *read = find_fn(tu, "Read");
    assert_non_null(read);
    assert_non_null(find_call(read, "__readmsr"));
    ast_function *g = find_fn(tu, "g");
    assert_non_null(g);
    ast_stmt *t = g->body->u.block.items[0];
    assert_int_equal(t->kind, AST_ST_TRY_EXCEPT);
    assert_non_null(t->u.try_.filter);
    assert_non_null(find_call(g, "Read"));
    ast_tu_free(tu);
}

static bool count_visit(ast_expr *e, void *ctx)
{
    (void)e;
    (*(size_t *)ctx)++;
    return true;
}

/* In a << b the first child is the left operand, not the callee: taking it for the callee
 * lowered every link of a chain twice (exponential: pcm.cpp's cout chains took gigabytes). */
static void operator_chains_are_lowered_once(void **state)
{
    (void)state;
    enum { LINKS = 5 }; /* the old lowering took seconds at 5, hours at 12 */
    strbuf src = {0};
    sb_append(&src, "namespace std { class ostream; }\nstruct R { int x; };\n"
                    "inline std::ostream &operator<<(std::ostream &o, const R &r) { return o; }\n"
                    "const char *color(const char *);\nvoid g(int a) {\n    cout");
    for (int i = 0; i < LINKS; i++)
        sb_printf(&src, " << \"x%d\" << color(\"c\") << a", i);
    sb_append(&src, ";\n}\n");
    ast_tu *tu = parse_text("chain.cpp", src.buf, true);
    sb_free(&src);
    ast_function *fn = find_fn(tu, "g");
    assert_non_null(fn);
    size_t nodes = 0;
    ast_visit_stmt_exprs(fn->body, count_visit, &nodes);
    /* each link is a handful of nodes (operator call, callee, operand, color call, its argument) */
    assert_true(nodes > 3 * LINKS);
    assert_true(nodes < 3 * LINKS * 8);
    ast_tu_free(tu);
}

static bool collect_cases(ast_stmt *s, uint64_t *vals, size_t *n)
{
    if (!s)
        return true;
    if (s->kind == AST_ST_CASE && *n < 8)
        vals[(*n)++] = (uint64_t)s->u.case_.lo;
    if (s->kind == AST_ST_BLOCK)
        for (size_t i = 0; i < s->u.block.n; i++)
            collect_cases(s->u.block.items[i], vals, n);
    if (s->kind == AST_ST_SWITCH)
        collect_cases(s->u.switch_.body, vals, n);
    if (s->kind == AST_ST_CASE)
        collect_cases(s->u.case_.body, vals, n);
    return true;
}

/* Unknown constants get small distinct placeholders: one used as an array size or designated
 * index costs nothing (0x7d70002a as an index made libclang allocate 33 GB), and none is an
 * IOCTL code. */
static void unknown_constants_are_small_distinct_placeholders(void **state)
{
    (void)state;
    ast_tu *tu = parse_text("ph.c",
                            PRELUDE "struct T { ULONG slots[UNKNOWN_SLOTS]; };\n"
                                    "void f(ULONG code) {\n"
                                    "    switch (code) {\n"
                                    "    case IOCTL_UNKNOWN_A: __readmsr(code); break;\n"
                                    "    case IOCTL_UNKNOWN_B: break;\n"
                                    "    }\n"
                                    "}\n",
                            false);
    assert_int_equal(tu->health.errors, 0);
    ast_function *fn = find_fn(tu, "f");
    assert_non_null(fn);
    uint64_t vals[8];
    size_t n = 0;
    collect_cases(fn->body, vals, &n);
    assert_int_equal(n, 2);
    assert_true(ast_is_placeholder(vals[0]));
    assert_true(ast_is_placeholder(vals[1]));
    assert_true(vals[0] != vals[1]);
    assert_true(vals[0] < 0x10000);
    ast_tu_free(tu);
}

static const ast_stmt *case_named(const ast_stmt *s, const char *name)
{
    if (!s)
        return NULL;
    if (s->kind == AST_ST_CASE && s->u.case_.value && s->u.case_.value->text &&
        strcmp(s->u.case_.value->text, name) == 0)
        return s;
    if (s->kind == AST_ST_BLOCK)
        for (size_t i = 0; i < s->u.block.n; i++) {
            const ast_stmt *c = case_named(s->u.block.items[i], name);
            if (c)
                return c;
        }
    if (s->kind == AST_ST_SWITCH)
        return case_named(s->u.switch_.body, name);
    if (s->kind == AST_ST_CASE || s->kind == AST_ST_DEFAULT)
        return case_named(s->u.case_.body, name);
    return NULL;
}

/* A case label whose macro is built from a function-like macro no header declared
 * (SCARD_CTL_CODE in smartcard drivers) does not evaluate: clang drops the label and keeps its
 * statements. The front end puts it back, named as written, with a placeholder value, over the
 * statements that followed it; labels in a row share the branch, a nested switch keeps its own. */
static void dropped_case_labels_are_put_back(void **state)
{
    (void)state;
    ast_tu *tu = parse_text("lost.c",
                            PRELUDE "#define IOCTL_LOST_A SCARD_CTL_CODE(0x8000)\n"
                                    "#define IOCTL_LOST_B SCARD_CTL_CODE(0x8001)\n"
                                    "#define IOCTL_LOST_C SCARD_CTL_CODE(0x8002)\n"
                                    "int f(ULONG code, ULONG sub) {\n"
                                    "    int v = 0;\n"
                                    "    switch (code) {\n"
                                    "    case IOCTL_LOST_A:\n"
                                    "        v = 1;\n"
                                    "        break;\n"
                                    "    case IOCTL_LOST_B:\n"
                                    "    case 7:\n"
                                    "        switch (sub) { case IOCTL_LOST_C: v = 3; break; }\n"
                                    "        break;\n"
                                    "    default:\n"
                                    "        v = 4;\n"
                                    "    }\n"
                                    "    return v;\n"
                                    "}\n",
                            false);
    assert_true(tu->health.errors > 0); /* the labels are errors: that is the case */
    ast_function *fn = find_fn(tu, "f");
    assert_non_null(fn);
    const ast_stmt *a = case_named(fn->body, "IOCTL_LOST_A");
    const ast_stmt *b = case_named(fn->body, "IOCTL_LOST_B");
    const ast_stmt *c = case_named(fn->body, "IOCTL_LOST_C");
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_true(a->u.case_.value->u.i.placeholder);
    assert_true(ast_is_placeholder((uint64_t)a->u.case_.lo));
    assert_true(ast_is_placeholder((uint64_t)b->u.case_.lo));
    assert_true(a->u.case_.lo != b->u.case_.lo && b->u.case_.lo != c->u.case_.lo);
    assert_int_equal(a->loc.line, 6 + 7); /* the six lines of PRELUDE, then the seventh above */
    /* A's branch is the assignment after it; B's is the chain with case 7 */
    assert_non_null(a->u.case_.body);
    assert_int_equal(a->u.case_.body->kind, AST_ST_EXPR);
    assert_non_null(b->u.case_.body);
    assert_int_equal(b->u.case_.body->kind, AST_ST_CASE);
    assert_int_equal(b->u.case_.body->u.case_.lo, 7);
    /* C belongs to the inner switch: found under B's branch, not at the outer level */
    const ast_stmt *outer = fn->body->u.block.items[1];
    assert_int_equal(outer->kind, AST_ST_SWITCH);
    for (size_t i = 0; i < outer->u.switch_.body->u.block.n; i++)
        assert_true(outer->u.switch_.body->u.block.items[i] != c);
    ast_tu_free(tu);
}

static void missing_file_fails_cleanly(void **state)
{
    (void)state;
    fe_parser *p = parser();
    ast_tu *tu = fe_parse(p, "/nonexistent/drvtaint/x.c", NULL, 0, false);
    assert_true(tu->health.failed || tu->health.errors > 0);
    assert_int_equal(tu->nfuncs, 0);
    ast_tu_free(tu);
    fe_parser_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(member_path_through_unnamed_union),
        cmocka_unit_test(macro_calls_are_located_where_written),
        cmocka_unit_test(for_header_parts_and_case_values),
        cmocka_unit_test(unknown_names_are_declared_and_bodies_kept),
        cmocka_unit_test(errors_are_attributed_to_functions),
        cmocka_unit_test(cxx_methods_and_seh),
        cmocka_unit_test(missing_file_fails_cleanly),
        cmocka_unit_test(dropped_case_labels_are_put_back),
        cmocka_unit_test(operator_chains_are_lowered_once),
        cmocka_unit_test(unknown_constants_are_small_distinct_placeholders),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
