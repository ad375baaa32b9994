/* wdk_classpnp.h - drvtaint WDK shim: the storage class driver library (classpnp.h): the common,
 * functional and physical device extensions, CLASS_INIT_DATA / CLASS_DEV_INFO / CLASS_WMI_INFO
 * with their callback roles, the power context, the driver extension, and the Class* routines.
 * Written from the classpnp.h reference pages on learn.microsoft.com; CLASS_FUNCTION_SUPPORT_INFO
 * and its VPD records, which have no reference page, carry the fields drivers are seen to use.
 * The library's private records (CLASS_PRIVATE_FDO_DATA, MEDIA_CHANGE_DETECTION_INFO, ...) are
 * only named here: the class driver sources define them. */
#pragma once
#include "ntddk.h"
#include "wdk_scsi.h"
#include "wdk_stor.h"
#include "wdk_disk.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CLASS_SRBEX_SCSI_CDB16_BUFFER_SIZE \
    (sizeof(STORAGE_REQUEST_BLOCK) + sizeof(STOR_ADDR_BTL8) + sizeof(SRBEX_DATA_SCSI_CDB16) + 3 * sizeof(PVOID))
#define CLASS_SRBEX_NO_SRBEX_DATA_BUFFER_SIZE (sizeof(STORAGE_REQUEST_BLOCK) + sizeof(STOR_ADDR_BTL8) + sizeof(PVOID))
#define CLASS_SRB_SCSI_REQUEST_BLOCK 0x1
#define CLASS_SRB_STORAGE_REQUEST_BLOCK 0x2

#define DEV_WRITE_CACHE 0x00000001
#define DEV_USE_SCSI1 0x00000002
#define DEV_SAFE_START_UNIT 0x00000004
#define DEV_NO_12BYTE_CDB 0x00000008
#define DEV_POWER_PROTECTED 0x00000010
#define DEV_USE_16BYTE_CDB 0x00000020
#define CLASS_SPECIAL_DISABLE_SPIN_DOWN 0x00000001
#define CLASS_SPECIAL_DISABLE_SPIN_UP 0x00000002
#define CLASS_SPECIAL_NO_QUEUE_LOCK 0x00000008
#define CLASS_SPECIAL_DISABLE_WRITE_CACHE 0x00000010
#define CLASS_SPECIAL_CAUSE_NOT_REPORTABLE_HACK 0x00000020
#define CLASS_SPECIAL_DISABLE_WRITE_CACHE_NOT_SUPPORTED 0x00000040
#define CLASS_SPECIAL_MODIFY_CACHE_UNSUCCESSFUL 0x00000040
#define CLASS_SPECIAL_FUA_NOT_SUPPORTED 0x00000080
#define CLASS_SPECIAL_VALID_MASK 0x000000FB
#define CLASS_SPECIAL_RESERVED (~CLASS_SPECIAL_VALID_MASK)
#define DO_DEVICE_EXTENSION_SIZE_MASK 0x00FFFFFF
#define CLASS_DRIVER_EXTENSION_KEY ((PVOID)ClassInitialize)
#define CLASS_FILE_OBJECT_EXTENSION_KEY ((PVOID)(ULONG_PTR)0xFFFFFFFF)
#define MAXIMUM_RETRIES 4

typedef enum _CLASS_DEBUG_LEVEL {
    ClassDebugError = 0,
    ClassDebugWarning = 1,
    ClassDebugTrace = 2,
    ClassDebugInfo = 3,
    ClassDebugMediaLocks = 8,
    ClassDebugMCN = 9,
    ClassDebugDelayedRetry = 10,
    ClassDebugSenseInfo = 11,
    ClassDebugRemoveLock = 12,
    ClassDebugExternal4 = 13,
    ClassDebugExternal3 = 14,
    ClassDebugExternal2 = 15,
    ClassDebugExternal1 = 16
} CLASS_DEBUG_LEVEL, *PCLASS_DEBUG_LEVEL;

typedef enum { EventGeneration, DataBlockCollection } CLASSENABLEDISABLEFUNCTION;
typedef enum { FailurePredictionNone = 0, FailurePredictionIoctl, FailurePredictionSmart, FailurePredictionSense } FAILURE_PREDICTION_METHOD, *PFAILURE_PREDICTION_METHOD;
typedef enum _MEDIA_CHANGE_DETECTION_STATE { MediaUnknown, MediaPresent, MediaNotPresent, MediaUnavailable } MEDIA_CHANGE_DETECTION_STATE, *PMEDIA_CHANGE_DETECTION_STATE;
typedef enum { PowerDownDeviceInitial, PowerDownDeviceLocked, PowerDownDeviceStopped, PowerDownDeviceOff, PowerDownDeviceUnlocked } CLASS_POWER_DOWN_STATE;
typedef enum { PowerDownDeviceInitial2, PowerDownDeviceLocked2, PowerDownDeviceFlushed2, PowerDownDeviceStopped2, PowerDownDeviceOff2, PowerDownDeviceUnlocked2 } CLASS_POWER_DOWN_STATE2;
typedef enum { PowerDownDeviceInitial3 = 0, PowerDownDeviceLocked3, PowerDownDeviceQuiesced3, PowerDownDeviceFlushed3, PowerDownDeviceStopped3, PowerDownDeviceOff3, PowerDownDeviceUnlocked3 } CLASS_POWER_DOWN_STATE3;
typedef enum { PowerUpDeviceInitial, PowerUpDeviceLocked, PowerUpDeviceOn, PowerUpDeviceStarted, PowerUpDeviceUnlocked } CLASS_POWER_UP_STATE;
typedef enum { SupportUnknown = 0, Supported, NotSupported } CLASS_FUNCTION_SUPPORT;

