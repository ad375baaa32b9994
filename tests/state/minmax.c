/* minmax.c - bounds through an expression: a comparison with a value that is no single
 * number but has known ends (min(PAGE_SIZE - off, len), its ?: spelling), and the remainder of
 * a signed value stored into an unsigned. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct REQ {
    ULONG Offset;
    ULONG Length;
    LONG Signed;
} REQ;

NTSTATUS MinMax(PIRP Irp)
{
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    ULONG off = in->Offset & (PAGE_SIZE - 1);
    __drvtaint_range(off); // state: [0, 0xfff]
    ULONG n = min(PAGE_SIZE - off, in->Length);
    __drvtaint_range(n);   // state: [0, 0x1000]
    __drvtaint_tainted(n); // state: user value, bounded
    ULONG m = in->Length > PAGE_SIZE - off ? PAGE_SIZE - off : in->Length;
    __drvtaint_range(m); // state: [0, 0x1000]
    ULONG len = in->Length;
    if (len >= PAGE_SIZE - off)
        return STATUS_INVALID_PARAMETER;
    /* len < PAGE_SIZE - off <= 0x1000 */
    __drvtaint_range(len); // state: [0, 0xfff]
    ULONG low = in->Length;
    ULONG floor = (in->Offset & 0xFF) + 16;
    if (low <= floor)
        return STATUS_INVALID_PARAMETER;
    /* low > floor >= 16 teaches a floor only */
    __drvtaint_range(low); // state: [17, 0xffffffff]
    ULONG wide = in->Offset;
    ULONG u = min(PAGE_SIZE - wide, in->Length);
    /* PAGE_SIZE - wide may be any value: no bound */
    __drvtaint_tainted(u); // state: user value, unbounded
    ULONG r = in->Signed % PAGE_SIZE;
    /* [-0xfff, 0xfff] does not fit a ULONG: the negative half wraps to the top */
    __drvtaint_tainted(r); // state: user value, unbounded
    LONG v = in->Signed;
    if (v < 0)
        return STATUS_INVALID_PARAMETER;
    ULONG rv = v % PAGE_SIZE;
    __drvtaint_range(rv); // state: [0, 0xfff]
    return STATUS_SUCCESS;
}
