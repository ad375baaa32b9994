/* wditypes.hpp - drvtaint WDK shim: parsed WDI TLV records (see wdk_wditlv.h); C and C++. */
#pragma once
#include "ndis.h"
#include "wdk_wditlv.h"