/* named here, defined by the class library's own sources */
typedef struct _CLASS_PRIVATE_FDO_DATA CLASS_PRIVATE_FDO_DATA, *PCLASS_PRIVATE_FDO_DATA;
typedef struct _CLASS_PRIVATE_PDO_DATA CLASS_PRIVATE_PDO_DATA, *PCLASS_PRIVATE_PDO_DATA;
typedef struct _CLASS_PRIVATE_COMMON_DATA CLASS_PRIVATE_COMMON_DATA, *PCLASS_PRIVATE_COMMON_DATA;
typedef struct _MEDIA_CHANGE_DETECTION_INFO *PMEDIA_CHANGE_DETECTION_INFO;
typedef struct _FAILURE_PREDICTION_INFO *PFAILURE_PREDICTION_INFO;
typedef struct _DICTIONARY_HEADER *PDICTIONARY_HEADER;

typedef struct _DICTIONARY {
    ULONGLONG Signature;
    PDICTIONARY_HEADER List;
    KSPIN_LOCK SpinLock;
} DICTIONARY, *PDICTIONARY;

typedef struct _FUNCTIONAL_DEVICE_EXTENSION FUNCTIONAL_DEVICE_EXTENSION, *PFUNCTIONAL_DEVICE_EXTENSION;
typedef struct _PHYSICAL_DEVICE_EXTENSION PHYSICAL_DEVICE_EXTENSION, *PPHYSICAL_DEVICE_EXTENSION;
typedef struct _CLASS_DRIVER_EXTENSION CLASS_DRIVER_EXTENSION, *PCLASS_DRIVER_EXTENSION;

typedef struct {
    GUID Guid;
    ULONG InstanceCount;
    ULONG Flags;
} GUIDREGINFO, *PGUIDREGINFO;

/* callback roles */
typedef NTSTATUS CLASS_ADD_DEVICE(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT Pdo);
typedef CLASS_ADD_DEVICE *PCLASS_ADD_DEVICE;
typedef VOID CLASS_ERROR(PDEVICE_OBJECT DeviceObject, PSCSI_REQUEST_BLOCK Srb, NTSTATUS *Status, BOOLEAN *Retry);
typedef CLASS_ERROR *PCLASS_ERROR;
typedef NTSTATUS CLASS_READ_WRITE(PDEVICE_OBJECT DeviceObject, PIRP Irp);
typedef CLASS_READ_WRITE *PCLASS_READ_WRITE;
typedef NTSTATUS CLASS_DEVICE_CONTROL(PDEVICE_OBJECT DeviceObject, PIRP Irp);
typedef CLASS_DEVICE_CONTROL *PCLASS_DEVICE_CONTROL;
typedef NTSTATUS CLASS_SHUTDOWN_FLUSH(PDEVICE_OBJECT DeviceObject, PIRP Irp);
typedef CLASS_SHUTDOWN_FLUSH *PCLASS_SHUTDOWN_FLUSH;
typedef NTSTATUS CLASS_CREATE_CLOSE(PDEVICE_OBJECT DeviceObject, PIRP Irp);
typedef CLASS_CREATE_CLOSE *PCLASS_CREATE_CLOSE;
typedef NTSTATUS CLASS_INIT_DEVICE(PDEVICE_OBJECT DeviceObject);
typedef CLASS_INIT_DEVICE *PCLASS_INIT_DEVICE;
typedef NTSTATUS CLASS_START_DEVICE(PDEVICE_OBJECT DeviceObject);
typedef CLASS_START_DEVICE *PCLASS_START_DEVICE;
typedef NTSTATUS CLASS_POWER_DEVICE(PDEVICE_OBJECT DeviceObject, PIRP Irp);
typedef CLASS_POWER_DEVICE *PCLASS_POWER_DEVICE;
typedef NTSTATUS CLASS_STOP_DEVICE(PDEVICE_OBJECT DeviceObject, UCHAR Type);
typedef CLASS_STOP_DEVICE *PCLASS_STOP_DEVICE;
typedef NTSTATUS CLASS_REMOVE_DEVICE(PDEVICE_OBJECT DeviceObject, UCHAR Type);
typedef CLASS_REMOVE_DEVICE *PCLASS_REMOVE_DEVICE;
typedef NTSTATUS CLASS_QUERY_PNP_CAPABILITIES(PDEVICE_OBJECT PhysicalDeviceObject, PDEVICE_CAPABILITIES Capabilities);
typedef CLASS_QUERY_PNP_CAPABILITIES *PCLASS_QUERY_PNP_CAPABILITIES;
typedef NTSTATUS CLASS_ENUM_DEVICE(PDEVICE_OBJECT DeviceObject);
typedef CLASS_ENUM_DEVICE *PCLASS_ENUM_DEVICE;
typedef NTSTATUS CLASS_QUERY_ID(PDEVICE_OBJECT DeviceObject, BUS_QUERY_ID_TYPE IdType, PUNICODE_STRING IdString);
typedef CLASS_QUERY_ID *PCLASS_QUERY_ID;
typedef VOID CLASS_UNLOAD(PDRIVER_OBJECT DriverObject);
typedef CLASS_UNLOAD *PCLASS_UNLOAD;
typedef VOID CLASS_TICK(PDEVICE_OBJECT DeviceObject);
typedef CLASS_TICK *PCLASS_TICK;
typedef NTSTATUS CLASS_QUERY_WMI_REGINFO(PDEVICE_OBJECT DeviceObject, ULONG *RegFlags, PUNICODE_STRING Name);
typedef CLASS_QUERY_WMI_REGINFO *PCLASS_QUERY_WMI_REGINFO;
typedef NTSTATUS CLASS_QUERY_WMI_REGINFO_EX(PDEVICE_OBJECT DeviceObject, ULONG *RegFlags, PUNICODE_STRING Name,
                                            PUNICODE_STRING MofResourceName);
