/* wdk_portcls.h - drvtaint WDK shim: the port class driver (portcls.h): port and miniport
 * interfaces (topology, WaveCyclic, WaveRT and their streams, audio engine nodes, signal
 * processing modes), adapter power management, resource lists, service groups, DMA channels,
 * registry keys, the PC* automation records and filter descriptors, the IMP_* macros that declare
 * an interface's methods in a miniport class, and the Pc* routines. Written from the portcls.h
 * reference pages on learn.microsoft.com (method lists and parameter types as documented). */
#pragma once
#include "wdk_ks.h"
#include "wdk_ksmedia.h"

#ifndef _DT_DEVICE_REGISTRY_PROPERTY_
#define _DT_DEVICE_REGISTRY_PROPERTY_
typedef enum {
    DevicePropertyDeviceDescription = 0,
    DevicePropertyHardwareID,
    DevicePropertyCompatibleIDs,
    DevicePropertyBootConfiguration,
    DevicePropertyBootConfigurationTranslated,
    DevicePropertyClassName,
    DevicePropertyClassGuid,
    DevicePropertyDriverKeyName,
    DevicePropertyManufacturer,
    DevicePropertyFriendlyName,
    DevicePropertyLocationInformation,
    DevicePropertyPhysicalDeviceObjectName,
    DevicePropertyBusTypeGuid,
    DevicePropertyLegacyBusType,
    DevicePropertyBusNumber,
    DevicePropertyEnumeratorName,
    DevicePropertyAddress,
    DevicePropertyUINumber,
    DevicePropertyInstallState,
    DevicePropertyRemovalPolicy,
    DevicePropertyResourceRequirements,
    DevicePropertyAllocatedResources,
    DevicePropertyContainerID
} DEVICE_REGISTRY_PROPERTY;
#endif
#ifndef _DT_DMA_WIDTH_SPEED_
#define _DT_DMA_WIDTH_SPEED_
typedef enum _DMA_WIDTH { Width8Bits, Width16Bits, Width32Bits, Width64Bits, WidthNoWrap, MaximumDmaWidth } DMA_WIDTH,
    *PDMA_WIDTH;
typedef enum _DMA_SPEED { Compatible, TypeA, TypeB, TypeC, TypeF, MaximumDmaSpeed } DMA_SPEED, *PDMA_SPEED;
#endif
typedef UCHAR DT_CM_RESOURCE_TYPE;
#ifndef _DT_IO_TIMER_ROUTINE_
#define _DT_IO_TIMER_ROUTINE_
typedef VOID IO_TIMER_ROUTINE(PDEVICE_OBJECT DeviceObject, PVOID Context);
typedef IO_TIMER_ROUTINE *PIO_TIMER_ROUTINE;
#endif

DT_BEGIN

typedef enum { eVolumeAttribute = 0, eMuteAttribute, ePeakMeterAttribute } eChannelTargetType;
typedef enum { CONSTRICTOR_OPTION_DISABLE = 0, CONSTRICTOR_OPTION_MUTE = 1 } CONSTRICTOR_OPTION;
typedef struct {
    PVOID Register;
    ULONG Width;
    ULONGLONG Numerator;
    ULONGLONG Denominator;
    ULONG Accuracy;
} KSRTAUDIO_HWREGISTER, *PKSRTAUDIO_HWREGISTER;
typedef struct {
    BOOL CopyProtect;
    ULONG Reserved;
    BOOL DigitalOutputDisable;
} DRMRIGHTS, *PDRMRIGHTS;
typedef const DRMRIGHTS *PCDRMRIGHTS;
typedef struct {
    ULONG Flags;
    PDEVICE_OBJECT DeviceObject;
    PFILE_OBJECT FileObject;
    PVOID Context;
} DRMFORWARD, *PDRMFORWARD;
typedef const DRMFORWARD *PCDRMFORWARD;
typedef enum {
    eMINIPORT_IHV_DEFINED,
    eMINIPORT_BUFFER_COMPLETE,
    eMINIPORT_PIN_STATE,
    eMINIPORT_GET_STREAM_POSITION,
    eMINIPORT_SET_WAVERT_BUFFER_WRITE_POSITION,
    eMINIPORT_GET_PRESENTATION_POSITION,
    eMINIPORT_PROGRAM_DMA,
    eMINIPORT_GLITCH_REPORT,
    eMINIPORT_LAST_BUFFER_RENDERED,
    eMINIPORT_PROCESSING_MODE,
    eMINIPORT_FX_CLSID,
    eMINIPORT_MaxValue
} EPcMiniportEngineEvent;

/* ---- automation records ---- */
typedef struct _PCPROPERTY_REQUEST PCPROPERTY_REQUEST, *PPCPROPERTY_REQUEST;
typedef struct _PCMETHOD_REQUEST PCMETHOD_REQUEST, *PPCMETHOD_REQUEST;
typedef struct _PCEVENT_REQUEST PCEVENT_REQUEST, *PPCEVENT_REQUEST;
typedef NTSTATUS (*PCPFNPROPERTY_HANDLER)(PPCPROPERTY_REQUEST PropertyRequest);
typedef NTSTATUS (*PCPFNMETHOD_HANDLER)(PPCMETHOD_REQUEST MethodRequest);
typedef NTSTATUS (*PCPFNEVENT_HANDLER)(PPCEVENT_REQUEST EventRequest);
typedef struct {
    const GUID *Set;
    ULONG Id;
    ULONG Flags;
    PCPFNPROPERTY_HANDLER Handler;
} PCPROPERTY_ITEM, *PPCPROPERTY_ITEM;
typedef struct {
    const GUID *Set;
    ULONG Id;
    ULONG Flags;
    PCPFNMETHOD_HANDLER Handler;
} PCMETHOD_ITEM, *PPCMETHOD_ITEM;
typedef struct {
    const GUID *Set;
    ULONG Id;
    ULONG Flags;
    PCPFNEVENT_HANDLER Handler;
} PCEVENT_ITEM, *PPCEVENT_ITEM;
#define PCPROPERTY_ITEM_FLAG_GET KSPROPERTY_TYPE_GET
#define PCPROPERTY_ITEM_FLAG_SET KSPROPERTY_TYPE_SET
#define PCPROPERTY_ITEM_FLAG_BASICSUPPORT KSPROPERTY_TYPE_BASICSUPPORT
#define PCPROPERTY_ITEM_FLAG_DEFAULTVALUES KSPROPERTY_TYPE_DEFAULTVALUES
#define PCPROPERTY_ITEM_FLAG_SERIALIZERAW KSPROPERTY_TYPE_SERIALIZERAW
#define PCPROPERTY_ITEM_FLAG_UNSERIALIZERAW KSPROPERTY_TYPE_UNSERIALIZERAW
#define PCPROPERTY_ITEM_FLAG_SERIALIZESIZE KSPROPERTY_TYPE_SERIALIZESIZE
#define PCPROPERTY_ITEM_FLAG_SERIALIZE \
    (PCPROPERTY_ITEM_FLAG_SERIALIZERAW | PCPROPERTY_ITEM_FLAG_UNSERIALIZERAW | PCPROPERTY_ITEM_FLAG_SERIALIZESIZE)
