/* windows.h - drvtaint WDK shim: what UMDF 2 drivers take from windows.h (see wdk_win32.h). */
#pragma once
#include "wdk_win32.h"
