/* calls.c - helpers: a helper called with user data sees it in its parameter (joined with
 * what it sees when analysed from nothing), a validator's success bounds its argument, a
 * helper hands back its parameter, an allocation remembers its size. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct REQ {
    ULONG Value;
    ULONG Size;
} REQ;

static void Use(ULONG v)
{
    __drvtaint_tainted(v); // state: user value, unbounded
}

static BOOLEAN IsSmall(ULONG v)
{
    return v < 8;
}

static ULONG Same(ULONG v)
{
    return v;
}

NTSTATUS Calls(PIRP Irp)
{
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    ULONG v = in->Value;
    Use(v);
    ULONG r = Same(v);
    __drvtaint_tainted(r); // state: user value, unbounded
    if (!IsSmall(v))
        return STATUS_INVALID_PARAMETER;
    __drvtaint_range(v); // state: [0, 7]
    ULONG r2 = Same(v);
    __drvtaint_tainted(r2); // state: user value, bounded
    NTSTATUS st = RtlULongAdd(v, 1, &r2);
    __drvtaint_relations(st); // state: result-of=RtlULongAdd(v, 1, &r2)
    PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, in->Size, 'tseT');
    __drvtaint_relations(p); // state: alloc-size=(*in).Size result-of=ExAllocatePool2(POOL_FLAG_NON_PAGED, in->Size, 'tseT')
    __drvtaint_tainted(p);   // state: trusted
    return STATUS_SUCCESS;
}
