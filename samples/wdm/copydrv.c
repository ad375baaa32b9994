/* copydrv.c - a WDM driver that moves bytes for its callers: METHOD_BUFFERED requests whose
 * contents name a kernel address or a length, and METHOD_NEITHER requests whose
 * Type3InputBuffer and UserBuffer are raw user pointers. Unsafe forms next to their twins. */
#include <ntddk.h>
#include <string.h>

#define IOCTL_CD_PEEK CTL_CODE(FILE_DEVICE_UNKNOWN, 0xC00, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_CD_STORE CTL_CODE(FILE_DEVICE_UNKNOWN, 0xC01, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_CD_NEITHER_IN CTL_CODE(FILE_DEVICE_UNKNOWN, 0xC02, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_CD_NEITHER_OUT CTL_CODE(FILE_DEVICE_UNKNOWN, 0xC03, METHOD_NEITHER, FILE_ANY_ACCESS)

#define CD_SLOT_SIZE 32

typedef struct _CD_REQUEST {
    ULONG64 Address;
    ULONG Length;
    UCHAR Data[CD_SLOT_SIZE];
} CD_REQUEST, *PCD_REQUEST;

typedef struct _CD_SETTINGS {
    ULONG Mode;
    ULONG Flags;
} CD_SETTINGS;

typedef struct _CD_EXTENSION {
    UCHAR Slot[CD_SLOT_SIZE];
    CD_SETTINGS Settings;
} CD_EXTENSION, *PCD_EXTENSION;

static const CD_SETTINGS DefaultSettings = {1, 0};

DRIVER_INITIALIZE DriverEntry;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH CdDeviceControl;

/* METHOD_BUFFERED: the request contents are the caller's, the SystemBuffer pointer is not. */
static NTSTATUS CdPeek(PCD_REQUEST in, PVOID out, ULONG outLen)
{
    /* Unsafe, the seed pattern: a caller-chosen kernel address and a caller-chosen length. */
    memcpy(out, (PVOID)in->Address, in->Length); /* ioctl: IOCTL_CD_PEEK */ // expect: copy-pointer, copy-size
    /* Unsafe: the address is the caller's even though the length is the output buffer's. */
    if (outLen >= CD_SLOT_SIZE)
        memcpy(out, (PVOID)in->Address, CD_SLOT_SIZE); /* ioctl: IOCTL_CD_PEEK */ // expect: copy-pointer
    return STATUS_SUCCESS;
}

static NTSTATUS CdStore(PCD_EXTENSION ext, PCD_REQUEST in)
{
    /* Unsafe: a caller-chosen length into the fixed 32-byte slot. */
    memmove(ext->Slot, in->Data, in->Length); /* ioctl: IOCTL_CD_STORE */ // expect: copy-size
    /* Constrained: the length checked against the destination first. */
    if (in->Length > sizeof(ext->Slot))
        return STATUS_INVALID_PARAMETER;
    memmove(ext->Slot, in->Data, in->Length); /* ioctl: IOCTL_CD_STORE */ // expect: none
    return STATUS_SUCCESS;
}

/* METHOD_NEITHER input: Type3InputBuffer is an address in the caller's process, or anywhere. */
static NTSTATUS CdNeitherIn(PCD_EXTENSION ext, PIO_STACK_LOCATION stack)
{
    PVOID user = stack->Parameters.DeviceIoControl.Type3InputBuffer;
    ULONG inLen = stack->Parameters.DeviceIoControl.InputBufferLength;
    CD_SETTINGS settings;

    /* Unsafe: never probed, so a kernel address reads kernel memory. */
    RtlCopyMemory(&settings, user, sizeof(settings)); /* ioctl: IOCTL_CD_NEITHER_IN */ // expect: copy-pointer
    /* Unsafe twice: unprobed source and the caller's length into the slot. */
    RtlCopyMemory(ext->Slot, user, inLen); /* ioctl: IOCTL_CD_NEITHER_IN */ // expect: copy-pointer, copy-size
    __try {
        /* Constrained: probed inside __try before the copy. */
        ProbeForRead(user, sizeof(settings), sizeof(ULONG));
        RtlCopyMemory(&settings, user, sizeof(settings)); /* ioctl: IOCTL_CD_NEITHER_IN */ // expect: none
        /* Probed, but the length is still the caller's and the slot holds 32 bytes. */
        ProbeForRead(user, inLen, 1);
        RtlCopyMemory(ext->Slot, user, inLen); /* ioctl: IOCTL_CD_NEITHER_IN */ // expect: copy-size
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    ext->Settings = settings;
    return STATUS_SUCCESS;
}

/* METHOD_NEITHER output: Irp->UserBuffer is the caller's pointer as well. */
static NTSTATUS CdNeitherOut(PCD_EXTENSION ext, PIRP Irp, ULONG outLen)
{
    /* Unsafe: writes wherever the caller points. */
    RtlCopyMemory(Irp->UserBuffer, ext->Slot, sizeof(ext->Slot)); /* ioctl: IOCTL_CD_NEITHER_OUT */ // expect: copy-pointer
    if (outLen < sizeof(ext->Slot))
        return STATUS_BUFFER_TOO_SMALL;
    __try {
        /* Constrained: probed for writing first, the size is the source's. */
        ProbeForWrite(Irp->UserBuffer, sizeof(ext->Slot), 1);
        RtlCopyMemory(Irp->UserBuffer, ext->Slot, sizeof(ext->Slot)); /* ioctl: IOCTL_CD_NEITHER_OUT */ // expect: none
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}

NTSTATUS CdDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PCD_EXTENSION ext = (PCD_EXTENSION)DeviceObject->DeviceExtension;
    ULONG inLen = stack->Parameters.DeviceIoControl.InputBufferLength;
    ULONG outLen = stack->Parameters.DeviceIoControl.OutputBufferLength;
    NTSTATUS status;

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_CD_PEEK:
    case IOCTL_CD_STORE:
        if (inLen < sizeof(CD_REQUEST)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        if (stack->Parameters.DeviceIoControl.IoControlCode == IOCTL_CD_PEEK)
            status = CdPeek((PCD_REQUEST)Irp->AssociatedIrp.SystemBuffer, Irp->AssociatedIrp.SystemBuffer, outLen);
        else
            status = CdStore(ext, (PCD_REQUEST)Irp->AssociatedIrp.SystemBuffer);
        break;
    case IOCTL_CD_NEITHER_IN:
        status = CdNeitherIn(ext, stack);
        break;
    case IOCTL_CD_NEITHER_OUT:
        status = CdNeitherOut(ext, Irp, outLen);
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PDEVICE_OBJECT device = NULL;
    UNREFERENCED_PARAMETER(RegistryPath);
    NTSTATUS status = IoCreateDevice(DriverObject, sizeof(CD_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                                     FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    PCD_EXTENSION ext = (PCD_EXTENSION)device->DeviceExtension;
    /* Kernel to kernel with sizeof: no user data anywhere. */
    RtlCopyMemory(&ext->Settings, &DefaultSettings, sizeof(ext->Settings)); /* ioctl: none */ // expect: none
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = CdDeviceControl;
    device->Flags |= DO_BUFFERED_IO;
    return STATUS_SUCCESS;
}
