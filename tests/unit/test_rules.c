/* test_rules.c - the rules loader: the shipped rules load and cover the guidance; every kind
 * of malformed file is rejected with a message naming the file, the JSON location and the
 * problem, and leaves what was loaded before exactly as it was; user rules add to the
 * defaults; arrays come out sorted; member sources match the names the front end gives. */
#include "test_support.h"

#include <sys/stat.h>
#include <unistd.h>

#include "drvtaint/rules.h"
#include "drvtaint/util.h"

static rules_set *load_shipped(void)
{
    rules_set *set = rules_set_new();
    char *dir = ts_source_path("rules");
    char *err = NULL;
    int rc = rules_load_path(set, dir, &err);
    if (rc != 0)
        fail_msg("%s", err);
    assert_null(err);
    free(dir);
    return set;
}

/* Everything a set holds, as text: two sets with the same snapshot are the same. */
static char *snapshot(const rules_set *s)
{
    strbuf sb = {0};
    for (size_t i = 0; i < s->nrules; i++) {
        const rules_rule *r = &s->rules[i];
        sb_printf(&sb, "rule %s %s %d %g %s %s|%s|%s|%s|%s|%s|%s|%s", r->id, r->name, (int)r->severity,
                  r->security_severity, r->precision, r->short_description, r->description, r->help,
                  r->unsafe_example ? r->unsafe_example : "-", r->constrained_example ? r->constrained_example : "-",
                  r->message ? r->message : "-", r->file, "");
        for (size_t c = 0; c < r->ncwe; c++)
            sb_printf(&sb, " cwe%d", r->cwe[c]);
        for (size_t t = 0; t < r->ntags; t++)
            sb_printf(&sb, " tag:%s", r->tags[t]);
        sb_putc(&sb, '\n');
    }
    for (size_t i = 0; i < s->nsinks; i++) {
        const rules_sink *k = &s->sinks[i];
        sb_printf(&sb, "sink %s %s %s", k->function, k->rule, k->file);
        for (size_t a = 0; a < k->nargs; a++)
            sb_printf(&sb, " [%u %s %s %d %d]", k->args[a].index, rules_role_name(k->args[a].role),
                      k->args[a].rule ? k->args[a].rule : "-", k->args[a].check, k->args[a].pointee);
        sb_putc(&sb, '\n');
    }
    for (size_t i = 0; i < s->nsources; i++) {
        const rules_source *r = &s->sources[i];
        sb_printf(&sb, "source %s %s %d %d\n", r->member ? r->member : "-", r->function ? r->function : "-", r->arg,
                  (int)r->taint);
    }
    for (size_t i = 0; i < s->nsanitizers; i++)
        sb_printf(&sb, "sanitizer %s %d %d %d\n", s->sanitizers[i].function, s->sanitizers[i].arg,
                  (int)s->sanitizers[i].kind, (int)s->sanitizers[i].when);
    for (size_t i = 0; i < s->ndangerous; i++)
        sb_printf(&sb, "dangerous %s %d %llx %llx %s\n", s->dangerous[i].rule, (int)s->dangerous[i].role,
                  (unsigned long long)s->dangerous[i].lo, (unsigned long long)s->dangerous[i].hi, s->dangerous[i].name);
    for (size_t i = 0; i < s->npropagators; i++)
        sb_printf(&sb, "propagator %s %d %d\n", s->propagators[i].function, s->propagators[i].from,
                  s->propagators[i].to);
    for (size_t i = 0; i < s->nfiles; i++)
        sb_printf(&sb, "file %s\n", s->files[i]);
    return sb_take(&sb);
}

static bool parse_role(const char *name, rules_role *out)
{
    for (int r = 0; r < RULES_ROLE_COUNT; r++) {
        if (strcmp(rules_role_name((rules_role)r), name) == 0) {
            *out = (rules_role)r;
            return true;
        }
    }
    return false;
}

/* Each line: "FUNCTION RULE | INDEX ROLE [RULE] [checked|unchecked] [pointee] | ...": the sink's
 * arguments exactly (every one, in index order), with the check each must have. */
