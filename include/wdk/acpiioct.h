/* acpiioct.h - drvtaint WDK shim: ACPI method evaluation IOCTL records (see wdk_acpi.h). */
#pragma once
#include "wdk_acpi.h"
