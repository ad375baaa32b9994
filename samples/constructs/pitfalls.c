/* pitfalls.c - checks that look like bounds but bound something else: a sum that can wrap,
 * a truncated copy of the value, a signed length, and a user-memory field fetched twice. */
#include "common.h"

NTSTATUS WrappingSum(PIRP Irp, PCEXT ext)
{
    PCREQ in = CREQ_OF(Irp);
    PHYSICAL_ADDRESS pa;
    /* unsafe: Other + Length wraps, so both may be huge */
    if (in->Other + in->Length > ext->BarLength)
        return STATUS_INVALID_PARAMETER;
    pa.QuadPart = ext->BarStart.QuadPart + in->Other;
    MmMapIoSpace(pa, in->Length, MmNonCached); // expect: physmem-map
    /* constrained: the subtraction form cannot wrap */
    if (in->Other >= ext->BarLength || in->Length > ext->BarLength - in->Other)
        return STATUS_INVALID_PARAMETER;
    pa.QuadPart = ext->BarStart.QuadPart + in->Other;
    MmMapIoSpace(pa, in->Length, MmNonCached); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS TruncatedChecks(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    /* unsafe: only the low byte is checked, the full index is used */
    if ((UCHAR)in->Msr < 0x20)
        __readmsr(in->Msr); // expect: none; todo: msr-read
    /* constrained: the checked byte is the value used */
    UCHAR low = (UCHAR)in->Msr;
    if (low < 0x20)
        __readmsr(low); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS SignedLength(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    UCHAR local[16];
    LONG n = (LONG)in->Length;
    /* unsafe: a negative length passes and becomes a huge SIZE_T */
    if (n > (LONG)sizeof(local))
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(local, in->Data, n); // expect: copy-size
    /* constrained: both ends */
    if (n < 0)
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(local, in->Data, n); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS DoubleFetch(PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PCREQ user = (PCREQ)stack->Parameters.DeviceIoControl.Type3InputBuffer;
    UCHAR local[16];
    __try {
        ProbeForRead(user, sizeof(CREQ), sizeof(ULONG));
        /* unsafe: the caller's memory is read again after the check and may have changed */
        if (user->Length <= sizeof(local))
            RtlCopyMemory(local, user->Data, user->Length); // expect: double-fetch
        /* constrained: fetched once into a local, checked, then used */
        ULONG len = user->Length;
        if (len <= sizeof(local))
            RtlCopyMemory(local, user->Data, len); // expect: none
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}
