/* loops.c - issue 12, item 8: validation loops. A loop that checks every element of a user
 * array and leaves the function when one fails bounds every element it visited; a second loop
 * over the same range uses them (port I/O drivers that take a batch of port/value pairs). Each
 * case has a must-find form and a silent twin; the must-find forms are the same shape written
 * truly unsafe (another bound, an early break, one element checked past the range). */
#include "common.h"

typedef struct _PORT_PAIR {
    USHORT Port;
    UCHAR Value;
} PORT_PAIR, *PPORT_PAIR;

typedef struct _PORT_BATCH {
    ULONG Count;
    ULONG Other;
    PORT_PAIR Pairs[8];
} PORT_BATCH, *PPORT_BATCH;

/* an inferred validator: nonzero only for the parallel port's eight registers */
static BOOLEAN ValidPort(USHORT port)
{
    return port >= 0x378 && port <= 0x37F;
}

/* 8, twin: every pair checked by the validator (and, in the second batch, by an inline range
   check) before the loop that writes them, over the same count */
NTSTATUS WriteCheckedBatch(PIRP Irp)
{
    PPORT_BATCH in = (PPORT_BATCH)Irp->AssociatedIrp.SystemBuffer;
    ULONG n = in->Count;
    ULONG i;
    if (n > 8)
        return STATUS_INVALID_PARAMETER;
    for (i = 0; i < n; i++)
        if (!ValidPort(in->Pairs[i].Port))
            return STATUS_ACCESS_DENIED;
    for (i = 0; i < n; i++)
        WRITE_PORT_UCHAR((PUCHAR)(ULONG_PTR)in->Pairs[i].Port, in->Pairs[i].Value); // expect: none
    for (ULONG k = 0; k < n; k++) {
        if (in->Pairs[k].Port < 0x3F8 || in->Pairs[k].Port > 0x3FF)
            return STATUS_ACCESS_DENIED;
    }
    for (ULONG k = 0; k < n; k++)
        __outbyte(in->Pairs[k].Port, in->Pairs[k].Value); // expect: none
    return STATUS_SUCCESS;
}

/* 8, through a pointer to the pairs: the count comes with the request, the pairs follow it */
NTSTATUS WriteCheckedPairs(PIRP Irp)
{
    PPORT_BATCH in = (PPORT_BATCH)Irp->AssociatedIrp.SystemBuffer;
    PPORT_PAIR r = in->Pairs;
    ULONG count = in->Count;
    if (count > 8)
        return STATUS_INVALID_PARAMETER;
    for (ULONG i = 0; i < count; i++)
        if (!ValidPort(r[i].Port))
            return STATUS_ACCESS_DENIED;
    for (ULONG j = 0; j < count; j++)
        __outbyte(r[j].Port, r[j].Value); // expect: none
    return STATUS_SUCCESS;
}

/* 8, unsafe: the second loop runs to another bound (in->Other elements, only in->Count of them
   checked), and in the next function the first loop stops at the first bad pair without leaving
   the function */
NTSTATUS WriteBatchPastTheCheckedRange(PIRP Irp)
{
    PPORT_BATCH in = (PPORT_BATCH)Irp->AssociatedIrp.SystemBuffer;
    ULONG n = in->Count, m = in->Other;
    ULONG i;
    if (n > 8 || m > 8)
        return STATUS_INVALID_PARAMETER;
    for (i = 0; i < n; i++)
        if (!ValidPort(in->Pairs[i].Port))
            return STATUS_ACCESS_DENIED;
    for (i = 0; i < m; i++)
        __outbyte(in->Pairs[i].Port, in->Pairs[i].Value); // expect: port-write
    /* one past the checked range: i <= n */
    for (i = 0; i <= n; i++)
        __outbyte(in->Pairs[i].Port, in->Pairs[i].Value); // expect: port-write
    return STATUS_SUCCESS;
}

NTSTATUS WriteBatchAfterABreak(PIRP Irp)
{
    PPORT_BATCH in = (PPORT_BATCH)Irp->AssociatedIrp.SystemBuffer;
    ULONG n = in->Count;
    ULONG i;
    if (n > 8)
        return STATUS_INVALID_PARAMETER;
    for (i = 0; i < n; i++)
        if (!ValidPort(in->Pairs[i].Port))
            break;
    for (i = 0; i < n; i++)
        __outbyte(in->Pairs[i].Port, in->Pairs[i].Value); // expect: port-write
    return STATUS_SUCCESS;
}

/* 8, unsafe: the count changes between the loops, the loop starts at 1 (element 0 unchecked),
   and a loop that checks the element after i (element 0 unchecked again) */
NTSTATUS WriteBatchCheckedElsewhere(PIRP Irp)
{
    PPORT_BATCH in = (PPORT_BATCH)Irp->AssociatedIrp.SystemBuffer;
    ULONG n = in->Count;
    ULONG i;
    if (n > 8)
        return STATUS_INVALID_PARAMETER;
    for (i = 0; i < n; i++)
        if (!ValidPort(in->Pairs[i].Port))
            return STATUS_ACCESS_DENIED;
    n = in->Other & 7;
    for (i = 0; i < n; i++)
        __outbyte(in->Pairs[i].Port, in->Pairs[i].Value); // expect: port-write
    n = in->Count & 7;
    for (i = 1; i < n; i++)
        if (!ValidPort(in->Pairs[i].Port))
            return STATUS_ACCESS_DENIED;
    for (i = 0; i < n; i++)
        __outbyte(in->Pairs[i].Port, in->Pairs[i].Value); // expect: port-write
    for (i = 0; i + 1 < n; i++)
        if (!ValidPort(in->Pairs[i + 1].Port))
            return STATUS_ACCESS_DENIED;
    for (i = 0; i < n; i++)
        __outbyte(in->Pairs[i].Port, in->Pairs[i].Value); // expect: port-write
    return STATUS_SUCCESS;
}
