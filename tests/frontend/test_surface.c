/* test_surface.c - surface_collect on real C: which tests are IOCTL codes, what each code's branch
 * calls, the length checks it sees, device objects, and deferred work as calls. */
#include "test_support.h"

#include <string.h>

#include "drvtaint/frontend.h"
#include "drvtaint/surface.h"

static surface parse_surface(const char *text)
{
    char *shim = ts_source_path("include/wdk");
    fe_options o = {.shim_dir = shim, .max_recovery_passes = 3};
    fe_parser *p = fe_parser_new(&o);
    char *path = ts_write_temp("surface.c", text);
    ast_tu *tu = fe_parse(p, path, NULL, 0, false);
    assert_int_equal(tu->health.errors, 0);
    surface s = {0};
    surface_collect(&s, tu);
    ast_tu_free(tu);
    fe_parser_free(p);
    free(path);
    free(shim);
    return s;
}

static const surface_ioctl *ioctl_named(const surface *s, const char *name)
{
    for (size_t i = 0; i < s->ioctls.len; i++)
        if (s->ioctls.items[i].name && strcmp(s->ioctls.items[i].name, name) == 0)
            return &s->ioctls.items[i];
    return NULL;
}

static bool calls(const surface_ioctl *io, const char *fn)
{
    for (size_t i = 0; i < io->ncalls; i++)
        if (strcmp(io->calls[i], fn) == 0)
            return true;
    return false;
}

static bool checks(const surface_ioctl *io, const char *text)
{
    for (size_t i = 0; i < io->nchecks; i++)
        if (strstr(io->checks[i], text))
            return true;
    return false;
}

static const char dispatch[] =
    "#include <ntddk.h>\n"
    "#define IOCTL_A CTL_CODE(0x8000, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)\n"
    "#define IOCTL_B CTL_CODE(0x8000, 0x801, METHOD_NEITHER, FILE_READ_ACCESS)\n"
    "#define IOCTL_C CTL_CODE(0x8000, 0x802, METHOD_BUFFERED, FILE_ANY_ACCESS)\n"
    "#define IA32_LSTAR 0xC0000082\n"
    "void DoA(void); void DoB(void); void DoC(void); void Reg(ULONG);\n"
    "VOID Worker(PVOID ctx) { UNREFERENCED_PARAMETER(ctx); Reg(1); }\n"
    "NTSTATUS Dispatch(PDEVICE_OBJECT dev, PIRP Irp) {\n"
    "  PIO_STACK_LOCATION st = IoGetCurrentIrpStackLocation(Irp);\n"
    "  ULONG code = st->Parameters.DeviceIoControl.IoControlCode;\n"
    "  ULONG msr = 0; WORK_QUEUE_ITEM item;\n"
    "  UNREFERENCED_PARAMETER(dev);\n"
    "  if (st->Parameters.DeviceIoControl.InputBufferLength < 8) return STATUS_BUFFER_TOO_SMALL;\n"
    "  switch (code) {\n"
    "  case IOCTL_A:\n"
    "  case IOCTL_B:\n"
    "    if (st->Parameters.DeviceIoControl.OutputBufferLength < 16) return STATUS_BUFFER_TOO_SMALL;\n"
    "    if (code == IOCTL_A) DoA(); else { DoB(); Reg((ULONG)(ULONG_PTR)st->Parameters.DeviceIoControl.Type3InputBuffer); }\n"
    "    break;\n"
    "  case IOCTL_FROM_A_MISSING_HEADER: DoC(); break;\n"
    "  case SOMETHING_MISSING: DoC(); break;\n"
    "  case FailurePredictionIoctl: DoC(); break;\n"
    "  default: break;\n"
    "  }\n"
    "  switch (msr) { case IA32_LSTAR: DoC(); break; }\n"
    "  if (code == IOCTL_C) { ExInitializeWorkItem(&item, Worker, NULL); }\n"
    "  return STATUS_SUCCESS;\n"
    "}\n";

static void codes_their_branches_and_checks(void **state)
{
    (void)state;
    surface s = parse_surface(dispatch);
    const surface_ioctl *a = ioctl_named(&s, "IOCTL_A"), *b = ioctl_named(&s, "IOCTL_B"), *c = ioctl_named(&s, "IOCTL_C");
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    /* a name no header declared: listed when it is named like an IOCTL, without a value */
    const surface_ioctl *missing = ioctl_named(&s, "IOCTL_FROM_A_MISSING_HEADER");
    assert_non_null(missing);
    assert_false(missing->code_known);
    assert_true(a->code_known);
    assert_null(ioctl_named(&s, "SOMETHING_MISSING"));
    assert_null(ioctl_named(&s, "FailurePredictionIoctl")); /* a method named with ioctl, not a code */
    /* the MSR switch is not an IOCTL test although its constant has a device-type half */
    for (size_t i = 0; i < s.ioctls.len; i++)
        assert_int_not_equal(s.ioctls.items[i].code, 0xC0000082u);
    assert_int_equal(a->code, 0x80002000u);
    assert_string_equal(a->at.function, "Dispatch");
    /* a shared branch: if (code == IOCTL_A) runs for A only, its else for B only */
    assert_true(calls(a, "DoA"));
    assert_false(calls(a, "DoB"));
    assert_true(calls(b, "DoB"));
    assert_false(calls(b, "DoA"));
    /* only B's branch reads the METHOD_NEITHER pointer */
    assert_true(b->raw_buffer);
    assert_false(a->raw_buffer);
    assert_false(c->raw_buffer);
    /* the test before the switch counts for every code, the one in the branch for its codes */
    assert_true(checks(a, "InputBufferLength"));
    assert_true(checks(a, "OutputBufferLength"));
    assert_true(checks(b, "OutputBufferLength"));
    assert_true(checks(c, "InputBufferLength"));
    assert_false(checks(c, "OutputBufferLength"));
    /* queued work is called from the branch that queues it, and is an entry point */
    assert_true(calls(c, "Worker"));
    bool deferred = false;
    for (size_t i = 0; i < s.entries.len; i++)
        deferred |= strcmp(s.entries.items[i].function, "Worker") == 0 &&
                    strcmp(s.entries.items[i].kind, "deferred (ExInitializeWorkItem)") == 0;
    assert_true(deferred);
    surface_free(&s);
}

