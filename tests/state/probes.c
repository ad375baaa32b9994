/* probes.c - what a probe tells: ProbeForRead(p, n) makes p probed for the path n (until n
 * changes), MmProbeAndLockPages(mdl, mode) probes the MDL unless the mode is KernelMode, and
 * a read request's Irp->UserBuffer is probed by its system service, a device control's is not. */
#include <ntddk.h>

#include "intrinsics.h"

NTSTATUS RangeProbe(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PVOID user = sp->Parameters.DeviceIoControl.Type3InputBuffer;
    ULONG len = sp->Parameters.DeviceIoControl.InputBufferLength;
    __drvtaint_state(user); // state: user value any 64-bit unsigned value unbounded
    ProbeForRead(user, len, 1);
    __drvtaint_state(user); // state: user value any 64-bit unsigned value unbounded probed probed-len=len
    len = len + 1;
    /* the probe's length changed: the pointer is still probed, for no known length */
    __drvtaint_relations(user); // state: none
    return STATUS_SUCCESS;
}

NTSTATUS MdlProbe(PIRP Irp, BOOLEAN kernel)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PVOID user = sp->Parameters.DeviceIoControl.Type3InputBuffer;
    PMDL mdl = IoAllocateMdl(user, 16, FALSE, FALSE, NULL);
    PMDL other = IoAllocateMdl(user, 16, FALSE, FALSE, NULL);
    MmProbeAndLockPages(other, KernelMode, IoReadAccess);
    __drvtaint_state(other); // state: user value any 64-bit unsigned value unbounded result-of=IoAllocateMdl(user, 16, FALSE, FALSE, NULL) buffer-length=16
    MmProbeAndLockPages(mdl, Irp->RequestorMode, IoReadAccess);
    __drvtaint_state(mdl); // state: user value any 64-bit unsigned value unbounded probed result-of=IoAllocateMdl(user, 16, FALSE, FALSE, NULL) buffer-length=16
    return STATUS_SUCCESS;
}

/* a helper's summary serves every request: the user buffer it returns is probed only in
   the routines of a request whose system service probed it */
PVOID StateMapUserBuffer(PIRP Irp)
{
    if (Irp->MdlAddress == NULL)
        return Irp->UserBuffer;
    return MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority);
}

NTSTATUS StateRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    __drvtaint_state(Irp->UserBuffer); // state: user value any 64-bit unsigned value unbounded probed
    PVOID mapped = StateMapUserBuffer(Irp);
    __drvtaint_state(mapped); // state: user value+contents any 64-bit unsigned value unbounded probed result-of=StateMapUserBuffer(Irp)
    return STATUS_SUCCESS;
}

NTSTATUS StateControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    __drvtaint_state(Irp->UserBuffer); // state: user value any 64-bit unsigned value unbounded
    PVOID mapped = StateMapUserBuffer(Irp);
    __drvtaint_state(mapped); // state: user value+contents any 64-bit unsigned value unbounded result-of=StateMapUserBuffer(Irp)
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_READ] = StateRead;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = StateControl;
    return STATUS_SUCCESS;
}
