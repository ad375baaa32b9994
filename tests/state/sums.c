/* sums.c - checks that relate two values: a sum compared with a bound bounds each term (by a
 * number, or symbolically: at-most=bufLen - off), a buffer retrieved with its length has that
 * size, an allocation of a sum has that sum, and a pointer buf + (n - k) with k <= n stays in. */
#include <ntddk.h>
#include <wdf.h>

#include "intrinsics.h"

#define BAR_BASE 0xFED00000ULL
#define BAR_END 0xFED00FFFULL

typedef struct REQ {
    ULONG64 Address;
    ULONG64 Length;
    ULONG Offset;
    ULONG Count;
    ULONG Take;
} REQ;

NTSTATUS Sums(PIRP Irp, WDFREQUEST Request)
{
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    ULONG64 addr = in->Address;
    ULONG64 len = in->Length;
    if (addr < BAR_BASE || addr + len - 1 > BAR_END)
        return STATUS_INVALID_PARAMETER;
    __drvtaint_range(addr); // state: [0xfed00000, 0xfed01000]
    __drvtaint_range(len);  // state: [0, 0x1000]
    ULONG64 other = in->Length;
    if (addr + other > BAR_END + 1 && in->Take != 0)
        return STATUS_INVALID_PARAMETER;
    /* checked only when Take is not 0: no bound */
    __drvtaint_tainted(other); // state: user value, unbounded
    PUCHAR buf = NULL;
    size_t bufLen = 0;
    if (!NT_SUCCESS(WdfRequestRetrieveInputBuffer(Request, 8, (PVOID *)&buf, &bufLen)))
        return STATUS_INVALID_PARAMETER;
    __drvtaint_relations(buf); // state: buffer-length=bufLen
    ULONG off = in->Offset;
    ULONG n = in->Count;
    if (off + n > bufLen)
        return STATUS_INVALID_PARAMETER;
    __drvtaint_relations(off); // state: copy-of=(*in).Offset at-most=bufLen - n
    __drvtaint_relations(n);   // state: copy-of=(*in).Count at-most=bufLen - off
    __drvtaint_tainted(buf + off); // state: user contents
    __drvtaint_tainted(buf + off + n + 1); // state: user value, unbounded
    ULONG k = in->Take;
    if (k > bufLen)
        return STATUS_INVALID_PARAMETER;
    __drvtaint_relations(k); // state: copy-of=(*in).Take at-most=bufLen
    __drvtaint_tainted(buf + (bufLen - k)); // state: user contents
    __drvtaint_tainted(buf + (bufLen - off)); // state: user contents
    PUCHAR mem = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(REQ) + n + 12, 'muSx');
    __drvtaint_relations(mem); // state: alloc-size=n + 44 result-of=ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(REQ) + n + 12, 'muSx')
    __drvtaint_tainted(mem + n); // state: trusted
    ULONG j = k;
    if (j > bufLen)
        return STATUS_INVALID_PARAMETER;
    j++;
    /* one more than a value at most bufLen is not at most bufLen, nor a copy of k */
    __drvtaint_relations(j); // state: none
    /* a product of numbers is a number: 3 * sizeof(ULONG) in a sum bounds the other term */
    __drvtaint_range(3 * sizeof(ULONG)); // state: 12
    ULONG rest = in->Count;
    if (bufLen < rest + 3 * sizeof(ULONG))
        return STATUS_INVALID_PARAMETER;
    __drvtaint_relations(rest); // state: copy-of=(*in).Count at-most=bufLen - 12
    bufLen = 0;
    /* the length changed: the bounds that named it are gone */
    __drvtaint_relations(k); // state: copy-of=(*in).Take
    return STATUS_SUCCESS;
}
