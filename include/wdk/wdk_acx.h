/* wdk_acx.h - drvtaint WDK shim: the audio class extension (ACX, acx.h and the acx*.h headers it
 * gathers). Written from the learn.microsoft.com ACX reference (acxdriver.h, acxdevice.h, acxcircuit.h,
 * acxpin.h, acxstreams.h, acxelements.h, acxrequest.h, acxdataformat.h, acxmisc.h, acxtargets.h,
 * acxevents.h, acxmanager.h, acxcomposite.h): ACX objects are WDF objects, configs are records with a
 * Size set by their _INIT function, callbacks are function types. Nothing here is copied from the WDK. */
#pragma once
#include "wdf.h"
#include "wdk_com.h"
#include "wdk_ks.h"
#include "wdk_mmreg.h"
#include "wdk_ksmedia.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- objects ---- */
/* ACXOBJECT is any ACX object (ACX_CONNECTION_INIT takes circuits and elements alike), so it is a plain
 * handle like WDFOBJECT; every specific ACX handle converts to it and to WDFOBJECT. */
typedef WDFOBJECT ACXOBJECT, *PACXOBJECT;
WDF_DECLARE_HANDLE(ACXCIRCUIT);
WDF_DECLARE_HANDLE(ACXSTREAM);
WDF_DECLARE_HANDLE(ACXPIN);
WDF_DECLARE_HANDLE(ACXELEMENT);
WDF_DECLARE_HANDLE(ACXDATAFORMAT);
WDF_DECLARE_HANDLE(ACXDATAFORMATLIST);
WDF_DECLARE_HANDLE(ACXOBJECTBAG);
WDF_DECLARE_HANDLE(ACXFACTORYCIRCUIT);
WDF_DECLARE_HANDLE(ACXTARGETCIRCUIT);
WDF_DECLARE_HANDLE(ACXTARGETPIN);
WDF_DECLARE_HANDLE(ACXTARGETELEMENT);
WDF_DECLARE_HANDLE(ACXTARGETSTREAM);
WDF_DECLARE_HANDLE(ACXTARGETFACTORYCIRCUIT);
WDF_DECLARE_HANDLE(ACXVOLUME);
WDF_DECLARE_HANDLE(ACXMUTE);
WDF_DECLARE_HANDLE(ACXPEAKMETER);
WDF_DECLARE_HANDLE(ACXJACK);
WDF_DECLARE_HANDLE(ACXAUDIOENGINE);
WDF_DECLARE_HANDLE(ACXSTREAMAUDIOENGINE);
WDF_DECLARE_HANDLE(ACXKEYWORDSPOTTER);
WDF_DECLARE_HANDLE(ACXAUDIOMODULE);
WDF_DECLARE_HANDLE(ACXEVENT);
WDF_DECLARE_HANDLE(ACXEVENTDATA);
WDF_DECLARE_HANDLE(ACXPNPEVENT);
WDF_DECLARE_HANDLE(ACXSTREAMBRIDGE);
WDF_DECLARE_HANDLE(ACXCIRCUITTEMPLATE);
WDF_DECLARE_HANDLE(ACXCOMPOSITETEMPLATE);
WDF_DECLARE_HANDLE(ACXMANAGER);
WDF_DECLARE_HANDLE(ACXSTREAMIO);
typedef PVOID ACXCONTEXT;
typedef struct ACXCIRCUIT_INIT *PACXCIRCUIT_INIT;
typedef struct ACXSTREAM_INIT *PACXSTREAM_INIT;
typedef struct ACXFACTORYCIRCUIT_INIT *PACXFACTORYCIRCUIT_INIT;

/* ACX_IS_FUNCTION_AVAILABLE and ACX_IS_FIELD_AVAILABLE test the loaded ACX version: taken as present. */
#define ACX_IS_FUNCTION_AVAILABLE(_function) TRUE
#define ACX_IS_FIELD_AVAILABLE(_type, _field) TRUE
#define ACX_IS_STRUCTURE_AVAILABLE(_type) TRUE

/* wdm.h's POWER_ACTION, which the WDF shim does not declare yet (other families may also need it). */
#ifndef DRVTAINT_POWER_ACTION_DEFINED
#define DRVTAINT_POWER_ACTION_DEFINED
typedef enum _POWER_ACTION {
    PowerActionNone = 0, PowerActionReserved, PowerActionSleep, PowerActionHibernate, PowerActionShutdown,
    PowerActionShutdownReset, PowerActionShutdownOff, PowerActionWarmEject, PowerActionDisplayOff
} POWER_ACTION, *PPOWER_ACTION;
POWER_ACTION WdfDeviceGetSystemPowerAction(WDFDEVICE Device);
#endif

/* ---- requests (acxrequest.h) ---- */
typedef enum _ACX_REQUEST_TYPE {
    AcxRequestTypeAny = 0, AcxRequestTypeCreate, AcxRequestTypeProperty, AcxRequestTypeMethod,
    AcxRequestTypeEvent, AcxRequestTypeMaximum
} ACX_REQUEST_TYPE, *PACX_REQUEST_TYPE;
typedef enum _ACX_ITEM_TYPE {
    AcxItemTypeAny = 0, AcxItemTypeDevice, AcxItemTypeCircuit, AcxItemTypeStream, AcxItemTypePin,
    AcxItemTypeElement, AcxItemTypeMaximum
} ACX_ITEM_TYPE, *PACX_ITEM_TYPE;
#define AcxItemIdNone ((ULONG)-1)
typedef enum _ACX_PROPERTY_VERB {
    AcxPropertyVerbNone = 0, AcxPropertyVerbGet, AcxPropertyVerbSet, AcxPropertyVerbBasicSupport,
    AcxPropertyVerbSetSupport, AcxPropertyVerbMax
} ACX_PROPERTY_VERB, *PACX_PROPERTY_VERB;
typedef enum _ACX_METHOD_VERB { AcxMethodVerbNone = 0, AcxMethodVerbSend, AcxMethodVerbBasicSupport, AcxMethodVerbMax } ACX_METHOD_VERB, *PACX_METHOD_VERB;
typedef enum _ACX_EVENT_VERB { AcxEventVerbNone = 0, AcxEventVerbEnable, AcxEventVerbDisable, AcxEventVerbBasicSupport, AcxEventVerbMax } ACX_EVENT_VERB, *PACX_EVENT_VERB;

/* The property Value/ValueCb and Control/ControlCb buffers come from the KS request of the caller. */
typedef struct _ACX_REQUEST_PARAMETERS {
    USHORT Size;
    UCHAR MajorFunction;
    UCHAR MinorFunction;
    ACX_REQUEST_TYPE Type;
    union {
        struct {
            GUID Set;
            ULONG Id;
            ACX_PROPERTY_VERB Verb;
            ACX_ITEM_TYPE ItemType;
            ULONG ItemId;
            PVOID Control;
            ULONG ControlCb;
            PVOID Value;
            ULONG ValueCb;
        } Property;
        struct {
            GUID Set;
            ULONG Id;
            ACX_METHOD_VERB Verb;
            ACX_ITEM_TYPE ItemType;
            ULONG ItemId;
            PVOID Args;
            ULONG ArgsCb;
            PVOID Result;
            ULONG ResultCb;
        } Method;
        struct {
            GUID Set;
            ULONG Id;
            ACX_EVENT_VERB Verb;
            ACX_ITEM_TYPE ItemType;
            ULONG ItemId;
            PVOID Data;
            ULONG DataCb;
            ACXEVENTDATA EventData;
        } Event;
        struct {
            PVOID Control;
            ULONG ControlCb;
        } Create;
    } Parameters;
} ACX_REQUEST_PARAMETERS, *PACX_REQUEST_PARAMETERS;

FORCEINLINE VOID ACX_REQUEST_PARAMETERS_INIT(PACX_REQUEST_PARAMETERS Params)
{
    RtlZeroMemory(Params, sizeof(ACX_REQUEST_PARAMETERS));
    Params->Size = sizeof(ACX_REQUEST_PARAMETERS);
}
FORCEINLINE VOID ACX_REQUEST_PARAMETERS_INIT_PROPERTY(PACX_REQUEST_PARAMETERS Params, const GUID Set, ULONG Id,
                                                      ACX_PROPERTY_VERB Verb, ACX_ITEM_TYPE ItemType, ULONG ItemId,
                                                      PVOID Control, ULONG ControlCb, PVOID Value, ULONG ValueCb)
{
    ACX_REQUEST_PARAMETERS_INIT(Params);
    Params->Type = AcxRequestTypeProperty;
    Params->Parameters.Property.Set = Set;
    Params->Parameters.Property.Id = Id;
    Params->Parameters.Property.Verb = Verb;
    Params->Parameters.Property.ItemType = ItemType;
    Params->Parameters.Property.ItemId = ItemId;
    Params->Parameters.Property.Control = Control;
    Params->Parameters.Property.ControlCb = ControlCb;
    Params->Parameters.Property.Value = Value;
    Params->Parameters.Property.ValueCb = ValueCb;
}
FORCEINLINE VOID ACX_REQUEST_PARAMETERS_INIT_METHOD(PACX_REQUEST_PARAMETERS Params, const GUID Set, ULONG Id,
                                                    ACX_METHOD_VERB Verb, ACX_ITEM_TYPE ItemType, ULONG ItemId,
                                                    PVOID Args, ULONG ArgsCb, PVOID Result, ULONG ResultCb)
{
    ACX_REQUEST_PARAMETERS_INIT(Params);
    Params->Type = AcxRequestTypeMethod;
    Params->Parameters.Method.Set = Set;
    Params->Parameters.Method.Id = Id;
    Params->Parameters.Method.Verb = Verb;
    Params->Parameters.Method.ItemType = ItemType;
    Params->Parameters.Method.ItemId = ItemId;
    Params->Parameters.Method.Args = Args;
    Params->Parameters.Method.ArgsCb = ArgsCb;
    Params->Parameters.Method.Result = Result;
    Params->Parameters.Method.ResultCb = ResultCb;
}
VOID AcxRequestGetParameters(WDFREQUEST Request, PACX_REQUEST_PARAMETERS Parameters);

typedef VOID EVT_ACX_OBJECT_PROCESS_REQUEST(ACXOBJECT Object, WDFREQUEST Request);
typedef EVT_ACX_OBJECT_PROCESS_REQUEST *PFN_ACX_OBJECT_PROCESS_REQUEST;
typedef VOID EVT_ACX_OBJECT_PREPROCESS_REQUEST(ACXOBJECT Object, ACXCONTEXT DriverContext, WDFREQUEST Request);
typedef EVT_ACX_OBJECT_PREPROCESS_REQUEST *PFN_ACX_OBJECT_PREPROCESS_REQUEST;

#define ACX_PROPERTY_ITEM_FLAG_NONE 0x00000000
#define ACX_PROPERTY_ITEM_FLAG_GET 0x00000001
#define ACX_PROPERTY_ITEM_FLAG_SET 0x00000002
#define ACX_PROPERTY_ITEM_FLAG_BASICSUPPORT 0x00000004
#define ACX_METHOD_ITEM_FLAG_NONE 0x00000000
#define ACX_METHOD_ITEM_FLAG_SEND 0x00000001
#define ACX_METHOD_ITEM_FLAG_BASICSUPPORT 0x00000002
typedef struct _ACX_PROPERTY_ITEM {
    const GUID *Set;
    ULONG Id;
    ULONG Flags;
    PFN_ACX_OBJECT_PROCESS_REQUEST EvtAcxObjectProcessRequest;
    PVOID Reserved;
    ULONG ControlCb;
    ULONG ValueCb;
    ULONG ValueType;
} ACX_PROPERTY_ITEM, *PACX_PROPERTY_ITEM;
typedef struct _ACX_METHOD_ITEM {
    const GUID *Set;
    ULONG Id;
    ULONG Flags;
    PFN_ACX_OBJECT_PROCESS_REQUEST EvtAcxObjectProcessRequest;
    PVOID Reserved;
    ULONG ArgsCb;
    ULONG ResultCb;
} ACX_METHOD_ITEM, *PACX_METHOD_ITEM;

