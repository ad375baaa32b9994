/* new.h - drvtaint WDK shim: placement and nothrow operator new (see wdk_new.h). */
#pragma once
#include "wdk_new.h"
