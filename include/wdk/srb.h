/* srb.h - drvtaint WDK shim: SCSI commands and requests (see wdk_scsi.h). */
#pragma once
#include "wdk_scsi.h"
