/* pshpack4.h - drvtaint WDK shim */
#pragma pack(push, 4)
