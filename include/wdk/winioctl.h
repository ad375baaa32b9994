/* winioctl.h - drvtaint WDK shim: IOCTL code macros and device types. */
#pragma once
#include "wdk_io.h"
