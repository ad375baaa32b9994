/* basetyps.h - drvtaint WDK shim: GUID and interface helper types. */
#pragma once
#include "wdk_base.h"