/* ---- driver and device (acxdriver.h, acxdevice.h) ---- */
typedef struct _ACX_DRIVER_CONFIG {
    ULONG Size;
    ULONG Flags;
} ACX_DRIVER_CONFIG, *PACX_DRIVER_CONFIG;
FORCEINLINE VOID ACX_DRIVER_CONFIG_INIT(PACX_DRIVER_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_DRIVER_CONFIG));
    Config->Size = sizeof(ACX_DRIVER_CONFIG);
}
typedef struct _ACX_DRIVER_VERSION_AVAILABLE_PARAMS {
    ULONG Size;
    ULONG MajorVersion;
    ULONG MinorVersion;
} ACX_DRIVER_VERSION_AVAILABLE_PARAMS, *PACX_DRIVER_VERSION_AVAILABLE_PARAMS;
FORCEINLINE VOID ACX_DRIVER_VERSION_AVAILABLE_PARAMS_INIT(PACX_DRIVER_VERSION_AVAILABLE_PARAMS Params, ULONG MajorVersion,
                                                          ULONG MinorVersion)
{
    RtlZeroMemory(Params, sizeof(ACX_DRIVER_VERSION_AVAILABLE_PARAMS));
    Params->Size = sizeof(ACX_DRIVER_VERSION_AVAILABLE_PARAMS);
    Params->MajorVersion = MajorVersion;
    Params->MinorVersion = MinorVersion;
}
NTSTATUS AcxDriverInitialize(WDFDRIVER Driver, PACX_DRIVER_CONFIG Config);
BOOLEAN AcxDriverIsVersionAvailable(WDFDRIVER Driver, PACX_DRIVER_VERSION_AVAILABLE_PARAMS VersionAvailableParams);

typedef enum _ACX_DEVICEINIT_CONFIG_FLAGS { AcxDeviceInitConfigNoFlags = 0, AcxDeviceInitConfigRawDevice = 0x1 } ACX_DEVICEINIT_CONFIG_FLAGS;
typedef struct _ACX_DEVICEINIT_CONFIG {
    ULONG Size;
    ULONG Flags;
    ULONG SynchronizationScope;
} ACX_DEVICEINIT_CONFIG, *PACX_DEVICEINIT_CONFIG;
FORCEINLINE VOID ACX_DEVICEINIT_CONFIG_INIT(PACX_DEVICEINIT_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_DEVICEINIT_CONFIG));
    Config->Size = sizeof(ACX_DEVICEINIT_CONFIG);
}
NTSTATUS AcxDeviceInitInitialize(PWDFDEVICE_INIT DeviceInit, PACX_DEVICEINIT_CONFIG Config);

typedef struct _ACX_DEVICE_CONFIG {
    ULONG Size;
    ULONG Flags;
} ACX_DEVICE_CONFIG, *PACX_DEVICE_CONFIG;
FORCEINLINE VOID ACX_DEVICE_CONFIG_INIT(PACX_DEVICE_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_DEVICE_CONFIG));
    Config->Size = sizeof(ACX_DEVICE_CONFIG);
}
NTSTATUS AcxDeviceInitialize(WDFDEVICE Device, PACX_DEVICE_CONFIG Config);
NTSTATUS AcxDeviceAddCircuit(WDFDEVICE Device, ACXCIRCUIT Circuit);
NTSTATUS AcxDeviceRemoveCircuit(WDFDEVICE Device, ACXCIRCUIT Circuit);
NTSTATUS AcxDeviceAddCircuitDevice(WDFDEVICE Device, WDFDEVICE CircuitDevice);
NTSTATUS AcxDeviceRemoveCircuitDevice(WDFDEVICE Device, WDFDEVICE CircuitDevice);
NTSTATUS AcxDeviceAddFactoryCircuit(WDFDEVICE Device, ACXFACTORYCIRCUIT Factory);
NTSTATUS AcxDeviceRemoveFactoryCircuit(WDFDEVICE Device, ACXFACTORYCIRCUIT Factory);
typedef enum _ACX_DX_EXIT_LATENCY {
    AcxDxExitLatencyInstant = 0, AcxDxExitLatencyFast, AcxDxExitLatencyResponsive, AcxDxExitLatencyMaximum
} ACX_DX_EXIT_LATENCY, *PACX_DX_EXIT_LATENCY;
ACX_DX_EXIT_LATENCY AcxDeviceGetCurrentDxExitLatency(WDFDEVICE Device, POWER_ACTION SystemPowerAction,
                                                     WDF_POWER_DEVICE_STATE DevicePowerState);

/* ---- object bags (acxmisc.h) ---- */
typedef struct _ACX_OBJECTBAG_CONFIG {
    ULONG Size;
    ULONG Flags;
    HANDLE Handle;
    ACCESS_MASK DesiredAccess;
} ACX_OBJECTBAG_CONFIG, *PACX_OBJECTBAG_CONFIG;
FORCEINLINE VOID ACX_OBJECTBAG_CONFIG_INIT(PACX_OBJECTBAG_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_OBJECTBAG_CONFIG));
    Config->Size = sizeof(ACX_OBJECTBAG_CONFIG);
}
typedef enum _ACX_OBJECTBAG_CONFIG_FLAGS { AcxObjectBagConfigNoFlags = 0, AcxObjectBagConfigOpenWithHandle = 0x1 } ACX_OBJECTBAG_CONFIG_FLAGS;
/* The property names are constant UNICODE_STRINGs with a fixed prefix per namespace. */
#define DECLARE_CONST_ACXOBJECTBAG_SYSTEM_PROPERTY_NAME(_name) \
    DECLARE_CONST_UNICODE_STRING(_name, L"msft_" L## #_name)
#define DECLARE_CONST_ACXOBJECTBAG_DRIVER_PROPERTY_NAME(_vendor, _name) \
    DECLARE_CONST_UNICODE_STRING(_name, L## #_vendor L"_" L## #_name)
#define DECLARE_CONST_ACXOBJECTBAG_SOUNDWIRE_PROPERTY_NAME(_name) \
    DECLARE_CONST_UNICODE_STRING(_name, L"sdw_" L## #_name)
NTSTATUS AcxObjectBagCreate(PWDF_OBJECT_ATTRIBUTES Attributes, PACX_OBJECTBAG_CONFIG Config, ACXOBJECTBAG *ObjBag);
NTSTATUS AcxObjectBagOpen(PWDF_OBJECT_ATTRIBUTES Attributes, PACX_OBJECTBAG_CONFIG Config, ACXOBJECTBAG *ObjBag);
NTSTATUS AcxObjectBagAddUI1(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, UCHAR Value);
NTSTATUS AcxObjectBagAddUI2(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, USHORT Value);
NTSTATUS AcxObjectBagAddUI4(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, ULONG Value);
NTSTATUS AcxObjectBagAddUI8(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, ULONG64 Value);
NTSTATUS AcxObjectBagAddI1(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, CHAR Value);
NTSTATUS AcxObjectBagAddI2(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, SHORT Value);
NTSTATUS AcxObjectBagAddI4(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, LONG Value);
NTSTATUS AcxObjectBagAddI8(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, LONG64 Value);
NTSTATUS AcxObjectBagAddGuid(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, GUID Value);
NTSTATUS AcxObjectBagAddBlob(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, WDFMEMORY Value);
NTSTATUS AcxObjectBagAddString(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, WDFSTRING Value);
NTSTATUS AcxObjectBagAddUnicodeString(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, PCUNICODE_STRING Value);
NTSTATUS AcxObjectBagAddMultiString(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, WDFCOLLECTION Value);
NTSTATUS AcxObjectBagRetrieveUI1(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, UCHAR *Value);
NTSTATUS AcxObjectBagRetrieveUI2(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, USHORT *Value);
NTSTATUS AcxObjectBagRetrieveUI4(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, ULONG *Value);
NTSTATUS AcxObjectBagRetrieveUI8(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, ULONG64 *Value);
NTSTATUS AcxObjectBagRetrieveI4(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, LONG *Value);
NTSTATUS AcxObjectBagRetrieveGuid(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, GUID *Value);
NTSTATUS AcxObjectBagRetrieveBlob(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, PWDF_OBJECT_ATTRIBUTES Attributes,
                                  WDFMEMORY *Value);
NTSTATUS AcxObjectBagRetrieveString(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName, WDFSTRING Value);
NTSTATUS AcxObjectBagRetrieveUnicodeString(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName,
                                           PWDF_OBJECT_ATTRIBUTES Attributes, PUNICODE_STRING Value);
NTSTATUS AcxObjectBagRetrieveMultiString(ACXOBJECTBAG ObjBag, PCUNICODE_STRING ValueName,
                                         PWDF_OBJECT_ATTRIBUTES StringsAttributes, WDFCOLLECTION Value);

/* ---- data formats (acxdataformat.h) ---- */
typedef enum _ACX_DATAFORMAT_TYPE { AcxDataFormatKsFormat = 1, AcxDataFormatMaximum } ACX_DATAFORMAT_TYPE;
typedef struct _ACX_DATAFORMAT_CONFIG {
    ULONG Size;
    ULONG Flags;
    ACX_DATAFORMAT_TYPE Type;
    union {
        PKSDATAFORMAT KsFormat;
    } u;
} ACX_DATAFORMAT_CONFIG, *PACX_DATAFORMAT_CONFIG;
FORCEINLINE VOID ACX_DATAFORMAT_CONFIG_INIT_KS(PACX_DATAFORMAT_CONFIG Config, PVOID KsFormat)
{
    RtlZeroMemory(Config, sizeof(ACX_DATAFORMAT_CONFIG));
    Config->Size = sizeof(ACX_DATAFORMAT_CONFIG);
    Config->Type = AcxDataFormatKsFormat;
    Config->u.KsFormat = (PKSDATAFORMAT)KsFormat;
}
NTSTATUS AcxDataFormatCreate(WDFDEVICE Device, PWDF_OBJECT_ATTRIBUTES Attributes, PACX_DATAFORMAT_CONFIG Config,
                             ACXDATAFORMAT *Format);
BOOLEAN AcxDataFormatIsEqual(ACXDATAFORMAT Format1, ACXDATAFORMAT Format2);
PVOID AcxDataFormatGetKsDataFormat(ACXDATAFORMAT Format);
PVOID AcxDataFormatGetWaveFormatExtensible(ACXDATAFORMAT Format);
PVOID AcxDataFormatGetWaveFormatEx(ACXDATAFORMAT Format);
ULONG AcxDataFormatGetSampleSize(ACXDATAFORMAT Format);
ULONG AcxDataFormatGetChannelsCount(ACXDATAFORMAT Format);
ULONG AcxDataFormatGetSampleRate(ACXDATAFORMAT Format);
ULONG AcxDataFormatGetBitsPerSample(ACXDATAFORMAT Format);
ULONG AcxDataFormatGetValidBitsPerSample(ACXDATAFORMAT Format);
ULONG AcxDataFormatGetBlockAlign(ACXDATAFORMAT Format);
ULONG AcxDataFormatGetAverageBytesPerSec(ACXDATAFORMAT Format);
ULONG AcxDataFormatGetChannelMask(ACXDATAFORMAT Format);
GUID AcxDataFormatGetFormatType(ACXDATAFORMAT Format);
GUID AcxDataFormatGetSubFormatType(ACXDATAFORMAT Format);

typedef struct _ACX_DATAFORMAT_LIST_CONFIG {
    ULONG Size;
    ULONG Flags;
    ULONG FormatsCount;
    ACXDATAFORMAT *Formats;
} ACX_DATAFORMAT_LIST_CONFIG, *PACX_DATAFORMAT_LIST_CONFIG;
FORCEINLINE VOID ACX_DATAFORMAT_LIST_CONFIG_INIT(PACX_DATAFORMAT_LIST_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_DATAFORMAT_LIST_CONFIG));
    Config->Size = sizeof(ACX_DATAFORMAT_LIST_CONFIG);
}
typedef struct _ACX_DATAFORMAT_LIST_ITERATOR {
    ULONG Size;
    PVOID Reserved[4];
} ACX_DATAFORMAT_LIST_ITERATOR, *PACX_DATAFORMAT_LIST_ITERATOR;
FORCEINLINE VOID ACX_DATAFORMAT_LIST_ITERATOR_INIT(PACX_DATAFORMAT_LIST_ITERATOR Iterator)
{
    RtlZeroMemory(Iterator, sizeof(ACX_DATAFORMAT_LIST_ITERATOR));
    Iterator->Size = sizeof(ACX_DATAFORMAT_LIST_ITERATOR);
}
NTSTATUS AcxDataFormatListCreate(WDFDEVICE Device, PWDF_OBJECT_ATTRIBUTES Attributes,
                                 PACX_DATAFORMAT_LIST_CONFIG Config, ACXDATAFORMATLIST *FormatList);
NTSTATUS AcxDataFormatListAddDataFormat(ACXDATAFORMATLIST FormatList, ACXDATAFORMAT DataFormat);
NTSTATUS AcxDataFormatListRemoveDataFormat(ACXDATAFORMATLIST FormatList, ACXDATAFORMAT DataFormat);
NTSTATUS AcxDataFormatListRemoveDataFormats(ACXDATAFORMATLIST FormatList);
NTSTATUS AcxDataFormatListAssignDefaultDataFormat(ACXDATAFORMATLIST FormatList, ACXDATAFORMAT DataFormat);
NTSTATUS AcxDataFormatListRetrieveDefaultDataFormat(ACXDATAFORMATLIST FormatList, ACXDATAFORMAT *DataFormat);
VOID AcxDataFormatListBeginIteration(ACXDATAFORMATLIST FormatList, PACX_DATAFORMAT_LIST_ITERATOR Iterator);
NTSTATUS AcxDataFormatListRetrieveNextFormat(ACXDATAFORMATLIST FormatList, PACX_DATAFORMAT_LIST_ITERATOR Iterator,
                                             ACXDATAFORMAT *Format);
VOID AcxDataFormatListEndIteration(ACXDATAFORMATLIST FormatList, PACX_DATAFORMAT_LIST_ITERATOR Iterator);

/* ---- circuits (acxcircuit.h) ---- */
typedef enum _ACX_CIRCUIT_TYPE {
    AcxCircuitTypeRender = 0, AcxCircuitTypeCapture, AcxCircuitTypeOther, AcxCircuitTypeMaximum
} ACX_CIRCUIT_TYPE, *PACX_CIRCUIT_TYPE;
typedef NTSTATUS EVT_ACX_CIRCUIT_CREATE_STREAM(WDFDEVICE Device, ACXCIRCUIT Circuit, ACXPIN Pin,
                                               PACXSTREAM_INIT StreamInit, ACXDATAFORMAT StreamFormat,
                                               const GUID *SignalProcessingMode, ACXOBJECTBAG VarArguments);
typedef EVT_ACX_CIRCUIT_CREATE_STREAM *PFN_ACX_CIRCUIT_CREATE_STREAM;
typedef NTSTATUS EVT_ACX_CIRCUIT_POWER_UP(WDFDEVICE Device, ACXCIRCUIT Circuit, WDF_POWER_DEVICE_STATE PreviousState);
typedef EVT_ACX_CIRCUIT_POWER_UP *PFN_ACX_CIRCUIT_POWER_UP;
typedef NTSTATUS EVT_ACX_CIRCUIT_POWER_DOWN(WDFDEVICE Device, ACXCIRCUIT Circuit, WDF_POWER_DEVICE_STATE TargetState);
typedef EVT_ACX_CIRCUIT_POWER_DOWN *PFN_ACX_CIRCUIT_POWER_DOWN;
typedef NTSTATUS EVT_ACX_CIRCUIT_PREPARE_HARDWARE(WDFDEVICE Device, ACXCIRCUIT Circuit, ACXOBJECTBAG ResourceList);
typedef EVT_ACX_CIRCUIT_PREPARE_HARDWARE *PFN_ACX_CIRCUIT_PREPARE_HARDWARE;
typedef NTSTATUS EVT_ACX_CIRCUIT_RELEASE_HARDWARE(WDFDEVICE Device, ACXCIRCUIT Circuit);
typedef EVT_ACX_CIRCUIT_RELEASE_HARDWARE *PFN_ACX_CIRCUIT_RELEASE_HARDWARE;
typedef struct _ACX_CIRCUIT_PNPPOWER_CALLBACKS {
    ULONG Size;
    PFN_ACX_CIRCUIT_PREPARE_HARDWARE EvtAcxCircuitPrepareHardware;
    PFN_ACX_CIRCUIT_RELEASE_HARDWARE EvtAcxCircuitReleaseHardware;
    PFN_ACX_CIRCUIT_POWER_UP EvtAcxCircuitPowerUp;
    PFN_ACX_CIRCUIT_POWER_DOWN EvtAcxCircuitPowerDown;
} ACX_CIRCUIT_PNPPOWER_CALLBACKS, *PACX_CIRCUIT_PNPPOWER_CALLBACKS;
FORCEINLINE VOID ACX_CIRCUIT_PNPPOWER_CALLBACKS_INIT(PACX_CIRCUIT_PNPPOWER_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_CIRCUIT_PNPPOWER_CALLBACKS));
    Callbacks->Size = sizeof(ACX_CIRCUIT_PNPPOWER_CALLBACKS);
}
typedef NTSTATUS EVT_ACX_CIRCUIT_COMPOSITE_CIRCUIT_INITIALIZE(WDFDEVICE Device, ACXCIRCUIT Circuit,
                                                              ACXOBJECTBAG CircuitProperties);
