/* USBSidebandAudio.h - drvtaint WDK shim: USB sideband audio (the sideband DDI of sidebandaudio.h, reached
 * through the USB hands-free bypass interface). */
#pragma once
#include "sidebandaudio.h"

DT_BEGIN
extern const GUID GUID_DEVINTERFACE_USB_SIDEBAND_AUDIO_HS_HCIBYPASS;
extern const GUID SIDEBANDAUDIO_PARAMS_SET_USBAUDIO;
DT_END
