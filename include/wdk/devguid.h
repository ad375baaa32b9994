/* devguid.h - drvtaint WDK shim: device setup classes (names only as needed). */
#pragma once
#include "wdk_base.h"
