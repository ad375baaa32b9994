/* kept.c - a user value handed along four globals, one function per step, in the order that
 * makes each pass over the unit see one more step: after three passes the kept values still
 * change, and the unit says so instead of stopping quietly. */
#include <ntddk.h>

ULONG gA, gB, gC, gD;

void StepA(void) { gA = gB; }
void StepB(void) { gB = gC; }
void StepC(void) { gC = gD; }

NTSTATUS Keep(PDEVICE_OBJECT d, PIRP Irp)
{
    gD = *(ULONG *)Irp->AssociatedIrp.SystemBuffer;
    return STATUS_SUCCESS;
}

void UseA(void) { __writemsr(gA, 0); }
