/* wdmguid.h - drvtaint WDK shim: PnP notification GUIDs (declared as needed). */
#pragma once
#include "wdk_base.h"
/* device-interface and target-device notification events (IoRegisterPlugPlayNotification) */
DEFINE_GUID(GUID_DEVICE_INTERFACE_ARRIVAL, 0xcb3a4004L, 0x46f0, 0x11d0, 0xb0, 0x8f, 0x00, 0x60, 0x97, 0x13, 0x05, 0x3f);
DEFINE_GUID(GUID_DEVICE_INTERFACE_REMOVAL, 0xcb3a4005L, 0x46f0, 0x11d0, 0xb0, 0x8f, 0x00, 0x60, 0x97, 0x13, 0x05, 0x3f);
