/* physmem.c - physical and device memory through IOCTLs: \Device\PhysicalMemory sections,
 * MmMapIoSpace, MDLs mapped to user mode, MmCopyMemory, MmGetPhysicalAddress, PCI config
 * space and control registers; unsafe forms next to their constrained twins. */
#include <ntddk.h>
#include <intrin.h>

#define IOCTL_PM_MAP_SECTION CTL_CODE(0x8001, 0x900, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_PM_MAP_IO CTL_CODE(0x8001, 0x901, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_PM_MAP_BAR CTL_CODE(0x8001, 0x902, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_PM_COPY CTL_CODE(0x8001, 0x903, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_PM_PCI CTL_CODE(0x8001, 0x904, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_PM_CR CTL_CODE(0x8001, 0x905, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_PM_REG CTL_CODE(0x8001, 0x906, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _PM_REQUEST {
    ULONG64 PhysicalAddress;
    ULONG64 VirtualAddress;
    ULONG Size;
    ULONG Bus;
    ULONG Slot;
    ULONG Offset;
    ULONG64 Value;
    UCHAR Buffer[256];
} PM_REQUEST, *PPM_REQUEST;

typedef struct _PM_EXTENSION {
    PHYSICAL_ADDRESS BarStart;
    ULONG BarLength;
    PVOID CommonBuffer;
    PUCHAR Registers; /* the device's mapped register block */
    ULONG RegistersLength;
} PM_EXTENSION, *PPM_EXTENSION;

DRIVER_DISPATCH PmDeviceControl;

/* Unsafe: maps whatever physical range the caller asks for into the caller's process. */
static NTSTATUS MapPhysicalSection(PPM_REQUEST req)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\PhysicalMemory");
    OBJECT_ATTRIBUTES attrs;
    HANDLE section = NULL;
    PVOID base = NULL;
    LARGE_INTEGER offset;
    SIZE_T size = req->Size;

    InitializeObjectAttributes(&attrs, &name, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, NULL, NULL);
    NTSTATUS status = ZwOpenSection(&section, SECTION_ALL_ACCESS, &attrs); /* ioctl: IOCTL_PM_MAP_SECTION */ // expect: none
    if (!NT_SUCCESS(status))
        return status;
    offset.QuadPart = (LONGLONG)req->PhysicalAddress;
    status = ZwMapViewOfSection(section, ZwCurrentProcess(), &base, 0, 0, &offset, &size, ViewShare, 0, PAGE_READWRITE); /* ioctl: IOCTL_PM_MAP_SECTION */ // expect: section-map
    ZwClose(section);
    return status;
}

