/* joins.c - at a merge, intervals join to their hull, user data on one path is user data,
 * a bound on one path only is no bound, and a clamp bounds on both. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct REQ {
    ULONG Value;
    ULONG Select;
} REQ;

NTSTATUS Joins(PIRP Irp)
{
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    ULONG a;
    if (in->Select)
        a = 4;
    else
        a = 9;
    __drvtaint_range(a);   // state: [4, 9]
    __drvtaint_tainted(a); // state: trusted
    ULONG b = 1;
    if (in->Select)
        b = in->Value;
    __drvtaint_tainted(b); // state: user value, unbounded
    ULONG c = in->Value;
    if (in->Select && c > 10)
        return STATUS_INVALID_PARAMETER;
    /* checked on one path only */
    __drvtaint_tainted(c); // state: user value, unbounded
    ULONG d = in->Value > 100 ? 100 : in->Value;
    __drvtaint_range(d);   // state: [0, 100]
    __drvtaint_tainted(d); // state: user value, bounded
    return STATUS_SUCCESS;
}
