/* hwasm.c - MSR and port primitives written in assembly (amd64/hwprims.asm): calls to them are
 * sink calls like the intrinsics they stand for (docs/taint.md, "Primitives in assembly"). */
#include <ntddk.h>

#define IOCTL_HWASM_READ_MSR CTL_CODE(0x8000, 0x910, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_HWASM_READ_MSR_SAFE CTL_CODE(0x8000, 0x911, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_HWASM_WRITE_PORT CTL_CODE(0x8000, 0x912, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_HWASM_WRITE_PORT_SAFE CTL_CODE(0x8000, 0x913, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_HWASM_WRITE_PORT_HALF CTL_CODE(0x8000, 0x914, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_HWASM_READ_PCI CTL_CODE(0x8000, 0x915, METHOD_BUFFERED, FILE_ANY_ACCESS)

ULONG64 AsmReadMsr(ULONG Index);
VOID AsmWritePort(UCHAR Value, USHORT Port);
ULONG AsmReadPciDword(ULONG Address);

typedef struct _HWASM_REQ {
    ULONG Index;
    USHORT Port;
    UCHAR Value;
    ULONG64 Result;
} HWASM_REQ, *PHWASM_REQ;

#define HWASM_STATUS_PORT 0x2F8

static NTSTATUS HwAsmDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PHWASM_REQ req = (PHWASM_REQ)Irp->AssociatedIrp.SystemBuffer;
    NTSTATUS status = STATUS_SUCCESS;
    UNREFERENCED_PARAMETER(DeviceObject);
    if (sp->Parameters.DeviceIoControl.InputBufferLength < sizeof(HWASM_REQ) ||
        sp->Parameters.DeviceIoControl.OutputBufferLength < sizeof(HWASM_REQ)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto done;
    }
    switch (sp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_HWASM_READ_MSR:
        req->Result = AsmReadMsr(req->Index); /* ioctl: IOCTL_HWASM_READ_MSR */ // expect: msr-read
        break;
    case IOCTL_HWASM_READ_MSR_SAFE:
        if (req->Index != 0x1B) { /* IA32_APIC_BASE only */
            status = STATUS_ACCESS_DENIED;
            break;
        }
        req->Result = AsmReadMsr(req->Index); /* ioctl: IOCTL_HWASM_READ_MSR_SAFE */ // expect: none
        break;
    case IOCTL_HWASM_WRITE_PORT:
        AsmWritePort(req->Value, req->Port); /* ioctl: IOCTL_HWASM_WRITE_PORT */ // expect: port-write
        break;
    case IOCTL_HWASM_WRITE_PORT_SAFE:
        /* the value is the caller's, the port is the driver's own */
        AsmWritePort(req->Value, HWASM_STATUS_PORT); /* ioctl: IOCTL_HWASM_WRITE_PORT_SAFE */ // expect: none
        break;
    case IOCTL_HWASM_WRITE_PORT_HALF:
        /* precision: the port is checked on one path only */
        if (req->Value == 0 && req->Port != HWASM_STATUS_PORT) {
            status = STATUS_ACCESS_DENIED;
            break;
        }
        AsmWritePort(req->Value, req->Port); /* ioctl: IOCTL_HWASM_WRITE_PORT_HALF */ // expect: port-write
        break;
    case IOCTL_HWASM_READ_PCI:
        /* the primitive's ports are fixed in the assembly: nothing the caller steers reaches one */
        req->Result = AsmReadPciDword(req->Index); /* not a sink call: a finding here fails the test */
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    if (NT_SUCCESS(status))
        Irp->IoStatus.Information = sizeof(HWASM_REQ);
done:
    Irp->IoStatus.Status = status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = HwAsmDispatch;
    return STATUS_SUCCESS;
}
