/* test_rules.c - the rules loader: the shipped rules load; every kind of malformed file is
 * rejected with a message naming the file, the JSON location and the problem, and leaves
 * what was loaded before untouched. */
#include "test_support.h"

#include "drvtaint/rules.h"
#include "drvtaint/util.h"

static const char *const valid_rule =
    "{\"id\": \"r1\", \"name\": \"R1\", \"severity\": \"error\", \"short\": \"s\", \"description\": \"d\", "
    "\"help\": \"h\"}";

static rules_set *load_shipped(void)
{
    rules_set *set = rules_set_new();
    char *dir = ts_source_path("rules");
    char *err = NULL;
    int rc = rules_load_path(set, dir, &err);
    if (rc != 0)
        fprintf(stderr, "%s\n", err);
    assert_int_equal(rc, 0);
    assert_null(err);
    free(dir);
    return set;
}

static void shipped_rules_cover_the_guidance(void **state)
{
    (void)state;
    rules_set *set = load_shipped();
    static const struct {
        const char *fn, *rule;
        unsigned index;
        rules_role role;
    } want[] = {
        {"__readmsr", "msr-read", 0, RULES_ROLE_MSR_INDEX},
        {"__writemsr", "msr-write", 0, RULES_ROLE_MSR_INDEX},
        {"__inbyte", "port-read", 0, RULES_ROLE_PORT},
        {"__indword", "port-read", 0, RULES_ROLE_PORT},
        {"__outdword", "port-write", 0, RULES_ROLE_PORT},
        {"__outbytestring", "port-write", 0, RULES_ROLE_PORT},
        {"READ_PORT_UCHAR", "port-read", 0, RULES_ROLE_PORT},
        {"WRITE_PORT_ULONG", "port-write", 0, RULES_ROLE_PORT},
        {"READ_REGISTER_ULONG", "register-read", 0, RULES_ROLE_VIRTUAL_ADDRESS},
        {"WRITE_REGISTER_UCHAR", "register-write", 0, RULES_ROLE_VIRTUAL_ADDRESS},
        {"memcpy", "copy-pointer", 1, RULES_ROLE_SOURCE},
        {"memmove", "copy-size", 2, RULES_ROLE_SIZE},
        {"RtlCopyMemory", "copy-pointer", 0, RULES_ROLE_DESTINATION},
        {"RtlMoveMemory", "copy-size", 2, RULES_ROLE_SIZE},
        {"ZwMapViewOfSection", "section-map", 5, RULES_ROLE_PHYSICAL_ADDRESS},
        {"ZwOpenSection", "section-map", 2, RULES_ROLE_OBJECT_NAME},
        {"MmMapIoSpace", "physmem-map", 0, RULES_ROLE_PHYSICAL_ADDRESS},
        {"MmMapIoSpaceEx", "physmem-map", 1, RULES_ROLE_SIZE},
        {"IoAllocateMdl", "mdl-map", 0, RULES_ROLE_VIRTUAL_ADDRESS},
        {"MmMapLockedPagesSpecifyCache", "mdl-map", 1, RULES_ROLE_ACCESS_MODE},
        {"MmCopyMemory", "mmcopy-memory", 1, RULES_ROLE_PHYSICAL_ADDRESS},
        {"MmGetPhysicalAddress", "physaddr-query", 0, RULES_ROLE_VIRTUAL_ADDRESS},
        {"HalGetBusDataByOffset", "pci-config", 4, RULES_ROLE_OFFSET},
        {"HalSetBusDataByOffset", "pci-config", 5, RULES_ROLE_SIZE},
        {"__writecr4", "control-register", 0, RULES_ROLE_VALUE},
        {"__readdr", "control-register", 0, RULES_ROLE_REGISTER_INDEX},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const rules_sink *k = rules_find_sink(set, want[i].fn);
        if (!k)
            fail_msg("no sink for %s", want[i].fn);
        bool found = false;
        for (size_t a = 0; a < k->nargs; a++) {
            const rules_sink_arg *arg = &k->args[a];
            const char *rule = arg->rule ? arg->rule : k->rule;
            if (arg->index == want[i].index && arg->role == want[i].role && strcmp(rule, want[i].rule) == 0)
                found = true;
        }
        if (!found)
            fail_msg("%s: no argument %u with role %s and rule %s", want[i].fn, want[i].index,
                     rules_role_name(want[i].role), want[i].rule);
        assert_non_null(rules_find_rule(set, k->rule));
    }
    /* every rule has the texts its docs and SARIF need */
    for (size_t i = 0; i < set->nrules; i++) {
        const rules_rule *r = &set->rules[i];
        assert_non_null(r->unsafe_example);
        assert_non_null(r->constrained_example);
        assert_true(r->ncwe > 0);
        assert_true(r->security_severity > 0);
    }
    const char *irp[] = {"AssociatedIrp", "SystemBuffer"};
    const rules_source *src = rules_match_member(set, "_IRP", irp, 2);
    assert_non_null(src);
    assert_int_equal(src->taint, RULES_TAINT_CONTENTS);
    const char *t3[] = {"Parameters", "DeviceIoControl", "Type3InputBuffer"};
    src = rules_match_member(set, "_IO_STACK_LOCATION", t3, 3);
    assert_non_null(src);
    assert_int_equal(src->taint, RULES_TAINT_VALUE);
    assert_null(rules_match_member(set, "_IRP", irp, 1));
    rules_set_free(set);
}

