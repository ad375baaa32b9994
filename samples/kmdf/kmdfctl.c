/* kmdfctl.c - the control device of the KMDF sample driver (kmdfhw.c): a named device with a
 * symbolic link that any user may open (the SDDL gives Everyone read and write), and a device
 * interface on the PnP device. No privileged operation here: the audit's device table. */
#include <ntddk.h>
#include <wdf.h>
#include <wdmsec.h>
#include <initguid.h>

DEFINE_GUID(GUID_DEVINTERFACE_KH, 0x8a6ef4e1, 0x1b7c, 0x4f25, 0x9d, 0x3e, 0x51, 0x0c, 0x7a, 0x2b, 0x44, 0x10);

/* Exposed: a control device whose SDDL lets every user read and write. */
NTSTATUS KhCreateControlDevice(WDFDRIVER Driver)
{
    DECLARE_CONST_UNICODE_STRING(sddl, SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RW_RES_R);
    DECLARE_CONST_UNICODE_STRING(name, L"\\Device\\KmdfHwControl");
    DECLARE_CONST_UNICODE_STRING(link, L"\\DosDevices\\KmdfHw");
    WDFDEVICE control;
    PWDFDEVICE_INIT init = WdfControlDeviceInitAllocate(Driver, &sddl);
    if (!init)
        return STATUS_INSUFFICIENT_RESOURCES;
    WdfDeviceInitSetExclusive(init, TRUE);
    NTSTATUS status = WdfDeviceInitAssignName(init, &name);
    if (NT_SUCCESS(status))
        status = WdfDeviceCreate(&init, WDF_NO_OBJECT_ATTRIBUTES, &control);
    if (!NT_SUCCESS(status)) {
        WdfDeviceInitFree(init);
        return status;
    }
    status = WdfDeviceCreateSymbolicLink(control, &link);
    if (NT_SUCCESS(status))
        WdfControlFinishInitializing(control);
    return status;
}

/* The PnP device's interface: how applications find it without a fixed name. */
NTSTATUS KhRegisterInterface(WDFDEVICE Device)
{
    return WdfDeviceCreateDeviceInterface(Device, &GUID_DEVINTERFACE_KH, NULL);
}
