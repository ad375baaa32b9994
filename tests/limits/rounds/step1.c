/* step1.c - one link of a chain of kept values across units (see step5.c). */
#include <ntddk.h>

extern ULONG gStep1, gStep2;

void Step1(void) { gStep1 = gStep2; }
