// queue.cpp - a KMDF queue written as a C++ class (the shape of Windows-driver-samples' UCM UCSI
// and GNSS drivers): WDF calls a static member function, registered as &Class::Method, which
// forwards the request to an instance method through the queue's context.
#include <ntddk.h>
#include <wdf.h>
#include <intrin.h>

#define IOCTL_CPP_QUEUE_PORT CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA10, METHOD_BUFFERED, FILE_WRITE_ACCESS)

class CQueue;
typedef struct _CQUEUE_CONTEXT {
    CQueue *Queue;
} CQUEUE_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(CQUEUE_CONTEXT, CQueueGetContext)

class CQueue {
public:
    NTSTATUS Create(WDFDEVICE Device);
    static EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL OnDeviceControlThunk;

private:
    void OnDeviceControl(WDFREQUEST Request, size_t InputBufferLength, ULONG IoControlCode);
};

void CQueue::OnDeviceControlThunk(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength,
                                  size_t InputBufferLength, ULONG IoControlCode)
{
    UNREFERENCED_PARAMETER(OutputBufferLength);
    CQueueGetContext(Queue)->Queue->OnDeviceControl(Request, InputBufferLength, IoControlCode);
}

void CQueue::OnDeviceControl(WDFREQUEST Request, size_t InputBufferLength, ULONG IoControlCode)
{
    PUSHORT port = NULL;
    NTSTATUS status = STATUS_INVALID_DEVICE_REQUEST;
    UNREFERENCED_PARAMETER(InputBufferLength);
    switch (IoControlCode) {
    case IOCTL_CPP_QUEUE_PORT:
        status = WdfRequestRetrieveInputBuffer(Request, sizeof(USHORT), (PVOID *)&port, NULL);
        /* Unsafe: the port is the caller's. */
        if (NT_SUCCESS(status))
            __outbyte(*port, 0); /* ioctl: IOCTL_CPP_QUEUE_PORT */ // expect: port-write
        break;
    default:
        break;
    }
    WdfRequestComplete(Request, status);
}

NTSTATUS CQueue::Create(WDFDEVICE Device)
{
    WDF_IO_QUEUE_CONFIG config;
    WDF_OBJECT_ATTRIBUTES attributes;
    WDFQUEUE queue;
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&config, WdfIoQueueDispatchParallel);
    config.EvtIoDeviceControl = &CQueue::OnDeviceControlThunk;
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, CQUEUE_CONTEXT);
    NTSTATUS status = WdfIoQueueCreate(Device, &config, &attributes, &queue);
    if (NT_SUCCESS(status))
        CQueueGetContext(queue)->Queue = this;
    return status;
}
