/* kmdf_stored.c - KMDF object contexts as stored state: a METHOD_NEITHER buffer locked in
 * EvtIoInCallerContext travels in the request's context to the queue callback, and a value one
 * request keeps in the device context is used by another. */
#include <ntddk.h>
#include <wdf.h>
#include <intrin.h>

typedef struct _KS_REQUEST_CONTEXT {
    WDFMEMORY UserOut; /* locked in the caller's context */
} KS_REQUEST_CONTEXT, *PKS_REQUEST_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(KS_REQUEST_CONTEXT, KsGetRequestContext)

typedef struct _KS_DEVICE_CONTEXT {
    USHORT Port;      /* chosen by a request, unchecked */
    USHORT SafePort;  /* chosen by a request, checked first */
} KS_DEVICE_CONTEXT, *PKS_DEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(KS_DEVICE_CONTEXT, KsGetDeviceContext)

/* a WDF work item's own context: what the queuer writes there, the work item reads */
typedef struct _KS_WORK_CONTEXT {
    ULONG Msr;
} KS_WORK_CONTEXT, *PKS_WORK_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(KS_WORK_CONTEXT, KsGetWorkContext)

typedef struct _KS_INPUT {
    USHORT Port;
    ULONG Msr;
} KS_INPUT, *PKS_INPUT;

EVT_WDF_IO_IN_CALLER_CONTEXT KsEvtIoInCallerContext;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL KsEvtIoDeviceControl;
EVT_WDF_WORKITEM KsEvtWorkItem;

/* Runs later, on a system thread, with what the request left in the work item's context. */
VOID KsEvtWorkItem(WDFWORKITEM WorkItem)
{
    __readmsr(KsGetWorkContext(WorkItem)->Msr); // expect: msr-read
}

static const CHAR Reply[] = "reply";

VOID KsEvtIoInCallerContext(WDFDEVICE Device, WDFREQUEST Request)
{
    PKS_REQUEST_CONTEXT ctx = KsGetRequestContext(Request);
    WDF_REQUEST_PARAMETERS params;
    WDF_REQUEST_PARAMETERS_INIT(&params);
    WdfRequestGetParameters(Request, &params);
    WdfRequestProbeAndLockUserBufferForWrite(Request, params.Parameters.DeviceIoControl.Type3InputBuffer,
                                             params.Parameters.DeviceIoControl.OutputBufferLength, &ctx->UserOut);
    WdfDeviceEnqueueRequest(Device, Request);
}

VOID KsEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength,
                          ULONG IoControlCode)
{
    PKS_DEVICE_CONTEXT dev = KsGetDeviceContext(WdfIoQueueGetDevice(Queue));
    PKS_REQUEST_CONTEXT ctx = KsGetRequestContext(Request);
    PKS_INPUT in;
    size_t outLength;
    PVOID out;
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);
    UNREFERENCED_PARAMETER(IoControlCode);
    /* the locked buffer's length is the caller's: copying that much out of a 6-byte reply over-reads */
    out = WdfMemoryGetBuffer(ctx->UserOut, &outLength);
    RtlCopyMemory(out, Reply, outLength); // expect: copy-size
    if (outLength <= sizeof(Reply))
        RtlCopyMemory(out, Reply, outLength); // expect: none
    if (!NT_SUCCESS(WdfRequestRetrieveInputBuffer(Request, sizeof(KS_INPUT), (PVOID *)&in, NULL)))
        return;
    dev->Port = in->Port;
    if (in->Port >= 0x378 && in->Port <= 0x37F)
        dev->SafePort = in->Port;
    /* a WDF work item handed the request's MSR through its context */
    WDF_WORKITEM_CONFIG config;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFWORKITEM item;
    WDF_WORKITEM_CONFIG_INIT(&config, KsEvtWorkItem);
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, KS_WORK_CONTEXT);
    attributes.ParentObject = Queue;
    if (NT_SUCCESS(WdfWorkItemCreate(&config, &attributes, &item))) {
        KsGetWorkContext(item)->Msr = in->Msr;
        WdfWorkItemEnqueue(item);
    }
    WdfRequestComplete(Request, STATUS_SUCCESS);
}

/* Another callback of the driver: the port a request left in the device context. */
VOID KsUsePorts(WDFDEVICE Device)
{
    PKS_DEVICE_CONTEXT dev = KsGetDeviceContext(Device);
    __outbyte(dev->Port, 0); // expect: port-write
    __outbyte(dev->SafePort, 0); // expect: none
}
