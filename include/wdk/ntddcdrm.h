/* ntddcdrm.h - drvtaint WDK shim: disk, CD-ROM and mount-device IOCTLs and records (see wdk_disk.h). */
#pragma once
#include "wdk_disk.h"
