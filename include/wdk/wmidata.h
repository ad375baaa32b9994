/* wmidata.h - drvtaint WDK shim: the records of the standard WMI classes that storage and serial
 * drivers fill in (the WDK generates this header from its MOF files; these are the MSStorageDriver_*
 * and MSSerial_* classes documented under "WMI classes for storage/serial drivers", with the
 * field names drivers use). GUID initializer macros are left out: their values are not here. */
#pragma once
#include "wdk_base.h"

/* failure prediction (MSStorageDriver_FailurePredict*) */
typedef struct _STORAGE_FAILURE_PREDICT_STATUS {
    ULONG Reason;
    BOOLEAN PredictFailure;
} STORAGE_FAILURE_PREDICT_STATUS, *PSTORAGE_FAILURE_PREDICT_STATUS,
  MSStorageDriver_FailurePredictStatus, *PMSStorageDriver_FailurePredictStatus;
typedef struct _STORAGE_FAILURE_PREDICT_DATA {
    ULONG Length;
    UCHAR VendorSpecific[512];
} STORAGE_FAILURE_PREDICT_DATA, *PSTORAGE_FAILURE_PREDICT_DATA,
  MSStorageDriver_FailurePredictData, *PMSStorageDriver_FailurePredictData;
typedef struct _STORAGE_FAILURE_PREDICT_THRESHOLDS {
    UCHAR VendorSpecific[512];
} STORAGE_FAILURE_PREDICT_THRESHOLDS, *PSTORAGE_FAILURE_PREDICT_THRESHOLDS,
  MSStorageDriver_FailurePredictThresholds, *PMSStorageDriver_FailurePredictThresholds;
typedef struct _STORAGE_SCSI_INFO_EXCEPTIONS {
    BOOLEAN PageSavable;
    UCHAR Flags;
    UCHAR MRIE;
    UCHAR Padding;
    ULONG IntervalTimer;
    ULONG ReportCount;
} STORAGE_SCSI_INFO_EXCEPTIONS, *PSTORAGE_SCSI_INFO_EXCEPTIONS,
  MSStorageDriver_ScsiInfoExceptions, *PMSStorageDriver_ScsiInfoExceptions;
typedef struct _MSStorageDriver_FailurePredictEvent {
    ULONG Length;
    UCHAR VendorSpecific[1];
} MSStorageDriver_FailurePredictEvent, *PMSStorageDriver_FailurePredictEvent;

/* the class driver's error log (MSStorageDriver_ClassErrorLog) */
typedef struct _MSStorageDriver_ScsiRequestBlock {
    USHORT length;
    UCHAR function;
    UCHAR srbStatus;
    UCHAR scsiStatus;
    UCHAR pathID;
    UCHAR targetID;
    UCHAR lun;
    UCHAR queueTag;
    UCHAR queueAction;
    UCHAR cdbLength;
    UCHAR senseInfoBufferLength;
    ULONG srbFlags;
    ULONG dataTransferLength;
    ULONG timeOutValue;
    ULONGLONG dataBuffer;
    ULONGLONG senseInfoBuffer;
    ULONGLONG nextSRB;
    ULONGLONG originalRequest;
    ULONGLONG srbExtension;
    ULONG internalStatus;
    ULONG reserved;
    UCHAR cdb[16];
} MSStorageDriver_ScsiRequestBlock, *PMSStorageDriver_ScsiRequestBlock;
typedef struct _MSStorageDriver_SenseData {
    UCHAR errorCode;
    BOOLEAN valid;
    UCHAR segmentNumber;
    UCHAR senseKey;
    BOOLEAN reserved;
    BOOLEAN incorrectLength;
    BOOLEAN endOfMedia;
    BOOLEAN fileMark;
    UCHAR information[4];
    UCHAR additionalSenseLength;
    UCHAR commandSpecificInformation[4];
    UCHAR additionalSenseCode;
    UCHAR additionalSenseCodeQualifier;
    UCHAR fieldReplaceableUnitCode;
    UCHAR senseKeySpecific[3];
} MSStorageDriver_SenseData, *PMSStorageDriver_SenseData;
typedef struct _MSStorageDriver_ClassErrorLogEntry {
    LARGE_INTEGER tickCount;
    ULONG portNumber;
    BOOLEAN errorPaging;
    BOOLEAN errorRetried;
    BOOLEAN errorUnhandled;
    BOOLEAN errorReserved;
    ULONG reserved;
    LARGE_INTEGER eventTime;
    MSStorageDriver_ScsiRequestBlock srb;
    MSStorageDriver_SenseData senseData;
} MSStorageDriver_ClassErrorLogEntry, *PMSStorageDriver_ClassErrorLogEntry;
typedef struct _MSStorageDriver_ClassErrorLog {
    ULONG numEntries;
    MSStorageDriver_ClassErrorLogEntry logEntries[16];
} MSStorageDriver_ClassErrorLog, *PMSStorageDriver_ClassErrorLog;

/* serial ports (MSSerial_*) */
#define SERIAL_WMI_PARITY_NONE 0U
#define SERIAL_WMI_PARITY_ODD 1U
#define SERIAL_WMI_PARITY_EVEN 2U
#define SERIAL_WMI_PARITY_SPACE 3U
#define SERIAL_WMI_PARITY_MARK 4U
#define SERIAL_WMI_INTTYPE_LATCHED 0U
#define SERIAL_WMI_INTTYPE_LEVEL 1U
typedef struct _SERIAL_WMI_COMM_DATA {
    ULONG BaudRate;
    ULONG BitsPerByte;
    ULONG Parity;
    BOOLEAN ParityCheckEnable;
    ULONG StopBits;
    ULONG XoffCharacter;
    ULONG XoffXmitThreshold;
    ULONG XonCharacter;
    ULONG XonXmitThreshold;
    ULONG MaximumBaudRate;
    ULONG MaximumOutputBufferSize;
    ULONG MaximumInputBufferSize;
    BOOLEAN Support16BitMode;
    BOOLEAN SupportDTRDSR;
    BOOLEAN SupportIntervalTimeouts;
    BOOLEAN SupportParityCheck;
    BOOLEAN SupportRTSCTS;
    BOOLEAN SupportXonXoff;
    BOOLEAN SettableBaudRate;
    BOOLEAN SettableDataBits;
    BOOLEAN SettableFlowControl;
    BOOLEAN SettableParity;
    BOOLEAN SettableParityCheck;
    BOOLEAN SettableStopBits;
    BOOLEAN IsBusy;
} SERIAL_WMI_COMM_DATA, *PSERIAL_WMI_COMM_DATA, MSSerial_CommInfo, *PMSSerial_CommInfo;
typedef struct _SERIAL_WMI_HW_DATA {
    ULONG IrqNumber;
    ULONG IrqVector;
    ULONG IrqLevel;
    ULONGLONG IrqAffinityMask;
    ULONG InterruptType;
    ULONGLONG BaseIOAddress;
} SERIAL_WMI_HW_DATA, *PSERIAL_WMI_HW_DATA, MSSerial_HardwareConfiguration, *PMSSerial_HardwareConfiguration;
typedef struct _SERIAL_WMI_PERF_DATA {
    ULONG ReceivedCount;
    ULONG TransmittedCount;
    ULONG FrameErrorCount;
    ULONG SerialOverrunErrorCount;
    ULONG BufferOverrunErrorCount;
    ULONG ParityErrorCount;
} SERIAL_WMI_PERF_DATA, *PSERIAL_WMI_PERF_DATA, MSSerial_PerformanceInformation, *PMSSerial_PerformanceInformation;