#define PCMETHOD_ITEM_FLAG_NONE KSMETHOD_TYPE_NONE
#define PCMETHOD_ITEM_FLAG_READ KSMETHOD_TYPE_READ
#define PCMETHOD_ITEM_FLAG_WRITE KSMETHOD_TYPE_WRITE
#define PCMETHOD_ITEM_FLAG_MODIFY KSMETHOD_TYPE_MODIFY
#define PCMETHOD_ITEM_FLAG_SOURCE KSMETHOD_TYPE_SOURCE
#define PCMETHOD_ITEM_FLAG_BASICSUPPORT KSMETHOD_TYPE_BASICSUPPORT
#define PCEVENT_ITEM_FLAG_ENABLE KSEVENT_TYPE_ENABLE
#define PCEVENT_ITEM_FLAG_ONESHOT KSEVENT_TYPE_ONESHOT
#define PCEVENT_ITEM_FLAG_BASICSUPPORT KSEVENT_TYPE_BASICSUPPORT
#define PCEVENT_VERB_NONE 0
#define PCEVENT_VERB_ADD 1
#define PCEVENT_VERB_REMOVE 2
#define PCEVENT_VERB_SUPPORT 4
struct _PCPROPERTY_REQUEST {
    PUNKNOWN MajorTarget;
    PUNKNOWN MinorTarget;
    ULONG Node;
    const PCPROPERTY_ITEM *PropertyItem;
    ULONG Verb;
    ULONG InstanceSize;
    PVOID Instance;
    ULONG ValueSize;
    PVOID Value;
    PIRP Irp;
};
struct _PCMETHOD_REQUEST {
    PUNKNOWN MajorTarget;
    PUNKNOWN MinorTarget;
    ULONG Node;
    const PCMETHOD_ITEM *MethodItem;
    ULONG Verb;
};
struct _PCEVENT_REQUEST {
    PUNKNOWN MajorTarget;
    PUNKNOWN MinorTarget;
    ULONG Node;
    const PCEVENT_ITEM *EventItem;
    PKSEVENT_ENTRY EventEntry;
    ULONG Verb;
    PIRP Irp;
};
typedef struct {
    ULONG PropertyItemSize;
    ULONG PropertyCount;
    const PCPROPERTY_ITEM *Properties;
    ULONG MethodItemSize;
    ULONG MethodCount;
    const PCMETHOD_ITEM *Methods;
    ULONG EventItemSize;
    ULONG EventCount;
    const PCEVENT_ITEM *Events;
    ULONG Reserved;
} PCAUTOMATION_TABLE, *PPCAUTOMATION_TABLE;
#define DEFINE_PCAUTOMATION_TABLE_PROP(AutomationTable, PropertyTable) \
    const PCAUTOMATION_TABLE AutomationTable = {sizeof(PropertyTable[0]), SIZEOF_ARRAY(PropertyTable), \
                                                (const PCPROPERTY_ITEM *)PropertyTable, 0, 0, NULL, 0, 0, NULL, 0}
#define DEFINE_PCAUTOMATION_TABLE_PROP_EVENT(AutomationTable, PropertyTable, EventTable) \
    const PCAUTOMATION_TABLE AutomationTable = {sizeof(PropertyTable[0]), SIZEOF_ARRAY(PropertyTable), \
                                                (const PCPROPERTY_ITEM *)PropertyTable, 0, 0, NULL, \
                                                sizeof(EventTable[0]), SIZEOF_ARRAY(EventTable), \
                                                (const PCEVENT_ITEM *)EventTable, 0}
#define DEFINE_PCAUTOMATION_TABLE_EVENT(AutomationTable, EventTable) \
    const PCAUTOMATION_TABLE AutomationTable = {0, 0, NULL, 0, 0, NULL, sizeof(EventTable[0]), \
                                                SIZEOF_ARRAY(EventTable), (const PCEVENT_ITEM *)EventTable, 0}
typedef struct {
    ULONG MaxGlobalInstanceCount;
    ULONG MaxFilterInstanceCount;
    ULONG MinFilterInstanceCount;
    const PCAUTOMATION_TABLE *AutomationTable;
    KSPIN_DESCRIPTOR KsPinDescriptor;
} PCPIN_DESCRIPTOR, *PPCPIN_DESCRIPTOR;
typedef struct {
    ULONG Flags;
    const PCAUTOMATION_TABLE *AutomationTable;
    const GUID *Type;
    const GUID *Name;
} PCNODE_DESCRIPTOR, *PPCNODE_DESCRIPTOR;
typedef struct {
    ULONG FromNode;
    ULONG FromNodePin;
    ULONG ToNode;
    ULONG ToNodePin;
} PCCONNECTION_DESCRIPTOR, *PPCCONNECTION_DESCRIPTOR;
#define PCFILTER_NODE KSFILTER_NODE
typedef struct {
    ULONG Version;
    const PCAUTOMATION_TABLE *AutomationTable;
    ULONG PinSize;
    ULONG PinCount;
    const PCPIN_DESCRIPTOR *Pins;
    ULONG NodeSize;
    ULONG NodeCount;
    const PCNODE_DESCRIPTOR *Nodes;
    ULONG ConnectionCount;
    const PCCONNECTION_DESCRIPTOR *Connections;
    ULONG CategoryCount;
    const GUID *Categories;
} PCFILTER_DESCRIPTOR, *PPCFILTER_DESCRIPTOR;
typedef PVOID PPCNOTIFICATION_BUFFER;
typedef PVOID PCSTREAMRESOURCE, *PPCSTREAMRESOURCE;
typedef enum { ePcStreamResourceThread = 0, ePcStreamResourceInterrupt } PCSTREAMRESOURCE_TYPE;
typedef struct {
    ULONG Size;
    PDEVICE_OBJECT Pdo;
    PCSTREAMRESOURCE_TYPE Type;
    union {
        PKINTERRUPT Interrupt;
        PETHREAD Thread; /* drivers store PsGetCurrentThread() here */
    } Resource;
    ULONG Flags;
} PCSTREAMRESOURCE_DESCRIPTOR, *PPCSTREAMRESOURCE_DESCRIPTOR;
#define PCSTREAMRESOURCE_DESCRIPTOR_INIT(Descriptor) \
    RtlZeroMemory((Descriptor), sizeof(PCSTREAMRESOURCE_DESCRIPTOR)); \
    (Descriptor)->Size = sizeof(PCSTREAMRESOURCE_DESCRIPTOR)

/* ---- interfaces ---- */
#ifdef __cplusplus
extern "C++" {
#endif
typedef interface IPort *PPORT;
typedef interface IPortWaveCyclic *PPORTWAVECYCLIC;
typedef interface IPortWaveRT *PPORTWAVERT;
typedef interface IPortWaveRTStream *PPORTWAVERTSTREAM;
typedef interface IPortTopology *PPORTTOPOLOGY;
typedef interface IPortWavePci *PPORTWAVEPCI;
typedef interface IMiniport *PMINIPORT;
typedef interface IMiniportTopology *PMINIPORTTOPOLOGY;
typedef interface IMiniportWaveCyclic *PMINIPORTWAVECYCLIC;
typedef interface IMiniportWaveCyclicStream *PMINIPORTWAVECYCLICSTREAM;
typedef interface IMiniportWaveRT *PMINIPORTWAVERT;
typedef interface IMiniportWaveRTStream *PMINIPORTWAVERTSTREAM;
typedef interface IMiniportWaveRTStreamNotification *PMINIPORTWAVERTSTREAMNOTIFICATION;
typedef interface IResourceList *PRESOURCELIST;
typedef interface IServiceSink *PSERVICESINK;
typedef interface IServiceGroup *PSERVICEGROUP;
typedef interface IDmaChannel *PDMACHANNEL;
typedef interface IDmaChannelSlave *PDMACHANNELSLAVE;
typedef interface IRegistryKey *PREGISTRYKEY;

DECLARE_INTERFACE_(IResourceList, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(ULONG, NumberOfEntries)(THIS) PURE;
    STDMETHOD_(ULONG, NumberOfEntriesOfType)(THIS_ DT_CM_RESOURCE_TYPE Type) PURE;
    STDMETHOD_(PCM_PARTIAL_RESOURCE_DESCRIPTOR, FindTranslatedEntry)(THIS_ DT_CM_RESOURCE_TYPE Type, ULONG Index) PURE;
    STDMETHOD_(PCM_PARTIAL_RESOURCE_DESCRIPTOR, FindUntranslatedEntry)(THIS_ DT_CM_RESOURCE_TYPE Type, ULONG Index) PURE;
    STDMETHOD_(NTSTATUS, AddEntry)(THIS_ PCM_PARTIAL_RESOURCE_DESCRIPTOR Translated,
                                   PCM_PARTIAL_RESOURCE_DESCRIPTOR Untranslated) PURE;
    STDMETHOD_(NTSTATUS, AddEntryFromParent)(THIS_ PRESOURCELIST Parent, DT_CM_RESOURCE_TYPE Type, ULONG Index) PURE;
    STDMETHOD_(PCM_RESOURCE_LIST, TranslatedList)(THIS) PURE;
    STDMETHOD_(PCM_RESOURCE_LIST, UntranslatedList)(THIS) PURE;
};
DECLARE_INTERFACE_(IServiceSink, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(void, RequestService)(THIS) PURE;
};
DECLARE_INTERFACE_(IServiceGroup, IServiceSink)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(void, RequestService)(THIS) PURE;
    STDMETHOD_(NTSTATUS, AddMember)(THIS_ PSERVICESINK ServiceSink) PURE;
    STDMETHOD_(void, RemoveMember)(THIS_ PSERVICESINK ServiceSink) PURE;
    STDMETHOD_(void, SupportDelayedService)(THIS) PURE;
    STDMETHOD_(void, RequestDelayedService)(THIS_ ULONGLONG ullDelay) PURE;
    STDMETHOD_(void, CancelDelayedService)(THIS) PURE;
};
#define DEFINE_ABSTRACT_DMACHANNEL() \
    STDMETHOD_(NTSTATUS, AllocateBuffer)(THIS_ ULONG BufferSize, PPHYSICAL_ADDRESS PhysicalAddressConstraint) PURE; \
    STDMETHOD_(void, FreeBuffer)(THIS) PURE; \
    STDMETHOD_(ULONG, TransferCount)(THIS) PURE; \
    STDMETHOD_(ULONG, MaximumBufferSize)(THIS) PURE; \
    STDMETHOD_(ULONG, AllocatedBufferSize)(THIS) PURE; \
    STDMETHOD_(ULONG, BufferSize)(THIS) PURE; \
    STDMETHOD_(void, SetBufferSize)(THIS_ ULONG BufferSize) PURE; \
    STDMETHOD_(PVOID, SystemAddress)(THIS) PURE; \
    STDMETHOD_(PHYSICAL_ADDRESS, PhysicalAddress)(THIS) PURE; \
    STDMETHOD_(PADAPTER_OBJECT, GetAdapterObject)(THIS) PURE; \
    STDMETHOD_(void, CopyTo)(THIS_ PVOID Destination, PVOID Source, ULONG ByteCount) PURE; \
    STDMETHOD_(void, CopyFrom)(THIS_ PVOID Destination, PVOID Source, ULONG ByteCount) PURE;
