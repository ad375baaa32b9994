/* wdk_sdca.h - drvtaint WDK shim: SoundWire Device Class for Audio (SDCA) as ACX drivers see it:
 * the extension-unit interface (SdcaXu.h), the streaming path records (sdcastreaming.h), the SoundWire
 * data-port record (soundwirecontroller.h) and aggregation (AudioAggregation.h). These headers have no
 * reference page on learn.microsoft.com; the records below carry the fields, and the interface the
 * function types, that the Windows-driver-samples SDCA drivers use (fields named as they use them, types
 * read from how they use them). Undocumented constants (KSPROPERTY_SDCA_*, path and mode values) are left
 * to recovery. */
#pragma once
#include "wdk_acx.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- SoundWire data ports (soundwirecontroller.h) ---- */
typedef struct _SOUNDWIRE_DATAPORT_CONFIGURATION {
    ULONG Size;
    ULONG EndpointId;
    ULONG DataPortNumber;
    ULONG ChannelMask;
    ULONG Modes;
} SOUNDWIRE_DATAPORT_CONFIGURATION, *PSOUNDWIRE_DATAPORT_CONFIGURATION;

/* ---- streaming paths (sdcastreaming.h) ---- */
typedef enum _SDCA_PATH {
    SdcaPathDefault = 0, SdcaPathReferenceStream, SdcaPathIvSense, SdcaPathUltrasoundRender,
    SdcaPathUltrasoundCapture, SdcaPathMaximum
} SDCA_PATH, *PSDCA_PATH;
typedef ULONG SDCA_SPECIALSTREAM_TYPE, *PSDCA_SPECIALSTREAM_TYPE;
typedef struct _SDCA_FUNCTION_INFORMATION {
    ULONG FunctionInformationId;
    ULONG FunctionId;
    ULONG64 UniqueId;
} SDCA_FUNCTION_INFORMATION, *PSDCA_FUNCTION_INFORMATION;
typedef struct _SDCA_FUNCTION_INFORMATION_LIST {
    ULONG Size;
    ULONG FunctionCount;
    SDCA_FUNCTION_INFORMATION FunctionInfoList[1];
} SDCA_FUNCTION_INFORMATION_LIST, *PSDCA_FUNCTION_INFORMATION_LIST;
typedef struct _SDCA_PATH_DESCRIPTOR {
    ULONG Size;
    ULONG Version;
    ULONG FunctionInformationId;
    ULONG TerminalEntityId;
    ULONG DataPortCount;
    ULONG FormatCount;
    WAVEFORMATEXTENSIBLE Formats[1];
} SDCA_PATH_DESCRIPTOR, *PSDCA_PATH_DESCRIPTOR;
typedef struct _SDCA_PATH_DESCRIPTORS {
    ULONG Size;
    ULONG Version;
    ULONG EndpointId;
    ULONG DescriptorCount;
    SDCA_PATH_DESCRIPTOR Descriptor[1];
} SDCA_PATH_DESCRIPTORS, *PSDCA_PATH_DESCRIPTORS;
#define SDCA_PATH_DESCRIPTOR2_VERSION_1 1
typedef struct _SDCA_PATH_DESCRIPTOR2 {
    ULONG Size;
    ULONG Version;
    ULONG FunctionInformationId;
    ULONG TerminalEntityId;
    ULONG DataPortMap;
    ULONG DataPortCount;
    ULONG FormatCount;
    SOUNDWIRE_DATAPORT_CONFIGURATION DataPortConfig[8];
    WAVEFORMATEXTENSIBLE Formats[1];
} SDCA_PATH_DESCRIPTOR2, *PSDCA_PATH_DESCRIPTOR2;
typedef struct _SDCA_PATH_DESCRIPTORS2 {
    ULONG Size;
    ULONG Version;
    ULONG EndpointId;
    SDCA_PATH SdcaPath;
    WAVEFORMATEXTENSIBLE SpecialPathFormat;
    ULONG DescriptorCount;
    SDCA_PATH_DESCRIPTOR2 Descriptor[1];
} SDCA_PATH_DESCRIPTORS2, *PSDCA_PATH_DESCRIPTORS2;
typedef struct _SDCA_KWS_NOTIFICATIONS {
    KEVENT Suspend;
    KEVENT Resume;
} SDCA_KWS_NOTIFICATIONS, *PSDCA_KWS_NOTIFICATIONS;
typedef struct _SDCA_KWS_PREPARE_PARAMS {
    ULONG EndpointId;
    ULONG VadMode;
    WAVEFORMATEXTENSIBLE DetectionFormat;
} SDCA_KWS_PREPARE_PARAMS, *PSDCA_KWS_PREPARE_PARAMS;

