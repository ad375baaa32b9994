/* relational.c - issue 12, items 4, 5 and 9: bounds that hold through an expression (min()
 * and ?: over PAGE_SIZE - off, a signed remainder), the size of what a mapping or an
 * allocator through a function pointer returns, and checks that relate two values
 * (addr + len - 1 <= END, off + len <= bufLen, buf + (n - k)). Each case has a must-find form
 * and a silent twin; the must-find forms are the same shape written truly unsafe. */
#include "common.h"

typedef struct _PAGE_REQ {
    ULONG Offset;
    ULONG Length;
    LONG Signed;
} PAGE_REQ, *PPAGE_REQ;

/* 9: min() and ?: over an expression that is not bounded on its own terms: the offset is not
   masked, so PAGE_SIZE - off is any value and clamps nothing */
NTSTATUS MinOverAnUnboundedExpression(PIRP Irp)
{
    PPAGE_REQ in = (PPAGE_REQ)Irp->AssociatedIrp.SystemBuffer;
    UCHAR page[PAGE_SIZE];
    ULONG off = in->Offset;
    ULONG n = min(PAGE_SIZE - off, in->Length);
    RtlCopyMemory(page, in + 1, n); // expect: copy-size
    ULONG m = in->Length > PAGE_SIZE + (off & 0xFF) ? PAGE_SIZE + (off & 0xFF) : in->Length;
    RtlCopyMemory(page, in + 1, m); // expect: copy-size
    /* the remainder of a signed value may be negative: stored into an unsigned it wraps to
       the top of the type */
    ULONG r = in->Signed % PAGE_SIZE;
    RtlCopyMemory(page, in + 1, r); // expect: copy-size
    return STATUS_SUCCESS;
}

/* 9, twin: off masked to the page, min(PAGE_SIZE - off, len) and its ?: spelling are at most
   PAGE_SIZE; a signed value checked non-negative leaves a remainder below PAGE_SIZE */
NTSTATUS MinOverABoundedExpression(PIRP Irp)
{
    PPAGE_REQ in = (PPAGE_REQ)Irp->AssociatedIrp.SystemBuffer;
    UCHAR page[PAGE_SIZE];
    ULONG off = in->Offset & (PAGE_SIZE - 1);
    ULONG n = min(PAGE_SIZE - off, in->Length);
    RtlCopyMemory(page, in + 1, n); // expect: none
    ULONG m = in->Length > PAGE_SIZE - off ? PAGE_SIZE - off : in->Length;
    RtlCopyMemory(page, in + 1, m); // expect: none
    LONG v = in->Signed;
    if (v < 0)
        return STATUS_INVALID_PARAMETER;
    ULONG r = v % PAGE_SIZE;
    RtlCopyMemory(page, in + 1, r); // expect: none
    return STATUS_SUCCESS;
}
