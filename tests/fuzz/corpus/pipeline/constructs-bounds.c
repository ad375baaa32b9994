/* bounds.c - which checks bound a user value on every path, and which do not. */
#include "common.h"

NTSTATUS EqualityAndEarlyExit(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    /* == constant on the taken branch */
    if (in->Msr == 0x1B)
        __readmsr(in->Msr); // expect: none
    /* != with an early exit */
    if (in->Msr != 0x19C)
        return STATUS_ACCESS_DENIED;
    __readmsr(in->Msr); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS Comparisons(PIRP Irp, PCEXT ext)
{
    PCREQ in = CREQ_OF(Irp);
    /* < constant bounds an unsigned value */
    if (in->Msr < 0x20)
        __readmsr(in->Msr); // expect: none
    /* > only: still unbounded above */
    if (in->Msr > 0x20)
        __readmsr(in->Msr); // expect: msr-read
    /* <= a trusted value (device-extension field) */
    if (in->Msr <= ext->MaxMsr)
        __readmsr(in->Msr); // expect: none
    /* both ends of a range */
    if (0x10 <= in->Msr && in->Msr <= 0x1F)
        __readmsr(in->Msr); // expect: none
    /* a check that bounds nothing */
    if (in->Msr <= 0xFFFFFFFF)
        __readmsr(in->Msr); // expect: msr-read
    return STATUS_SUCCESS;
}

NTSTATUS SignedValues(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    LONG idx = in->SignedIndex;
    /* checked from above only: negative values pass */
    if (idx < 4)
        __readmsr((ULONG)idx); // expect: msr-read
    /* both ends */
    if (idx >= 0 && idx < 4)
        __readmsr((ULONG)idx); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS SwitchAndArithmetic(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    switch (in->Msr) {
    case 0x10:
    case 0x11:
        __readmsr(in->Msr); // expect: none
        break;
    default:
        __readmsr(in->Msr); // expect: msr-read
        break;
    }
    __readmsr(in->Msr & 0xFF); // expect: none
    __readmsr(in->Msr % 16); // expect: none
    __readmsr(in->Msr | 0x10); // expect: msr-read
    __readmsr(in->Msr + 0x10); // expect: msr-read
    return STATUS_SUCCESS;
}

NTSTATUS Clamps(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    ULONG m = min(in->Msr, 0x1F);
    __readmsr(m); // expect: none
    ULONG c = in->Msr > 0x1F ? 0x1F : in->Msr;
    __readmsr(c); // expect: none
    ULONG wrong = in->Msr > 0x1F ? in->Msr : 0x1F;
    __readmsr(wrong); // expect: msr-read
    return STATUS_SUCCESS;
}

NTSTATUS WrongChecks(PIRP Irp, int flag)
{
    PCREQ in = CREQ_OF(Irp);
    /* a check on one path only does not dominate the call */
    if (flag && in->Msr != 0x1B)
        return STATUS_ACCESS_DENIED;
    __readmsr(in->Msr); // expect: msr-read
    /* a check of a different field */
    if (in->Other != 0x1B)
        return STATUS_ACCESS_DENIED;
    __readmsr(in->Msr); // expect: msr-read
    return STATUS_SUCCESS;
}

NTSTATUS CheckAfterUseAndRefresh(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    ULONG m = in->Msr;
    /* the use comes before the check */
    __readmsr(m); // expect: msr-read
    if (m > 0x1F)
        return STATUS_ACCESS_DENIED;
    __readmsr(m); // expect: none
    /* new user data after the check */
    m = in->Other;
    __readmsr(m); // expect: msr-read
    return STATUS_SUCCESS;
}