typedef CLASS_QUERY_WMI_REGINFO_EX *PCLASS_QUERY_WMI_REGINFO_EX;
typedef NTSTATUS CLASS_QUERY_WMI_DATABLOCK(PDEVICE_OBJECT DeviceObject, PIRP Irp, ULONG GuidIndex, ULONG BufferAvail,
                                           PUCHAR Buffer);
typedef CLASS_QUERY_WMI_DATABLOCK *PCLASS_QUERY_WMI_DATABLOCK;
typedef NTSTATUS CLASS_SET_WMI_DATABLOCK(PDEVICE_OBJECT DeviceObject, PIRP Irp, ULONG GuidIndex, ULONG BufferSize,
                                         PUCHAR Buffer);
typedef CLASS_SET_WMI_DATABLOCK *PCLASS_SET_WMI_DATABLOCK;
typedef NTSTATUS CLASS_SET_WMI_DATAITEM(PDEVICE_OBJECT DeviceObject, PIRP Irp, ULONG GuidIndex, ULONG DataItemId,
                                        ULONG BufferSize, PUCHAR Buffer);
typedef CLASS_SET_WMI_DATAITEM *PCLASS_SET_WMI_DATAITEM;
typedef NTSTATUS CLASS_EXECUTE_WMI_METHOD(PDEVICE_OBJECT DeviceObject, PIRP Irp, ULONG GuidIndex, ULONG MethodId,
                                          ULONG InBufferSize, ULONG OutBufferSize, PUCHAR Buffer);
typedef CLASS_EXECUTE_WMI_METHOD *PCLASS_EXECUTE_WMI_METHOD;
typedef NTSTATUS CLASS_WMI_FUNCTION_CONTROL(PDEVICE_OBJECT DeviceObject, PIRP Irp, ULONG GuidIndex,
                                            CLASSENABLEDISABLEFUNCTION Function, BOOLEAN Enable);
typedef CLASS_WMI_FUNCTION_CONTROL *PCLASS_WMI_FUNCTION_CONTROL;
typedef VOID CLASS_SCAN_FOR_SPECIAL_HANDLER(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension, ULONG_PTR Data);
typedef CLASS_SCAN_FOR_SPECIAL_HANDLER *PCLASS_SCAN_FOR_SPECIAL_HANDLER;

typedef struct _SRB_HISTORY_ITEM {
    LARGE_INTEGER TickCountSent;
    LARGE_INTEGER TickCountCompleted;
    ULONG MillisecondsDelayOnRetry;
    SENSE_DATA NormalizedSenseData;
    UCHAR SrbStatus;
    UCHAR ClassDriverUse;
} SRB_HISTORY_ITEM, *PSRB_HISTORY_ITEM;
typedef struct _SRB_HISTORY {
    ULONG_PTR ClassDriverUse[4];
    ULONG TotalHistoryCount;
    ULONG UsedHistoryCount;
    SRB_HISTORY_ITEM History[1];
} SRB_HISTORY, *PSRB_HISTORY;
typedef BOOLEAN CLASS_INTERPRET_SENSE_INFO(PDEVICE_OBJECT Fdo, PIRP OriginalRequest, PSCSI_REQUEST_BLOCK Srb,
                                           UCHAR MajorFunctionCode, ULONG IoDeviceCode, ULONG PreviousRetryCount,
                                           SRB_HISTORY *RequestHistory, NTSTATUS *Status, LONGLONG *RetryIn100nsUnits);
typedef CLASS_INTERPRET_SENSE_INFO *PCLASS_INTERPRET_SENSE_INFO;
typedef VOID CLASS_COMPRESS_RETRY_HISTORY_DATA(PDEVICE_OBJECT DeviceObject, PSRB_HISTORY RequestHistory);
typedef CLASS_COMPRESS_RETRY_HISTORY_DATA *PCLASS_COMPRESS_RETRY_HISTORY_DATA;
typedef struct _CLASS_INTERPRET_SENSE_INFO2 {
    ULONG Size;
    ULONG HistoryCount;
    PCLASS_COMPRESS_RETRY_HISTORY_DATA Compress;
    PCLASS_INTERPRET_SENSE_INFO Interpret;
} CLASS_INTERPRET_SENSE_INFO2, *PCLASS_INTERPRET_SENSE_INFO2;
#define CLASS_INTERPRET_SENSE_INFO2_MAXIMUM_HISTORY_COUNT 30000

