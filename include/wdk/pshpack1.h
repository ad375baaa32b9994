/* pshpack1.h - drvtaint WDK shim */
#pragma pack(push, 1)
