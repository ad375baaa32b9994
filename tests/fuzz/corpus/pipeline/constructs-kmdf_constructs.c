/* kmdf_constructs.c - the analysis constructs in KMDF form: buffers and lengths come from
 * WdfRequestRetrieve* and WdfMemoryGetBuffer instead of the IRP. */
#include <ntddk.h>
#include <wdf.h>
#include <intrin.h>

typedef struct _KREQ {
    ULONG Msr;
    USHORT Port;
    ULONG Length;
    UCHAR Data[16];
} KREQ, *PKREQ;

EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL KcEvtIoDeviceControl;

static VOID ReadFromHelper(PKREQ req)
{
    __readmsr(req->Msr); // expect: msr-read
}

VOID KcEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength,
                          ULONG IoControlCode)
{
    PKREQ in;
    size_t len;
    WDFMEMORY memory;
    UCHAR local[16];
    UNREFERENCED_PARAMETER(Queue);
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(IoControlCode);

    if (!NT_SUCCESS(WdfRequestRetrieveInputBuffer(Request, sizeof(KREQ), (PVOID *)&in, &len))) {
        WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
        return;
    }
    /* switch case labels bound the value */
    switch (in->Msr) {
    case 0x1B:
        __readmsr(in->Msr); // expect: none
        break;
    default:
        __readmsr(in->Msr); // expect: msr-read
        break;
    }
    /* both ends through || with an early exit */
    if (in->Port < 0x60 || in->Port > 0x64) {
        WdfRequestComplete(Request, STATUS_ACCESS_DENIED);
        return;
    }
    __inbyte(in->Port); // expect: none
    /* the retrieved length against the destination */
    if (len <= sizeof(local))
        RtlCopyMemory(local, in, len); // expect: none
    RtlCopyMemory(local, in, len); // expect: copy-size
    /* the callback's InputBufferLength parameter is the caller's number too */
    RtlCopyMemory(local, in, InputBufferLength); // expect: copy-size
    if (InputBufferLength <= sizeof(local))
        RtlCopyMemory(local, in, InputBufferLength); // expect: none
    /* WDFMEMORY buffers are user bytes too */
    if (NT_SUCCESS(WdfRequestRetrieveInputMemory(Request, &memory))) {
        PKREQ viaMemory = (PKREQ)WdfMemoryGetBuffer(memory, NULL);
        __readmsr(viaMemory->Msr); // expect: msr-read
        ReadFromHelper(viaMemory);
    }
    WdfRequestComplete(Request, STATUS_SUCCESS);
}