typedef EVT_ACX_CIRCUIT_COMPOSITE_CIRCUIT_INITIALIZE *PFN_ACX_CIRCUIT_COMPOSITE_CIRCUIT_INITIALIZE;
typedef NTSTATUS EVT_ACX_CIRCUIT_COMPOSITE_INITIALIZE(WDFDEVICE Device, ACXCIRCUIT Circuit,
                                                      ACXOBJECTBAG CompositeProperties);
typedef EVT_ACX_CIRCUIT_COMPOSITE_INITIALIZE *PFN_ACX_CIRCUIT_COMPOSITE_INITIALIZE;
typedef struct _ACX_CIRCUIT_COMPOSITE_CALLBACKS {
    ULONG Size;
    PFN_ACX_CIRCUIT_COMPOSITE_CIRCUIT_INITIALIZE EvtAcxCircuitCompositeCircuitInitialize;
    PFN_ACX_CIRCUIT_COMPOSITE_INITIALIZE EvtAcxCircuitCompositeInitialize;
} ACX_CIRCUIT_COMPOSITE_CALLBACKS, *PACX_CIRCUIT_COMPOSITE_CALLBACKS;
FORCEINLINE VOID ACX_CIRCUIT_COMPOSITE_CALLBACKS_INIT(PACX_CIRCUIT_COMPOSITE_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_CIRCUIT_COMPOSITE_CALLBACKS));
    Callbacks->Size = sizeof(ACX_CIRCUIT_COMPOSITE_CALLBACKS);
}
PACXCIRCUIT_INIT AcxCircuitInitAllocate(WDFDEVICE Device);
VOID AcxCircuitInitFree(PACXCIRCUIT_INIT CircuitInit);
VOID AcxCircuitInitSetComponentId(PACXCIRCUIT_INIT CircuitInit, const GUID *ComponentId);
NTSTATUS AcxCircuitInitAssignComponentUri(PACXCIRCUIT_INIT CircuitInit, PCUNICODE_STRING ComponentUri);
NTSTATUS AcxCircuitInitAssignName(PACXCIRCUIT_INIT CircuitInit, PCUNICODE_STRING CircuitName);
VOID AcxCircuitInitSetCircuitType(PACXCIRCUIT_INIT CircuitInit, ACX_CIRCUIT_TYPE CircuitType);
NTSTATUS AcxCircuitInitAssignCategories(PACXCIRCUIT_INIT CircuitInit, const GUID *Categories, ULONG CategoriesCount);
NTSTATUS AcxCircuitInitAssignProperties(PACXCIRCUIT_INIT CircuitInit, PACX_PROPERTY_ITEM Properties,
                                        ULONG PropertiesCount);
NTSTATUS AcxCircuitInitAssignMethods(PACXCIRCUIT_INIT CircuitInit, PACX_METHOD_ITEM Methods, ULONG MethodsCount);
VOID AcxCircuitInitSetAcxCircuitPnpPowerCallbacks(PACXCIRCUIT_INIT CircuitInit,
                                                  PACX_CIRCUIT_PNPPOWER_CALLBACKS Callbacks);
VOID AcxCircuitInitSetAcxCircuitCompositeCallbacks(PACXCIRCUIT_INIT CircuitInit,
                                                   PACX_CIRCUIT_COMPOSITE_CALLBACKS Callbacks);
NTSTATUS AcxCircuitInitAssignAcxCreateStreamCallback(PACXCIRCUIT_INIT CircuitInit,
                                                     PFN_ACX_CIRCUIT_CREATE_STREAM EvtAcxCircuitCreateStream);
NTSTATUS AcxCircuitInitAssignAcxRequestPreprocessCallback(PACXCIRCUIT_INIT CircuitInit,
                                                          PFN_ACX_OBJECT_PREPROCESS_REQUEST EvtObjectAcxRequestPreprocess,
                                                          ACXCONTEXT DriverContext, ACX_REQUEST_TYPE RequestType,
                                                          const GUID *Set, ULONG Id);
VOID AcxCircuitInitDisableDefaultStreamBridgeHandling(PACXCIRCUIT_INIT CircuitInit);
NTSTATUS AcxCircuitCreate(WDFDEVICE Device, PWDF_OBJECT_ATTRIBUTES Attributes, PACXCIRCUIT_INIT *CircuitInit,
                          ACXCIRCUIT *Circuit);
WDFDEVICE AcxCircuitGetWdfDevice(ACXCIRCUIT Circuit);
NTSTATUS AcxCircuitAddPins(ACXCIRCUIT Circuit, ACXPIN *Pins, ULONG PinsCount);
NTSTATUS AcxCircuitAddElements(ACXCIRCUIT Circuit, ACXELEMENT *Elements, ULONG ElementsCount);
ACXPIN AcxCircuitGetPinById(ACXCIRCUIT Circuit, ULONG PinId);
ULONG AcxCircuitGetPinsCount(ACXCIRCUIT Circuit);
ACXELEMENT AcxCircuitGetElementById(ACXCIRCUIT Circuit, ULONG ElementId);
ULONG AcxCircuitGetElementsCount(ACXCIRCUIT Circuit);
PCUNICODE_STRING AcxCircuitGetSymbolicLinkName(ACXCIRCUIT Circuit);
NTSTATUS AcxCircuitDispatchAcxRequest(ACXCIRCUIT Circuit, WDFREQUEST Request);

