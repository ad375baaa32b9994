/* poppack.h - drvtaint WDK shim */
#pragma pack(pop)
