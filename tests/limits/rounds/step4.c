/* step4.c - one link of a chain of kept values across units (see step5.c). */
#include <ntddk.h>

extern ULONG gStep4, gStep5;

void Step4(void) { gStep4 = gStep5; }
