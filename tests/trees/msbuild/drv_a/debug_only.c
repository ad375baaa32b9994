/* debug_only.c - compiled only in drv_a's Debug configuration: left out of a Release scan. */
#include <HwRegs.h>

VOID DrvADebugDump(PDEVICE_EXTENSION ext)
{
    __outbyte(ext->Port, 0); // expect: none
}
