/* exposed.c - a WDM driver the driver security checklist warns about: a named device without
 * an SDDL and without FILE_DEVICE_SECURE_OPEN, a second device whose SDDL lets every user in,
 * IOCTL codes tested with if/else-if instead of a switch (one needs read access, one is
 * METHOD_NEITHER used without a probe, one queues a work item), and a read dispatch routine that
 * takes user data, and a function that maps codes to names for tracing (it handles none of them). */
#include <ntddk.h>
#include <wdmsec.h>

#define FILE_DEVICE_EXPOSED 0x9000
#define IOCTL_EX_READ_MSR CTL_CODE(FILE_DEVICE_EXPOSED, 0x900, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_EX_WRITE_PORT CTL_CODE(FILE_DEVICE_EXPOSED, 0x901, METHOD_BUFFERED, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_EX_NEITHER CTL_CODE(FILE_DEVICE_EXPOSED, 0x902, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_EX_VERSION CTL_CODE(FILE_DEVICE_EXPOSED, 0x903, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_EX_LATER CTL_CODE(FILE_DEVICE_EXPOSED, 0x904, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_EX_RETIRED CTL_CODE(FILE_DEVICE_EXPOSED, 0x905, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _EX_REQUEST {
    ULONG Msr;
    USHORT Port;
    UCHAR Value;
    ULONG64 Result;
} EX_REQUEST, *PEX_REQUEST;

DRIVER_INITIALIZE DriverEntry;

/* Deferred work an IOCTL queues: the request reaches it as the context. */
static VOID ExWorker(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    PEX_REQUEST req = (PEX_REQUEST)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    /* Unsafe: the port the caller queued. */
    __outbyte(req->Port, req->Value); /* ioctl: IOCTL_EX_LATER */ // expect: port-write
}

/* A name table for the trace: it tests codes but handles none (IOCTL_EX_RETIRED is handled nowhere). */
static const char *ExIoctlName(ULONG code)
{
    const char *name = "?";
    switch (code) {
    case IOCTL_EX_READ_MSR: return "IOCTL_EX_READ_MSR";
    case IOCTL_EX_RETIRED: name = "IOCTL_EX_RETIRED"; break;
    default: break;
    }
    return name;
}

static NTSTATUS ExDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG code = stack->Parameters.DeviceIoControl.IoControlCode;
    PEX_REQUEST req = (PEX_REQUEST)Irp->AssociatedIrp.SystemBuffer;

    KdPrint(("exposed: %s\n", ExIoctlName(code)));
    if (stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(EX_REQUEST))
        return STATUS_BUFFER_TOO_SMALL;
    if (code == IOCTL_EX_READ_MSR) {
        /* Unsafe: any MSR, for a caller with read access. */
        req->Result = __readmsr(req->Msr); /* ioctl: IOCTL_EX_READ_MSR */ // expect: msr-read
    } else if (code == IOCTL_EX_WRITE_PORT) {
        /* Constrained: the parallel port only. */
        if (req->Port >= 0x378 && req->Port <= 0x37F)
            __outbyte(req->Port, req->Value); /* ioctl: IOCTL_EX_WRITE_PORT */ // expect: none
    } else if (code == IOCTL_EX_NEITHER) {
        /* Unsafe: METHOD_NEITHER's input pointer, neither probed nor captured. */
        PEX_REQUEST raw = (PEX_REQUEST)stack->Parameters.DeviceIoControl.Type3InputBuffer;
        RtlCopyMemory(req, raw, sizeof(EX_REQUEST)); /* ioctl: IOCTL_EX_NEITHER */ // expect: copy-pointer
    } else if (code == IOCTL_EX_VERSION) {
        req->Result = 1;
    } else if (code == IOCTL_EX_LATER) {
        PIO_WORKITEM item = IoAllocateWorkItem(DeviceObject);
        if (item)
            IoQueueWorkItem(item, ExWorker, DelayedWorkQueue, req);
    }
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

/* Another way in: a read request whose length the caller picks. */
static NTSTATUS ExRead(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    UCHAR local[16];
    UNREFERENCED_PARAMETER(DeviceObject);
    /* Unsafe: the read length is the caller's. */
    RtlCopyMemory(local, Irp->AssociatedIrp.SystemBuffer, stack->Parameters.Read.Length); /* ioctl: none */ // expect: copy-size
    Irp->IoStatus.Status = STATUS_SUCCESS;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name, link;
    PDEVICE_OBJECT open = NULL, secured = NULL;
    DECLARE_CONST_UNICODE_STRING(sddl, SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RWX_RES_RWX);
    DECLARE_CONST_UNICODE_STRING(secureName, L"\\Device\\ExposedSecure");
    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&name, L"\\Device\\Exposed");
    RtlInitUnicodeString(&link, L"\\DosDevices\\Exposed");
    /* Exposed: a name, no SDDL, no FILE_DEVICE_SECURE_OPEN. */
    NTSTATUS status = IoCreateDevice(DriverObject, 0, &name, FILE_DEVICE_EXPOSED, 0, FALSE, &open);
    if (!NT_SUCCESS(status))
        return status;
    /* Exposed: an SDDL, but one that gives every user full access. */
    status = IoCreateDeviceSecure(DriverObject, 0, (PUNICODE_STRING)&secureName, FILE_DEVICE_EXPOSED,
                                  FILE_DEVICE_SECURE_OPEN, TRUE, &sddl, NULL, &secured);
    if (!NT_SUCCESS(status))
        return status;
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status))
        return status;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = ExDeviceControl;
    DriverObject->MajorFunction[IRP_MJ_READ] = ExRead;
    return STATUS_SUCCESS;
}
