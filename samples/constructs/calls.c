/* calls.c - user data handed to helpers of the same file: the helper is judged with what its
 * caller passed, and what the caller already checked stays checked. */
#include "common.h"

/* The helper checks nothing: unsafe when a caller passes user data. */
static ULONG64 ReadAny(ULONG index)
{
    return __readmsr(index); // expect: msr-read
}

/* The helper checks its parameter itself. */
static ULONG64 ReadChecked(ULONG index)
{
    if (index < 0x10 || index > 0x1F)
        return 0;
    return __readmsr(index); // expect: none
}

/* The helper reads a field of a request its caller validated. */
static ULONG64 ReadField(PCREQ req)
{
    return __readmsr(req->Msr); // expect: msr-read
}

/* Two levels down, through a pointer parameter. */
static VOID WritePort(PCREQ req)
{
    __outbyte(req->Port, 0); // expect: port-write
}

static VOID Forward(PCREQ req)
{
    WritePort(req);
}

NTSTATUS Calls(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    ReadAny(in->Msr);
    ReadChecked(in->Msr);
    ReadField(in);
    Forward(in);
    /* a constant argument is no user data */
    ReadAny(0x1B);
    return STATUS_SUCCESS;
}

/* The caller validates the field, then calls: the helper inherits the check. */
static ULONG64 ReadValidated(PCREQ req)
{
    return __readmsr(req->Other); // expect: none
}

NTSTATUS CallsAfterCheck(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    if (in->Other != 0x1B)
        return STATUS_ACCESS_DENIED;
    ReadValidated(in);
    return STATUS_SUCCESS;
}

/* A helper that writes elements of an array parameter it was handed with user bytes (a key
   clamped in place): the write to Secret[0] also updates "any element" of what the caller's seed
   described, an entry that has no lvalue in the helper (once a crash) */
static VOID ClampInPlace(UINT8 Secret[32])
{
    Secret[0] &= 248;
    Secret[31] = (Secret[31] & 127) | 64;
}

NTSTATUS HelperWritesElementsOfAUserArray(PIRP Irp)
{
    PCREQ in = (PCREQ)Irp->AssociatedIrp.SystemBuffer;
    UINT8 key[32];
    RtlCopyMemory(key, in->Data, sizeof(in->Data)); // expect: none
    ClampInPlace(key);
    return STATUS_SUCCESS;
}
