/* step5.c - a user value kept in gStep5; step4.c ... step1.c hand it along one unit per
 * whole-driver round, so the last link is told after the round cap and step1.c says so. */
#include <ntddk.h>

ULONG gStep1, gStep2, gStep3, gStep4, gStep5;

NTSTATUS Keep5(PDEVICE_OBJECT d, PIRP Irp)
{
    gStep5 = *(ULONG *)Irp->AssociatedIrp.SystemBuffer;
    return STATUS_SUCCESS;
}
