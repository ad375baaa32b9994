/* SPBCx.h - drvtaint WDK shim: simple peripheral buses and the resource hub (see wdk_spb.h). */
#pragma once
#include "wdk_spb.h"
