/* storport.h - drvtaint WDK shim: Storport miniports (see wdk_storport.h). */
#pragma once
#include "wdk_storport.h"
