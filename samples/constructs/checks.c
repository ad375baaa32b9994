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

typedef struct _ADDR_REQ {
    ULONG_PTR Address;
} ADDR_REQ, *PADDR_REQ;

/* constrained: the copy runs only for a kernel-mode caller (another driver), never for a user */
NTSTATUS KernelCallerOnly(PIRP Irp, PCEXT ext)
{
    PADDR_REQ in = (PADDR_REQ)Irp->AssociatedIrp.SystemBuffer;
    if (Irp->RequestorMode == KernelMode)
        RtlCopyMemory((PVOID)in->Address, ext->Buffer, sizeof(ext->Buffer)); // expect: none
    if (ExGetPreviousMode() != UserMode)
        RtlCopyMemory((PVOID)in->Address, ext->Buffer, sizeof(ext->Buffer)); // expect: none
    return STATUS_SUCCESS;
}

/* constrained: the caller's mode kept in a flag first (wireguard-nt's ShouldProbe): a user-mode
   caller's pointer is probed, a kernel-mode caller's is trusted */
NTSTATUS ModeKeptInAFlag(PIRP Irp, PCEXT ext)
{
    PADDR_REQ in = (PADDR_REQ)Irp->AssociatedIrp.SystemBuffer;
    BOOLEAN shouldProbe = Irp->RequestorMode != KernelMode;
    __try {
        if (shouldProbe)
            ProbeForWrite((PVOID)in->Address, sizeof(ext->Buffer), 1);
        RtlCopyMemory((PVOID)in->Address, ext->Buffer, sizeof(ext->Buffer)); // expect: none
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}

/* unsafe: the flag the other way round, so a user-mode caller's pointer is never probed */
NTSTATUS ModeFlagInverted(PIRP Irp, PCEXT ext)
{
    PADDR_REQ in = (PADDR_REQ)Irp->AssociatedIrp.SystemBuffer;
    BOOLEAN fromKernel = Irp->RequestorMode != KernelMode;
    __try {
        if (!fromKernel)
            ProbeForWrite((PVOID)in->Address, sizeof(ext->Buffer), 1);
        RtlCopyMemory((PVOID)in->Address, ext->Buffer, sizeof(ext->Buffer)); // expect: copy-pointer
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}

/* unsafe: the branch of the user-mode caller */
NTSTATUS UserCallerBranch(PIRP Irp, PCEXT ext)
{
    PADDR_REQ in = (PADDR_REQ)Irp->AssociatedIrp.SystemBuffer;
    if (Irp->RequestorMode == UserMode)
        RtlCopyMemory((PVOID)in->Address, ext->Buffer, sizeof(ext->Buffer)); // expect: copy-pointer
    return STATUS_SUCCESS;
}

/* constrained: a user pointer replaced by the system address of the MDL locked over it; the
   path where it stayed NULL carries no address the user chose */
NTSTATUS NullOrLockedAddress(PIRP Irp, PCEXT ext, PMDL mdl)
{
    PADDR_REQ in = (PADDR_REQ)Irp->AssociatedIrp.SystemBuffer;
    PUCHAR addr = (PUCHAR)in->Address;
    if (addr != NULL)
        addr = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority);
    if (addr != NULL)
        RtlCopyMemory(addr, ext->Buffer, sizeof(ext->Buffer)); // expect: none
    return STATUS_SUCCESS;
}

/* unsafe: the user's address is replaced only when it is NULL, so a non-NULL one reaches the copy */
NTSTATUS ReplacedOnlyWhenNull(PIRP Irp, PCEXT ext, PMDL mdl)
{
    PADDR_REQ in = (PADDR_REQ)Irp->AssociatedIrp.SystemBuffer;
    PUCHAR addr = (PUCHAR)in->Address;
    if (addr == NULL)
        addr = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority);
    if (addr != NULL)
        RtlCopyMemory(addr, ext->Buffer, sizeof(ext->Buffer)); // expect: copy-pointer
    return STATUS_SUCCESS;
}
