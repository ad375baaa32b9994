/* winerror.h - drvtaint WDK shim: Win32 error codes and HRESULT helpers (see wdk_win32.h). */
#pragma once
#include "wdk_win32.h"
