/* wdk_stor.h - drvtaint WDK shim: storage device IOCTLs and their records (ntddstor.h): storage
 * properties and descriptors, data-set management, firmware, protocol data, temperature and
 * topology, media types. Written from the ntddstor.h reference pages on learn.microsoft.com. Every
 * IOCTL here is METHOD_BUFFERED. Disk, CD-ROM and mount-device records are in wdk_disk.h: some
 * drivers that include only ntddstor.h define the SMART records themselves. */
#pragma once
#include "wdk_io.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef FILE_DEVICE_MASS_STORAGE
#define FILE_DEVICE_MASS_STORAGE 0x0000002d
#endif
#ifndef FILE_DEVICE_DVD
#define FILE_DEVICE_DVD 0x00000033
#endif

/* ---- ntddstor.h ---- */
#define IOCTL_STORAGE_BASE FILE_DEVICE_MASS_STORAGE
#define STOR_CTL(f, a) CTL_CODE(IOCTL_STORAGE_BASE, (f), METHOD_BUFFERED, (a))
#define IOCTL_STORAGE_CHECK_VERIFY STOR_CTL(0x0200, FILE_READ_ACCESS)
#define IOCTL_STORAGE_CHECK_VERIFY2 STOR_CTL(0x0200, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_MEDIA_REMOVAL STOR_CTL(0x0201, FILE_READ_ACCESS)
#define IOCTL_STORAGE_EJECT_MEDIA STOR_CTL(0x0202, FILE_READ_ACCESS)
#define IOCTL_STORAGE_LOAD_MEDIA STOR_CTL(0x0203, FILE_READ_ACCESS)
#define IOCTL_STORAGE_LOAD_MEDIA2 STOR_CTL(0x0203, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_RESERVE STOR_CTL(0x0204, FILE_READ_ACCESS)
#define IOCTL_STORAGE_RELEASE STOR_CTL(0x0205, FILE_READ_ACCESS)
#define IOCTL_STORAGE_FIND_NEW_DEVICES STOR_CTL(0x0206, FILE_READ_ACCESS)
#define IOCTL_STORAGE_EJECTION_CONTROL STOR_CTL(0x0250, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_MCN_CONTROL STOR_CTL(0x0251, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_GET_MEDIA_TYPES STOR_CTL(0x0300, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_GET_MEDIA_TYPES_EX STOR_CTL(0x0301, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_GET_MEDIA_SERIAL_NUMBER STOR_CTL(0x0304, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_GET_HOTPLUG_INFO STOR_CTL(0x0305, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_SET_HOTPLUG_INFO STOR_CTL(0x0306, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_RESET_BUS STOR_CTL(0x0400, FILE_READ_ACCESS)
#define IOCTL_STORAGE_RESET_DEVICE STOR_CTL(0x0401, FILE_READ_ACCESS)
#define IOCTL_STORAGE_BREAK_RESERVATION STOR_CTL(0x0405, FILE_READ_ACCESS)
#define IOCTL_STORAGE_PERSISTENT_RESERVE_IN STOR_CTL(0x0406, FILE_READ_ACCESS)
#define IOCTL_STORAGE_PERSISTENT_RESERVE_OUT STOR_CTL(0x0407, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_GET_DEVICE_NUMBER STOR_CTL(0x0420, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_GET_DEVICE_NUMBER_EX STOR_CTL(0x0421, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_PREDICT_FAILURE STOR_CTL(0x0440, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_FAILURE_PREDICTION_CONFIG STOR_CTL(0x0441, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_GET_COUNTERS STOR_CTL(0x0442, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_READ_CAPACITY STOR_CTL(0x0450, FILE_READ_ACCESS)
#define IOCTL_STORAGE_GET_DEVICE_TELEMETRY STOR_CTL(0x0470, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_DEVICE_TELEMETRY_NOTIFY STOR_CTL(0x0471, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_DEVICE_TELEMETRY_QUERY_CAPS STOR_CTL(0x0472, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_GET_DEVICE_TELEMETRY_RAW STOR_CTL(0x0473, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_SET_TEMPERATURE_THRESHOLD STOR_CTL(0x0480, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_PROTOCOL_COMMAND STOR_CTL(0x04F0, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_QUERY_PROPERTY STOR_CTL(0x0500, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_MANAGE_DATA_SET_ATTRIBUTES STOR_CTL(0x0501, FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_GET_LB_PROVISIONING_MAP_RESOURCES STOR_CTL(0x0502, FILE_READ_ACCESS)
#define IOCTL_STORAGE_REINITIALIZE_MEDIA STOR_CTL(0x0590, FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_GET_BC_PROPERTIES STOR_CTL(0x0600, FILE_READ_ACCESS)
#define IOCTL_STORAGE_ALLOCATE_BC_STREAM STOR_CTL(0x0601, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_FREE_BC_STREAM STOR_CTL(0x0602, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_CHECK_PRIORITY_HINT_SUPPORT STOR_CTL(0x0620, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_START_DATA_INTEGRITY_CHECK STOR_CTL(0x0621, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_STOP_DATA_INTEGRITY_CHECK STOR_CTL(0x0622, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_FIRMWARE_GET_INFO STOR_CTL(0x0700, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_FIRMWARE_DOWNLOAD STOR_CTL(0x0701, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_FIRMWARE_ACTIVATE STOR_CTL(0x0702, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_ENABLE_IDLE_POWER STOR_CTL(0x0720, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_GET_IDLE_POWERUP_REASON STOR_CTL(0x0721, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_POWER_ACTIVE STOR_CTL(0x0722, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_POWER_IDLE STOR_CTL(0x0723, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_EVENT_NOTIFICATION STOR_CTL(0x0724, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_DEVICE_POWER_CAP STOR_CTL(0x0725, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_RPMB_COMMAND STOR_CTL(0x0726, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_ATTRIBUTE_MANAGEMENT STOR_CTL(0x0727, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_STORAGE_DIAGNOSTIC STOR_CTL(0x0728, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_GET_PHYSICAL_ELEMENT_STATUS STOR_CTL(0x0729, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_REMOVE_ELEMENT_AND_TRUNCATE STOR_CTL(0x0730, FILE_ANY_ACCESS)
#define IOCTL_STORAGE_GET_DEVICE_INTERNAL_LOG STOR_CTL(0x0731, FILE_ANY_ACCESS)