typedef struct _CLASS_WMI_INFO {
    ULONG GuidCount;
    PGUIDREGINFO GuidRegInfo;
    PCLASS_QUERY_WMI_REGINFO ClassQueryWmiRegInfo;
    PCLASS_QUERY_WMI_DATABLOCK ClassQueryWmiDataBlock;
    PCLASS_SET_WMI_DATABLOCK ClassSetWmiDataBlock;
    PCLASS_SET_WMI_DATAITEM ClassSetWmiDataItem;
    PCLASS_EXECUTE_WMI_METHOD ClassExecuteWmiMethod;
    PCLASS_WMI_FUNCTION_CONTROL ClassWmiFunctionControl;
} CLASS_WMI_INFO, *PCLASS_WMI_INFO;

typedef struct _CLASS_DEV_INFO {
    ULONG DeviceExtensionSize;
    DEVICE_TYPE DeviceType;
    UCHAR StackSize;
    ULONG DeviceCharacteristics;
    PCLASS_ERROR ClassError;
    PCLASS_READ_WRITE ClassReadWriteVerification;
    PCLASS_DEVICE_CONTROL ClassDeviceControl;
    PCLASS_SHUTDOWN_FLUSH ClassShutdownFlush;
    PCLASS_CREATE_CLOSE ClassCreateClose;
    PCLASS_INIT_DEVICE ClassInitDevice;
    PCLASS_START_DEVICE ClassStartDevice;
    PCLASS_POWER_DEVICE ClassPowerDevice;
    PCLASS_STOP_DEVICE ClassStopDevice;
    PCLASS_REMOVE_DEVICE ClassRemoveDevice;
    PCLASS_QUERY_PNP_CAPABILITIES ClassQueryPnpCapabilities;
    CLASS_WMI_INFO ClassWmiInfo;
} CLASS_DEV_INFO, *PCLASS_DEV_INFO;

typedef struct _CLASS_INIT_DATA {
    ULONG InitializationDataSize;
    CLASS_DEV_INFO FdoData;
    CLASS_DEV_INFO PdoData;
    PCLASS_ADD_DEVICE ClassAddDevice;
    PCLASS_ENUM_DEVICE ClassEnumerateDevice;
    PCLASS_QUERY_ID ClassQueryId;
    PDRIVER_STARTIO ClassStartIo;
    PCLASS_UNLOAD ClassUnload;
    PCLASS_TICK ClassTick;
} CLASS_INIT_DATA, *PCLASS_INIT_DATA;

typedef struct _CLASS_QUERY_WMI_REGINFO_EX_LIST {
    ULONG Size;
    PCLASS_QUERY_WMI_REGINFO_EX ClassFdoQueryWmiRegInfoEx;
    PCLASS_QUERY_WMI_REGINFO_EX ClassPdoQueryWmiRegInfoEx;
} CLASS_QUERY_WMI_REGINFO_EX_LIST, *PCLASS_QUERY_WMI_REGINFO_EX_LIST;

typedef struct _CLASS_WORKING_SET {
    ULONG Size;
    ULONG XferPacketsWorkingSetMaximum;
    ULONG XferPacketsWorkingSetMinimum;
} CLASS_WORKING_SET, *PCLASS_WORKING_SET;

struct _CLASS_DRIVER_EXTENSION {
    UNICODE_STRING RegistryPath;
    CLASS_INIT_DATA InitData;
    ULONG DeviceCount;
    PCLASS_QUERY_WMI_REGINFO_EX ClassFdoQueryWmiRegInfoEx;
    PCLASS_QUERY_WMI_REGINFO_EX ClassPdoQueryWmiRegInfoEx;
    ULONGLONG EtwHandle; /* a REGHANDLE */
    PDRIVER_DISPATCH DeviceMajorFunctionTable[IRP_MJ_MAXIMUM_FUNCTION + 1];
    PDRIVER_DISPATCH MpDeviceMajorFunctionTable[IRP_MJ_MAXIMUM_FUNCTION + 1];
    PCLASS_INTERPRET_SENSE_INFO2 InterpretSenseInfo;
    PCLASS_WORKING_SET WorkingSet;
    ULONG SrbSupport;
};

typedef struct _FILE_OBJECT_EXTENSION {
    PFILE_OBJECT FileObject;
    PDEVICE_OBJECT DeviceObject;
    ULONG LockCount;
    ULONG McnDisableCount;
} FILE_OBJECT_EXTENSION, *PFILE_OBJECT_EXTENSION;

typedef struct _CLASSPNP_SCAN_FOR_SPECIAL_INFO {
    PCHAR VendorId;
    PCHAR ProductId;
    PCHAR ProductRevision;
    ULONG_PTR Data;
} CLASSPNP_SCAN_FOR_SPECIAL_INFO, *PCLASSPNP_SCAN_FOR_SPECIAL_INFO;

