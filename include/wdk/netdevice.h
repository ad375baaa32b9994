/* netdevice.h - drvtaint WDK shim: NetAdapterCx device routines (see wdk_netcx.h). */
#pragma once
#include "wdk_netcx.h"
