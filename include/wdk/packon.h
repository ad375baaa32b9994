/* packon.h - drvtaint WDK shim: byte packing from here to packoff.h, as the WDK header does. */
#pragma pack(push, 1)
