/* step2.c - one link of a chain of kept values across units (see step5.c). */
#include <ntddk.h>

extern ULONG gStep2, gStep3;

void Step2(void) { gStep2 = gStep3; }