typedef struct _STORAGE_DEVICE_NUMBER {
    DEVICE_TYPE DeviceType;
    ULONG DeviceNumber;
    ULONG PartitionNumber;
} STORAGE_DEVICE_NUMBER, *PSTORAGE_DEVICE_NUMBER;

typedef struct _STORAGE_HOTPLUG_INFO {
    ULONG Size;
    BOOLEAN MediaRemovable;
    BOOLEAN MediaHotplug;
    BOOLEAN DeviceHotplug;
    BOOLEAN WriteCacheEnableOverride;
} STORAGE_HOTPLUG_INFO, *PSTORAGE_HOTPLUG_INFO;

typedef struct _STORAGE_PREDICT_FAILURE {
    ULONG PredictFailure;
    UCHAR VendorSpecific[512];
} STORAGE_PREDICT_FAILURE, *PSTORAGE_PREDICT_FAILURE;

typedef struct _STORAGE_FAILURE_PREDICTION_CONFIG {
    ULONG Version;
    ULONG Size;
    BOOLEAN Set;
    BOOLEAN Enabled;
    USHORT Reserved;
} STORAGE_FAILURE_PREDICTION_CONFIG, *PSTORAGE_FAILURE_PREDICTION_CONFIG;

typedef struct _STORAGE_READ_CAPACITY {
    ULONG Version;
    ULONG Size;
    ULONG BlockLength;
    LARGE_INTEGER NumberOfBlocks;
    LARGE_INTEGER DiskLength;
} STORAGE_READ_CAPACITY, *PSTORAGE_READ_CAPACITY;

typedef struct _STORAGE_PRIORITY_HINT_SUPPORT {
    ULONG SupportFlags;
} STORAGE_PRIORITY_HINT_SUPPORT, *PSTORAGE_PRIORITY_HINT_SUPPORT;
#define STORAGE_PRIORITY_HINT_SUPPORTED 0x0001
/* the failure-prediction notification GUID (an initializer, as in ntddstor.h) */
#define WDI_STORAGE_PREDICT_FAILURE_DPS_GUID {0xe9f2d03aL, 0x747c, 0x41c2, {0xbb, 0x9a, 0x02, 0xc6, 0x2b, 0x6d, 0x5f, 0xcb}}

typedef struct _STORAGE_EVENT_NOTIFICATION {
    ULONG Version;
    ULONG Size;
    ULONGLONG Events;
} STORAGE_EVENT_NOTIFICATION, *PSTORAGE_EVENT_NOTIFICATION;
#define STORAGE_EVENT_MEDIA_STATUS 0x0000000000000001
#define STORAGE_EVENT_DEVICE_STATUS 0x0000000000000002
#define STORAGE_EVENT_DEVICE_OPERATION 0x0000000000000004

typedef struct _PREVENT_MEDIA_REMOVAL {
    BOOLEAN PreventMediaRemoval;
} PREVENT_MEDIA_REMOVAL, *PPREVENT_MEDIA_REMOVAL;

typedef struct _PERSISTENT_RESERVE_COMMAND {
    ULONG Version;
    ULONG Size;
    union {
        struct {
            UCHAR ServiceAction : 5;
            UCHAR Reserved1 : 3;
            USHORT AllocationLength;
        } PR_IN;
        struct {
            UCHAR ServiceAction : 5;
            UCHAR Reserved1 : 3;
            UCHAR Type : 4;
            UCHAR Scope : 4;
            UCHAR ParameterList[0];
        } PR_OUT;
    };
} PERSISTENT_RESERVE_COMMAND, *PPERSISTENT_RESERVE_COMMAND;

/* media */
typedef enum _STORAGE_MEDIA_TYPE {
    DDS_4mm = 0x20, MiniQic, Travan, QIC, MP_8mm, AME_8mm, AIT1_8mm, DLT, NCTP, IBM_3480, IBM_3490E,
    IBM_Magstar_3590, IBM_Magstar_MP, STK_DATA_D3, SONY_DTF, DV_6mm, DMI, SONY_D2, CLEANER_CARTRIDGE, CD_ROM,
    CD_R, CD_RW, DVD_ROM, DVD_R, DVD_RW, MO_3_RW, MO_5_WO, MO_5_RW, MO_5_LIMDOW, PC_5_WO, PC_5_RW, PD_5_RW,
    ABL_5_WO, PINNACLE_APEX_5_RW, SONY_12_WO, PHILIPS_12_WO, HITACHI_12_WO, CYGNET_12_WO, KODAK_14_WO,
    MO_NFR_525, NIKON_12_RW, IOMEGA_ZIP, IOMEGA_JAZ, SYQUEST_EZ135, SYQUEST_EZFLYER, SYQUEST_SYJET, AVATAR_F2,
    MP2_8mm, DST_S, DST_M, DST_L, VXATape_1, VXATape_2, STK_9840, LTO_Ultrium, LTO_Accelis, DVD_RAM, AIT_8mm,
    ADR_1, ADR_2, STK_9940, SAIT, VXATape
} STORAGE_MEDIA_TYPE, *PSTORAGE_MEDIA_TYPE;
#define MEDIA_ERASEABLE 0x00000001
#define MEDIA_WRITE_ONCE 0x00000002
#define MEDIA_READ_ONLY 0x00000004
#define MEDIA_READ_WRITE 0x00000008
#define MEDIA_WRITE_PROTECTED 0x00000100
#define MEDIA_CURRENTLY_MOUNTED 0x80000000