NTSTATUS PmDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PPM_EXTENSION ext = (PPM_EXTENSION)DeviceObject->DeviceExtension;
    PPM_REQUEST req = (PPM_REQUEST)Irp->AssociatedIrp.SystemBuffer;
    NTSTATUS status = STATUS_SUCCESS;
    PHYSICAL_ADDRESS pa;
    PVOID va;
    PMDL mdl;

    if (stack->Parameters.DeviceIoControl.InputBufferLength < sizeof(PM_REQUEST)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto out;
    }

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_PM_MAP_SECTION: {
        HANDLE section = NULL;
        PVOID base = NULL;
        LARGE_INTEGER offset;
        SIZE_T size = PAGE_SIZE;
        OBJECT_ATTRIBUTES attrs;
        UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\PhysicalMemory");
        InitializeObjectAttributes(&attrs, &name, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, NULL, NULL);
        status = ZwOpenSection(&section, SECTION_ALL_ACCESS, &attrs); /* ioctl: IOCTL_PM_MAP_SECTION */ // expect: none
        if (!NT_SUCCESS(status))
            break;
        /* Unsafe: the caller chooses the physical offset. */
        offset.QuadPart = (LONGLONG)req->PhysicalAddress;
        status = ZwMapViewOfSection(section, ZwCurrentProcess(), &base, 0, 0, &offset, &size, ViewShare, 0, PAGE_READWRITE); /* ioctl: IOCTL_PM_MAP_SECTION */ // expect: section-map
        /* Constrained: only the device's own BAR. */
        if (req->PhysicalAddress == (ULONG64)ext->BarStart.QuadPart) {
            offset.QuadPart = (LONGLONG)req->PhysicalAddress;
            status = ZwMapViewOfSection(section, ZwCurrentProcess(), &base, 0, 0, &offset, &size, ViewShare, 0, PAGE_READWRITE); /* ioctl: IOCTL_PM_MAP_SECTION */ // expect: none
        }
        ZwClose(section);
        status = MapPhysicalSection(req);
        break;
    }

    case IOCTL_PM_MAP_IO:
        /* Unsafe, the seed pattern: map any physical address and hand it to user mode. */
        pa.QuadPart = (LONGLONG)req->PhysicalAddress;
        va = MmMapIoSpace(pa, req->Size, MmNonCached); /* ioctl: IOCTL_PM_MAP_IO */ // expect: physmem-map
        if (!va) {
            status = STATUS_INSUFFICIENT_RESOURCES;
            break;
        }
        mdl = IoAllocateMdl(va, req->Size, FALSE, FALSE, NULL); /* ioctl: IOCTL_PM_MAP_IO */ // expect: mdl-map
        if (!mdl)
            break;
        MmBuildMdlForNonPagedPool(mdl);
        req->VirtualAddress = (ULONG64)MmMapLockedPagesSpecifyCache(mdl, UserMode, MmNonCached, NULL, FALSE, NormalPagePriority); /* ioctl: IOCTL_PM_MAP_IO */ // expect: mdl-map
        break;

    case IOCTL_PM_MAP_BAR:
        /* Constrained: offset and size inside the device's BAR, the base from the extension. */
        if (req->Offset >= ext->BarLength || req->Size > ext->BarLength - req->Offset) {
            status = STATUS_ACCESS_DENIED;
            break;
        }
        pa.QuadPart = ext->BarStart.QuadPart + req->Offset;
        va = MmMapIoSpace(pa, req->Size, MmNonCached); /* ioctl: IOCTL_PM_MAP_BAR */ // expect: none
        if (!va)
            break;
        /* Constrained: an MDL over the checked mapping, mapped for the kernel only. */
        mdl = IoAllocateMdl(va, req->Size, FALSE, FALSE, NULL); /* ioctl: IOCTL_PM_MAP_BAR */ // expect: none
        if (mdl) {
            MmBuildMdlForNonPagedPool(mdl);
            req->VirtualAddress = (ULONG64)MmMapLockedPagesSpecifyCache(mdl, KernelMode, MmNonCached, NULL, FALSE, NormalPagePriority); /* ioctl: IOCTL_PM_MAP_BAR */ // expect: none
        }
        MmUnmapIoSpace(va, req->Size);
        break;

    case IOCTL_PM_COPY: {
        MM_COPY_ADDRESS src;
        SIZE_T done = 0;
        /* Unsafe: reads any physical address. */
        src.PhysicalAddress.QuadPart = (LONGLONG)req->PhysicalAddress;
        status = MmCopyMemory(req->Buffer, src, sizeof(req->Buffer), MM_COPY_MEMORY_PHYSICAL, &done); /* ioctl: IOCTL_PM_COPY */ // expect: mmcopy-memory
        /* Constrained: only inside the device's BAR. */
        if (req->PhysicalAddress >= (ULONG64)ext->BarStart.QuadPart &&
            req->PhysicalAddress <= (ULONG64)ext->BarStart.QuadPart + ext->BarLength - sizeof(req->Buffer)) {
            src.PhysicalAddress.QuadPart = (LONGLONG)req->PhysicalAddress;
            status = MmCopyMemory(req->Buffer, src, sizeof(req->Buffer), MM_COPY_MEMORY_PHYSICAL, &done); /* ioctl: IOCTL_PM_COPY */ // expect: none
        }
        /* Unsafe: discloses where a caller-chosen kernel address lives. */
        req->PhysicalAddress = (ULONG64)MmGetPhysicalAddress((PVOID)req->VirtualAddress).QuadPart; /* ioctl: IOCTL_PM_COPY */ // expect: physaddr-query
        /* Constrained: the driver's own buffer. */
        req->PhysicalAddress = (ULONG64)MmGetPhysicalAddress(ext->CommonBuffer).QuadPart; /* ioctl: IOCTL_PM_COPY */ // expect: none
        break;
    }

    case IOCTL_PM_PCI:
        /* Unsafe: any offset and length in any device's configuration space. */
        HalGetBusDataByOffset(PCIConfiguration, req->Bus, req->Slot, req->Buffer, req->Offset, req->Size); /* ioctl: IOCTL_PM_PCI */ // expect: pci-config
        /* Constrained: one register of fixed size. */
        if (req->Offset == 0x40)
            HalSetBusDataByOffset(PCIConfiguration, req->Bus, req->Slot, req->Buffer, req->Offset, sizeof(ULONG)); /* ioctl: IOCTL_PM_PCI */ // expect: none
        /* Unsafe: writes the caller's bytes at the caller's offset and length. */
        HalSetBusDataByOffset(PCIConfiguration, req->Bus, req->Slot, req->Buffer, req->Offset, req->Size); /* ioctl: IOCTL_PM_PCI */ // expect: pci-config
        /* Constrained: offset and length inside the 256-byte header, no larger than the buffer. */
        if (req->Offset < 0x100 && req->Size <= 0x100 - req->Offset && req->Size <= sizeof(req->Buffer))
            HalGetBusDataByOffset(PCIConfiguration, req->Bus, req->Slot, req->Buffer, req->Offset, req->Size); /* ioctl: IOCTL_PM_PCI */ // expect: none
        break;

    case IOCTL_PM_CR:
        /* Unsafe: clearing CR4.SMEP from user mode. */
        __writecr4(req->Value); /* ioctl: IOCTL_PM_CR */ // expect: control-register
        /* Constrained: the driver computes the value. */
        __writecr4(__readcr4() | 0x80); /* ioctl: IOCTL_PM_CR */ // expect: none
        /* Unsafe: clearing CR0.WP makes read-only kernel pages writable. */
        __writecr0(req->Value); /* ioctl: IOCTL_PM_CR */ // expect: control-register
        /* Constrained: the driver sets the bit itself. */
        __writecr0(__readcr0() | 0x10000); /* ioctl: IOCTL_PM_CR */ // expect: none
        /* Unsafe: the caller selects the debug register. */
        req->Value = __readdr((unsigned int)req->Offset); /* ioctl: IOCTL_PM_CR */ // expect: control-register
        /* Constrained: DR7, a constant. */
        req->Value = __readdr(7); /* ioctl: IOCTL_PM_CR */ // expect: none
        break;

    case IOCTL_PM_REG:
        /* Unsafe: reads and writes at any kernel address the caller names. */
        req->Value = READ_REGISTER_ULONG((volatile ULONG *)req->VirtualAddress); /* ioctl: IOCTL_PM_REG */ // expect: register-read
        WRITE_REGISTER_ULONG((volatile ULONG *)req->VirtualAddress, (ULONG)req->Value); /* ioctl: IOCTL_PM_REG */ // expect: register-write
        /* Constrained: an offset checked against the device's register block. */
        if (req->Offset <= ext->RegistersLength - sizeof(ULONG)) {
            req->Value = READ_REGISTER_ULONG((volatile ULONG *)(ext->Registers + req->Offset)); /* ioctl: IOCTL_PM_REG */ // expect: none
            WRITE_REGISTER_ULONG((volatile ULONG *)(ext->Registers + req->Offset), (ULONG)req->Value); /* ioctl: IOCTL_PM_REG */ // expect: none
        }
        break;

    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

out:
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = NT_SUCCESS(status) ? sizeof(PM_REQUEST) : 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = PmDeviceControl;
    return STATUS_SUCCESS;
}
