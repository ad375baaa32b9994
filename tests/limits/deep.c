/* deep.c - user data handed down six helpers: the analysis follows four calls and says where it
 * stopped (a limit note in -v, JSON and SARIF), so the missing MSR finding is not silent. */
#include <ntddk.h>

static void L6(ULONG v) { __writemsr(v, 0); }
static void L5(ULONG v) { L6(v); }
static void L4(ULONG v) { L5(v); }
static void L3(ULONG v) { L4(v); }
static void L2(ULONG v) { L3(v); }
static void L1(ULONG v) { L2(v); }

NTSTATUS Deep(PDEVICE_OBJECT d, PIRP Irp)
{
    ULONG *in = (ULONG *)Irp->AssociatedIrp.SystemBuffer;
    L1(*in);
    return STATUS_SUCCESS;
}
