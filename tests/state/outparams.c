/* outparams.c - a callee given &x may write x (issue 12, item 16): an unknown callee makes a
 * kernel value unknown, but keeps user data (nothing is assumed to launder it); a callee with
 * a summary writes what its summary says; the source of a copy is only read. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct REQ {
    ULONG Value;
} REQ;

NTSTATUS Unknown(PVOID *Out);
NTSTATUS UnknownUlong(ULONG *Out);

static void Fill(REQ *in, ULONG *out)
{
    *out = in->Value;
}

NTSTATUS OutParams(PIRP Irp)
{
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    PVOID p = NULL;
    __drvtaint_range(p); // state: 0
    Unknown(&p);
    __drvtaint_range(p); // state: any 64-bit unsigned value
    ULONG k = 5;
    UnknownUlong(&k);
    __drvtaint_range(k); // state: any 32-bit unsigned value
    ULONG t = in->Value;
    UnknownUlong(&t);
    __drvtaint_tainted(t); // state: user value, unbounded
    ULONG w = 0;
    Fill(in, &w);
    __drvtaint_tainted(w); // state: user value, unbounded
    ULONG c = 7;
    ULONG d = 0;
    RtlCopyMemory(&d, &c, sizeof(c));
    __drvtaint_range(c); // state: 7
    return STATUS_SUCCESS;
}