static const char *const guidance_sinks[] = {
    "__readmsr msr-read | 0 msr-index checked",
    "__writemsr msr-write | 0 msr-index checked | 1 value unchecked",
    "__inbyte port-read | 0 port checked",
    "__inword port-read | 0 port checked",
    "__indword port-read | 0 port checked",
    "__outbyte port-write | 0 port checked | 1 value unchecked",
    "__outword port-write | 0 port checked | 1 value unchecked",
    "__outdword port-write | 0 port checked | 1 value unchecked",
    "__inbytestring port-read | 0 port checked | 1 destination unchecked | 2 size checked",
    "__inwordstring port-read | 0 port checked | 1 destination unchecked | 2 size checked",
    "__indwordstring port-read | 0 port checked | 1 destination unchecked | 2 size checked",
    "__outbytestring port-write | 0 port checked | 1 source unchecked | 2 size checked",
    "__outwordstring port-write | 0 port checked | 1 source unchecked | 2 size checked",
    "__outdwordstring port-write | 0 port checked | 1 source unchecked | 2 size checked",
    "READ_PORT_UCHAR port-read | 0 port checked",
    "READ_PORT_USHORT port-read | 0 port checked",
    "READ_PORT_ULONG port-read | 0 port checked",
    "READ_PORT_BUFFER_UCHAR port-read | 0 port checked | 1 destination unchecked | 2 size checked",
    "READ_PORT_BUFFER_USHORT port-read | 0 port checked | 1 destination unchecked | 2 size checked",
    "READ_PORT_BUFFER_ULONG port-read | 0 port checked | 1 destination unchecked | 2 size checked",
    "WRITE_PORT_UCHAR port-write | 0 port checked | 1 value unchecked",
    "WRITE_PORT_USHORT port-write | 0 port checked | 1 value unchecked",
    "WRITE_PORT_ULONG port-write | 0 port checked | 1 value unchecked",
    "WRITE_PORT_BUFFER_UCHAR port-write | 0 port checked | 1 source unchecked | 2 size checked",
    "WRITE_PORT_BUFFER_USHORT port-write | 0 port checked | 1 source unchecked | 2 size checked",
    "WRITE_PORT_BUFFER_ULONG port-write | 0 port checked | 1 source unchecked | 2 size checked",
    "READ_REGISTER_UCHAR register-read | 0 virtual-address checked",
    "READ_REGISTER_USHORT register-read | 0 virtual-address checked",
    "READ_REGISTER_ULONG register-read | 0 virtual-address checked",
    "READ_REGISTER_ULONG64 register-read | 0 virtual-address checked",
    "READ_REGISTER_BUFFER_UCHAR register-read | 0 virtual-address checked | 1 destination unchecked | 2 size checked",
    "READ_REGISTER_BUFFER_USHORT register-read | 0 virtual-address checked | 1 destination unchecked | 2 size checked",
    "READ_REGISTER_BUFFER_ULONG register-read | 0 virtual-address checked | 1 destination unchecked | 2 size checked",
    "READ_REGISTER_BUFFER_ULONG64 register-read | 0 virtual-address checked | 1 destination unchecked | 2 size "
    "checked",
    "WRITE_REGISTER_UCHAR register-write | 0 virtual-address checked | 1 value unchecked",
    "WRITE_REGISTER_USHORT register-write | 0 virtual-address checked | 1 value unchecked",
    "WRITE_REGISTER_ULONG register-write | 0 virtual-address checked | 1 value unchecked",
    "WRITE_REGISTER_ULONG64 register-write | 0 virtual-address checked | 1 value unchecked",
    "WRITE_REGISTER_BUFFER_UCHAR register-write | 0 virtual-address checked | 1 source unchecked | 2 size checked",
    "WRITE_REGISTER_BUFFER_USHORT register-write | 0 virtual-address checked | 1 source unchecked | 2 size checked",
    "WRITE_REGISTER_BUFFER_ULONG register-write | 0 virtual-address checked | 1 source unchecked | 2 size checked",
    "WRITE_REGISTER_BUFFER_ULONG64 register-write | 0 virtual-address checked | 1 source unchecked | 2 size "
    "checked",
    "memcpy copy-size | 0 destination copy-pointer checked | 1 source copy-pointer checked | 2 size checked",
    "memmove copy-size | 0 destination copy-pointer checked | 1 source copy-pointer checked | 2 size checked",
    "RtlCopyMemory copy-size | 0 destination copy-pointer checked | 1 source copy-pointer checked | 2 size checked",
    "RtlMoveMemory copy-size | 0 destination copy-pointer checked | 1 source copy-pointer checked | 2 size checked",
    "RtlCopyBytes copy-size | 0 destination copy-pointer checked | 1 source copy-pointer checked | 2 size checked",
    "ZwOpenSection section-map | 2 object-name unchecked",
    "ZwMapViewOfSection section-map | 2 virtual-address unchecked pointee | 5 physical-address checked pointee | 6 "
    "size checked pointee",
    "MmMapIoSpace physmem-map | 0 physical-address checked | 1 size checked",
    "MmMapIoSpaceEx physmem-map | 0 physical-address checked | 1 size checked",
    "IoAllocateMdl mdl-map | 0 virtual-address checked | 1 size checked",
    "MmMapLockedPagesSpecifyCache mdl-map | 0 virtual-address checked | 1 access-mode unchecked",
    "MmMapLockedPages mdl-map | 0 virtual-address checked | 1 access-mode unchecked",
    "MmCopyMemory mmcopy-memory | 0 destination unchecked | 1 physical-address checked | 2 size copy-size checked",
    "MmCopyVirtualMemory virtual-memory-copy | 1 source checked | 3 destination checked | 4 size copy-size checked | 5 access-mode unchecked",
    "ZwReadVirtualMemory virtual-memory-copy | 1 source checked | 2 destination checked | 3 size copy-size checked",
    "ZwWriteVirtualMemory virtual-memory-copy | 1 destination checked | 2 source checked | 3 size copy-size checked",
    "MmGetPhysicalAddress physaddr-query | 0 virtual-address checked",
    "HalGetBusDataByOffset pci-config | 4 offset checked | 5 size checked",
    "HalSetBusDataByOffset pci-config | 4 offset checked | 5 size checked",
    "__writecr0 control-register | 0 value checked",
    "__writecr3 control-register | 0 value checked",
    "__writecr4 control-register | 0 value checked",
    "__writecr8 control-register | 0 value checked",
    "__readdr control-register | 0 register-index checked",
    "__writedr control-register | 0 register-index checked | 1 value checked",
};

static void check_sink_line(const rules_set *set, const char *line)
{
    char *copy = xstrdup(line);
    char *save = NULL;
    char *head = strtok_r(copy, "|", &save);
    char fn[64], rule[64];
    assert_int_equal(sscanf(head, "%63s %63s", fn, rule), 2);
    const rules_sink *k = rules_find_sink(set, fn);
    if (!k)
        fail_msg("no sink for %s", fn);
    if (strcmp(k->rule, rule) != 0)
        fail_msg("%s: rule %s, want %s", fn, k->rule, rule);
    assert_non_null(rules_find_rule(set, k->rule));
    size_t n = 0;
    for (char *part = strtok_r(NULL, "|", &save); part; part = strtok_r(NULL, "|", &save), n++) {
        if (n >= k->nargs)
            fail_msg("%s: has %zu arguments, want more", fn, k->nargs);
        const rules_sink_arg *a = &k->args[n];
        char *save2 = NULL;
        unsigned index = (unsigned)atoi(strtok_r(part, " ", &save2));
        rules_role role = RULES_ROLE_COUNT;
        const char *role_name = strtok_r(NULL, " ", &save2);
        assert_true(parse_role(role_name, &role));
        const char *arg_rule = NULL;
        bool checked = false, pointee = false;
        for (char *w = strtok_r(NULL, " ", &save2); w; w = strtok_r(NULL, " ", &save2)) {
            if (strcmp(w, "checked") == 0)
                checked = true;
            else if (strcmp(w, "pointee") == 0)
                pointee = true;
            else if (strcmp(w, "unchecked") != 0)
                arg_rule = w;
        }
        if (a->index != index || a->role != role || a->check != checked || a->pointee != pointee)
            fail_msg("%s: argument %zu is #%u %s check=%d pointee=%d, want #%u %s check=%d pointee=%d", fn, n, a->index,
                     rules_role_name(a->role), a->check, a->pointee, index, role_name, checked, pointee);
        if (!arg_rule != !a->rule || (arg_rule && strcmp(arg_rule, a->rule) != 0))
            fail_msg("%s: argument #%u rule %s, want %s", fn, index, a->rule ? a->rule : "(sink's)",
                     arg_rule ? arg_rule : "(sink's)");
        if (a->rule)
            assert_non_null(rules_find_rule(set, a->rule));
    }
    if (n != k->nargs)
        fail_msg("%s: has %zu arguments, want %zu", fn, k->nargs, n);
    free(copy);
}

static void shipped_sinks_cover_the_guidance(void **state)
{
    (void)state;
    rules_set *set = load_shipped();
    for (size_t i = 0; i < sizeof guidance_sinks / sizeof guidance_sinks[0]; i++)
        check_sink_line(set, guidance_sinks[i]);
    /* the conventional rule ids, each with the texts its docs and SARIF need */
    static const char *const ids[] = {"msr-read",       "msr-write",     "port-read",      "port-write",
                                      "register-read",  "register-write", "copy-pointer",  "copy-size",
                                      "physmem-map",    "section-map",   "mdl-map",        "mmcopy-memory",
                                      "physaddr-query", "pci-config",    "control-register", "virtual-memory-copy", "double-fetch"};
    assert_int_equal(set->nrules, sizeof ids / sizeof ids[0]);
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (!rules_find_rule(set, ids[i]))
            fail_msg("no rule %s", ids[i]);
    for (size_t i = 0; i < set->nrules; i++) {
        const rules_rule *r = &set->rules[i];
        assert_non_null(r->unsafe_example);
        assert_non_null(r->constrained_example);
        assert_non_null(r->message);
        assert_non_null(strstr(r->message, "{sink}"));
        assert_true(r->ncwe > 0);
        assert_true(r->security_severity > 0 && r->security_severity <= 10);
        bool security = false;
        for (size_t t = 0; t < r->ntags; t++)
            security |= strcmp(r->tags[t], "security") == 0;
        assert_true(security);
        /* every rule is reported by at least one sink */
        bool used = false;
        for (size_t k = 0; k < set->nsinks; k++) {
            used |= strcmp(set->sinks[k].rule, r->id) == 0;
            for (size_t a = 0; a < set->sinks[k].nargs; a++)
                used |= set->sinks[k].args[a].rule && strcmp(set->sinks[k].args[a].rule, r->id) == 0;
        }
        /* double-fetch is reported by its checker on the checked arguments of every sink */
        if (!used && strcmp(r->id, "double-fetch") != 0)
            fail_msg("rule %s has no sink", r->id);
    }
    rules_set_free(set);
}

