/* modes.c - what a branch teaches beyond numbers: a pointer found NULL holds no address the
 * caller chose (the joins after it keep only the other paths' taint), and a branch taken for a
 * user-mode caller keeps what the user chose (the kernel-mode branch is no user's path). */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct MREQ {
    ULONG_PTR Address;
    ULONG Value;
} MREQ;

NTSTATUS NullPointers(PIRP Irp, PMDL mdl)
{
    MREQ *in = (MREQ *)Irp->AssociatedIrp.SystemBuffer;
    PUCHAR p = (PUCHAR)in->Address;
    __drvtaint_tainted(p); // state: user value, unbounded
    if (p == NULL) {
        __drvtaint_tainted(p); // state: trusted
        __drvtaint_range(p);   // state: 0
    }
    PUCHAR q = (PUCHAR)in->Address;
    if (q)
        q = (PUCHAR)MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority);
    __drvtaint_tainted(q); // state: user contents
    /* a number the user chose stays the user's even when it is 0 */
    ULONG v = in->Value;
    if (v == 0)
        __drvtaint_tainted(v); // state: user value, bounded
    return STATUS_SUCCESS;
}

NTSTATUS KernelCallers(PIRP Irp)
{
    MREQ *in = (MREQ *)Irp->AssociatedIrp.SystemBuffer;
    ULONG v = in->Value;
    /* the kernel-mode branches are dead, so their sinks are silent: samples/constructs/checks.c */
    if (Irp->RequestorMode == UserMode)
        __drvtaint_tainted(v); // state: user value, unbounded
    if (Irp->RequestorMode != KernelMode)
        __drvtaint_tainted(v); // state: user value, unbounded
    /* the mode kept in a flag: testing the flag is testing the mode */
    BOOLEAN fromUser = Irp->RequestorMode != KernelMode;
    __drvtaint_relations(fromUser); // state: result-of=Irp->RequestorMode != KernelMode
    ULONG w = 5;
    if (!fromUser) /* the kernel-mode branch is dead: w keeps the driver's value */
        w = in->Value;
    __drvtaint_tainted(w); // state: trusted
    return STATUS_SUCCESS;
}