typedef enum _STORAGE_BUS_TYPE {
    BusTypeUnknown = 0x00, BusTypeScsi, BusTypeAtapi, BusTypeAta, BusType1394, BusTypeSsa, BusTypeFibre,
    BusTypeUsb, BusTypeRAID, BusTypeiScsi, BusTypeSas, BusTypeSata, BusTypeSd, BusTypeMmc, BusTypeVirtual,
    BusTypeFileBackedVirtual, BusTypeSpaces, BusTypeNvme, BusTypeSCM, BusTypeUfs, BusTypeNvmeof, BusTypeMax,
    BusTypeMaxReserved = 0x7F
} STORAGE_BUS_TYPE, *PSTORAGE_BUS_TYPE;

typedef struct _DEVICE_MEDIA_INFO {
    union {
        struct {
            LARGE_INTEGER Cylinders;
            STORAGE_MEDIA_TYPE MediaType;
            ULONG TracksPerCylinder;
            ULONG SectorsPerTrack;
            ULONG BytesPerSector;
            ULONG NumberMediaSides;
            ULONG MediaCharacteristics;
        } DiskInfo;
        struct {
            LARGE_INTEGER Cylinders;
            STORAGE_MEDIA_TYPE MediaType;
            ULONG TracksPerCylinder;
            ULONG SectorsPerTrack;
            ULONG BytesPerSector;
            ULONG NumberMediaSides;
            ULONG MediaCharacteristics;
        } RemovableDiskInfo;
        struct {
            STORAGE_MEDIA_TYPE MediaType;
            ULONG MediaCharacteristics;
            ULONG CurrentBlockSize;
            STORAGE_BUS_TYPE BusType;
            union {
                struct {
                    UCHAR MediumType;
                    UCHAR DensityCode;
                } ScsiInformation;
            } BusSpecificData;
        } TapeInfo;
    } DeviceSpecific;
} DEVICE_MEDIA_INFO, *PDEVICE_MEDIA_INFO;

typedef struct _GET_MEDIA_TYPES {
    ULONG DeviceType;
    ULONG MediaInfoCount;
    DEVICE_MEDIA_INFO MediaInfo[1];
} GET_MEDIA_TYPES, *PGET_MEDIA_TYPES;

/* properties */
typedef enum _STORAGE_PROPERTY_ID {
    StorageDeviceProperty = 0,
    StorageAdapterProperty,
    StorageDeviceIdProperty,
    StorageDeviceUniqueIdProperty,
    StorageDeviceWriteCacheProperty,
    StorageMiniportProperty,
    StorageAccessAlignmentProperty,
    StorageDeviceSeekPenaltyProperty,
    StorageDeviceTrimProperty,
    StorageDeviceWriteAggregationProperty,
    StorageDeviceDeviceTelemetryProperty,
    StorageDeviceLBProvisioningProperty,
    StorageDevicePowerProperty,
    StorageDeviceCopyOffloadProperty,
    StorageDeviceResiliencyProperty,
    StorageDeviceMediumProductType,
    StorageAdapterRpmbProperty,
    StorageAdapterCryptoProperty,
    StorageDeviceIoCapabilityProperty = 48,
    StorageAdapterProtocolSpecificProperty,
    StorageDeviceProtocolSpecificProperty,
    StorageAdapterTemperatureProperty,
    StorageDeviceTemperatureProperty,
    StorageAdapterPhysicalTopologyProperty,
    StorageDevicePhysicalTopologyProperty,
    StorageDeviceAttributesProperty,
    StorageDeviceManagementStatus,
    StorageAdapterSerialNumberProperty,
    StorageDeviceLocationProperty,
    StorageDeviceNumaProperty,
    StorageDeviceZonedDeviceProperty,
    StorageDeviceUnsafeShutdownCount,
    StorageDeviceEnduranceProperty,
    StorageDeviceLedStateProperty,
    StorageDeviceSelfEncryptionProperty = 64,
    StorageFruIdProperty
} STORAGE_PROPERTY_ID, *PSTORAGE_PROPERTY_ID;

typedef enum _STORAGE_QUERY_TYPE {
    PropertyStandardQuery = 0, PropertyExistsQuery, PropertyMaskQuery, PropertyQueryMaxDefined
} STORAGE_QUERY_TYPE, *PSTORAGE_QUERY_TYPE;

typedef struct _STORAGE_PROPERTY_QUERY {
    STORAGE_PROPERTY_ID PropertyId;
    STORAGE_QUERY_TYPE QueryType;
    UCHAR AdditionalParameters[1];
} STORAGE_PROPERTY_QUERY, *PSTORAGE_PROPERTY_QUERY;

typedef struct _STORAGE_DESCRIPTOR_HEADER {
    ULONG Version;
    ULONG Size;
} STORAGE_DESCRIPTOR_HEADER, *PSTORAGE_DESCRIPTOR_HEADER;

typedef struct _STORAGE_DEVICE_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    UCHAR DeviceType;
    UCHAR DeviceTypeModifier;
    BOOLEAN RemovableMedia;
    BOOLEAN CommandQueueing;
    ULONG VendorIdOffset;
    ULONG ProductIdOffset;
    ULONG ProductRevisionOffset;
    ULONG SerialNumberOffset;
    STORAGE_BUS_TYPE BusType;
    ULONG RawPropertiesLength;
    UCHAR RawDeviceProperties[1];
} STORAGE_DEVICE_DESCRIPTOR, *PSTORAGE_DEVICE_DESCRIPTOR;

typedef struct _STORAGE_ADAPTER_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    ULONG MaximumTransferLength;
    ULONG MaximumPhysicalPages;
    ULONG AlignmentMask;
    BOOLEAN AdapterUsesPio;
    BOOLEAN AdapterScansDown;
    BOOLEAN CommandQueueing;
    BOOLEAN AcceleratedTransfer;
    UCHAR BusType;
    USHORT BusMajorVersion;
    USHORT BusMinorVersion;
    UCHAR SrbType;
    UCHAR AddressType;
} STORAGE_ADAPTER_DESCRIPTOR, *PSTORAGE_ADAPTER_DESCRIPTOR;

