/* dispatch.c - the request half of the split driver: every sink of hw.c is reached from here. */
#include "split.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH SplitDeviceControl;
DRIVER_DISPATCH SplitWrite;

NTSTATUS SplitDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PSPLIT_REQUEST in = (PSPLIT_REQUEST)Irp->AssociatedIrp.SystemBuffer;
    PSPLIT_EXTENSION ext = (PSPLIT_EXTENSION)DeviceObject->DeviceExtension;
    if (stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(SPLIT_REQUEST))
        return STATUS_BUFFER_TOO_SMALL;
    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_SPLIT_READ_MSR:
        HwReadMsr(in->Msr);
        break;
    case IOCTL_SPLIT_READ_MSR_CHECKED:
        HwReadMsrChecked(in->Msr);
        break;
    case IOCTL_SPLIT_WRITE_PORT:
        /* validated by a function of the other file */
        if (!HwIsAllowedPort(in->Port))
            return STATUS_ACCESS_DENIED;
        __outbyte(in->Port, in->Value); /* ioctl: IOCTL_SPLIT_WRITE_PORT */ // expect: none
        break;
    case IOCTL_SPLIT_SET_PORT:
        ext->KickPort = in->Port;
        break;
    case IOCTL_SPLIT_KICK:
        HwKick(ext);
        HwStatus(ext);
        break;
    case IOCTL_SPLIT_MSR_OF:
        /* the other file's helper hands the user's value back */
        __readmsr(HwMsrOf(in)); /* ioctl: IOCTL_SPLIT_MSR_OF */ // expect: msr-read
        break;
    default:
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    return STATUS_SUCCESS;
}

/* A second way in: a write request reaches the same hardware helper (one finding, two routes). */
NTSTATUS SplitWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PSPLIT_REQUEST in = (PSPLIT_REQUEST)Irp->AssociatedIrp.SystemBuffer;
    UNREFERENCED_PARAMETER(DeviceObject);
    HwReadMsr(in->Msr);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = SplitDeviceControl;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = SplitWrite;
    DriverObject->MajorFunction[IRP_MJ_INTERNAL_DEVICE_CONTROL] = HwInternalControl;
    return STATUS_SUCCESS;
}
