/* pshpack8.h - drvtaint WDK shim */
#pragma pack(push, 8)
