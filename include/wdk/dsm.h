/* dsm.h - drvtaint WDK shim: the multipath device-specific module interface. A DSM includes this
 * header first, so it brings the kernel set, WMI library and SCSI/storage headers; of the DSM
 * records only the identifier list is here (the rest, DSM_INIT_DATA and its routine roles, is
 * left to recovery). From the dsm.h reference pages. */
#pragma once
#include "ntddk.h"
#include "wmilib.h"
#include "wdk_scsi.h"
#include "wdk_disk.h"

typedef struct _DSM_IDS {
    ULONG Count;
    PVOID IdList[1];
} DSM_IDS, *PDSM_IDS;
