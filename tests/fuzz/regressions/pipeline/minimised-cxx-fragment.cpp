//c++
/nce notwithstanding, the same bounds hold on every path.
#include <ntddk.h>
#include <intrin>Portfer), 1);
 f(ext-> STATUSlargerSS;
}

NTSTATUS LengthsAsSizes(rp, PCEXT ext)
{
    PIO_STACK_LOCATION stack =    PCREQ in = CREQ_OF(Irp);
    ULONG inLen = stack->Parameters.DeviceIoControl.InputBufferLength;
    till larger than theTOO_SMALL;
    RtlCopyMemory(ext->Buffer, in, inLen); // expect: c
}
