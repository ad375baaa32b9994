/* A device with an SDDL of its own; its INF (inf/ascii.inx) adds FILE_DEVICE_SECURE_OPEN. */
#include <ntddk.h>
#include <wdmsec.h>

DRIVER_INITIALIZE DriverEntry;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PDEVICE_OBJECT dev = NULL;
    DECLARE_CONST_UNICODE_STRING(name, L"\\Device\\InfAscii");
    DECLARE_CONST_UNICODE_STRING(sddl, SDDL_DEVOBJ_SYS_ALL_ADM_ALL);
    UNREFERENCED_PARAMETER(RegistryPath);
    return IoCreateDeviceSecure(DriverObject, 0, (PUNICODE_STRING)&name, FILE_DEVICE_UNKNOWN, 0, FALSE, &sddl,
                                NULL, &dev);
}