static bool has_function_source(const rules_set *set, const char *fn, int arg, rules_taint taint)
{
    for (size_t i = 0; i < set->nsources; i++)
        if (set->sources[i].function && strcmp(set->sources[i].function, fn) == 0 && set->sources[i].arg == arg &&
            set->sources[i].taint == taint)
            return true;
    return false;
}

static bool has_dangerous(const rules_set *set, const char *rule, rules_role role, uint64_t lo, uint64_t hi)
{
    for (size_t i = 0; i < set->ndangerous; i++) {
        const rules_dangerous *d = &set->dangerous[i];
        if (strcmp(d->rule, rule) == 0 && d->role == role && d->lo == lo && d->hi == hi)
            return true;
    }
    return false;
}

static void shipped_sources_sanitizers_and_dangerous_values(void **state)
{
    (void)state;
    rules_set *set = load_shipped();
    static const struct {
        const char *record;
        const char *fields[4];
        size_t n;
        rules_taint taint;
    } members[] = {
        {"_IRP", {"AssociatedIrp", "SystemBuffer"}, 2, RULES_TAINT_CONTENTS},
        {"_IRP", {"UserBuffer"}, 1, RULES_TAINT_VALUE},
        {"_IO_STACK_LOCATION", {"Parameters", "DeviceIoControl", "Type3InputBuffer"}, 3, RULES_TAINT_VALUE},
        {"_IO_STACK_LOCATION", {"Parameters", "DeviceIoControl", "InputBufferLength"}, 3, RULES_TAINT_VALUE},
        {"_IO_STACK_LOCATION", {"Parameters", "DeviceIoControl", "OutputBufferLength"}, 3, RULES_TAINT_VALUE},
        {"_IO_STACK_LOCATION", {"Parameters", "DeviceIoControl", "IoControlCode"}, 3, RULES_TAINT_VALUE},
        {"_WDF_REQUEST_PARAMETERS", {"Parameters", "DeviceIoControl", "InputBufferLength"}, 3, RULES_TAINT_VALUE},
    };
    for (size_t i = 0; i < sizeof members / sizeof members[0]; i++) {
        const rules_source *src = rules_match_member(set, members[i].record, members[i].fields, members[i].n);
        if (!src)
            fail_msg("no source %s.%s", members[i].record, members[i].fields[members[i].n - 1]);
        assert_int_equal(src->taint, members[i].taint);
    }
    static const struct {
        const char *fn;
        int arg;
        rules_taint taint;
    } fns[] = {
        {"WdfRequestRetrieveInputBuffer", 2, RULES_TAINT_CONTENTS},
        {"WdfRequestRetrieveInputBuffer", 3, RULES_TAINT_VALUE},
        {"WdfRequestRetrieveOutputBuffer", 2, RULES_TAINT_CONTENTS},
        {"WdfRequestRetrieveInputMemory", 1, RULES_TAINT_CONTENTS},
        {"WdfRequestRetrieveUnsafeUserInputBuffer", 2, RULES_TAINT_VALUE},
        {"WdfRequestRetrieveUnsafeUserOutputBuffer", 2, RULES_TAINT_VALUE},
        {"WdfRequestRetrieveInputWdmMdl", 1, RULES_TAINT_CONTENTS},
        {"MmGetSystemAddressForMdlSafe", -1, RULES_TAINT_CONTENTS},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        if (!has_function_source(set, fns[i].fn, fns[i].arg, fns[i].taint))
            fail_msg("no source %s() argument %d", fns[i].fn, fns[i].arg);
    /* a memory object's buffer is user bytes only when the object came from the request */
    bool buffer_keeps_kind = false, size_is_value = false;
    for (size_t i = 0; i < set->npropagators; i++) {
        const rules_propagator *pr = &set->propagators[i];
        if (strcmp(pr->function, "WdfMemoryGetBuffer") != 0 || pr->from != 0)
            continue;
        buffer_keeps_kind |= pr->to == -1 && pr->same_kind;
        size_is_value |= pr->to == 1 && !pr->same_kind;
    }
    assert_true(buffer_keeps_kind && size_is_value);
    assert_false(has_function_source(set, "WdfMemoryGetBuffer", -1, RULES_TAINT_CONTENTS));
    static const struct {
        const char *fn;
        int arg;
    } probes[] = {{"ProbeForRead", 0},
                  {"ProbeForWrite", 0},
                  {"WdfRequestProbeAndLockUserBufferForRead", 1},
                  {"WdfRequestProbeAndLockUserBufferForWrite", 1}};
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        bool found = false;
        for (size_t k = 0; k < set->nsanitizers; k++)
            found |= strcmp(set->sanitizers[k].function, probes[i].fn) == 0 && set->sanitizers[k].arg == probes[i].arg &&
                     set->sanitizers[k].kind == RULES_SANITIZER_USER_POINTER &&
                     set->sanitizers[k].when == RULES_WHEN_ALWAYS;
        if (!found)
            fail_msg("no user-pointer sanitizer %s() argument %d", probes[i].fn, probes[i].arg);
    }
    assert_true(has_dangerous(set, "msr-write", RULES_ROLE_MSR_INDEX, 0x174, 0x176));
    assert_true(has_dangerous(set, "msr-write", RULES_ROLE_MSR_INDEX, 0xC0000080, 0xC0000080));
    assert_true(has_dangerous(set, "msr-write", RULES_ROLE_MSR_INDEX, 0xC0000081, 0xC0000084));
    assert_true(has_dangerous(set, "msr-read", RULES_ROLE_MSR_INDEX, 0xC0000082, 0xC0000082));
    assert_true(has_dangerous(set, "port-write", RULES_ROLE_PORT, 0xCF9, 0xCF9));
    assert_true(has_dangerous(set, "port-write", RULES_ROLE_PORT, 0xCF8, 0xCFF));
    assert_true(has_dangerous(set, "physmem-map", RULES_ROLE_PHYSICAL_ADDRESS, 0, UINT64_MAX));
    assert_true(has_dangerous(set, "section-map", RULES_ROLE_PHYSICAL_ADDRESS, 0, UINT64_MAX));
    /* a witness is the first listed value the argument may take: reset before PCI config */
    size_t cf9 = SIZE_MAX, cf8 = SIZE_MAX;
    for (size_t i = 0; i < set->ndangerous; i++) {
        if (strcmp(set->dangerous[i].rule, "port-write") == 0 && set->dangerous[i].lo == 0xCF9)
            cf9 = i;
        if (strcmp(set->dangerous[i].rule, "port-write") == 0 && set->dangerous[i].lo == 0xCF8)
            cf8 = i;
    }
    assert_true(cf9 < cf8);
    rules_set_free(set);
}

