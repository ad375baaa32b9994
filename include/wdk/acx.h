/* acx.h - drvtaint WDK shim: the audio class extension (see wdk_acx.h). */
#pragma once
#include "wdk_acx.h"