typedef struct _VAD_DESCRIPTOR {
    ULONG Size;
    ULONG DataPathsSupported;
    ULONG FormatCount;
    WAVEFORMATEXTENSIBLE Format[1];
} VAD_DESCRIPTOR, *PVAD_DESCRIPTOR;
typedef enum _SDCA_KWS_DATAPATHS {
    SupportedDataPathsNone = 0x0, SupportedDataPathsBufferedRaw = 0x1
} SDCA_KWS_DATAPATHS;
typedef struct _DEVICE_KWS_CAPABILITY_DESCRIPTOR {
    ULONG Size;
    ULONG DataPathsSupported;
} DEVICE_KWS_CAPABILITY_DESCRIPTOR, *PDEVICE_KWS_CAPABILITY_DESCRIPTOR;
/* property sets of the SDCA class driver (declared only: their values are not documented) */
extern const GUID KSPROPERTYSETID_Sdca;
extern const GUID KSPROPERTYSETID_SdcaKws;
extern const GUID KSPROPERTYSETID_SdcaAgg;
/* object-bag property names the SDCA class driver reads */
extern const UNICODE_STRING SdcaPropertyPathDescriptors2;

/* ---- aggregation (AudioAggregation.h) ---- */
typedef struct _SDCA_AGGREGATION_DEVICE {
    ULONG FunctionId;
    ULONG64 UniqueId;
} SDCA_AGGREGATION_DEVICE, *PSDCA_AGGREGATION_DEVICE;
typedef struct _SDCA_AGGREGATION_DEVICES {
    ULONG Size;
    ULONG FunctionCount;
    ULONG FunctionIds[1];
} SDCA_AGGREGATION_DEVICES, *PSDCA_AGGREGATION_DEVICES;

/* ---- the extension-unit interface (SdcaXu.h) ---- */
extern const GUID SDCAXU_INTERFACE;
#define SDCAXU_INTERFACE_VERSION_0101 0x0101
#define SDCAXU_INTERFACE_VERSION_0102 0x0102
typedef enum _SDCAXU_HW_CONFIG_TYPE { SdcaXuHwConfigTypeAcpiBlob = 0, SdcaXuHwConfigTypeMaximum } SDCAXU_HW_CONFIG_TYPE;
typedef enum _SDCAXU_ENDPOINT_CONFIG_TYPE {
    SdcaXuEndpointConfigTypeAcxCircuitConfig = 0, SdcaXuEndpointConfigTypeMaximum
} SDCAXU_ENDPOINT_CONFIG_TYPE;
typedef enum _SDCAXU_NOTIFICATION_TYPE {
    SdcaXuNotificationTypeJackDetect = 0, SdcaXuNotificationTypePowerPre, SdcaXuNotificationTypePowerPost,
    SdcaXuNotificationTypeHardwareReset, SdcaXuNotificationTypeFunctionFault, SdcaXuNotificationTypeUMPSequenceFault,
    SdcaXuNotificationTypeStreamingStoppedAbnormally, SdcaXuNotificationTypeFunctionNeedsInitialization,
    SdcaXuNotificationTypeFdlBegin, SdcaXuNotificationTypeFdlEnd, SdcaXuNotificationTypePosture,
    SdcaXuNotificationTypeCommitGroup, SdcaXuNotificationTypeMaximum
} SDCAXU_NOTIFICATION_TYPE;
typedef ULONG SDCAXU_POWER_STATE;
typedef ULONG SDCAXU_JACK_EVENT;
/* Handed to the XU driver with SdcaXuEndpointConfigTypeAcxCircuitConfig; cbSize covers the strings that
 * follow the record. */
