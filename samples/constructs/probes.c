/* probes.c - issue 12, item 10: probes that validate an MDL or a user range. An MDL probed
 * and locked for user mode describes the caller's own pages; a range probed with
 * ProbeForRead/ProbeForWrite is in user space; a read request's Irp->UserBuffer was probed by
 * its system service. Each case has a silent form and the same shape truly unsafe. */
#include "common.h"

typedef struct _PROBE_REQ {
    PVOID Address;
    ULONG Length;
} PROBE_REQ, *PPROBE_REQ;

/* an MDL over the caller's address, probed and locked for the requestor's mode in __try
   before it is mapped: the caller's own pages */
NTSTATUS LockedUserMdl(PIRP Irp)
{
    PPROBE_REQ in = (PPROBE_REQ)Irp->AssociatedIrp.SystemBuffer;
    PMDL mdl = IoAllocateMdl(in->Address, in->Length, FALSE, FALSE, NULL); // expect: none
    if (!mdl)
        return STATUS_INSUFFICIENT_RESOURCES;
    __try {
        MmProbeAndLockPages(mdl, Irp->RequestorMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return GetExceptionCode();
    }
    PVOID user = MmMapLockedPagesSpecifyCache(mdl, UserMode, MmCached, NULL, FALSE, NormalPagePriority); // expect: none
    return user ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

/* unsafe: probed for KernelMode, nothing is checked; the caller's address may be the kernel's */
NTSTATUS KernelModeProbe(PIRP Irp)
{
    PPROBE_REQ in = (PPROBE_REQ)Irp->AssociatedIrp.SystemBuffer;
    PMDL mdl = IoAllocateMdl(in->Address, in->Length, FALSE, FALSE, NULL); // expect: mdl-map
    if (!mdl)
        return STATUS_INSUFFICIENT_RESOURCES;
    __try {
        MmProbeAndLockPages(mdl, KernelMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return GetExceptionCode();
    }
    PVOID user = MmMapLockedPagesSpecifyCache(mdl, UserMode, MmCached, NULL, FALSE, NormalPagePriority); // expect: mdl-map
    return user ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

/* unsafe: the wrong MDL is probed; the one that is mapped describes any address */
NTSTATUS OtherMdlProbed(PIRP Irp, PMDL spare)
{
    PPROBE_REQ in = (PPROBE_REQ)Irp->AssociatedIrp.SystemBuffer;
    PMDL mdl = IoAllocateMdl(in->Address, in->Length, FALSE, FALSE, NULL); // expect: mdl-map
    if (!mdl)
        return STATUS_INSUFFICIENT_RESOURCES;
    __try {
        MmProbeAndLockPages(spare, UserMode, IoWriteAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        IoFreeMdl(mdl);
        return GetExceptionCode();
    }
    MmBuildMdlForNonPagedPool(mdl);
    PVOID user = MmMapLockedPagesSpecifyCache(mdl, UserMode, MmCached, NULL, FALSE, NormalPagePriority); // expect: mdl-map
    return user ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

/* the MDL kept in Irp->MdlAddress (the IRP is IoAllocateMdl's fifth argument) and probed there */
NTSTATUS LockedThroughIrp(PIRP Irp)
{
    PPROBE_REQ in = (PPROBE_REQ)Irp->AssociatedIrp.SystemBuffer;
    if (!IoAllocateMdl(in->Address, in->Length, FALSE, FALSE, Irp)) // expect: none
        return STATUS_INSUFFICIENT_RESOURCES;
    __try {
        MmProbeAndLockPages(Irp->MdlAddress, UserMode, IoReadAccess);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}

/* a range probed with ProbeForRead, then described by an MDL of the same range */
NTSTATUS ProbedRange(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PVOID user = sp->Parameters.DeviceIoControl.Type3InputBuffer;
    ULONG len = sp->Parameters.DeviceIoControl.InputBufferLength;
    __try {
        ProbeForRead(user, len, 1);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    PMDL mdl = IoAllocateMdl(user, len, FALSE, FALSE, NULL); // expect: none
    return mdl ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}

/* unsafe: probed for one length, described for a longer one (into kernel space) */
NTSTATUS ProbedShorterRange(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PVOID user = sp->Parameters.DeviceIoControl.Type3InputBuffer;
    ULONG len = sp->Parameters.DeviceIoControl.InputBufferLength;
    __try {
        ProbeForRead(user, sizeof(ULONG), 1);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    PMDL mdl = IoAllocateMdl(user, len, FALSE, FALSE, NULL); // expect: mdl-map
    return mdl ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}

/* unsafe: the length was changed after the probe */
NTSTATUS ProbedThenGrown(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PVOID user = sp->Parameters.DeviceIoControl.Type3InputBuffer;
    ULONG len = sp->Parameters.DeviceIoControl.InputBufferLength;
    __try {
        ProbeForRead(user, len, 1);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    len = len * 2;
    PMDL mdl = IoAllocateMdl(user, len, FALSE, FALSE, NULL); // expect: mdl-map
    return mdl ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}

/* unsafe: probed on one path only */
NTSTATUS ProbedOnOnePath(PIRP Irp, BOOLEAN check)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PVOID user = sp->Parameters.DeviceIoControl.Type3InputBuffer;
    ULONG len = sp->Parameters.DeviceIoControl.InputBufferLength;
    if (check) {
        __try {
            ProbeForRead(user, len, 1);
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            return GetExceptionCode();
        }
    }
    PMDL mdl = IoAllocateMdl(user, len, FALSE, FALSE, NULL); // expect: mdl-map
    return mdl ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}

/* a read request on a device with neither I/O: NtReadFile probed Irp->UserBuffer for the
   read's length before it built the IRP, so the buffer is the caller's own memory */
NTSTATUS ProbeRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    UCHAR data[16] = {0};
    UNREFERENCED_PARAMETER(DeviceObject);
    if (sp->Parameters.Read.Length < sizeof(data))
        return STATUS_BUFFER_TOO_SMALL;
    __try {
        RtlCopyMemory(Irp->UserBuffer, data, sizeof(data)); // expect: none
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    /* the buffer through the request's MDL when it has one, else the probed user address */
    PUCHAR buffer = Irp->MdlAddress ? (PUCHAR)MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority)
                                    : (PUCHAR)Irp->UserBuffer;
    if (!buffer)
        return STATUS_INSUFFICIENT_RESOURCES;
    __try {
        RtlCopyMemory(buffer, data, sizeof(data)); // expect: none
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}

/* a helper a file system calls from its read, write and directory routines: the request's
   MDL's system address when it has one, else the user buffer itself */
PVOID ProbeMapUserBuffer(PIRP Irp)
{
    if (Irp->MdlAddress == NULL)
        return Irp->UserBuffer;
    return MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority);
}

/* a write request: the helper's pointer is the buffer NtWriteFile probed */
NTSTATUS ProbeWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    UCHAR data[16];
    UNREFERENCED_PARAMETER(DeviceObject);
    if (sp->Parameters.Write.Length < sizeof(data))
        return STATUS_BUFFER_TOO_SMALL;
    PUCHAR buffer = (PUCHAR)ProbeMapUserBuffer(Irp);
    __try {
        RtlCopyMemory(data, buffer, sizeof(data)); // expect: none
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}

/* unsafe: the same copy in a device-control request (METHOD_NEITHER): nothing probed the
   buffer, neither written out nor through the helper */
NTSTATUS ProbeControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UCHAR data[16] = {0};
    UNREFERENCED_PARAMETER(DeviceObject);
    __try {
        RtlCopyMemory(Irp->UserBuffer, data, sizeof(data)); // expect: copy-pointer
        RtlCopyMemory(ProbeMapUserBuffer(Irp), data, sizeof(data)); // expect: copy-pointer
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    if (!Irp->MdlAddress)
        return STATUS_SUCCESS;
    /* a part of the request's MDL (METHOD_OUT_DIRECT: the I/O manager built and locked it):
       IoBuildPartialMdl fills the new MDL with that MDL's pages, the address only picks them */
    PMDL part = IoAllocateMdl((PUCHAR)Irp->UserBuffer + 16, 16, FALSE, FALSE, NULL); // expect: none
    /* unsafe: the partial fill is of another MDL; this one describes the bare user address */
    PMDL other = IoAllocateMdl((PUCHAR)Irp->UserBuffer + 32, 16, FALSE, FALSE, NULL); // expect: mdl-map
    if (part)
        IoBuildPartialMdl(Irp->MdlAddress, part, (PUCHAR)Irp->UserBuffer + 16, 16);
    if (part)
        IoFreeMdl(part);
    if (other)
        IoFreeMdl(other);
    return STATUS_SUCCESS;
}

typedef struct _PROBE_RENAME {
    PWSTR NamePointer;
    ULONG FileNameLength;
    WCHAR FileName[1];
} PROBE_RENAME, *PPROBE_RENAME;

static WCHAR ProbeKeptName[64];

/* a string handed over by address: its Buffer is the kernel address the caller set */
static VOID ProbeKeepName(PUNICODE_STRING Name)
{
    if (Name->Length > sizeof(ProbeKeptName))
        return;
    RtlCopyMemory(ProbeKeptName, Name->Buffer, Name->Length); // expect: none
}

/* unsafe: the same string, its length unchecked */
static VOID ProbeKeepNameUnchecked(PUNICODE_STRING Name)
{
    RtlCopyMemory(ProbeKeptName, Name->Buffer, Name->Length); // expect: copy-size
}

/* set information is buffered: the name is inline in SystemBuffer, so a string over it
   points at kernel memory holding the caller's characters; a pointer stored in the
   buffer is the caller's choice */
NTSTATUS ProbeSetInfo(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PPROBE_RENAME info = (PPROBE_RENAME)Irp->AssociatedIrp.SystemBuffer;
    UNICODE_STRING name, pointed;
    UNREFERENCED_PARAMETER(DeviceObject);
    name.Length = (USHORT)info->FileNameLength;
    name.MaximumLength = name.Length;
    name.Buffer = (PWSTR)&info->FileName;
    ProbeKeepName(&name);
    ProbeKeepNameUnchecked(&name);
    pointed.Length = 16;
    pointed.MaximumLength = 16;
    pointed.Buffer = info->NamePointer;
    RtlCopyMemory(ProbeKeptName, pointed.Buffer, pointed.Length); // expect: copy-pointer
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_SET_INFORMATION] = ProbeSetInfo;
    DriverObject->MajorFunction[IRP_MJ_READ] = ProbeRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = ProbeWrite;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = ProbeControl;
    return STATUS_SUCCESS;
}
