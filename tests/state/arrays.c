/* arrays.c - arrays and structs filled by a copy (issue 12, item 12): every element is user
 * data whichever way it is read; a constant element is its own path, so a check of d[0] says
 * nothing of d[1]; a write to any element (d[i] = ...) forgets what was known of each. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct REQ {
    ULONG Value;
    ULONG Other;
} REQ;

NTSTATUS Arrays(PIRP Irp, ULONG i)
{
    ULONG d[4];
    RtlCopyMemory(d, Irp->AssociatedIrp.SystemBuffer, sizeof(d));
    __drvtaint_tainted(d[2]);     // state: user value, unbounded
    __drvtaint_tainted(*(d + 3)); // state: user value, unbounded
    if (d[0] > 9)
        return STATUS_INVALID_PARAMETER;
    __drvtaint_range(d[0]);   // state: [0, 9]
    __drvtaint_range(*d);     // state: [0, 9]
    __drvtaint_tainted(d[1]); // state: user value, unbounded
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    if (i < 4)
        d[i] = in->Other;
    __drvtaint_tainted(d[0]); // state: user value, unbounded
    REQ local;
    REQ *req = &local;
    *req = *in;
    __drvtaint_tainted(req->Other); // state: user value, unbounded
    return STATUS_SUCCESS;
}
