/* hw.c - the hardware half of the split driver: it never sees an IRP from user mode itself;
 * dispatch.c hands it request fields and the device extension. */
#include "split.h"

/* Called with a request field from dispatch.c: unsafe for what that caller passes. */
ULONG64 HwReadMsr(ULONG msr)
{
    return __readmsr(msr); /* ioctl: IOCTL_SPLIT_READ_MSR */ // expect: msr-read
}

/* Checks its parameter itself: safe whoever calls it. */
ULONG64 HwReadMsrChecked(ULONG msr)
{
    if (msr < 0x10 || msr > 0x1F)
        return 0;
    return __readmsr(msr); /* ioctl: IOCTL_SPLIT_READ_MSR_CHECKED */ // expect: none
}

/* A validator dispatch.c calls before it writes the port. */
BOOLEAN HwIsAllowedPort(USHORT port)
{
    return port >= 0x378 && port <= 0x37F;
}

/* Hands back a field of the request it is given. */
ULONG HwMsrOf(PSPLIT_REQUEST req)
{
    return req->Msr;
}

/* Uses the port an earlier request stored in the device extension. */
VOID HwKick(PSPLIT_EXTENSION ext)
{
    __outbyte(ext->KickPort, 1); /* ioctl: IOCTL_SPLIT_KICK */ // expect: port-write
}

/* The extension field no request writes stays the driver's own. */
VOID HwStatus(PSPLIT_EXTENSION ext)
{
    __outbyte(ext->StatusPort, 1); /* ioctl: IOCTL_SPLIT_KICK */ // expect: none
}

/* Registered in dispatch.c for internal device control only: kernel callers, no user input. */
NTSTATUS HwInternalControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PSPLIT_REQUEST in = (PSPLIT_REQUEST)Irp->AssociatedIrp.SystemBuffer;
    UNREFERENCED_PARAMETER(DeviceObject);
    __readmsr(in->Msr); /* ioctl: none */ // expect: none
    return STATUS_SUCCESS;
}
