/* hidport.h - drvtaint WDK shim: HID minidrivers (see wdk_hid.h). */
#pragma once
#include "ntddk.h"
#include "wdk_hid.h"
