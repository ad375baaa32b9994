/* step3.c - one link of a chain of kept values across units (see step5.c). */
#include <ntddk.h>

extern ULONG gStep3, gStep4;

void Step3(void) { gStep3 = gStep4; }
