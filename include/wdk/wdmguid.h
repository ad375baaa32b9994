/* wdmguid.h - drvtaint WDK shim: PnP notification GUIDs (declared as needed). */
#pragma once
#include "wdk_base.h"
