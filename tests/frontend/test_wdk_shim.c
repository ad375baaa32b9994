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
        "#include <ntifs.h>\n#include <wdf.h>\n#include <fltKernel.h>\n#include <ndis.h>\n#include <hidport.h>\n#include <wdfusb.h>\n"
        "#include <classpnp.h>\n#include <storport.h>\n"
        "#include <portcls.h>\n#include <stdunk.h>\n#include <ksdebug.h>\n#include <devpkey.h>\n#include <acpitabl.h>\n"
        "#include <math.h>\n#include <acpiioct.h>\n#include <gpioclx.h>\n#include <UcmCx.h>\n"
        "#include <ufxclient.h>\n#include <SPBCx.h>\n#include <reshub.h>\n#include <pepfx.h>\n",
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
                                         "mpiodisk.h",
                                         /* kernel streaming and audio */
                                         "ks.h",
                                         "ksmedia.h",  "wdk_ks.h",   "wdk_ksmedia.h", "portcls.h", "wdk_portcls.h",
                                         "stdunk.h",   "unknown.h",  "wdk_com.h",   "ksdebug.h",   "mmreg.h",
                                         "mmsystem.h", "wdk_mmreg.h", "devpkey.h",  "acpitabl.h",  "uuids.h",
                                         "sidebandaudio.h",
                                         /* USB, WDF extensions, tracing, WFP, UMDF */
                                         "wdk_usb.h", "usbspec.h",  "usb.h",
                                         "usbdi.h",   "usbdlib.h",  "usbioctl.h", "wdfusb.h", "wdfminiport.h", "wdftimer.h",
                                         "wpprecorder.h", "TraceLoggingProvider.h", "wdk_fwp.h", "fwpsk.h", "fwpmk.h",
                                         "wdk_net.h", "ws2def.h", "wdk_win32.h", "windows.h",
                                         /* math, ACPI, sensors, GPIO, USB connector manager */
                                         "math.h", "acpiioct.h", "wdk_acpi.h", "SensorsCx.h",
                                         "SensorsUtils.h", "SensorsDef.h", "sensorsstructures.h", "wdk_sensors.h",
                                         "gpioclx.h", "wdk_gpio.h", "UcmCx.h", "wdk_ucm.h", "ufxclient.h", "wdk_ufx.h",
                                         "spb.h", "SPBCx.h", "reshub.h", "wdk_spb.h", "pepfx.h", "wdk_pep.h",
                                         "wdk_pofx.h", "wdk_wdfdev.h",
                                         /* ACX and SoundWire audio, hands-free and USB sideband, KMDF device side */
                                         "acx.h", "wdk_acx.h", "SdcaXu.h", "sdcastreaming.h", "soundwirecontroller.h",
                                         "AudioAggregation.h", "wdk_sdca.h", "bthhfpddi.h", "USBSidebandAudio.h",
                                         "wdk_wdfdevice.h",
                                         /* NetAdapterCx, mobile broadband, WIL, operator new */
                                         "netadaptercx.h", "netdevice.h", "wdk_netcx.h", "mbbcx.h", "wdk_mbbcx.h",
                                         "wdk_wil.h", "wdk_new.h", "new.h", "packon.h", "packoff.h", "xfilter.h",
                                         /* WLAN */
                                         "windot11.h", "wdk_dot11.h", "dot11wdi.h", "wdk_wdi.h", "ntddsd.h", "wdk_sd.h"};

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
        /* KMDF USB: a vendor control transfer and a pipe read formatted on a request */
        {"#include <wdf.h>\n#include <usbdi.h>\n#include <wdfusb.h>\n#include <wpprecorder.h>\n"
         "NTSTATUS U(WDFUSBDEVICE d, WDFUSBINTERFACE i, WDFREQUEST r, WDFMEMORY m, UCHAR code) {\n"
         "  WDF_USB_CONTROL_SETUP_PACKET sp; WDF_MEMORY_DESCRIPTOR md; WDF_USB_PIPE_INFORMATION pi; ULONG n = 0;\n"
         "  WDF_USB_PIPE_INFORMATION_INIT(&pi); WDFUSBPIPE p = WdfUsbInterfaceGetConfiguredPipe(i, 0, &pi);\n"
         "  if (pi.PipeType == WdfUsbPipeTypeBulk && WdfUsbTargetPipeIsInEndpoint(p))\n"
         "    (void)WdfUsbTargetPipeFormatRequestForRead(p, r, m, NULL);\n"
         "  WDF_USB_CONTROL_SETUP_PACKET_INIT_VENDOR(&sp, BmRequestDeviceToHost, BmRequestToDevice, code, 0, 0);\n"
         "  WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&md, &n, sizeof(n)); (void)WppRecorderLogGetDefault();\n"
         "  return WdfUsbTargetDeviceSendControlTransferSynchronously(d, WDF_NO_HANDLE, NULL, &sp, &md, &n);\n}\n",
         false},
        /* WDM USB: a bulk URB built with the usbdlib.h macro; a completion that reads the USBD status */
        {"#include <wdm.h>\n#include <usb.h>\n#include <usbdlib.h>\n#include <usbioctl.h>\n"
         "NTSTATUS B(USBD_HANDLE h, PUSBD_INTERFACE_INFORMATION itf, PVOID buf, ULONG len, PIRP irp) {\n"
         "  PURB urb = NULL; NTSTATUS st = USBD_UrbAllocate(h, &urb); if (!NT_SUCCESS(st)) return st;\n"
         "  UsbBuildInterruptOrBulkTransferRequest(urb, sizeof(struct _URB_BULK_OR_INTERRUPT_TRANSFER),\n"
         "    itf->Pipes[0].PipeHandle, buf, NULL, len, USBD_TRANSFER_DIRECTION_IN | USBD_SHORT_TRANSFER_OK, NULL);\n"
         "  PIO_STACK_LOCATION sp = IoGetNextIrpStackLocation(irp);\n"
         "  sp->Parameters.DeviceIoControl.IoControlCode = IOCTL_INTERNAL_USB_SUBMIT_URB;\n"
         "  if (!USBD_SUCCESS(urb->UrbHeader.Status)) st = STATUS_UNSUCCESSFUL; return st;\n}\n",
         true},
        /* a KMDF miniport (port driver owns dispatch) with a TraceLogging provider */
        {"#include <ndis.h>\n#include <wdf.h>\n#include <wdfminiport.h>\n#include <TraceLoggingProvider.h>\n"
         "TRACELOGGING_DEFINE_PROVIDER(g_p, \"P\", (0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xa, 0xb));\n"
         "NTSTATUS M(WDFDRIVER drv, PDEVICE_OBJECT fdo, PDEVICE_OBJECT next, PDEVICE_OBJECT pdo, WDFDEVICE *dev) {\n"
         "  WDF_DRIVER_CONFIG c; WDF_DRIVER_CONFIG_INIT(&c, WDF_NO_EVENT_CALLBACK);\n"
         "  c.DriverInitFlags |= WdfDriverInitNoDispatchOverride; (void)TraceLoggingRegister(g_p);\n"
         "  TraceLoggingWrite(g_p, \"Add\", TraceLoggingPointer(fdo, \"Fdo\"));\n"
         "  return WdfDeviceMiniportCreate(drv, WDF_NO_OBJECT_ATTRIBUTES, fdo, next, pdo, dev);\n}\n",
         true},
        /* a WFP stream callout: classify reads the incoming values and the stream data */
        {"#include <ntddk.h>\n#include <fwpsk.h>\n#include <fwpmk.h>\n"
         "void NTAPI C(const FWPS_INCOMING_VALUES0 *in, const FWPS_INCOMING_METADATA_VALUES0 *meta, void *data,\n"
         "             const void *ctx, const FWPS_FILTER *filter, UINT64 flow, FWPS_CLASSIFY_OUT0 *out) {\n"
         "  FWPS_STREAM_CALLOUT_IO_PACKET *io = (FWPS_STREAM_CALLOUT_IO_PACKET *)data; UCHAR buf[64]; SIZE_T n = 0;\n"
         "  UINT32 proto = in->incomingValue[0].value.uint8; (void)ctx; (void)flow; (void)proto;\n"
         "  if (FWPS_IS_METADATA_FIELD_PRESENT(meta, FWPS_METADATA_FIELD_PROCESS_PATH) && io->streamData->dataLength <= 64)\n"
         "    FwpsCopyStreamDataToBuffer(io->streamData, buf, io->streamData->dataLength, &n);\n"
         "  if (out->rights & FWPS_RIGHT_ACTION_WRITE) out->actionType = FWP_ACTION_PERMIT;\n"
         "  if (filter->flags & FWPS_FILTER_FLAG_CLEAR_ACTION_RIGHT) out->rights &= ~FWPS_RIGHT_ACTION_WRITE;\n}\n",
         false},
        /* a UMDF 2 driver: windows.h, then KMDF's wdf.h */
        {"#include <windows.h>\n#include <wdf.h>\n"
         "VOID Q(WDFQUEUE q, WDFREQUEST r, size_t out, size_t in, ULONG code) {\n"
         "  CRITICAL_SECTION cs; FILETIME ft; HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);\n"
         "  InitializeCriticalSection(&cs); EnterCriticalSection(&cs); GetSystemTimePreciseAsFileTime(&ft);\n"
         "  LeaveCriticalSection(&cs); if (ev != NULL && WaitForSingleObject(ev, 10) == WAIT_TIMEOUT) CloseHandle(ev);\n"
         "  (void)q; (void)out; (void)in; (void)code;\n"
         "  WdfRequestComplete(r, HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED) < 0 ? STATUS_NOT_SUPPORTED : STATUS_SUCCESS);\n}\n",
         true},
        /* an SPB/GPIO peripheral finds its resource-hub connection among the translated resources */
        {"#include <wdf.h>\n"
         "NTSTATUS P(WDFDEVICE d, WDFCMRESLIST raw, WDFCMRESLIST tr, LARGE_INTEGER *id) {\n"
         "  for (ULONG i = 0; i < WdfCmResourceListGetCount(tr); i++) {\n"
         "    PCM_PARTIAL_RESOURCE_DESCRIPTOR r = WdfCmResourceListGetDescriptor(tr, i);\n"
         "    if (r->Type == CmResourceTypeConnection && r->u.Connection.Class == CM_RESOURCE_CONNECTION_CLASS_SERIAL &&\n"
         "        r->u.Connection.Type == CM_RESOURCE_CONNECTION_TYPE_SERIAL_I2C) {\n"
         "      id->LowPart = r->u.Connection.IdLowPart; id->HighPart = (LONG)r->u.Connection.IdHighPart; }\n"
         "  }\n  (void)d; (void)raw; return STATUS_SUCCESS;\n}\n",
         false},
        /* the CRT math of C: classification macros, HUGE_VAL, the _USE_MATH_DEFINES constants */
        {"#define _USE_MATH_DEFINES\n#include <ntddk.h>\n#include <math.h>\n"
         "LONG Angle(float x, float y, double r) {\n"
         "  if (isnan(r) || !isfinite(x) || fpclassify(y) == FP_ZERO) return 0;\n"
         "  double a = atan2((double)y, (double)x) * 180.0 / M_PI + sqrtf(x * x + y * y) + fabs(r);\n"
         "  return a >= HUGE_VAL ? 0 : (LONG)floor(a + pow(r, 2.0));\n}\n",
         false},
        /* <cmath> in C++: std:: names and the float overloads */
        {"#include <windows.h>\n#include <cmath>\n"
         "float Norm(float x, float y, double z) {\n"
         "  float n = std::sqrt(x * x + y * y) + std::abs(x) + std::pow(y, 2) + sqrt(y);\n"
         "  if (std::isnan(z) || std::isinf(n)) return 0.0f;\n"
         "  return n + (float)std::fabs(z) + std::floor(x) + (float)std::fmod(z, 2.0);\n}\n",
         true},
        /* ACPI: walk the arguments of an _DSM result, then build a complex input */
        {"#include <ntddk.h>\n#include <acpiioct.h>\n"
         "ULONG Dsm(PACPI_EVAL_OUTPUT_BUFFER out, PACPI_EVAL_INPUT_BUFFER_COMPLEX in, PACPI_ENUM_CHILDREN_OUTPUT_BUFFER ch) {\n"
         "  PACPI_METHOD_ARGUMENT a = out->Argument; ULONG sum = 0;\n"
         "  for (ULONG i = 0; i < out->Count && (PUCHAR)a < (PUCHAR)ACPI_EVAL_OUTPUT_BUFFER_ARGUMENTS_END(out); i++) {\n"
         "    if (a->Type == ACPI_METHOD_ARGUMENT_INTEGER) sum += a->Argument;\n"
         "    a = ACPI_METHOD_NEXT_ARGUMENT(a); }\n"
         "  in->MethodNameAsUlong = 0x4d53445f; in->ArgumentCount = 1;\n"
         "  ACPI_METHOD_SET_ARGUMENT_INTEGER(in->Argument, sum); in->Size = (ULONG)ACPI_METHOD_ARGUMENT_LENGTH(sizeof(ULONG));\n"
         "  PACPI_ENUM_CHILD c = ACPI_ENUM_CHILD_NEXT(ch->Children);\n"
         "  return (ULONG)strlen(c->Name) + (ch->NumberOfChildren ? ch->Children[0].Flags & ACPI_OBJECT_HAS_CHILDREN : 0);\n}\n",
         false},
        /* a UMDF sensor driver: properties through the helper library, data reported to the class extension */
        {"#include <windows.h>\n#include <wdf.h>\n#include <SensorsCx.h>\n#include <SensorsUtils.h>\n#include <sensorsstructures.h>\n"
         "NTSTATUS Report(SENSOROBJECT s, PSENSOR_COLLECTION_LIST data, PSENSOR_COLLECTION_LIST thresholds, VEC3D v) {\n"
         "  FLOAT min = 0; ULONG size = SENSOR_COLLECTION_LIST_SIZE(4); WDFOBJECT o = s;\n"
         "  if (!NT_SUCCESS(PropKeyFindKeyGetFloat(thresholds, &PKEY_SensorData_AccelerationX_Gs, &min))) return STATUS_INVALID_PARAMETER;\n"
         "  SENSOR_COLLECTION_LIST_INIT(data, size); data->Count = 1;\n"
         "  data->List[0].Key = PKEY_SensorData_AccelerationX_Gs; InitPropVariantFromFloat(v.X, &data->List[0].Value);\n"
         "  if (data->List[0].Key == PKEY_SensorData_Timestamp || data->List[0].Value.vt != VT_R4) return STATUS_UNSUCCESSFUL;\n"
         "  (void)o; (void)CollectionsListGetMarshalledSize(data);\n"
         "  return v.X > min ? SensorsCxSensorDataReady(s, data) : STATUS_SUCCESS;\n}\n",
         true},
        /* a GPIO controller driver registers its callbacks with GpioClx */
        {"#include <ntddk.h>\n#include <wdf.h>\n#include <gpioclx.h>\n"
         "NTSTATUS Reg(WDFDRIVER d, PUNICODE_STRING path, PGPIO_CLIENT_ENABLE_INTERRUPT en, PGPIO_CLIENT_WRITE_PINS_MASK wr,\n"
         "             PCLIENT_CONTROLLER_BASIC_INFORMATION info, PGPIO_ENABLE_INTERRUPT_PARAMETERS p) {\n"
         "  GPIO_CLIENT_REGISTRATION_PACKET reg; RtlZeroMemory(&reg, sizeof(reg));\n"
         "  reg.Size = sizeof(reg); reg.ControllerContextSize = 64; reg.CLIENT_EnableInterrupt = en;\n"
         "  reg.CLIENT_WriteGpioPinsUsingMask = wr; info->TotalPins = 64; info->NumberOfPinsPerBank = 32;\n"
         "  info->Flags.MemoryMappedController = 1;\n"
         "  if (p->BankId >= 2 || p->InterruptMode != LevelSensitive) return STATUS_NOT_SUPPORTED;\n"
         "  return GPIO_CLX_RegisterClient(d, &reg, path);\n}\n",
         false},
        /* a USB Type-C connector reports an attach and a PD contract to UcmCx */
        {"#include <ntddk.h>\n#include <wdf.h>\n#include <UcmCx.h>\n"
         "NTSTATUS Attach(UCMCONNECTOR c, UCM_TYPEC_PARTNER partner, ULONG rdo) {\n"
         "  UCM_CONNECTOR_TYPEC_ATTACH_PARAMS ap; UCM_CONNECTOR_PD_CONN_STATE_CHANGED_PARAMS pd;\n"
         "  UCM_CONNECTOR_TYPEC_ATTACH_PARAMS_INIT(&ap, partner); ap.CurrentAdvertisement = UcmTypeCCurrentDefaultUsb;\n"
         "  NTSTATUS st = UcmConnectorTypeCAttach(c, &ap); if (!NT_SUCCESS(st)) return st;\n"
         "  UCM_CONNECTOR_PD_CONN_STATE_CHANGED_PARAMS_INIT(&pd, UcmPdConnStateNegotiationSucceeded);\n"
         "  pd.Rdo.Ul = rdo; pd.ChargingState = pd.Rdo.FixedAndVariableRdo.CapabilityMismatch ?\n"
         "    UcmChargingStateSlowCharging : UcmChargingStateNominalCharging;\n"
         "  return UcmConnectorPdConnectionStateChanged(c, &pd);\n}\n",
         false},
        /* a USB function controller hands its IOCTLs to UFX and creates an endpoint on request */
        {"#include <ntddk.h>\n#include <wdf.h>\n#include <ufxclient.h>\n"
         "NTSTATUS Ep(UFXDEVICE d, const PUSB_ENDPOINT_DESCRIPTOR desc, PUFXENDPOINT_INIT init, WDFREQUEST r, size_t in) {\n"
         "  WDF_IO_QUEUE_CONFIG tq, cq; UFXENDPOINT ep; UFX_ENDPOINT_CALLBACKS cb; UFX_ENDPOINT_CALLBACKS_INIT(&cb);\n"
         "  if (UfxDeviceIoControl(d, r, 0, in, 0x1234)) return STATUS_SUCCESS;\n"
         "  if (desc->bmAttributes == USB_ENDPOINT_TYPE_BULK) UfxEndpointInitSetEventCallbacks(init, &cb);\n"
         "  WDF_IO_QUEUE_CONFIG_INIT(&tq, WdfIoQueueDispatchManual); WDF_IO_QUEUE_CONFIG_INIT(&cq, WdfIoQueueDispatchSequential);\n"
         "  return UfxEndpointCreate(d, init, WDF_NO_OBJECT_ATTRIBUTES, &tq, WDF_NO_OBJECT_ATTRIBUTES, &cq, WDF_NO_OBJECT_ATTRIBUTES, &ep);\n}\n",
         false},
        /* an SPB controller reads a sequence request; a peripheral opens its resource-hub path */
        {"#include <ntddk.h>\n#include <wdf.h>\n#include <reshub.h>\n#include <spb.h>\n#include <SPBCx.h>\n"
         "VOID Seq(WDFDEVICE c, SPBTARGET t, SPBREQUEST r, ULONG n, LARGE_INTEGER id, PUNICODE_STRING path) {\n"
         "  SPB_REQUEST_PARAMETERS p; SPB_TRANSFER_DESCRIPTOR d; PMDL mdl; SPB_TRANSFER_LIST_AND_ENTRIES(2) seq; UCHAR b[4];\n"
         "  SPB_REQUEST_PARAMETERS_INIT(&p); SpbRequestGetParameters(r, &p); SPB_TRANSFER_DESCRIPTOR_INIT(&d);\n"
         "  for (ULONG i = 0; p.Type == SpbRequestTypeSequence && i < n; i++) SpbRequestGetTransferParameters(r, i, &d, &mdl);\n"
         "  SPB_TRANSFER_LIST_INIT(&seq.List, 2);\n"
         "  seq.List.Transfers[0] = SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SpbTransferDirectionToDevice, 0, b, sizeof(b));\n"
         "  (void)RESOURCE_HUB_CREATE_PATH_FROM_ID(path, id.LowPart, id.HighPart); (void)c; (void)t;\n"
         "  SpbRequestComplete(r, d.TransferLength > sizeof(b) ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS);\n}\n",
         false},
        /* a PEP answers a control-method evaluation; a KMDF driver registers PoFx components */
        {"#include <ntddk.h>\n#include <wdf.h>\n#include <pepfx.h>\n"
         "BOOLEAN Acpi(ULONG id, PVOID data, WDFDEVICE dev, PPO_FX_COMPONENT comp) {\n"
         "  PPEP_ACPI_EVALUATE_CONTROL_METHOD ecm = (PPEP_ACPI_EVALUATE_CONTROL_METHOD)data; PEP_WORK_INFORMATION w;\n"
         "  WDF_POWER_FRAMEWORK_SETTINGS ps; WDF_DEVICE_PNP_CAPABILITIES pnp; WDF_IO_TARGET_OPEN_PARAMS op;\n"
         "  if (ecm->OutputArgumentSize < ACPI_METHOD_ARGUMENT_LENGTH(sizeof(ULONG))) ecm->MethodStatus = STATUS_BUFFER_TOO_SMALL;\n"
         "  else ACPI_METHOD_SET_ARGUMENT_INTEGER(ecm->OutputArguments, id);\n"
         "  w.WorkType = PepWorkAcpiEvaluateControlMethodComplete; w.ControlMethodComplete.MethodStatus = ecm->MethodStatus;\n"
         "  comp->IdleStates[0].TransitionLatency = 0; WDF_POWER_FRAMEWORK_SETTINGS_INIT(&ps); ps.Component = comp;\n"
         "  WDF_DEVICE_PNP_CAPABILITIES_INIT(&pnp); pnp.SurpriseRemovalOK = WdfTrue; WdfDeviceSetPnpCapabilities(dev, &pnp);\n"
         "  WDF_IO_TARGET_OPEN_PARAMS_INIT_EXISTING_DEVICE(&op, NULL); (void)op;\n"
         "  return NT_SUCCESS(WdfDeviceWdmAssignPowerFrameworkSettings(dev, &ps));\n}\n",
         false},
        /* an ACX circuit property handler: the KS value buffer arrives in the request parameters */
        {"#include <wdf.h>\n#include <acx.h>\n"
         "VOID Prop(ACXOBJECT o, WDFREQUEST r) {\n"
         "  ACX_REQUEST_PARAMETERS params; ACX_REQUEST_PARAMETERS_INIT(&params); AcxRequestGetParameters(r, &params);\n"
         "  ULONG_PTR out = 0; NTSTATUS st = STATUS_INVALID_PARAMETER;\n"
         "  if (params.Type == AcxRequestTypeProperty && params.Parameters.Property.Verb == AcxPropertyVerbGet &&\n"
         "      params.Parameters.Property.ValueCb >= sizeof(ULONG)) {\n"
         "    ACXCIRCUIT c = (ACXCIRCUIT)o; ACXPIN pin = AcxCircuitGetPinById(c, params.Parameters.Property.ItemId);\n"
         "    *(PULONG)params.Parameters.Property.Value = pin ? AcxPinGetId(pin) : 0; out = sizeof(ULONG);\n"
         "    st = STATUS_SUCCESS; }\n"
         "  WdfRequestCompleteWithInformation(r, st, out);\n}\n",
         true},
        /* an ACX render circuit: init, a pin with callbacks and a connection to a volume element */
        {"#include <wdf.h>\n#include <acx.h>\n"
         "NTSTATUS Render(WDFDEVICE d, PCUNICODE_STRING name, EVT_ACX_CIRCUIT_CREATE_STREAM *cs, ACXCIRCUIT *out) {\n"
         "  PACXCIRCUIT_INIT init = AcxCircuitInitAllocate(d); ACX_CIRCUIT_PNPPOWER_CALLBACKS pc; ACX_PIN_CONFIG pcfg;\n"
         "  ACX_VOLUME_CONFIG vcfg; ACX_CONNECTION conn; WDF_OBJECT_ATTRIBUTES a; ACXPIN pin; ACXVOLUME vol;\n"
         "  AcxCircuitInitSetCircuitType(init, AcxCircuitTypeRender); (void)AcxCircuitInitAssignName(init, name);\n"
         "  ACX_CIRCUIT_PNPPOWER_CALLBACKS_INIT(&pc); AcxCircuitInitSetAcxCircuitPnpPowerCallbacks(init, &pc);\n"
         "  (void)AcxCircuitInitAssignAcxCreateStreamCallback(init, cs); WDF_OBJECT_ATTRIBUTES_INIT(&a);\n"
         "  NTSTATUS st = AcxCircuitCreate(d, &a, &init, out); if (!NT_SUCCESS(st)) { AcxCircuitInitFree(init); return st; }\n"
         "  ACX_PIN_CONFIG_INIT(&pcfg); pcfg.Type = AcxPinTypeSink; pcfg.Communication = AcxPinCommunicationSink;\n"
         "  pcfg.Category = &KSCATEGORY_AUDIO; st = AcxPinCreate(*out, &a, &pcfg, &pin);\n"
         "  ACX_VOLUME_CONFIG_INIT(&vcfg); vcfg.ChannelsCount = 2; vcfg.Name = &KSAUDFNAME_VOLUME_CONTROL;\n"
         "  if (NT_SUCCESS(st)) st = AcxVolumeCreate(*out, &a, &vcfg, &vol);\n"
         "  ACX_CONNECTION_INIT(&conn, *out, vol); conn.FromPin.Id = 0; conn.ToPin.Id = 1;\n"
         "  return NT_SUCCESS(st) ? AcxCircuitAddConnections(*out, &conn, 1) : st;\n}\n",
         false},
        /* an SDCA extension-unit driver answers the class driver's query-interface request */
        {"#include <wdf.h>\n#include <acx.h>\n#include <SdcaXu.h>\n#include <sdcastreaming.h>\n"
         "NTSTATUS Qi(WDFDEVICE d, LPGUID type, PINTERFACE itf, PVOID data, EVT_SDCAXU_SET_HW_CONFIG *hw) {\n"
         "  if (!IsEqualGUID(type, &SDCAXU_INTERFACE) || itf->Size < sizeof(SDCAXU_INTERFACE_V0101) ||\n"
         "      itf->Version != SDCAXU_INTERFACE_VERSION_0101) return STATUS_NOINTERFACE;\n"
         "  PSDCAXU_INTERFACE_V0101 x = (PSDCAXU_INTERFACE_V0101)itf; SDCAXU_INTERRUPT_INFO ii = {0};\n"
         "  x->InterfaceHeader.Context = d; x->InterfaceHeader.InterfaceReference = WdfDeviceInterfaceReferenceNoOp;\n"
         "  x->EvtSetHwConfig = hw; ii.Size = sizeof(ii); ii.SDCAInterruptMask = 1; WdfDeviceInterfaceDereferenceNoOp(d);\n"
         "  return x->EvtRegisterForInterrupts ? x->EvtRegisterForInterrupts(data, &ii) : STATUS_SUCCESS;\n}\n",
         false},
        /* a port-class driver waits for the hands-free bypass interface and reads its descriptor */
        {"#include <wdm.h>\n#include <wdmguid.h>\n#include <ntstrsafe.h>\n#include <bthhfpddi.h>\n"
         "NTSTATUS Arrive(PVOID n, PVOID ctx) {\n"
         "  PDEVICE_INTERFACE_CHANGE_NOTIFICATION c = (PDEVICE_INTERFACE_CHANGE_NOTIFICATION)n;\n"
         "  PBTHHFP_DESCRIPTOR2 desc = (PBTHHFP_DESCRIPTOR2)ctx; HFP_BYPASS_CODEC_ID_V1 codec = {0};\n"
         "  if (!IsEqualGUID(&c->Event, &GUID_DEVICE_INTERFACE_ARRIVAL)) return STATUS_SUCCESS;\n"
         "  if (desc->SupportsNREC && codec.CodecId == 2) desc->VolumePropertyValuesSize = 0;\n"
         "  return RtlUnicodeStringValidate(c->SymbolicLinkName);\n}\n",
         false},
        /* a WDI miniport answers a WDI OID: message header, a Native 802.11 list after it, and the
         * data-path callbacks NDIS handed it */
        {"#include <ndis.h>\n#include <windot11.h>\n#include <dot11wdi.h>\n"
         "NDIS_STATUS W(PNDIS_OID_REQUEST r, NDIS_WDI_DATA_API *api, NDIS_HANDLE dp, TAL_TXRX_HANDLE ctx) {\n"
         "  PWDI_MESSAGE_HEADER h = (PWDI_MESSAGE_HEADER)r->DATA.METHOD_INFORMATION.InformationBuffer;\n"
         "  PDOT11_SSID_LIST l = (PDOT11_SSID_LIST)(h + 1);\n"
         "  PWDI_FRAME_METADATA m = api->AllocateWiFiFrameMetaData(dp);\n"
         "  NDIS_MINIPORT_ADAPTER_ATTRIBUTES a; MINIPORT_WDI_TAL_TXRX_STOP *stop = NULL;\n"
         "  a.Native_802_11_Attributes.NumSupportedPhys = l->uNumOfEntries;\n"
         "  if (m) { m->u.txMetaData.TxCost = (UINT16)l->SSIDs[0].uSSIDLength; api->FreeWiFiFrameMetaData(dp, m); }\n"
         "  h->Status = NDIS_STATUS_SUCCESS; (void)stop; (void)ctx; (void)a;\n"
         "  return h->TransactionId ? NDIS_STATUS_SUCCESS : NDIS_STATUS_FAILURE;\n}\n",
         false},
        /* an SDIO function driver sends CMD53 through the SD bus interface (C++) */
        {"#include <ntddk.h>\n#include <ntddsd.h>\n"
         "NTSTATUS S(SDBUS_INTERFACE_STANDARD *bus, PMDL mdl, ULONG len) {\n"
         "  SDBUS_REQUEST_PACKET rp = {}; SD_RW_EXTENDED_ARGUMENT arg = {};\n"
         "  const SDCMD_DESCRIPTOR d = {SDCMD_IO_RW_EXTENDED, SDCC_STANDARD, SDTD_WRITE, SDTT_SINGLE_BLOCK, SDRT_5};\n"
         "  arg.u.bits.Count = len; arg.u.bits.WriteToDevice = 1;\n"
         "  rp.RequestFunction = SDRF_DEVICE_COMMAND; rp.Parameters.DeviceCommand.CmdDesc = d;\n"
         "  rp.Parameters.DeviceCommand.Argument = arg.u.AsULONG; rp.Parameters.DeviceCommand.Mdl = mdl;\n"
         "  rp.Parameters.DeviceCommand.Length = len;\n"
         "  return SdBusSubmitRequest(bus->Context, &rp);\n}\n",
         true},
    };
    static const char *const calls[] = {"NdisFIndicateReceiveNetBufferLists", "FltGetFileNameInformation",
                                        "RtlTimeToTimeFields", "HidRegisterMinidriver",
                                        "StorPortWriteRegisterUlong", "ClassCompleteRequest",
                                        "WdfUsbTargetDeviceSendControlTransferSynchronously", "USBD_UrbAllocate",
                                        "WdfDeviceMiniportCreate", "FwpsCopyStreamDataToBuffer0", "WaitForSingleObject",
                                        "WdfCmResourceListGetDescriptor", "atan2", "fmod", "strlen",
                                        "SensorsCxSensorDataReady", "GPIO_CLX_RegisterClient",
                                        "UcmConnectorPdConnectionStateChanged", "UfxEndpointCreate",
                                        "SpbRequestComplete", "WdfDeviceWdmAssignPowerFrameworkSettings",
                                        "AcxRequestGetParameters",
                                        "AcxCircuitAddConnections", "WdfDeviceInterfaceDereferenceNoOp",
                                        "RtlUnicodeStringValidate", "FreeWiFiFrameMetaData",
                                        "SdBusSubmitRequest"};
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