/* ---- pins and connections (acxpin.h) ---- */
typedef enum _ACX_PIN_TYPE { AcxPinTypeSink = 0, AcxPinTypeSource, AcxPinTypeMaximum } ACX_PIN_TYPE, *PACX_PIN_TYPE;
typedef enum _ACX_PIN_COMMUNICATION {
    AcxPinCommunicationNone = 0, AcxPinCommunicationSink, AcxPinCommunicationSource, AcxPinCommunicationBoth,
    AcxPinCommunicationBridge, AcxPinCommunicationMaximum
} ACX_PIN_COMMUNICATION, *PACX_PIN_COMMUNICATION;
typedef enum _ACX_PIN_QUALIFIER {
    AcxPinQualifierUnknown = 0, AcxPinQualifierOffload, AcxPinQualifierLoopback, AcxPinQualifierMaximum
} ACX_PIN_QUALIFIER, *PACX_PIN_QUALIFIER;
typedef enum _ACX_PIN_CONFIG_FLAGS {
    AcxPinConfigNoFlags = 0x0, AcxPinConfigMicrophoneConfigSpecified = 0x1, AcxPinConfigNoDefaultDataFormatLists = 0x2,
    AcxPinConfigValidFlags = 0x3
} ACX_PIN_CONFIG_FLAGS;
typedef VOID EVT_ACX_PIN_CONNECTED(ACXPIN Pin, ACXTARGETPIN TargetPin);
typedef EVT_ACX_PIN_CONNECTED *PFN_ACX_PIN_CONNECTED;
typedef VOID EVT_ACX_PIN_DISCONNECTED(ACXPIN Pin, ACXTARGETPIN TargetPin);
typedef EVT_ACX_PIN_DISCONNECTED *PFN_ACX_PIN_DISCONNECTED;
typedef NTSTATUS EVT_ACX_PIN_SET_DATAFORMAT(ACXPIN Pin, ACXDATAFORMAT DataFormat);
typedef EVT_ACX_PIN_SET_DATAFORMAT *PFN_ACX_PIN_SET_DATAFORMAT;
typedef NTSTATUS EVT_ACX_PIN_RETRIEVE_NAME(ACXPIN Pin, PUNICODE_STRING Name);
typedef EVT_ACX_PIN_RETRIEVE_NAME *PFN_ACX_PIN_RETRIEVE_NAME;
typedef struct _ACX_PIN_CALLBACKS {
    ULONG Size;
    PFN_ACX_PIN_SET_DATAFORMAT EvtAcxPinSetDataFormat;
    PFN_ACX_PIN_RETRIEVE_NAME EvtAcxPinRetrieveName;
    PFN_ACX_PIN_CONNECTED EvtAcxPinConnected;
    PFN_ACX_PIN_DISCONNECTED EvtAcxPinDisconnected;
} ACX_PIN_CALLBACKS, *PACX_PIN_CALLBACKS;
FORCEINLINE VOID ACX_PIN_CALLBACKS_INIT(PACX_PIN_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_PIN_CALLBACKS));
    Callbacks->Size = sizeof(ACX_PIN_CALLBACKS);
}
typedef struct _ACX_INTERLEAVED_AUDIO_FORMAT_INFORMATION {
    ULONG Size;
    ULONG PrimaryChannelCount;
    ULONG PrimaryChannelStartPosition;
    ULONG PrimaryChannelMask;
    ULONG InterleavedChannelCount;
    ULONG InterleavedChannelStartPosition;
    ULONG InterleavedChannelMask;
} ACX_INTERLEAVED_AUDIO_FORMAT_INFORMATION, *PACX_INTERLEAVED_AUDIO_FORMAT_INFORMATION;
FORCEINLINE VOID ACX_INTERLEAVED_AUDIO_FORMAT_INFORMATION_INIT(PACX_INTERLEAVED_AUDIO_FORMAT_INFORMATION Info)
{
    RtlZeroMemory(Info, sizeof(ACX_INTERLEAVED_AUDIO_FORMAT_INFORMATION));
    Info->Size = sizeof(ACX_INTERLEAVED_AUDIO_FORMAT_INFORMATION);
}
typedef struct _ACX_MICROPHONE_CONFIG {
    ULONG Size;
    ULONG Flags;
    PKSAUDIO_MIC_ARRAY_GEOMETRY MicArrayGeometry;
    PKSAUDIO_MICROPHONE_COORDINATES MicCoordinates;
    PACX_INTERLEAVED_AUDIO_FORMAT_INFORMATION InterleavedFormat;
} ACX_MICROPHONE_CONFIG, *PACX_MICROPHONE_CONFIG;
FORCEINLINE VOID ACX_MICROPHONE_CONFIG_INIT(PACX_MICROPHONE_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_MICROPHONE_CONFIG));
    Config->Size = sizeof(ACX_MICROPHONE_CONFIG);
}
typedef struct _ACX_PIN_CONFIG {
    ULONG Size;
    ULONG Flags;
    ULONG Id;
    ACX_PIN_TYPE Type;
    ACX_PIN_COMMUNICATION Communication;
    ACX_PIN_QUALIFIER Qualifier;
    const GUID *Category;
    const GUID *Name;
    PACX_PIN_CALLBACKS PinCallbacks;
    ULONG PropertiesCount;
    ULONG MethodsCount;
    PACX_PROPERTY_ITEM Properties;
    PACX_METHOD_ITEM Methods;
    union {
        PACX_MICROPHONE_CONFIG MicrophoneConfig;
    } u;
    ULONG MaxStreams;
} ACX_PIN_CONFIG, *PACX_PIN_CONFIG;
FORCEINLINE VOID ACX_PIN_CONFIG_INIT(PACX_PIN_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_PIN_CONFIG));
    Config->Size = sizeof(ACX_PIN_CONFIG);
}
NTSTATUS AcxPinCreate(ACXCIRCUIT Circuit, PWDF_OBJECT_ATTRIBUTES Attributes, PACX_PIN_CONFIG Config, ACXPIN *Pin);
ACXCIRCUIT AcxPinGetCircuit(ACXPIN Pin);
ULONG AcxPinGetId(ACXPIN Pin);
ACX_PIN_TYPE AcxPinGetType(ACXPIN Pin);
ACXDATAFORMATLIST AcxPinGetRawDataFormatList(ACXPIN Pin);
NTSTATUS AcxPinRetrieveModeDataFormatList(ACXPIN Pin, const GUID *SignalProcessingMode, ACXDATAFORMATLIST *FormatList);
NTSTATUS AcxPinAssignModeDataFormatList(ACXPIN Pin, const GUID *SignalProcessingMode, ACXDATAFORMATLIST FormatList);
NTSTATUS AcxPinAddJacks(ACXPIN Pin, ACXJACK *Jacks, ULONG JacksCount);
NTSTATUS AcxPinAddStreamBridges(ACXPIN Pin, ACXSTREAMBRIDGE *StreamBridges, ULONG StreamBridgesCount);
NTSTATUS AcxPinRemoveStreamBridges(ACXPIN Pin, ACXSTREAMBRIDGE *StreamBridges, ULONG StreamBridgesCount);
NTSTATUS AcxPinNotifyDataFormatChange(ACXPIN Pin);

typedef enum _ACX_CONNECTION_FLAGS {
    AcxConnectionNoFlags = 0x0, AcxConnectionFromPinObject = 0x1, AcxConnectionToPinObject = 0x2
} ACX_CONNECTION_FLAGS;
typedef struct _ACX_CONNECTION {
    ULONG Size;
    ULONG Flags;
    ACXOBJECT FromObject;
    union {
        ACXPIN Object;
        ULONG Id;
    } FromPin;
    ACXOBJECT ToObject;
    union {
        ACXPIN Object;
        ULONG Id;
    } ToPin;
} ACX_CONNECTION, *PACX_CONNECTION;
FORCEINLINE VOID ACX_CONNECTION_INIT(PACX_CONNECTION Connection, ACXOBJECT From, ACXOBJECT To)
{
    RtlZeroMemory(Connection, sizeof(ACX_CONNECTION));
    Connection->Size = sizeof(ACX_CONNECTION);
    Connection->FromObject = From;
    Connection->ToObject = To;
}
NTSTATUS AcxCircuitAddConnections(ACXCIRCUIT Circuit, PACX_CONNECTION Connections, ULONG ConnectionsCount);

/* ---- jacks ---- */
typedef enum _ACX_JACK_CONNECTION_TYPE {
    AcxConnTypeUnknown = 0, AcxConnType3Point5mm, AcxConnTypeQuarter, AcxConnTypeAtapiInternal, AcxConnTypeRCA,
    AcxConnTypeOptical, AcxConnTypeOtherDigital, AcxConnTypeOtherAnalog, AcxConnTypeMultichannelAnalogDIN,
    AcxConnTypeXlrProfessional, AcxConnTypeRJ11Modem, AcxConnTypeCombination
} ACX_JACK_CONNECTION_TYPE;
typedef enum _ACX_JACK_GEO_LOCATION {
    AcxGeoLocRear = 1, AcxGeoLocFront, AcxGeoLocLeft, AcxGeoLocRight, AcxGeoLocTop, AcxGeoLocBottom,
    AcxGeoLocRearPanel, AcxGeoLocRiser, AcxGeoLocInsideMobileLid, AcxGeoLocDrivebay, AcxGeoLocHDMI,
    AcxGeoLocOutsideMobileLid, AcxGeoLocATAPI, AcxGeoLocNotApplicable, AcxGeoLocReserved6
} ACX_JACK_GEO_LOCATION;
typedef enum _ACX_JACK_GEN_LOCATION {
    AcxGenLocPrimaryBox = 0, AcxGenLocInternal, AcxGenLocSeparate, AcxGenLocOther
} ACX_JACK_GEN_LOCATION;
typedef enum _ACX_JACK_PORT_CONNECTION {
    AcxPortConnJack = 0, AcxPortConnIntegratedDevice, AcxPortConnBothIntegratedAndJack, AcxPortConnUnknown
} ACX_JACK_PORT_CONNECTION;
typedef struct _ACX_JACK_DESCRIPTION {
    ULONG Size;
    ULONG Flags;
    ULONG ChannelMapping;
    ULONG Color;
    ACX_JACK_CONNECTION_TYPE ConnectionType;
    ACX_JACK_GEO_LOCATION GeoLocation;
    ACX_JACK_GEN_LOCATION GenLocation;
    ACX_JACK_PORT_CONNECTION PortConnection;
} ACX_JACK_DESCRIPTION, *PACX_JACK_DESCRIPTION;
typedef NTSTATUS EVT_ACX_JACK_RETRIEVE_PRESENCE_STATE(ACXJACK Jack, PBOOLEAN IsConnected);
typedef EVT_ACX_JACK_RETRIEVE_PRESENCE_STATE *PFN_ACX_JACK_RETRIEVE_PRESENCE_STATE;
typedef struct _ACX_JACK_CALLBACKS {
    ULONG Size;
    PFN_ACX_JACK_RETRIEVE_PRESENCE_STATE EvtAcxJackRetrievePresenceState;
} ACX_JACK_CALLBACKS, *PACX_JACK_CALLBACKS;
FORCEINLINE VOID ACX_JACK_CALLBACKS_INIT(PACX_JACK_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_JACK_CALLBACKS));
    Callbacks->Size = sizeof(ACX_JACK_CALLBACKS);
}
typedef struct _ACX_JACK_CONFIG {
    ULONG Size;
    ULONG Flags;
    ACX_JACK_DESCRIPTION Description;
    PACX_JACK_CALLBACKS Callbacks;
} ACX_JACK_CONFIG, *PACX_JACK_CONFIG;
FORCEINLINE VOID ACX_JACK_CONFIG_INIT(PACX_JACK_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_JACK_CONFIG));
    Config->Size = sizeof(ACX_JACK_CONFIG);
    Config->Description.Size = sizeof(ACX_JACK_DESCRIPTION);
}
NTSTATUS AcxJackCreate(ACXPIN Pin, PWDF_OBJECT_ATTRIBUTES Attributes, PACX_JACK_CONFIG Config, ACXJACK *Jack);
VOID AcxJackPresenceStateChangedNotification(ACXJACK Jack);

/* ---- streams (acxstreams.h) ---- */
typedef enum _ACX_STREAM_STATE {
    AcxStreamStateUnknown = 0, AcxStreamStateStop, AcxStreamStatePause, AcxStreamStateRun, AcxStreamStateMax
} ACX_STREAM_STATE, *PACX_STREAM_STATE;
typedef struct _ACX_RTPACKET {
    ULONG Size;
    WDF_MEMORY_DESCRIPTOR RtPacketBuffer;
    ULONG RtPacketOffset;
    ULONG RtPacketSize;
} ACX_RTPACKET, *PACX_RTPACKET;
FORCEINLINE VOID ACX_RTPACKET_INIT(PACX_RTPACKET Packet)
{
    RtlZeroMemory(Packet, sizeof(ACX_RTPACKET));
    Packet->Size = sizeof(ACX_RTPACKET);
}
typedef NTSTATUS EVT_ACX_STREAM_PREPARE_HARDWARE(ACXSTREAM Stream);
typedef EVT_ACX_STREAM_PREPARE_HARDWARE *PFN_ACX_STREAM_PREPARE_HARDWARE;
typedef NTSTATUS EVT_ACX_STREAM_RELEASE_HARDWARE(ACXSTREAM Stream);
typedef EVT_ACX_STREAM_RELEASE_HARDWARE *PFN_ACX_STREAM_RELEASE_HARDWARE;
typedef NTSTATUS EVT_ACX_STREAM_RUN(ACXSTREAM Stream);
typedef EVT_ACX_STREAM_RUN *PFN_ACX_STREAM_RUN;
typedef NTSTATUS EVT_ACX_STREAM_PAUSE(ACXSTREAM Stream);
typedef EVT_ACX_STREAM_PAUSE *PFN_ACX_STREAM_PAUSE;
typedef struct _ACXDRMRIGHTS {
    BOOL CopyProtect;
    ULONG Reserved;
    BOOL DigitalOutputDisable;
} ACXDRMRIGHTS, *PACXDRMRIGHTS;
typedef NTSTATUS EVT_ACX_STREAM_ASSIGN_DRM_CONTENT_ID(ACXSTREAM Stream, ULONG DrmContentId, PACXDRMRIGHTS DrmRights);
typedef EVT_ACX_STREAM_ASSIGN_DRM_CONTENT_ID *PFN_ACX_STREAM_ASSIGN_DRM_CONTENT_ID;
typedef NTSTATUS EVT_ACX_STREAM_ALLOCATE_RTPACKETS(ACXSTREAM Stream, ULONG PacketCount, ULONG PacketSize,
                                                   PACX_RTPACKET *Packets);
