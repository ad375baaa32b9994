#!/usr/bin/env python3
"""Writes N translation units of realistic WDM dispatch code (IOCTL switch, helpers, checks and
sinks) for the benchmark. Deterministic: the same N gives the same files."""
import os
import sys

UNIT = r'''#include <ntddk.h>
#include <intrin.h>

#define IOCTL_B{n}_MSR CTL_CODE(0x8000 + {n} % 0x7000, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_B{n}_PORT CTL_CODE(0x8000 + {n} % 0x7000, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_B{n}_COPY CTL_CODE(0x8000 + {n} % 0x7000, 0x902, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _B{n}_REQ {{ ULONG Msr; USHORT Port; ULONG Length; UCHAR Data[64]; ULONG64 Value; }} B{n}_REQ, *PB{n}_REQ;
typedef struct _B{n}_EXT {{ USHORT PortBase; USHORT PortCount; UCHAR Cache[64]; ULONG Counter; }} B{n}_EXT, *PB{n}_EXT;

static ULONG64 B{n}ReadChecked(ULONG msr)
{{
    if (msr < 0x10 || msr > 0x1F)
        return 0;
    return __readmsr(msr);
}}

static NTSTATUS B{n}WritePort(PB{n}_EXT ext, PB{n}_REQ req)
{{
    if (req->Port < ext->PortBase || req->Port >= (ULONG)ext->PortBase + ext->PortCount)
        return STATUS_ACCESS_DENIED;
    __outbyte(req->Port, (UCHAR)req->Value);
    return STATUS_SUCCESS;
}}

static VOID B{n}Checksum(PUCHAR data, ULONG length, PULONG sum)
{{
    ULONG s = 0;
    for (ULONG i = 0; i < length && i < 64; i++)
        s = (s << 1) ^ data[i];
    *sum = s;
}}

NTSTATUS B{n}DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PB{n}_EXT ext = (PB{n}_EXT)DeviceObject->DeviceExtension;
    PB{n}_REQ req = (PB{n}_REQ)Irp->AssociatedIrp.SystemBuffer;
    NTSTATUS status = STATUS_SUCCESS;
    ULONG sum = 0;

    if (stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(B{n}_REQ))
        return STATUS_BUFFER_TOO_SMALL;
    switch (stack->Parameters.DeviceIoControl.IoControlCode) {{
    case IOCTL_B{n}_MSR:
        req->Value = B{n}ReadChecked(req->Msr);
        if ({n} % 3 == 0)
            req->Value = __readmsr(req->Msr);
        break;
    case IOCTL_B{n}_PORT:
        status = B{n}WritePort(ext, req);
        break;
    case IOCTL_B{n}_COPY:
        if (req->Length > sizeof(ext->Cache)) {{
            status = STATUS_INVALID_PARAMETER;
            break;
        }}
        RtlCopyMemory(ext->Cache, req->Data, req->Length);
        B{n}Checksum(ext->Cache, req->Length, &sum);
        ext->Counter += sum;
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }}
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = NT_SUCCESS(status) ? sizeof(B{n}_REQ) : 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}}

NTSTATUS B{n}Register(PDRIVER_OBJECT DriverObject)
{{
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = B{n}DeviceControl;
    return STATUS_SUCCESS;
}}
'''


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        with open(os.path.join(out, "unit%04d.c" % i), "w") as f:
            f.write(UNIT.format(n=i))


if __name__ == "__main__":
    main()
