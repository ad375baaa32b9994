/* pepfx.h - drvtaint WDK shim: power engine plug-ins (see wdk_pep.h). */
#pragma once
#include "wdk_pep.h"
