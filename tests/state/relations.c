/* relations.c - the relation set: a copy stays a copy until either side changes, a check of
 * the original bounds the copy (not the other way), the status of a call carries the call. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct REQ {
    ULONG Msr;
} REQ;

static NTSTATUS Check(ULONG v)
{
    if (v > 0x1F)
        return STATUS_INVALID_PARAMETER;
    return STATUS_SUCCESS;
}

NTSTATUS Relations(PIRP Irp)
{
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    ULONG x = in->Msr;
    __drvtaint_relations(x); // state: copy-of=(*in).Msr
    ULONG y = x;
    __drvtaint_relations(y); // state: copy-of=x
    if (x > 0x1F)
        return STATUS_INVALID_PARAMETER;
    /* the check of x bounds its copy y */
    __drvtaint_range(y); // state: [0, 31]
    ULONG z = x;
    if (z > 3)
        return STATUS_INVALID_PARAMETER;
    /* the check of the copy z says nothing of x */
    __drvtaint_range(x); // state: [0, 31]
    x = 0;
    __drvtaint_relations(y); // state: none
    ULONG w = in->Msr;
    NTSTATUS st = Check(w);
    __drvtaint_relations(st); // state: result-of=Check(w)
    if (!NT_SUCCESS(st))
        return st;
    __drvtaint_tainted(w); // state: user value, bounded
    return STATUS_SUCCESS;
}