/* Kernel streaming and port class bodies (C and C++, several functions per unit) parse with zero
 * errors, keep their calls, and a C++ miniport's methods declared by the IMP_ macros are defined
 * out of line without a mismatch. */
static void av_family_bodies_parse_and_keep_their_calls(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        bool is_cxx;
        const char *call;
    } bodies[] = {
        {"#include <ks.h>\n#include <ksmedia.h>\n"
         "NTSTATUS Process(PKSPIN Pin) {\n"
         "  PKSSTREAM_POINTER sp = KsPinGetLeadingEdgeStreamPointer(Pin, KSSTREAM_POINTER_STATE_LOCKED);\n"
         "  PKS_VIDEOINFOHEADER vih = &((PKS_DATAFORMAT_VIDEOINFOHEADER)Pin->ConnectionFormat)->VideoInfoHeader;\n"
         "  if (!sp) return STATUS_SUCCESS;\n"
         "  RtlZeroMemory(sp->OffsetOut.Data, min(vih->bmiHeader.biSizeImage, sp->OffsetOut.Remaining));\n"
         "  return KsStreamPointerAdvanceOffsets(sp, 0, sp->OffsetOut.Remaining, TRUE);\n}\n"
         "NTSTATUS Wave(PKSDATAFORMAT f) {\n"
         "  PWAVEFORMATEXTENSIBLE w = &((PKSDATAFORMAT_WAVEFORMATEXTENSIBLE)f)->WaveFormatExt;\n"
         "  return w->Format.wFormatTag == WAVE_FORMAT_EXTENSIBLE && IsEqualGUID(&w->SubFormat, &KSDATAFORMAT_SUBTYPE_PCM)\n"
         "    ? STATUS_SUCCESS : STATUS_NO_MATCH;\n}\n",
         false, "KsStreamPointerAdvanceOffsets"},
        {"#include <portcls.h>\n#include <stdunk.h>\n"
         "class CTopo : public IMiniportTopology, public CUnknown {\npublic:\n"
         "  DECLARE_STD_UNKNOWN();\n  DEFINE_STD_CONSTRUCTOR(CTopo);\n  IMP_IMiniportTopology;\n};\n"
         "STDMETHODIMP_(NTSTATUS) CTopo::NonDelegatingQueryInterface(REFIID i, PVOID *o) {\n"
         "  *o = IsEqualGUIDAligned(i, IID_IMiniportTopology) ? PVOID(PMINIPORTTOPOLOGY(this)) : NULL;\n"
         "  return *o ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;\n}\n"
         "STDMETHODIMP_(NTSTATUS) CTopo::Init(PUNKNOWN a, PRESOURCELIST r, PPORTTOPOLOGY p) { return STATUS_SUCCESS; }\n"
         "STDMETHODIMP_(NTSTATUS) CTopo::GetDescription(PPCFILTER_DESCRIPTOR *d) { *d = NULL; return STATUS_SUCCESS; }\n"
         "STDMETHODIMP_(NTSTATUS) CTopo::DataRangeIntersection(ULONG p, PKSDATARANGE a, PKSDATARANGE b, ULONG n,\n"
         "    PVOID f, PULONG l) { return STATUS_NOT_IMPLEMENTED; }\n"
         "NTSTATUS Jack(PPCPROPERTY_REQUEST r) {\n"
         "  if (r->ValueSize < sizeof(KSJACK_DESCRIPTION)) return STATUS_BUFFER_TOO_SMALL;\n"
         "  ((PKSJACK_DESCRIPTION)r->Value)->ChannelMapping = KSAUDIO_SPEAKER_STEREO; return STATUS_SUCCESS;\n}\n"
         "NTSTATUS Start(PDEVICE_OBJECT d, PIRP i, PRESOURCELIST r) {\n"
         "  PPORT port; NTSTATUS s = PcNewPort(&port, CLSID_PortTopology);\n"
         "  return NT_SUCCESS(s) ? PcRegisterSubdevice(d, (PWSTR)L\"Topology\", port) : s;\n}\n",
         true, "PcRegisterSubdevice"},
    };
    fe_parser *p = parser();
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        char *path = ts_write_temp(bodies[i].is_cxx ? "avbody.cpp" : "avbody.c", bodies[i].text);
        ast_tu *tu = fe_parse(p, path, NULL, 0, bodies[i].is_cxx);
        if (tu->health.errors_before_recovery)
            fprintf(stderr, "av body %zu: %u errors\n", i, tu->health.errors_before_recovery);
        assert_int_equal(tu->health.errors_before_recovery, 0);
        assert_true(tu->nfuncs >= 2);
        call_probe probe = {bodies[i].call, false};
        for (size_t f = 0; f < tu->nfuncs && !probe.found; f++)
            if (tu->funcs[f]->body)
                ast_visit_stmt_exprs(tu->funcs[f]->body, find_call_visit, &probe);
        assert_true(probe.found);
        ast_tu_free(tu);
        remove(path);
        free(path);
    }
    fe_parser_free(p);
}