static const char devices[] =
    "#include <ntddk.h>\n"
    "NTSTATUS DriverEntry(PDRIVER_OBJECT drv, PUNICODE_STRING reg) {\n"
    "  UNICODE_STRING name, link; PDEVICE_OBJECT d1, d2;\n"
    "  UNREFERENCED_PARAMETER(reg);\n"
    "  RtlInitUnicodeString(&name, L\"\\\\Device\\\\Foo\");\n"
    "  RtlInitUnicodeString(&link, L\"\\\\DosDevices\\\\Foo\");\n"
    "  IoCreateDevice(drv, 0, &name, FILE_DEVICE_UNKNOWN, 0x100, TRUE, &d1);\n"
    "  IoCreateDevice(drv, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &d2);\n"
    "  return IoCreateSymbolicLink(&link, &name);\n"
    "}\n";

static void devices_names_and_links(void **state)
{
    (void)state;
    surface s = parse_surface(devices);
    assert_int_equal(s.devices.len, 2);
    const surface_device *named = &s.devices.items[0], *unnamed = &s.devices.items[1];
    assert_string_equal(named->name, "\\Device\\Foo");
    assert_true(named->secure_open); /* 0x100 is FILE_DEVICE_SECURE_OPEN */
    assert_true(named->exclusive);
    assert_null(named->sddl);
    assert_null(unnamed->name);
    assert_false(unnamed->secure_open);
    assert_false(unnamed->exclusive);
    assert_int_equal(s.links.len, 1);
    assert_string_equal(s.links.items[0].name, "\\DosDevices\\Foo");
    assert_string_equal(s.links.items[0].kind, "symbolic link");
    surface_free(&s);
}

static const char guards_and_names[] =
    "#include <ntddk.h>\n"
    "#define IOCTL_G CTL_CODE(0x8000, 0x810, METHOD_BUFFERED, FILE_READ_ACCESS)\n"
    "#define IOCTL_H CTL_CODE(0x8000, 0x811, METHOD_BUFFERED, FILE_READ_ACCESS)\n"
    "#define IOCTL_N CTL_CODE(0x8000, 0x812, METHOD_BUFFERED, FILE_READ_ACCESS)\n"
    "void DoG(void); void Log(const char *);\n"
    "const char *Name(ULONG code) {\n"
    "  const char *n = \"?\";\n"
    "  switch (code) {\n"
    "  case IOCTL_G: return \"IOCTL_G\";\n"
    "  case IOCTL_N: n = \"IOCTL_N\"; break;\n"
    "  default: n = \"unknown\"; break;\n"
    "  }\n"
    "  return n;\n"
    "}\n"
    "VOID Guarded(WDFQUEUE q, WDFREQUEST r, size_t o, size_t i, ULONG IoControlCode) {\n"
    "  Log(Name(IoControlCode));\n"
    "  if (IOCTL_G != IoControlCode) { Log(\"unsupported\"); goto exit; }\n"
    "  DoG();\n"
    "exit:\n"
    "  return;\n"
    "}\n"
    "VOID Either(ULONG code) {\n"
    "  if (code != IOCTL_G && code != IOCTL_H) return;\n"
    "  DoG();\n"
    "}\n"
    "VOID NotAGuard(ULONG code) {\n"
    "  if (code != IOCTL_N) Log(\"other\");\n"
    "}\n";

static size_t rows_in(const surface *s, const char *name, const char *handler)
{
    size_t n = 0;
    for (size_t i = 0; i < s->ioctls.len; i++)
        n += s->ioctls.items[i].name && strcmp(s->ioctls.items[i].name, name) == 0 &&
             strcmp(s->ioctls.items[i].at.function, handler) == 0;
    return n;
}

/* A switch whose branches only return or assign a string literal maps codes to names for a
 * trace and handles none; `if (code != A) { ...; goto exit; }` handles A in what follows (and
 * `code != A && code != B` both), a != test that does not leave handles nothing. */
static void name_tables_and_guards(void **state)
{
    (void)state;
    surface s = parse_surface(guards_and_names);
    assert_int_equal(rows_in(&s, "IOCTL_G", "Name") + rows_in(&s, "IOCTL_N", "Name"), 0);
    assert_int_equal(rows_in(&s, "IOCTL_G", "Guarded"), 1);
    const surface_ioctl *g = NULL;
    for (size_t i = 0; i < s.ioctls.len; i++)
        if (strcmp(s.ioctls.items[i].at.function, "Guarded") == 0)
            g = &s.ioctls.items[i];
    assert_non_null(g);
    assert_true(calls(g, "DoG"));
    assert_false(calls(g, "Name")); /* before the guard: every code's, not G's */
    assert_int_equal(rows_in(&s, "IOCTL_G", "Either"), 1);
    assert_int_equal(rows_in(&s, "IOCTL_H", "Either"), 1);
    assert_int_equal(rows_in(&s, "IOCTL_N", "NotAGuard"), 0);
    surface_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(codes_their_branches_and_checks),
        cmocka_unit_test(devices_names_and_links),
        cmocka_unit_test(name_tables_and_guards),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
