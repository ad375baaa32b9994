/* dataflow.c - how user data travels: assignments, casts, arithmetic, fields, arrays, whole
 * structs, copies into locals, and the two kinds of user control. */
#include "common.h"

NTSTATUS Assignments(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    ULONG a = in->Msr;
    ULONG b;
    b = a;
    USHORT narrowed = (USHORT)b;
    __readmsr(b); // expect: msr-read
    __inbyte(narrowed); // expect: port-read
    ULONG offset = in->Msr + 0x10;
    __readmsr(offset); // expect: msr-read
    ULONG constant = 0x1B;
    __readmsr(constant); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS FieldsAndArrays(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    ULONG regs[4];
    regs[0] = in->Regs[2];
    __readmsr(regs[1]); // expect: msr-read
    __readmsr(in->Regs[3]); // expect: msr-read
    struct {
        ULONG Index;
        ULONG Fixed;
    } pair;
    pair.Index = in->Msr;
    pair.Fixed = 0x1B;
    __readmsr(pair.Index); // expect: msr-read
    __readmsr(pair.Fixed); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS WholeStructsAndCopies(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    CREQ copy = *in;
    __readmsr(copy.Msr); // expect: msr-read
    CREQ local;
    RtlCopyMemory(&local, in, sizeof(local)); // expect: none
    __readmsr(local.Msr); // expect: msr-read
    CREQ clean;
    RtlZeroMemory(&clean, sizeof(clean));
    clean.Msr = 0x1B;
    __readmsr(clean.Msr); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS TwoKindsOfControl(PIRP Irp, PCEXT ext)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PVOID system = Irp->AssociatedIrp.SystemBuffer;
    PVOID type3 = stack->Parameters.DeviceIoControl.Type3InputBuffer;
    ULONG inLen = stack->Parameters.DeviceIoControl.InputBufferLength;
    /* SystemBuffer is the kernel's copy: a fine source of a bounded copy */
    if (inLen > sizeof(ext->Buffer))
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(ext->Buffer, system, inLen); // expect: none
    /* Type3InputBuffer is wherever the caller says */
    RtlCopyMemory(ext->Buffer, type3, sizeof(ext->Buffer)); // expect: copy-pointer
    /* Irp->UserBuffer as a destination, unprobed */
    RtlCopyMemory(Irp->UserBuffer, ext->Buffer, sizeof(ext->Buffer)); // expect: copy-pointer
    __try {
        ProbeForWrite(Irp->UserBuffer, sizeof(ext->Buffer), 1);
        RtlCopyMemory(Irp->UserBuffer, ext->Buffer, sizeof(ext->Buffer)); // expect: none
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}

NTSTATUS LengthsAsSizes(PIRP Irp, PCEXT ext)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PCREQ in = CREQ_OF(Irp);
    ULONG inLen = stack->Parameters.DeviceIoControl.InputBufferLength;
    /* checked only against the request size: still larger than the destination */
    if (inLen < sizeof(CREQ))
        return STATUS_BUFFER_TOO_SMALL;
    RtlCopyMemory(ext->Buffer, in, inLen); // expect: copy-size
    /* checked against a bound bigger than the destination */
    if (in->Length > 0x1000)
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(ext->Buffer, in->Data, in->Length); // expect: copy-size
    /* checked against the destination */
    if (in->Length > sizeof(ext->Buffer))
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(ext->Buffer, in->Data, in->Length); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS AllocationSizes(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    PVOID out = Irp->AssociatedIrp.SystemBuffer;
    ULONG size = in->Length;
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, size, 'tseT');
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    /* exactly the size the buffer was allocated with: stays inside it */
    RtlCopyMemory(copy, in->Data, size); // expect: none
    /* another user number: may run past the allocation */
    RtlCopyMemory(copy, in->Data, in->Other); // expect: copy-size
    /* the size changed after the allocation */
    size = in->Other;
    RtlCopyMemory(out, copy, size); // expect: copy-size
    ExFreePoolWithTag(copy, 'tseT');
    return STATUS_SUCCESS;
}

#define READ_MSR_OF(r) __readmsr((r)->Msr)

NTSTATUS ThroughAMacro(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    READ_MSR_OF(in); // expect: msr-read
    return STATUS_SUCCESS;
}
