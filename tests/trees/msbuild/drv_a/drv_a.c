/* drv_a.c - a WDM driver built by drv_a.vcxproj. Its flags come only from the project:
 * HwRegs.h is found through AdditionalIncludeDirectories, DRVA_RAW_MSR is defined by the
 * property sheet for Release only. */
#include <HwRegs.h>

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH DrvADeviceControl;

NTSTATUS DrvADeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PHW_REQUEST in = (PHW_REQUEST)Irp->AssociatedIrp.SystemBuffer;
    PDEVICE_EXTENSION ext = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
    if (stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(HW_REQUEST))
        return STATUS_BUFFER_TOO_SMALL;
    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_HW_SET_PORT:
        /* drv_a keeps a user port in its extension: drv_b's same-named field is not this one */
        ext->Port = in->Port;
        break;
    case IOCTL_HW_READ_MSR:
#ifdef DRVA_RAW_MSR
        __readmsr(in->Msr); // expect: msr-read
#else
        if (in->Msr >= 0x10 && in->Msr <= 0x1F)
            __readmsr(in->Msr);
#endif
        break;
    default:
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DrvADeviceControl;
    return STATUS_SUCCESS;
}
