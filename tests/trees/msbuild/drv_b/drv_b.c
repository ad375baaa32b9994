/* drv_b.c - a second driver of the same tree, built by drv_b.vcxproj. Its extension has the
 * same type and field names as drv_a's, but no request of drv_b writes the port. */
#include "HwRegs.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DrvBDeviceControl;

NTSTATUS DrvBDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PDEVICE_EXTENSION ext = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_HW_KICK:
        /* drv_b's own port, set when it started: drv_a's stores do not reach it */
        __outbyte(ext->Port, 1); // expect: none
        break;
    default:
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DrvBDeviceControl;
    return STATUS_SUCCESS;
}
