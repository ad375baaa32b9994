/* bthhfpddi.h - drvtaint WDK shim: the Bluetooth hands-free profile (HFP) audio DDI, written from the
 * bthhfpddi.h reference pages. The IOCTL_BTHHFP_* codes are left to recovery (the pages do not give
 * their values), so they stay distinct constants. */
#pragma once
#include "wdm.h"

DT_BEGIN
extern const GUID GUID_DEVINTERFACE_BLUETOOTH_HFP_SCO_HCIBYPASS;
typedef struct _BTHHFP_DESCRIPTOR {
    GUID InputPinCategory;
    GUID OutputPinCategory;
    GUID ContainerId;
    BOOL SupportsVolume;
    ULONG VolumePropertyValuesSize;
    UNICODE_STRING FriendlyName;
} BTHHFP_DESCRIPTOR, *PBTHHFP_DESCRIPTOR;
typedef struct _BTHHFP_DESCRIPTOR2 {
    GUID InputPinCategory;
    GUID OutputPinCategory;
    GUID ContainerId;
    BOOL SupportsVolume;
    ULONG VolumePropertyValuesSize;
    UNICODE_STRING FriendlyName;
    BOOL SupportsNREC;
} BTHHFP_DESCRIPTOR2, *PBTHHFP_DESCRIPTOR2;
typedef enum _HFP_BYPASS_CODEC_ID_VERSION { REQ_HFP_BYPASS_CODEC_ID_V1 } HFP_BYPASS_CODEC_ID_VERSION, *PHFP_BYPASS_CODEC_ID_VERSION;
typedef struct _HFP_BYPASS_CODEC_ID_V1 {
    UCHAR CodecId; /* 0 undefined, 1 CVSD, 2 mSBC */
} HFP_BYPASS_CODEC_ID_V1, *PHFP_BYPASS_CODEC_ID_V1;
/* input of IOCTL_BTHHFP_DEVICE_INDICATE_AUDIO_DEVICE_CAPABILITIES (spelled as in the DDI) */
typedef struct _BTHHFP_AUDIO_DEVICE_CAPABILTIES {
    ULONG Size;
    BOOLEAN Supports16kHzSampling;
} BTHHFP_AUDIO_DEVICE_CAPABILTIES, *PBTHHFP_AUDIO_DEVICE_CAPABILTIES;
FORCEINLINE VOID BTHHFP_AUDIO_DEVICE_CAPABILTIES_INIT(PBTHHFP_AUDIO_DEVICE_CAPABILTIES Caps)
{
    RtlZeroMemory(Caps, sizeof(BTHHFP_AUDIO_DEVICE_CAPABILTIES));
    Caps->Size = sizeof(BTHHFP_AUDIO_DEVICE_CAPABILTIES);
}
DT_END