DECLARE_INTERFACE_(IDmaChannel, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_DMACHANNEL()
};
DECLARE_INTERFACE_(IDmaChannelSlave, IDmaChannel)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_DMACHANNEL()
    STDMETHOD_(NTSTATUS, Start)(THIS_ ULONG MapSize, BOOLEAN WriteToDevice) PURE;
    STDMETHOD_(NTSTATUS, Stop)(THIS) PURE;
    STDMETHOD_(ULONG, ReadCounter)(THIS) PURE;
    STDMETHOD_(NTSTATUS, WaitForTC)(THIS_ ULONG Timeout) PURE;
};
DECLARE_INTERFACE_(IRegistryKey, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, QueryKey)(THIS_ KEY_INFORMATION_CLASS KeyInformationClass, PVOID KeyInformation,
                                   ULONG Length, PULONG ResultLength) PURE;
    STDMETHOD_(NTSTATUS, EnumerateKey)(THIS_ ULONG Index, KEY_INFORMATION_CLASS KeyInformationClass,
                                       PVOID KeyInformation, ULONG Length, PULONG ResultLength) PURE;
    STDMETHOD_(NTSTATUS, QueryValueKey)(THIS_ PUNICODE_STRING ValueName,
                                        KEY_VALUE_INFORMATION_CLASS KeyValueInformationClass,
                                        PVOID KeyValueInformation, ULONG Length, PULONG ResultLength) PURE;
    STDMETHOD_(NTSTATUS, EnumerateValueKey)(THIS_ ULONG Index, KEY_VALUE_INFORMATION_CLASS KeyValueInformationClass,
                                            PVOID KeyValueInformation, ULONG Length, PULONG ResultLength) PURE;
    STDMETHOD_(NTSTATUS, SetValueKey)(THIS_ PUNICODE_STRING ValueName, ULONG Type, PVOID Data, ULONG DataSize) PURE;
    STDMETHOD_(NTSTATUS, QueryRegistryValues)(THIS_ PRTL_QUERY_REGISTRY_TABLE QueryTable, PVOID Context) PURE;
    STDMETHOD_(NTSTATUS, NewSubKey)(THIS_ PREGISTRYKEY *RegistrySubKey, PUNKNOWN OuterUnknown,
                                    ACCESS_MASK DesiredAccess, PUNICODE_STRING SubKeyName, ULONG CreateOptions,
                                    PULONG Disposition) PURE;
    STDMETHOD_(NTSTATUS, DeleteKey)(THIS) PURE;
};
#define DRIVER_REGISTRY_KEY 0
#define HW_INSTANCE_REGISTRY_KEY 1
#define SERVICE_REGISTRY_KEY 2
#define DEVICE_REGISTRY_KEY 3
#define GENERAL_REGISTRY_KEY 4

#define DEFINE_ABSTRACT_PORT() \
    STDMETHOD_(NTSTATUS, Init)(THIS_ PDEVICE_OBJECT DeviceObject, PIRP Irp, PUNKNOWN UnknownMiniport, \
                               PUNKNOWN UnknownAdapter, PRESOURCELIST ResourceList) PURE; \
    STDMETHOD_(NTSTATUS, GetDeviceProperty)(THIS_ DEVICE_REGISTRY_PROPERTY DeviceProperty, ULONG BufferLength, \
                                            PVOID PropertyBuffer, PULONG ResultLength) PURE; \
    STDMETHOD_(NTSTATUS, NewRegistryKey)(THIS_ PREGISTRYKEY *OutRegistryKey, PUNKNOWN OuterUnknown, \
                                         ULONG RegistryKeyType, ACCESS_MASK DesiredAccess, \
                                         POBJECT_ATTRIBUTES ObjectAttributes, ULONG CreateOptions, \
                                         PULONG Disposition) PURE;