typedef EVT_ACX_STREAM_ALLOCATE_RTPACKETS *PFN_ACX_STREAM_ALLOCATE_RTPACKETS;
typedef VOID EVT_ACX_STREAM_FREE_RTPACKETS(ACXSTREAM Stream, PACX_RTPACKET Packets, ULONG PacketCount);
typedef EVT_ACX_STREAM_FREE_RTPACKETS *PFN_ACX_STREAM_FREE_RTPACKETS;
typedef NTSTATUS EVT_ACX_STREAM_GET_HW_LATENCY(ACXSTREAM Stream, ULONG *FifoSize, ULONG *Delay);
typedef EVT_ACX_STREAM_GET_HW_LATENCY *PFN_ACX_STREAM_GET_HW_LATENCY;
typedef NTSTATUS EVT_ACX_STREAM_SET_RENDER_PACKET(ACXSTREAM Stream, ULONG Packet, ULONG Flags, ULONG EosPacketLength);
typedef EVT_ACX_STREAM_SET_RENDER_PACKET *PFN_ACX_STREAM_SET_RENDER_PACKET;
typedef NTSTATUS EVT_ACX_STREAM_GET_CURRENT_PACKET(ACXSTREAM Stream, PULONG CurrentPacket);
typedef EVT_ACX_STREAM_GET_CURRENT_PACKET *PFN_ACX_STREAM_GET_CURRENT_PACKET;
typedef NTSTATUS EVT_ACX_STREAM_GET_CAPTURE_PACKET(ACXSTREAM Stream, ULONG *LastCapturePacket,
                                                   ULONGLONG *QPCPacketStart, BOOLEAN *MoreData);
typedef EVT_ACX_STREAM_GET_CAPTURE_PACKET *PFN_ACX_STREAM_GET_CAPTURE_PACKET;
typedef NTSTATUS EVT_ACX_STREAM_GET_PRESENTATION_POSITION(ACXSTREAM Stream, PULONGLONG PositionInBlocks,
                                                          PULONGLONG QPCPosition);
typedef EVT_ACX_STREAM_GET_PRESENTATION_POSITION *PFN_ACX_STREAM_GET_PRESENTATION_POSITION;
typedef struct _ACX_STREAM_CALLBACKS {
    ULONG Size;
    PFN_ACX_STREAM_PREPARE_HARDWARE EvtAcxStreamPrepareHardware;
    PFN_ACX_STREAM_RELEASE_HARDWARE EvtAcxStreamReleaseHardware;
    PFN_ACX_STREAM_RUN EvtAcxStreamRun;
    PFN_ACX_STREAM_PAUSE EvtAcxStreamPause;
    PFN_ACX_STREAM_ASSIGN_DRM_CONTENT_ID EvtAcxStreamAssignDrmContentId;
} ACX_STREAM_CALLBACKS, *PACX_STREAM_CALLBACKS;
FORCEINLINE VOID ACX_STREAM_CALLBACKS_INIT(PACX_STREAM_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_STREAM_CALLBACKS));
    Callbacks->Size = sizeof(ACX_STREAM_CALLBACKS);
}
typedef struct _ACX_RT_STREAM_CALLBACKS {
    ULONG Size;
    PFN_ACX_STREAM_GET_HW_LATENCY EvtAcxStreamGetHwLatency;
    PFN_ACX_STREAM_ALLOCATE_RTPACKETS EvtAcxStreamAllocateRtPackets;
    PFN_ACX_STREAM_FREE_RTPACKETS EvtAcxStreamFreeRtPackets;
    PFN_ACX_STREAM_SET_RENDER_PACKET EvtAcxStreamSetRenderPacket;
    PFN_ACX_STREAM_GET_CURRENT_PACKET EvtAcxStreamGetCurrentPacket;
    PFN_ACX_STREAM_GET_CAPTURE_PACKET EvtAcxStreamGetCapturePacket;
    PFN_ACX_STREAM_GET_PRESENTATION_POSITION EvtAcxStreamGetPresentationPosition;
} ACX_RT_STREAM_CALLBACKS, *PACX_RT_STREAM_CALLBACKS;
FORCEINLINE VOID ACX_RT_STREAM_CALLBACKS_INIT(PACX_RT_STREAM_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_RT_STREAM_CALLBACKS));
    Callbacks->Size = sizeof(ACX_RT_STREAM_CALLBACKS);
}
NTSTATUS AcxStreamInitAssignAcxStreamCallbacks(PACXSTREAM_INIT StreamInit, PACX_STREAM_CALLBACKS Callbacks);
NTSTATUS AcxStreamInitAssignAcxRtStreamCallbacks(PACXSTREAM_INIT StreamInit, PACX_RT_STREAM_CALLBACKS Callbacks);
VOID AcxStreamInitSetAcxRtStreamSupportsNotifications(PACXSTREAM_INIT StreamInit);
NTSTATUS AcxStreamInitAssignProperties(PACXSTREAM_INIT StreamInit, PACX_PROPERTY_ITEM Properties,
                                       ULONG PropertiesCount);
NTSTATUS AcxStreamInitAssignMethods(PACXSTREAM_INIT StreamInit, PACX_METHOD_ITEM Methods, ULONG MethodsCount);
NTSTATUS AcxStreamInitAssignAcxRequestPreprocessCallback(PACXSTREAM_INIT StreamInit,
                                                         PFN_ACX_OBJECT_PREPROCESS_REQUEST EvtObjectAcxRequestPreprocess,
                                                         ACXCONTEXT DriverContext, ACX_REQUEST_TYPE RequestType,
                                                         const GUID *Set, ULONG Id);
NTSTATUS AcxStreamCreate(WDFDEVICE Device, ACXCIRCUIT Circuit, PWDF_OBJECT_ATTRIBUTES Attributes,
                         PACXSTREAM_INIT *StreamInit, ACXSTREAM *Stream);
NTSTATUS AcxRtStreamCreate(WDFDEVICE Device, ACXCIRCUIT Circuit, PWDF_OBJECT_ATTRIBUTES Attributes,
                           PACXSTREAM_INIT *StreamInit, ACXSTREAM *Stream);
NTSTATUS AcxStreamAddElements(ACXSTREAM Stream, ACXELEMENT *Elements, ULONG ElementsCount);
ACXCIRCUIT AcxStreamGetCircuit(ACXSTREAM Stream);
ACXPIN AcxStreamGetPin(ACXSTREAM Stream);
ACXELEMENT AcxStreamGetElementById(ACXSTREAM Stream, ULONG ElementId);
NTSTATUS AcxStreamDispatchAcxRequest(ACXSTREAM Stream, WDFREQUEST Request);
VOID AcxRtStreamNotifyPacketComplete(ACXSTREAM Stream, ULONGLONG CompletedPacket, ULONGLONG QPCCompletion);

/* ---- stream bridges ---- */
typedef enum _ACX_STREAM_BRIDGE_TYPE {
    AcxStreamBridgeTypeUnknown = 0, AcxStreamBridgeTypeDefault, AcxStreamBridgeTypeMaximum
} ACX_STREAM_BRIDGE_TYPE;
typedef enum _ACX_STREAM_BRIDGE_CONFIG_FLAGS {
    AcxStreamBridgeNoFlags = 0x0, AcxStreamBridgeInvertChangeStateSequence = 0x1,
    AcxStreamBridgeForwardInStreamVarArguments = 0x2
} ACX_STREAM_BRIDGE_CONFIG_FLAGS;
typedef struct _ACX_STREAM_BRIDGE_CONFIG {
    ULONG Size;
    ULONG Flags;
    ACX_STREAM_BRIDGE_TYPE Type;
    ULONG InModesCount;
    const GUID **InModes;
    const GUID *OutMode;
    ACXOBJECTBAG OutStreamVarArguments;
    PVOID EvtAcxStreamBridgeAddStream;
    PVOID EvtAcxStreamBridgeRemoveStream;
} ACX_STREAM_BRIDGE_CONFIG, *PACX_STREAM_BRIDGE_CONFIG;
FORCEINLINE VOID ACX_STREAM_BRIDGE_CONFIG_INIT(PACX_STREAM_BRIDGE_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_STREAM_BRIDGE_CONFIG));
    Config->Size = sizeof(ACX_STREAM_BRIDGE_CONFIG);
}
NTSTATUS AcxStreamBridgeCreate(ACXCIRCUIT Circuit, PWDF_OBJECT_ATTRIBUTES Attributes, PACX_STREAM_BRIDGE_CONFIG Config,
                               ACXSTREAMBRIDGE *StreamBridge);
NTSTATUS AcxStreamBridgeAddStream(ACXSTREAMBRIDGE StreamBridge, ACXSTREAM Stream);
VOID AcxStreamBridgeRemoveStream(ACXSTREAMBRIDGE StreamBridge, ACXSTREAM Stream);

/* ---- elements (acxelements.h) ---- */
typedef struct _ACX_ELEMENT_CONFIG {
    ULONG Size;
    ULONG Flags;
    ULONG Id;
    const GUID *Type;
    const GUID *Name;
    PVOID Callbacks;
    ULONG PropertiesCount;
    PACX_PROPERTY_ITEM Properties;
    ULONG MethodsCount;
    PACX_METHOD_ITEM Methods;
} ACX_ELEMENT_CONFIG, *PACX_ELEMENT_CONFIG;
FORCEINLINE VOID ACX_ELEMENT_CONFIG_INIT(PACX_ELEMENT_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_ELEMENT_CONFIG));
    Config->Size = sizeof(ACX_ELEMENT_CONFIG);
}
NTSTATUS AcxElementCreate(ACXOBJECT Object, PWDF_OBJECT_ATTRIBUTES Attributes, PACX_ELEMENT_CONFIG Config,
                          ACXELEMENT *Element);
ULONG AcxElementGetId(ACXELEMENT Element);
ACXOBJECT AcxElementGetContainer(ACXELEMENT Element);

/* volume, mute, peak meter */
typedef enum _ACX_VOLUME_CURVE_TYPE {
    AcxVolumeCurveTypeNone = 0, AcxVolumeCurveTypeFade, AcxVolumeCurveTypeMaximum
} ACX_VOLUME_CURVE_TYPE;
#define ACX_VOLUME_CHANNEL_ALL ((ULONG)-1)
#define ACX_MUTE_CHANNEL_ALL ((ULONG)-1)
#define ACX_PEAKMETER_CHANNEL_ALL ((ULONG)-1)
typedef NTSTATUS EVT_ACX_VOLUME_ASSIGN_LEVEL(ACXVOLUME Volume, ULONG Channel, LONG VolumeLevel);
typedef EVT_ACX_VOLUME_ASSIGN_LEVEL *PFN_ACX_VOLUME_ASSIGN_LEVEL;
typedef NTSTATUS EVT_ACX_RAMPED_VOLUME_ASSIGN_LEVEL(ACXVOLUME Volume, ULONG Channel, LONG VolumeLevel,
                                                    ACX_VOLUME_CURVE_TYPE CurveType, ULONGLONG CurveDuration);
