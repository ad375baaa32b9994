/* test_wire.c - the bytes a unit's process sends to the run: every value comes back as it was
 * sent, and a short or corrupt message is refused without reading past its end. */
#include <string.h>

#include "test_support.h"

#include "../../src/analysis/interproc/interproc.h"
#include "drvtaint/wire.h"

static void numbers_and_strings_round_trip(void **state)
{
    (void)state;
    strbuf b = {0};
    wire_put_u64(&b, 0);
    wire_put_u64(&b, 127);
    wire_put_u64(&b, 128);
    wire_put_u64(&b, UINT64_MAX);
    wire_put_i64(&b, -1);
    wire_put_i64(&b, INT64_MIN);
    wire_put_str(&b, NULL);
    wire_put_str(&b, "");
    wire_put_str(&b, "G:g_Port");
    wire_reader r = wire_reader_new(b.buf, b.len);
    assert_true(wire_get_u64(&r) == 0);
    assert_true(wire_get_u64(&r) == 127);
    assert_true(wire_get_u64(&r) == 128);
    assert_true(wire_get_u64(&r) == UINT64_MAX);
    assert_true(wire_get_i64(&r) == -1);
    assert_true(wire_get_i64(&r) == INT64_MIN);
    assert_null(wire_get_str(&r));
    char *empty = wire_get_str(&r), *port = wire_get_str(&r);
    assert_string_equal(empty, "");
    assert_string_equal(port, "G:g_Port");
    assert_false(r.bad);
    assert_true(r.p == r.end);
    free(empty);
    free(port);
    /* every cut of the message is refused, none reads past the cut (ASan would say) */
    for (size_t cut = 0; cut < b.len; cut++) {
        char *copy = xmalloc(cut ? cut : 1);
        memcpy(copy, b.buf, cut);
        wire_reader t = wire_reader_new(copy, cut);
        for (int i = 0; i < 6; i++)
            (void)wire_get_u64(&t);
        char *s1 = wire_get_str(&t), *s2 = wire_get_str(&t), *s3 = wire_get_str(&t);
        assert_true(t.bad);
        free(s1);
        free(s2);
        free(s3);
        free(copy);
    }
    sb_free(&b);
}

static unit_facts *sample_facts(void)
{
    unit_facts *u = unit_facts_new();
    arena *a = u->arena;
    trace_node *src = arena_alloc(a, sizeof *src), *rd = arena_alloc(a, sizeof *rd);
    *src = (trace_node){TRACE_SOURCE, {"drv.c", 10, 5}, "Irp->AssociatedIrp.SystemBuffer", NULL};
    *rd = (trace_node){TRACE_READ, {"drv.c", 12, 9}, "in->Port", src};
    fact f = {.taint = TAINT_VALUE, .r = range_full(16, false), .bits = 16, .origin_bits = 32, .hi_trusted = true,
              .trace = rd};
    rel_set(&f.rel, REL_ALLOC_SIZE, "(*in).Len");
    VEC_PUSH(&u->stores, ((stored_value){"F:_DEVICE_EXTENSION.Port", f}));
    VEC_PUSH(&u->reads, 42);
    VEC_PUSH(&u->records, "_DEVICE_EXTENSION");
    bound *nz = arena_alloc(a, sizeof *nz);
    *nz = (bound){1, "(*$).Msr", f};
    out_flow *out = arena_alloc(a, sizeof *out);
    *out = (out_flow){0, SUMMARY_OWN | 2, f};
    VEC_PUSH(&u->summaries, ((fn_summary){"c:@F@Validate", "Validate", 1, f, true, nz, 1, NULL, 0, out, 1}));
    entry *items = arena_alloc(a, sizeof *items);
    items[0] = (entry){"$0", NULL, f};
    uint64_t *codes = arena_alloc(a, sizeof *codes);
    codes[0] = 0x222004;
    cross_seed cs = {"c:@F@Helper", "Helper", "DispatchIoctl", {"DispatchIoctl", "IRP_MJ_DEVICE_CONTROL", true, -1},
                     true, codes, 1, items, 1, 2, "sig"};
    VEC_PUSH(&u->seeds, cs);
    VEC_PUSH(&u->defined, ((defined_fn){NULL, "static_helper"}));
    VEC_PUSH(&u->calls, "c:@F@Helper");
    VEC_PUSH(&u->tainted_calls, "c:@F@Helper");
    VEC_PUSH(&u->roots, "DispatchIoctl");
    VEC_PUSH(&u->entries, ((entry_point){"EvtIoDeviceControl", "EvtIoDeviceControl", true, 3}));
    VEC_PUSH(&u->ioctl_names, ((ioctl_name){0x222004, "IOCTL_READ_PORT", false}));
    VEC_PUSH(&u->ioctl_names, ((ioctl_name){0x7d01, "IOCTL_FROM_LOST_HEADER", true}));
    VEC_PUSH(&u->limits, "seed depth");
    return u;
}

static void unit_facts_round_trip(void **state)
{
    (void)state;
    unit_facts *u = sample_facts();
    strbuf b = {0};
    unit_facts_encode(&b, u);
    wire_reader r = wire_reader_new(b.buf, b.len);
    unit_facts *back = unit_facts_decode(&r);
    assert_non_null(back);
    assert_true(r.p == r.end);
    strbuf again = {0};
    unit_facts_encode(&again, back);
    assert_int_equal(again.len, b.len);
    assert_memory_equal(again.buf, b.buf, b.len);
    /* and the values are the facts', not just the same bytes */
    const fact *f = &back->stores.items[0].f;
    assert_string_equal(back->stores.items[0].key, "F:_DEVICE_EXTENSION.Port");
    assert_true(range_equal(f->r, range_full(16, false)));
    assert_int_equal(f->origin_bits, 32);
    assert_true(f->hi_trusted);
    assert_string_equal(rel_path(&f->rel, REL_ALLOC_SIZE), "(*in).Len");
    assert_null(rel_path(&f->rel, REL_COPY_OF));
    assert_string_equal(back->limits.items[0], "seed depth");
    assert_string_equal(f->trace->text, "in->Port");
    assert_int_equal(f->trace->prev->loc.line, 10);
    assert_null(f->trace->prev->prev);
    assert_true(back->summaries.items[0].outs[0].from == (SUMMARY_OWN | 2));
    assert_true(back->summaries.items[0].ret_probed_by_request);
    assert_int_equal(back->seeds.items[0].root_entry.kmdf_params, -1);
    assert_true(back->seeds.items[0].ioctls[0] == 0x222004);
    assert_null(back->defined.items[0].usr);
    assert_int_equal(back->entries.items[0].kmdf_params, 3);
    assert_string_equal(back->ioctl_names.items[0].name, "IOCTL_READ_PORT");
    assert_false(back->ioctl_names.items[0].placeholder);
    assert_true(back->ioctl_names.items[1].placeholder); /* recovery's made-up code stays one */
    /* a cut message is refused */
    for (size_t cut = 0; cut < b.len; cut += 7) {
        wire_reader t = wire_reader_new(b.buf, cut);
        unit_facts *bad = unit_facts_decode(&t);
        assert_null(bad);
    }
    sb_free(&again);
    sb_free(&b);
    unit_facts_free(back);
    unit_facts_free(u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_and_strings_round_trip),
        cmocka_unit_test(unit_facts_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
