/* guiddef.h - drvtaint WDK shim: GUID. */
#pragma once
#include "wdk_base.h"
