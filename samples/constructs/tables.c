/* tables.c - issue 12, item 17: dispatch routines registered from a table
 * (`static PDRIVER_DISPATCH Table[] = {[IRP_MJ_x] = f, ...}; MajorFunction[i] = Table[i];`):
 * each handler is an entry point for the request of its slot (tests/cli/test_cli.c checks that
 * the finding names it as such). */
#include "common.h"

/* the table's device-control handler: user mode reaches it */
static NTSTATUS TableDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    UNREFERENCED_PARAMETER(DeviceObject);
    in->Msr = (ULONG)__readmsr(in->Msr); // expect: msr-read
    return STATUS_SUCCESS;
}

/* twin: the table's internal device-control handler serves kernel components only */
static NTSTATUS TableInternalControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    UNREFERENCED_PARAMETER(DeviceObject);
    in->Msr = (ULONG)__readmsr(in->Msr); // expect: none
    return STATUS_SUCCESS;
}

static PDRIVER_DISPATCH TableOfHandlers[IRP_MJ_MAXIMUM_FUNCTION + 1] = {
    [IRP_MJ_DEVICE_CONTROL] = TableDeviceControl,
    [IRP_MJ_INTERNAL_DEVICE_CONTROL] = TableInternalControl,
};

NTSTATUS TablesDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    for (ULONG i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
        DriverObject->MajorFunction[i] = TableOfHandlers[i];
    return STATUS_SUCCESS;
}