static void shipped_arrays_are_sorted(void **state)
{
    (void)state;
    rules_set *set = load_shipped();
    for (size_t i = 1; i < set->nrules; i++)
        assert_true(strcmp(set->rules[i - 1].id, set->rules[i].id) < 0);
    for (size_t i = 1; i < set->nsinks; i++)
        assert_true(strcmp(set->sinks[i - 1].function, set->sinks[i].function) < 0);
    for (size_t i = 0; i < set->nsinks; i++)
        for (size_t a = 1; a < set->sinks[i].nargs; a++)
            assert_true(set->sinks[i].args[a - 1].index < set->sinks[i].args[a].index);
    bool seen_function = false;
    for (size_t i = 0; i < set->nsources; i++) {
        const rules_source *s = &set->sources[i];
        if (s->member) {
            assert_false(seen_function); /* member sources first */
            if (i > 0)
                assert_true(strcmp(set->sources[i - 1].member, s->member) < 0);
        } else {
            if (seen_function) {
                int c = strcmp(set->sources[i - 1].function, s->function);
                assert_true(c < 0 || (c == 0 && set->sources[i - 1].arg < s->arg));
            }
            seen_function = true;
        }
    }
    for (size_t i = 1; i < set->nsanitizers; i++)
        assert_true(strcmp(set->sanitizers[i - 1].function, set->sanitizers[i].function) <= 0);
    /* the files in load order: sorted names */
    assert_int_equal(set->nfiles, 7);
    for (size_t i = 1; i < set->nfiles; i++)
        assert_true(strcmp(set->files[i - 1], set->files[i]) < 0);
    rules_set_free(set);
}

/* Loads text as a rules file into a set holding the shipped rules; checks that the call
 * failed and changed nothing; returns the message with the file name stripped. */
static char *load_error_at(const char *text, size_t len, const char *name, char **path_out)
{
    rules_set *set = load_shipped();
    char *before = snapshot(set);
    char *path = ts_write_temp(name, "");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(text, 1, len, f);
    fclose(f);
    char *err = NULL;
    assert_int_equal(rules_load_path(set, path, &err), -1);
    assert_non_null(err);
    char *after = snapshot(set);
    assert_string_equal(before, after);
    if (strncmp(err, path, strlen(path)) != 0)
        fail_msg("message does not start with the file name: %s", err);
    char *rest = xstrdup(err + strlen(path));
    free(err);
    unlink(path);
    if (path_out)
        *path_out = xstrdup(path);
    *strrchr(path, '/') = 0;
    rmdir(path);
    free(path);
    free(before);
    free(after);
    rules_set_free(set);
    return rest;
}

/* message may say %F for the file loaded (duplicates within one file name it twice) */
static void expect_error(const char *text, const char *message)
{
    char *path = NULL;
    char *got = load_error_at(text, strlen(text), "bad.json", &path);
    strbuf want = {0};
    for (const char *m = message; *m; m++) {
        if (m[0] == '%' && m[1] == 'F') {
            sb_append(&want, path);
            m++;
        } else {
            sb_putc(&want, *m);
        }
    }
    if (strcmp(got, want.buf) != 0)
        fail_msg("for %s\nexpected \"%s\"\n     got \"%s\"", text, want.buf, got);
    sb_free(&want);
    free(path);
    free(got);
}

#define RULE(extra)                                                                                                  \
    "{\"version\": 1, \"rules\": [{\"id\": \"r1\", \"name\": \"R1\", \"severity\": \"error\", \"short\": \"s\", "      \
    "\"description\": \"d\", \"help\": \"h\"" extra "}]}"
#define SINK(fn, rule, args) "{\"version\": 1, \"sinks\": [{\"function\": \"" fn "\", \"rule\": \"" rule "\", \"args\": " args "}]}"

static void file_level_errors(void **state)
{
    (void)state;
    expect_error("", ": empty file (expected a JSON object with \"version\": 1)");
    expect_error(" \n\t\n", ": empty file (expected a JSON object with \"version\": 1)");
    expect_error("{\"version\": 1,\n  \"rules\": [ }", ":2:14: invalid JSON near '}'");
    expect_error("{\"version\": 1, \"rules\": [", ":1:26: invalid JSON: unexpected end of file");
    expect_error("{\"version\": 1} x", ":1:16: invalid JSON near 'x'");
    expect_error("{\"description\": \"é\", \"version\": 1 1}", ":1:35: invalid JSON near '1}'");
    char nul[] = "{\"version\": 1}\0";
    char *got = load_error_at(nul, sizeof nul - 1, "nul.json", NULL);
    assert_string_equal(got, ": not a text file (contains a NUL byte)");
    free(got);
    expect_error("[]", ": $: expected an object");
    expect_error("3", ": $: expected an object");
    expect_error("{\"rules\": []}", ": $: missing required key 'version'");
    expect_error("{\"version\": 2}", ": $.version: unsupported version 2 (this drvtaint reads version 1)");
    expect_error("{\"version\": \"1\"}", ": $.version: expected a whole number from 0 to 1000000");
    expect_error("{\"version\": 1e300}", ": $.version: expected a whole number from 0 to 1000000");
    expect_error("{\"version\": 1, \"sink\": []}",
                 ": $: unknown key 'sink' (allowed: version, description, rules, sinks, sources, sanitizers, "
                 "dangerous-values, propagators)");
    expect_error("{\"version\": 1, \"description\": 5}", ": $.description: expected a string");
    expect_error("{\"version\": 1, \"rules\": {}}", ": $.rules: expected an array");
    expect_error("{\"version\": 1, \"sinks\": [3]}", ": $.sinks[0]: expected an object");
}

