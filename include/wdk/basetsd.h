/* basetsd.h - drvtaint WDK shim: sized integer types. */
#pragma once
#include "wdk_base.h"
