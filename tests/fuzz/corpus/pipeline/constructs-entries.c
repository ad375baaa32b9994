/* entries.c - where requests come from: a handler registered only for internal device
 * control receives requests from kernel components, not from user mode. */
#include "common.h"

DRIVER_INITIALIZE DriverEntry;

/* Registered for IRP_MJ_INTERNAL_DEVICE_CONTROL only: its "input" comes from another driver. */
static NTSTATUS InternalOnly(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    UNREFERENCED_PARAMETER(DeviceObject);
    __readmsr(in->Msr); // expect: none
    return STATUS_SUCCESS;
}

/* Registered for IRP_MJ_DEVICE_CONTROL: user mode reaches it. */
static NTSTATUS UserFacing(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    UNREFERENCED_PARAMETER(DeviceObject);
    __readmsr(in->Msr); // expect: msr-read
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_INTERNAL_DEVICE_CONTROL] = InternalOnly;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = UserFacing;
    return STATUS_SUCCESS;
}
