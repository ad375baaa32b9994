/* strings.c - RtlInitUnicodeString and its kin (issue 12, item 3): a string over the caller's
 * characters has user lengths and the caller's pointer as its Buffer, of the same kind. */
#include <ntddk.h>

#include "intrinsics.h"

NTSTATUS Strings(PIRP Irp, PIO_STACK_LOCATION IrpSp)
{
    UNICODE_STRING us;
    RtlInitUnicodeString(&us, (PCWSTR)Irp->AssociatedIrp.SystemBuffer);
    __drvtaint_tainted(us.Length);        // state: user value, unbounded
    __drvtaint_tainted(us.MaximumLength); // state: user value, unbounded
    __drvtaint_tainted(us.Buffer);        // state: user contents
    ANSI_STRING as;
    RtlInitAnsiString(&as, (PCSZ)IrpSp->Parameters.DeviceIoControl.Type3InputBuffer);
    __drvtaint_tainted(as.Buffer); // state: user value, unbounded
    RtlInitUnicodeString(&us, L"fixed");
    __drvtaint_tainted(us.Length); // state: trusted
    return STATUS_SUCCESS;
}
