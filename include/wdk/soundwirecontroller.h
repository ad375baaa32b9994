/* soundwirecontroller.h - drvtaint WDK shim: SoundWire SDCA audio (see wdk_sdca.h). */
#pragma once
#include "wdk_sdca.h"