typedef struct _SDCAXU_ACX_CIRCUIT_CONFIG {
    ULONG cbSize;
    ACX_CIRCUIT_TYPE CircuitType;
    GUID ComponentID;
    GUID ContainerID;
    GUID CircuitUniqueId;
    UNICODE_STRING ComponentUri;
    UNICODE_STRING CircuitName;
    ACXOBJECTBAG CircuitProperties;
    ACXOBJECTBAG CompositeProperties;
    PVOID CircuitContext;
} SDCAXU_ACX_CIRCUIT_CONFIG, *PSDCAXU_ACX_CIRCUIT_CONFIG;
typedef struct _SDCAXU_INTERRUPT_INFO {
    ULONG Size;
    ULONG SDCAInterruptMask;
    ULONG SCPInterruptMask;
    ULONG DataPortInterrupts[15];
} SDCAXU_INTERRUPT_INFO, *PSDCAXU_INTERRUPT_INFO;
typedef struct _SDCAXU_NOTIFICATION_JACK_DETECT {
    ULONG GroupEntityId;
    ULONG DetectedMode;
    SDCAXU_JACK_EVENT JackEvent;
} SDCAXU_NOTIFICATION_JACK_DETECT, *PSDCAXU_NOTIFICATION_JACK_DETECT;
typedef struct _SDCAXU_NOTIFICATION_POWER {
    ULONG PowerDomainEntityId;
    SDCAXU_POWER_STATE OldState;
    SDCAXU_POWER_STATE NewState;
} SDCAXU_NOTIFICATION_POWER, *PSDCAXU_NOTIFICATION_POWER;
typedef struct _SDCAXU_NOTIFICATION_FDL_BEGIN { ULONG FdlEntityId; } SDCAXU_NOTIFICATION_FDL_BEGIN, *PSDCAXU_NOTIFICATION_FDL_BEGIN;
typedef struct _SDCAXU_NOTIFICATION_FDL_END {
    ULONG FdlEntityId;
    NTSTATUS FdlStatus;
} SDCAXU_NOTIFICATION_FDL_END, *PSDCAXU_NOTIFICATION_FDL_END;
typedef struct _SDCAXU_NOTIFICATION_POSTURE { ULONG Posture; } SDCAXU_NOTIFICATION_POSTURE, *PSDCAXU_NOTIFICATION_POSTURE;
typedef struct _SDCAXU_NOTIFICATION_COMMIT_GROUP { PVOID CommitGroupHandle; } SDCAXU_NOTIFICATION_COMMIT_GROUP, *PSDCAXU_NOTIFICATION_COMMIT_GROUP;
typedef struct _SDCA_AUDIO_CONTROL {
    ULONG Size;
    ULONG FunctionId;
    ULONG EntityId;
    ULONG ControlSelector;
    ULONG ControlNumber;
    ULONG Value;
    NTSTATUS Status;
} SDCA_AUDIO_CONTROL, *PSDCA_AUDIO_CONTROL;
typedef struct _SDCA_AUDIO_CONTROLS {
    ULONG Size;
    ULONG Count;
    SDCA_AUDIO_CONTROL Controls[1];
} SDCA_AUDIO_CONTROLS, *PSDCA_AUDIO_CONTROLS;

/* set by the XU driver, called by the SDCA class driver */
typedef NTSTATUS EVT_SDCAXU_SET_HW_CONFIG(PVOID Context, SDCAXU_HW_CONFIG_TYPE HwConfigType, PVOID HwConfigData,
                                          ULONG HwConfigDataSize);
typedef NTSTATUS EVT_SDCAXU_SET_ENDPOINT_CONFIG(PVOID Context, SDCAXU_ENDPOINT_CONFIG_TYPE EndpointConfigType,
                                                PVOID EndpointConfigData, ULONG EndpointConfigDataSize);
typedef NTSTATUS EVT_SDCAXU_REMOVE_ENDPOINT_CONFIG(PVOID Context, SDCAXU_ENDPOINT_CONFIG_TYPE EndpointConfigType,
                                                   PVOID EndpointConfigData, ULONG EndpointConfigDataSize);
typedef NTSTATUS EVT_SDCAXU_INTERRUPT_HANDLER(PVOID Context, PSDCAXU_INTERRUPT_INFO Interrupt);
typedef NTSTATUS EVT_SDCAXU_CHANGE_NOTIFICATION(PVOID Context, SDCAXU_NOTIFICATION_TYPE NotificationType,
                                                PVOID NotificationData, ULONG NotificationDataSize);
