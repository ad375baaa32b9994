// driver.cpp - a C++ WDM driver traced with WPP; driver.tmh is generated at build time.
#include <ntddk.h>
#include "trace.h"
#include "driver.tmh"

#define IOCTL_WPP_READ CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)

extern "C" DRIVER_INITIALIZE DriverEntry;
DRIVER_DISPATCH WppDeviceControl;

NTSTATUS WppDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG *in = (ULONG *)Irp->AssociatedIrp.SystemBuffer;
    UNREFERENCED_PARAMETER(DeviceObject);
    TraceEvents(TRACE_LEVEL_INFORMATION, TRACE_QUEUE, "%!FUNC! code %x", stack->Parameters.DeviceIoControl.IoControlCode);
    if (stack->Parameters.DeviceIoControl.IoControlCode == IOCTL_WPP_READ)
        in[0] = (ULONG)__readmsr(in[0]);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WPP_INIT_TRACING(DriverObject, RegistryPath);
    TraceEvents(TRACE_LEVEL_INFORMATION, TRACE_DRIVER, "%!FUNC! Entry");
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = WppDeviceControl;
    return STATUS_SUCCESS;
}