DECLARE_INTERFACE_(IPort, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_PORT()
};
DECLARE_INTERFACE_(IPortTopology, IPort)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_PORT()
};
DECLARE_INTERFACE_(IPortWaveCyclic, IPort)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_PORT()
    STDMETHOD_(void, Notify)(THIS_ PSERVICEGROUP ServiceGroup) PURE;
    STDMETHOD_(NTSTATUS, NewSlaveDmaChannel)(THIS_ PDMACHANNELSLAVE *DmaChannel, PUNKNOWN OuterUnknown,
                                             PRESOURCELIST ResourceList, ULONG DmaIndex, ULONG MaximumLength,
                                             BOOLEAN DemandMode, DMA_SPEED DmaSpeed) PURE;
    STDMETHOD_(NTSTATUS, NewMasterDmaChannel)(THIS_ PDMACHANNEL *DmaChannel, PUNKNOWN OuterUnknown,
                                              PRESOURCELIST ResourceList, ULONG MaximumLength,
                                              BOOLEAN Dma32BitAddresses, BOOLEAN Dma64BitAddresses,
                                              DMA_WIDTH DmaWidth, DMA_SPEED DmaSpeed) PURE;
};
DECLARE_INTERFACE_(IPortWaveRT, IPort)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_PORT()
};
DECLARE_INTERFACE_(IPortWaveRTStream, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(PMDL, AllocatePagesForMdl)(THIS_ PHYSICAL_ADDRESS HighAddress, SIZE_T TotalBytes) PURE;
    STDMETHOD_(PMDL, AllocateContiguousPagesForMdl)(THIS_ PHYSICAL_ADDRESS LowAddress, PHYSICAL_ADDRESS HighAddress,
                                                    SIZE_T TotalBytes) PURE;
    STDMETHOD_(PVOID, MapAllocatedPages)(THIS_ PMDL MemoryDescriptorList, MEMORY_CACHING_TYPE CacheType) PURE;
    STDMETHOD_(void, UnmapAllocatedPages)(THIS_ PVOID BaseAddress, PMDL MemoryDescriptorList) PURE;
    STDMETHOD_(void, FreePagesFromMdl)(THIS_ PMDL MemoryDescriptorList) PURE;
    STDMETHOD_(ULONG, GetPhysicalPagesCount)(THIS_ PMDL MemoryDescriptorList) PURE;
    STDMETHOD_(PHYSICAL_ADDRESS, GetPhysicalPageAddress)(THIS_ PMDL MemoryDescriptorList, ULONG Index) PURE;
};
DECLARE_INTERFACE_(IPortEvents, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(void, AddEventToEventList)(THIS_ PKSEVENT_ENTRY EventEntry) PURE;
    STDMETHOD_(void, GenerateEventList)(THIS_ GUID *Set, ULONG EventId, BOOL PinEvent, ULONG PinId, BOOL NodeEvent,
                                        ULONG NodeId) PURE;
};
typedef IPortEvents *PPORTEVENTS;
DECLARE_INTERFACE_(IPortClsNotifications, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, AllocNotificationBuffer)(THIS_ POOL_TYPE PoolType, USHORT NumberOfBytes,
                                                  PPCNOTIFICATION_BUFFER *NotificationBuffer) PURE;
    STDMETHOD_(void, FreeNotificationBuffer)(THIS_ PPCNOTIFICATION_BUFFER NotificationBuffer) PURE;
    STDMETHOD_(void, SendNotification)(THIS_ const GUID *NotificationId, PPCNOTIFICATION_BUFFER NotificationBuffer) PURE;
};
typedef IPortClsNotifications *PPORTCLSNOTIFICATIONS;
DECLARE_INTERFACE_(IPortClsStreamResourceManager, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, AddStreamResource)(THIS_ PUNKNOWN Unknown, PPCSTREAMRESOURCE_DESCRIPTOR ResourceDescriptor,
                                            PCSTREAMRESOURCE *ResourceHandle) PURE;
    STDMETHOD_(NTSTATUS, RemoveStreamResource)(THIS_ PCSTREAMRESOURCE ResourceHandle) PURE;
};
typedef IPortClsStreamResourceManager *PPORTCLSSTREAMRESOURCEMANAGER, *PPORTCLSStreamResourceManager;
DECLARE_INTERFACE_(IPortClsStreamResourceManager2, IPortClsStreamResourceManager)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, AddStreamResource)(THIS_ PUNKNOWN Unknown, PPCSTREAMRESOURCE_DESCRIPTOR ResourceDescriptor,
                                            PCSTREAMRESOURCE *ResourceHandle) PURE;
    STDMETHOD_(NTSTATUS, RemoveStreamResource)(THIS_ PCSTREAMRESOURCE ResourceHandle) PURE;
    STDMETHOD_(NTSTATUS, AddStreamResource2)(THIS_ PDEVICE_OBJECT PhysicalDeviceObject, PUNKNOWN Unknown,
                                             PPCSTREAMRESOURCE_DESCRIPTOR ResourceDescriptor,
                                             PCSTREAMRESOURCE *ResourceHandle) PURE;
};
typedef IPortClsStreamResourceManager2 *PPORTCLSSTREAMRESOURCEMANAGER2, *PPORTCLSStreamResourceManager2;
DECLARE_INTERFACE_(IPortClsPower, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, RegisterAdapterPowerManagement)(THIS_ PUNKNOWN pUnknown, PDEVICE_OBJECT DeviceObject) PURE;
    STDMETHOD_(NTSTATUS, UnregisterAdapterPowerManagement)(THIS_ PDEVICE_OBJECT DeviceObject) PURE;
    STDMETHOD_(NTSTATUS, SetIdlePowerManagement)(THIS_ PDEVICE_OBJECT DeviceObject, BOOL bEnabled) PURE;
};
typedef IPortClsPower *PPORTCLSPOWER;
typedef NTSTATUS (*PCPFNRUNTIME_POWER_CONTROL_CALLBACK)(LPCGUID PowerControlCode, PVOID InBuffer, SIZE_T InBufferSize,
                                                        PVOID OutBuffer, SIZE_T OutBufferSize, PSIZE_T BytesReturned,
                                                        PVOID Context);
DECLARE_INTERFACE_(IPortClsRuntimePower, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, RegisterPowerControlCallback)(THIS_ PDEVICE_OBJECT DeviceObject,
                                                       PCPFNRUNTIME_POWER_CONTROL_CALLBACK Callback, PVOID Context) PURE;
    STDMETHOD_(NTSTATUS, UnregisterPowerControlCallback)(THIS_ PDEVICE_OBJECT DeviceObject) PURE;
    STDMETHOD_(NTSTATUS, SendPowerControl)(THIS_ PDEVICE_OBJECT DeviceObject, LPCGUID PowerControlCode, PVOID InBuffer,
                                           SIZE_T InBufferSize, PVOID OutBuffer, SIZE_T OutBufferSize,
                                           PSIZE_T BytesReturned) PURE;
};
typedef IPortClsRuntimePower *PPORTCLSRUNTIMEPOWER;

#define DEFINE_ABSTRACT_MINIPORT() \
    STDMETHOD_(NTSTATUS, GetDescription)(THIS_ PPCFILTER_DESCRIPTOR *Description) PURE; \
    STDMETHOD_(NTSTATUS, DataRangeIntersection)(THIS_ ULONG PinId, PKSDATARANGE DataRange, \
                                                PKSDATARANGE MatchingDataRange, ULONG OutputBufferLength, \
                                                PVOID ResultantFormat, PULONG ResultantFormatLength) PURE;
