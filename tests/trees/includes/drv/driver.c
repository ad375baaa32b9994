/* driver.c - a WDM driver whose includes are spelled the Windows way. */
#include <ddk/ntddk.h>
#include "msrdrv.h"
#include "..\common\hw.h"
#include "shared.h"
#include "..\old\place\stats.h"
#include "dup.h"
#include "gone.h"
#include <vendor/types.h>

DRIVER_DISPATCH DeviceControl;

NTSTATUS DeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PMSR_REQUEST in = (PMSR_REQUEST)Irp->AssociatedIrp.SystemBuffer;
    HW_PORT port = 0;
    SHARED_COUNT count = 0;
    STATS_COUNT stats = 0;
    UNREFERENCED_PARAMETER(DeviceObject);
    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_READ_MSR:
        in->Register = (ULONG)__readmsr(in->Register + port + count + stats);
        break;
    case IOCTL_GONE:
        __writemsr(in->Register, 0);
        break;
    }
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DeviceControl;
    return STATUS_SUCCESS;
}
