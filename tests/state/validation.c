/* validation.c - a loop that checks every element of a user array below n and leaves the
 * function on a failure bounds every element below n after it (issue 12, item 8); an index not
 * proven below n, a break instead of a return, or a write to n or to an element ends it. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct PAIR {
    USHORT Port;
    UCHAR Value;
} PAIR;

typedef struct BATCH {
    ULONG Count;
    ULONG Other;
    PAIR Pairs[8];
} BATCH;

NTSTATUS Validation(PIRP Irp)
{
    BATCH *in = (BATCH *)Irp->AssociatedIrp.SystemBuffer;
    ULONG n = in->Count, m = in->Other;
    ULONG i, j;
    for (i = 0; i < n; i++)
        if (in->Pairs[i].Port < 0x40 || in->Pairs[i].Port > 0x43)
            return STATUS_ACCESS_DENIED;
    __drvtaint_range(in->Pairs[0].Port); // state: any 16-bit unsigned value
    for (j = 0; j < n; j++)
        __drvtaint_range(in->Pairs[j].Port); // state: [64, 67]
    for (j = 0; j < m; j++)
        __drvtaint_tainted(in->Pairs[j].Port); // state: user value, unbounded
    for (j = 0; j <= n; j++)
        __drvtaint_tainted(in->Pairs[j].Port); // state: user value, unbounded
    if (n < 4)
        return STATUS_SUCCESS;
    __drvtaint_range(in->Pairs[3].Port); // state: [64, 67]
    __drvtaint_tainted(in->Pairs[4].Port); // state: user value, unbounded
    in->Pairs[3].Port = 0x40;
    for (j = 0; j < n; j++)
        __drvtaint_tainted(in->Pairs[j].Port); // state: user value, unbounded
    return STATUS_SUCCESS;
}

NTSTATUS ValidationEnds(PIRP Irp)
{
    BATCH *in = (BATCH *)Irp->AssociatedIrp.SystemBuffer;
    ULONG n = in->Count;
    ULONG i;
    for (i = 0; i < n; i++)
        if (in->Pairs[i].Port > 0x43)
            break;
    for (i = 0; i < n; i++)
        __drvtaint_tainted(in->Pairs[i].Port); // state: user value, unbounded
    for (i = 0; i < n; i++)
        if (in->Pairs[i].Port > 0x43)
            return STATUS_ACCESS_DENIED;
    for (i = 0; i < n; i++)
        __drvtaint_tainted(in->Pairs[i].Port); // state: user value, bounded
    n = in->Other;
    for (i = 0; i < n; i++)
        __drvtaint_tainted(in->Pairs[i].Port); // state: user value, unbounded
    return STATUS_SUCCESS;
}
