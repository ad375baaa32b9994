#include "port.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH ProjDeviceControl;

NTSTATUS ProjDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    UNREFERENCED_PARAMETER(DeviceObject);
    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_PROJ_WRITE:
        ProjWritePort((PPROJ_REQ)Irp->AssociatedIrp.SystemBuffer);
        break;
    default:
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = ProjDeviceControl;
    return STATUS_SUCCESS;
}
