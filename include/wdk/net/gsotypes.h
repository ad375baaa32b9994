/* net/gsotypes.h - drvtaint WDK shim: a NetAdapterCx ring header; the whole set is in wdk_netcx.h. */
#pragma once
#include "../wdk_netcx.h"
