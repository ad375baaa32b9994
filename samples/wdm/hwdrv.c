/* hwdrv.c - a WDM driver exposing MSR, port and memory access through IOCTLs, in the unsafe
 * form found in blocklisted drivers and in the constrained form the guidance asks for. */
#include <ntddk.h>
#include <intrin.h>

#include "ioctl_hw.h"

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD HwUnload;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH HwCreateClose;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH HwDeviceControl;

static UNICODE_STRING DeviceName = RTL_CONSTANT_STRING(L"\\Device\\SampleHw");
static UNICODE_STRING LinkName = RTL_CONSTANT_STRING(L"\\DosDevices\\SampleHw");

NTSTATUS HwCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

/* Unsafe: the caller picks any MSR; the request arrives through a call from the dispatch routine. */
static NTSTATUS ReadMsrUnsafe(PHW_REQUEST req)
{
    req->Value = __readmsr(req->Msr); /* ioctl: none */ // expect: msr-read
    return STATUS_SUCCESS;
}

/* Constrained: only the expected MSR can be read. */
static NTSTATUS ReadMsrSafe(PHW_REQUEST req)
{
    if (req->Msr != IA32_THERM_STATUS)
        return STATUS_ACCESS_DENIED;
    req->Value = __readmsr(req->Msr); /* ioctl: none */ // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS HwDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PHW_EXTENSION ext = (PHW_EXTENSION)DeviceObject->DeviceExtension;
    PHW_REQUEST req = (PHW_REQUEST)Irp->AssociatedIrp.SystemBuffer;
    ULONG inLen = stack->Parameters.DeviceIoControl.InputBufferLength;
    NTSTATUS status = STATUS_SUCCESS;

    if (inLen < sizeof(HW_REQUEST)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto done;
    }

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_HW_READ_MSR:
        /* Unsafe: the index comes straight from the input buffer. */
        req->Value = __readmsr(req->Msr); /* ioctl: IOCTL_HW_READ_MSR */ // expect: msr-read
        break;

    case IOCTL_HW_WRITE_MSR:
        /* Unsafe: the caller may write IA32_LSTAR and own the kernel. */
        __writemsr(req->Msr, req->Value); /* ioctl: IOCTL_HW_WRITE_MSR */ // expect: msr-write
        break;

    case IOCTL_HW_READ_PORT:
        /* Unsafe: any port on the machine. */
        req->Value = __indword((USHORT)req->Port); /* ioctl: IOCTL_HW_READ_PORT */ // expect: port-read
        break;

    case IOCTL_HW_WRITE_PORT:
        /* Unsafe: port 0xCF9 resets the machine. */
        __outbyte((USHORT)req->Port, (UCHAR)req->Value); /* ioctl: IOCTL_HW_WRITE_PORT */ // expect: port-write
        WRITE_PORT_ULONG((PULONG)(ULONG_PTR)req->Port, (ULONG)req->Value); /* ioctl: IOCTL_HW_WRITE_PORT */ // expect: port-write
        break;

    case IOCTL_HW_COPY:
        /* Unsafe: the caller chooses the length copied into a fixed 64-byte buffer,
           and the address read from. */
        RtlCopyMemory(ext->Scratch, req->Data, req->Length); /* ioctl: IOCTL_HW_COPY */ // expect: copy-size
        RtlCopyMemory(req->Data, (PVOID)req->Address, sizeof(req->Data)); /* ioctl: IOCTL_HW_COPY */ // expect: copy-pointer
        break;

    case IOCTL_HW_SAFE_READ_MSR:
        /* Constrained: a range check with both ends. */
        if (req->Msr >= 0x10 && req->Msr <= 0x1F)
            req->Value = __readmsr(req->Msr); /* ioctl: IOCTL_HW_SAFE_READ_MSR */ // expect: none
        else
            status = STATUS_ACCESS_DENIED;
        break;

    case IOCTL_HW_SAFE_WRITE_MSR:
        /* Constrained: an allow-list; the written value is the caller's, which is the point. */
        switch (req->Msr) {
        case IA32_APIC_BASE:
        case IA32_THERM_STATUS:
            __writemsr(req->Msr, req->Value); /* ioctl: IOCTL_HW_SAFE_WRITE_MSR */ // expect: none
            break;
        default:
            status = STATUS_ACCESS_DENIED;
            break;
        }
        break;

    case IOCTL_HW_SAFE_PORT:
        /* Constrained: only the device's own ports, from its extension. */
        if (req->Port < ext->PortBase || req->Port >= (ULONG)ext->PortBase + ext->PortCount) {
            status = STATUS_ACCESS_DENIED;
            break;
        }
        __outbyte((USHORT)req->Port, (UCHAR)req->Value); /* ioctl: IOCTL_HW_SAFE_PORT */ // expect: none
        break;

    case IOCTL_HW_SAFE_COPY:
        /* Constrained: the length is checked against the destination. */
        if (req->Length > sizeof(ext->Scratch)) {
            status = STATUS_INVALID_PARAMETER;
            break;
        }
        RtlCopyMemory(ext->Scratch, req->Data, req->Length); /* ioctl: IOCTL_HW_SAFE_COPY */ // expect: none
        break;

    default:
        status = ReadMsrUnsafe(req) == STATUS_SUCCESS ? ReadMsrSafe(req) : STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

done:
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = NT_SUCCESS(status) ? sizeof(HW_REQUEST) : 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

VOID HwUnload(PDRIVER_OBJECT DriverObject)
{
    IoDeleteSymbolicLink(&LinkName);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PDEVICE_OBJECT device = NULL;
    UNREFERENCED_PARAMETER(RegistryPath);

    NTSTATUS status = IoCreateDevice(DriverObject, sizeof(HW_EXTENSION), &DeviceName, FILE_DEVICE_UNKNOWN,
                                     FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    /* Reading a fixed MSR at load time is no user input. */
    ULONG64 apic = __readmsr(IA32_APIC_BASE); /* ioctl: none */ // expect: none
    DbgPrint("apic base %llx\n", apic);
    status = IoCreateSymbolicLink(&LinkName, &DeviceName);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(device);
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = HwCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = HwCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = HwDeviceControl;
    DriverObject->DriverUnload = HwUnload;
    device->Flags |= DO_BUFFERED_IO;
    return STATUS_SUCCESS;
}