static void rule_errors(void **state)
{
    (void)state;
    expect_error("{\"version\": 1, \"rules\": [{\"id\": \"x\"}]}", ": $.rules[0]: missing required key 'name'");
    expect_error("{\"version\": 1, \"rules\": [{\"id\": 5}]}", ": $.rules[0].id: expected a non-empty string");
    expect_error("{\"version\": 1, \"rules\": [{\"id\": \"\"}]}", ": $.rules[0].id: expected a non-empty string");
    expect_error("{\"version\": 1, \"rules\": [{\"id\": \"Msr_Read\"}]}",
                 ": $.rules[0].id: invalid rule id 'Msr_Read' (use lowercase letters, digits and '-')");
    expect_error("{\"version\": 1, \"rules\": [{\"id\": \"x\", \"name\": \"X\", \"severity\": \"fatal\"}]}",
                 ": $.rules[0].severity: unknown severity 'fatal' (expected one of: note, warning, error)");
    expect_error(RULE(", \"precision\": \"certain\""),
                 ": $.rules[0].precision: unknown precision 'certain' (expected one of: high, medium, low)");
    expect_error(RULE(", \"security-severity\": 11"),
                 ": $.rules[0].security-severity: expected a number from 0.0 to 10.0");
    expect_error(RULE(", \"security-severity\": \"high\""),
                 ": $.rules[0].security-severity: expected a number from 0.0 to 10.0");
    expect_error(RULE(", \"cwe\": [782, \"CWE-20\"]"), ": $.rules[0].cwe[1]: expected a CWE number");
    expect_error(RULE(", \"cwe\": 782"), ": $.rules[0].cwe: expected an array");
    expect_error(RULE(", \"cwe\": [1e20]"), ": $.rules[0].cwe[0]: expected a CWE number");
    expect_error(RULE(", \"cwe\": [782.5]"), ": $.rules[0].cwe[0]: expected a CWE number");
    expect_error(RULE(", \"tags\": [\"security\", 1]"), ": $.rules[0].tags[1]: expected a non-empty string");
    expect_error(RULE(", \"code\": \"DT1\""), ": $.rules[0].code: expected a rule code from 1 to 9999");
    expect_error(RULE(", \"code\": 10000"), ": $.rules[0].code: expected a rule code from 1 to 9999");
    expect_error(RULE(", \"code\": 12.5"), ": $.rules[0].code: expected a rule code from 1 to 9999");
    expect_error(RULE(", \"example\": \"x\""),
                 ": $.rules[0]: unknown key 'example' (allowed: id, code, name, severity, cwe, precision, "
                 "security-severity, tags, short, message, description, help, unsafe, constrained)");
    expect_error(RULE(", \"message\": \"{sink} got {argument}\""),
                 ": $.rules[0].message: unknown placeholder '{argument}' (expected {sink}, {arg}, {index}, {role} or "
                 "{rule})");
    expect_error(RULE(", \"message\": \"{sink} {arg\""),
                 ": $.rules[0].message: unknown placeholder '{arg' (expected {sink}, {arg}, {index}, {role} or "
                 "{rule})");
    expect_error("{\"version\": 1, \"rules\": [{\"id\": \"a\", \"name\": \"A\", \"severity\": \"note\", \"short\": "
                 "\"s\", \"description\": \"d\", \"help\": \"h\"}, {\"id\": \"a\", \"name\": \"A\", \"severity\": "
                 "\"note\", \"short\": \"s\", \"description\": \"d\", \"help\": \"h\"}]}",
                 ": $.rules[1].id: duplicate rule id 'a' (first defined in %F)");
}

/* Duplicates in the same file name that file: compare with the path filled in. */
static void duplicates_name_the_first_file(void **state)
{
    (void)state;
    char *msr = ts_source_path("rules/msr.json");
    char *memory = ts_source_path("rules/memory.json");
    char *sources = ts_source_path("rules/sources.json");
    char *sanitizers = ts_source_path("rules/sanitizers.json");
    struct {
        const char *text;
        char *want;
    } cases[] = {
        {"{\"version\": 1, \"rules\": [{\"id\": \"msr-read\", \"name\": \"X\", \"severity\": \"error\", \"short\": "
         "\"s\", \"description\": \"d\", \"help\": \"h\"}]}",
         xasprintf(": $.rules[0].id: duplicate rule id 'msr-read' (first defined in %s)", msr)},
        {RULE(", \"code\": 1001"),
         xasprintf(": $.rules[0].code: duplicate rule code 1001 (already msr-read's, in %s)", msr)},
        {SINK("memcpy", "copy-size", "[{\"index\": 2, \"role\": \"size\"}]"),
         xasprintf(": $.sinks[0].function: sink 'memcpy' is defined twice (first in %s)", memory)},
        {"{\"version\": 1, \"sources\": [{\"member\": \"_IRP.UserBuffer\", \"taint\": \"contents\"}]}",
         xasprintf(": $.sources[0]: source '_IRP.UserBuffer' is defined twice (first in %s)", sources)},
        {"{\"version\": 1, \"sources\": [{\"function\": \"MmGetSystemAddressForMdlSafe\", \"arg\": -1, \"taint\": "
         "\"value\"}]}",
         xasprintf(": $.sources[0]: source MmGetSystemAddressForMdlSafe() argument -1 is defined twice (first in %s)", sources)},
        {"{\"version\": 1, \"sanitizers\": [{\"function\": \"ProbeForRead\", \"arg\": 0, \"kind\": \"bound\"}]}",
         xasprintf(": $.sanitizers[0]: sanitizer ProbeForRead() argument 0 is defined twice (first in %s)",
                   sanitizers)},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        expect_error(cases[i].text, cases[i].want);
        free(cases[i].want);
    }
    free(msr);
    free(memory);
    free(sources);
    free(sanitizers);
}

static void sink_errors(void **state)
{
    (void)state;
    expect_error(SINK("f", "nope", "[{\"index\": 0, \"role\": \"size\"}]"),
                 ": $.sinks[0].rule: unknown rule 'nope' (define it in a \"rules\" section loaded before or in this "
                 "file)");
    expect_error(SINK("f", "msr-read", "[{\"index\": 0, \"role\": \"msr\"}]"),
                 ": $.sinks[0].args[0].role: unknown role 'msr' (expected one of: msr-index, port, "
                 "physical-address, virtual-address, size, source, destination, value, offset, register-index, "
                 "access-mode, object-name)");
    expect_error(SINK("f", "msr-read", "[{\"index\": 99, \"role\": \"size\"}]"),
                 ": $.sinks[0].args[0].index: expected a whole number from 0 to 31");
    expect_error(SINK("f", "msr-read", "[{\"index\": -1, \"role\": \"size\"}]"),
                 ": $.sinks[0].args[0].index: expected a whole number from 0 to 31");
    expect_error(SINK("f", "msr-read", "[{\"index\": 1.5, \"role\": \"size\"}]"),
                 ": $.sinks[0].args[0].index: expected a whole number from 0 to 31");
    /* beyond the range of long: rejected without converting it (fuzzing found the UB) */
    expect_error(SINK("f", "msr-read", "[{\"index\": 3e107, \"role\": \"size\"}]"),
                 ": $.sinks[0].args[0].index: expected a whole number from 0 to 31");
    expect_error(SINK("f", "msr-read", "[{\"index\": -1e19, \"role\": \"size\"}]"),
                 ": $.sinks[0].args[0].index: expected a whole number from 0 to 31");
    expect_error(SINK("f", "msr-read", "[{\"role\": \"size\"}]"), ": $.sinks[0].args[0]: missing required key 'index'");
    expect_error(SINK("f", "msr-read", "[]"), ": $.sinks[0].args: a sink needs at least one argument");
    expect_error(SINK("f", "msr-read", "{}"), ": $.sinks[0].args: expected an array");
    expect_error(SINK("f", "msr-read", "[{\"index\": 0, \"role\": \"size\"}, {\"index\": 0, \"role\": \"port\"}]"),
                 ": $.sinks[0].args[1].index: argument 0 is listed twice");
    expect_error(SINK("f", "msr-read", "[{\"index\": 0, \"role\": \"size\", \"check\": \"yes\"}]"),
                 ": $.sinks[0].args[0].check: expected true or false");
    expect_error(SINK("f", "msr-read", "[{\"index\": 0, \"role\": \"size\", \"pointee\": 1}]"),
                 ": $.sinks[0].args[0].pointee: expected true or false");
    expect_error(SINK("f", "msr-read", "[{\"index\": 0, \"role\": \"size\", \"rule\": \"nope\"}]"),
                 ": $.sinks[0].args[0].rule: unknown rule 'nope'");
    expect_error(SINK("f", "msr-read", "[{\"index\": 0, \"role\": \"size\", \"bound\": true}]"),
                 ": $.sinks[0].args[0]: unknown key 'bound' (allowed: index, role, rule, check, pointee)");
    expect_error("{\"version\": 1, \"sinks\": [{\"function\": \"f\", \"args\": []}]}",
                 ": $.sinks[0]: missing required key 'rule'");
    expect_error("{\"version\": 1, \"sinks\": [{\"function\": \"f\", \"rule\": \"msr-read\", \"args\": [{\"index\": 0, "
                 "\"role\": \"port\"}]}, {\"function\": \"f\", \"rule\": \"msr-read\", \"args\": [{\"index\": 0, "
                 "\"role\": \"port\"}]}]}",
                 ": $.sinks[1].function: sink 'f' is defined twice (first in %F)");
}

