/* loops.c - a counter settles by widening to its loop bound; a user bound leaves it unbounded
 * above; after the loop the exit condition holds. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct REQ {
    ULONG Count;
} REQ;

NTSTATUS Loops(PIRP Irp)
{
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    ULONG i;
    for (i = 0; i < 16; i++)
        __drvtaint_range(i); // state: [0, 15]
    /* the widening of the loop head forgot the upper end, and the exit test only gives the lower
       one back (no narrowing pass): 16 is the truth, this is what the analysis proves */
    __drvtaint_range(i); // state: [16, 0xffffffff]
    ULONG n = in->Count;
    ULONG k = 0;
    while (k < n) {
        __drvtaint_tainted(k); // state: trusted
        k++;
    }
    __drvtaint_tainted(n); // state: user value, unbounded
    return STATUS_SUCCESS;
}
