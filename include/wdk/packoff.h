/* packoff.h - drvtaint WDK shim: ends the packing packon.h began. */
#pragma pack(pop)
