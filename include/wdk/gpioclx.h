/* gpioclx.h - drvtaint WDK shim: the GPIO framework extension (see wdk_gpio.h). */
#pragma once
#include "wdk_gpio.h"
