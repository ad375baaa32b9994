/* classpnp.h - drvtaint WDK shim: the storage class driver library (see wdk_classpnp.h). */
#pragma once
#include "wdk_classpnp.h"
