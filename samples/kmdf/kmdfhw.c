/* kmdfhw.c - a KMDF driver with a control device whose EvtIoDeviceControl reaches MSRs,
 * ports and kernel memory; unsafe and constrained forms side by side. */
#include <ntddk.h>
#include <wdf.h>
#include <intrin.h>

#define IOCTL_KH_READ_MSR CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_KH_WRITE_PORT CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_KH_COPY_MEMORY CTL_CODE(FILE_DEVICE_UNKNOWN, 0x902, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_KH_READ_NEITHER CTL_CODE(FILE_DEVICE_UNKNOWN, 0x903, METHOD_NEITHER, FILE_ANY_ACCESS)

typedef struct _KH_INPUT {
    ULONG Index;
    USHORT Port;
    UCHAR Value;
    ULONG Length;
    UCHAR Bytes[32];
} KH_INPUT, *PKH_INPUT;

typedef struct _DEVICE_CONTEXT {
    USHORT StatusPort;
    UCHAR Cache[32];
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, DeviceGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD KhEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL KhEvtIoDeviceControl;

VOID KhEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength,
                          ULONG IoControlCode)
{
    PDEVICE_CONTEXT ctx = DeviceGetContext(WdfIoQueueGetDevice(Queue));
    PKH_INPUT in = NULL;
    size_t inLen = 0;
    NTSTATUS status;
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

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
        RtlCopyMemory(&local, user, sizeof(local)); // expect: copy-pointer
        __try {
            /* Constrained: probed first, inside __try. */
            ProbeForRead(user, sizeof(local), 1);
            RtlCopyMemory(&local, user, sizeof(local)); // expect: none
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            WdfRequestComplete(Request, GetExceptionCode());
            return;
        }
        /* A field of the copy is a user value: unsafe as an MSR index. */
        local.Index = (ULONG)__readmsr(local.Index); // expect: msr-read
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
        in->Index = (ULONG)__readmsr(in->Index); // expect: msr-read
        /* Constrained: masked into the 0x10-0x1F performance range. */
        in->Index = (ULONG)__readmsr(0x10 | (in->Index & 0xF)); // expect: none
        break;
    case IOCTL_KH_WRITE_PORT:
        /* Unsafe. */
        __outbyte(in->Port, in->Value); // expect: port-write
        /* Constrained: the port the device owns. */
        if (in->Port == ctx->StatusPort)
            __outbyte(in->Port, in->Value); // expect: none
        break;
    case IOCTL_KH_COPY_MEMORY:
        /* Unsafe: the length of the retrieved buffer is the caller's and the cache holds 32 bytes. */
        RtlCopyMemory(ctx->Cache, in, inLen); // expect: copy-size
        /* Constrained: the length is checked against the destination. */
        if (inLen <= sizeof(ctx->Cache))
            RtlCopyMemory(ctx->Cache, in, inLen); // expect: none
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    WdfRequestCompleteWithInformation(Request, status, NT_SUCCESS(status) ? sizeof(KH_INPUT) : 0);
}

NTSTATUS KhEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDFDEVICE device;
    WDFQUEUE queue;
    UNREFERENCED_PARAMETER(Driver);

    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoBuffered);
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