DECLARE_INTERFACE_(IMiniport, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_MINIPORT()
};
DECLARE_INTERFACE_(IMiniportTopology, IMiniport)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_MINIPORT()
    STDMETHOD_(NTSTATUS, Init)(THIS_ PUNKNOWN UnknownAdapter, PRESOURCELIST ResourceList, PPORTTOPOLOGY Port) PURE;
};
DECLARE_INTERFACE_(IMiniportWaveCyclicStream, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, SetFormat)(THIS_ PKSDATAFORMAT DataFormat) PURE;
    STDMETHOD_(ULONG, SetNotificationFreq)(THIS_ ULONG Interval, PULONG FrameSize) PURE;
    STDMETHOD_(NTSTATUS, SetState)(THIS_ KSSTATE State) PURE;
    STDMETHOD_(NTSTATUS, GetPosition)(THIS_ PULONG Position) PURE;
    STDMETHOD_(NTSTATUS, NormalizePhysicalPosition)(THIS_ PLONGLONG PhysicalPosition) PURE;
    STDMETHOD_(void, Silence)(THIS_ PVOID Buffer, ULONG ByteCount) PURE;
};
DECLARE_INTERFACE_(IMiniportWaveCyclic, IMiniport)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_MINIPORT()
    STDMETHOD_(NTSTATUS, Init)(THIS_ PUNKNOWN UnknownAdapter, PRESOURCELIST ResourceList, PPORTWAVECYCLIC Port) PURE;
    STDMETHOD_(NTSTATUS, NewStream)(THIS_ PMINIPORTWAVECYCLICSTREAM *Stream, PUNKNOWN OuterUnknown,
                                    POOL_TYPE PoolType, ULONG Pin, BOOLEAN Capture, PKSDATAFORMAT DataFormat,
                                    PDMACHANNEL *DmaChannel, PSERVICEGROUP *ServiceGroup) PURE;
};
DECLARE_INTERFACE_(IMiniportWaveRTStream, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, SetFormat)(THIS_ PKSDATAFORMAT DataFormat) PURE;
    STDMETHOD_(NTSTATUS, SetState)(THIS_ KSSTATE State) PURE;
    STDMETHOD_(NTSTATUS, GetPosition)(THIS_ PKSAUDIO_POSITION Position) PURE;
    STDMETHOD_(NTSTATUS, AllocateAudioBuffer)(THIS_ ULONG RequestedSize, PMDL *AudioBufferMdl, ULONG *ActualSize,
                                              ULONG *OffsetFromFirstPage, MEMORY_CACHING_TYPE *CacheType) PURE;
    STDMETHOD_(void, FreeAudioBuffer)(THIS_ PMDL AudioBufferMdl, ULONG BufferSize) PURE;
    STDMETHOD_(void, GetHWLatency)(THIS_ PKSRTAUDIO_HWLATENCY hwLatency) PURE;
    STDMETHOD_(NTSTATUS, GetPositionRegister)(THIS_ PKSRTAUDIO_HWREGISTER Register) PURE;
    STDMETHOD_(NTSTATUS, GetClockRegister)(THIS_ PKSRTAUDIO_HWREGISTER Register) PURE;
};
DECLARE_INTERFACE_(IMiniportWaveRTStreamNotification, IMiniportWaveRTStream)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, AllocateBufferWithNotification)(THIS_ ULONG NotificationCount, ULONG RequestedSize,
                                                         PMDL *AudioBufferMdl, ULONG *ActualSize,
                                                         ULONG *OffsetFromFirstPage,
                                                         MEMORY_CACHING_TYPE *CacheType) PURE;
    STDMETHOD_(void, FreeBufferWithNotification)(THIS_ PMDL AudioBufferMdl, ULONG BufferSize) PURE;
    STDMETHOD_(NTSTATUS, RegisterNotificationEvent)(THIS_ PKEVENT NotificationEvent) PURE;
    STDMETHOD_(NTSTATUS, UnregisterNotificationEvent)(THIS_ PKEVENT NotificationEvent) PURE;
};
DECLARE_INTERFACE_(IMiniportWaveRTInputStream, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, GetReadPacket)(THIS_ ULONG *PacketNumber, DWORD *Flags, ULONG64 *PerformanceCounterValue,
                                        BOOL *MoreData) PURE;
};
DECLARE_INTERFACE_(IMiniportWaveRTOutputStream, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, SetWritePacket)(THIS_ ULONG PacketNumber, DWORD Flags, ULONG EosPacketLength) PURE;
    STDMETHOD_(NTSTATUS, GetOutputStreamPresentationPosition)(THIS_ KSAUDIO_PRESENTATION_POSITION *PresentationPosition) PURE;
    STDMETHOD_(NTSTATUS, GetPacketCount)(THIS_ ULONG *PacketCount) PURE;
};
DECLARE_INTERFACE_(IMiniportWaveRT, IMiniport)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_MINIPORT()
    STDMETHOD_(NTSTATUS, Init)(THIS_ PUNKNOWN UnknownAdapter, PRESOURCELIST ResourceList, PPORTWAVERT Port) PURE;
    STDMETHOD_(NTSTATUS, NewStream)(THIS_ PMINIPORTWAVERTSTREAM *Stream, PPORTWAVERTSTREAM PortStream, ULONG Pin,
                                    BOOLEAN Capture, PKSDATAFORMAT DataFormat) PURE;
    STDMETHOD_(NTSTATUS, GetDeviceDescription)(THIS_ PDEVICE_DESCRIPTION DeviceDescription) PURE;
};
DECLARE_INTERFACE_(IMiniportAudioEngineNode, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, GetAudioEngineDescriptor)(THIS_ ULONG ulNodeId, KSAUDIOENGINE_DESCRIPTOR *pAudioEngineDescriptor) PURE;
    STDMETHOD_(NTSTATUS, GetDeviceFormat)(THIS_ ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pFormat, ULONG ulBufferSize) PURE;
    STDMETHOD_(NTSTATUS, SetDeviceFormat)(THIS_ ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pFormat, ULONG ulBufferSize) PURE;
    STDMETHOD_(NTSTATUS, GetMixFormat)(THIS_ ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pFormat, ULONG ulBufferSize) PURE;
    STDMETHOD_(NTSTATUS, GetSupportedDeviceFormats)(THIS_ ULONG ulNodeId, KSMULTIPLE_ITEM *pFormat, ULONG ulBufferSize) PURE;
    STDMETHOD_(NTSTATUS, GetGfxState)(THIS_ ULONG ulNodeId, BOOL *pbEnable) PURE;
    STDMETHOD_(NTSTATUS, SetGfxState)(THIS_ ULONG ulNodeId, BOOL bEnable) PURE;
    STDMETHOD_(NTSTATUS, GetDeviceChannelCount)(THIS_ ULONG ulNodeId, eChannelTargetType targetType, UINT32 *pChannelCount) PURE;
    STDMETHOD_(NTSTATUS, GetDeviceAttributeSteppings)(THIS_ ULONG ulNodeId, eChannelTargetType targetType,
                                                      PKSPROPERTY_STEPPING_LONG pKsPropStepLong, UINT32 ui32DataSize) PURE;
    STDMETHOD_(NTSTATUS, GetDeviceChannelVolume)(THIS_ ULONG ulNodeId, UINT32 uiChannel, LONG *pVolume) PURE;
    STDMETHOD_(NTSTATUS, SetDeviceChannelVolume)(THIS_ ULONG ulNodeId, UINT32 uiChannel, LONG Volume) PURE;
    STDMETHOD_(NTSTATUS, GetDeviceChannelPeakMeter)(THIS_ ULONG ulNodeId, UINT32 uiChannel, LONG *pPeakMeterValue) PURE;
    STDMETHOD_(NTSTATUS, GetDeviceChannelMute)(THIS_ ULONG ulNodeId, UINT32 uiChannel, BOOL *pbMute) PURE;
    STDMETHOD_(NTSTATUS, SetDeviceChannelMute)(THIS_ ULONG ulNodeId, UINT32 uiChannel, BOOL bMute) PURE;
    STDMETHOD_(NTSTATUS, GetBufferSizeRange)(THIS_ ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pKsDataFormatWfx,
                                             KSAUDIOENGINE_BUFFER_SIZE_RANGE *pBufferSizeRange) PURE;
};
DECLARE_INTERFACE_(IMiniportStreamAudioEngineNode, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, GetLfxState)(THIS_ BOOL *pbEnable) PURE;
    STDMETHOD_(NTSTATUS, SetLfxState)(THIS_ BOOL bEnable) PURE;
    STDMETHOD_(NTSTATUS, GetStreamChannelCount)(THIS_ eChannelTargetType targetType, UINT32 *pChannelCount) PURE;
    STDMETHOD_(NTSTATUS, GetStreamAttributeSteppings)(THIS_ eChannelTargetType targetType,
                                                      PKSPROPERTY_STEPPING_LONG pKsPropStepLong, UINT32 ui32DataSize) PURE;
    STDMETHOD_(NTSTATUS, GetStreamChannelVolume)(THIS_ UINT32 uiChannel, LONG *pVolume) PURE;
    STDMETHOD_(NTSTATUS, SetStreamChannelVolume)(THIS_ UINT32 Channel, LONG TargetVolume, AUDIO_CURVE_TYPE CurveType,
                                                 ULONGLONG CurveDuration) PURE;
    STDMETHOD_(NTSTATUS, GetStreamChannelPeakMeter)(THIS_ UINT32 uiChannel, LONG *pPeakMeterValue) PURE;
    STDMETHOD_(NTSTATUS, GetStreamChannelMute)(THIS_ UINT32 uiChannel, BOOL *pbMute) PURE;
    STDMETHOD_(NTSTATUS, SetStreamChannelMute)(THIS_ UINT32 uiChannel, BOOL bMute) PURE;
    STDMETHOD_(NTSTATUS, GetStreamPresentationPosition)(THIS_ KSAUDIO_PRESENTATION_POSITION *pPresentationPosition) PURE;
    STDMETHOD_(NTSTATUS, SetStreamCurrentWritePosition)(THIS_ ULONG ulCurrentWritePosition) PURE;
    STDMETHOD_(NTSTATUS, GetStreamLinearBufferPosition)(THIS_ ULONGLONG *pullLinearBufferPosition) PURE;
    STDMETHOD_(NTSTATUS, SetStreamLoopbackProtection)(THIS_ CONSTRICTOR_OPTION protectionOption) PURE;
};
DECLARE_INTERFACE_(IMiniportStreamAudioEngineNode2, IMiniportStreamAudioEngineNode)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, SetStreamCurrentWritePositionForLastBuffer)(THIS_ ULONG ulWritePosition) PURE;
};
DECLARE_INTERFACE_(IMiniportAudioSignalProcessing, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, GetModes)(THIS_ ULONG Pin, GUID *SignalProcessingModes, ULONG *NumSignalProcessingModes) PURE;
};
DECLARE_INTERFACE_(IMiniportPnpNotify, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(void, PnpStop)(THIS) PURE;
};
DECLARE_INTERFACE_(IDrmAudioStream, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, SetContentId)(THIS_ ULONG contentId, PCDRMRIGHTS drmRights) PURE;
};
DECLARE_INTERFACE_(IPinCount, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(void, PinCount)(THIS_ ULONG PinId, PULONG FilterNecessary, PULONG FilterCurrent, PULONG FilterPossible,
                               PULONG GlobalCurrent, PULONG GlobalPossible) PURE;
};
DECLARE_INTERFACE_(IPinName, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, GetPinName)(THIS_ PIRP Irp, PKSP_PIN Pin, PVOID Data) PURE;
};
#define DEFINE_ABSTRACT_ADAPTERPOWERMANAGEMENT() \
    STDMETHOD_(void, PowerChangeState)(THIS_ POWER_STATE NewState) PURE; \
    STDMETHOD_(NTSTATUS, QueryPowerChangeState)(THIS_ POWER_STATE NewStateQuery) PURE; \
    STDMETHOD_(NTSTATUS, QueryDeviceCapabilities)(THIS_ PDEVICE_CAPABILITIES PowerDeviceCaps) PURE;
