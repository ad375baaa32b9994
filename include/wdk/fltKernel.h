/* fltKernel.h - drvtaint WDK shim: file-system minifilters (Filter Manager), see wdk_flt.h. */
#pragma once
#include "ntifs.h"
#include "wdk_flt.h"
