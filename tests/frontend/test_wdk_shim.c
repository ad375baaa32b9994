/* test_wdk_shim.c - every header of the WDK shim (include/wdk) parses with zero errors on its own
 * and after the kernel and family headers, twice in a row (#pragma once), as C and as C++, with
 * the front end's flags; the family headers drivers include by name are there. Bodies that use
 * each family are in samples/shim/ (checked by the inventory and scan sample tests). */
#include "test_support.h"

#include <dirent.h>
#include <string.h>

#include "drvtaint/frontend.h"
#include "drvtaint/util.h"

static char shim_dir[4096];

static fe_parser *parser(void)
{
    char *shim = ts_source_path("include/wdk");
    snprintf(shim_dir, sizeof shim_dir, "%s", shim);
    free(shim);
    /* no recovery: a name the shim lacks must count as an error here */
    fe_options o = {.shim_dir = shim_dir, .max_recovery_passes = 0};
    return fe_parser_new(&o);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The shim's headers, sorted so failures come out in a stable order. */
static char **list_headers(size_t *n)
{
    char *dir_path = ts_source_path("include/wdk");
    DIR *d = opendir(dir_path);
    assert_non_null(d);
    char **names = NULL;
    size_t len = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 3 || strcmp(e->d_name + l - 2, ".h") != 0)
            continue;
        if (len == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            assert_non_null(names);
        }
        names[len++] = xstrdup(e->d_name);
    }
    closedir(d);
    free(dir_path);
    qsort(names, len, sizeof *names, cmp_str);
    *n = len;
    return names;
}

static unsigned parse_errors(fe_parser *p, const char *text, bool is_cxx)
{
    char *path = ts_write_temp(is_cxx ? "probe.cpp" : "probe.c", text);
    assert_non_null(path);
    ast_tu *tu = fe_parse(p, path, NULL, 0, is_cxx);
    unsigned errors = tu->health.failed ? 1000 : tu->health.errors_before_recovery;
    ast_tu_free(tu);
    remove(path);
    free(path);
    return errors;
}

static void every_header_parses_alone_and_after_the_preludes(void **state)
{
    (void)state;
    /* alone, and after the kernel headers and every family (the order drivers use; each parse
     * costs a full libclang run, so the preludes are few) */
    static const char *const preludes[] = {
        "",
        "#include <ntifs.h>\n#include <wdf.h>\n#include <fltKernel.h>\n#include <ndis.h>\n#include <hidport.h>\n"
        "#include <classpnp.h>\n#include <storport.h>\n",
    };
    fe_parser *p = parser();
    size_t n;
    char **headers = list_headers(&n);
    assert_true(n > 40);
    size_t failures = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < sizeof preludes / sizeof preludes[0]; k++) {
            char *text = xasprintf("%s#include <%s>\n#include <%s>\nint drvtaint_shim_probe;\n", preludes[k],
                                   headers[i], headers[i]);
            for (int cxx = 0; cxx < 2; cxx++) {
                unsigned errors = parse_errors(p, text, cxx != 0);
                if (errors) {
                    fprintf(stderr, "%s after [%s] as %s: %u errors\n", headers[i], preludes[k], cxx ? "C++" : "C",
                            errors);
                    failures++;
                }
            }
            free(text);
        }
        free(headers[i]);
    }
    free(headers);
    fe_parser_free(p);
    assert_int_equal(failures, 0);
}

static void the_family_headers_drivers_include_are_there(void **state)
{
    (void)state;
    static const char *const wanted[] = {"ndis.h",    "ntddndis.h", "fltKernel.h", "fltkernel.h", "suppress.h",
                                         "wdk_ndis.h", "wdk_flt.h",  "wdk_fs.h",    "wdk_rtl.h",   "hidport.h",
                                         "hidclass.h", "wdk_hid.h",  "evntrace.h",
                                         /* storage */
                                         "scsi.h", "srb.h", "srbhelper.h", "ntddscsi.h", "storport.h", "miniport.h",
                                         "classpnp.h", "ntddstor.h", "ntdddisk.h", "ntddcdrm.h", "mountdev.h",
                                         "storduid.h", "ata.h", "wmidata.h", "ioevent.h", "ntpoapi.h", "dsm.h",
                                         "mpiodisk.h"};
    size_t n;
    char **headers = list_headers(&n);
    for (size_t w = 0; w < sizeof wanted / sizeof wanted[0]; w++) {
        bool found = false;
        for (size_t i = 0; i < n && !found; i++)
            found = strcmp(headers[i], wanted[w]) == 0;
        if (!found)
            fprintf(stderr, "missing shim header %s\n", wanted[w]);
        assert_true(found);
    }
    for (size_t i = 0; i < n; i++)
        free(headers[i]);
    free(headers);
}

