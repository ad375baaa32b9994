/* SensorsUtils.h - drvtaint WDK shim: the sensor class extension and its helpers (see wdk_sensors.h). */
#pragma once
#include "wdk_sensors.h"
