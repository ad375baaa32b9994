/* hidclass.h - drvtaint WDK shim: HID class IOCTLs and collection information (see wdk_hid.h). */
#pragma once
#include "ntddk.h"
#include "wdk_hid.h"
