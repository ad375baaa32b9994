/* ntdef.h - drvtaint WDK shim: base NT types. */
#pragma once
#include "wdk_base.h"
#ifndef _NTDEF_
#define _NTDEF_
#endif
