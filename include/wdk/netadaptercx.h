/* netadaptercx.h - drvtaint WDK shim: the network adapter class extension (see wdk_netcx.h). */
#pragma once
#include "wdk_netcx.h"
