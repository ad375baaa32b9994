/* bounds.c - what comparisons leave of a user value: each end, both ends, a trusted bound,
 * a signed value checked from above only, a check that fails the wrong way. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct REQ {
    ULONG Index;
    LONG Offset;
    ULONG Count;
} REQ;

ULONG g_Limit;

NTSTATUS Bounds(PIRP Irp, ULONG Limit)
{
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    ULONG i = in->Index;
    __drvtaint_range(i);   // state: any 32-bit unsigned value
    __drvtaint_tainted(i); // state: user value, unbounded
    if (i > 0x1F)
        return STATUS_INVALID_PARAMETER;
    __drvtaint_range(i);   // state: [0, 31]
    __drvtaint_tainted(i); // state: user value, bounded
    if (i < 0x10)
        return STATUS_INVALID_PARAMETER;
    __drvtaint_range(i); // state: [16, 31]
    if (i == 0x1F)
        return STATUS_SUCCESS;
    __drvtaint_range(i); // state: [16, 30]

    LONG off = in->Offset;
    if (off > 100)
        return STATUS_INVALID_PARAMETER;
    /* negative values pass: a signed value checked from above is not bounded */
    __drvtaint_range(off);   // state: [-0x80000000, 100]
    __drvtaint_tainted(off); // state: user value, unbounded
    if (off < 0)
        return STATUS_INVALID_PARAMETER;
    __drvtaint_tainted(off); // state: user value, bounded

    ULONG n = in->Count;
    /* below a trusted value whose number is unknown */
    if (n >= g_Limit)
        return STATUS_INVALID_PARAMETER;
    __drvtaint_state(n); // state: user value any 32-bit unsigned value bounded below-trusted copy-of=(*in).Count at-most=g_Limit - 1

    ULONG m = in->Count;
    /* the check that passes on the large values bounds nothing */
    if (m < 0x100)
        return STATUS_INVALID_PARAMETER;
    __drvtaint_tainted(m); // state: user value, unbounded
    return STATUS_SUCCESS;
}