/* Loads text as a rules file into a set holding the shipped rules; returns the error. */
static char *load_error(const char *text)
{
    rules_set *set = load_shipped();
    size_t before = set->nrules + set->nsinks + set->nsources + set->nsanitizers;
    char *path = ts_write_temp("bad.json", text);
    char *err = NULL;
    assert_int_equal(rules_load_path(set, path, &err), -1);
    assert_non_null(err);
    /* nothing half-loaded */
    assert_int_equal(set->nrules + set->nsinks + set->nsources + set->nsanitizers, before);
    /* the message names the file; strip it for comparison */
    assert_true(strncmp(err, path, strlen(path)) == 0);
    char *rest = xstrdup(err + strlen(path));
    free(err);
    free(path);
    rules_set_free(set);
    return rest;
}

static void expect_error(const char *text, const char *message)
{
    char *got = load_error(text);
    if (strcmp(got, message) != 0)
        fail_msg("expected \"%s\"\n     got \"%s\"", message, got);
    free(got);
}

static void malformed_files_are_rejected_with_their_location(void **state)
{
    (void)state;
    expect_error("", ": empty file (expected a JSON object with \"version\": 1)");
    expect_error("{\"version\": 1,\n  \"rules\": [ }", ":2:14: invalid JSON near '}'");
    expect_error("{\"version\": 1, \"rules\": [", ":1:26: invalid JSON near ''");
    expect_error("[]", ": $: expected an object");
    expect_error("{\"rules\": []}", ": $: missing required key 'version'");
    expect_error("{\"version\": 2}", ": $.version: expected a whole number from 1 to 1");
    expect_error("{\"version\": 1, \"sink\": []}",
                 ": $: unknown key 'sink' (allowed: version, description, rules, sinks, sources, sanitizers, "
                 "dangerous-values, propagators)");
    expect_error("{\"version\": 1, \"rules\": {}}", ": $.rules: expected an array");
    expect_error("{\"version\": 1, \"rules\": [{\"id\": \"x\"}]}", ": $.rules[0]: missing required key 'name'");
    expect_error("{\"version\": 1, \"rules\": [{\"id\": 5}]}", ": $.rules[0].id: expected a non-empty string");
    expect_error("{\"version\": 1, \"rules\": [{\"id\": \"x\", \"name\": \"X\", \"severity\": \"fatal\"}]}",
                 ": $.rules[0].severity: unknown value 'fatal' (expected one of: note, warning, error)");
}

static void duplicate_ids_name_the_first_file(void **state)
{
    (void)state;
    char *got = load_error("{\"version\": 1, \"rules\": [{\"id\": \"msr-read\", \"name\": \"X\", \"severity\": "
                           "\"error\", \"short\": \"s\", \"description\": \"d\", \"help\": \"h\"}]}");
    char *shipped = ts_source_path("rules/msr.json");
    char *want = xasprintf(": $.rules[0].id: duplicate rule id 'msr-read' (first defined in %s)", shipped);
    assert_string_equal(got, want);
    free(want);
    free(shipped);
    free(got);
}

static void sink_errors(void **state)
{
    (void)state;
    expect_error("{\"version\": 1, \"sinks\": [{\"function\": \"f\", \"rule\": \"nope\", \"args\": [{\"index\": 0, "
                 "\"role\": \"size\"}]}]}",
                 ": $.sinks[0].rule: unknown rule 'nope' (define it in a \"rules\" section loaded before or in this "
                 "file)");
    expect_error("{\"version\": 1, \"sinks\": [{\"function\": \"f\", \"rule\": \"msr-read\", \"args\": [{\"index\": 0, "
                 "\"role\": \"msr\"}]}]}",
                 ": $.sinks[0].args[0].role: unknown value 'msr' (expected one of: msr-index, port, "
                 "physical-address, virtual-address, size, source, destination, value, offset, register-index, "
                 "access-mode, object-name)");
    expect_error("{\"version\": 1, \"sinks\": [{\"function\": \"f\", \"rule\": \"msr-read\", \"args\": [{\"index\": 99, "
                 "\"role\": \"size\"}]}]}",
                 ": $.sinks[0].args[0].index: expected a whole number from 0 to 31");
    expect_error("{\"version\": 1, \"sinks\": [{\"function\": \"f\", \"rule\": \"msr-read\", \"args\": []}]}",
                 ": $.sinks[0].args: a sink needs at least one argument");
    expect_error("{\"version\": 1, \"sinks\": [{\"function\": \"__readmsr\", \"rule\": \"msr-read\", \"args\": "
                 "[{\"index\": 0, \"role\": \"msr-index\"}]}]}",
                 ": $.sinks[0].function: sink '__readmsr' is defined twice");
    expect_error("{\"version\": 1, \"sinks\": [{\"function\": \"f\", \"rule\": \"msr-read\", \"args\": [{\"index\": 0, "
                 "\"role\": \"size\", \"check\": \"yes\"}]}]}",
                 ": $.sinks[0].args[0].check: expected true or false");
}