typedef EVT_ACX_RAMPED_VOLUME_ASSIGN_LEVEL *PFN_ACX_RAMPED_VOLUME_ASSIGN_LEVEL;
typedef NTSTATUS EVT_ACX_VOLUME_RETRIEVE_LEVEL(ACXVOLUME Volume, ULONG Channel, LONG *VolumeLevel);
typedef EVT_ACX_VOLUME_RETRIEVE_LEVEL *PFN_ACX_VOLUME_RETRIEVE_LEVEL;
typedef struct _ACX_VOLUME_CALLBACKS {
    ULONG Size;
    PFN_ACX_VOLUME_ASSIGN_LEVEL EvtAcxVolumeAssignLevel;
    PFN_ACX_RAMPED_VOLUME_ASSIGN_LEVEL EvtAcxRampedVolumeAssignLevel;
    PFN_ACX_VOLUME_RETRIEVE_LEVEL EvtAcxVolumeRetrieveLevel;
} ACX_VOLUME_CALLBACKS, *PACX_VOLUME_CALLBACKS;
FORCEINLINE VOID ACX_VOLUME_CALLBACKS_INIT(PACX_VOLUME_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_VOLUME_CALLBACKS));
    Callbacks->Size = sizeof(ACX_VOLUME_CALLBACKS);
}
typedef struct _ACX_VOLUME_CONFIG {
    ULONG Size;
    ULONG Id;
    const GUID *Name;
    ULONG Flags;
    ULONG ChannelsCount;
    LONG Maximum;
    LONG Minimum;
    ULONG SteppingDelta;
    PACX_VOLUME_CALLBACKS Callbacks;
} ACX_VOLUME_CONFIG, *PACX_VOLUME_CONFIG;
FORCEINLINE VOID ACX_VOLUME_CONFIG_INIT(PACX_VOLUME_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_VOLUME_CONFIG));
    Config->Size = sizeof(ACX_VOLUME_CONFIG);
}
NTSTATUS AcxVolumeCreate(ACXOBJECT Object, PWDF_OBJECT_ATTRIBUTES Attributes, PACX_VOLUME_CONFIG Config,
                         ACXVOLUME *Volume);
VOID AcxVolumeChangeLevelNotification(ACXVOLUME Volume);

typedef NTSTATUS EVT_ACX_MUTE_ASSIGN_STATE(ACXMUTE Mute, ULONG Channel, ULONG State);
typedef EVT_ACX_MUTE_ASSIGN_STATE *PFN_ACX_MUTE_ASSIGN_STATE;
typedef NTSTATUS EVT_ACX_MUTE_RETRIEVE_STATE(ACXMUTE Mute, ULONG Channel, ULONG *State);
typedef EVT_ACX_MUTE_RETRIEVE_STATE *PFN_ACX_MUTE_RETRIEVE_STATE;
typedef struct _ACX_MUTE_CALLBACKS {
    ULONG Size;
    PFN_ACX_MUTE_ASSIGN_STATE EvtAcxMuteAssignState;
    PFN_ACX_MUTE_RETRIEVE_STATE EvtAcxMuteRetrieveState;
} ACX_MUTE_CALLBACKS, *PACX_MUTE_CALLBACKS;
FORCEINLINE VOID ACX_MUTE_CALLBACKS_INIT(PACX_MUTE_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_MUTE_CALLBACKS));
    Callbacks->Size = sizeof(ACX_MUTE_CALLBACKS);
}
typedef struct _ACX_MUTE_CONFIG {
    ULONG Size;
    ULONG Id;
    const GUID *Name;
    ULONG Flags;
    ULONG ChannelsCount;
    PACX_MUTE_CALLBACKS Callbacks;
} ACX_MUTE_CONFIG, *PACX_MUTE_CONFIG;
FORCEINLINE VOID ACX_MUTE_CONFIG_INIT(PACX_MUTE_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_MUTE_CONFIG));
    Config->Size = sizeof(ACX_MUTE_CONFIG);
}
NTSTATUS AcxMuteCreate(ACXOBJECT Object, PWDF_OBJECT_ATTRIBUTES Attributes, PACX_MUTE_CONFIG Config, ACXMUTE *Mute);
VOID AcxMuteChangeStateNotification(ACXMUTE Mute);

typedef NTSTATUS EVT_ACX_PEAKMETER_RETRIEVE_LEVEL(ACXPEAKMETER PeakMeter, ULONG Channel, LONG *PeakMeterLevel);
typedef EVT_ACX_PEAKMETER_RETRIEVE_LEVEL *PFN_ACX_PEAKMETER_RETRIEVE_LEVEL;
typedef struct _ACX_PEAKMETER_CALLBACKS {
    ULONG Size;
    PFN_ACX_PEAKMETER_RETRIEVE_LEVEL EvtAcxPeakMeterRetrieveLevel;
} ACX_PEAKMETER_CALLBACKS, *PACX_PEAKMETER_CALLBACKS;
FORCEINLINE VOID ACX_PEAKMETER_CALLBACKS_INIT(PACX_PEAKMETER_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_PEAKMETER_CALLBACKS));
    Callbacks->Size = sizeof(ACX_PEAKMETER_CALLBACKS);
}
typedef struct _ACX_PEAKMETER_CONFIG {
    ULONG Size;
    ULONG Id;
    const GUID *Name;
    ULONG Flags;
    ULONG ChannelsCount;
    LONG Maximum;
    LONG Minimum;
    ULONG SteppingDelta;
    PACX_PEAKMETER_CALLBACKS Callbacks;
} ACX_PEAKMETER_CONFIG, *PACX_PEAKMETER_CONFIG;
FORCEINLINE VOID ACX_PEAKMETER_CONFIG_INIT(PACX_PEAKMETER_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_PEAKMETER_CONFIG));
    Config->Size = sizeof(ACX_PEAKMETER_CONFIG);
}
NTSTATUS AcxPeakMeterCreate(ACXOBJECT Object, PWDF_OBJECT_ATTRIBUTES Attributes, PACX_PEAKMETER_CONFIG Config,
                            ACXPEAKMETER *PeakMeter);

/* audio engine (the offload mixer) and its per-stream side */
typedef NTSTATUS EVT_ACX_AUDIOENGINE_RETRIEVE_BUFFER_SIZE_LIMITS(ACXAUDIOENGINE AudioEngine, ACXDATAFORMAT DataFormat,
                                                                 PULONG MinBufferBytes, PULONG MaxBufferBytes);
typedef EVT_ACX_AUDIOENGINE_RETRIEVE_BUFFER_SIZE_LIMITS *PFN_ACX_AUDIOENGINE_RETRIEVE_BUFFER_SIZE_LIMITS;
typedef NTSTATUS EVT_ACX_AUDIOENGINE_ASSIGN_EFFECTS_STATE(ACXAUDIOENGINE AudioEngine, ULONG State);
typedef EVT_ACX_AUDIOENGINE_ASSIGN_EFFECTS_STATE *PFN_ACX_AUDIOENGINE_ASSIGN_EFFECTS_STATE;
typedef NTSTATUS EVT_ACX_AUDIOENGINE_RETRIEVE_EFFECTS_STATE(ACXAUDIOENGINE AudioEngine, PULONG State);
typedef EVT_ACX_AUDIOENGINE_RETRIEVE_EFFECTS_STATE *PFN_ACX_AUDIOENGINE_RETRIEVE_EFFECTS_STATE;
typedef NTSTATUS EVT_ACX_AUDIOENGINE_RETRIEVE_ENGINE_FORMAT(ACXAUDIOENGINE AudioEngine, ACXDATAFORMAT *Format);
typedef EVT_ACX_AUDIOENGINE_RETRIEVE_ENGINE_FORMAT *PFN_ACX_AUDIOENGINE_RETRIEVE_ENGINE_FORMAT;
typedef NTSTATUS EVT_ACX_AUDIOENGINE_ASSIGN_ENGINE_FORMAT(ACXAUDIOENGINE AudioEngine, ACXDATAFORMAT Format);
typedef EVT_ACX_AUDIOENGINE_ASSIGN_ENGINE_FORMAT *PFN_ACX_AUDIOENGINE_ASSIGN_ENGINE_FORMAT;
typedef struct _ACX_AUDIOENGINE_CALLBACKS {
    ULONG Size;
    PFN_ACX_AUDIOENGINE_RETRIEVE_BUFFER_SIZE_LIMITS EvtAcxAudioEngineRetrieveBufferSizeLimits;
    PFN_ACX_AUDIOENGINE_ASSIGN_EFFECTS_STATE EvtAcxAudioEngineAssignEffectsState;
    PFN_ACX_AUDIOENGINE_RETRIEVE_EFFECTS_STATE EvtAcxAudioEngineRetrieveEffectsState;
    PFN_ACX_AUDIOENGINE_RETRIEVE_ENGINE_FORMAT EvtAcxAudioEngineRetrieveEngineMixFormat;
    PFN_ACX_AUDIOENGINE_ASSIGN_ENGINE_FORMAT EvtAcxAudioEngineAssignEngineDeviceFormat;
} ACX_AUDIOENGINE_CALLBACKS, *PACX_AUDIOENGINE_CALLBACKS;
FORCEINLINE VOID ACX_AUDIOENGINE_CALLBACKS_INIT(PACX_AUDIOENGINE_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_AUDIOENGINE_CALLBACKS));
    Callbacks->Size = sizeof(ACX_AUDIOENGINE_CALLBACKS);
}
typedef struct _ACX_AUDIOENGINE_CONFIG {
    ULONG Size;
    ULONG Id;
    const GUID *Name;
    ULONG Flags;
    ACXPIN HostPin;
    ACXPIN OffloadPin;
    ACXPIN LoopbackPin;
    ACXVOLUME VolumeElement;
    ACXMUTE MuteElement;
    ACXPEAKMETER PeakMeterElement;
    PACX_AUDIOENGINE_CALLBACKS Callbacks;
} ACX_AUDIOENGINE_CONFIG, *PACX_AUDIOENGINE_CONFIG;
FORCEINLINE VOID ACX_AUDIOENGINE_CONFIG_INIT(PACX_AUDIOENGINE_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_AUDIOENGINE_CONFIG));
    Config->Size = sizeof(ACX_AUDIOENGINE_CONFIG);
}
NTSTATUS AcxAudioEngineCreate(ACXCIRCUIT Circuit, PWDF_OBJECT_ATTRIBUTES Attributes, PACX_AUDIOENGINE_CONFIG Config,
                              ACXAUDIOENGINE *AudioEngine);
ACXDATAFORMATLIST AcxAudioEngineGetDeviceFormatList(ACXAUDIOENGINE AudioEngine);

typedef enum _ACX_CONSTRICTOR_OPTION { AcxConstrictorOptionNone = 0, AcxConstrictorOptionMute } ACX_CONSTRICTOR_OPTION;
typedef NTSTATUS EVT_ACX_STREAMAUDIOENGINE_RETRIEVE_PRESENTATION_POSITION(ACXSTREAMAUDIOENGINE StreamAudioEngine,
                                                                          PULONGLONG PositionInBlocks,
                                                                          PULONGLONG QPCPosition);
typedef EVT_ACX_STREAMAUDIOENGINE_RETRIEVE_PRESENTATION_POSITION *PFN_ACX_STREAMAUDIOENGINE_RETRIEVE_PRESENTATION_POSITION;
typedef NTSTATUS EVT_ACX_STREAMAUDIOENGINE_ASSIGN_CURRENT_WRITE_POSITION(ACXSTREAMAUDIOENGINE StreamAudioEngine,
                                                                         ULONG Position);
typedef EVT_ACX_STREAMAUDIOENGINE_ASSIGN_CURRENT_WRITE_POSITION *PFN_ACX_STREAMAUDIOENGINE_ASSIGN_CURRENT_WRITE_POSITION;
typedef NTSTATUS EVT_ACX_STREAMAUDIOENGINE_RETRIEVE_LINEAR_BUFFER_POSITION(ACXSTREAMAUDIOENGINE StreamAudioEngine,
                                                                           PULONGLONG Position);
typedef EVT_ACX_STREAMAUDIOENGINE_RETRIEVE_LINEAR_BUFFER_POSITION *PFN_ACX_STREAMAUDIOENGINE_RETRIEVE_LINEAR_BUFFER_POSITION;
typedef NTSTATUS EVT_ACX_STREAMAUDIOENGINE_ASSIGN_LAST_BUFFER_POSITION(ACXSTREAMAUDIOENGINE StreamAudioEngine,
                                                                       ULONG Position);
typedef EVT_ACX_STREAMAUDIOENGINE_ASSIGN_LAST_BUFFER_POSITION *PFN_ACX_STREAMAUDIOENGINE_ASSIGN_LAST_BUFFER_POSITION;
typedef NTSTATUS EVT_ACX_STREAMAUDIOENGINE_ASSIGN_LOOPBACK_PROTECTION(ACXSTREAMAUDIOENGINE StreamAudioEngine,
                                                                      ACX_CONSTRICTOR_OPTION ConstrictorOption);
