/* SensorsDef.h - drvtaint WDK shim: sensor definitions (property keys, type and category GUIDs,
 * sensor enumerations; see wdk_sensors.h). */
#pragma once
#include "wdk_sensors.h"
