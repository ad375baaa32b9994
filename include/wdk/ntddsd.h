/* ntddsd.h - drvtaint WDK shim: the SD bus interface for SD/SDIO client drivers (see wdk_sd.h). */
#pragma once
#include "ntddk.h"
#include "wdk_sd.h"
