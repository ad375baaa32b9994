/* handlers.c - issue 12, item 17: a dispatch routine wired with `= &Dispatch` and by a loop over
 * MajorFunction, and per-IOCTL handlers that read SystemBuffer themselves
 * (`case IOCTL_X: status = HandleX(Irp, IrpSp);`): their findings name the dispatch routine and
 * the IOCTL code of the case that calls them (tests/cli/test_cli.c checks the attribution). */
#include <ntddk.h>
#include <intrin.h>

#define IOCTL_HANDLERS_READ_MSR CTL_CODE(0x8000, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_HANDLERS_READ_SAFE CTL_CODE(0x8000, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _HREQ {
    ULONG Msr;
} HREQ, *PHREQ;

/* the handler reads the request's buffer itself: the finding is the dispatch routine's */
static NTSTATUS HandleReadMsr(PIRP Irp, PIO_STACK_LOCATION IrpSp)
{
    PHREQ in = (PHREQ)Irp->AssociatedIrp.SystemBuffer;
    if (IrpSp->Parameters.DeviceIoControl.InputBufferLength < sizeof(HREQ))
        return STATUS_BUFFER_TOO_SMALL;
    in->Msr = (ULONG)__readmsr(in->Msr); /* ioctl: IOCTL_HANDLERS_READ_MSR */ // expect: msr-read
    Irp->IoStatus.Information = sizeof(HREQ);
    return STATUS_SUCCESS;
}

/* twin: the same handler shape with a checked index */
static NTSTATUS HandleReadSafe(PIRP Irp, PIO_STACK_LOCATION IrpSp)
{
    PHREQ in = (PHREQ)Irp->AssociatedIrp.SystemBuffer;
    UNREFERENCED_PARAMETER(IrpSp);
    if (in->Msr != 0x1B)
        return STATUS_ACCESS_DENIED;
    in->Msr = (ULONG)__readmsr(in->Msr); /* ioctl: IOCTL_HANDLERS_READ_SAFE */ // expect: none
    return STATUS_SUCCESS;
}

static NTSTATUS HandlersDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION IrpSp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;
    UNREFERENCED_PARAMETER(DeviceObject);
    switch (IrpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_HANDLERS_READ_MSR:
        status = HandleReadMsr(Irp, IrpSp);
        break;
    case IOCTL_HANDLERS_READ_SAFE:
        status = HandleReadSafe(Irp, IrpSp);
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    Irp->IoStatus.Status = status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

static NTSTATUS HandlersPassThrough(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    for (ULONG i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        DriverObject->MajorFunction[i] = HandlersPassThrough;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = &HandlersDispatch;
    return STATUS_SUCCESS;
}
