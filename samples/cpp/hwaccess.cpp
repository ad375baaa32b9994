// hwaccess.cpp - a C++ WDM driver whose dispatch routine uses a small hardware-access class.
#include <ntddk.h>
#include <intrin.h>

#define IOCTL_CPP_MSR CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA00, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_CPP_PORT CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA01, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_CPP_LPT_WRITE CTL_CODE(FILE_DEVICE_UNKNOWN, 0xA02, METHOD_BUFFERED, FILE_ANY_ACCESS)

struct CppRequest {
    ULONG Msr;
    USHORT Port;
    USHORT Offset;
    UCHAR Data;
    ULONG64 Result;
};

class PortWindow {
public:
    PortWindow(USHORT base, USHORT count) : base_(base), count_(count) {}
    bool Contains(USHORT port) const { return port >= base_ && port < base_ + count_; }
    USHORT Base() const { return base_; }

private:
    USHORT base_;
    USHORT count_;
};

// Wraps the parallel port's registers; the dispatch routine calls it with request fields.
class LptPort {
public:
    explicit LptPort(USHORT base) : base_(base) {}
    // Constrained: the status register at the driver's own base.
    UCHAR Status() const { return __inbyte(base_ + 1); } /* ioctl: IOCTL_CPP_LPT_WRITE */ // expect: none
    // Unsafe when called with a request field: writes any port.
    void WriteRaw(USHORT port, UCHAR value) { __outbyte(port, value); } /* ioctl: IOCTL_CPP_LPT_WRITE */ // expect: port-write
    // Constrained: the offset is checked against the window's eight registers.
    bool WriteRegister(USHORT offset, UCHAR value)
    {
        if (offset >= 8)
            return false;
        __outbyte(base_ + offset, value); /* ioctl: IOCTL_CPP_LPT_WRITE */ // expect: none
        return true;
    }

private:
    USHORT base_;
};

static PortWindow g_window(0x378, 8);
static LptPort g_lpt(0x378);

extern "C" DRIVER_INITIALIZE DriverEntry;
static DRIVER_DISPATCH CppDeviceControl;

static NTSTATUS CppDeviceControl(PDEVICE_OBJECT, PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    auto *req = static_cast<CppRequest *>(Irp->AssociatedIrp.SystemBuffer);
    NTSTATUS status = STATUS_SUCCESS;

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_CPP_MSR: {
        // Unsafe: the index flows through a local of another type.
        const unsigned long index = req->Msr;
        req->Result = __readmsr(index); /* ioctl: IOCTL_CPP_MSR */ // expect: msr-read
        // Constrained: a bounded loop over an allow-list of two registers.
        static const ULONG allowed[] = {0x1B, 0x19C};
        for (ULONG i = 0; i < 2; i++) {
            if (allowed[i] == req->Msr)
                req->Result = __readmsr(allowed[i]); /* ioctl: IOCTL_CPP_MSR */ // expect: none
        }
        break;
    }
    case IOCTL_CPP_PORT:
        // Unsafe: the port comes from the caller.
        req->Result = __inbyte(req->Port); /* ioctl: IOCTL_CPP_PORT */ // expect: port-read
        // Constrained: the window's own base port.
        req->Result = __inbyte(g_window.Base()); /* ioctl: IOCTL_CPP_PORT */ // expect: none
        break;
    case IOCTL_CPP_LPT_WRITE:
        req->Result = g_lpt.Status();
        if (!g_lpt.WriteRegister(req->Offset, req->Data))
            status = STATUS_INVALID_PARAMETER;
        g_lpt.WriteRaw(req->Port, req->Data);
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = NT_SUCCESS(status) ? sizeof(CppRequest) : 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING)
{
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = CppDeviceControl;
    return STATUS_SUCCESS;
}