DECLARE_INTERFACE_(IAdapterPowerManagement, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_ADAPTERPOWERMANAGEMENT()
};
typedef IAdapterPowerManagement *PADAPTERPOWERMANAGEMENT;
DECLARE_INTERFACE_(IAdapterPowerManagement2, IAdapterPowerManagement)
{
    DEFINE_ABSTRACT_UNKNOWN()
    DEFINE_ABSTRACT_ADAPTERPOWERMANAGEMENT()
    STDMETHOD_(void, PowerChangeState2)(THIS_ DEVICE_POWER_STATE NewDeviceState, SYSTEM_POWER_STATE NewSystemState) PURE;
};
typedef IAdapterPowerManagement2 *PADAPTERPOWERMANAGEMENT2;
DECLARE_INTERFACE_(IUnregisterSubdevice, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, UnregisterSubdevice)(THIS_ PDEVICE_OBJECT DeviceObject, PUNKNOWN Unknown) PURE;
};
typedef IUnregisterSubdevice *PUNREGISTERSUBDEVICE;
DECLARE_INTERFACE_(IUnregisterPhysicalConnection, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, UnregisterPhysicalConnection)(THIS_ PDEVICE_OBJECT DeviceObject, PUNKNOWN FromUnknown,
                                                       ULONG FromPin, PUNKNOWN ToUnknown, ULONG ToPin) PURE;
    STDMETHOD_(NTSTATUS, UnregisterPhysicalConnectionToExternal)(THIS_ PDEVICE_OBJECT DeviceObject,
                                                                 PUNKNOWN FromUnknown, ULONG FromPin,
                                                                 PUNICODE_STRING ToString, ULONG ToPin) PURE;
    STDMETHOD_(NTSTATUS, UnregisterPhysicalConnectionFromExternal)(THIS_ PDEVICE_OBJECT DeviceObject,
                                                                   PUNICODE_STRING FromString, ULONG FromPin,
                                                                   PUNKNOWN ToUnknown, ULONG ToPin) PURE;
};
typedef IUnregisterPhysicalConnection *PUNREGISTERPHYSICALCONNECTION;
DECLARE_INTERFACE_(IPortClsEtwHelper, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, MiniportWriteEtwEvent)(THIS_ EPcMiniportEngineEvent miniportEventType, ULONGLONG pvData1,
                                                ULONGLONG pvData2, ULONGLONG ulData3, ULONGLONG ulData4) PURE;
};
typedef IPortClsEtwHelper *PPORTCLSETWHELPER;
DECLARE_INTERFACE_(IDrmPort, IUnknown)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, CreateContentMixed)(THIS_ PULONG paContentId, ULONG cContentId, PULONG pMixedContentId) PURE;
    STDMETHOD_(NTSTATUS, DestroyContent)(THIS_ ULONG ContentId) PURE;
    STDMETHOD_(NTSTATUS, ForwardContentToFileObject)(THIS_ ULONG ContentId, PFILE_OBJECT FileObject) PURE;
    STDMETHOD_(NTSTATUS, ForwardContentToInterface)(THIS_ ULONG ContentId, PUNKNOWN pUnknown, ULONG NumMethods) PURE;
    STDMETHOD_(NTSTATUS, GetContentRights)(THIS_ ULONG ContentId, PDRMRIGHTS DrmRights) PURE;
};
typedef IDrmPort *PDRMPORT;
DECLARE_INTERFACE_(IDrmPort2, IDrmPort)
{
    DEFINE_ABSTRACT_UNKNOWN()
    STDMETHOD_(NTSTATUS, CreateContentMixed)(THIS_ PULONG paContentId, ULONG cContentId, PULONG pMixedContentId) PURE;
    STDMETHOD_(NTSTATUS, DestroyContent)(THIS_ ULONG ContentId) PURE;
    STDMETHOD_(NTSTATUS, ForwardContentToFileObject)(THIS_ ULONG ContentId, PFILE_OBJECT FileObject) PURE;
    STDMETHOD_(NTSTATUS, ForwardContentToInterface)(THIS_ ULONG ContentId, PUNKNOWN pUnknown, ULONG NumMethods) PURE;
    STDMETHOD_(NTSTATUS, GetContentRights)(THIS_ ULONG ContentId, PDRMRIGHTS DrmRights) PURE;
    STDMETHOD_(NTSTATUS, AddContentHandlers)(THIS_ ULONG ContentId, PVOID *paHandlers, ULONG NumHandlers) PURE;
    STDMETHOD_(NTSTATUS, ForwardContentToDeviceObject)(THIS_ ULONG ContentId, PVOID Reserved,
                                                       PCDRMFORWARD DrmForward) PURE;
};
typedef IDrmPort2 *PDRMPORT2;
#ifdef __cplusplus
}
#endif

/* ---- IMP_*: an interface's methods, declared inside the class that implements it (C++) ---- */
#define IMP_IMiniport \
    STDMETHODIMP_(NTSTATUS) GetDescription(PPCFILTER_DESCRIPTOR *Description); \
    STDMETHODIMP_(NTSTATUS) DataRangeIntersection(ULONG PinId, PKSDATARANGE DataRange, \
                                                  PKSDATARANGE MatchingDataRange, ULONG OutputBufferLength, \
                                                  PVOID ResultantFormat, PULONG ResultantFormatLength)
#define IMP_IMiniportTopology \
    IMP_IMiniport; \
    STDMETHODIMP_(NTSTATUS) Init(PUNKNOWN UnknownAdapter, PRESOURCELIST ResourceList, PPORTTOPOLOGY Port)
#define IMP_IMiniportWaveCyclic \
    IMP_IMiniport; \
    STDMETHODIMP_(NTSTATUS) Init(PUNKNOWN UnknownAdapter, PRESOURCELIST ResourceList, PPORTWAVECYCLIC Port); \
    STDMETHODIMP_(NTSTATUS) NewStream(PMINIPORTWAVECYCLICSTREAM *Stream, PUNKNOWN OuterUnknown, POOL_TYPE PoolType, \
                                      ULONG Pin, BOOLEAN Capture, PKSDATAFORMAT DataFormat, \
                                      PDMACHANNEL *DmaChannel, PSERVICEGROUP *ServiceGroup)
#define IMP_IMiniportWaveCyclicStream \
    STDMETHODIMP_(NTSTATUS) SetFormat(PKSDATAFORMAT DataFormat); \
    STDMETHODIMP_(ULONG) SetNotificationFreq(ULONG Interval, PULONG FrameSize); \
    STDMETHODIMP_(NTSTATUS) SetState(KSSTATE State); \
    STDMETHODIMP_(NTSTATUS) GetPosition(PULONG Position); \
    STDMETHODIMP_(NTSTATUS) NormalizePhysicalPosition(PLONGLONG PhysicalPosition); \
    STDMETHODIMP_(void) Silence(PVOID Buffer, ULONG ByteCount)
#define IMP_IMiniportWaveRT \
    IMP_IMiniport; \
    STDMETHODIMP_(NTSTATUS) Init(PUNKNOWN UnknownAdapter, PRESOURCELIST ResourceList, PPORTWAVERT Port); \
    STDMETHODIMP_(NTSTATUS) NewStream(PMINIPORTWAVERTSTREAM *Stream, PPORTWAVERTSTREAM PortStream, ULONG Pin, \
                                      BOOLEAN Capture, PKSDATAFORMAT DataFormat); \
    STDMETHODIMP_(NTSTATUS) GetDeviceDescription(PDEVICE_DESCRIPTION DeviceDescription)
#define IMP_IMiniportWaveRTStream \
    STDMETHODIMP_(NTSTATUS) SetFormat(PKSDATAFORMAT DataFormat); \
    STDMETHODIMP_(NTSTATUS) SetState(KSSTATE State); \
    STDMETHODIMP_(NTSTATUS) GetPosition(PKSAUDIO_POSITION Position); \
    STDMETHODIMP_(NTSTATUS) AllocateAudioBuffer(ULONG RequestedSize, PMDL *AudioBufferMdl, ULONG *ActualSize, \
                                                ULONG *OffsetFromFirstPage, MEMORY_CACHING_TYPE *CacheType); \
    STDMETHODIMP_(VOID) FreeAudioBuffer(PMDL AudioBufferMdl, ULONG BufferSize); \
    STDMETHODIMP_(VOID) GetHWLatency(PKSRTAUDIO_HWLATENCY hwLatency); \
    STDMETHODIMP_(NTSTATUS) GetPositionRegister(PKSRTAUDIO_HWREGISTER Register); \
    STDMETHODIMP_(NTSTATUS) GetClockRegister(PKSRTAUDIO_HWREGISTER Register)
