/* ndis.h - drvtaint WDK shim: NDIS 6.x miniport, filter and protocol drivers (see wdk_ndis.h). */
#pragma once
#include "ntddk.h"
#include "wdk_ndis.h"