static void source_sanitizer_and_value_errors(void **state)
{
    (void)state;
    expect_error("{\"version\": 1, \"sources\": [{\"member\": \"IRP\", \"taint\": \"value\"}]}",
                 ": $.sources[0].member: expected RECORD.FIELD[.FIELD...] of C identifiers, got 'IRP'");
    expect_error("{\"version\": 1, \"sources\": [{\"member\": \"IRP..UserBuffer\", \"taint\": \"value\"}]}",
                 ": $.sources[0].member: expected RECORD.FIELD[.FIELD...] of C identifiers, got 'IRP..UserBuffer'");
    expect_error("{\"version\": 1, \"sources\": [{\"member\": \"IRP->UserBuffer\", \"taint\": \"value\"}]}",
                 ": $.sources[0].member: expected RECORD.FIELD[.FIELD...] of C identifiers, got 'IRP->UserBuffer'");
    expect_error("{\"version\": 1, \"sources\": [{\"member\": \"A.b\", \"function\": \"f\", \"taint\": \"value\"}]}",
                 ": $.sources[0]: a source has exactly one of 'member' or 'function'");
    expect_error("{\"version\": 1, \"sources\": [{\"taint\": \"value\"}]}",
                 ": $.sources[0]: a source has exactly one of 'member' or 'function'");
    expect_error("{\"version\": 1, \"sources\": [{\"function\": \"f\", \"taint\": \"value\"}]}",
                 ": $.sources[0]: missing required key 'arg'");
    expect_error("{\"version\": 1, \"sources\": [{\"function\": \"f\", \"arg\": -2, \"taint\": \"value\"}]}",
                 ": $.sources[0].arg: expected a whole number from -1 to 31");
    expect_error("{\"version\": 1, \"sources\": [{\"member\": \"A.b\", \"arg\": 0, \"taint\": \"value\"}]}",
                 ": $.sources[0]: 'arg' goes with 'function', not with 'member'");
    expect_error("{\"version\": 1, \"sources\": [{\"member\": \"A.b\", \"taint\": \"tainted\"}]}",
                 ": $.sources[0].taint: unknown taint 'tainted' (expected one of: value, contents)");
    expect_error("{\"version\": 1, \"sanitizers\": [{\"function\": \"f\", \"arg\": 0, \"kind\": \"probe\"}]}",
                 ": $.sanitizers[0].kind: unknown sanitizer kind 'probe' (expected one of: user-pointer, bound)");
    expect_error("{\"version\": 1, \"sanitizers\": [{\"function\": \"f\", \"arg\": 0, \"kind\": \"bound\", "
                 "\"when\": \"true\"}]}",
                 ": $.sanitizers[0].when: unknown condition 'true' (expected one of: always, nonzero, nt-success)");
    expect_error("{\"version\": 1, \"sanitizers\": [{\"function\": \"f\", \"arg\": 0, \"kind\": \"user-pointer\", "
                 "\"when\": \"nonzero\"}]}",
                 ": $.sanitizers[0].when: a user-pointer sanitizer validates by being called; 'when' must be "
                 "\"always\" or absent");
    expect_error("{\"version\": 1, \"sanitizers\": [{\"function\": \"f\", \"arg\": -1, \"kind\": \"bound\"}]}",
                 ": $.sanitizers[0].arg: expected a whole number from 0 to 31");
    expect_error("{\"version\": 1, \"dangerous-values\": [{\"rule\": \"msr-write\", \"role\": \"msr-index\", \"lo\": "
                 "\"0x10\", \"hi\": \"0x1\", \"name\": \"n\"}]}",
                 ": $.dangerous-values[0]: 'lo' is greater than 'hi'");
    expect_error("{\"version\": 1, \"dangerous-values\": [{\"rule\": \"msr-write\", \"role\": \"msr-index\", \"lo\": "
                 "\"zz\", \"hi\": 1, \"name\": \"n\"}]}",
                 ": $.dangerous-values[0].lo: expected a whole number or a string such as \"0xC0000082\"");
    expect_error("{\"version\": 1, \"dangerous-values\": [{\"rule\": \"msr-write\", \"role\": \"msr-index\", \"lo\": "
                 "1, \"name\": \"n\"}]}",
                 ": $.dangerous-values[0]: missing required key 'hi'");
    expect_error("{\"version\": 1, \"dangerous-values\": [{\"rule\": \"nope\", \"role\": \"port\", \"lo\": 1, "
                 "\"hi\": 2, \"name\": \"n\"}]}",
                 ": $.dangerous-values[0].rule: unknown rule 'nope'");
    expect_error("{\"version\": 1, \"dangerous-values\": [{\"rule\": \"msr-read\", \"role\": \"msr-index\", "
                 "\"lo\": 1.5, \"hi\": 2, \"name\": \"n\"}]}",
                 ": $.dangerous-values[0].lo: expected a whole number or a string such as \"0xC0000082\"");
    expect_error("{\"version\": 1, \"propagators\": [{\"function\": \"f\", \"to\": -1}]}",
                 ": $.propagators[0]: missing required key 'from'");
    expect_error("{\"version\": 1, \"propagators\": [{\"function\": \"f\", \"from\": 0, \"to\": -1, "
                 "\"taint\": \"contents\"}]}",
                 ": $.propagators[0].taint: unknown propagator taint 'contents' (expected one of: value, same)");
}

static char *write_in(const char *dir, const char *name, const char *text)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static char *temp_dir(void)
{
    char *marker = ts_write_temp("marker", "");
    unlink(marker);
    *strrchr(marker, '/') = 0;
    return marker;
}

static void remove_dir(char *dir, char **files, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unlink(files[i]);
        free(files[i]);
    }
    rmdir(dir);
    free(dir);
}

