/* UcmCx.h - drvtaint WDK shim: the USB connector manager class extension (see wdk_ucm.h). */
#pragma once
#include "wdk_ucm.h"