static void source_and_sanitizer_errors(void **state)
{
    (void)state;
    expect_error("{\"version\": 1, \"sources\": [{\"member\": \"IRP\", \"taint\": \"value\"}]}",
                 ": $.sources[0].member: expected RECORD.FIELD[.FIELD...], got 'IRP'");
    expect_error("{\"version\": 1, \"sources\": [{\"member\": \"A.b\", \"function\": \"f\", \"taint\": \"value\"}]}",
                 ": $.sources[0]: a source has exactly one of 'member' or 'function'");
    expect_error("{\"version\": 1, \"sources\": [{\"function\": \"f\", \"taint\": \"value\"}]}",
                 ": $.sources[0]: missing required key 'arg'");
    expect_error("{\"version\": 1, \"sources\": [{\"member\": \"A.b\", \"taint\": \"tainted\"}]}",
                 ": $.sources[0].taint: unknown value 'tainted' (expected one of: value, contents)");
    expect_error("{\"version\": 1, \"sanitizers\": [{\"function\": \"f\", \"arg\": 0, \"kind\": \"probe\"}]}",
                 ": $.sanitizers[0].kind: unknown value 'probe' (expected one of: user-pointer, bound)");
    expect_error("{\"version\": 1, \"dangerous-values\": [{\"rule\": \"msr-write\", \"role\": \"msr-index\", \"lo\": "
                 "\"0x10\", \"hi\": \"0x1\", \"name\": \"n\"}]}",
                 ": $.dangerous-values[0]: 'lo' is greater than 'hi'");
    expect_error("{\"version\": 1, \"dangerous-values\": [{\"rule\": \"msr-write\", \"role\": \"msr-index\", \"lo\": "
                 "\"zz\", \"hi\": 1, \"name\": \"n\"}]}",
                 ": $.dangerous-values[0].lo: expected a number or a string such as \"0xC0000082\"");
}

static void user_rules_extend_the_defaults(void **state)
{
    (void)state;
    rules_set *set = load_shipped();
    char *text = xasprintf("{\"version\": 1, \"rules\": [%s], \"sinks\": [{\"function\": \"VendorPoke\", "
                           "\"rule\": \"r1\", \"args\": [{\"index\": 1, \"role\": \"virtual-address\"}]}], "
                           "\"sanitizers\": [{\"function\": \"IsAllowedMsr\", \"arg\": 0, \"kind\": \"bound\"}]}",
                           valid_rule);
    char *path = ts_write_temp("user.json", text);
    char *err = NULL;
    assert_int_equal(rules_load_path(set, path, &err), 0);
    const rules_sink *k = rules_find_sink(set, "VendorPoke");
    assert_non_null(k);
    assert_string_equal(k->rule, "r1");
    assert_true(k->args[0].check);
    assert_int_equal(set->sanitizers[set->nsanitizers - 1].when, RULES_WHEN_NONZERO);
    assert_non_null(rules_find_sink(set, "__readmsr"));
    free(path);
    free(text);
    rules_set_free(set);
}

static void a_bad_file_in_a_directory_loads_nothing_from_it(void **state)
{
    (void)state;
    char *good = ts_write_temp("a.json", "{\"version\": 1, \"sanitizers\": [{\"function\": \"G\", \"arg\": 0, "
                                         "\"kind\": \"user-pointer\"}]}");
    char *dir = xstrndup(good, strrchr(good, '/') - good);
    char *bad = xasprintf("%s/b.json", dir);
    FILE *f = fopen(bad, "w");
    fputs("{\"version\": 1, \"bogus\": 1}", f);
    fclose(f);
    rules_set *set = rules_set_new();
    char *err = NULL;
    assert_int_equal(rules_load_path(set, dir, &err), -1);
    assert_non_null(strstr(err, "b.json: $: unknown key 'bogus'"));
    assert_int_equal(set->nsanitizers, 0); /* a.json's sanitizer was rolled back */
    assert_int_equal(set->nfiles, 0);
    free(err);
    assert_int_equal(rules_load_path(set, "/nonexistent/rules", &err), -1);
    assert_string_equal(err, "/nonexistent/rules: cannot open rules: No such file or directory");
    free(err);
    rules_set_free(set);
    free(bad);
    free(dir);
    free(good);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_rules_cover_the_guidance),
        cmocka_unit_test(malformed_files_are_rejected_with_their_location),
        cmocka_unit_test(duplicate_ids_name_the_first_file),
        cmocka_unit_test(sink_errors),
        cmocka_unit_test(source_and_sanitizer_errors),
        cmocka_unit_test(user_rules_extend_the_defaults),
        cmocka_unit_test(a_bad_file_in_a_directory_loads_nothing_from_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
