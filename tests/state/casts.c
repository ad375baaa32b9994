/* casts.c - conversions: narrowing wraps to the whole target range (and is no bound, even
 * once widened again), widening keeps the
 * interval, a 32-bit user value widened to 64 bits is still as unbounded as it was. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct REQ {
    ULONG Value;
    ULONG64 Wide;
    UCHAR Small;
} REQ;

NTSTATUS Casts(PIRP Irp)
{
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    ULONG64 w = (ULONG64)in->Value;
    __drvtaint_range(w);   // state: [0, 0xffffffff]
    __drvtaint_tainted(w); // state: user value, unbounded
    USHORT s = (USHORT)in->Wide;
    __drvtaint_range(s); // state: any 16-bit unsigned value
    /* narrowing is no bound: the low 32 bits of a user value, widened again, are still any
       32-bit value the user chose */
    ULONG64 back = (ULONG)in->Wide;
    __drvtaint_range(back);   // state: [0, 0xffffffff]
    __drvtaint_tainted(back); // state: user value, unbounded
    if (back > 0xFFFF)
        return STATUS_INVALID_PARAMETER;
    __drvtaint_tainted(back); // state: user value, bounded
    ULONG b = in->Small;
    __drvtaint_range(b); // state: [0, 255]
    /* a byte is small, but every value of it is the user's: still unbounded in its own type */
    __drvtaint_tainted(b); // state: user value, unbounded
    ULONG v = in->Value;
    if (v > 7)
        return STATUS_INVALID_PARAMETER;
    UCHAR c = (UCHAR)v;
    __drvtaint_range(c);   // state: [0, 7]
    __drvtaint_tainted(c); // state: user value, bounded
    LONG neg = -(LONG)v;
    __drvtaint_range(neg); // state: [-7, 0]
    return STATUS_SUCCESS;
}
