/* ntddstor.h - drvtaint WDK shim: storage device IOCTLs and records (see wdk_stor.h). */
#pragma once
#include "wdk_stor.h"
