#include <ntddk.h>
typedef struct _REQ { ULONG Msr; ULONG Port; ULONG64 Value; } REQ;
NTSTATUS Dispatch(PDEVICE_OBJECT d, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    ULONG len = sp->Parameters.DeviceIoControl.InputBufferLength;
    if (len < sizeof(REQ)) return STATUS_BUFFER_TOO_SMALL;
    switch (sp->Parameters.DeviceIoControl.IoControlCode) {
    case 0x222000: in->Value = __readmsr(in->Msr); break;
    case 0x222004: if (in->Port > 0x3ff) break; __outbyte((USHORT)in->Port, (UCHAR)in->Value); break;
    case 0x222008 ... 0x22200c: for (ULONG i = 0; i < in->Msr; i++) { if (i == 3) continue; __writemsr(i, 0); } break;
    default: goto out;
    }
    __try { ProbeForRead(Irp->UserBuffer, len, 1); } __except (1) { return STATUS_ACCESS_VIOLATION; }
out:
    do { RtlCopyMemory(Irp->UserBuffer, in, in->Msr ? len : 0); } while (0);
    return in->Msr > 7 ? STATUS_SUCCESS : (NTSTATUS)in->Port;
}
NTSTATUS DriverEntry(PDRIVER_OBJECT drv, PUNICODE_STRING reg) { drv->MajorFunction[IRP_MJ_DEVICE_CONTROL] = Dispatch; return 0; }
