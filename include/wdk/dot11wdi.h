/* dot11wdi.h - drvtaint WDK shim: the WLAN Device Driver Interface (see wdk_wdi.h). */
#pragma once
#include "ndis.h"
#include "wdk_wdi.h"