typedef struct _COMMON_DEVICE_EXTENSION {
    ULONG Version;
    PDEVICE_OBJECT DeviceObject;
    PDEVICE_OBJECT LowerDeviceObject;
    struct _FUNCTIONAL_DEVICE_EXTENSION *PartitionZeroExtension;
    PCLASS_DRIVER_EXTENSION DriverExtension;
    LONG RemoveLock;
    KEVENT RemoveEvent;
    KSPIN_LOCK RemoveTrackingSpinlock;
    PVOID RemoveTrackingList;
    LONG RemoveTrackingUntrackedCount;
    PVOID DriverData;
    struct {
        BOOLEAN IsFdo : 1;
        BOOLEAN IsInitialized : 1;
        BOOLEAN IsSrbLookasideListInitialized : 1;
    };
    UCHAR PreviousState;
    UCHAR CurrentState;
    ULONG IsRemoved;
    UNICODE_STRING DeviceName;
    struct _PHYSICAL_DEVICE_EXTENSION *ChildList;
    ULONG PartitionNumber;
    LARGE_INTEGER PartitionLength;
    LARGE_INTEGER StartingOffset;
    PCLASS_DEV_INFO DevInfo;
    ULONG PagingPathCount;
    ULONG DumpPathCount;
    ULONG HibernationPathCount;
    KEVENT PathCountEvent;
    NPAGED_LOOKASIDE_LIST SrbLookasideList;
    UNICODE_STRING MountedDeviceInterfaceName;
    ULONG GuidCount;
    PGUIDREGINFO GuidRegInfo;
    DICTIONARY FileObjectDictionary;
    PCLASS_PRIVATE_COMMON_DATA PrivateCommonData;
    PDRIVER_DISPATCH *DispatchTable;
    ULONG_PTR Reserved2;
    ULONG_PTR Reserved3;
    ULONG_PTR Reserved4;
} COMMON_DEVICE_EXTENSION, *PCOMMON_DEVICE_EXTENSION;

struct _PHYSICAL_DEVICE_EXTENSION {
    union {
        struct {
            ULONG Version;
            PDEVICE_OBJECT DeviceObject;
        };
        COMMON_DEVICE_EXTENSION CommonExtension;
    };
    BOOLEAN IsMissing;
    BOOLEAN IsEnumerated;
    PCLASS_PRIVATE_PDO_DATA PrivatePdoData;
    ULONG_PTR Reserved2;
    ULONG_PTR Reserved3;
    ULONG_PTR Reserved4;
};

typedef struct _CLASS_POWER_OPTIONS {
    ULONG PowerDown : 1;
    ULONG LockQueue : 1;
    ULONG HandleSpinDown : 1;
    ULONG HandleSpinUp : 1;
    ULONG Reserved : 27;
} CLASS_POWER_OPTIONS, *PCLASS_POWER_OPTIONS;

typedef struct _CLASS_POWER_CONTEXT {
    union {
        CLASS_POWER_DOWN_STATE PowerDown;
        CLASS_POWER_DOWN_STATE2 PowerDown2;
        CLASS_POWER_DOWN_STATE3 PowerDown3;
        CLASS_POWER_UP_STATE PowerUp;
    } PowerChangeState;
    CLASS_POWER_OPTIONS Options;
    BOOLEAN InUse;
    BOOLEAN QueueLocked;
    NTSTATUS FinalStatus;
    ULONG RetryCount;
    ULONG RetryInterval;
    PIO_COMPLETION_ROUTINE CompletionRoutine;
    PDEVICE_OBJECT DeviceObject;
    PIRP Irp;
    union {
        SCSI_REQUEST_BLOCK Srb;
        struct {
            STORAGE_REQUEST_BLOCK SrbEx;
            UCHAR SrbExBuffer[CLASS_SRBEX_SCSI_CDB16_BUFFER_SIZE];
        };
    };
} CLASS_POWER_CONTEXT, *PCLASS_POWER_CONTEXT;

/* what the library learned about the device (no reference page: the fields drivers use) */
typedef struct _CLASS_VPD_B0_DATA {
    NTSTATUS CommandStatus;
    ULONG MaxUnmapLbaCount;
    ULONG MaxUnmapBlockDescrCount;
    ULONG OptimalUnmapGranularity;
    ULONG UnmapGranularityAlignment;
    BOOLEAN UGAVALID;
    UCHAR Reserved0;
    USHORT OptimalTransferLengthGranularity;
    ULONG MaximumTransferLength;
    ULONG OptimalTransferLength;
} CLASS_VPD_B0_DATA, *PCLASS_VPD_B0_DATA;

typedef struct _CLASS_VPD_B1_DATA {
    NTSTATUS CommandStatus;
    USHORT MediumRotationRate;
    UCHAR NominalFormFactor;
    UCHAR Zoned;
    ULONG MediumProductType;
    ULONG DepopulationTime;
} CLASS_VPD_B1_DATA, *PCLASS_VPD_B1_DATA;

typedef struct _CLASS_VPD_B2_DATA {
    NTSTATUS CommandStatus;
    UCHAR ThresholdExponent;
    UCHAR DP : 1;
    UCHAR ANC_SUP : 1;
    UCHAR Reserved0 : 2;
    UCHAR LBPRZ : 1;
    UCHAR LBPWS10 : 1;
    UCHAR LBPWS : 1;
    UCHAR LBPU : 1;
    UCHAR ProvisioningType : 3;
    UCHAR Reserved1 : 5;
    ULONG SoftThresholdEventPending;
} CLASS_VPD_B2_DATA, *PCLASS_VPD_B2_DATA;