typedef struct _STORAGE_ACCESS_ALIGNMENT_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    ULONG BytesPerCacheLine;
    ULONG BytesOffsetForCacheAlignment;
    ULONG BytesPerLogicalSector;
    ULONG BytesPerPhysicalSector;
    ULONG BytesOffsetForSectorAlignment;
} STORAGE_ACCESS_ALIGNMENT_DESCRIPTOR, *PSTORAGE_ACCESS_ALIGNMENT_DESCRIPTOR;

typedef enum _STORAGE_PORT_CODE_SET {
    StoragePortCodeSetReserved = 0, StoragePortCodeSetStorport = 1, StoragePortCodeSetSCSIport = 2,
    StoragePortCodeSetSpaceport = 3, StoragePortCodeSetATAport = 4, StoragePortCodeSetUSBport = 5,
    StoragePortCodeSetSBP2port = 6, StoragePortCodeSetSDport = 7
} STORAGE_PORT_CODE_SET, *PSTORAGE_PORT_CODE_SET;

typedef struct _STORAGE_MINIPORT_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    STORAGE_PORT_CODE_SET Portdriver;
    BOOLEAN LUNResetSupported;
    BOOLEAN TargetResetSupported;
    USHORT IoTimeoutValue;
    BOOLEAN ExtraIoInfoSupported;
    union {
        struct {
            UCHAR LogicalPoFxForDisk : 1;
            UCHAR Reserved : 7;
        };
        UCHAR AsBYTE;
    } Flags;
    UCHAR Reserved0[2];
    ULONG Reserved1;
} STORAGE_MINIPORT_DESCRIPTOR, *PSTORAGE_MINIPORT_DESCRIPTOR;

typedef struct _STORAGE_MEDIUM_PRODUCT_TYPE_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    ULONG MediumProductType;
} STORAGE_MEDIUM_PRODUCT_TYPE_DESCRIPTOR, *PSTORAGE_MEDIUM_PRODUCT_TYPE_DESCRIPTOR;

typedef struct _STORAGE_DEVICE_IO_CAPABILITY_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    ULONG LunMaxIoCount;
    ULONG AdapterMaxIoCount;
} STORAGE_DEVICE_IO_CAPABILITY_DESCRIPTOR, *PSTORAGE_DEVICE_IO_CAPABILITY_DESCRIPTOR;

typedef enum _STORAGE_IDENTIFIER_CODE_SET {
    StorageIdCodeSetReserved = 0, StorageIdCodeSetBinary = 1, StorageIdCodeSetAscii = 2, StorageIdCodeSetUtf8 = 3
} STORAGE_IDENTIFIER_CODE_SET, *PSTORAGE_IDENTIFIER_CODE_SET;
typedef enum _STORAGE_IDENTIFIER_TYPE {
    StorageIdTypeVendorSpecific = 0, StorageIdTypeVendorId = 1, StorageIdTypeEUI64 = 2, StorageIdTypeFCPHName = 3,
    StorageIdTypePortRelative = 4, StorageIdTypeTargetPortGroup = 5, StorageIdTypeLogicalUnitGroup = 6,
    StorageIdTypeMD5LogicalUnitIdentifier = 7, StorageIdTypeScsiNameString = 8
} STORAGE_IDENTIFIER_TYPE, *PSTORAGE_IDENTIFIER_TYPE;
typedef enum _STORAGE_ASSOCIATION_TYPE {
    StorageIdAssocDevice = 0, StorageIdAssocPort = 1, StorageIdAssocTarget = 2
} STORAGE_ASSOCIATION_TYPE, *PSTORAGE_ASSOCIATION_TYPE;

typedef struct _STORAGE_IDENTIFIER {
    STORAGE_IDENTIFIER_CODE_SET CodeSet;
    STORAGE_IDENTIFIER_TYPE Type;
    USHORT IdentifierSize;
    USHORT NextOffset;
    STORAGE_ASSOCIATION_TYPE Association;
    UCHAR Identifier[1];
} STORAGE_IDENTIFIER, *PSTORAGE_IDENTIFIER;

typedef struct _STORAGE_DEVICE_ID_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    ULONG NumberOfIdentifiers;
    UCHAR Identifiers[1];
} STORAGE_DEVICE_ID_DESCRIPTOR, *PSTORAGE_DEVICE_ID_DESCRIPTOR;

typedef enum _WRITE_CACHE_TYPE { WriteCacheTypeUnknown, WriteCacheTypeNone, WriteCacheTypeWriteBack, WriteCacheTypeWriteThrough } WRITE_CACHE_TYPE;
typedef enum _WRITE_CACHE_ENABLE { WriteCacheEnableUnknown, WriteCacheDisabled, WriteCacheEnabled } WRITE_CACHE_ENABLE;
typedef enum _WRITE_CACHE_CHANGE { WriteCacheChangeUnknown, WriteCacheNotChangeable, WriteCacheChangeable } WRITE_CACHE_CHANGE;
typedef enum _WRITE_THROUGH { WriteThroughUnknown, WriteThroughNotSupported, WriteThroughSupported } WRITE_THROUGH;

typedef struct _STORAGE_WRITE_CACHE_PROPERTY {
    ULONG Version;
    ULONG Size;
    WRITE_CACHE_TYPE WriteCacheType;
    WRITE_CACHE_ENABLE WriteCacheEnabled;
    WRITE_CACHE_CHANGE WriteCacheChangeable;
    WRITE_THROUGH WriteThroughSupported;
    BOOLEAN FlushCacheSupported;
    BOOLEAN UserDefinedPowerProtection;
    BOOLEAN NVCacheEnabled;
} STORAGE_WRITE_CACHE_PROPERTY, *PSTORAGE_WRITE_CACHE_PROPERTY;

typedef struct _DEVICE_SEEK_PENALTY_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    BOOLEAN IncursSeekPenalty;
} DEVICE_SEEK_PENALTY_DESCRIPTOR, *PDEVICE_SEEK_PENALTY_DESCRIPTOR;

