/* ksdebug.h - drvtaint WDK shim: the debug print levels and _DbgPrintF of kernel streaming and
 * audio drivers. _DbgPrintF is the free-build form (no output), as drivers are analysed as built
 * without DBG. */
#pragma once
#include "wdk_base.h"
#define DEBUGLVL_ERROR 0
#define DEBUGLVL_TERSE 1
#define DEBUGLVL_VERBOSE 2
#define DEBUGLVL_BLAB 3
#ifndef DEBUG_LEVEL
#define DEBUG_LEVEL DEBUGLVL_TERSE
#endif
#define DEBUG_VARIABLE DEBUG_LEVEL
#define _DbgPrintF(lvl, strings) ((void)0)
#define _DbgPrintFEx(component, lvl, strings) ((void)0)
