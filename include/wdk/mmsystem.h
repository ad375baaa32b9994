/* mmsystem.h - drvtaint WDK shim: the wave types audio drivers take from it (see wdk_mmreg.h). */
#pragma once
#include "wdk_base.h"
#include "wdk_mmreg.h"