typedef struct _CLASS_READ_CAPACITY16_DATA {
    NTSTATUS CommandStatus;
    ULONG BytesPerLogicalSector;
    ULONG BytesPerPhysicalSector;
    ULONG BytesOffsetForSectorAlignment;
    BOOLEAN LBProvisioningEnabled;
    BOOLEAN LBProvisioningReadZeros;
    UCHAR Reserved0[2];
    ULONG Reserved1;
} CLASS_READ_CAPACITY16_DATA, *PCLASS_READ_CAPACITY16_DATA;

typedef struct _CLASS_VPD_ECOP_BLOCK_DEVICE_ROD_LIMITS {
    NTSTATUS CommandStatus;
    USHORT MaximumRangeDescriptors;
    UCHAR Restricted;
    UCHAR Reserved;
    ULONG MaximumInactivityTimer;
    ULONG DefaultInactivityTimer;
    ULONGLONG MaximumTokenTransferSize;
    ULONGLONG OptimalTransferCount;
} CLASS_VPD_ECOP_BLOCK_DEVICE_ROD_LIMITS, *PCLASS_VPD_ECOP_BLOCK_DEVICE_ROD_LIMITS;

typedef struct _CLASS_FUNCTION_SUPPORT_INFO {
    ULONG GenerationCount;
    LONG ChangeRequestCount;
    KSPIN_LOCK SyncLock;
    struct {
        ULONG BlockLimits : 1;
        ULONG BlockDeviceCharacteristics : 1;
        ULONG LBProvisioning : 1;
        ULONG BlockDeviceRODLimits : 1;
        ULONG ZonedBlockDeviceCharacteristics : 1;
        ULONG Reserved : 22;
        ULONG DeviceType : 5;
    } ValidInquiryPages;
    struct {
        CLASS_FUNCTION_SUPPORT SeekPenaltyProperty;
        CLASS_FUNCTION_SUPPORT AccessAlignmentProperty;
        CLASS_FUNCTION_SUPPORT TrimProperty;
        CLASS_FUNCTION_SUPPORT TrimProcess;
    } LowerLayerSupport;
    BOOLEAN RegAccessAlignmentQueryNotSupported;
    BOOLEAN AsynchronousNotificationSupported;
    BOOLEAN UseModeSense10;
    UCHAR Reserved;
    CLASS_VPD_B0_DATA BlockLimitsData;
    CLASS_VPD_B1_DATA DeviceCharacteristicsData;
    CLASS_VPD_B2_DATA LBProvisioningData;
    CLASS_READ_CAPACITY16_DATA ReadCapacity16Data;
    CLASS_VPD_ECOP_BLOCK_DEVICE_ROD_LIMITS BlockDeviceRODLimitsData;
    struct {
        ULONG D3ColdSupported : 1;
        ULONG DeviceWakeable : 1;
        ULONG IdlePowerEnabled : 1;
        ULONG D3IdleTimeoutOverridden : 1;
        ULONG NoVerifyDuringIdlePower : 1;
        ULONG Reserved2 : 27;
        ULONG D3IdleTimeout;
    } IdlePower;
    CLASS_FUNCTION_SUPPORT HwFirmwareGetInfoSupport;
    PSTORAGE_HW_FIRMWARE_INFO HwFirmwareInfo;
} CLASS_FUNCTION_SUPPORT_INFO, *PCLASS_FUNCTION_SUPPORT_INFO;

struct _FUNCTIONAL_DEVICE_EXTENSION {
    union {
        struct {
            ULONG Version;
            PDEVICE_OBJECT DeviceObject;
        };
        COMMON_DEVICE_EXTENSION CommonExtension;
    };
    PDEVICE_OBJECT LowerPdo;
    PSTORAGE_DEVICE_DESCRIPTOR DeviceDescriptor;
    PSTORAGE_ADAPTER_DESCRIPTOR AdapterDescriptor;
    DEVICE_POWER_STATE DevicePowerState;
    ULONG DMByteSkew;
    ULONG DMSkew;
    BOOLEAN DMActive;
    UCHAR SenseDataLength;
    UCHAR Reserved0[2];
    DISK_GEOMETRY DiskGeometry;
    PSENSE_DATA SenseData;
    ULONG TimeOutValue;
    ULONG DeviceNumber;
    ULONG SrbFlags;
    ULONG ErrorCount;
    LONG LockCount;
    LONG ProtectedLockCount;
    LONG InternalLockCount;
    KEVENT EjectSynchronizationEvent;
    USHORT DeviceFlags;
    UCHAR SectorShift;
    UCHAR CdbForceUnitAccess;
    PMEDIA_CHANGE_DETECTION_INFO MediaChangeDetectionInfo;
    PKEVENT Unused1;
    HANDLE Unused2;
    FILE_OBJECT_EXTENSION KernelModeMcnContext;
    ULONG MediaChangeCount;
    HANDLE DeviceDirectory;
    KSPIN_LOCK ReleaseQueueSpinLock;
    PIRP ReleaseQueueIrp;
    SCSI_REQUEST_BLOCK ReleaseQueueSrb;
    BOOLEAN ReleaseQueueNeeded;
    BOOLEAN ReleaseQueueInProgress;
    BOOLEAN ReleaseQueueIrpFromPool;
    BOOLEAN FailurePredicted;
    ULONG FailureReason;
    PFAILURE_PREDICTION_INFO FailurePredictionInfo;
    BOOLEAN PowerDownInProgress;
    ULONG EnumerationInterlock;
    KEVENT ChildLock;
    PKTHREAD ChildLockOwner;
    ULONG ChildLockAcquisitionCount;
    ULONG ScanForSpecialFlags;
    KDPC PowerRetryDpc;
    KTIMER PowerRetryTimer;
    CLASS_POWER_CONTEXT PowerContext;
    PCLASS_PRIVATE_FDO_DATA PrivateFdoData;
    PCLASS_FUNCTION_SUPPORT_INFO FunctionSupportInfo;
    PSTORAGE_MINIPORT_DESCRIPTOR MiniportDescriptor;
    PVOID AdditionalFdoData;
    ULONG_PTR Reserved2;
    ULONG_PTR Reserved3;
    ULONG_PTR Reserved4;
};

