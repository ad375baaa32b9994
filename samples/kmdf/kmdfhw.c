/* kmdfhw.c - a KMDF driver with a control device whose EvtIoDeviceControl reaches MSRs,
 * ports and kernel memory; unsafe and constrained forms side by side. */
#include <ntddk.h>
#include <wdf.h>
#include <intrin.h>

#define IOCTL_KH_READ_MSR CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_KH_WRITE_PORT CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_KH_COPY_MEMORY CTL_CODE(FILE_DEVICE_UNKNOWN, 0x902, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_KH_READ_NEITHER CTL_CODE(FILE_DEVICE_UNKNOWN, 0x903, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_KH_READ_CACHE CTL_CODE(FILE_DEVICE_UNKNOWN, 0x904, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_KH_READ_STATUS CTL_CODE(FILE_DEVICE_UNKNOWN, 0x905, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_KH_MEMORY_PORT CTL_CODE(FILE_DEVICE_UNKNOWN, 0x906, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _KH_INPUT {
    ULONG Index;
    USHORT Port;
    UCHAR Value;
    ULONG Length;
    UCHAR Bytes[32];
} KH_INPUT, *PKH_INPUT;

typedef struct _DEVICE_CONTEXT {
    USHORT StatusPort; /* from the device's port resource */
    UCHAR Cache[32];
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, DeviceGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD KhEvtDeviceAdd;
EVT_WDF_DEVICE_PREPARE_HARDWARE KhEvtDevicePrepareHardware;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL KhEvtIoDeviceControl;

/* Requests that carry no input structure: the output buffer, the device's own port, and
 * input read through a WDFMEMORY object. Returns FALSE for other codes. */
static BOOLEAN KhOtherRequests(PDEVICE_CONTEXT ctx, WDFREQUEST Request, ULONG IoControlCode)
{
    NTSTATUS status = STATUS_SUCCESS;
    PUCHAR out = NULL;
    size_t outLen = 0;
    WDFMEMORY memory;

    switch (IoControlCode) {
    case IOCTL_KH_READ_CACHE:
        status = WdfRequestRetrieveOutputBuffer(Request, 1, (PVOID *)&out, &outLen);
        if (!NT_SUCCESS(status))
            break;
        /* Unsafe: the output length is the caller's; the cache holds 32 bytes (kernel over-read). */
        RtlCopyMemory(out, ctx->Cache, outLen); /* ioctl: IOCTL_KH_READ_CACHE */ // expect: copy-size
        /* Constrained: clamped to the source. */
        RtlCopyMemory(out, ctx->Cache, min(outLen, sizeof(ctx->Cache))); /* ioctl: IOCTL_KH_READ_CACHE */ // expect: none
        break;
    case IOCTL_KH_READ_STATUS:
        status = WdfRequestRetrieveOutputBuffer(Request, sizeof(UCHAR), (PVOID *)&out, &outLen);
        if (!NT_SUCCESS(status))
            break;
        /* Constrained: the port comes from the device's resources, not from the request. */
        *out = __inbyte(ctx->StatusPort); /* ioctl: IOCTL_KH_READ_STATUS */ // expect: none
        break;
    case IOCTL_KH_MEMORY_PORT:
        status = WdfRequestRetrieveInputMemory(Request, &memory);
        if (!NT_SUCCESS(status))
            break;
        size_t size = 0;
        PKH_INPUT in = (PKH_INPUT)WdfMemoryGetBuffer(memory, &size);
        if (size < sizeof(KH_INPUT)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        /* Unsafe: the port is read out of the request's memory object. */
        __outword(in->Port, in->Value); /* ioctl: IOCTL_KH_MEMORY_PORT */ // expect: port-write
        break;
    default:
        return FALSE;
    }
    WdfRequestComplete(Request, status);
    return TRUE;
}

VOID KhEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength,
                          ULONG IoControlCode)
{
    PDEVICE_CONTEXT ctx = DeviceGetContext(WdfIoQueueGetDevice(Queue));
    PKH_INPUT in = NULL;
    size_t inLen = 0;
    NTSTATUS status;
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    if (KhOtherRequests(ctx, Request, IoControlCode))
        return;
    if (IoControlCode == IOCTL_KH_READ_NEITHER) {
        PVOID user = NULL;
        KH_INPUT local;
        size_t userLen = 0;
        status = WdfRequestRetrieveUnsafeUserInputBuffer(Request, sizeof(KH_INPUT), &user, &userLen);
        if (!NT_SUCCESS(status)) {
            WdfRequestComplete(Request, status);
            return;
        }
        /* Unsafe: copies from a user address nobody validated. */
        RtlCopyMemory(&local, user, sizeof(local)); /* ioctl: IOCTL_KH_READ_NEITHER */ // expect: copy-pointer
        __try {
            /* Constrained: probed first, inside __try. */
            ProbeForRead(user, sizeof(local), 1);
            RtlCopyMemory(&local, user, sizeof(local)); /* ioctl: IOCTL_KH_READ_NEITHER */ // expect: none
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            WdfRequestComplete(Request, GetExceptionCode());
            return;
        }
        /* A field of the copy is a user value: unsafe as an MSR index. */
        local.Index = (ULONG)__readmsr(local.Index); /* ioctl: IOCTL_KH_READ_NEITHER */ // expect: msr-read
        WdfRequestComplete(Request, STATUS_SUCCESS);
        return;
    }

    status = WdfRequestRetrieveInputBuffer(Request, sizeof(KH_INPUT), (PVOID *)&in, &inLen);
    if (!NT_SUCCESS(status)) {
        WdfRequestComplete(Request, status);
        return;
    }

    switch (IoControlCode) {
    case IOCTL_KH_READ_MSR:
        /* Unsafe. */
        in->Index = (ULONG)__readmsr(in->Index); /* ioctl: IOCTL_KH_READ_MSR */ // expect: msr-read
        /* Constrained: masked into the 0x10-0x1F performance range. */
        in->Index = (ULONG)__readmsr(0x10 | (in->Index & 0xF)); /* ioctl: IOCTL_KH_READ_MSR */ // expect: none
        break;
    case IOCTL_KH_WRITE_PORT:
        /* Unsafe. */
        __outbyte(in->Port, in->Value); /* ioctl: IOCTL_KH_WRITE_PORT */ // expect: port-write
        /* Constrained: the port the device owns. */
        if (in->Port == ctx->StatusPort)
            __outbyte(in->Port, in->Value); /* ioctl: IOCTL_KH_WRITE_PORT */ // expect: none
        break;
    case IOCTL_KH_COPY_MEMORY:
        /* Unsafe: the length of the retrieved buffer is the caller's and the cache holds 32 bytes. */
        RtlCopyMemory(ctx->Cache, in, inLen); /* ioctl: IOCTL_KH_COPY_MEMORY */ // expect: copy-size
        /* Constrained: the length is checked against the destination. */
        if (inLen <= sizeof(ctx->Cache))
            RtlCopyMemory(ctx->Cache, in, inLen); /* ioctl: IOCTL_KH_COPY_MEMORY */ // expect: none
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    WdfRequestCompleteWithInformation(Request, status, NT_SUCCESS(status) ? sizeof(KH_INPUT) : 0);
}

NTSTATUS KhEvtDevicePrepareHardware(WDFDEVICE Device, WDFCMRESLIST ResourcesRaw, WDFCMRESLIST ResourcesTranslated)
{
    PDEVICE_CONTEXT ctx = DeviceGetContext(Device);
    UNREFERENCED_PARAMETER(ResourcesRaw);

    for (ULONG i = 0; i < WdfCmResourceListGetCount(ResourcesTranslated); i++) {
        PCM_PARTIAL_RESOURCE_DESCRIPTOR d = WdfCmResourceListGetDescriptor(ResourcesTranslated, i);
        if (d && d->Type == CmResourceTypePort)
            ctx->StatusPort = (USHORT)d->u.Port.Start.LowPart;
    }
    return STATUS_SUCCESS;
}

NTSTATUS KhEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDF_PNPPOWER_EVENT_CALLBACKS pnpCallbacks;
    WDFDEVICE device;
    WDFQUEUE queue;
    UNREFERENCED_PARAMETER(Driver);

    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);
    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&pnpCallbacks);
    pnpCallbacks.EvtDevicePrepareHardware = KhEvtDevicePrepareHardware;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &pnpCallbacks);
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, DEVICE_CONTEXT);
    NTSTATUS status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status))
        return status;
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoDeviceControl = KhEvtIoDeviceControl;
    return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, &queue);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;
    WDF_DRIVER_CONFIG_INIT(&config, KhEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);
}
