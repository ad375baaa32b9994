/* ntpoapi.h - drvtaint WDK shim: power-setting callbacks and the power-setting GUIDs drivers
 * register for (declared, as DEFINE_GUID declares them without INITGUID), from the wdm.h and
 * power-setting reference pages. */
#pragma once
#include "wdk_io.h"

#ifdef __cplusplus
extern "C" {
#endif
#ifndef DRVTAINT_POWER_SETTING_CALLBACK
#define DRVTAINT_POWER_SETTING_CALLBACK
typedef NTSTATUS POWER_SETTING_CALLBACK(LPCGUID SettingGuid, PVOID Value, ULONG ValueLength, PVOID Context);
typedef POWER_SETTING_CALLBACK *PPOWER_SETTING_CALLBACK;
NTSTATUS PoRegisterPowerSettingCallback(PDEVICE_OBJECT DeviceObject, LPCGUID SettingGuid,
                                        PPOWER_SETTING_CALLBACK Callback, PVOID Context, PVOID *Handle);
NTSTATUS PoUnregisterPowerSettingCallback(PVOID Handle);
#endif
extern const GUID GUID_CONSOLE_DISPLAY_STATE, GUID_MONITOR_POWER_ON, GUID_DISK_IDLE_TIMEOUT,
    GUID_DISK_POWERDOWN_TIMEOUT, GUID_DISK_ADAPTIVE_POWERDOWN, GUID_DISK_BURST_IGNORE_THRESHOLD,
    GUID_ACDC_POWER_SOURCE, GUID_LIDSWITCH_STATE_CHANGE, GUID_SYSTEM_AWAYMODE, GUID_IDLE_RESILIENCY_PERIOD,
    GUID_SESSION_DISPLAY_STATUS, GUID_POWER_SAVING_STATUS, GUID_ENERGY_SAVER_STATUS;
#ifdef __cplusplus
}
#endif
