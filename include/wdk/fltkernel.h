/* fltkernel.h - drvtaint WDK shim: the lower-case spelling drivers also write (see fltKernel.h). */
#pragma once
#include "fltKernel.h"