typedef struct _DEVICE_TRIM_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    BOOLEAN TrimEnabled;
} DEVICE_TRIM_DESCRIPTOR, *PDEVICE_TRIM_DESCRIPTOR;

typedef struct _DEVICE_LB_PROVISIONING_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    UCHAR ThinProvisioningEnabled : 1;
    UCHAR ThinProvisioningReadZeros : 1;
    UCHAR AnchorSupported : 3;
    UCHAR UnmapGranularityAlignmentValid : 1;
    UCHAR GetFreeSpaceSupported : 1;
    UCHAR MapSupported : 1;
    UCHAR Reserved1[7];
    ULONGLONG OptimalUnmapGranularity;
    ULONGLONG UnmapGranularityAlignment;
    ULONG MaxUnmapLbaCount;
    ULONG MaxUnmapBlockDescriptorCount;
} DEVICE_LB_PROVISIONING_DESCRIPTOR, *PDEVICE_LB_PROVISIONING_DESCRIPTOR;

typedef struct _DEVICE_POWER_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    BOOLEAN DeviceAttentionSupported;
    BOOLEAN AsynchronousNotificationSupported;
    BOOLEAN IdlePowerManagementEnabled;
    BOOLEAN D3ColdEnabled;
    BOOLEAN D3ColdSupported;
    BOOLEAN NoVerifyDuringIdlePower;
    UCHAR Reserved[2];
    ULONG IdleTimeoutInMS;
} DEVICE_POWER_DESCRIPTOR, *PDEVICE_POWER_DESCRIPTOR;

typedef struct _DEVICE_COPY_OFFLOAD_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    ULONG MaximumTokenLifetime;
    ULONG DefaultTokenLifetime;
    ULONGLONG MaximumTransferSize;
    ULONGLONG OptimalTransferCount;
    ULONG MaximumDataDescriptors;
    ULONG MaximumTransferLengthPerDescriptor;
    ULONG OptimalTransferLengthPerDescriptor;
    USHORT OptimalTransferLengthGranularity;
    UCHAR Reserved[2];
} DEVICE_COPY_OFFLOAD_DESCRIPTOR, *PDEVICE_COPY_OFFLOAD_DESCRIPTOR;

typedef struct _STORAGE_LB_PROVISIONING_MAP_RESOURCES {
    ULONG Size;
    ULONG Version;
    UCHAR AvailableMappingResourcesValid : 1;
    UCHAR UsedMappingResourcesValid : 1;
    UCHAR Reserved0 : 6;
    UCHAR Reserved1[3];
    UCHAR AvailableMappingResourcesScope : 2;
    UCHAR UsedMappingResourcesScope : 2;
    UCHAR Reserved2 : 4;
    UCHAR Reserved3[3];
    ULONGLONG AvailableMappingResources;
    ULONGLONG UsedMappingResources;
} STORAGE_LB_PROVISIONING_MAP_RESOURCES, *PSTORAGE_LB_PROVISIONING_MAP_RESOURCES;

/* protocol-specific data (IOCTL_STORAGE_QUERY_PROPERTY / PROTOCOL_COMMAND) */
typedef enum _STORAGE_PROTOCOL_TYPE {
    ProtocolTypeUnknown = 0x00, ProtocolTypeScsi, ProtocolTypeAta, ProtocolTypeNvme, ProtocolTypeSd,
    ProtocolTypeUfs, ProtocolTypeProprietary = 0x7E, ProtocolTypeMaxReserved = 0x7F
} STORAGE_PROTOCOL_TYPE, *PSTORAGE_PROTOCOL_TYPE;
typedef enum _STORAGE_PROTOCOL_ATA_DATA_TYPE {
    AtaDataTypeUnknown = 0, AtaDataTypeIdentify, AtaDataTypeLogPage
} STORAGE_PROTOCOL_ATA_DATA_TYPE, *PSTORAGE_PROTOCOL_ATA_DATA_TYPE;
typedef enum _STORAGE_PROTOCOL_NVME_DATA_TYPE {
    NVMeDataTypeUnknown = 0, NVMeDataTypeIdentify, NVMeDataTypeLogPage, NVMeDataTypeFeature
} STORAGE_PROTOCOL_NVME_DATA_TYPE, *PSTORAGE_PROTOCOL_NVME_DATA_TYPE;

typedef struct _STORAGE_PROTOCOL_SPECIFIC_DATA {
    STORAGE_PROTOCOL_TYPE ProtocolType;
    ULONG DataType;
    ULONG ProtocolDataRequestValue;
    ULONG ProtocolDataRequestSubValue;
    ULONG ProtocolDataOffset;
    ULONG ProtocolDataLength;
    ULONG FixedProtocolReturnData;
    ULONG ProtocolDataRequestSubValue2;
    ULONG ProtocolDataRequestSubValue3;
    ULONG ProtocolDataRequestSubValue4;
} STORAGE_PROTOCOL_SPECIFIC_DATA, *PSTORAGE_PROTOCOL_SPECIFIC_DATA;

typedef struct _STORAGE_PROTOCOL_DATA_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    STORAGE_PROTOCOL_SPECIFIC_DATA ProtocolSpecificData;
} STORAGE_PROTOCOL_DATA_DESCRIPTOR, *PSTORAGE_PROTOCOL_DATA_DESCRIPTOR;

/* temperature */
typedef struct _STORAGE_TEMPERATURE_INFO {
    USHORT Index;
    SHORT Temperature;
    SHORT OverThreshold;
    SHORT UnderThreshold;
    BOOLEAN OverThresholdChangable;
    BOOLEAN UnderThresholdChangable;
    BOOLEAN EventGenerated;
    UCHAR Reserved0;
    ULONG Reserved1;
} STORAGE_TEMPERATURE_INFO, *PSTORAGE_TEMPERATURE_INFO;

