/* byaddress.c - a local struct handed to a helper by address carries its fields as the caller
 * knew them: a kernel pointer to user bytes stays one, a user length stays a user value. */
#include <ntddk.h>

#include "intrinsics.h"

typedef struct _NAMED {
    ULONG Length;
    WCHAR Name[1];
} NAMED;

static VOID Helper(PUNICODE_STRING s)
{
    __drvtaint_tainted(s->Buffer); // state: user contents
    __drvtaint_tainted(s->Length); // state: user value, unbounded
}

NTSTATUS ByAddress(PIRP Irp)
{
    NAMED *in = (NAMED *)Irp->AssociatedIrp.SystemBuffer;
    UNICODE_STRING s;
    s.Length = (USHORT)in->Length;
    s.MaximumLength = s.Length;
    s.Buffer = (PWSTR)&in->Name;
    Helper(&s);
    return STATUS_SUCCESS;
}
