/* test_asm.c - assembly primitives: which PROC behaves like which intrinsic, with which of its
 * arguments, and the sink rows made from them. */
#include "test_support.h"

#include "drvtaint/asm.h"
#include "drvtaint/rules_asm.h"
#include "drvtaint/util.h"

static const asm_primitive *find(const asm_list *l, const char *function, const char *intrinsic)
{
    for (size_t i = 0; i < l->len; i++)
        if (strcmp(l->items[i].function, function) == 0 && strcmp(l->items[i].intrinsic, intrinsic) == 0)
            return &l->items[i];
    return NULL;
}

static const char text[] =
    "; MASM, x64: rcx, rdx, r8, r9\r\n"
    ".code\n"
    "ReadMsr PROC\n"
    "    rdmsr            ; ecx = index (argument 0)\n"
    "    shl rdx, 32\n"
    "    or rax, rdx\n"
    "    ret\n"
    "ReadMsr ENDP\n"
    "WriteMsr PROC FRAME\n"
    "    push rax\n"
    "    .endprolog\n"
    "    mov rax, r8\n"
    "    wrmsr\n"
    "    pop rax\n"
    "    ret\n"
    "WriteMsr ENDP\n"
    "OutByte PROC\n"          /* OutByte(value, port): the port is argument 1 */
    "    mov rax, rcx\n"
    "    out dx, al\n"
    "    ret\n"
    "OutByte ENDP\n"
    "InDword PROC\n"
    "    xchg rcx, rdx\n"    /* the port moves into rdx */
    "    in eax, dx\n"
    "    ret\n"
    "InDword ENDP\n"
    "SavedPort PROC\n"
    "    push rdx\n"
    "    mov dx, 0CF8h\n"      /* a fixed port: not the caller's */
    "    out dx, eax\n"
    "    pop rdx\n"
    "done: out dx, al\n"      /* the caller's port again, after a label */
    "    ret\n"
    "SavedPort ENDP\n"
    "MaskedPort PROC\n"
    "    mov rdx, rcx\n"
    "    and dx, 0FFh\n"       /* computed: no longer the caller's value as given */
    "    in al, dx\n"
    "    ret\n"
    "MaskedPort ENDP\n"
    "SetCr4 PROC\n"
    "    mov cr4, rcx\n"
    "    ret\n"
    "SetCr4 ENDP\n"
    "Fixed PROC\n"
    "    mov ecx, 0C0000080h\n"
    "    rdmsr\n"
    "    ret\n"
    "Fixed ENDP\n";

static void procs_become_primitives_with_their_arguments(void **state)
{
    (void)state;
    asm_list l = {0};
    asm_scan_text(&l, "cpu.asm", text);
    const asm_primitive *p = find(&l, "ReadMsr", "__readmsr");
    assert_non_null(p);
    assert_int_equal(p->from[0], 0);
    assert_int_equal(p->line, 4);
    p = find(&l, "WriteMsr", "__writemsr");
    assert_non_null(p);
    assert_int_equal(p->from[0], 0);
    assert_int_equal(p->from[1], 2); /* the value: r8 moved into rax */
    p = find(&l, "OutByte", "__outbyte");
    assert_non_null(p);
    assert_int_equal(p->from[0], 1);
    assert_int_equal(p->from[1], 0);
    p = find(&l, "InDword", "__indword");
    assert_non_null(p);
    assert_int_equal(p->from[0], 0);
    p = find(&l, "SavedPort", "__outbyte");
    assert_non_null(p);
    assert_int_equal(p->from[0], 1); /* restored by pop */
    p = find(&l, "SavedPort", "__outdword");
    assert_true(p == NULL || p->from[0] == -1);
    p = find(&l, "MaskedPort", "__inbyte");
    assert_null(p);
    p = find(&l, "SetCr4", "__writecr4");
    assert_non_null(p);
    assert_int_equal(p->from[0], 0);
    assert_null(find(&l, "Fixed", "__readmsr"));
    asm_list_free(&l);
}

/* functions written as PUBLIC labels, without PROC/ENDP; a zero-extending mask keeps the value */
static void public_labels_are_functions_too(void **state)
{
    (void)state;
    asm_list l = {0};
    asm_scan_text(&l, "labels.asm",
                  ".code\n"
                  "public _msr_get\n"
                  "public _cr4_set\n"
                  "_cr4_set:\n"
                  "    and     rcx, 0FFFFFFFFh\n"
                  "    mov     cr4, rcx\n"
                  "    ret\n"
                  "_msr_get:\n"
                  "    push    rdx\n"
                  "    rdmsr\n"
                  "    pop     rdx\n"
                  "    ret\n"
                  "local_helper:\n" /* not PUBLIC: a label inside _msr_get */
                  "    and     rcx, 0Fh\n"
                  "    rdmsr\n"
                  "    ret\n"
                  "end\n");
    const asm_primitive *p = find(&l, "_cr4_set", "__writecr4");
    assert_non_null(p);
    assert_int_equal(p->from[0], 0);
    p = find(&l, "_msr_get", "__readmsr");
    assert_non_null(p);
    assert_int_equal(p->from[0], 0);
    assert_int_equal(p->line, 10);
    assert_null(find(&l, "local_helper", "__readmsr"));
    assert_int_equal(l.len, 2); /* the masked rdmsr after the local label is no primitive */
    asm_list_free(&l);
}

static void rows_follow_the_intrinsics_rules(void **state)
{
    (void)state;
    rules_set *set = rules_set_new();
    char *err = NULL;
    char *dir = xasprintf("%s/rules", DRVTAINT_SOURCE_DIR);
    assert_int_equal(rules_load_path(set, dir, &err), 0);
    free(dir);
    asm_list l = {0};
    asm_scan_text(&l, "cpu.asm", text);
    /* a rule file that names a function wins over its assembly */
    size_t before = set->nsinks;
    size_t added = rules_add_asm_sinks(set, &l);
    assert_int_equal(set->nsinks, before + added);
    const rules_sink *k = rules_find_sink(set, "WriteMsr");
    assert_non_null(k);
    assert_string_equal(k->rule, "msr-write");
    assert_int_equal(k->nargs, 1); /* the index; the value role is not checked */
    assert_int_equal(k->args[0].index, 0);
    assert_int_equal(k->args[0].role, rules_find_sink(set, "__writemsr")->args[0].role);
    k = rules_find_sink(set, "OutByte");
    assert_non_null(k);
    assert_string_equal(k->rule, "port-write");
    assert_int_equal(k->args[0].index, 1);
    assert_string_equal(k->file, "cpu.asm");
    assert_null(rules_find_sink(set, "MaskedPort"));
    assert_null(rules_find_sink(set, "Fixed"));
    asm_list_free(&l);

    /* __readmsr itself written in assembly keeps its rule-file row */
    asm_list own = {0};
    asm_scan_text(&own, "own.asm", "__readmsr PROC\n mov rax, rdx\n mov rcx, rax\n rdmsr\n ret\n__readmsr ENDP\n");
    assert_int_equal(rules_add_asm_sinks(set, &own), 0);
    assert_int_equal(rules_find_sink(set, "__readmsr")->args[0].index, 0);
    asm_list_free(&own);
    rules_set_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(procs_become_primitives_with_their_arguments),
        cmocka_unit_test(public_labels_are_functions_too),
        cmocka_unit_test(rows_follow_the_intrinsics_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
