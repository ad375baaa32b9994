/* pshpack2.h - drvtaint WDK shim */
#pragma pack(push, 2)