#define IMP_IMiniportWaveRTStreamNotification \
    STDMETHODIMP_(NTSTATUS) AllocateBufferWithNotification(ULONG NotificationCount, ULONG RequestedSize, \
                                                           PMDL *AudioBufferMdl, ULONG *ActualSize, \
                                                           ULONG *OffsetFromFirstPage, MEMORY_CACHING_TYPE *CacheType); \
    STDMETHODIMP_(VOID) FreeBufferWithNotification(PMDL AudioBufferMdl, ULONG BufferSize); \
    STDMETHODIMP_(NTSTATUS) RegisterNotificationEvent(PKEVENT NotificationEvent); \
    STDMETHODIMP_(NTSTATUS) UnregisterNotificationEvent(PKEVENT NotificationEvent)
#define IMP_IMiniportWaveRTInputStream \
    STDMETHODIMP_(NTSTATUS) GetReadPacket(ULONG *PacketNumber, DWORD *Flags, ULONG64 *PerformanceCounterValue, \
                                          BOOL *MoreData)
#define IMP_IMiniportWaveRTOutputStream \
    STDMETHODIMP_(NTSTATUS) SetWritePacket(ULONG PacketNumber, DWORD Flags, ULONG EosPacketLength); \
    STDMETHODIMP_(NTSTATUS) GetOutputStreamPresentationPosition(KSAUDIO_PRESENTATION_POSITION *PresentationPosition); \
    STDMETHODIMP_(NTSTATUS) GetPacketCount(ULONG *PacketCount)
#define IMP_IMiniportAudioEngineNode \
    STDMETHODIMP_(NTSTATUS) GetAudioEngineDescriptor(ULONG ulNodeId, KSAUDIOENGINE_DESCRIPTOR *pAudioEngineDescriptor); \
    STDMETHODIMP_(NTSTATUS) GetDeviceFormat(ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pFormat, ULONG ulBufferSize); \
    STDMETHODIMP_(NTSTATUS) SetDeviceFormat(ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pFormat, ULONG ulBufferSize); \
    STDMETHODIMP_(NTSTATUS) GetMixFormat(ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pFormat, ULONG ulBufferSize); \
    STDMETHODIMP_(NTSTATUS) GetSupportedDeviceFormats(ULONG ulNodeId, KSMULTIPLE_ITEM *pFormat, ULONG ulBufferSize); \
    STDMETHODIMP_(NTSTATUS) GetGfxState(ULONG ulNodeId, BOOL *pbEnable); \
    STDMETHODIMP_(NTSTATUS) SetGfxState(ULONG ulNodeId, BOOL bEnable); \
    STDMETHODIMP_(NTSTATUS) GetDeviceChannelCount(ULONG ulNodeId, eChannelTargetType targetType, UINT32 *pChannelCount); \
    STDMETHODIMP_(NTSTATUS) GetDeviceAttributeSteppings(ULONG ulNodeId, eChannelTargetType targetType, \
                                                        PKSPROPERTY_STEPPING_LONG pKsPropStepLong, UINT32 ui32DataSize); \
    STDMETHODIMP_(NTSTATUS) GetDeviceChannelVolume(ULONG ulNodeId, UINT32 uiChannel, LONG *pVolume); \
    STDMETHODIMP_(NTSTATUS) SetDeviceChannelVolume(ULONG ulNodeId, UINT32 uiChannel, LONG Volume); \
    STDMETHODIMP_(NTSTATUS) GetDeviceChannelPeakMeter(ULONG ulNodeId, UINT32 uiChannel, LONG *pPeakMeterValue); \
    STDMETHODIMP_(NTSTATUS) GetDeviceChannelMute(ULONG ulNodeId, UINT32 uiChannel, BOOL *pbMute); \
    STDMETHODIMP_(NTSTATUS) SetDeviceChannelMute(ULONG ulNodeId, UINT32 uiChannel, BOOL bMute); \
    STDMETHODIMP_(NTSTATUS) GetBufferSizeRange(ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pKsDataFormatWfx, \
                                               KSAUDIOENGINE_BUFFER_SIZE_RANGE *pBufferSizeRange)
#define IMP_IMiniportStreamAudioEngineNode \
    STDMETHODIMP_(NTSTATUS) GetLfxState(BOOL *pbEnable); \
    STDMETHODIMP_(NTSTATUS) SetLfxState(BOOL bEnable); \
    STDMETHODIMP_(NTSTATUS) GetStreamChannelCount(eChannelTargetType targetType, UINT32 *pChannelCount); \
    STDMETHODIMP_(NTSTATUS) GetStreamAttributeSteppings(eChannelTargetType targetType, \
                                                        PKSPROPERTY_STEPPING_LONG pKsPropStepLong, UINT32 ui32DataSize); \
    STDMETHODIMP_(NTSTATUS) GetStreamChannelVolume(UINT32 uiChannel, LONG *pVolume); \
    STDMETHODIMP_(NTSTATUS) SetStreamChannelVolume(UINT32 Channel, LONG TargetVolume, AUDIO_CURVE_TYPE CurveType, \
                                                   ULONGLONG CurveDuration); \
    STDMETHODIMP_(NTSTATUS) GetStreamChannelPeakMeter(UINT32 uiChannel, LONG *pPeakMeterValue); \
    STDMETHODIMP_(NTSTATUS) GetStreamChannelMute(UINT32 uiChannel, BOOL *pbMute); \
    STDMETHODIMP_(NTSTATUS) SetStreamChannelMute(UINT32 uiChannel, BOOL bMute); \
    STDMETHODIMP_(NTSTATUS) GetStreamPresentationPosition(KSAUDIO_PRESENTATION_POSITION *pPresentationPosition); \
    STDMETHODIMP_(NTSTATUS) SetStreamCurrentWritePosition(ULONG ulCurrentWritePosition); \
    STDMETHODIMP_(NTSTATUS) GetStreamLinearBufferPosition(ULONGLONG *pullLinearBufferPosition); \
    STDMETHODIMP_(NTSTATUS) SetStreamLoopbackProtection(CONSTRICTOR_OPTION protectionOption)
#define IMP_IMiniportStreamAudioEngineNode2 \
    STDMETHODIMP_(NTSTATUS) SetStreamCurrentWritePositionForLastBuffer(ULONG ulWritePosition)
#define IMP_IMiniportAudioSignalProcessing \
    STDMETHODIMP_(NTSTATUS) GetModes(ULONG Pin, GUID *SignalProcessingModes, ULONG *NumSignalProcessingModes)
#define IMP_IMiniportPnpNotify STDMETHODIMP_(void) PnpStop(void)
#define IMP_IDrmAudioStream STDMETHODIMP_(NTSTATUS) SetContentId(ULONG contentId, PCDRMRIGHTS drmRights)
#define IMP_IPinCount \
    STDMETHODIMP_(void) PinCount(ULONG PinId, PULONG FilterNecessary, PULONG FilterCurrent, PULONG FilterPossible, \
                                 PULONG GlobalCurrent, PULONG GlobalPossible)
#define IMP_IAdapterPowerManagement \
    STDMETHODIMP_(void) PowerChangeState(POWER_STATE NewState); \
    STDMETHODIMP_(NTSTATUS) QueryPowerChangeState(POWER_STATE NewStateQuery); \
    STDMETHODIMP_(NTSTATUS) QueryDeviceCapabilities(PDEVICE_CAPABILITIES PowerDeviceCaps)
#define IMP_IAdapterPowerManagement2 \
    IMP_IAdapterPowerManagement; \
    STDMETHODIMP_(void) PowerChangeState2(DEVICE_POWER_STATE NewDeviceState, SYSTEM_POWER_STATE NewSystemState)
#define IMP_IServiceSink STDMETHODIMP_(void) RequestService(void)

