//c++
// An undeclared parameter type leaves the call under RtlCopyMemory unresolved in C++: the call
// has no callee name, only the macro written at it, which names a sink (a NULL strdup once).
#include <ntddk.h>
NTSTATUS Copy(PIRP Irp, PUNKNOWN ext)
{
    PVOID in = Irp->AssociatedIrp.SystemBuffer;
    ULONG inLen = IoGetCurrentIrpStackLocation(Irp)->Parameters.DeviceIoControl.InputBufferLength;
    RtlCopyMemory(ext->Buffer, in, inLen);
    return 0;
}
