/* ufxclient.h - drvtaint WDK shim: the USB function class extension (see wdk_ufx.h). */
#pragma once
#include "wdk_ufx.h"