static void a_bad_file_in_a_directory_loads_nothing_from_it(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char *files[2];
    files[0] = write_in(dir, "a.json", "{\"version\": 1, \"sanitizers\": [{\"function\": \"G\", \"arg\": 0, \"kind\": "
                                       "\"user-pointer\"}]}");
    files[1] = write_in(dir, "b.json", "{\"version\": 1, \"bogus\": 1}");
    rules_set *set = load_shipped();
    char *before = snapshot(set);
    char *err = NULL;
    assert_int_equal(rules_load_path(set, dir, &err), -1);
    char *want = xasprintf("%s/b.json: $: unknown key 'bogus' (allowed: version, description, rules, sinks, sources, "
                           "sanitizers, dangerous-values, propagators)",
                           dir);
    assert_string_equal(err, want);
    free(want);
    free(err);
    char *after = snapshot(set);
    assert_string_equal(before, after); /* a.json's sanitizer is not kept */
    free(after);
    free(before);
    rules_set_free(set);
    remove_dir(dir, files, 2);

    set = rules_set_new();
    assert_int_equal(rules_load_path(set, "/nonexistent/rules", &err), -1);
    assert_string_equal(err, "/nonexistent/rules: cannot open rules: No such file or directory");
    free(err);
    dir = temp_dir();
    assert_int_equal(rules_load_path(set, dir, &err), -1);
    want = xasprintf("%s: no *.json rules files in this directory", dir);
    assert_string_equal(err, want);
    free(want);
    free(err);
    assert_int_equal(set->nfiles, 0);
    rules_set_free(set);
    remove_dir(dir, NULL, 0);
}

static void duplicate_ids_across_two_user_files(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char *files[2];
    const char *rule = "{\"version\": 1, \"rules\": [{\"id\": \"vendor\", \"name\": \"V\", \"severity\": \"note\", "
                       "\"short\": \"s\", \"description\": \"d\", \"help\": \"h\"}]}";
    files[0] = write_in(dir, "one.json", rule);
    files[1] = write_in(dir, "two.json", rule);
    rules_set *set = load_shipped();
    char *err = NULL;
    assert_int_equal(rules_load_path(set, dir, &err), -1);
    char *want = xasprintf("%s: $.rules[0].id: duplicate rule id 'vendor' (first defined in %s)", files[1], files[0]);
    assert_string_equal(err, want);
    assert_null(rules_find_rule(set, "vendor"));
    free(want);
    free(err);
    /* the same two files loaded one call at a time: the second fails, the first stays */
    assert_int_equal(rules_load_path(set, files[0], &err), 0);
    assert_int_equal(rules_load_path(set, files[1], &err), -1);
    want = xasprintf("%s: $.rules[0].id: duplicate rule id 'vendor' (first defined in %s)", files[1], files[0]);
    assert_string_equal(err, want);
    assert_non_null(rules_find_rule(set, "vendor"));
    free(want);
    free(err);
    rules_set_free(set);
    remove_dir(dir, files, 2);
}

static void user_rules_extend_the_defaults(void **state)
{
    (void)state;
    rules_set *set = load_shipped();
    size_t nrules = set->nrules, nsinks = set->nsinks, nfiles = set->nfiles;
    char *dir = ts_source_path("tests/unit/rules-fixtures/vendor");
    char *err = NULL;
    if (rules_load_path(set, dir, &err) != 0)
        fail_msg("%s", err);
    assert_int_equal(set->nrules, nrules + 1);
    assert_int_equal(set->nsinks, nsinks + 2);
    assert_int_equal(set->nfiles, nfiles + 2);
    char *f10 = xasprintf("%s/10-rules.json", dir);
    assert_string_equal(set->files[nfiles], f10);
    free(f10);
    /* the defaults are still there */
    assert_non_null(rules_find_sink(set, "__readmsr"));
    const rules_rule *r = rules_find_rule(set, "vendor-poke");
    assert_non_null(r);
    assert_int_equal(r->severity, RULES_SEVERITY_ERROR);
    assert_string_equal(r->precision, "medium");
    /* args come out in index order, with the role's default check */
    const rules_sink *k = rules_find_sink(set, "VendorPoke");
    assert_non_null(k);
    assert_int_equal(k->nargs, 2);
    assert_int_equal(k->args[0].index, 0);
    assert_int_equal(k->args[0].role, RULES_ROLE_PHYSICAL_ADDRESS);
    assert_true(k->args[0].check);
    assert_int_equal(k->args[1].role, RULES_ROLE_VALUE);
    assert_false(k->args[1].check);
    /* a sink of a user file may report under a bundled rule; "check": true overrides the role */
    k = rules_find_sink(set, "VendorCopy");
    assert_non_null(k);
    assert_string_equal(k->args[0].rule, "copy-pointer");
    assert_true(k->args[0].check);
    assert_int_equal(k->args[2].role, RULES_ROLE_ACCESS_MODE);
    assert_true(k->args[2].check);
    /* the rules array stays sorted with the user's rule in place */
    for (size_t i = 1; i < set->nrules; i++)
        assert_true(strcmp(set->rules[i - 1].id, set->rules[i].id) < 0);
    const char *raw[] = {"Raw", "Address"};
    const rules_source *src = rules_match_member(set, "VENDOR_REQUEST::u", raw, 2);
    assert_non_null(src);
    assert_string_equal(src->member, "_VENDOR_REQUEST.u.Raw.Address");
    bool nt = false, probe = false;
    for (size_t i = 0; i < set->nsanitizers; i++) {
        const rules_sanitizer *s = &set->sanitizers[i];
        nt |= strcmp(s->function, "VendorIsSafeAddress") == 0 && s->kind == RULES_SANITIZER_BOUND &&
              s->when == RULES_WHEN_NT_SUCCESS;
        probe |= strcmp(s->function, "VendorProbe") == 0 && s->when == RULES_WHEN_ALWAYS;
    }
    assert_true(nt);
    assert_true(probe);
    /* user dangerous values come after the bundled ones */
    assert_string_equal(set->dangerous[set->ndangerous - 1].name, "low memory");
    assert_int_equal(set->dangerous[set->ndangerous - 1].hi, 0xFFFFF);
    /* loading the same directory again collides with itself */
    assert_int_equal(rules_load_path(set, dir, &err), -1);
    assert_non_null(strstr(err, "10-rules.json: $.rules[0].id: duplicate rule id 'vendor-poke'"));
    free(err);
    free(dir);
    rules_set_free(set);
}

static void references_follow_load_order(void **state)
{
    (void)state;
    rules_set *set = load_shipped();
    char *before = snapshot(set);
    char *dir = ts_source_path("tests/unit/rules-fixtures/wrong-order");
    char *err = NULL;
    assert_int_equal(rules_load_path(set, dir, &err), -1);
    char *want = xasprintf("%s/10-sinks.json: $.sinks[0].rule: unknown rule 'vendor-poke' (define it in a \"rules\" "
                           "section loaded before or in this file)",
                           dir);
    assert_string_equal(err, want);
    char *after = snapshot(set);
    assert_string_equal(before, after);
    /* the rules file on its own first, then the sinks file: fine */
    char *rules_file = xasprintf("%s/20-rules.json", dir);
    char *sinks_file = xasprintf("%s/10-sinks.json", dir);
    free(err);
    assert_int_equal(rules_load_path(set, rules_file, &err), 0);
    assert_int_equal(rules_load_path(set, sinks_file, &err), 0);
    assert_string_equal(rules_find_sink(set, "VendorPoke")->rule, "vendor-poke");
    free(rules_file);
    free(sinks_file);
    free(want);
    free(after);
    free(before);
    free(dir);
    rules_set_free(set);
}

