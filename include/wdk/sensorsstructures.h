/* sensorsstructures.h - drvtaint WDK shim: sensor vector and quaternion records (see wdk_sensors.h). */
#pragma once
#include "wdk_sensors.h"
