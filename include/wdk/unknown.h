/* unknown.h - drvtaint WDK shim: IUnknown and the COM declaration macros for kernel drivers (see wdk_com.h). */
#pragma once
#include "wdk_base.h"
#include "wdk_com.h"
