/* portio.c - a PnP WDM driver for a legacy I/O-port device: the port range comes from the
 * translated resources at IRP_MN_START_DEVICE, the IOCTLs read and write ports. Unsafe forms
 * take the port from the request; constrained forms check it or use the device's own ports. */
#include <ntddk.h>
#include <intrin.h>

#define IOCTL_PIO_READ CTL_CODE(FILE_DEVICE_UNKNOWN, 0xB00, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_PIO_WRITE CTL_CODE(FILE_DEVICE_UNKNOWN, 0xB01, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_PIO_KBD_STATUS CTL_CODE(FILE_DEVICE_UNKNOWN, 0xB02, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_PIO_LPT_WRITE CTL_CODE(FILE_DEVICE_UNKNOWN, 0xB03, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_PIO_DEVICE_READ CTL_CODE(FILE_DEVICE_UNKNOWN, 0xB04, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define KBD_STATUS_PORT 0x64
#define LPT1_BASE 0x378
#define LPT1_LAST 0x37F

/* A driver-local accessor macro: the sink call is written where the macro is used. */
#define PIO_WRITE8(port, value) WRITE_PORT_UCHAR((PUCHAR)(ULONG_PTR)(port), (UCHAR)(value))

typedef struct _PIO_REQUEST {
    ULONG Port;
    ULONG Offset;
    ULONG Value;
} PIO_REQUEST, *PPIO_REQUEST;

typedef struct _PIO_EXTENSION {
    PDEVICE_OBJECT LowerDevice;
    PUCHAR PortBase; /* from the translated CmResourceTypePort descriptor */
    ULONG PortLength;
} PIO_EXTENSION, *PPIO_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE PioAddDevice;
_Dispatch_type_(IRP_MJ_PNP) DRIVER_DISPATCH PioPnp;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH PioDeviceControl;

static VOID PioSaveResources(PPIO_EXTENSION ext, PCM_RESOURCE_LIST resources)
{
    if (!resources || resources->Count == 0)
        return;
    PCM_PARTIAL_RESOURCE_LIST list = &resources->List[0].PartialResourceList;
    for (ULONG i = 0; i < list->Count; i++) {
        PCM_PARTIAL_RESOURCE_DESCRIPTOR d = &list->PartialDescriptors[i];
        if (d->Type == CmResourceTypePort && (d->Flags & CM_RESOURCE_PORT_IO)) {
            ext->PortBase = (PUCHAR)(ULONG_PTR)d->u.Port.Start.QuadPart;
            ext->PortLength = d->u.Port.Length;
        }
    }
}

NTSTATUS PioPnp(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PPIO_EXTENSION ext = (PPIO_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    if (stack->MinorFunction == IRP_MN_START_DEVICE)
        PioSaveResources(ext, stack->Parameters.StartDevice.AllocatedResourcesTranslated);
    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(ext->LowerDevice, Irp);
}

/* Unsafe: every width of port read, at whatever port the caller names. */
static VOID PioReadAny(PPIO_REQUEST req)
{
    USHORT port = (USHORT)req->Port;
    req->Value = __inword(port); /* ioctl: IOCTL_PIO_READ */ // expect: port-read
    req->Value = READ_PORT_UCHAR((PUCHAR)(ULONG_PTR)req->Port); /* ioctl: IOCTL_PIO_READ */ // expect: port-read
}

/* Unsafe: writes at a caller-chosen port (0xCF9 resets the machine, 0xCF8/0xCFC reach PCI config). */
static VOID PioWriteAny(PPIO_REQUEST req)
{
    __outword((USHORT)req->Port, (USHORT)req->Value); /* ioctl: IOCTL_PIO_WRITE */ // expect: port-write
    __outdword((USHORT)req->Port, req->Value); /* ioctl: IOCTL_PIO_WRITE */ // expect: port-write
    PIO_WRITE8(req->Port, req->Value); /* ioctl: IOCTL_PIO_WRITE */ // expect: port-write
}

NTSTATUS PioDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PPIO_EXTENSION ext = (PPIO_EXTENSION)DeviceObject->DeviceExtension;
    PPIO_REQUEST req = (PPIO_REQUEST)Irp->AssociatedIrp.SystemBuffer;
    NTSTATUS status = STATUS_SUCCESS;

    if (stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(PIO_REQUEST) ||
        stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(PIO_REQUEST)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto complete;
    }

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_PIO_READ:
        PioReadAny(req);
        break;
    case IOCTL_PIO_WRITE:
        PioWriteAny(req);
        break;
    case IOCTL_PIO_KBD_STATUS:
        /* Constrained: the port must equal the one expected port. */
        if (req->Port != KBD_STATUS_PORT) {
            status = STATUS_ACCESS_DENIED;
            break;
        }
        req->Value = __inbyte((USHORT)req->Port); /* ioctl: IOCTL_PIO_KBD_STATUS */ // expect: none
        break;
    case IOCTL_PIO_LPT_WRITE:
        /* Constrained: both ends of the parallel port's range; the written byte is the caller's. */
        if (LPT1_BASE <= req->Port && req->Port <= LPT1_LAST) {
            PIO_WRITE8(req->Port, req->Value); /* ioctl: IOCTL_PIO_LPT_WRITE */ // expect: none
        } else {
            status = STATUS_ACCESS_DENIED;
        }
        break;
    case IOCTL_PIO_DEVICE_READ:
        /* Constrained: an offset inside the device's own port range from its resources. */
        if (req->Offset >= ext->PortLength) {
            status = STATUS_INVALID_PARAMETER;
            break;
        }
        req->Value = READ_PORT_UCHAR(ext->PortBase + req->Offset); /* ioctl: IOCTL_PIO_DEVICE_READ */ // expect: none
        /* The device's resource port itself: a kernel value; the value written is informational. */
        WRITE_PORT_ULONG((PULONG)ext->PortBase, req->Value); /* ioctl: IOCTL_PIO_DEVICE_READ */ // expect: none
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

complete:
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = NT_SUCCESS(status) ? sizeof(PIO_REQUEST) : 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

NTSTATUS PioAddDevice(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT PhysicalDeviceObject)
{
    PDEVICE_OBJECT device = NULL;
    NTSTATUS status = IoCreateDevice(DriverObject, sizeof(PIO_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                                     FILE_DEVICE_SECURE_OPEN, FALSE, &device);
    if (!NT_SUCCESS(status))
        return status;
    PPIO_EXTENSION ext = (PPIO_EXTENSION)device->DeviceExtension;
    RtlZeroMemory(ext, sizeof(*ext));
    ext->LowerDevice = IoAttachDeviceToDeviceStack(device, PhysicalDeviceObject);
    if (!ext->LowerDevice) {
        IoDeleteDevice(device);
        return STATUS_NO_SUCH_DEVICE;
    }
    device->Flags |= DO_BUFFERED_IO;
    device->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    /* A POST code to the diagnostic port: constant port and value. */
    __outbyte(0x80, 0x5A); /* ioctl: none */ // expect: none
    DriverObject->DriverExtension->AddDevice = PioAddDevice;
    DriverObject->MajorFunction[IRP_MJ_PNP] = PioPnp;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = PioDeviceControl;
    return STATUS_SUCCESS;
}