/* NetAdapterCx, WIL, mobile broadband, and what WFP callouts and NDIS miniports still missed:
 * the headers in subfolders (net/, wil/) and the extensionless <new>, which the header scan above
 * does not list, parse alone; bodies written against the documented API parse with zero errors
 * and keep their calls. */
static void netcx_family_headers_and_bodies_parse(void **state)
{
    (void)state;
    static const char *const subheaders[] = {
        "net/ring.h",         "net/ringcollection.h", "net/packet.h",   "net/fragment.h", "net/extension.h",
        "net/virtualaddress.h", "net/logicaladdress.h", "net/returncontext.h", "net/mdl.h", "net/checksum.h",
        "net/gso.h",          "net/rsc.h",            "net/databuffer.h", "net/ieee8021q.h", "wil/common.h",
        "wil/resource.h",     "wil/com.h",            "new",
    };
    static const struct {
        const char *text;
        bool is_cxx;
        const char *call;
    } bodies[] = {
        /* a C++ NetAdapterCx client: WIL holder, placement new into the context, flag enums, a
         * transmit ring walked through the documented fields and the virtual-address extension */
        {"#include <ntddk.h>\n#include <wdf.h>\n#include <netadaptercx.h>\n#include <net/virtualaddress.h>\n"
         "#include <net/checksum.h>\n#include <net/rsc.h>\n#include <wil/resource.h>\n#include <new.h>\n"
         "struct Ctx { NETADAPTER a; explicit Ctx(NETADAPTER x) : a(x) {} };\n"
         "WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(Ctx, GetCtx);\n"
         "NTSTATUS Add(WDFDEVICE d) {\n"
         "  using unique_init = wil::unique_any<NETADAPTER_INIT *, decltype(&::NetAdapterInitFree), &::NetAdapterInitFree>;\n"
         "  unique_init init(NetAdapterInitAllocate(d));\n"
         "  if (!init) return STATUS_INSUFFICIENT_RESOURCES;\n"
         "  WDF_OBJECT_ATTRIBUTES attr; WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attr, Ctx);\n"
         "  NETADAPTER a; NTSTATUS s = NetAdapterCreate(init.get(), &attr, &a);\n"
         "  if (!NT_SUCCESS(s)) return s;\n"
         "  new (GetCtx(a)) Ctx(a);\n"
         "  NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES rsc;\n"
         "  NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES_INIT(&rsc, NetAdapterOffloadLayer3FlagIPv4NoOptions |\n"
         "    NetAdapterOffloadLayer3FlagIPv6NoExtensions, NetAdapterOffloadLayer4FlagUdp, nullptr);\n"
         "  NetAdapterOffloadSetRscCapabilities(a, &rsc);\n"
         "  NET_ADAPTER_LINK_STATE ls;\n"
         "  NET_ADAPTER_LINK_STATE_INIT(&ls, 1000000000, MediaConnectStateConnected, MediaDuplexStateFull,\n"
         "    NetAdapterPauseFunctionTypeUnsupported, NetAdapterAutoNegotiationFlagXmitLinkSpeedAutoNegotiated |\n"
         "    NetAdapterAutoNegotiationFlagRcvLinkSpeedautoNegotiated);\n"
         "  NetAdapterSetLinkState(a, &ls);\n"
         "  return NetAdapterStart(a);\n}\n"
         "void Advance(NETPACKETQUEUE q, NET_EXTENSION const *va, UCHAR *out, SIZE_T cap) {\n"
         "  NET_RING_COLLECTION const *rings = NetTxQueueGetRingCollection(q);\n"
         "  NET_RING *pr = NetRingCollectionGetPacketRing(rings), *fr = NetRingCollectionGetFragmentRing(rings);\n"
         "  for (UINT32 i = pr->BeginIndex; i != pr->EndIndex; i = NetRingIncrementIndex(pr, i)) {\n"
         "    NET_PACKET *pk = NetRingGetPacketAtIndex(pr, i);\n"
         "    NET_FRAGMENT *f = NetRingGetFragmentAtIndex(fr, pk->FragmentIndex);\n"
         "    UCHAR const *src = (UCHAR const *)NetExtensionGetFragmentVirtualAddress(va, pk->FragmentIndex)->VirtualAddress;\n"
         "    if (f->ValidLength <= cap) RtlCopyMemory(out, src + f->Offset, (SIZE_T)f->ValidLength);\n"
         "  }\n  pr->BeginIndex = pr->EndIndex;\n  NetTxQueueNotifyMoreCompletedPacketsAvailable(q);\n}\n",
         true, "NetTxQueueNotifyMoreCompletedPacketsAvailable"},
        /* a mobile broadband client in C: the MBIM fragment callbacks and the device configuration */
        {"#include <ntddk.h>\n#include <wdf.h>\n#include <netadaptercx.h>\n#include <mbbcx.h>\n"
         "EVT_MBB_DEVICE_SEND_MBIM_FRAGMENT Send;\nEVT_MBB_DEVICE_RECEIVE_MBIM_FRAGMENT Recv;\n"
         "EVT_MBB_DEVICE_SEND_DEVICE_SERVICE_SESSION_DATA Dss;\nEVT_MBB_DEVICE_CREATE_ADAPTER Create;\n"
         "VOID Send(WDFDEVICE d, MBBREQUEST r) {\n"
         "  size_t n = 0; PVOID b = MbbRequestGetBuffer(r, &n);\n"
         "  MbbRequestComplete(r, b && n ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER); (void)d;\n}\n"
         "NTSTATUS Init(WDFDEVICE d) {\n"
         "  MBB_DEVICE_CONFIG c; MBB_DEVICE_CONFIG_INIT(&c, Send, Recv, Dss, Create);\n"
         "  MBB_DEVICE_MBIM_PARAMETERS m;\n"
         "  MBB_DEVICE_MBIM_PARAMETERS_INIT(&m, MbbMbimVersion1Dot0Errata, 4096, MbbMbimExtendedVersion2Dot0);\n"
         "  MBB_DEVICE_WAKE_CAPABILITIES w; MBB_DEVICE_WAKE_CAPABILITIES_INIT(&w); w.SmsReceive = TRUE;\n"
         "  NTSTATUS s = MbbDeviceInitialize(d, &c);\n"
         "  if (NT_SUCCESS(s)) { MbbDeviceSetMbimParameters(d, &m); MbbDeviceSetWakeCapabilities(d, &w); }\n"
         "  return s;\n}\n",
         false, "MbbRequestGetBuffer"},
        /* a WFP callout: the documented (non-const) notify filter, connect redirection, vSwitch
         * metadata, condition GUIDs compared by address */
        {"#include <ntddk.h>\n#include <fwpsk.h>\n#include <fwpmk.h>\n"
         "NTSTATUS NTAPI Notify(FWPS_CALLOUT_NOTIFY_TYPE t, const GUID *k, FWPS_FILTER *f) {\n"
         "  (void)t; (void)k; f->context = 0; return STATUS_SUCCESS;\n}\n"
         "void Redirect(UINT64 h, UINT64 filterId, const GUID *cond, const FWPS_INCOMING_METADATA_VALUES *md,\n"
         "              SOCKADDR_STORAGE *to) {\n"
         "  FWPS_CONNECT_REQUEST *req = NULL; FWPS_CALLOUT3 c = {0}; c.notifyFn = Notify;\n"
         "  if (cond == &FWPM_CONDITION_IP_LOCAL_INTERFACE ||\n"
         "      FWPS_IS_L2_METADATA_FIELD_PRESENT(md, FWPS_L2_METADATA_FIELD_VSWITCH_SOURCE_PORT_ID) && md->vSwitchSourcePortId)\n"
         "    return;\n"
         "  if (NT_SUCCESS(FwpsAcquireWritableLayerDataPointer(h, filterId, 0, (PVOID *)&req, NULL))) {\n"
         "    RtlCopyMemory(&req->remoteAddressAndPort, to, sizeof(*to));\n"
         "    FwpsApplyModifiedLayerData(h, req, 0);\n"
         "  }\n}\n",
         false, "FwpsApplyModifiedLayerData0"},
        /* an NDIS miniport's set handler names the request's inner record by its WDK tag */
        {"#include <ndis.h>\n#include <xfilter.h>\n"
         "VOID Drop(PNDIS_GENERIC_OBJECT o, UCHAR *a, UCHAR *b, ULONG *eq) {\n"
         "  ETH_COMPARE_NETWORK_ADDRESSES_EQ(a, b, eq);\n"
         "  if (ETH_IS_BROADCAST(a) || ETH_IS_MULTICAST(b)) NdisFreeGenericObject(o);\n}\n"
         "NDIS_STATUS SetInfo(PNDIS_OID_REQUEST r, ULONG *filter) {\n"
         "  struct _SET *set = &r->DATA.SET_INFORMATION;\n"
         "  if (set->Oid != OID_GEN_CURRENT_PACKET_FILTER || set->InformationBufferLength < sizeof(ULONG))\n"
         "    return NDIS_STATUS_NOT_SUPPORTED;\n"
         "  NdisMoveMemory(filter, set->InformationBuffer, sizeof(ULONG));\n"
         "  set->BytesRead = sizeof(ULONG); return NDIS_STATUS_SUCCESS;\n}\n",
         false, "memcpy"},
    };
    fe_parser *p = parser();
    size_t failures = 0;
    for (size_t i = 0; i < sizeof subheaders / sizeof subheaders[0]; i++) {
        char *text = xasprintf("#include <%s>\n#include <%s>\nint drvtaint_shim_probe;\n", subheaders[i], subheaders[i]);
        for (int cxx = 0; cxx < 2; cxx++) {
            unsigned errors = parse_errors(p, text, cxx != 0);
            if (errors) {
                fprintf(stderr, "%s as %s: %u errors\n", subheaders[i], cxx ? "C++" : "C", errors);
                failures++;
            }
        }
        free(text);
    }
    assert_int_equal(failures, 0);
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        char *path = ts_write_temp(bodies[i].is_cxx ? "ncbody.cpp" : "ncbody.c", bodies[i].text);
        ast_tu *tu = fe_parse(p, path, NULL, 0, bodies[i].is_cxx);
        if (tu->health.errors_before_recovery)
            fprintf(stderr, "netcx body %zu: %u errors\n", i, tu->health.errors_before_recovery);
        assert_int_equal(tu->health.errors_before_recovery, 0);
        call_probe probe = {bodies[i].call, false};
        for (size_t f = 0; f < tu->nfuncs && !probe.found; f++)
            if (tu->funcs[f]->body)
                ast_visit_stmt_exprs(tu->funcs[f]->body, find_call_visit, &probe);
        if (!probe.found)
            fprintf(stderr, "netcx body %zu: no call to %s\n", i, bodies[i].call);
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
        cmocka_unit_test(av_family_bodies_parse_and_keep_their_calls),
        cmocka_unit_test(every_header_parses_alone_and_after_the_preludes),
        cmocka_unit_test(netcx_family_headers_and_bodies_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
