/* wdftimer.h - drvtaint WDK shim: KMDF timers; wdf.h declares them (WDFTIMER, WDF_TIMER_CONFIG,
 * WdfTimerCreate/Start/Stop), as the real wdf.h includes wdftimer.h. */
#pragma once
#include "wdf.h"
