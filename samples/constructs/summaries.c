/* summaries.c - what a helper does with its parameters, used where it is called: validators
 * the driver wrote itself (inferred sanitizers), helpers that hand a parameter or user data
 * back, and recursion. */
#include "common.h"

/* An allow-list written as a comparison chain. */
static BOOLEAN IsAllowedMsr(ULONG msr)
{
    return msr == 0x198 || msr == 0x19C;
}

/* An allow-list table searched in a loop: TRUE only on a match. */
static const ULONG AllowedMsrs[] = {0x10, 0x1B, 0xE7, 0xE8};

static BOOLEAN InAllowList(ULONG msr)
{
    for (ULONG i = 0; i < sizeof(AllowedMsrs) / sizeof(AllowedMsrs[0]); i++)
        if (AllowedMsrs[i] == msr)
            return TRUE;
    return FALSE;
}

/* A validator that returns an error status unless the value is in range. */
static NTSTATUS ValidatePort(USHORT port)
{
    if (port < 0x378 || port > 0x37F)
        return STATUS_INVALID_PARAMETER;
    return STATUS_SUCCESS;
}

/* A validator of a request field, reached through the pointer. */
static BOOLEAN RequestIsSafe(PCREQ req)
{
    return req->Other >= 0x10 && req->Other <= 0x1F;
}

/* Looks like a validator, checks nothing useful: every value passes. */
static BOOLEAN LooksValid(ULONG msr)
{
    return msr != 0x1B || msr == 0x1B;
}

NTSTATUS Validators(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    if (IsAllowedMsr(in->Msr))
        __readmsr(in->Msr); // expect: none
    if (!InAllowList(in->Other))
        return STATUS_ACCESS_DENIED;
    __readmsr(in->Other); // expect: none
    if (NT_SUCCESS(ValidatePort(in->Port)))
        __outbyte(in->Port, 0); // expect: none
    if (RequestIsSafe(in))
        __writemsr(in->Other, 0); // expect: none
    if (LooksValid(in->Msr))
        __readmsr(in->Msr); // expect: msr-read
    /* the failure edge of a validator proves nothing */
    if (!IsAllowedMsr(in->Msr))
        __readmsr(in->Msr); // expect: msr-read
    return STATUS_SUCCESS;
}

/* The validator's result kept in a variable and tested afterwards. */
NTSTATUS ValidatedLater(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    NTSTATUS status = ValidatePort(in->Port);
    BOOLEAN ok = IsAllowedMsr(in->Msr);
    if (!NT_SUCCESS(status))
        return status;
    __outbyte(in->Port, 0); // expect: none
    if (ok)
        __readmsr(in->Msr); // expect: none
    if (!ok)
        __readmsr(in->Msr); // expect: msr-read
    return status;
}

/* A status that no longer holds the validator's answer. */
NTSTATUS ValidatedThenOverwritten(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    NTSTATUS status = ValidatePort(in->Port);
    status = STATUS_SUCCESS;
    if (NT_SUCCESS(status))
        __outbyte(in->Port, 1); // expect: port-write
    return status;
}

/* Helpers that hand back what they were given, or what the user sent. */
static ULONG MsrOf(PCREQ req)
{
    return req->Msr;
}

static ULONG LowBits(ULONG value)
{
    return value & 0x7;
}

static PCREQ RequestOf(PIRP Irp)
{
    return (PCREQ)Irp->AssociatedIrp.SystemBuffer;
}

NTSTATUS Returns(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    __readmsr(MsrOf(in)); // expect: msr-read
    __readmsr(LowBits(in->Msr)); // expect: none
    __readmsr(RequestOf(Irp)->Other); // expect: msr-read
    /* a helper handed a kernel value returns a kernel value */
    __readmsr(LowBits(0x1B)); // expect: none
    return STATUS_SUCCESS;
}

/* Helpers that write through a pointer parameter. */
static VOID MsrInto(PCREQ req, PULONG out)
{
    *out = req->Msr;
}

static VOID RequestInto(PIRP Irp, PCREQ *out)
{
    *out = (PCREQ)Irp->AssociatedIrp.SystemBuffer;
}

static VOID FixedInto(PULONG out)
{
    *out = 0x1B;
}

NTSTATUS OutParameters(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    PCREQ req;
    ULONG msr, fixed;
    MsrInto(in, &msr);
    __readmsr(msr); // expect: msr-read
    RequestInto(Irp, &req);
    __readmsr(req->Other); // expect: msr-read
    FixedInto(&fixed);
    __readmsr(fixed); // expect: none
    return STATUS_SUCCESS;
}

/* Recursion: the parameter reaches the return only through the recursive call. */
static ULONG Deep(ULONG value, ULONG depth)
{
    if (depth == 0)
        return value;
    return Deep(value, depth - 1);
}

/* Mutual recursion whose result never depends on the user value. */
static ULONG Pong(ULONG value, ULONG depth);

static ULONG Ping(ULONG value, ULONG depth)
{
    return depth ? Pong(value, depth - 1) : 0x1B;
}

static ULONG Pong(ULONG value, ULONG depth)
{
    return depth ? Ping(value, depth - 1) : 0x1B;
}

NTSTATUS Recursion(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    __readmsr(Deep(in->Msr, 3)); // expect: msr-read
    __readmsr(Ping(in->Msr, 3)); // expect: none
    return STATUS_SUCCESS;
}

/* A validator that only calls one defined after it: its first summary saw no summary of the
 * callee, so it must be summarised again once the callee's summary exists (a round that skips
 * functions whose callees' summaries did not change must still run this one). */
static BOOLEAN CheckedLater(ULONG msr);

static BOOLEAN CheckedFirst(ULONG msr)
{
    return CheckedLater(msr);
}

static BOOLEAN CheckedLater(ULONG msr)
{
    return msr == 0x198 || msr == 0x19C;
}

NTSTATUS ValidatedByALaterHelper(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    if (CheckedFirst(in->Msr))
        __readmsr(in->Msr); // expect: none
    __readmsr(in->Other); // expect: msr-read
    return STATUS_SUCCESS;
}