typedef NTSTATUS EVT_SDCAXU_RETRIEVE_SWFT_FILE_OVERRIDE(PVOID Context, USHORT VendorID, ULONG FileID,
                                                        USHORT SwftFileVersion, ULONG SwftFileLength,
                                                        PUSHORT NewFileVersion, PULONG NewFileLength,
                                                        ULONG NewFileBufferLength, PVOID NewFileBuffer);
/* set by the SDCA class driver, called by the XU driver */
typedef NTSTATUS EVT_SDCAXU_SET_XU_ENTITIES(PVOID Context, ULONG NumEntities, ULONG EntityIDs[]);
typedef NTSTATUS EVT_SDCAXU_REGISTER_FOR_INTERRUPTS(PVOID Context, PSDCAXU_INTERRUPT_INFO InterruptInfo);
typedef NTSTATUS EVT_SDCAXU_SET_JACK_OVERRIDE(PVOID Context, BOOLEAN Override);
typedef NTSTATUS EVT_SDCAXU_SET_JACK_SELECTED_MODE(PVOID Context, ULONG GroupEntityId, ULONG SelectedMode);
typedef NTSTATUS EVT_SDCAXU_PDE_POWER_REFERENCE_ACQUIRE(PVOID Context, ULONG PowerDomainEntityId,
                                                        SDCAXU_POWER_STATE RequiredState);
typedef NTSTATUS EVT_SDCAXU_PDE_POWER_REFERENCE_RELEASE(PVOID Context, ULONG PowerDomainEntityId,
                                                        SDCAXU_POWER_STATE ReleasedState);
typedef NTSTATUS EVT_SDCAXU_READ_DEFERRED_AUDIO_CONTROLS(PVOID Context, PSDCA_AUDIO_CONTROLS Controls);
typedef NTSTATUS EVT_SDCAXU_WRITE_DEFERRED_AUDIO_CONTROLS(PVOID Context, PSDCA_AUDIO_CONTROLS Controls);

#define DRVTAINT_SDCAXU_INTERFACE_V0101_MEMBERS                                  \
    INTERFACE InterfaceHeader;                                                   \
    EVT_SDCAXU_SET_HW_CONFIG *EvtSetHwConfig;                                    \
    EVT_SDCAXU_SET_ENDPOINT_CONFIG *EvtSetEndpointConfig;                        \
    EVT_SDCAXU_REMOVE_ENDPOINT_CONFIG *EvtRemoveEndpointConfig;                  \
    EVT_SDCAXU_INTERRUPT_HANDLER *EvtInterruptHandler;                           \
    EVT_SDCAXU_CHANGE_NOTIFICATION *EvtChangeNotification;                       \
    EVT_SDCAXU_SET_XU_ENTITIES *EvtSetXUEntities;                                \
    EVT_SDCAXU_REGISTER_FOR_INTERRUPTS *EvtRegisterForInterrupts;                \
    EVT_SDCAXU_SET_JACK_OVERRIDE *EvtSetJackOverride;                            \
    EVT_SDCAXU_SET_JACK_SELECTED_MODE *EvtSetJackSelectedMode;                   \
    EVT_SDCAXU_PDE_POWER_REFERENCE_ACQUIRE *EvtPDEPowerReferenceAcquire;         \
    EVT_SDCAXU_PDE_POWER_REFERENCE_RELEASE *EvtPDEPowerReferenceRelease;         \
    EVT_SDCAXU_READ_DEFERRED_AUDIO_CONTROLS *EvtReadDeferredAudioControls;       \
    EVT_SDCAXU_WRITE_DEFERRED_AUDIO_CONTROLS *EvtWriteDeferredAudioControls;
typedef struct _SDCAXU_INTERFACE_V0101 {
    DRVTAINT_SDCAXU_INTERFACE_V0101_MEMBERS
} SDCAXU_INTERFACE_V0101, *PSDCAXU_INTERFACE_V0101;
typedef struct _SDCAXU_INTERFACE_V0102 {
    DRVTAINT_SDCAXU_INTERFACE_V0101_MEMBERS
    EVT_SDCAXU_RETRIEVE_SWFT_FILE_OVERRIDE *EvtRetrieveSwftFileOverride;
} SDCAXU_INTERFACE_V0102, *PSDCAXU_INTERFACE_V0102;

#ifdef __cplusplus
}
#endif
