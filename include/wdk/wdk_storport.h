/* wdk_storport.h - drvtaint WDK shim: Storport miniports (storport.h, miniport.h): the miniport
 * roles and HW_INITIALIZATION_DATA, PORT_CONFIGURATION_INFORMATION, scatter/gather lists, locks,
 * DPCs and timers, adapter/unit control, runtime power (PoFx) records, and the StorPort* library.
 * Written from the storport.h and miniport.h reference pages on learn.microsoft.com. StorPort*
 * routines are plain prototypes (several are macros over StorPortExtendedFunction in the WDK), so
 * their calls stay visible; the register and port accessors are functions too. */
#pragma once
#include "ntddk.h"
#ifndef ALIGN_UP
#define ALIGN_UP(length, type) ALIGN_UP_BY(length, sizeof(type))
#endif
#include "wdk_scsi.h"
#include "ntddstor.h"

#ifdef __cplusplus
extern "C" {
#endif

/* miniport.h */
#ifndef DRVTAINT_DMA_WIDTH_SPEED
#define DRVTAINT_DMA_WIDTH_SPEED
typedef enum _DMA_WIDTH { Width8Bits, Width16Bits, Width32Bits, Width64Bits, WidthNoWrap, MaximumDmaWidth } DMA_WIDTH, *PDMA_WIDTH;
typedef enum _DMA_SPEED { Compatible, TypeA, TypeB, TypeC, TypeF, MaximumDmaSpeed } DMA_SPEED, *PDMA_SPEED;
#endif
typedef PHYSICAL_ADDRESS STOR_PHYSICAL_ADDRESS, *PSTOR_PHYSICAL_ADDRESS;
typedef PHYSICAL_ADDRESS SCSI_PHYSICAL_ADDRESS, *PSCSI_PHYSICAL_ADDRESS;

typedef struct _ACCESS_RANGE {
    STOR_PHYSICAL_ADDRESS RangeStart;
    ULONG RangeLength;
    BOOLEAN RangeInMemory;
} ACCESS_RANGE, *PACCESS_RANGE;

typedef struct _MEMORY_REGION {
    PUCHAR VirtualBase;
    PHYSICAL_ADDRESS PhysicalBase;
    ULONG Length;
} MEMORY_REGION, *PMEMORY_REGION;

typedef enum _STOR_SYNCHRONIZATION_MODEL { StorSynchronizeHalfDuplex, StorSynchronizeFullDuplex } STOR_SYNCHRONIZATION_MODEL;
typedef enum _INTERRUPT_SYNCHRONIZATION_MODE {
    InterruptSupportNone, InterruptSynchronizeAll, InterruptSynchronizePerMessage
} INTERRUPT_SYNCHRONIZATION_MODE;

typedef BOOLEAN HW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE(PVOID HwDeviceExtension, ULONG MessageId);
typedef HW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE *PHW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE;

typedef struct _PORT_CONFIGURATION_INFORMATION {
    ULONG Length;
    ULONG SystemIoBusNumber;
    INTERFACE_TYPE AdapterInterfaceType;
    ULONG BusInterruptLevel;
    ULONG BusInterruptVector;
    KINTERRUPT_MODE InterruptMode;
    ULONG MaximumTransferLength;
    ULONG NumberOfPhysicalBreaks;
    ULONG DmaChannel;
    ULONG DmaPort;
    DMA_WIDTH DmaWidth;
    DMA_SPEED DmaSpeed;
    ULONG AlignmentMask;
    ULONG NumberOfAccessRanges;
    ACCESS_RANGE (*AccessRanges)[];
    PVOID MiniportDumpData;
    UCHAR NumberOfBuses;
    CCHAR InitiatorBusId[8];
    BOOLEAN ScatterGather;
    BOOLEAN Master;
    BOOLEAN CachesData;
    BOOLEAN AdapterScansDown;
    BOOLEAN AtdiskPrimaryClaimed;
    BOOLEAN AtdiskSecondaryClaimed;
    BOOLEAN Dma32BitAddresses;
    BOOLEAN DemandMode;
    UCHAR MapBuffers;
    BOOLEAN NeedPhysicalAddresses;
    BOOLEAN TaggedQueuing;
    BOOLEAN AutoRequestSense;
    BOOLEAN MultipleRequestPerLu;
    BOOLEAN ReceiveEvent;
    BOOLEAN RealModeInitialized;
    BOOLEAN BufferAccessScsiPortControlled;
    UCHAR MaximumNumberOfTargets;
    UCHAR SrbType;
    UCHAR ReservedUchars[1];
    ULONG SlotNumber;
    ULONG BusInterruptLevel2;
    ULONG BusInterruptVector2;
    KINTERRUPT_MODE InterruptMode2;
    ULONG DmaChannel2;
    ULONG DmaPort2;
    DMA_WIDTH DmaWidth2;
    DMA_SPEED DmaSpeed2;
    ULONG DeviceExtensionSize;
    ULONG SpecificLuExtensionSize;
    ULONG SrbExtensionSize;
    UCHAR Dma64BitAddresses;
    BOOLEAN ResetTargetSupported;
    UCHAR MaximumNumberOfLogicalUnits;
    BOOLEAN WmiDataProvider;
    STOR_SYNCHRONIZATION_MODEL SynchronizationModel;
    PHW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE HwMSInterruptRoutine;
    INTERRUPT_SYNCHRONIZATION_MODE InterruptSynchronizationMode;
    MEMORY_REGION DumpRegion;
    ULONG RequestedDumpBufferSize;
    BOOLEAN VirtualDevice;
    UCHAR DumpMode;
    UCHAR DmaAddressWidth;
    ULONG ExtendedFlags1;
    ULONG MaxNumberOfIO;
    ULONG MaxIOsPerLun;
    ULONG InitialLunQueueDepth;
    ULONG BusResetHoldTime;
    ULONG FeatureSupport;
} PORT_CONFIGURATION_INFORMATION, *PPORT_CONFIGURATION_INFORMATION;
#define CONFIG_INFO_VERSION_2 sizeof(PORT_CONFIGURATION_INFORMATION)
#define SCSI_DMA64_MINIPORT_SUPPORTED 0x01
#define SCSI_DMA64_MINIPORT_FULL64BIT_SUPPORTED 0x02
#define DUMP_MODE_CRASH 0x01
#define DUMP_MODE_HIBER 0x02
#define DUMP_MODE_MARK_MEMORY 0x03
#define DUMP_MODE_RESUME 0x04
#define STOR_MAP_NO_BUFFERS 0
#define STOR_MAP_ALL_BUFFERS 1
#define STOR_MAP_NON_READ_WRITE_BUFFERS 2
#define STOR_MAP_ALL_BUFFERS_INCLUDING_READ_WRITE 3
#define SP_RETURN_NOT_FOUND 0
#define SP_RETURN_FOUND 1
#define SP_RETURN_ERROR 2
#define SP_RETURN_BAD_CONFIG 3
#define STOR_FEATURE_VIRTUAL_MINIPORT 0x00000001
#define STOR_FEATURE_ATA_PASS_THROUGH 0x00000002
#define STOR_FEATURE_FULL_PNP_DEVICE_CAPABILITIES 0x00000004
#define STOR_FEATURE_DUMP_POINTERS 0x00000008
#define STOR_FEATURE_DEVICE_NAME_NO_SUFFIX 0x00000010
#define STOR_FEATURE_DUMP_RESUME_CAPABLE 0x00000020
#define STOR_FEATURE_DEVICE_DESCRIPTOR_FROM_ATA_INFO_VPD 0x00000040
#define STOR_FEATURE_ADAPTER_CONTROL_PRE_FINDADAPTER 0x00000100
#define STOR_FEATURE_ADAPTER_NOT_REQUIRE_IO_PORT 0x00000200
#define STOR_FEATURE_DUMP_16_BYTE_ALIGNMENT 0x00000400
#define STOR_FEATURE_SET_ADAPTER_INTERFACE_TYPE 0x00000800
#define STOR_FEATURE_DUMP_INFO 0x00001000
#define STOR_FEATURE_RICH_DESCRIPTION 0x00002000
#define STOR_FEATURE_SUPPORTS_NVME_ADAPTER 0x00004000
#define STOR_FEATURE_DUMP_RESUME_CAPABLE_V2 0x00008000
#define STOR_FEATURE_EXTRA_IO_INFORMATION 0x00080000
#define STOR_ADAPTER_DMA_V3_PREFERRED 0x00000002
#define SRB_TYPE_FLAG_SCSI_REQUEST_BLOCK 0x1
#define SRB_TYPE_FLAG_STORAGE_REQUEST_BLOCK 0x2
#define ADDRESS_TYPE_FLAG_BTL8 (1 << STOR_ADDRESS_TYPE_BTL8)

/* control requests */
typedef enum _SCSI_ADAPTER_CONTROL_TYPE {
    ScsiQuerySupportedControlTypes = 0,
    ScsiStopAdapter,
    ScsiRestartAdapter,
    ScsiSetBootConfig,
    ScsiSetRunningConfig,
    ScsiPowerSettingNotification,
    ScsiAdapterPower,
    ScsiAdapterPoFxPowerRequired,
    ScsiAdapterPoFxPowerActive,
    ScsiAdapterPoFxPowerSetFState,
    ScsiAdapterPoFxPowerControl,
    ScsiAdapterPrepareForBusReScan,
    ScsiAdapterSystemPowerHints,
    ScsiAdapterFilterResourceRequirements,
    ScsiAdapterPoFxMaxOperationalPower,
    ScsiAdapterPoFxSetPerfState,
    ScsiAdapterSurpriseRemoval,
    ScsiAdapterSerialNumber,
    ScsiAdapterCryptoOperation,
    ScsiAdapterQueryFruId,
    ScsiAdapterSetEventLogging,
    ScsiAdapterControlMax,
    MakeAdapterControlTypeSizeOfUlong = 0xffffffff
} SCSI_ADAPTER_CONTROL_TYPE, *PSCSI_ADAPTER_CONTROL_TYPE;
typedef enum _SCSI_ADAPTER_CONTROL_STATUS { ScsiAdapterControlSuccess = 0, ScsiAdapterControlUnsuccessful } SCSI_ADAPTER_CONTROL_STATUS, *PSCSI_ADAPTER_CONTROL_STATUS;

typedef enum _SCSI_UNIT_CONTROL_TYPE {
    ScsiQuerySupportedUnitControlTypes = 0,
    ScsiUnitUsage,
    ScsiUnitStart,
    ScsiUnitPower,
    ScsiUnitPoFxPowerInfo,
    ScsiUnitPoFxPowerRequired,
    ScsiUnitPoFxPowerActive,
    ScsiUnitPoFxPowerSetFState,
    ScsiUnitPoFxPowerControl,
    ScsiUnitRemove,
    ScsiUnitSurpriseRemoval,
    ScsiUnitRichDescription,
    ScsiUnitQueryBusType,
    ScsiUnitQueryFruId,
    ScsiUnitControlMax,
    MakeUnitControlTypeSizeOfUlong = 0xffffffff
} SCSI_UNIT_CONTROL_TYPE, *PSCSI_UNIT_CONTROL_TYPE;
typedef enum _SCSI_UNIT_CONTROL_STATUS { ScsiUnitControlSuccess = 0, ScsiUnitControlUnsuccessful } SCSI_UNIT_CONTROL_STATUS, *PSCSI_UNIT_CONTROL_STATUS;

typedef struct _SCSI_SUPPORTED_CONTROL_TYPE_LIST {
    ULONG MaxControlType;
    BOOLEAN SupportedTypeList[0];
} SCSI_SUPPORTED_CONTROL_TYPE_LIST, *PSCSI_SUPPORTED_CONTROL_TYPE_LIST;

typedef struct _STOR_ADAPTER_CONTROL_POWER {
    STOR_POWER_ACTION PowerAction;
    STOR_DEVICE_POWER_STATE PowerState;
} STOR_ADAPTER_CONTROL_POWER, *PSTOR_ADAPTER_CONTROL_POWER;

typedef struct _STOR_UNIT_CONTROL_POWER {
    PSTOR_ADDRESS Address;
    STOR_POWER_ACTION PowerAction;
    STOR_DEVICE_POWER_STATE PowerState;
} STOR_UNIT_CONTROL_POWER, *PSTOR_UNIT_CONTROL_POWER;

typedef struct _STOR_POWER_SETTING_INFO {
    GUID PowerSettingGuid;
    PVOID Value;
    ULONG ValueLength;
} STOR_POWER_SETTING_INFO, *PSTOR_POWER_SETTING_INFO;

typedef struct _STOR_SYSTEM_POWER_HINTS {
    UCHAR Version;
    UCHAR Size;
    ULONG RequestedSystemPowerState;
    ULONG ResumeLatencyInMs;
} STOR_SYSTEM_POWER_HINTS, *PSTOR_SYSTEM_POWER_HINTS;

/* runtime power management (PoFx) */
typedef struct _STOR_POFX_COMPONENT_IDLE_STATE {
    ULONG Version;
    ULONG Size;
    ULONGLONG TransitionLatency;
    ULONGLONG ResidencyRequirement;
    ULONG NominalPower;
} STOR_POFX_COMPONENT_IDLE_STATE, *PSTOR_POFX_COMPONENT_IDLE_STATE;
#define STOR_POFX_COMPONENT_IDLE_STATE_VERSION_V1 1
#define STOR_POFX_COMPONENT_IDLE_STATE_SIZE ALIGN_UP(sizeof(STOR_POFX_COMPONENT_IDLE_STATE), PVOID)
#define STOR_POFX_UNKNOWN_POWER 0xFFFFFFFF
#define STOR_POFX_UNKNOWN_TIME 0xFFFFFFFFFFFFFFFF

typedef struct _STOR_POFX_COMPONENT {
    ULONG Version;
    ULONG Size;
    ULONG FStateCount;
    ULONG DeepestWakeableFState;
    GUID Id;
    STOR_POFX_COMPONENT_IDLE_STATE FStates[ANYSIZE_ARRAY];
} STOR_POFX_COMPONENT, *PSTOR_POFX_COMPONENT;

typedef struct _STOR_POFX_COMPONENT_V2 {
    ULONG Version;
    ULONG Size;
    ULONG FStateCount;
    ULONG DeepestWakeableFState;
    GUID Id;
    ULONG DeepestAdapterPowerRequiredFState;
    ULONG DeepestCrashDumpReadyFState;
    STOR_POFX_COMPONENT_IDLE_STATE FStates[ANYSIZE_ARRAY];
} STOR_POFX_COMPONENT_V2, *PSTOR_POFX_COMPONENT_V2;
#define STOR_POFX_COMPONENT_VERSION_V1 1
#define STOR_POFX_COMPONENT_VERSION_V2 2
#define STOR_POFX_COMPONENT_SIZE ALIGN_UP(sizeof(STOR_POFX_COMPONENT), PVOID)
#define STOR_POFX_COMPONENT_V2_SIZE ALIGN_UP(sizeof(STOR_POFX_COMPONENT_V2), PVOID)

typedef struct _STOR_POFX_PERF_STATE_SET *PSTOR_POFX_PERF_STATE_SET; /* opaque here */

typedef struct _STOR_POFX_DEVICE {
    ULONG Version;
    ULONG Size;
    ULONG ComponentCount;
    ULONG Flags;
    STOR_POFX_COMPONENT Components[ANYSIZE_ARRAY];
} STOR_POFX_DEVICE, *PSTOR_POFX_DEVICE;

typedef struct _STOR_POFX_DEVICE_V2 {
    ULONG Version;
    ULONG Size;
    ULONG ComponentCount;
    ULONG Flags;
    union {
        struct { ULONG D3ColdSupported : 1; ULONG Reserved : 31; };
        ULONG AsULONG;
    } DeviceAttributes;
    ULONG UnitMinIdleTimeoutInMS;
    ULONG AdapterIdleTimeoutInMS;
    STOR_POFX_COMPONENT_V2 Components[ANYSIZE_ARRAY];
} STOR_POFX_DEVICE_V2, *PSTOR_POFX_DEVICE_V2;

typedef struct _STOR_POFX_DEVICE_V3 {
    ULONG Version;
    ULONG Size;
    ULONG ComponentCount;
    ULONG Flags;
    union {
        struct { ULONG D3ColdSupported : 1; ULONG Reserved : 31; };
        ULONG AsULONG;
    } DeviceAttributes;
    ULONG UnitMinIdleTimeoutInMS;
    ULONG AdapterIdleTimeoutInMS;
    ULONG MinimumPowerCyclePeriodInMS;
    STOR_POFX_COMPONENT_V2 Components[ANYSIZE_ARRAY];
} STOR_POFX_DEVICE_V3, *PSTOR_POFX_DEVICE_V3;
#define STOR_POFX_DEVICE_VERSION_V1 1
#define STOR_POFX_DEVICE_VERSION_V2 2
#define STOR_POFX_DEVICE_VERSION_V3 3
#define STOR_POFX_DEVICE_SIZE ALIGN_UP(sizeof(STOR_POFX_DEVICE), PVOID)
#define STOR_POFX_DEVICE_V2_SIZE ALIGN_UP(sizeof(STOR_POFX_DEVICE_V2), PVOID)
#define STOR_POFX_DEVICE_V3_SIZE ALIGN_UP(sizeof(STOR_POFX_DEVICE_V3), PVOID)
#define STOR_POFX_DEVICE_FLAG_NO_D0 0x01
#define STOR_POFX_DEVICE_FLAG_NO_D3 0x02
#define STOR_POFX_DEVICE_FLAG_ENABLE_D3_COLD 0x04
#define STOR_POFX_DEVICE_FLAG_NO_DUMP_ACTIVE 0x08
#define STOR_POFX_DEVICE_FLAG_IDLE_TIMEOUT 0x10
#define STOR_POFX_DEVICE_FLAG_ADAPTER_D3_WAKE 0x20
#define STOR_POFX_DEVICE_FLAG_NO_UNIT_REGISTRATION 0x40
#define STOR_POFX_DEVICE_FLAG_PERF_STATE_PEP_OPTIONAL 0x80
#define STOR_POFX_DEVICE_FLAG_NO_IDLE_DEBOUNCE 0x100
#define STOR_POFX_DEVICE_FLAG_ADAPTIVE_D3_IDLE_TIMEOUT 0x200
#define STOR_POFX_DEVICE_FLAG_NO_DEVICE_REQUIRED_PROPAGATION 0x400

typedef struct _STOR_POFX_UNIT_POWER_INFO {
    STOR_ADDRESS Header;
    BOOLEAN IdlePowerEnabled;
} STOR_POFX_UNIT_POWER_INFO, *PSTOR_POFX_UNIT_POWER_INFO;
typedef struct _STOR_POFX_ACTIVE_CONTEXT {
    ULONG Version;
    ULONG Size;
    ULONG ComponentIndex;
    BOOLEAN Active;
    STOR_ADDRESS *UnitAddress;
} STOR_POFX_ACTIVE_CONTEXT, *PSTOR_POFX_ACTIVE_CONTEXT;
typedef struct _STOR_POFX_FSTATE_CONTEXT {
    ULONG Version;
    ULONG Size;
    ULONG ComponentIndex;
    ULONG FState;
    STOR_ADDRESS *UnitAddress;
} STOR_POFX_FSTATE_CONTEXT, *PSTOR_POFX_FSTATE_CONTEXT;
typedef struct _STOR_POFX_POWER_REQUIRED_CONTEXT {
    ULONG Version;
    ULONG Size;
    BOOLEAN PowerRequired;
    STOR_ADDRESS *UnitAddress;
} STOR_POFX_POWER_REQUIRED_CONTEXT, *PSTOR_POFX_POWER_REQUIRED_CONTEXT;

typedef struct _STOR_DEVICE_CAPABILITIES_EX {
    USHORT Version;
    USHORT Size;
    ULONG DeviceD1 : 1;
    ULONG DeviceD2 : 1;
    ULONG LockSupported : 1;
    ULONG EjectSupported : 1;
    ULONG Removable : 1;
    ULONG DockDevice : 1;
    ULONG UniqueID : 1;
    ULONG SilentInstall : 1;
    ULONG SurpriseRemovalOK : 1;
    ULONG NoDisplayInUI : 1;
    ULONG Reserved1 : 22;
    ULONG Address;
    ULONG UINumber;
    ULONG Reserved2;
    ULONG DefaultWriteCacheEnabled : 1;
    ULONG Reserved3 : 31;
} STOR_DEVICE_CAPABILITIES_EX, *PSTOR_DEVICE_CAPABILITIES_EX;
#define STOR_DEVICE_CAPABILITIES_EX_VERSION_1 1

/* the miniport's roles */
typedef BOOLEAN HW_INITIALIZE(PVOID DeviceExtension);
typedef HW_INITIALIZE *PHW_INITIALIZE;
typedef BOOLEAN HW_BUILDIO(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb);
typedef HW_BUILDIO *PHW_BUILDIO;
typedef BOOLEAN HW_STARTIO(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb);
typedef HW_STARTIO *PHW_STARTIO;
typedef BOOLEAN HW_INTERRUPT(PVOID DeviceExtension);
typedef HW_INTERRUPT *PHW_INTERRUPT;
typedef VOID HW_TIMER(PVOID DeviceExtension);
typedef HW_TIMER *PHW_TIMER;
typedef VOID HW_TIMER_EX(PVOID DeviceExtension, PVOID Context);
typedef HW_TIMER_EX *PHW_TIMER_EX;
typedef VOID HW_DMA_STARTED(PVOID DeviceExtension);
typedef HW_DMA_STARTED *PHW_DMA_STARTED;
typedef ULONG HW_FIND_ADAPTER(PVOID DeviceExtension, PVOID HwContext, PVOID BusInformation, PCHAR ArgumentString,
                              PPORT_CONFIGURATION_INFORMATION ConfigInfo, PBOOLEAN Reserved3);
typedef HW_FIND_ADAPTER *PHW_FIND_ADAPTER;
typedef BOOLEAN HW_RESET_BUS(PVOID DeviceExtension, ULONG PathId);
typedef HW_RESET_BUS *PHW_RESET_BUS;
typedef BOOLEAN HW_ADAPTER_STATE(PVOID DeviceExtension, PVOID Context, BOOLEAN SaveState);
typedef HW_ADAPTER_STATE *PHW_ADAPTER_STATE;
typedef SCSI_ADAPTER_CONTROL_STATUS HW_ADAPTER_CONTROL(PVOID DeviceExtension, SCSI_ADAPTER_CONTROL_TYPE ControlType,
                                                       PVOID Parameters);
typedef HW_ADAPTER_CONTROL *PHW_ADAPTER_CONTROL;
typedef SCSI_UNIT_CONTROL_STATUS HW_UNIT_CONTROL(PVOID DeviceExtension, SCSI_UNIT_CONTROL_TYPE ControlType,
                                                 PVOID Parameters);
typedef HW_UNIT_CONTROL *PHW_UNIT_CONTROL;
typedef VOID HW_FREE_ADAPTER_RESOURCES(PVOID DeviceExtension);
typedef HW_FREE_ADAPTER_RESOURCES *PHW_FREE_ADAPTER_RESOURCES;
typedef VOID HW_PROCESS_SERVICE_REQUEST(PVOID DeviceExtension, PVOID Irp);
typedef HW_PROCESS_SERVICE_REQUEST *PHW_PROCESS_SERVICE_REQUEST;
typedef VOID HW_COMPLETE_SERVICE_IRP(PVOID DeviceExtension);
typedef HW_COMPLETE_SERVICE_IRP *PHW_COMPLETE_SERVICE_IRP;
typedef VOID HW_INITIALIZE_TRACING(PVOID Arg1, PVOID Arg2);
typedef HW_INITIALIZE_TRACING *PHW_INITIALIZE_TRACING;
typedef VOID HW_CLEANUP_TRACING(PVOID Arg1);
typedef HW_CLEANUP_TRACING *PHW_CLEANUP_TRACING;
typedef VOID HW_TRACING_ENABLED(PVOID HwDeviceExtension, BOOLEAN Enabled);
typedef HW_TRACING_ENABLED *PHW_TRACING_ENABLED;
typedef BOOLEAN HW_PASSIVE_INITIALIZE_ROUTINE(PVOID DeviceExtension);
typedef HW_PASSIVE_INITIALIZE_ROUTINE *PHW_PASSIVE_INITIALIZE_ROUTINE;
typedef VOID HW_WORKITEM(PVOID HwDeviceExtension, PVOID Context, PVOID Worker);
typedef HW_WORKITEM *PHW_WORKITEM;
typedef VOID HW_STATE_CHANGE(PVOID HwDeviceExtension, PVOID Context, SHORT AddressType, PVOID Address, ULONG Status);
typedef HW_STATE_CHANGE *PHW_STATE_CHANGE;
typedef BOOLEAN STOR_SYNCHRONIZED_ACCESS(PVOID HwDeviceExtension, PVOID Context);
typedef STOR_SYNCHRONIZED_ACCESS *PSTOR_SYNCHRONIZED_ACCESS;

typedef struct _STOR_DPC {
    UCHAR Dpc[64]; /* a KDPC and its lock; drivers only take the address */
    KSPIN_LOCK Lock;
} STOR_DPC, *PSTOR_DPC;
typedef VOID HW_DPC_ROUTINE(PSTOR_DPC Dpc, PVOID HwDeviceExtension, PVOID SystemArgument1, PVOID SystemArgument2);
typedef HW_DPC_ROUTINE *PHW_DPC_ROUTINE;

typedef struct _HW_INITIALIZATION_DATA {
    ULONG HwInitializationDataSize;
    INTERFACE_TYPE AdapterInterfaceType;
    PHW_INITIALIZE HwInitialize;
    PHW_STARTIO HwStartIo;
    PHW_INTERRUPT HwInterrupt;
    PHW_FIND_ADAPTER HwFindAdapter;
    PHW_RESET_BUS HwResetBus;
    PHW_DMA_STARTED HwDmaStarted;
    PHW_ADAPTER_STATE HwAdapterState;
    ULONG DeviceExtensionSize;
    ULONG SpecificLuExtensionSize;
    ULONG SrbExtensionSize;
    ULONG NumberOfAccessRanges;
    PVOID Reserved;
    UCHAR MapBuffers;
    BOOLEAN NeedPhysicalAddresses;
    BOOLEAN TaggedQueuing;
    BOOLEAN AutoRequestSense;
    BOOLEAN MultipleRequestPerLu;
    BOOLEAN ReceiveEvent;
    USHORT VendorIdLength;
    PVOID VendorId;
    union {
        USHORT ReservedUshort;
        USHORT PortVersionFlags;
    };
    USHORT DeviceIdLength;
    PVOID DeviceId;
    PHW_ADAPTER_CONTROL HwAdapterControl;
    PHW_BUILDIO HwBuildIo;
    PHW_FREE_ADAPTER_RESOURCES HwFreeAdapterResources;
    PHW_PROCESS_SERVICE_REQUEST HwProcessServiceRequest;
    PHW_COMPLETE_SERVICE_IRP HwCompleteServiceIrp;
    PHW_INITIALIZE_TRACING HwInitializeTracing;
    PHW_CLEANUP_TRACING HwCleanupTracing;
    PHW_TRACING_ENABLED HwTracingEnabled;
    ULONG FeatureSupport;
    ULONG SrbTypeFlags;
    ULONG AddressTypeFlags;
    ULONG Reserved1;
    PHW_UNIT_CONTROL HwUnitControl;
} HW_INITIALIZATION_DATA, *PHW_INITIALIZATION_DATA;

/* scatter/gather, locks, status */
typedef struct _STOR_SCATTER_GATHER_ELEMENT {
    STOR_PHYSICAL_ADDRESS PhysicalAddress;
    ULONG Length;
    ULONG_PTR Reserved;
} STOR_SCATTER_GATHER_ELEMENT, *PSTOR_SCATTER_GATHER_ELEMENT;

typedef struct _STOR_SCATTER_GATHER_LIST {
    ULONG NumberOfElements;
    ULONG_PTR Reserved;
    STOR_SCATTER_GATHER_ELEMENT List[];
} STOR_SCATTER_GATHER_LIST, *PSTOR_SCATTER_GATHER_LIST;

typedef enum _STOR_SPINLOCK { DpcLock = 1, StartIoLock, InterruptLock, ThreadedDpcLock, DpcLevelLock, InvalidLock } STOR_SPINLOCK;
typedef struct _STOR_LOCK_HANDLE {
    STOR_SPINLOCK Lock;
    struct {
        struct { PVOID Next; PVOID Lock; } LockQueue;
        KIRQL OldIrql;
    } Context;
} STOR_LOCK_HANDLE, *PSTOR_LOCK_HANDLE;

typedef ULONG STOR_STATUS;
#define STOR_STATUS_SUCCESS 0x00000000L
#define STOR_STATUS_UNSUCCESSFUL 0xC1000001L
#define STOR_STATUS_NOT_IMPLEMENTED 0xC1000002L
#define STOR_STATUS_INSUFFICIENT_RESOURCES 0xC1000003L
#define STOR_STATUS_BUFFER_TOO_SMALL 0xC1000004L
#define STOR_STATUS_ACCESS_DENIED 0xC1000005L
#define STOR_STATUS_INVALID_PARAMETER 0xC1000006L
#define STOR_STATUS_INVALID_DEVICE_REQUEST 0xC1000007L
#define STOR_STATUS_INVALID_IRQL 0xC1000008L
#define STOR_STATUS_INVALID_DEVICE_STATE 0xC1000009L
#define STOR_STATUS_INVALID_BUFFER_SIZE 0xC100000AL
#define STOR_STATUS_UNSUPPORTED_VERSION 0xC100000BL
#define STOR_STATUS_BUSY 0xC100000CL

typedef enum _SCSI_NOTIFICATION_TYPE {
    RequestComplete,
    NextRequest,
    NextLuRequest,
    ResetDetected,
    _obsolete1,
    _obsolete2,
    RequestTimerCall,
    BusChangeDetected,
    WMIEvent,
    WMIReregister,
    LinkUp,
    LinkDown,
    QueryTickCount,
    BufferOverrunDetected,
    TraceNotification,
    GetExtendedFunctionTable,
    EnablePassiveInitialization = 0x1000,
    InitializeDpc,
    IssueDpc,
    AcquireSpinLock,
    ReleaseSpinLock,
    StateChangeDetectedCall = 0x2000,
    IoTargetRequestServiceTime,
    AsyncNotificationDetected
} SCSI_NOTIFICATION_TYPE, *PSCSI_NOTIFICATION_TYPE;

typedef struct _STOR_UNIT_ATTRIBUTES {
    ULONG DeviceAttentionSupported : 1;
    ULONG AsyncNotificationSupported : 1;
    ULONG D3ColdNotSupported : 1;
    ULONG Reserved : 29;
} STOR_UNIT_ATTRIBUTES, *PSTOR_UNIT_ATTRIBUTES;

typedef struct _STOR_REQUEST_INFO {
    USHORT Version;
    USHORT Size;
    UCHAR PriorityHint;
    UCHAR Reserved[3];
    ULONG Flags;
    ULONG Key;
    ULONG Length;
    BOOLEAN IsWriteRequest;
    UCHAR Reserved1[7];
    ULONG64 Reserved2[4];
} STOR_REQUEST_INFO, *PSTOR_REQUEST_INFO;

typedef struct _PERF_CONFIGURATION_DATA {
    ULONG Version;
    ULONG Size;
    ULONG Flags;
    ULONG ConcurrentChannels;
    ULONG FirstRedirectionMessageNumber;
    ULONG LastRedirectionMessageNumber;
    ULONG DeviceNode;
    ULONG Reserved;
    PGROUP_AFFINITY MessageTargets;
} PERF_CONFIGURATION_DATA, *PPERF_CONFIGURATION_DATA;
#define STOR_PERF_VERSION 0x5
#define STOR_PERF_DPC_REDIRECTION 0x00000001
#define STOR_PERF_CONCURRENT_CHANNELS 0x00000002
#define STOR_PERF_INTERRUPT_MESSAGE_RANGES 0x00000004
#define STOR_PERF_ADV_CONFIG_LOCALITY 0x00000008
#define STOR_PERF_OPTIMIZE_FOR_COMPLETION_DURING_STARTIO 0x00000010
#define STOR_PERF_DPC_REDIRECTION_CURRENT_CPU 0x00000020
#define STOR_PERF_NO_SGL 0x00000040

typedef struct _MESSAGE_INTERRUPT_INFORMATION {
    ULONG MessageId;
    ULONG MessageData;
    STOR_PHYSICAL_ADDRESS MessageAddress;
    ULONG InterruptVector;
    ULONG InterruptLevel;
    KINTERRUPT_MODE InterruptMode;
} MESSAGE_INTERRUPT_INFORMATION, *PMESSAGE_INTERRUPT_INFORMATION;

typedef enum _STOR_EVENT_ASSOCIATION_ENUM {
    StorEventAdapterAssociation = 0, StorEventLunAssociation, StorEventTargetAssociation, StorEventInvalidAssociation
} STOR_EVENT_ASSOCIATION_ENUM;

typedef struct _STORPORT_TELEMETRY_EVENT {
    ULONG DriverVersion;
    ULONG EventId;
    UCHAR EventName[32];
    ULONG EventVersion;
    ULONG Flags;
    ULONG EventBufferLength;
    PUCHAR EventBuffer;
    UCHAR ParameterName0[32];
    ULONGLONG ParameterValue0;
    UCHAR ParameterName1[32];
    ULONGLONG ParameterValue1;
    UCHAR ParameterName2[32];
    ULONGLONG ParameterValue2;
    UCHAR ParameterName3[32];
    ULONGLONG ParameterValue3;
    UCHAR ParameterName4[32];
    ULONGLONG ParameterValue4;
    UCHAR ParameterName5[32];
    ULONGLONG ParameterValue5;
    UCHAR ParameterName6[32];
    ULONGLONG ParameterValue6;
    UCHAR ParameterName7[32];
    ULONGLONG ParameterValue7;
} STORPORT_TELEMETRY_EVENT, *PSTORPORT_TELEMETRY_EVENT;
#define STORPORT_TELEMETRY_EVENT_VERSION_1 0x1

typedef ULONG STORPORT_ETW_EVENT_CHANNEL;
#define STORPORT_ETW_LEVEL_LOG_ALWAYS 0
#define STORPORT_ETW_LEVEL_CRITICAL 1
#define STORPORT_ETW_LEVEL_ERROR 2
#define STORPORT_ETW_LEVEL_WARNING 3
#define STORPORT_ETW_LEVEL_INFORMATIONAL 4
#define STORPORT_ETW_LEVEL_VERBOSE 5
#define STORPORT_ETW_EVENT_KEYWORD_IO 0x01
#define STORPORT_ETW_EVENT_KEYWORD_PERFORMANCE 0x02
#define STORPORT_ETW_EVENT_KEYWORD_POWER 0x04
#define STORPORT_ETW_EVENT_KEYWORD_ENUMERATION 0x08
#define STORPORT_ETW_MAX_PARAM_NAME_LENGTH 15
#define STORPORT_ETW_MAX_DESCRIPTION_LENGTH 32
typedef enum _STORPORT_ETW_EVENT_OPCODE {
    StorportEtwEventOpcodeInfo = 0, StorportEtwEventOpcodeStart = 1, StorportEtwEventOpcodeStop = 2,
    StorportEtwEventOpcodeDC_Start = 3, StorportEtwEventOpcodeDC_Stop = 4, StorportEtwEventOpcodeExtension = 5,
    StorportEtwEventOpcodeReply = 6, StorportEtwEventOpcodeResume = 7, StorportEtwEventOpcodeSuspend = 8,
    StorportEtwEventOpcodeSend = 9, StorportEtwEventOpcodeReceive = 240
} STORPORT_ETW_EVENT_OPCODE, *PSTORPORT_ETW_EVENT_OPCODE;
typedef enum _STORPORT_ETW_EVENT_CHANNEL_ENUM {
    StorportEtwEventDiagnostic = 0, StorportEtwEventOperational = 1, StorportEtwEventHealth = 2
} STORPORT_ETW_EVENT_CHANNEL_ENUM;

/* ---- the Storport library ---- */
ULONG StorPortInitialize(PVOID Argument1, PVOID Argument2, PHW_INITIALIZATION_DATA HwInitializationData, PVOID HwContext);
VOID StorPortNotification(SCSI_NOTIFICATION_TYPE NotificationType, PVOID HwDeviceExtension, ...);
VOID StorPortDebugPrint(ULONG DebugPrintLevel, PCCHAR DebugMessage, ...);
VOID StorPortStallExecution(ULONG Delay);
VOID StorPortMoveMemory(PVOID WriteBuffer, PVOID ReadBuffer, ULONG Length);
#define StorPortCopyMemory(Destination, Source, Length) memcpy((Destination), (Source), (Length))
BOOLEAN StorPortBusy(PVOID HwDeviceExtension, ULONG RequestsToComplete);
BOOLEAN StorPortReady(PVOID HwDeviceExtension);
BOOLEAN StorPortPause(PVOID HwDeviceExtension, ULONG TimeOut);
BOOLEAN StorPortResume(PVOID HwDeviceExtension);
BOOLEAN StorPortPauseDevice(PVOID HwDeviceExtension, UCHAR PathId, UCHAR TargetId, UCHAR Lun, ULONG TimeOut);
BOOLEAN StorPortResumeDevice(PVOID HwDeviceExtension, UCHAR PathId, UCHAR TargetId, UCHAR Lun);
BOOLEAN StorPortDeviceBusy(PVOID HwDeviceExtension, UCHAR PathId, UCHAR TargetId, UCHAR Lun, ULONG RequestsToComplete);
BOOLEAN StorPortDeviceReady(PVOID HwDeviceExtension, UCHAR PathId, UCHAR TargetId, UCHAR Lun);
VOID StorPortCompleteRequest(PVOID HwDeviceExtension, UCHAR PathId, UCHAR TargetId, UCHAR Lun, UCHAR SrbStatus);
VOID StorPortCompleteAllRequests(PVOID HwDeviceExtension, UCHAR PathId, UCHAR TargetId, UCHAR Lun, UCHAR SrbStatus);
BOOLEAN StorPortSetDeviceQueueDepth(PVOID HwDeviceExtension, UCHAR PathId, UCHAR TargetId, UCHAR Lun, ULONG Depth);
PVOID StorPortGetDeviceBase(PVOID HwDeviceExtension, INTERFACE_TYPE BusType, ULONG SystemIoBusNumber,
                            STOR_PHYSICAL_ADDRESS IoAddress, ULONG NumberOfBytes, BOOLEAN InIoSpace);
VOID StorPortFreeDeviceBase(PVOID HwDeviceExtension, PVOID MappedAddress);
ULONG StorPortGetBusData(PVOID DeviceExtension, ULONG BusDataType, ULONG SystemIoBusNumber, ULONG SlotNumber,
                         PVOID Buffer, ULONG Length);
ULONG StorPortSetBusDataByOffset(PVOID DeviceExtension, ULONG BusDataType, ULONG SystemIoBusNumber, ULONG SlotNumber,
                                 PVOID Buffer, ULONG Offset, ULONG Length);
PVOID StorPortGetUncachedExtension(PVOID HwDeviceExtension, PPORT_CONFIGURATION_INFORMATION ConfigInfo,
                                   ULONG NumberOfBytes);
STOR_PHYSICAL_ADDRESS StorPortGetPhysicalAddress(PVOID HwDeviceExtension, PSCSI_REQUEST_BLOCK Srb, PVOID VirtualAddress,
                                                 ULONG *Length);
PVOID StorPortGetVirtualAddress(PVOID HwDeviceExtension, STOR_PHYSICAL_ADDRESS PhysicalAddress);
PSTOR_SCATTER_GATHER_LIST StorPortGetScatterGatherList(PVOID DeviceExtension, PSCSI_REQUEST_BLOCK Srb);
PVOID StorPortGetLogicalUnit(PVOID HwDeviceExtension, UCHAR PathId, UCHAR TargetId, UCHAR Lun);
ULONG StorPortConvertPhysicalAddressToUlong(STOR_PHYSICAL_ADDRESS Address);
STOR_PHYSICAL_ADDRESS StorPortConvertUlongToPhysicalAddress(ULONG_PTR UlongAddress);
VOID StorPortLogError(PVOID HwDeviceExtension, PSCSI_REQUEST_BLOCK Srb, UCHAR PathId, UCHAR TargetId, UCHAR Lun,
                      ULONG ErrorCode, ULONG UniqueId);
VOID StorPortQuerySystemTime(PLARGE_INTEGER CurrentTime);
VOID StorPortQueryTickCount(PLARGE_INTEGER TickCount);
ULONG StorPortQueryPerformanceCounter(PVOID HwDeviceExtension, PLARGE_INTEGER PerformanceFrequency,
                                      PLARGE_INTEGER PerformanceCounter);
BOOLEAN StorPortSynchronizeAccess(PVOID HwDeviceExtension, PSTOR_SYNCHRONIZED_ACCESS SynchronizedAccessRoutine,
                                  PVOID Context);
BOOLEAN StorPortEnablePassiveInitialization(PVOID DeviceExtension, PHW_PASSIVE_INITIALIZE_ROUTINE HwPassiveInitializeRoutine);
VOID StorPortInitializeDpc(PVOID DeviceExtension, PSTOR_DPC Dpc, PHW_DPC_ROUTINE HwDpcRoutine);
BOOLEAN StorPortIssueDpc(PVOID DeviceExtension, PSTOR_DPC Dpc, PVOID SystemArgument1, PVOID SystemArgument2);
VOID StorPortAcquireSpinLock(PVOID DeviceExtension, STOR_SPINLOCK SpinLock, PVOID LockContext, PSTOR_LOCK_HANDLE LockHandle);
VOID StorPortReleaseSpinLock(PVOID DeviceExtension, PSTOR_LOCK_HANDLE LockHandle);
ULONG StorPortAcquireMSISpinLock(PVOID HwDeviceExtension, ULONG MessageId, PULONG OldIrql);
ULONG StorPortReleaseMSISpinLock(PVOID HwDeviceExtension, ULONG MessageId, ULONG OldIrql);
ULONG StorPortGetMSIInfo(PVOID HwDeviceExtension, ULONG MessageId, PMESSAGE_INTERRUPT_INFORMATION InterruptInfo);
ULONG StorPortInitializePerfOpts(PVOID HwDeviceExtension, BOOLEAN Query, PPERF_CONFIGURATION_DATA PerfConfigData);
ULONG StorPortAllocatePool(PVOID HwDeviceExtension, ULONG NumberOfBytes, ULONG Tag, PVOID *BufferPointer);
ULONG StorPortFreePool(PVOID HwDeviceExtension, PVOID BufferPointer);
ULONG StorPortAllocateContiguousMemorySpecifyCacheNode(PVOID HwDeviceExtension, SIZE_T NumberOfBytes,
                                                       PHYSICAL_ADDRESS LowestAcceptableAddress,
                                                       PHYSICAL_ADDRESS HighestAcceptableAddress,
                                                       PHYSICAL_ADDRESS BoundaryAddressMultiple,
                                                       MEMORY_CACHING_TYPE CacheType, ULONG PreferredNode,
                                                       PVOID *BufferPointer);
ULONG StorPortFreeContiguousMemorySpecifyCache(PVOID HwDeviceExtension, PVOID BaseAddress, SIZE_T NumberOfBytes,
                                               MEMORY_CACHING_TYPE CacheType);
ULONG StorPortAllocateDmaMemory(PVOID HwDeviceExtension, SIZE_T NumberOfBytes, PHYSICAL_ADDRESS LowestAddress,
                                PHYSICAL_ADDRESS HighestAddress, PHYSICAL_ADDRESS AddressMultiple,
                                MEMORY_CACHING_TYPE CacheType, ULONG PreferredNode, PVOID *BufferPointer,
                                PPHYSICAL_ADDRESS PhysicalAddress);
ULONG StorPortFreeDmaMemory(PVOID HwDeviceExtension, PVOID BaseAddress, SIZE_T NumberOfBytes,
                            MEMORY_CACHING_TYPE CacheType, PHYSICAL_ADDRESS PhysicalAddress);
ULONG StorPortInitializeTimer(PVOID HwDeviceExtension, PVOID *TimerHandle);
ULONG StorPortRequestTimer(PVOID HwDeviceExtension, PVOID TimerHandle, PHW_TIMER_EX TimerCallback, PVOID CallbackContext,
                           ULONGLONG TimerValue, ULONGLONG TolerableDelay);
ULONG StorPortFreeTimer(PVOID HwDeviceExtension, PVOID TimerHandle);
ULONG StorPortInitializeWorker(PVOID HwDeviceExtension, PVOID *Worker);
ULONG StorPortQueueWorkItem(PVOID HwDeviceExtension, PHW_WORKITEM WorkItemCallback, PVOID Worker, PVOID Context);
ULONG StorPortFreeWorker(PVOID HwDeviceExtension, PVOID Worker);
ULONG StorPortGetRequestInfo(PVOID HwDeviceExtension, PSCSI_REQUEST_BLOCK Srb, PSTOR_REQUEST_INFO RequestInfo);
ULONG StorPortSetUnitAttributes(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, STOR_UNIT_ATTRIBUTES Attributes);
ULONG StorPortSetPowerSettingNotificationGuids(PVOID HwDeviceExtension, ULONG GuidCount, LPGUID Guid);
ULONG StorPortInitializePoFxPower(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, PSTOR_POFX_DEVICE Device,
                                  PBOOLEAN D3ColdEnabled);
ULONG StorPortPoFxActivateComponent(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, PSCSI_REQUEST_BLOCK Srb,
                                    ULONG Component, ULONG Flags);
ULONG StorPortPoFxIdleComponent(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, PSCSI_REQUEST_BLOCK Srb, ULONG Component,
                                ULONG Flags);
ULONG StorPortGetD3ColdSupport(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, PBOOLEAN Supported);
ULONG StorPortInvokeAcpiMethod(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, ULONG MethodName, PVOID InputBuffer,
                               ULONG InputBufferLength, PVOID OutputBuffer, ULONG OutputBufferLength,
                               PULONG BytesReturned);
ULONG StorPortStateChangeDetected(PVOID HwDeviceExtension, ULONG ChangedEntity, PSTOR_ADDRESS Address,
                                  ULONG Attributes, PHW_STATE_CHANGE HwStateChange, PVOID HwStateChangeContext);
ULONG StorPortAsyncNotificationDetected(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, ULONGLONG Flags);
ULONG StorPortMarkDeviceFailed(PVOID HwDeviceExtension, PSTOR_ADDRESS StorAddress, ULONG Flags, PWSTR FailReason);
ULONG StorPortMarkDumpMemory(PVOID HwDeviceExtension, PVOID Address, ULONG_PTR Length, ULONG Flags);
ULONG StorPortIsDeviceOperationAllowed(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, LPCGUID DeviceOperation,
                                       ULONG *AllowedFlag);
ULONG StorPortGetSystemPortNumber(PVOID HwDeviceExtension, PSTOR_ADDRESS Address);
ULONG StorPortLogTelemetry(PVOID HwDeviceExtension, PSTOR_ADDRESS StorAddress, PSTORPORT_TELEMETRY_EVENT Event);
BOOLEAN StorPortRegistryRead(PVOID HwDeviceExtension, PUCHAR ValueName, ULONG Global, ULONG Type, PUCHAR Buffer,
                             PULONG BufferLength);
BOOLEAN StorPortRegistryWrite(PVOID HwDeviceExtension, PUCHAR ValueName, ULONG Global, ULONG Type, PUCHAR Buffer,
                              ULONG BufferLength);
ULONG StorPortRegistryReadAdapterKey(PVOID HwDeviceExtension, PUCHAR SubKeyName, PUCHAR ValueName, ULONG ValueType,
                                     PVOID *ValueData, PULONG ValueDataLength);
ULONG StorPortRegistryWriteAdapterKey(PVOID HwDeviceExtension, PUCHAR SubKeyName, PUCHAR ValueName, ULONG ValueType,
                                      PVOID ValueData, ULONG ValueDataLength);
ULONG StorPortEtwEvent2(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, ULONG EventId, PWSTR EventDescription,
                        ULONGLONG EventKeywords, ULONG EventLevel, ULONG EventOpcode, PSCSI_REQUEST_BLOCK Srb,
                        PWSTR Parameter1Name, ULONGLONG Parameter1Value, PWSTR Parameter2Name, ULONGLONG Parameter2Value);
ULONG StorPortEtwEvent4(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, ULONG EventId, PWSTR EventDescription,
                        ULONGLONG EventKeywords, ULONG EventLevel, ULONG EventOpcode, PSCSI_REQUEST_BLOCK Srb,
                        PWSTR Parameter1Name, ULONGLONG Parameter1Value, PWSTR Parameter2Name, ULONGLONG Parameter2Value,
                        PWSTR Parameter3Name, ULONGLONG Parameter3Value, PWSTR Parameter4Name, ULONGLONG Parameter4Value);
ULONG StorPortEtwEvent8(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, ULONG EventId, PWSTR EventDescription,
                        ULONGLONG EventKeywords, ULONG EventLevel, ULONG EventOpcode, PSCSI_REQUEST_BLOCK Srb,
                        PWSTR Parameter1Name, ULONGLONG Parameter1Value, PWSTR Parameter2Name, ULONGLONG Parameter2Value,
                        PWSTR Parameter3Name, ULONGLONG Parameter3Value, PWSTR Parameter4Name, ULONGLONG Parameter4Value,
                        PWSTR Parameter5Name, ULONGLONG Parameter5Value, PWSTR Parameter6Name, ULONGLONG Parameter6Value,
                        PWSTR Parameter7Name, ULONGLONG Parameter7Value, PWSTR Parameter8Name, ULONGLONG Parameter8Value);
ULONG StorPortEtwChannelEvent2(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, ULONG EventChannel, ULONG EventId,
                               PWSTR EventDescription, ULONGLONG EventKeywords, ULONG EventLevel, ULONG EventOpcode,
                               PSCSI_REQUEST_BLOCK Srb, PWSTR Parameter1Name, ULONGLONG Parameter1Value,
                               PWSTR Parameter2Name, ULONGLONG Parameter2Value);
ULONG StorPortEtwChannelEvent8(PVOID HwDeviceExtension, PSTOR_ADDRESS Address, ULONG EventChannel, ULONG EventId,
                               PWSTR EventDescription, ULONGLONG EventKeywords, ULONG EventLevel, ULONG EventOpcode,
                               PSCSI_REQUEST_BLOCK Srb, PWSTR Parameter1Name, ULONGLONG Parameter1Value,
                               PWSTR Parameter2Name, ULONGLONG Parameter2Value, PWSTR Parameter3Name,
                               ULONGLONG Parameter3Value, PWSTR Parameter4Name, ULONGLONG Parameter4Value,
                               PWSTR Parameter5Name, ULONGLONG Parameter5Value, PWSTR Parameter6Name,
                               ULONGLONG Parameter6Value, PWSTR Parameter7Name, ULONGLONG Parameter7Value,
                               PWSTR Parameter8Name, ULONGLONG Parameter8Value);

/* register and port access: functions, so each access is a visible call */
UCHAR StorPortReadPortUchar(PVOID HwDeviceExtension, PUCHAR Port);
USHORT StorPortReadPortUshort(PVOID HwDeviceExtension, PUSHORT Port);
ULONG StorPortReadPortUlong(PVOID HwDeviceExtension, PULONG Port);
VOID StorPortReadPortBufferUchar(PVOID HwDeviceExtension, PUCHAR Port, PUCHAR Buffer, ULONG Count);
VOID StorPortReadPortBufferUshort(PVOID HwDeviceExtension, PUSHORT Port, PUSHORT Buffer, ULONG Count);
VOID StorPortReadPortBufferUlong(PVOID HwDeviceExtension, PULONG Port, PULONG Buffer, ULONG Count);
UCHAR StorPortReadRegisterUchar(PVOID HwDeviceExtension, PUCHAR Register);
USHORT StorPortReadRegisterUshort(PVOID HwDeviceExtension, PUSHORT Register);
ULONG StorPortReadRegisterUlong(PVOID HwDeviceExtension, PULONG Register);
ULONG64 StorPortReadRegisterUlong64(PVOID HwDeviceExtension, PULONG64 Register);
VOID StorPortReadRegisterBufferUchar(PVOID HwDeviceExtension, PUCHAR Register, PUCHAR Buffer, ULONG Count);
VOID StorPortReadRegisterBufferUshort(PVOID HwDeviceExtension, PUSHORT Register, PUSHORT Buffer, ULONG Count);
VOID StorPortReadRegisterBufferUlong(PVOID HwDeviceExtension, PULONG Register, PULONG Buffer, ULONG Count);
VOID StorPortWritePortUchar(PVOID HwDeviceExtension, PUCHAR Port, UCHAR Value);
VOID StorPortWritePortUshort(PVOID HwDeviceExtension, PUSHORT Port, USHORT Value);
VOID StorPortWritePortUlong(PVOID HwDeviceExtension, PULONG Port, ULONG Value);
VOID StorPortWritePortBufferUchar(PVOID HwDeviceExtension, PUCHAR Port, PUCHAR Buffer, ULONG Count);
VOID StorPortWritePortBufferUshort(PVOID HwDeviceExtension, PUSHORT Port, PUSHORT Buffer, ULONG Count);
VOID StorPortWritePortBufferUlong(PVOID HwDeviceExtension, PULONG Port, PULONG Buffer, ULONG Count);
VOID StorPortWriteRegisterUchar(PVOID HwDeviceExtension, PUCHAR Register, UCHAR Value);
VOID StorPortWriteRegisterUshort(PVOID HwDeviceExtension, PUSHORT Register, USHORT Value);
VOID StorPortWriteRegisterUlong(PVOID HwDeviceExtension, PULONG Register, ULONG Value);
VOID StorPortWriteRegisterUlong64(PVOID HwDeviceExtension, PULONG64 Register, ULONG64 Value);
VOID StorPortWriteRegisterBufferUchar(PVOID HwDeviceExtension, PUCHAR Register, PUCHAR Buffer, ULONG Count);
VOID StorPortWriteRegisterBufferUshort(PVOID HwDeviceExtension, PUSHORT Register, PUSHORT Buffer, ULONG Count);
VOID StorPortWriteRegisterBufferUlong(PVOID HwDeviceExtension, PULONG Register, PULONG Buffer, ULONG Count);

#ifdef __cplusplus
}
#endif