/* A name the shim does not declare is an error here (no recovery): the probe itself can fail. */
static void an_undeclared_name_is_counted(void **state)
{
    (void)state;
    fe_parser *p = parser();
    assert_int_equal(parse_errors(p, "#include <ndis.h>\nNDIS_NO_SUCH_TYPE x;\n", false), 1);
    assert_int_equal(parse_errors(p, "#include <ndis.h>\nNDIS_HANDLE x;\n", false), 0);
    fe_parser_free(p);
}

typedef struct {
    const char *name;
    bool found;
} call_probe;

static bool find_call_visit(ast_expr *e, void *ctx)
{
    call_probe *c = ctx;
    if (e->kind == AST_EX_CALL && e->u.call.name && strcmp(e->u.call.name, c->name) == 0)
        c->found = true;
    return true;
}

/* Bodies of each family parse with zero errors and keep their calls. */
static void family_bodies_parse_and_keep_their_calls(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        bool is_cxx;
    } bodies[] = {
        {"#include <ndis.h>\n"
         "VOID Rx(NDIS_HANDLE h, PNET_BUFFER_LIST nbls, NDIS_PORT_NUMBER port, ULONG n, ULONG flags) {\n"
         "  for (PNET_BUFFER_LIST l = nbls; l; l = NET_BUFFER_LIST_NEXT_NBL(l))\n"
         "    for (PNET_BUFFER b = NET_BUFFER_LIST_FIRST_NB(l); b; b = NET_BUFFER_NEXT_NB(b))\n"
         "      if (NET_BUFFER_DATA_LENGTH(b) > 14) NdisAdvanceNetBufferDataStart(b, 14, FALSE, NULL);\n"
         "  NdisFIndicateReceiveNetBufferLists(h, nbls, port, n, flags);\n}\n",
         false},
        {"#include <fltKernel.h>\n"
         "FLT_PREOP_CALLBACK_STATUS Pre(PFLT_CALLBACK_DATA d, PCFLT_RELATED_OBJECTS o, PVOID *c) {\n"
         "  PFLT_FILE_NAME_INFORMATION n; *c = NULL;\n"
         "  if (d->Iopb->MajorFunction == IRP_MJ_DEVICE_CONTROL &&\n"
         "      d->Iopb->Parameters.DeviceIoControl.Buffered.InputBufferLength < 4) return FLT_PREOP_COMPLETE;\n"
         "  if (NT_SUCCESS(FltGetFileNameInformation(d, FLT_FILE_NAME_OPENED, &n))) FltReleaseFileNameInformation(n);\n"
         "  return FLT_PREOP_SUCCESS_NO_CALLBACK;\n}\n",
         true},
        {"#include <ntddk.h>\n"
         "VOID T(PNPAGED_LOOKASIDE_LIST l, PRTL_AVL_TABLE t) {\n"
         "  TIME_FIELDS tf; LARGE_INTEGER now; KeQuerySystemTimePrecise(&now); RtlTimeToTimeFields(&now, &tf);\n"
         "  PVOID p = ExAllocateFromNPagedLookasideList(l); if (p) ExFreeToNPagedLookasideList(l, p);\n"
         "  (void)RtlNumberGenericTableElementsAvl(t); LONG64 v = 0; InterlockedIncrement64(&v);\n}\n",
         false},
        {"#include <wdm.h>\n#include <hidport.h>\n#include <evntrace.h>\n"
         "NTSTATUS H(PDRIVER_OBJECT d, PUNICODE_STRING r, PIRP irp) {\n"
         "  HID_MINIDRIVER_REGISTRATION reg = {0}; ULONG level = TRACE_LEVEL_ERROR;\n"
         "  PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(irp);\n"
         "  if (sp->Parameters.DeviceIoControl.IoControlCode == IOCTL_HID_GET_DEVICE_ATTRIBUTES) {\n"
         "    PHID_DEVICE_ATTRIBUTES a = (PHID_DEVICE_ATTRIBUTES)irp->UserBuffer; a->Size = sizeof(*a); }\n"
         "  reg.Revision = HID_REVISION; reg.DriverObject = d; reg.RegistryPath = r;\n"
         "  reg.DeviceExtensionSize = level; return HidRegisterMinidriver(&reg);\n}\n",
         false},
        {"#include <storport.h>\n#include <srbhelper.h>\n#include <ata.h>\n"
         "BOOLEAN StartIo(PVOID ext, PSCSI_REQUEST_BLOCK srb) {\n"
         "  PSTORAGE_REQUEST_BLOCK sx = (PSTORAGE_REQUEST_BLOCK)srb; PCDB cdb = SrbGetCdb(sx);\n"
         "  PIDENTIFY_DEVICE_DATA id = (PIDENTIFY_DEVICE_DATA)SrbGetDataBuffer(sx);\n"
         "  if (cdb->CDB10.OperationCode == SCSIOP_READ && id->CommandSetSupport.BigLba &&\n"
         "      SrbGetDataTransferLength(sx) >= sizeof(*id)) {\n"
         "    PSTOR_SCATTER_GATHER_LIST sg = StorPortGetScatterGatherList(ext, srb);\n"
         "    StorPortWriteRegisterUlong(ext, (PULONG)ext, sg->List[0].Length); }\n"
         "  SrbSetSrbStatus(sx, SRB_STATUS_SUCCESS); StorPortNotification(RequestComplete, ext, srb);\n"
         "  return TRUE;\n}\n",
         false},
        {"#include <ntddk.h>\n#include <classpnp.h>\n#include <ntddscsi.h>\n"
         "NTSTATUS Ioctl(PDEVICE_OBJECT fdo, PIRP irp) {\n"
         "  PFUNCTIONAL_DEVICE_EXTENSION fx = (PFUNCTIONAL_DEVICE_EXTENSION)fdo->DeviceExtension;\n"
         "  PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(irp);\n"
         "  if (sp->Parameters.DeviceIoControl.IoControlCode == IOCTL_SCSI_PASS_THROUGH) {\n"
         "    PSCSI_PASS_THROUGH spt = (PSCSI_PASS_THROUGH)irp->AssociatedIrp.SystemBuffer;\n"
         "    PDISK_GEOMETRY g = &fx->DiskGeometry; spt->DataTransferLength = g->BytesPerSector;\n"
         "    fx->CommonExtension.PartitionZeroExtension->TimeOutValue = spt->TimeOutValue; }\n"
         "  ClassCompleteRequest(fdo, irp, IO_NO_INCREMENT); return STATUS_SUCCESS;\n}\n",
         true},
    };
    static const char *const calls[] = {"NdisFIndicateReceiveNetBufferLists", "FltGetFileNameInformation",
                                        "RtlTimeToTimeFields", "HidRegisterMinidriver",
                                        "StorPortWriteRegisterUlong", "ClassCompleteRequest"};
    fe_parser *p = parser();
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        char *path = ts_write_temp(bodies[i].is_cxx ? "body.cpp" : "body.c", bodies[i].text);
        ast_tu *tu = fe_parse(p, path, NULL, 0, bodies[i].is_cxx);
        if (tu->health.errors_before_recovery)
            fprintf(stderr, "body %zu: %u errors\n", i, tu->health.errors_before_recovery);
        assert_int_equal(tu->health.errors_before_recovery, 0);
        assert_int_equal(tu->nfuncs, 1);
        call_probe probe = {calls[i], false};
        ast_visit_stmt_exprs(tu->funcs[0]->body, find_call_visit, &probe);
        assert_true(probe.found);
        ast_tu_free(tu);
        remove(path);
        free(path);
    }
    fe_parser_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_family_headers_drivers_include_are_there),
        cmocka_unit_test(an_undeclared_name_is_counted),
        cmocka_unit_test(family_bodies_parse_and_keep_their_calls),
        cmocka_unit_test(every_header_parses_alone_and_after_the_preludes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
