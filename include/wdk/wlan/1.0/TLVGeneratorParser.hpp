/* wlan/1.0/TLVGeneratorParser.hpp - drvtaint WDK shim: the WDI TLV parser and generator. Only the
 * records it fills are declared (wditypes.hpp); its Parse and Generate routines are not, so recovery
 * declares the ones a driver calls. */
#pragma once
#include "../../wditypes.hpp"