static void a_byte_order_mark_is_accepted(void **state)
{
    (void)state;
    char *path = ts_write_temp("bom.json", "\xEF\xBB\xBF{\"version\": 1, \"sanitizers\": [{\"function\": \"G\", "
                                           "\"arg\": 0, \"kind\": \"bound\", \"when\": \"always\"}]}");
    rules_set *set = rules_set_new();
    char *err = NULL;
    assert_int_equal(rules_load_path(set, path, &err), 0);
    assert_int_equal(set->nsanitizers, 1);
    assert_int_equal(set->sanitizers[0].when, RULES_WHEN_ALWAYS);
    rules_set_free(set);
    char *bad = ts_write_temp("bom.json", "\xEF\xBB\xBF{\"version\": 1,,}");
    set = rules_set_new();
    assert_int_equal(rules_load_path(set, bad, &err), -1);
    char *want = xasprintf("%s:1:16: invalid JSON near '}'", bad); /* columns count from after the mark */
    assert_string_equal(err, want);
    free(want);
    free(err);
    rules_set_free(set);
    free(bad);
    free(path);
}

static void member_matching(void **state)
{
    (void)state;
    rules_set *set = load_shipped();
    const char *sb[] = {"AssociatedIrp", "SystemBuffer"};
    const char *sys[] = {"SystemBuffer"};
    const char *t3[] = {"Parameters", "DeviceIoControl", "Type3InputBuffer"};
    const char *ioctl_t3[] = {"DeviceIoControl", "Type3InputBuffer"};
    const char *just_t3[] = {"Type3InputBuffer"};
    const rules_source *want = rules_match_member(set, "_IRP", sb, 2);
    assert_non_null(want);
    assert_string_equal(want->member, "IRP.AssociatedIrp.SystemBuffer");
    assert_ptr_equal(rules_match_member(set, "IRP", sb, 2), want);
    assert_ptr_equal(rules_match_member(set, "struct _IRP", sb, 2), want);
    assert_ptr_equal(rules_match_member(set, "__IRP", sb, 2), want);
    assert_ptr_equal(rules_match_member(set, "_IRP::AssociatedIrp", sys, 1), want);
    const rules_source *t3src = rules_match_member(set, "_IO_STACK_LOCATION", t3, 3);
    assert_non_null(t3src);
    assert_ptr_equal(rules_match_member(set, "_IO_STACK_LOCATION::Parameters", ioctl_t3, 2), t3src);
    assert_ptr_equal(rules_match_member(set, "_IO_STACK_LOCATION::Parameters::DeviceIoControl", just_t3, 1), t3src);
    /* not a prefix, not a longer chain, not another record, not another spelling */
    assert_null(rules_match_member(set, "_IRP", sb, 1));
    assert_null(rules_match_member(set, "_IRP::AssociatedIrp", sb, 2));
    assert_null(rules_match_member(set, "_MDL", sb, 2));
    assert_null(rules_match_member(set, "irp", sb, 2));
    assert_null(rules_match_member(set, "_IRP::Tail", sys, 1));
    assert_null(rules_match_member(set, NULL, sb, 2));
    assert_null(rules_match_member(set, "_IO_STACK_LOCATION", t3, 2));
    rules_set_free(set);
}

static void messages_and_names(void **state)
{
    (void)state;
    rules_set *set = load_shipped();
    const rules_rule *r = rules_find_rule(set, "msr-write");
    char *m = rules_format_message(r, "__writemsr", "in->Msr", 0, RULES_ROLE_MSR_INDEX);
    assert_string_equal(m, "__writemsr: msr-index in->Msr comes from IOCTL input and is not bounded on every path, so "
                           "the caller writes any MSR");
    free(m);
    char *path = ts_write_temp("m.json", RULE(", \"message\": \"{rule}: {sink} #{index} {arg} ({role}) {x\""));
    char *err = NULL;
    /* an unknown placeholder is an error... */
    assert_int_equal(rules_load_path(set, path, &err), -1);
    free(err);
    free(path);
    path = ts_write_temp("m.json", RULE(", \"message\": \"{rule}: {sink} #{index} {arg} ({role}) }{\""));
    assert_int_equal(rules_load_path(set, path, &err), -1); /* ...so is a stray '{' */
    free(err);
    free(path);
    path = ts_write_temp("m.json", RULE(", \"message\": \"{rule}: {sink} #{index} {arg} ({role}) }\""));
    assert_int_equal(rules_load_path(set, path, &err), 0);
    r = rules_find_rule(set, "r1");
    m = rules_format_message(r, "Poke", "p", 3, RULES_ROLE_PORT);
    assert_string_equal(m, "r1: Poke #3 p (port) }");
    free(m);
    m = rules_format_message(r, "Poke", NULL, 3, RULES_ROLE_PORT);
    assert_string_equal(m, "r1: Poke #3 argument #3 (port) }");
    free(m);
    rules_rule plain = {.id = "x", .short_description = "a short text"};
    m = rules_format_message(&plain, "Poke", "p", 1, RULES_ROLE_SIZE);
    assert_string_equal(m, "Poke argument #1 (size): a short text");
    free(m);
    free(path);
    static const char *const roles[] = {"msr-index", "port",  "physical-address", "virtual-address",
                                        "size",      "source", "destination",      "value",
                                        "offset",    "register-index", "access-mode", "object-name"};
    assert_int_equal(sizeof roles / sizeof roles[0], RULES_ROLE_COUNT);
    for (int i = 0; i < RULES_ROLE_COUNT; i++)
        assert_string_equal(rules_role_name((rules_role)i), roles[i]);
    assert_string_equal(rules_role_name(RULES_ROLE_COUNT), "unknown");
    assert_string_equal(rules_severity_name(RULES_SEVERITY_NOTE), "note");
    assert_string_equal(rules_severity_name(RULES_SEVERITY_WARNING), "warning");
    assert_string_equal(rules_severity_name(RULES_SEVERITY_ERROR), "error");
    rules_set_free(set);
    rules_set_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_sinks_cover_the_guidance),
        cmocka_unit_test(shipped_sources_sanitizers_and_dangerous_values),
        cmocka_unit_test(shipped_arrays_are_sorted),
        cmocka_unit_test(file_level_errors),
        cmocka_unit_test(rule_errors),
        cmocka_unit_test(duplicates_name_the_first_file),
        cmocka_unit_test(sink_errors),
        cmocka_unit_test(source_sanitizer_and_value_errors),
        cmocka_unit_test(a_bad_file_in_a_directory_loads_nothing_from_it),
        cmocka_unit_test(duplicate_ids_across_two_user_files),
        cmocka_unit_test(user_rules_extend_the_defaults),
        cmocka_unit_test(references_follow_load_order),
        cmocka_unit_test(a_byte_order_mark_is_accepted),
        cmocka_unit_test(member_matching),
        cmocka_unit_test(messages_and_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
