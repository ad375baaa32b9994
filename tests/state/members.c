/* members.c - addresses inside what a user-chosen pointer points at (issue 12, item 13) are
 * user-chosen too, and probed when the pointer is; inside a buffer the I/O manager copied
 * (SystemBuffer) they are kernel addresses of user bytes. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct SUMMARY {
    ULONG Count;
    WCHAR Name[8];
    ULONG Field;
} SUMMARY;

NTSTATUS Members(PIRP Irp, PIO_STACK_LOCATION IrpSp)
{
    SUMMARY *s = (SUMMARY *)IrpSp->Parameters.DeviceIoControl.Type3InputBuffer;
    __drvtaint_tainted(s->Name);    // state: user value, unbounded
    __drvtaint_tainted(&s->Field);  // state: user value, unbounded
    __drvtaint_tainted(&s->Name[2]); // state: user value, unbounded
    SUMMARY *in = (SUMMARY *)Irp->AssociatedIrp.SystemBuffer;
    __drvtaint_tainted(in->Name);   // state: user contents
    __drvtaint_tainted(&in->Field); // state: user contents
    SUMMARY local = {0};
    __drvtaint_tainted(&local.Field); // state: trusted
    return STATUS_SUCCESS;
}