#define IS_CLEANUP_REQUEST(majorFunction) \
    ((majorFunction == IRP_MJ_CLOSE) || (majorFunction == IRP_MJ_CLEANUP) || (majorFunction == IRP_MJ_SHUTDOWN))
#define TEST_FLAG(Flags, Bit) ((Flags) & (Bit))
#define SET_FLAG(Flags, Bit) ((Flags) |= (Bit))
#define CLEAR_FLAG(Flags, Bit) ((Flags) &= ~(Bit))
#define ClassAcquireRemoveLock(devobj, tag) ClassAcquireRemoveLockEx(devobj, tag, __FILE__, __LINE__)

/* the GUIDs of ClassInitializeEx (declared, as DEFINE_GUID declares them without INITGUID) */
extern const GUID GUID_CLASSPNP_QUERY_REGINFOEX, GUID_CLASSPNP_SENSEINFO2, GUID_CLASSPNP_WORKING_SET,
    GUID_CLASSPNP_SRB_SUPPORT;

/* the library */
ULONG ClassInitialize(PVOID Argument1, PVOID Argument2, PCLASS_INIT_DATA InitializationData);
ULONG ClassInitializeEx(PDRIVER_OBJECT DriverObject, LPGUID Guid, PVOID Data);
NTSTATUS ClassCreateDeviceObject(PDRIVER_OBJECT DriverObject, PCCHAR ObjectNameBuffer, PDEVICE_OBJECT LowerDeviceObject,
                                 BOOLEAN IsFdo, PDEVICE_OBJECT *DeviceObject);
PCLASS_DRIVER_EXTENSION ClassGetDriverExtension(PDRIVER_OBJECT DriverObject);
PVOID ClassFindModePage(PCHAR ModeSenseBuffer, ULONG Length, UCHAR PageMode, BOOLEAN Use6Byte);
PVPB ClassGetVpb(PDEVICE_OBJECT DeviceObject);
PFILE_OBJECT_EXTENSION ClassGetFsContext(PCOMMON_DEVICE_EXTENSION CommonExtension, PFILE_OBJECT FileObject);
VOID ClassCompleteRequest(PDEVICE_OBJECT DeviceObject, PIRP Irp, CCHAR PriorityBoost);
ULONG ClassAcquireRemoveLockEx(PDEVICE_OBJECT DeviceObject, PVOID Tag, PCSTR File, ULONG Line);
VOID ClassReleaseRemoveLock(PDEVICE_OBJECT DeviceObject, PIRP Tag);
VOID ClassDebugPrint(CLASS_DEBUG_LEVEL DebugPrintLevel, PCCHAR DebugMessage, ...);
NTSTATUS ClassReadDriveCapacity(PDEVICE_OBJECT Fdo);
VOID ClassReleaseQueue(PDEVICE_OBJECT Fdo);
VOID ClassSplitRequest(PDEVICE_OBJECT Fdo, PIRP Irp, ULONG MaximumBytes);
NTSTATUS ClassDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp);
NTSTATUS ClassIoComplete(PDEVICE_OBJECT Fdo, PIRP Irp, PVOID Context);
NTSTATUS ClassIoCompleteAssociated(PDEVICE_OBJECT Fdo, PIRP Irp, PVOID Context);
BOOLEAN ClassInterpretSenseInfo(PDEVICE_OBJECT Fdo, PSCSI_REQUEST_BLOCK Srb, UCHAR MajorFunctionCode,
                                ULONG IoDeviceCode, ULONG RetryCount, NTSTATUS *Status, ULONG *RetryInterval);
VOID ClassSendDeviceIoControlSynchronous(ULONG IoControlCode, PDEVICE_OBJECT TargetDeviceObject, PVOID Buffer,
                                         ULONG InputBufferLength, ULONG OutputBufferLength,
                                         BOOLEAN InternalDeviceIoControl, PIO_STATUS_BLOCK IoStatus);
NTSTATUS ClassSendIrpSynchronous(PDEVICE_OBJECT TargetDeviceObject, PIRP Irp);
NTSTATUS ClassForwardIrpSynchronous(PCOMMON_DEVICE_EXTENSION CommonExtension, PIRP Irp);
NTSTATUS ClassSendSrbSynchronous(PDEVICE_OBJECT Fdo, PSCSI_REQUEST_BLOCK Srb, PVOID BufferAddress, ULONG BufferLength,
                                 BOOLEAN WriteToDevice);
