/* checks.c - more forms of checks: else branches, >= exits, trusted bounds (sizeof a local,
 * a device-extension field), bounds that are themselves user data, ProbeForRead as the
 * sanitizer of a user pointer, and a sink written through a driver-local macro. */
#include "common.h"

#define RD(m) __readmsr(m)

NTSTATUS ElseBranches(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    NTSTATUS status = STATUS_SUCCESS;
    /* constrained: the else branch of a failed upper bound */
    if (in->Msr > 0x1F)
        status = STATUS_ACCESS_DENIED;
    else
        __readmsr(in->Msr); // expect: none
    /* unsafe: the else branch of a lower bound only */
    if (in->Msr < 0x10)
        status = STATUS_ACCESS_DENIED;
    else
        __readmsr(in->Msr); // expect: msr-read
    return status;
}

NTSTATUS TrustedBounds(PIRP Irp, PCEXT ext)
{
    PCREQ in = CREQ_OF(Irp);
    UCHAR table[32];
    RtlZeroMemory(table, sizeof(table));
    /* constrained: < sizeof a local */
    if (in->Msr < sizeof(table))
        __readmsr(in->Msr); // expect: none
    /* constrained: >= a device-extension field exits early */
    if (in->Other >= ext->MaxMsr)
        return STATUS_ACCESS_DENIED;
    __readmsr(in->Other); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS UserBounds(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    /* unsafe: the bound is another field of the same request */
    if (in->Msr <= in->Other)
        __readmsr(in->Msr); // expect: msr-read
    /* unsafe: a copy length checked against a length the caller also chose */
    UCHAR local[16];
    if (in->Length <= in->Other)
        RtlCopyMemory(local, in->Data, in->Length); // expect: copy-size
    /* constrained: >= against a constant, then the else branch */
    if (in->Length >= sizeof(local))
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(local, in->Data, in->Length); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS ProbeAsSanitizer(PIRP Irp, int flag)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PVOID user = stack->Parameters.DeviceIoControl.Type3InputBuffer;
    CREQ local;
    __try {
        /* unsafe: probed on one path only */
        if (flag)
            ProbeForRead(user, sizeof(local), 1);
        RtlCopyMemory(&local, user, sizeof(local)); // expect: copy-pointer
        /* constrained: probed on every path */
        ProbeForRead(user, sizeof(local), 1);
        RtlCopyMemory(&local, user, sizeof(local)); // expect: none
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    /* the copied contents are still user values */
    __readmsr(local.Msr); // expect: msr-read
    return STATUS_SUCCESS;
}

NTSTATUS ThroughLocalMacro(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    /* unsafe: the macro's argument is the request's index */
    RD(in->Msr); // expect: msr-read
    /* constrained: the macro with a constant */
    RD(0x1B); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS CopiesOfChecked(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    ULONG idx = in->Msr;
    ULONG other = in->Other;
    if (in->Msr > 0x1F)
        return STATUS_INVALID_PARAMETER;
    /* constrained: a copy taken before its original was checked holds the same value */
    __readmsr(idx); // expect: none
    /* unsafe: a copy of another field, which no check bounded */
    __readmsr(other); // expect: msr-read
    /* unsafe: the copy changed after it was taken */
    idx = in->Other;
    __readmsr(idx); // expect: msr-read
    return STATUS_SUCCESS;
}
