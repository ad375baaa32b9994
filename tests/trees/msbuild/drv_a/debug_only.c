/* debug_only.c - compiled only in drv_a's Debug configuration: left out of a Release scan. */
#include <HwRegs.h>

ULONG DrvADebugCount(PDEVICE_EXTENSION ext)
{
    return ext->Port;
}
