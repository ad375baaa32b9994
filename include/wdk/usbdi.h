/* usbdi.h - drvtaint WDK shim: USB client drivers (see wdk_usb.h). */
#pragma once
#include "ntddk.h"
#include "wdk_usb.h"