typedef EVT_ACX_STREAMAUDIOENGINE_ASSIGN_LOOPBACK_PROTECTION *PFN_ACX_STREAMAUDIOENGINE_ASSIGN_LOOPBACK_PROTECTION;
typedef NTSTATUS EVT_ACX_STREAMAUDIOENGINE_ASSIGN_EFFECTS_STATE(ACXSTREAMAUDIOENGINE StreamAudioEngine, ULONG State);
typedef EVT_ACX_STREAMAUDIOENGINE_ASSIGN_EFFECTS_STATE *PFN_ACX_STREAMAUDIOENGINE_ASSIGN_EFFECTS_STATE;
typedef NTSTATUS EVT_ACX_STREAMAUDIOENGINE_RETRIEVE_EFFECTS_STATE(ACXSTREAMAUDIOENGINE StreamAudioEngine, PULONG State);
typedef EVT_ACX_STREAMAUDIOENGINE_RETRIEVE_EFFECTS_STATE *PFN_ACX_STREAMAUDIOENGINE_RETRIEVE_EFFECTS_STATE;
typedef struct _ACX_STREAMAUDIOENGINE_CALLBACKS {
    ULONG Size;
    PFN_ACX_STREAMAUDIOENGINE_ASSIGN_EFFECTS_STATE EvtAcxStreamAudioEngineAssignEffectsState;
    PFN_ACX_STREAMAUDIOENGINE_RETRIEVE_EFFECTS_STATE EvtAcxStreamAudioEngineRetrieveEffectsState;
    PFN_ACX_STREAMAUDIOENGINE_RETRIEVE_PRESENTATION_POSITION EvtAcxStreamAudioEngineRetrievePresentationPosition;
    PFN_ACX_STREAMAUDIOENGINE_ASSIGN_CURRENT_WRITE_POSITION EvtAcxStreamAudioEngineAssignCurrentWritePosition;
    PFN_ACX_STREAMAUDIOENGINE_RETRIEVE_LINEAR_BUFFER_POSITION EvtAcxStreamAudioEngineRetrieveLinearBufferPosition;
    PFN_ACX_STREAMAUDIOENGINE_ASSIGN_LAST_BUFFER_POSITION EvtAcxStreamAudioEngineAssignLastBufferPosition;
    PFN_ACX_STREAMAUDIOENGINE_ASSIGN_LOOPBACK_PROTECTION EvtAcxStreamAudioEngineAssignLoopbackProtection;
} ACX_STREAMAUDIOENGINE_CALLBACKS, *PACX_STREAMAUDIOENGINE_CALLBACKS;
FORCEINLINE VOID ACX_STREAMAUDIOENGINE_CALLBACKS_INIT(PACX_STREAMAUDIOENGINE_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_STREAMAUDIOENGINE_CALLBACKS));
    Callbacks->Size = sizeof(ACX_STREAMAUDIOENGINE_CALLBACKS);
}
typedef struct _ACX_STREAMAUDIOENGINE_CONFIG {
    ULONG Size;
    ULONG Id;
    const GUID *Name;
    ULONG Flags;
    ACXVOLUME VolumeElement;
    ACXMUTE MuteElement;
    ACXPEAKMETER PeakMeterElement;
    PACX_STREAMAUDIOENGINE_CALLBACKS Callbacks;
} ACX_STREAMAUDIOENGINE_CONFIG, *PACX_STREAMAUDIOENGINE_CONFIG;
FORCEINLINE VOID ACX_STREAMAUDIOENGINE_CONFIG_INIT(PACX_STREAMAUDIOENGINE_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_STREAMAUDIOENGINE_CONFIG));
    Config->Size = sizeof(ACX_STREAMAUDIOENGINE_CONFIG);
}
NTSTATUS AcxStreamAudioEngineCreate(ACXSTREAM Stream, ACXAUDIOENGINE AudioEngine, PWDF_OBJECT_ATTRIBUTES Attributes,
                                    PACX_STREAMAUDIOENGINE_CONFIG Config, ACXSTREAMAUDIOENGINE *StreamAudioEngine);
ACXSTREAM AcxStreamAudioEngineGetStream(ACXSTREAMAUDIOENGINE StreamAudioEngine);

/* keyword spotter */
typedef NTSTATUS EVT_ACX_KEYWORDSPOTTER_RETRIEVE_ARM(ACXKEYWORDSPOTTER KeywordSpotter, GUID *EventId, BOOLEAN *Arm);
typedef EVT_ACX_KEYWORDSPOTTER_RETRIEVE_ARM *PFN_ACX_KEYWORDSPOTTER_RETRIEVE_ARM;
typedef NTSTATUS EVT_ACX_KEYWORDSPOTTER_ASSIGN_ARM(ACXKEYWORDSPOTTER KeywordSpotter, GUID *EventId, BOOLEAN Arm);
typedef EVT_ACX_KEYWORDSPOTTER_ASSIGN_ARM *PFN_ACX_KEYWORDSPOTTER_ASSIGN_ARM;
typedef NTSTATUS EVT_ACX_KEYWORDSPOTTER_ASSIGN_PATTERNS(ACXKEYWORDSPOTTER KeywordSpotter, GUID *EventId,
                                                        PVOID Pattern, ULONG PatternSize);
typedef EVT_ACX_KEYWORDSPOTTER_ASSIGN_PATTERNS *PFN_ACX_KEYWORDSPOTTER_ASSIGN_PATTERNS;
typedef NTSTATUS EVT_ACX_KEYWORDSPOTTER_ASSIGN_RESET(ACXKEYWORDSPOTTER KeywordSpotter, GUID *EventId, BOOLEAN Reset);
typedef EVT_ACX_KEYWORDSPOTTER_ASSIGN_RESET *PFN_ACX_KEYWORDSPOTTER_ASSIGN_RESET;
typedef struct _ACX_KEYWORDSPOTTER_CALLBACKS {
    ULONG Size;
    PFN_ACX_KEYWORDSPOTTER_RETRIEVE_ARM EvtAcxKeywordSpotterRetrieveArm;
    PFN_ACX_KEYWORDSPOTTER_ASSIGN_ARM EvtAcxKeywordSpotterAssignArm;
    PFN_ACX_KEYWORDSPOTTER_ASSIGN_PATTERNS EvtAcxKeywordSpotterAssignPatterns;
    PFN_ACX_KEYWORDSPOTTER_ASSIGN_RESET EvtAcxKeywordSpotterAssignReset;
} ACX_KEYWORDSPOTTER_CALLBACKS, *PACX_KEYWORDSPOTTER_CALLBACKS;
FORCEINLINE VOID ACX_KEYWORDSPOTTER_CALLBACKS_INIT(PACX_KEYWORDSPOTTER_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_KEYWORDSPOTTER_CALLBACKS));
    Callbacks->Size = sizeof(ACX_KEYWORDSPOTTER_CALLBACKS);
}
typedef struct _ACX_KEYWORDSPOTTER_CONFIG {
    ULONG Size;
    ULONG Id;
    const GUID *Name;
    ULONG Flags;
    const GUID *Pattern;
    PACX_KEYWORDSPOTTER_CALLBACKS Callbacks;
} ACX_KEYWORDSPOTTER_CONFIG, *PACX_KEYWORDSPOTTER_CONFIG;
FORCEINLINE VOID ACX_KEYWORDSPOTTER_CONFIG_INIT(PACX_KEYWORDSPOTTER_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_KEYWORDSPOTTER_CONFIG));
    Config->Size = sizeof(ACX_KEYWORDSPOTTER_CONFIG);
}
NTSTATUS AcxKeywordSpotterCreate(ACXCIRCUIT Circuit, PWDF_OBJECT_ATTRIBUTES Attributes,
                                 PACX_KEYWORDSPOTTER_CONFIG Config, ACXKEYWORDSPOTTER *KeywordSpotter);

/* audio modules: the command buffers come from the caller of the module property */
#define ACX_AUDIOMODULE_MAX_NAME_CCH_SIZE 128
typedef struct _ACX_AUDIOMODULE_DESCRIPTOR {
    GUID ClassId;
    ULONG InstanceId;
    ULONG VersionMajor;
    ULONG VersionMinor;
    WCHAR Name[ACX_AUDIOMODULE_MAX_NAME_CCH_SIZE];
} ACX_AUDIOMODULE_DESCRIPTOR, *PACX_AUDIOMODULE_DESCRIPTOR;
typedef NTSTATUS EVT_ACX_AUDIOMODULE_PROCESSCOMMAND(ACXAUDIOMODULE AudioModule, PVOID InBuffer, ULONG InBufferCb,
                                                    PVOID OutBuffer, PULONG OutBufferCb);
typedef EVT_ACX_AUDIOMODULE_PROCESSCOMMAND *PFN_ACX_AUDIOMODULE_PROCESSCOMMAND;
typedef struct _ACX_AUDIOMODULE_CALLBACKS {
    ULONG Size;
    PFN_ACX_AUDIOMODULE_PROCESSCOMMAND EvtAcxAudioModuleProcessCommand;
} ACX_AUDIOMODULE_CALLBACKS, *PACX_AUDIOMODULE_CALLBACKS;
FORCEINLINE VOID ACX_AUDIOMODULE_CALLBACKS_INIT(PACX_AUDIOMODULE_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_AUDIOMODULE_CALLBACKS));
    Callbacks->Size = sizeof(ACX_AUDIOMODULE_CALLBACKS);
}
typedef struct _ACX_AUDIOMODULE_CONFIG {
    ULONG Size;
    ULONG Id;
    const GUID *Name;
    ULONG Flags;
    ACX_AUDIOMODULE_DESCRIPTOR Descriptor;
    PACX_AUDIOMODULE_CALLBACKS Callbacks;
} ACX_AUDIOMODULE_CONFIG, *PACX_AUDIOMODULE_CONFIG;
FORCEINLINE VOID ACX_AUDIOMODULE_CONFIG_INIT(PACX_AUDIOMODULE_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_AUDIOMODULE_CONFIG));
    Config->Size = sizeof(ACX_AUDIOMODULE_CONFIG);
}
NTSTATUS AcxAudioModuleCreate(ACXOBJECT Object, PWDF_OBJECT_ATTRIBUTES Attributes, PACX_AUDIOMODULE_CONFIG Config,
                              ACXAUDIOMODULE *AudioModule);

/* ---- events (acxevents.h) ---- */
typedef struct _ACX_PNPEVENT_CONFIG {
    ULONG Size;
    ULONG Flags;
    PVOID Callbacks;
} ACX_PNPEVENT_CONFIG, *PACX_PNPEVENT_CONFIG;
FORCEINLINE VOID ACX_PNPEVENT_CONFIG_INIT(PACX_PNPEVENT_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_PNPEVENT_CONFIG));
    Config->Size = sizeof(ACX_PNPEVENT_CONFIG);
}
NTSTATUS AcxPnpEventCreate(WDFDEVICE Device, ACXOBJECT Object, PWDF_OBJECT_ATTRIBUTES Attributes,
                           PACX_PNPEVENT_CONFIG Config, ACXPNPEVENT *Event);
NTSTATUS AcxPnpEventGenerateEvent(ACXPNPEVENT Event, PVOID Payload, USHORT PayloadSize);
VOID AcxEventGenerateEvent(ACXEVENT Event, PVOID EventData, ULONG EventDataSize);

/* ---- factory circuits (acxcircuit.h) ---- */
/* The property handles are object-bag handles for ACX_OBJECTBAG_CONFIG.Handle (AcxObjectBagOpen). */
typedef struct _ACX_FACTORY_CIRCUIT_ADD_CIRCUIT {
    ULONG Size;
    ULONG Flags;
    GUID CircuitUniqueId;
    HANDLE CompositeProperties;
    HANDLE FactoryProperties;
    HANDLE CircuitProperties;
    PCUNICODE_STRING TargetSymbolicLinkName;
} ACX_FACTORY_CIRCUIT_ADD_CIRCUIT, *PACX_FACTORY_CIRCUIT_ADD_CIRCUIT;
typedef struct _ACX_FACTORY_CIRCUIT_REMOVE_CIRCUIT {
    ULONG Size;
    ULONG Flags;
    GUID CircuitUniqueId;
} ACX_FACTORY_CIRCUIT_REMOVE_CIRCUIT, *PACX_FACTORY_CIRCUIT_REMOVE_CIRCUIT;
typedef NTSTATUS EVT_ACX_FACTORY_CIRCUIT_CREATE_CIRCUITDEVICE(WDFDEVICE Parent, ACXFACTORYCIRCUIT Factory,
                                                              PACX_FACTORY_CIRCUIT_ADD_CIRCUIT Config,
                                                              WDFDEVICE *Device);