NTSTATUS ClassSendSrbAsynchronous(PDEVICE_OBJECT Fdo, PSCSI_REQUEST_BLOCK Srb, PIRP Irp, PVOID BufferAddress,
                                  ULONG BufferLength, BOOLEAN WriteToDevice);
NTSTATUS ClassBuildRequest(PDEVICE_OBJECT Fdo, PIRP Irp);
ULONG ClassModeSense(PDEVICE_OBJECT Fdo, PCHAR ModeSenseBuffer, ULONG Length, UCHAR PageMode);
ULONG ClassModeSenseEx(PDEVICE_OBJECT Fdo, PCHAR ModeSenseBuffer, ULONG Length, UCHAR PageMode, UCHAR PageControl);
NTSTATUS ClassModeSelect(PDEVICE_OBJECT Fdo, PCHAR ModeSelectBuffer, ULONG Length, BOOLEAN SavePages);
NTSTATUS ClassClaimDevice(PDEVICE_OBJECT LowerDeviceObject, BOOLEAN Release);
NTSTATUS ClassInternalIoControl(PDEVICE_OBJECT DeviceObject, PIRP Irp);
VOID ClassInitializeSrbLookasideList(PCOMMON_DEVICE_EXTENSION CommonExtension, ULONG NumberElements);
VOID ClassDeleteSrbLookasideList(PCOMMON_DEVICE_EXTENSION CommonExtension);
ULONG ClassQueryTimeOutRegistryValue(PDEVICE_OBJECT DeviceObject);
NTSTATUS ClassGetDescriptor(PDEVICE_OBJECT DeviceObject, PSTORAGE_PROPERTY_ID PropertyId, PVOID *Descriptor);
VOID ClassInvalidateBusRelations(PDEVICE_OBJECT Fdo);
VOID ClassMarkChildrenMissing(PFUNCTIONAL_DEVICE_EXTENSION Fdo);
BOOLEAN ClassMarkChildMissing(PPHYSICAL_DEVICE_EXTENSION PdoExtension, BOOLEAN AcquireChildLock);
VOID ClassUpdateInformationInRegistry(PDEVICE_OBJECT Fdo, PCHAR DeviceName, ULONG DeviceNumber,
                                      PINQUIRYDATA InquiryData, ULONG InquiryDataLength);
NTSTATUS ClassWmiCompleteRequest(PDEVICE_OBJECT DeviceObject, PIRP Irp, NTSTATUS Status, ULONG BufferUsed,
                                 CCHAR PriorityBoost);
NTSTATUS ClassWmiFireEvent(PDEVICE_OBJECT DeviceObject, LPGUID Guid, ULONG InstanceIndex, ULONG EventDataSize,
                           PVOID EventData);
VOID ClassResetMediaChangeTimer(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension);
VOID ClassInitializeMediaChangeDetection(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension, PUCHAR EventPrefix);
NTSTATUS ClassInitializeTestUnitPolling(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension, BOOLEAN AllowDriveToSleep);
NTSTATUS ClassSpinDownPowerHandler(PDEVICE_OBJECT DeviceObject, PIRP Irp);
NTSTATUS ClassStopUnitPowerHandler(PDEVICE_OBJECT DeviceObject, PIRP Irp);
NTSTATUS ClassSetFailurePredictionPoll(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension,
                                       FAILURE_PREDICTION_METHOD FailurePredictionMethod, ULONG PollingPeriod);
VOID ClassNotifyFailurePredicted(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension, PUCHAR Buffer, ULONG BufferSize,
                                 BOOLEAN LogError, ULONG UniqueErrorValue, UCHAR PathId, UCHAR TargetId, UCHAR Lun);
VOID ClassAcquireChildLock(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension);
VOID ClassReleaseChildLock(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension);
VOID ClassSendStartUnit(PDEVICE_OBJECT DeviceObject);
NTSTATUS ClassRemoveDevice(PDEVICE_OBJECT DeviceObject, UCHAR RemoveType);
NTSTATUS ClassAsynchronousCompletion(PDEVICE_OBJECT DeviceObject, PIRP Irp, PVOID Event);
VOID ClassCheckMediaState(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension);
NTSTATUS ClassCheckVerifyComplete(PDEVICE_OBJECT Fdo, PIRP Irp, PVOID Context);
VOID ClassSetMediaChangeState(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension, MEDIA_CHANGE_DETECTION_STATE State,
                              BOOLEAN Wait);
VOID ClassEnableMediaChangeDetection(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension);
VOID ClassDisableMediaChangeDetection(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension);
VOID ClassCleanupMediaChangeDetection(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension);
VOID ClassGetDeviceParameter(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension, PWSTR SubkeyName, PWSTR ParameterName,
                             PULONG ParameterValue);
NTSTATUS ClassSetDeviceParameter(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension, PWSTR SubkeyName, PWSTR ParameterName,
                                 ULONG ParameterValue);
VOID ClassSendNotification(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension, const GUID *Guid, ULONG ExtraDataSize,
                           PVOID ExtraData);
VOID ClassScanForSpecial(PFUNCTIONAL_DEVICE_EXTENSION FdoExtension, CLASSPNP_SCAN_FOR_SPECIAL_INFO DeviceList[],
                         PCLASS_SCAN_FOR_SPECIAL_HANDLER Function);

#ifdef __cplusplus
}
#endif