typedef struct _STORAGE_TEMPERATURE_DATA_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    SHORT CriticalTemperature;
    SHORT WarningTemperature;
    USHORT InfoCount;
    UCHAR Reserved0[2];
    ULONG Reserved1[2];
    STORAGE_TEMPERATURE_INFO TemperatureInfo[ANYSIZE_ARRAY];
} STORAGE_TEMPERATURE_DATA_DESCRIPTOR, *PSTORAGE_TEMPERATURE_DATA_DESCRIPTOR;

typedef struct _STORAGE_TEMPERATURE_THRESHOLD {
    ULONG Version;
    ULONG Size;
    USHORT Flags;
    USHORT Index;
    SHORT Threshold;
    BOOLEAN OverThreshold;
    UCHAR Reserved;
} STORAGE_TEMPERATURE_THRESHOLD, *PSTORAGE_TEMPERATURE_THRESHOLD;
#define STORAGE_TEMPERATURE_VALUE_NOT_REPORTED 0x8000
#define STORAGE_TEMPERATURE_THRESHOLD_FLAG_ADAPTER_REQUEST 0x0001

/* physical topology */
typedef enum _STORAGE_COMPONENT_HEALTH_STATUS {
    HealthStatusUnknown = 0, HealthStatusNormal, HealthStatusThrottled, HealthStatusWarning, HealthStatusDisabled,
    HealthStatusFailed
} STORAGE_COMPONENT_HEALTH_STATUS, *PSTORAGE_COMPONENT_HEALTH_STATUS;
typedef enum _STORAGE_DEVICE_FORM_FACTOR {
    FormFactorUnknown = 0, FormFactor3_5, FormFactor2_5, FormFactor1_8, FormFactor1_8Less, FormFactorEmbedded,
    FormFactorMemoryCard, FormFactormSata, FormFactorM_2, FormFactorPCIeBoard, FormFactorDimm
} STORAGE_DEVICE_FORM_FACTOR, *PSTORAGE_DEVICE_FORM_FACTOR;
typedef union _STORAGE_SPEC_VERSION {
    struct {
        union {
            struct {
                UCHAR SubMinor;
                UCHAR Minor;
            };
            USHORT AsUshort;
        } MinorVersion;
        USHORT MajorVersion;
    };
    ULONG AsUlong;
} STORAGE_SPEC_VERSION, *PSTORAGE_SPEC_VERSION;

typedef struct _STORAGE_PHYSICAL_DEVICE_DATA {
    ULONG DeviceId;
    ULONG Role;
    STORAGE_COMPONENT_HEALTH_STATUS HealthStatus;
    STORAGE_PROTOCOL_TYPE CommandProtocol;
    STORAGE_SPEC_VERSION SpecVersion;
    STORAGE_DEVICE_FORM_FACTOR FormFactor;
    UCHAR Vendor[8];
    UCHAR Model[40];
    UCHAR FirmwareRevision[16];
    ULONGLONG Capacity;
    UCHAR PhysicalLocation[32];
    ULONG Reserved[2];
} STORAGE_PHYSICAL_DEVICE_DATA, *PSTORAGE_PHYSICAL_DEVICE_DATA;
#define STORAGE_COMPONENT_ROLE_CACHE 0x00000001
#define STORAGE_COMPONENT_ROLE_TIERING 0x00000002
#define STORAGE_COMPONENT_ROLE_DATA 0x00000004

typedef struct _STORAGE_PHYSICAL_ADAPTER_DATA {
    ULONG AdapterId;
    STORAGE_COMPONENT_HEALTH_STATUS HealthStatus;
    STORAGE_PROTOCOL_TYPE CommandProtocol;
    STORAGE_SPEC_VERSION SpecVersion;
    UCHAR Vendor[8];
    UCHAR Model[40];
    UCHAR FirmwareRevision[16];
    UCHAR PhysicalLocation[32];
    BOOLEAN ExpanderConnected;
    UCHAR Reserved0[3];
    ULONG Reserved1[3];
} STORAGE_PHYSICAL_ADAPTER_DATA, *PSTORAGE_PHYSICAL_ADAPTER_DATA;

typedef struct _STORAGE_PHYSICAL_NODE_DATA {
    ULONG NodeId;
    ULONG AdapterCount;
    ULONG AdapterDataLength;
    ULONG AdapterDataOffset;
    ULONG DeviceCount;
    ULONG DeviceDataLength;
    ULONG DeviceDataOffset;
    ULONG Reserved[3];
} STORAGE_PHYSICAL_NODE_DATA, *PSTORAGE_PHYSICAL_NODE_DATA;

typedef struct _STORAGE_PHYSICAL_TOPOLOGY_DESCRIPTOR {
    ULONG Version;
    ULONG Size;
    ULONG NodeCount;
    ULONG Reserved;
    STORAGE_PHYSICAL_NODE_DATA Node[ANYSIZE_ARRAY];
} STORAGE_PHYSICAL_TOPOLOGY_DESCRIPTOR, *PSTORAGE_PHYSICAL_TOPOLOGY_DESCRIPTOR;

/* firmware (IOCTL_STORAGE_FIRMWARE_*) */
#define STORAGE_HW_FIRMWARE_REQUEST_FLAG_CONTROLLER 0x00000001
#define STORAGE_HW_FIRMWARE_REQUEST_FLAG_LAST_SEGMENT 0x00000002
#define STORAGE_HW_FIRMWARE_REQUEST_FLAG_FIRST_SEGMENT 0x00000004
#define STORAGE_HW_FIRMWARE_REQUEST_FLAG_SWITCH_TO_EXISTING_FIRMWARE 0x80000000
#define STORAGE_HW_FIRMWARE_INVALID_SLOT 0xFF
#define STORAGE_HW_FIRMWARE_REVISION_LENGTH 16

typedef struct _STORAGE_HW_FIRMWARE_INFO_QUERY {
    ULONG Version;
    ULONG Size;
    ULONG Flags;
    ULONG Reserved;
} STORAGE_HW_FIRMWARE_INFO_QUERY, *PSTORAGE_HW_FIRMWARE_INFO_QUERY;

