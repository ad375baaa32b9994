/* mpiodisk.h - drvtaint WDK shim: MPIO pass-through records of the multipath disk interface, from
 * the mpiodisk.h reference pages (the kernel set and SCSI/storage headers come with it, as a DSM
 * includes nothing else first). */
#pragma once
#include "ntddk.h"
#include "wdk_scsi.h"
#include "wdk_disk.h"

typedef struct _MPIO_PASS_THROUGH_PATH {
    SCSI_PASS_THROUGH PassThrough;
    ULONG Version;
    USHORT Length;
    UCHAR Flags;
    UCHAR PortNumber;
    ULONGLONG MpioPathId;
} MPIO_PASS_THROUGH_PATH, *PMPIO_PASS_THROUGH_PATH;
typedef struct _MPIO_PASS_THROUGH_PATH_DIRECT {
    SCSI_PASS_THROUGH_DIRECT PassThrough;
    ULONG Version;
    USHORT Length;
    UCHAR Flags;
    UCHAR PortNumber;
    ULONGLONG MpioPathId;
} MPIO_PASS_THROUGH_PATH_DIRECT, *PMPIO_PASS_THROUGH_PATH_DIRECT;
typedef struct _MPIO_PASS_THROUGH_PATH32 {
    SCSI_PASS_THROUGH32 PassThrough;
    ULONG Version;
    USHORT Length;
    UCHAR Flags;
    UCHAR PortNumber;
    ULONGLONG MpioPathId;
} MPIO_PASS_THROUGH_PATH32, *PMPIO_PASS_THROUGH_PATH32;
typedef struct _MPIO_PASS_THROUGH_PATH_DIRECT32 {
    SCSI_PASS_THROUGH_DIRECT32 PassThrough;
    ULONG Version;
    USHORT Length;
    UCHAR Flags;
    UCHAR PortNumber;
    ULONGLONG MpioPathId;
} MPIO_PASS_THROUGH_PATH_DIRECT32, *PMPIO_PASS_THROUGH_PATH_DIRECT32;
#define MPIO_IOCTL_FLAG_USE_PATHID 1
#define MPIO_IOCTL_FLAG_USE_SCSIADDRESS 2
#define MPIO_IOCTL_FLAG_INVOLVE_DSM 4
