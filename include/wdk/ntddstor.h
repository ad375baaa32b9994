/* ntddstor.h - drvtaint WDK shim: storage IOCTLs (minimal). */
#pragma once
#include "wdk_io.h"
#define IOCTL_STORAGE_BASE FILE_DEVICE_MASS_STORAGE
#define FILE_DEVICE_MASS_STORAGE 0x0000002d
