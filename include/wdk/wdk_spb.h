/* wdk_spb.h - drvtaint WDK shim: simple peripheral buses. spb.h (transfer lists that peripheral
 * drivers send in IOCTL_SPB_EXECUTE_SEQUENCE and that controllers read), spbcx.h (the SPB framework
 * extension for I2C/SPI controller drivers: targets, requests, the controller config and callbacks,
 * the Spb* methods), reshub.h (resource hub paths and connection properties, the serial-bus
 * descriptors of ACPI connection resources). Written from the spb.h, spbcx.h and reshub.h reference
 * pages and the "Connection IDs for SPB-connected peripheral devices" page. The IOCTL_SPB_* and
 * IOCTL_RH_* codes have no documented value and are left to recovery. */
#pragma once
#include "wdk_base.h"
#include "wdf.h"
#include "ntstrsafe.h"

#ifdef __cplusplus
extern "C" {
#endif

/* spb.h */
typedef enum _SPB_TRANSFER_DIRECTION {
    SpbTransferDirectionNone = 0,
    SpbTransferDirectionFromDevice,
    SpbTransferDirectionToDevice,
    SpbTransferDirectionMax
} SPB_TRANSFER_DIRECTION;
typedef enum _SPB_TRANSFER_BUFFER_FORMAT {
    SpbTransferBufferFormatInvalid = 0,
    SpbTransferBufferFormatSimple,
    SpbTransferBufferFormatList,
    SpbTransferBufferFormatSimpleNonPaged,
    SpbTransferBufferFormatMdl,
    SpbTransferBufferFormatMax
} SPB_TRANSFER_BUFFER_FORMAT;
typedef struct _SPB_TRANSFER_BUFFER_LIST_ENTRY {
    PVOID Buffer;
    ULONG BufferCb;
} SPB_TRANSFER_BUFFER_LIST_ENTRY, *PSPB_TRANSFER_BUFFER_LIST_ENTRY;
typedef struct _SPB_TRANSFER_BUFFER {
    SPB_TRANSFER_BUFFER_FORMAT Format;
    union {
        struct { PVOID Buffer; ULONG BufferCb; } Simple;
        struct { PSPB_TRANSFER_BUFFER_LIST_ENTRY List; ULONG ListCe; } BufferList;
        PMDL Mdl;
    };
} SPB_TRANSFER_BUFFER, *PSPB_TRANSFER_BUFFER;
typedef struct _SPB_TRANSFER_LIST_ENTRY {
    SPB_TRANSFER_DIRECTION Direction;
    ULONG DelayInUs;
    SPB_TRANSFER_BUFFER Buffer;
} SPB_TRANSFER_LIST_ENTRY, *PSPB_TRANSFER_LIST_ENTRY;
typedef struct _SPB_TRANSFER_LIST {
    ULONG Size;
    ULONG Reserved;
    ULONG TransferCount;
    SPB_TRANSFER_LIST_ENTRY Transfers[1];
} SPB_TRANSFER_LIST, *PSPB_TRANSFER_LIST;
#define SPB_TRANSFER_LIST_AND_ENTRIES(NUMBER_OF_ENTRIES) \
    struct { SPB_TRANSFER_LIST List; SPB_TRANSFER_LIST_ENTRY ExtraTransfers[(NUMBER_OF_ENTRIES) - 1]; }
FORCEINLINE VOID SPB_TRANSFER_LIST_INIT(PSPB_TRANSFER_LIST List, ULONG TransferCount)
{
    memset(List, 0, FIELD_OFFSET(SPB_TRANSFER_LIST, Transfers) + TransferCount * sizeof(SPB_TRANSFER_LIST_ENTRY));
    List->Size = sizeof(SPB_TRANSFER_LIST);
    List->TransferCount = TransferCount;
}
FORCEINLINE SPB_TRANSFER_LIST_ENTRY SPB_TRANSFER_LIST_ENTRY_INIT_SIMPLE(SPB_TRANSFER_DIRECTION Direction,
                                                                        ULONG DelayInUs, PVOID Buffer, ULONG BufferCb)
{
    SPB_TRANSFER_LIST_ENTRY e;
    memset(&e, 0, sizeof(e));
    e.Direction = Direction;
    e.DelayInUs = DelayInUs;
    e.Buffer.Format = SpbTransferBufferFormatSimple;
    e.Buffer.Simple.Buffer = Buffer;
    e.Buffer.Simple.BufferCb = BufferCb;
    return e;
}

/* spbcx.h */
typedef WDFDEVICE SPBCONTROLLER;
typedef WDFFILEOBJECT SPBTARGET;
typedef WDFREQUEST SPBREQUEST;

typedef enum _SPB_REQUEST_TYPE {
    SpbRequestTypeUndefined = 0,
    SpbRequestTypeRead,
    SpbRequestTypeWrite,
    SpbRequestTypeSequence,
    SpbRequestTypeLockController,
    SpbRequestTypeUnlockController,
    SpbRequestTypeLockConnection,
    SpbRequestTypeUnlockConnection,
    SpbRequestTypeOther,
    SpbRequestTypeMax
} SPB_REQUEST_TYPE;
typedef enum _SPB_REQUEST_SEQUENCE_POSITION {
    SpbRequestSequencePositionInvalid = 0,
    SpbRequestSequencePositionSingle,
    SpbRequestSequencePositionFirst,
    SpbRequestSequencePositionContinue,
    SpbRequestSequencePositionLast
} SPB_REQUEST_SEQUENCE_POSITION;

typedef struct _SPB_CONNECTION_PARAMETERS {
    ULONG Size;
    PVOID ConnectionParameters;
} SPB_CONNECTION_PARAMETERS, *PSPB_CONNECTION_PARAMETERS;
FORCEINLINE VOID SPB_CONNECTION_PARAMETERS_INIT(PSPB_CONNECTION_PARAMETERS Parameters)
{
    memset(Parameters, 0, sizeof(*Parameters));
    Parameters->Size = sizeof(*Parameters);
}
typedef struct _SPB_REQUEST_PARAMETERS {
    ULONG Size;
    SPB_REQUEST_TYPE Type;
    SPB_REQUEST_SEQUENCE_POSITION Position;
    size_t Length;
    ULONG SequenceTransferCount;
} SPB_REQUEST_PARAMETERS, *PSPB_REQUEST_PARAMETERS;
FORCEINLINE VOID SPB_REQUEST_PARAMETERS_INIT(PSPB_REQUEST_PARAMETERS Parameters)
{
    memset(Parameters, 0, sizeof(*Parameters));
    Parameters->Size = sizeof(*Parameters);
}
typedef struct _SPB_TRANSFER_DESCRIPTOR {
    ULONG Size;
    SPB_TRANSFER_DIRECTION Direction;
    size_t TransferLength;
    ULONG DelayInUs;
} SPB_TRANSFER_DESCRIPTOR, *PSPB_TRANSFER_DESCRIPTOR;
FORCEINLINE VOID SPB_TRANSFER_DESCRIPTOR_INIT(PSPB_TRANSFER_DESCRIPTOR Descriptor)
{
    memset(Descriptor, 0, sizeof(*Descriptor));
    Descriptor->Size = sizeof(*Descriptor);
}

typedef NTSTATUS EVT_SPB_TARGET_CONNECT(WDFDEVICE Controller, SPBTARGET Target);
typedef EVT_SPB_TARGET_CONNECT *PFN_SPB_TARGET_CONNECT;
typedef VOID EVT_SPB_TARGET_DISCONNECT(WDFDEVICE Controller, SPBTARGET Target);
typedef EVT_SPB_TARGET_DISCONNECT *PFN_SPB_TARGET_DISCONNECT;
typedef VOID EVT_SPB_CONTROLLER_LOCK(WDFDEVICE Controller, SPBTARGET Target, SPBREQUEST LockRequest);
typedef EVT_SPB_CONTROLLER_LOCK *PFN_SPB_CONTROLLER_LOCK;
typedef VOID EVT_SPB_CONTROLLER_UNLOCK(WDFDEVICE Controller, SPBTARGET Target, SPBREQUEST UnlockRequest);
typedef EVT_SPB_CONTROLLER_UNLOCK *PFN_SPB_CONTROLLER_UNLOCK;
typedef VOID EVT_SPB_CONTROLLER_READ(WDFDEVICE Controller, SPBTARGET Target, SPBREQUEST Request, size_t Length);
typedef EVT_SPB_CONTROLLER_READ *PFN_SPB_CONTROLLER_READ;
typedef VOID EVT_SPB_CONTROLLER_WRITE(WDFDEVICE Controller, SPBTARGET Target, SPBREQUEST Request, size_t Length);
typedef EVT_SPB_CONTROLLER_WRITE *PFN_SPB_CONTROLLER_WRITE;
typedef VOID EVT_SPB_CONTROLLER_SEQUENCE(WDFDEVICE Controller, SPBTARGET Target, SPBREQUEST Request,
                                         ULONG TransferCount);
typedef EVT_SPB_CONTROLLER_SEQUENCE *PFN_SPB_CONTROLLER_SEQUENCE;
typedef VOID EVT_SPB_CONTROLLER_OTHER(WDFDEVICE Controller, SPBTARGET Target, SPBREQUEST Request,
                                      size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode);
typedef EVT_SPB_CONTROLLER_OTHER *PFN_SPB_CONTROLLER_OTHER;
typedef VOID EVT_SPB_CONNECTION_LOCK(WDFDEVICE Controller, SPBTARGET Target, SPBREQUEST LockRequest);
typedef EVT_SPB_CONNECTION_LOCK *PFN_SPB_CONNECTION_LOCK;
typedef VOID EVT_SPB_CONNECTION_UNLOCK(WDFDEVICE Controller, SPBTARGET Target, SPBREQUEST UnlockRequest);
typedef EVT_SPB_CONNECTION_UNLOCK *PFN_SPB_CONNECTION_UNLOCK;

typedef struct _SPB_CONTROLLER_CONFIG {
    ULONG Size;
    WDF_IO_QUEUE_DISPATCH_TYPE ControllerDispatchType;
    WDF_TRI_STATE PowerManaged;
    PFN_SPB_TARGET_CONNECT EvtSpbTargetConnect;
    PFN_SPB_TARGET_DISCONNECT EvtSpbTargetDisconnect;
    PFN_SPB_CONTROLLER_LOCK EvtSpbControllerLock;
    PFN_SPB_CONTROLLER_UNLOCK EvtSpbControllerUnlock;
    PFN_SPB_CONTROLLER_READ EvtSpbIoRead;
    PFN_SPB_CONTROLLER_WRITE EvtSpbIoWrite;
    PFN_SPB_CONTROLLER_SEQUENCE EvtSpbIoSequence;
    PFN_SPB_CONNECTION_LOCK EvtSpbConnectionLock;
    PFN_SPB_CONNECTION_UNLOCK EvtSpbConnectionUnlock;
} SPB_CONTROLLER_CONFIG, *PSPB_CONTROLLER_CONFIG;
FORCEINLINE VOID SPB_CONTROLLER_CONFIG_INIT(PSPB_CONTROLLER_CONFIG Config)
{
    memset(Config, 0, sizeof(*Config));
    Config->Size = sizeof(*Config);
    Config->ControllerDispatchType = WdfIoQueueDispatchSequential;
    Config->PowerManaged = WdfUseDefault;
}

NTSTATUS SpbDeviceInitConfig(PWDFDEVICE_INIT DeviceInit);
NTSTATUS SpbDeviceInitialize(WDFDEVICE FxDevice, PSPB_CONTROLLER_CONFIG Config);
VOID SpbControllerSetIoOtherCallback(WDFDEVICE FxDevice, PFN_SPB_CONTROLLER_OTHER EvtSpbIoOther,
                                     PFN_WDF_IO_IN_CALLER_CONTEXT EvtIoInCallerContext);
VOID SpbControllerSetTargetAttributes(WDFDEVICE FxDevice, PWDF_OBJECT_ATTRIBUTES TargetAttributes);
VOID SpbControllerSetRequestAttributes(WDFDEVICE FxDevice, PWDF_OBJECT_ATTRIBUTES RequestAttributes);
VOID SpbTargetGetConnectionParameters(SPBTARGET Target, PSPB_CONNECTION_PARAMETERS Parameters);
SPBTARGET SpbRequestGetTarget(SPBREQUEST Request);
WDFDEVICE SpbRequestGetController(SPBREQUEST Request);
VOID SpbRequestGetParameters(SPBREQUEST Request, PSPB_REQUEST_PARAMETERS Parameters);
VOID SpbRequestGetTransferParameters(SPBREQUEST Request, ULONG Index, PSPB_TRANSFER_DESCRIPTOR TransferDescriptor,
                                     PMDL *TransferBuffer);
VOID SpbRequestComplete(SPBREQUEST Request, NTSTATUS CompletionStatus);
NTSTATUS SpbRequestCaptureIoOtherTransferList(SPBREQUEST Request);

/* reshub.h */
#define RESOURCE_HUB_DEVICE_NAME L"\\Device\\RESOURCE_HUB"
#define RESOURCE_HUB_PATH_CHARS 63
#define RESOURCE_HUB_PATH_SIZE (RESOURCE_HUB_PATH_CHARS * sizeof(WCHAR))
#define RESOURCE_HUB_CREATE_PATH_FROM_ID(RhPath, IdLowPart, IdHighPart) \
    RtlUnicodeStringPrintf((RhPath), L"%s\\%0*I64x", RESOURCE_HUB_DEVICE_NAME, \
                           (unsigned int)(sizeof(LARGE_INTEGER) * 2), \
                           ((ULONGLONG)(IdHighPart) << 32) | (ULONGLONG)(ULONG)(IdLowPart))

typedef struct _RH_QUERY_CONNECTION_PROPERTIES_OUTPUT_BUFFER {
    ULONG PropertiesLength;
    UCHAR ConnectionProperties[ANYSIZE_ARRAY];
} RH_QUERY_CONNECTION_PROPERTIES_OUTPUT_BUFFER, *PRH_QUERY_CONNECTION_PROPERTIES_OUTPUT_BUFFER;

/* the common header of an ACPI serial-bus connection descriptor; the bus-specific records that follow
 * it (I2C, SPI, UART) are defined by the drivers that read them, as the SPB samples do */
#pragma pack(push, 1)
typedef struct _PNP_SERIAL_BUS_DESCRIPTOR {
    UCHAR Tag;
    USHORT Length;
    UCHAR RevisionId;
    UCHAR ResourceSourceIndex;
    UCHAR SerialBusType;
    UCHAR GeneralFlags;
    USHORT TypeSpecificFlags;
    UCHAR TypeSpecificRevisionId;
    USHORT TypeDataLength;
} PNP_SERIAL_BUS_DESCRIPTOR, *PPNP_SERIAL_BUS_DESCRIPTOR;
#pragma pack(pop)

#ifdef __cplusplus
}
#endif