typedef EVT_ACX_FACTORY_CIRCUIT_CREATE_CIRCUITDEVICE *PFN_ACX_FACTORY_CIRCUIT_CREATE_CIRCUITDEVICE;
typedef NTSTATUS EVT_ACX_FACTORY_CIRCUIT_CREATE_CIRCUIT(WDFDEVICE Parent, WDFDEVICE Device, ACXFACTORYCIRCUIT Factory,
                                                        PACX_FACTORY_CIRCUIT_ADD_CIRCUIT Config,
                                                        PACXCIRCUIT_INIT CircuitInit);
typedef EVT_ACX_FACTORY_CIRCUIT_CREATE_CIRCUIT *PFN_ACX_FACTORY_CIRCUIT_CREATE_CIRCUIT;
typedef struct _ACX_FACTORY_CIRCUIT_OPERATION_CALLBACKS {
    ULONG Size;
    PFN_ACX_FACTORY_CIRCUIT_CREATE_CIRCUITDEVICE EvtAcxFactoryCircuitCreateCircuitDevice;
    PFN_ACX_FACTORY_CIRCUIT_CREATE_CIRCUIT EvtAcxFactoryCircuitCreateCircuit;
} ACX_FACTORY_CIRCUIT_OPERATION_CALLBACKS, *PACX_FACTORY_CIRCUIT_OPERATION_CALLBACKS;
FORCEINLINE VOID ACX_FACTORY_CIRCUIT_OPERATION_CALLBACKS_INIT(PACX_FACTORY_CIRCUIT_OPERATION_CALLBACKS Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(ACX_FACTORY_CIRCUIT_OPERATION_CALLBACKS));
    Callbacks->Size = sizeof(ACX_FACTORY_CIRCUIT_OPERATION_CALLBACKS);
}
PACXFACTORYCIRCUIT_INIT AcxFactoryCircuitInitAllocate(WDFDEVICE Device);
VOID AcxFactoryCircuitInitFree(PACXFACTORYCIRCUIT_INIT FactoryInit);
VOID AcxFactoryCircuitInitSetComponentId(PACXFACTORYCIRCUIT_INIT FactoryInit, const GUID *ComponentId);
NTSTATUS AcxFactoryCircuitInitAssignComponentUri(PACXFACTORYCIRCUIT_INIT FactoryInit, PCUNICODE_STRING ComponentUri);
NTSTATUS AcxFactoryCircuitInitAssignName(PACXFACTORYCIRCUIT_INIT FactoryInit, PCUNICODE_STRING Name);
NTSTATUS AcxFactoryCircuitInitAssignCategories(PACXFACTORYCIRCUIT_INIT FactoryInit, const GUID *Categories,
                                               ULONG CategoriesCount);
NTSTATUS AcxFactoryCircuitInitAssignProperties(PACXFACTORYCIRCUIT_INIT FactoryInit, PACX_PROPERTY_ITEM Properties,
                                               ULONG PropertiesCount);
NTSTATUS AcxFactoryCircuitInitAssignMethods(PACXFACTORYCIRCUIT_INIT FactoryInit, PACX_METHOD_ITEM Methods,
                                            ULONG MethodsCount);
VOID AcxFactoryCircuitInitSetOperationCallbacks(PACXFACTORYCIRCUIT_INIT FactoryInit,
                                                PACX_FACTORY_CIRCUIT_OPERATION_CALLBACKS Callbacks);
NTSTATUS AcxFactoryCircuitInitAssignAcxRequestPreprocessCallback(
    PACXFACTORYCIRCUIT_INIT FactoryInit, PFN_ACX_OBJECT_PREPROCESS_REQUEST EvtObjectAcxRequestPreprocess,
    ACXCONTEXT DriverContext, ACX_REQUEST_TYPE RequestType, const GUID *Set, ULONG Id);
NTSTATUS AcxFactoryCircuitCreate(WDFDEVICE Device, PWDF_OBJECT_ATTRIBUTES Attributes,
                                 PACXFACTORYCIRCUIT_INIT *FactoryInit, ACXFACTORYCIRCUIT *Factory);
WDFDEVICE AcxFactoryCircuitGetWdfDevice(ACXFACTORYCIRCUIT Factory);
NTSTATUS AcxFactoryCircuitDispatchAcxRequest(ACXFACTORYCIRCUIT Factory, WDFREQUEST Request);

/* ---- targets (acxtargets.h): a circuit of another driver, reached through a WDF I/O target ---- */
typedef struct _ACX_TARGET_CIRCUIT_CONFIG {
    ULONG Size;
    ULONG Flags;
    WDFSTRING SymbolicLinkName;
} ACX_TARGET_CIRCUIT_CONFIG, *PACX_TARGET_CIRCUIT_CONFIG;
FORCEINLINE VOID ACX_TARGET_CIRCUIT_CONFIG_INIT(PACX_TARGET_CIRCUIT_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_TARGET_CIRCUIT_CONFIG));
    Config->Size = sizeof(ACX_TARGET_CIRCUIT_CONFIG);
}
NTSTATUS AcxTargetCircuitCreate(WDFDEVICE Device, PWDF_OBJECT_ATTRIBUTES Attributes, PACX_TARGET_CIRCUIT_CONFIG Config,
                                ACXTARGETCIRCUIT *TargetCircuit);
WDFIOTARGET AcxTargetCircuitGetWdfIoTarget(ACXTARGETCIRCUIT TargetCircuit);
ULONG AcxTargetCircuitGetPinsCount(ACXTARGETCIRCUIT TargetCircuit);
ACXTARGETPIN AcxTargetCircuitGetTargetPin(ACXTARGETCIRCUIT TargetCircuit, ULONG PinId);
ULONG AcxTargetCircuitGetElementsCount(ACXTARGETCIRCUIT TargetCircuit);
ACXTARGETELEMENT AcxTargetCircuitGetTargetElement(ACXTARGETCIRCUIT TargetCircuit, ULONG ElementIndex);
NTSTATUS AcxTargetCircuitFormatRequestForProperty(ACXTARGETCIRCUIT TargetCircuit, WDFREQUEST Request,
                                                  PACX_REQUEST_PARAMETERS Params);
NTSTATUS AcxTargetCircuitFormatRequestForMethod(ACXTARGETCIRCUIT TargetCircuit, WDFREQUEST Request,
                                                PACX_REQUEST_PARAMETERS Params);
WDFIOTARGET AcxTargetPinGetWdfIoTarget(ACXTARGETPIN TargetPin);
ULONG AcxTargetPinGetId(ACXTARGETPIN TargetPin);
NTSTATUS AcxTargetPinFormatRequestForProperty(ACXTARGETPIN TargetPin, WDFREQUEST Request,
                                              PACX_REQUEST_PARAMETERS Params);
NTSTATUS AcxTargetPinRetrieveModeDataFormatList(ACXTARGETPIN TargetPin, const GUID *SignalProcessingMode,
                                                ACXDATAFORMATLIST *FormatList);
WDFIOTARGET AcxTargetElementGetWdfIoTarget(ACXTARGETELEMENT TargetElement);
ULONG AcxTargetElementGetId(ACXTARGETELEMENT TargetElement);
GUID AcxTargetElementGetType(ACXTARGETELEMENT TargetElement);
NTSTATUS AcxTargetElementFormatRequestForProperty(ACXTARGETELEMENT TargetElement, WDFREQUEST Request,
                                                  PACX_REQUEST_PARAMETERS Params);
WDFIOTARGET AcxTargetStreamGetWdfIoTarget(ACXTARGETSTREAM TargetStream);
NTSTATUS AcxTargetStreamFormatRequestForProperty(ACXTARGETSTREAM TargetStream, WDFREQUEST Request,
                                                 PACX_REQUEST_PARAMETERS Params);

/* ---- multi-circuit composites (acxmanager.h, acxcomposite.h) ---- */
typedef enum _ACX_CIRCUIT_TEMPLATE_CONFIG_FLAGS {
    AcxCircuitTemplateNoFlags = 0x0, AcxCircuitTemplateCircuitOnDemand = 0x1
} ACX_CIRCUIT_TEMPLATE_CONFIG_FLAGS;
typedef struct _ACX_CIRCUIT_TEMPLATE_CONFIG {
    ULONG Size;
    ULONG Flags;
    const GUID *ContainerId;
    ACXOBJECTBAG FactoryProperties;
    const GUID *FactoryId;
    PCUNICODE_STRING FactoryUri;
    PCUNICODE_STRING FactoryName;
    ACXOBJECTBAG CircuitProperties;
    const GUID *CircuitId;
    PCUNICODE_STRING CircuitUri;
    PCUNICODE_STRING CircuitName;
} ACX_CIRCUIT_TEMPLATE_CONFIG, *PACX_CIRCUIT_TEMPLATE_CONFIG;
FORCEINLINE VOID ACX_CIRCUIT_TEMPLATE_CONFIG_INIT(PACX_CIRCUIT_TEMPLATE_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_CIRCUIT_TEMPLATE_CONFIG));
    Config->Size = sizeof(ACX_CIRCUIT_TEMPLATE_CONFIG);
}
typedef enum _ACX_COMPOSITE_TEMPLATE_CONFIG_FLAGS {
    AcxCompositeTemplateNoFlags = 0x0, AcxCompositeTemplateConfigSingleton = 0x1
} ACX_COMPOSITE_TEMPLATE_CONFIG_FLAGS;
typedef struct _ACX_COMPOSITE_TEMPLATE_CONFIG {
    ULONG Size;
    ULONG Flags;
    ACXOBJECTBAG Properties;
} ACX_COMPOSITE_TEMPLATE_CONFIG, *PACX_COMPOSITE_TEMPLATE_CONFIG;
FORCEINLINE VOID ACX_COMPOSITE_TEMPLATE_CONFIG_INIT(PACX_COMPOSITE_TEMPLATE_CONFIG Config)
{
    RtlZeroMemory(Config, sizeof(ACX_COMPOSITE_TEMPLATE_CONFIG));
    Config->Size = sizeof(ACX_COMPOSITE_TEMPLATE_CONFIG);
}
ACXMANAGER AcxGetManager(PVOID Reserved);
NTSTATUS AcxCircuitTemplateCreate(WDFOBJECT ParentObject, PWDF_OBJECT_ATTRIBUTES Attributes,
                                  PACX_CIRCUIT_TEMPLATE_CONFIG Config, ACXCIRCUITTEMPLATE *CircuitTemplate);
NTSTATUS AcxCompositeTemplateCreate(WDFOBJECT ParentObject, PWDF_OBJECT_ATTRIBUTES Attributes,
                                    PACX_COMPOSITE_TEMPLATE_CONFIG Config, ACXCOMPOSITETEMPLATE *CompositeTemplate);
NTSTATUS AcxCompositeTemplateAssignCircuits(ACXCOMPOSITETEMPLATE CompositeTemplate, ACXCIRCUITTEMPLATE *Circuits,
                                            ULONG CircuitsCount);
VOID AcxCompositeTemplateSetCoreCircuit(ACXCOMPOSITETEMPLATE CompositeTemplate, ACXCIRCUITTEMPLATE CoreCircuit);
NTSTATUS AcxManagerAddCompositeTemplate(ACXMANAGER Manager, ACXCOMPOSITETEMPLATE CompositeTemplate);
NTSTATUS AcxManagerRemoveCompositeTemplate(ACXMANAGER Manager, ACXCOMPOSITETEMPLATE CompositeTemplate);

/* ---- DRM ---- */
NTSTATUS AcxDrmAddContentHandlers(ULONG ContentId, PVOID *PaHandlers, ULONG NumHandlers);
NTSTATUS AcxDrmForwardContentToDeviceObject(ULONG ContentId, PVOID Reserved, PVOID DrmForward);

#ifdef __cplusplus
}
#endif