typedef struct _STORAGE_HW_FIRMWARE_SLOT_INFO {
    ULONG Version;
    ULONG Size;
    UCHAR SlotNumber;
    UCHAR ReadOnly : 1;
    UCHAR Reserved0 : 7;
    UCHAR Reserved1[6];
    UCHAR Revision[STORAGE_HW_FIRMWARE_REVISION_LENGTH];
} STORAGE_HW_FIRMWARE_SLOT_INFO, *PSTORAGE_HW_FIRMWARE_SLOT_INFO;

typedef struct _STORAGE_HW_FIRMWARE_INFO {
    ULONG Version;
    ULONG Size;
    UCHAR SupportUpgrade : 1;
    UCHAR Reserved0 : 7;
    UCHAR SlotCount;
    UCHAR ActiveSlot;
    UCHAR PendingActivateSlot;
    BOOLEAN FirmwareShared;
    UCHAR Reserved[3];
    ULONG ImagePayloadAlignment;
    ULONG ImagePayloadMaxSize;
    STORAGE_HW_FIRMWARE_SLOT_INFO Slot[ANYSIZE_ARRAY];
} STORAGE_HW_FIRMWARE_INFO, *PSTORAGE_HW_FIRMWARE_INFO;

typedef struct _STORAGE_HW_FIRMWARE_DOWNLOAD {
    ULONG Version;
    ULONG Size;
    ULONG Flags;
    UCHAR Slot;
    UCHAR Reserved[3];
    ULONGLONG Offset;
    ULONGLONG BufferSize;
    UCHAR ImageBuffer[ANYSIZE_ARRAY];
} STORAGE_HW_FIRMWARE_DOWNLOAD, *PSTORAGE_HW_FIRMWARE_DOWNLOAD;

typedef struct _STORAGE_HW_FIRMWARE_DOWNLOAD_V2 {
    ULONG Version;
    ULONG Size;
    ULONG Flags;
    UCHAR Slot;
    UCHAR Reserved[3];
    ULONGLONG Offset;
    ULONGLONG BufferSize;
    ULONG ImageSize;
    ULONG Reserved2;
    UCHAR ImageBuffer[ANYSIZE_ARRAY];
} STORAGE_HW_FIRMWARE_DOWNLOAD_V2, *PSTORAGE_HW_FIRMWARE_DOWNLOAD_V2;

typedef struct _STORAGE_HW_FIRMWARE_ACTIVATE {
    ULONG Version;
    ULONG Size;
    ULONG Flags;
    UCHAR Slot;
    UCHAR Reserved0[3];
} STORAGE_HW_FIRMWARE_ACTIVATE, *PSTORAGE_HW_FIRMWARE_ACTIVATE;

/* data-set management (IOCTL_STORAGE_MANAGE_DATA_SET_ATTRIBUTES) */
typedef ULONG DEVICE_DATA_MANAGEMENT_SET_ACTION, DEVICE_DSM_ACTION;
#define DeviceDsmActionFlag_NonDestructive 0x80000000
#define IsDsmActionNonDestructive(_Action) ((BOOLEAN)((_Action & DeviceDsmActionFlag_NonDestructive) != 0))
#define DeviceDsmAction_None 0x00000000u
#define DeviceDsmAction_Trim 0x00000001u
#define DeviceDsmAction_Notification (0x00000002u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_OffloadRead (0x00000003u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_OffloadWrite 0x00000004u
#define DeviceDsmAction_Allocation (0x00000005u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_Repair (0x00000006u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_Scrub (0x00000007u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_DrtQuery (0x00000008u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_DrtClear (0x00000009u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_DrtDisable (0x0000000Au | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_TieringQuery (0x0000000Bu | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_Map (0x0000000Cu | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_RegenerateParity (0x0000000Du | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_NvCache_Change_Priority (0x0000000Eu | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_NvCache_Evict (0x0000000Fu | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_TopologyIdQuery (0x00000010u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_GetPhysicalAddresses (0x00000011u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_ScopeRegen (0x00000012u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_ReportZones (0x00000013u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_OpenZone 0x00000014u
#define DeviceDsmAction_FinishZone 0x00000015u
#define DeviceDsmAction_CloseZone 0x00000016u
#define DeviceDsmAction_ResetWritePointer 0x00000017u
#define DeviceDsmAction_GetRangeErrorInfo (0x00000018u | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_WriteZeroes 0x00000019u
#define DeviceDsmAction_LostQuery (0x0000001Au | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_GetFreeSpace (0x0000001Bu | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_ConversionQuery (0x0000001Cu | DeviceDsmActionFlag_NonDestructive)
#define DeviceDsmAction_VdtSet 0x0000001Du
#define DEVICE_DSM_FLAG_ENTIRE_DATA_SET_RANGE 0x00000001
#define DEVICE_DSM_FLAG_TRIM_NOT_FS_ALLOCATED 0x80000000
#define DEVICE_DSM_FLAG_TRIM_BYPASS_RZAT 0x40000000

typedef struct _DEVICE_MANAGE_DATA_SET_ATTRIBUTES {
    ULONG Size;
    DEVICE_DSM_ACTION Action;
    ULONG Flags;
    ULONG ParameterBlockOffset;
    ULONG ParameterBlockLength;
    ULONG DataSetRangesOffset;
    ULONG DataSetRangesLength;
} DEVICE_MANAGE_DATA_SET_ATTRIBUTES, *PDEVICE_MANAGE_DATA_SET_ATTRIBUTES, DEVICE_DSM_INPUT, *PDEVICE_DSM_INPUT;

