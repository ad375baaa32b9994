/* driverspecs.h - drvtaint WDK shim: driver SAL annotations (in wdk_base.h). */
#pragma once
#include "wdk_base.h"
