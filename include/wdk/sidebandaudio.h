/* sidebandaudio.h - drvtaint WDK shim: the records of the sideband audio DDI (USB audio and A2DP
 * endpoints driven by an audio driver), as the sidebandaudio.h reference pages lay them out. The
 * IOCTL_SBAUD_* codes are left to recovery (their reference pages give no values). */
#pragma once
#include "ks.h"
#include "wdk_ksmedia.h"
DT_BEGIN
extern const GUID GUID_DEVINTERFACE_A2DP_SIDEBAND_AUDIO;
typedef struct _SIDEBANDAUDIO_DEVICE_DESCRIPTOR {
    ULONG NumberOfEndpoints;
} SIDEBANDAUDIO_DEVICE_DESCRIPTOR, *PSIDEBANDAUDIO_DEVICE_DESCRIPTOR;
typedef struct _SIDEBANDAUDIO_ENDPOINT_CAPABILITIES {
    BOOL Volume;
    BOOL Mute;
    BOOL Sidetone;
    BOOL Feedback;
} SIDEBANDAUDIO_ENDPOINT_CAPABILITIES;
typedef struct _SIDEBANDAUDIO_ENDPOINT_DESCRIPTOR {
    ULONG CbSize;
    GUID ContainerId;
    GUID Category;
    KSPIN_DATAFLOW Direction;
    SIDEBANDAUDIO_ENDPOINT_CAPABILITIES Capabilities;
    UNICODE_STRING FriendlyName;
    ULONG VolumePropertyValuesSize;
    ULONG SidetoneVolumePropertyValueSize;
    ULONG MutePropertyValuesSize;
} SIDEBANDAUDIO_ENDPOINT_DESCRIPTOR, *PSIDEBANDAUDIO_ENDPOINT_DESCRIPTOR;
typedef struct _SIDEBANDAUDIO_ENDPOINT_DESCRIPTOR2 {
    ULONG CbSize;
    GUID ContainerId;
    GUID Category;
    KSPIN_DATAFLOW Direction;
    SIDEBANDAUDIO_ENDPOINT_CAPABILITIES Capabilities;
    UNICODE_STRING FriendlyName;
    ULONG VolumePropertyValuesSize;
    ULONG SidetoneVolumePropertyValueSize;
    ULONG MutePropertyValuesSize;
    ULONG FilterInterfacePropertyCount;
    DEVPROPERTY *FilterInterfaceProperties;
} SIDEBANDAUDIO_ENDPOINT_DESCRIPTOR2, *PSIDEBANDAUDIO_ENDPOINT_DESCRIPTOR2;
typedef struct _SIDEBANDAUDIO_MUTE_PARAMS {
    ULONG EpIndex;
    BOOL Immediate;
    LONG Channel;
    BOOL Value;
} SIDEBANDAUDIO_MUTE_PARAMS, *PSIDEBANDAUDIO_MUTE_PARAMS;
typedef struct _SIDEBANDAUDIO_VOLUME_PARAMS {
    ULONG EpIndex;
    BOOL Immediate;
    LONG Channel;
    LONG Value;
} SIDEBANDAUDIO_VOLUME_PARAMS, *PSIDEBANDAUDIO_VOLUME_PARAMS;
typedef struct _SIDEBANDAUDIO_SIDETONE_DESCRIPTOR {
    LONG Volume;
    BOOL Mute;
} SIDEBANDAUDIO_SIDETONE_DESCRIPTOR, *PSIDEBANDAUDIO_SIDETONE_DESCRIPTOR;
typedef struct _SIDEBANDAUDIO_SIDETONE_PARAMS {
    ULONG EpIndex;
    BOOL Immediate;
    LONG Channel;
    SIDEBANDAUDIO_SIDETONE_DESCRIPTOR Sidetone;
} SIDEBANDAUDIO_SIDETONE_PARAMS, *PSIDEBANDAUDIO_SIDETONE_PARAMS;
typedef struct _SIDEBANDAUDIO_SUPPORTED_FORMATS {
    ULONG CbSize;
    ULONG EpIndex;
    ULONG NumFormats;
    PKSDATAFORMAT *Formats;
} SIDEBANDAUDIO_SUPPORTED_FORMATS, *PSIDEBANDAUDIO_SUPPORTED_FORMATS;
typedef union {
    struct {
        GUID ParamSet;
        ULONG TypeId;
        ULONG Size;
    };
    LONGLONG Alignment;
} SIDEBANDAUDIO_IO_PARAM_HEADER, *PSIDEBANDAUDIO_IO_PARAM_HEADER;
typedef union {
    struct {
        ULONG EpIndex;
        SIDEBANDAUDIO_IO_PARAM_HEADER RequestedSiop;
    };
    LONGLONG Alignment;
} SIDEBANDAUDIO_SIOP_REQUEST_PARAM, *PSIDEBANDAUDIO_SIOP_REQUEST_PARAM;
typedef union {
    struct {
        ULONG EpIndex;
        PKSDATAFORMAT Format;
        ULONG SiopCount;
    };
    LONGLONG Alignment;
} SIDEBANDAUDIO_STREAM_OPEN_PARAMS, *PSIDEBANDAUDIO_STREAM_OPEN_PARAMS;
typedef struct _SIDEBANDAUDIO_STREAM_STATUS_PARAMS {
    ULONG EpIndex;
    BOOL Immediate;
    NTSTATUS Status;
} SIDEBANDAUDIO_STREAM_STATUS_PARAMS, *PSIDEBANDAUDIO_STREAM_STATUS_PARAMS;
DT_END
