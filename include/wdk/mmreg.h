/* mmreg.h - drvtaint WDK shim: wave formats (see wdk_mmreg.h). */
#pragma once
#include "wdk_base.h"
#include "wdk_mmreg.h"
