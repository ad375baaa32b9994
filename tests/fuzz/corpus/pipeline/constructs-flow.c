/* flow.c - control flow: loops, break/continue, goto, switch fall-through, SEH, && || ?: . */
#include "common.h"

NTSTATUS Loops(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    ULONG m = in->Msr;
    /* a loop that clamps before the use */
    while (m > 0x1F)
        m -= 0x10;
    __readmsr(m); // expect: none
    /* a for loop whose index is bounded by a constant */
    for (ULONG i = 0; i < 4; i++)
        __readmsr(0x10 + i); // expect: none
    /* do/while that may leave with anything */
    ULONG k = in->Msr;
    do {
        if (k == 0x1B)
            break;
        k++;
    } while (k < 0x100);
    __readmsr(k); // expect: msr-read
    /* continue skips the unsafe iterations */
    for (ULONG j = 0; j < 4; j++) {
        if (in->Regs[j] > 0x1F)
            continue;
        __readmsr(in->Regs[j]); // expect: none
    }
    return STATUS_SUCCESS;
}

NTSTATUS GotoAndFallThrough(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    NTSTATUS status = STATUS_SUCCESS;
    if (in->Msr > 0x1F) {
        status = STATUS_ACCESS_DENIED;
        goto out;
    }
    __readmsr(in->Msr); // expect: none
    switch (in->Port) {
    case 0x60:
        __inbyte(in->Port); // expect: none
        /* falls through: 0x64 or 0x60 */
    case 0x64:
        __inbyte(in->Port); // expect: none
        break;
    default:
        break;
    }
out:
    __readmsr(in->Msr); // expect: msr-read
    return status;
}

NTSTATUS StructuredExceptions(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    __try {
        if (in->Msr > 0x1F)
            __leave;
        __readmsr(in->Msr); // expect: none
    } __finally {
        __readmsr(in->Msr); // expect: msr-read
    }
    __try {
        if (in->Msr != 0x1B)
            ExRaiseStatus(STATUS_ACCESS_DENIED);
        __readmsr(in->Msr); // expect: msr-read
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        __readmsr(in->Msr); // expect: msr-read
    }
    return STATUS_SUCCESS;
}

NTSTATUS ShortCircuit(PIRP Irp, int flag)
{
    PCREQ in = CREQ_OF(Irp);
    /* || with an early exit bounds both ends */
    if (in->Msr < 0x10 || in->Msr > 0x1F)
        return STATUS_ACCESS_DENIED;
    __readmsr(in->Msr); // expect: none
    /* && where the bound is on one side only */
    if (flag && in->Other < 4)
        __readmsr(in->Other); // expect: none
    if (flag || in->Other < 4)
        __readmsr(in->Other); // expect: msr-read
    /* ?: inside a condition */
    if ((flag ? in->Other : 0) < 4)
        __readmsr(in->Other); // expect: msr-read
    return STATUS_SUCCESS;
}
