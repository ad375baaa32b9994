/* portdrv.c - a driver built from sys/sources: its header is found through INCLUDES and the
 * defines come from C_DEFINES, none from the command line. */
#include <portio.h>

DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH PortDeviceControl;

NTSTATUS PortDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PPORT_REQUEST in = (PPORT_REQUEST)Irp->AssociatedIrp.SystemBuffer;
    UNREFERENCED_PARAMETER(DeviceObject);
    if (stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(PORT_REQUEST))
        return STATUS_BUFFER_TOO_SMALL;
    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_PORT_WRITE:
#ifdef PORTDRV_RAW_PORT
        __outbyte(in->Port, in->Value); // expect: port-write
#endif
        break;
    case IOCTL_PORT_WRITE_CHECKED:
        if (in->Port <= PORTDRV_LIMIT)
            __outbyte(in->Port, in->Value);
        break;
    default:
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = PortDeviceControl;
    return STATUS_SUCCESS;
}