/* ---- interface and class ids (declared) ---- */
DEFINE_GUIDEX(CLSID_PortTopology);
DEFINE_GUIDEX(CLSID_PortWaveCyclic);
DEFINE_GUIDEX(CLSID_PortWaveRT);
DEFINE_GUIDEX(CLSID_PortWavePci);
DEFINE_GUIDEX(CLSID_PortMidi);
DEFINE_GUIDEX(CLSID_PortDMus);
DEFINE_GUIDEX(CLSID_MiniportDriverUart);
DEFINE_GUIDEX(CLSID_MiniportDriverFmSynth);
DEFINE_GUIDEX(IID_IPort);
DEFINE_GUIDEX(IID_IPortTopology);
DEFINE_GUIDEX(IID_IPortWaveCyclic);
DEFINE_GUIDEX(IID_IPortWaveRT);
DEFINE_GUIDEX(IID_IPortWaveRTStream);
DEFINE_GUIDEX(IID_IPortWaveRTStream2);
DEFINE_GUIDEX(IID_IPortEvents);
DEFINE_GUIDEX(IID_IPortClsNotifications);
DEFINE_GUIDEX(IID_IPortClsStreamResourceManager);
DEFINE_GUIDEX(IID_IPortClsStreamResourceManager2);
DEFINE_GUIDEX(IID_IPortClsPower);
DEFINE_GUIDEX(IID_IPortClsRuntimePower);
DEFINE_GUIDEX(IID_IPortClsEtwHelper);
DEFINE_GUIDEX(IID_IMiniport);
DEFINE_GUIDEX(IID_IMiniportTopology);
DEFINE_GUIDEX(IID_IMiniportWaveCyclic);
DEFINE_GUIDEX(IID_IMiniportWaveCyclicStream);
DEFINE_GUIDEX(IID_IMiniportWaveRT);
DEFINE_GUIDEX(IID_IMiniportWaveRTStream);
DEFINE_GUIDEX(IID_IMiniportWaveRTStreamNotification);
DEFINE_GUIDEX(IID_IMiniportWaveRTInputStream);
DEFINE_GUIDEX(IID_IMiniportWaveRTOutputStream);
DEFINE_GUIDEX(IID_IMiniportAudioEngineNode);
DEFINE_GUIDEX(IID_IMiniportStreamAudioEngineNode);
DEFINE_GUIDEX(IID_IMiniportStreamAudioEngineNode2);
DEFINE_GUIDEX(IID_IMiniportAudioSignalProcessing);
DEFINE_GUIDEX(IID_IMiniportPnpNotify);
DEFINE_GUIDEX(IID_IAdapterPowerManagement);
DEFINE_GUIDEX(IID_IAdapterPowerManagement2);
DEFINE_GUIDEX(IID_IAdapterPowerManagement3);
DEFINE_GUIDEX(IID_IAdapterPnpManagement);
DEFINE_GUIDEX(IID_IDrmAudioStream);
DEFINE_GUIDEX(IID_IDrmPort);
DEFINE_GUIDEX(IID_IDrmPort2);
DEFINE_GUIDEX(IID_IPinCount);
DEFINE_GUIDEX(IID_IPinName);
DEFINE_GUIDEX(IID_IResourceList);
DEFINE_GUIDEX(IID_IServiceSink);
DEFINE_GUIDEX(IID_IServiceGroup);
DEFINE_GUIDEX(IID_IDmaChannel);
DEFINE_GUIDEX(IID_IRegistryKey);
DEFINE_GUIDEX(IID_IUnregisterSubdevice);
DEFINE_GUIDEX(IID_IUnregisterPhysicalConnection);

/* ---- routines ---- */
typedef NTSTATUS (*PCPFNSTARTDEVICE)(PDEVICE_OBJECT DeviceObject, PIRP Irp, PRESOURCELIST ResourceList);
NTSTATUS PcInitializeAdapterDriver(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPathName,
                                   PDRIVER_ADD_DEVICE AddDevice);
NTSTATUS PcAddAdapterDevice(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT PhysicalDeviceObject,
                            PCPFNSTARTDEVICE StartDevice, ULONG MaxObjects, ULONG DeviceExtensionSize);
NTSTATUS PcDispatchIrp(PDEVICE_OBJECT DeviceObject, PIRP Irp);
NTSTATUS PcCompleteIrp(PDEVICE_OBJECT DeviceObject, PIRP Irp, NTSTATUS Status);
NTSTATUS PcForwardIrpSynchronous(PDEVICE_OBJECT DeviceObject, PIRP Irp);
NTSTATUS PcNewPort(PPORT *OutPort, REFCLSID ClassId);
NTSTATUS PcNewMiniport(PMINIPORT *OutMiniport, REFCLSID ClassId);
NTSTATUS PcRegisterSubdevice(PDEVICE_OBJECT DeviceObject, PWSTR Name, PUNKNOWN Unknown);
NTSTATUS PcRegisterPhysicalConnection(PDEVICE_OBJECT DeviceObject, PUNKNOWN FromUnknown, ULONG FromPin,
                                      PUNKNOWN ToUnknown, ULONG ToPin);
NTSTATUS PcRegisterPhysicalConnectionToExternal(PDEVICE_OBJECT DeviceObject, PUNKNOWN FromUnknown, ULONG FromPin,
                                                PUNICODE_STRING ToString, ULONG ToPin);
NTSTATUS PcRegisterPhysicalConnectionFromExternal(PDEVICE_OBJECT DeviceObject, PUNICODE_STRING FromString,
                                                  ULONG FromPin, PUNKNOWN ToUnknown, ULONG ToPin);
NTSTATUS PcGetPhysicalDeviceObject(PDEVICE_OBJECT DeviceObject, PDEVICE_OBJECT *PhysicalDeviceObject);
NTSTATUS PcRegisterAdapterPowerManagement(PUNKNOWN Unknown, PVOID pvContext1);
NTSTATUS PcUnregisterAdapterPowerManagement(PDEVICE_OBJECT DeviceObject);
NTSTATUS PcRequestNewPowerState(PDEVICE_OBJECT DeviceObject, DEVICE_POWER_STATE RequestedNewState);
NTSTATUS PcNewResourceList(PRESOURCELIST *OutResourceList, PUNKNOWN OuterUnknown, POOL_TYPE PoolType,
                           PCM_RESOURCE_LIST TranslatedResources, PCM_RESOURCE_LIST UntranslatedResources);
NTSTATUS PcNewResourceSublist(PRESOURCELIST *OutResourceList, PUNKNOWN OuterUnknown, POOL_TYPE PoolType,
                              PRESOURCELIST ParentList, ULONG MaximumEntries);
NTSTATUS PcNewServiceGroup(PSERVICEGROUP *OutServiceGroup, PUNKNOWN OuterUnknown);
NTSTATUS PcNewRegistryKey(PREGISTRYKEY *OutRegistryKey, PUNKNOWN OuterUnknown, ULONG RegistryKeyType,
                          ACCESS_MASK DesiredAccess, PVOID DeviceObject, PVOID SubDevice,
                          POBJECT_ATTRIBUTES ObjectAttributes, ULONG CreateOptions, PULONG Disposition);
NTSTATUS PcGetDeviceProperty(PVOID DeviceObject, DEVICE_REGISTRY_PROPERTY DeviceProperty, ULONG BufferLength,
                             PVOID PropertyBuffer, PULONG ResultLength);
NTSTATUS PcCompletePendingPropertyRequest(PPCPROPERTY_REQUEST PropertyRequest, NTSTATUS NtStatus);
ULONGLONG PcGetTimeInterval(ULONGLONG Since);
NTSTATUS PcRegisterIoTimeout(PDEVICE_OBJECT pDeviceObject, PIO_TIMER_ROUTINE pTimerRoutine, PVOID pContext);
NTSTATUS PcUnregisterIoTimeout(PDEVICE_OBJECT pDeviceObject, PIO_TIMER_ROUTINE pTimerRoutine, PVOID pContext);
NTSTATUS PcAddContentHandlers(ULONG ContentId, PVOID *paHandlers, ULONG NumHandlers);
NTSTATUS PcCreateContentMixed(PULONG paContentId, ULONG cContentId, PULONG pMixedContentId);
NTSTATUS PcDestroyContent(ULONG ContentId);
NTSTATUS PcForwardContentToDeviceObject(ULONG ContentId, PVOID Reserved, PVOID DrmForward);
NTSTATUS PcGetContentRights(ULONG ContentId, PDRMRIGHTS DrmRights);
DT_END
