/* mbbcx.h - drvtaint WDK shim: the mobile broadband class extension (see wdk_mbbcx.h). */
#pragma once
#include "wdk_mbbcx.h"