typedef struct _DEVICE_MANAGE_DATA_SET_ATTRIBUTES_OUTPUT {
    ULONG Size;
    DEVICE_DSM_ACTION Action;
    ULONG Flags;
    ULONG OperationStatus;
    ULONG ExtendedError;
    ULONG TargetDetailedError;
    ULONG ReservedStatus;
    ULONG OutputBlockOffset;
    ULONG OutputBlockLength;
} DEVICE_MANAGE_DATA_SET_ATTRIBUTES_OUTPUT, *PDEVICE_MANAGE_DATA_SET_ATTRIBUTES_OUTPUT, DEVICE_DSM_OUTPUT, *PDEVICE_DSM_OUTPUT;

typedef struct _DEVICE_DATA_SET_RANGE {
    LONGLONG StartingOffset;
    ULONGLONG LengthInBytes;
} DEVICE_DATA_SET_RANGE, *PDEVICE_DATA_SET_RANGE, DEVICE_DSM_RANGE, *PDEVICE_DSM_RANGE;

typedef struct _DEVICE_DSM_NOTIFICATION_PARAMETERS {
    ULONG Size;
    ULONG Flags;
    ULONG NumFileTypeIDs;
    GUID FileTypeID[ANYSIZE_ARRAY];
} DEVICE_DSM_NOTIFICATION_PARAMETERS, *PDEVICE_DSM_NOTIFICATION_PARAMETERS;

#define STORAGE_OFFLOAD_MAX_TOKEN_LENGTH 512
#define STORAGE_OFFLOAD_TOKEN_ID_LENGTH 0x1F8
#define STORAGE_OFFLOAD_TOKEN_TYPE_ZERO_DATA 0xFFFF0001
typedef struct _STORAGE_OFFLOAD_TOKEN {
    UCHAR TokenType[4];
    UCHAR Reserved[2];
    UCHAR TokenIdLength[2];
    union {
        struct {
            UCHAR Reserved2[STORAGE_OFFLOAD_TOKEN_ID_LENGTH];
        } StorageOffloadZeroDataToken;
        UCHAR Token[STORAGE_OFFLOAD_TOKEN_ID_LENGTH];
    };
} STORAGE_OFFLOAD_TOKEN, *PSTORAGE_OFFLOAD_TOKEN;

typedef struct _DEVICE_DSM_OFFLOAD_READ_PARAMETERS {
    ULONG Flags;
    ULONG TimeToLive;
    ULONG Reserved[2];
} DEVICE_DSM_OFFLOAD_READ_PARAMETERS, *PDEVICE_DSM_OFFLOAD_READ_PARAMETERS;

typedef struct _DEVICE_DSM_OFFLOAD_WRITE_PARAMETERS {
    ULONG Flags;
    ULONG Reserved;
    ULONGLONG TokenOffset;
    STORAGE_OFFLOAD_TOKEN Token;
} DEVICE_DSM_OFFLOAD_WRITE_PARAMETERS, *PDEVICE_DSM_OFFLOAD_WRITE_PARAMETERS;

typedef struct _STORAGE_OFFLOAD_READ_OUTPUT {
    ULONG OffloadReadFlags;
    ULONG Reserved;
    ULONGLONG LengthProtected;
    ULONG TokenLength;
    STORAGE_OFFLOAD_TOKEN Token;
} STORAGE_OFFLOAD_READ_OUTPUT, *PSTORAGE_OFFLOAD_READ_OUTPUT;
#define STORAGE_OFFLOAD_READ_RANGE_TRUNCATED 0x00000001

typedef struct _STORAGE_OFFLOAD_WRITE_OUTPUT {
    ULONG OffloadWriteFlags;
    ULONG Reserved;
    ULONGLONG LengthCopied;
} STORAGE_OFFLOAD_WRITE_OUTPUT, *PSTORAGE_OFFLOAD_WRITE_OUTPUT;
#define STORAGE_OFFLOAD_WRITE_RANGE_TRUNCATED 0x00000001
#define STORAGE_OFFLOAD_TOKEN_INVALID 0x00000002

typedef struct _DEVICE_DATA_SET_LBP_STATE_PARAMETERS {
    ULONG Version;
    ULONG Size;
    ULONG Flags;
    ULONG OutputVersion;
} DEVICE_DATA_SET_LBP_STATE_PARAMETERS, *PDEVICE_DATA_SET_LBP_STATE_PARAMETERS;
#define DEVICE_DATA_SET_LBP_STATE_PARAMETERS_VERSION_V1 1
#define DEVICE_DATA_SET_LB_PROVISIONING_STATE_VERSION_V2 2

typedef struct _DEVICE_DATA_SET_LB_PROVISIONING_STATE {
    ULONG Size;
    ULONG Version;
    ULONGLONG SlabSizeInBytes;
    ULONG SlabOffsetDeltaInBytes;
    ULONG SlabAllocationBitMapBitCount;
    ULONG SlabAllocationBitMapLength;
    ULONG SlabAllocationBitMap[ANYSIZE_ARRAY];
} DEVICE_DATA_SET_LB_PROVISIONING_STATE, *PDEVICE_DATA_SET_LB_PROVISIONING_STATE;

typedef struct _DEVICE_DATA_SET_LB_PROVISIONING_STATE_V2 {
    ULONG Size;
    ULONG Version;
    ULONGLONG SlabSizeInBytes;
    ULONGLONG SlabOffsetDeltaInBytes;
    ULONG SlabAllocationBitMapBitCount;
    ULONG SlabAllocationBitMapLength;
    ULONG SlabAllocationBitMap[ANYSIZE_ARRAY];
} DEVICE_DATA_SET_LB_PROVISIONING_STATE_V2, *PDEVICE_DATA_SET_LB_PROVISIONING_STATE_V2;

typedef struct _DEVICE_DSM_NVCACHE_CHANGE_PRIORITY_PARAMETERS {
    ULONG Size;
    UCHAR TargetPriority;
    UCHAR Reserved[3];
} DEVICE_DSM_NVCACHE_CHANGE_PRIORITY_PARAMETERS, *PDEVICE_DSM_NVCACHE_CHANGE_PRIORITY_PARAMETERS;

#ifdef __cplusplus
}
#endif
