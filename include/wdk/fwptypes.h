/* fwptypes.h - drvtaint WDK shim: Windows Filtering Platform callout drivers (see wdk_fwp.h). */
#pragma once
#include "wdk_fwp.h"
