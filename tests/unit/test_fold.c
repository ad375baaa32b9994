/* test_fold.c - one finding per root cause (issue 12, item 7): a finding marked with the
 * mapping it goes through becomes a related location of the mapping's finding, or stays when
 * the mapping has none. */
#include "test_support.h"

#include <string.h>

#include "drvtaint/findings.h"
#include "drvtaint/util.h"

static finding make(const char *rule, unsigned line, const char *role)
{
    finding f = {0};
    f.rule = xstrdup(rule);
    f.file = xstrdup("d.c");
    f.line = line;
    f.col = 5;
    f.function = xstrdup("Dispatch");
    f.sink = xstrdup("sink");
    f.role = xstrdup(role);
    f.arg_index = strcmp(role, "size") == 0; /* MmMapIoSpace(pa, size, ...) */
    f.arg_text = xstrdup("a");
    f.range = xstrdup("r");
    f.message = xstrdup("m");
    f.ntrace = 1;
    f.trace = xcalloc(1, sizeof *f.trace);
    f.trace[0] = (trace_step){TRACE_SINK, xstrdup("d.c"), line, 5, xasprintf("copy%u(va)", line)};
    return f;
}

static finding use_of(unsigned line, unsigned map_line)
{
    finding f = make("copy-pointer", line, "source");
    f.fold_file = xstrdup("d.c");
    f.fold_line = map_line;
    f.fold_col = 5;
    return f;
}

static void a_copy_through_a_reported_mapping_is_its_related_location(void **state)
{
    (void)state;
    finding_list l = {0};
    findings_add(&l, use_of(30, 10));
    findings_add(&l, make("physmem-map", 10, "size"));
    findings_add(&l, make("physmem-map", 10, "physical-address"));
    findings_add(&l, use_of(20, 10));
    findings_add(&l, use_of(20, 10)); /* the same copy from another entry: one location */
    findings_finish(&l);
    assert_int_equal(l.len, 2);
    const finding *addr = strcmp(l.items[0].role, "physical-address") == 0 ? &l.items[0] : &l.items[1];
    const finding *size = addr == &l.items[0] ? &l.items[1] : &l.items[0];
    assert_int_equal(size->nrelated, 0); /* the address is the root cause, not the size */
    assert_int_equal(addr->nrelated, 2);
    assert_int_equal(addr->related[0].line, 20); /* in source order */
    assert_int_equal(addr->related[1].line, 30);
    assert_non_null(strstr(addr->related[0].text, "copy20(va)"));
    findings_free(&l);
}

static void a_copy_whose_mapping_has_no_finding_stays(void **state)
{
    (void)state;
    finding_list l = {0};
    findings_add(&l, use_of(20, 10));
    findings_add(&l, make("physmem-map", 11, "physical-address")); /* another mapping */
    findings_finish(&l);
    assert_int_equal(l.len, 2); /* sorted: the mapping (line 11), then the copy (line 20) */
    assert_string_equal(l.items[1].rule, "copy-pointer");
    assert_int_equal(l.items[0].nrelated, 0);
    findings_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_copy_through_a_reported_mapping_is_its_related_location),
        cmocka_unit_test(a_copy_whose_mapping_has_no_finding_stays),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
