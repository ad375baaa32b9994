/* wdk_pofx.h - drvtaint WDK shim: the runtime power framework of wdm.h (PoFx): component idle
 * states, components, the device record with its callbacks, and the PoFx* routines a driver calls
 * to register and drive its components. Included by wdk_ex.h (the kernel set), as wdm.h has them.
 * Written from the wdm.h PoFx reference pages. */
#pragma once
#include "wdk_base.h"
#include "wdk_io.h"

DT_BEGIN

#ifndef DRVTAINT_POHANDLE_DEFINED
#define DRVTAINT_POHANDLE_DEFINED
typedef struct POHANDLE__ { int unused; } *POHANDLE;
#endif

#define PO_FX_VERSION_V1 0x00000001
#define PO_FX_VERSION_V2 0x00000002
#define PO_FX_VERSION PO_FX_VERSION_V2
#define PO_FX_FLAG_BLOCKING 0x1
#define PO_FX_FLAG_ASYNC_ONLY 0x2
#define PO_FX_UNKNOWN_POWER 0xffffffff
#define PO_FX_UNKNOWN_TIME 0xffffffffffffffffULL

typedef struct _PO_FX_COMPONENT_IDLE_STATE {
    ULONGLONG TransitionLatency;
    ULONGLONG ResidencyRequirement;
    ULONG NominalPower;
} PO_FX_COMPONENT_IDLE_STATE, *PPO_FX_COMPONENT_IDLE_STATE;

typedef struct _PO_FX_COMPONENT_V1 {
    GUID Id;
    ULONG IdleStateCount;
    ULONG DeepestWakeableIdleState;
    PPO_FX_COMPONENT_IDLE_STATE IdleStates;
} PO_FX_COMPONENT_V1, *PPO_FX_COMPONENT_V1;
typedef struct _PO_FX_COMPONENT_V2 {
    GUID Id;
    ULONGLONG Flags;
    ULONG DeepestWakeableIdleState;
    ULONG IdleStateCount;
    PPO_FX_COMPONENT_IDLE_STATE IdleStates;
    ULONG ProviderCount;
    PULONG Providers;
} PO_FX_COMPONENT_V2, *PPO_FX_COMPONENT_V2;
typedef PO_FX_COMPONENT_V2 PO_FX_COMPONENT, *PPO_FX_COMPONENT;

typedef VOID PO_FX_COMPONENT_ACTIVE_CONDITION_CALLBACK(PVOID Context, ULONG Component);
typedef PO_FX_COMPONENT_ACTIVE_CONDITION_CALLBACK *PPO_FX_COMPONENT_ACTIVE_CONDITION_CALLBACK;
typedef VOID PO_FX_COMPONENT_IDLE_CONDITION_CALLBACK(PVOID Context, ULONG Component);
typedef PO_FX_COMPONENT_IDLE_CONDITION_CALLBACK *PPO_FX_COMPONENT_IDLE_CONDITION_CALLBACK;
typedef VOID PO_FX_COMPONENT_IDLE_STATE_CALLBACK(PVOID Context, ULONG Component, ULONG State);
typedef PO_FX_COMPONENT_IDLE_STATE_CALLBACK *PPO_FX_COMPONENT_IDLE_STATE_CALLBACK;
typedef VOID PO_FX_DEVICE_POWER_REQUIRED_CALLBACK(PVOID Context);
typedef PO_FX_DEVICE_POWER_REQUIRED_CALLBACK *PPO_FX_DEVICE_POWER_REQUIRED_CALLBACK;
typedef VOID PO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK(PVOID Context);
typedef PO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK *PPO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK;
typedef NTSTATUS PO_FX_POWER_CONTROL_CALLBACK(PVOID DeviceContext, LPCGUID PowerControlCode, PVOID InBuffer,
                                              SIZE_T InBufferSize, PVOID OutBuffer, SIZE_T OutBufferSize,
                                              PSIZE_T BytesReturned);
typedef PO_FX_POWER_CONTROL_CALLBACK *PPO_FX_POWER_CONTROL_CALLBACK;
typedef VOID PO_FX_DIRECTED_POWER_UP_CALLBACK(PVOID Context, ULONG Flags);
typedef PO_FX_DIRECTED_POWER_UP_CALLBACK *PPO_FX_DIRECTED_POWER_UP_CALLBACK;
typedef VOID PO_FX_DIRECTED_POWER_DOWN_CALLBACK(PVOID Context, ULONG Flags);
typedef PO_FX_DIRECTED_POWER_DOWN_CALLBACK *PPO_FX_DIRECTED_POWER_DOWN_CALLBACK;

typedef struct _PO_FX_DEVICE_V1 {
    ULONG Version;
    ULONG ComponentCount;
    PPO_FX_COMPONENT_ACTIVE_CONDITION_CALLBACK ComponentActiveConditionCallback;
    PPO_FX_COMPONENT_IDLE_CONDITION_CALLBACK ComponentIdleConditionCallback;
    PPO_FX_COMPONENT_IDLE_STATE_CALLBACK ComponentIdleStateCallback;
    PPO_FX_DEVICE_POWER_REQUIRED_CALLBACK DevicePowerRequiredCallback;
    PPO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK DevicePowerNotRequiredCallback;
    PPO_FX_POWER_CONTROL_CALLBACK PowerControlCallback;
    PVOID DeviceContext;
    PO_FX_COMPONENT_V1 Components[ANYSIZE_ARRAY];
} PO_FX_DEVICE_V1, *PPO_FX_DEVICE_V1;
typedef struct _PO_FX_DEVICE_V2 {
    ULONG Version;
    ULONGLONG Flags;
    PPO_FX_COMPONENT_ACTIVE_CONDITION_CALLBACK ComponentActiveConditionCallback;
    PPO_FX_COMPONENT_IDLE_CONDITION_CALLBACK ComponentIdleConditionCallback;
    PPO_FX_COMPONENT_IDLE_STATE_CALLBACK ComponentIdleStateCallback;
    PPO_FX_DEVICE_POWER_REQUIRED_CALLBACK DevicePowerRequiredCallback;
    PPO_FX_DEVICE_POWER_NOT_REQUIRED_CALLBACK DevicePowerNotRequiredCallback;
    PPO_FX_POWER_CONTROL_CALLBACK PowerControlCallback;
    PVOID DeviceContext;
    ULONG ComponentCount;
    PO_FX_COMPONENT_V2 Components[ANYSIZE_ARRAY];
} PO_FX_DEVICE_V2, *PPO_FX_DEVICE_V2;
typedef PO_FX_DEVICE_V2 PO_FX_DEVICE, *PPO_FX_DEVICE;

NTSTATUS PoFxRegisterDevice(PDEVICE_OBJECT Pdo, PPO_FX_DEVICE Device, POHANDLE *Handle);
VOID PoFxStartDevicePowerManagement(POHANDLE Handle);
VOID PoFxUnregisterDevice(POHANDLE Handle);
VOID PoFxActivateComponent(POHANDLE Handle, ULONG Component, ULONG Flags);
VOID PoFxIdleComponent(POHANDLE Handle, ULONG Component, ULONG Flags);
VOID PoFxCompleteIdleCondition(POHANDLE Handle, ULONG Component);
VOID PoFxCompleteIdleState(POHANDLE Handle, ULONG Component);
VOID PoFxCompleteDevicePowerNotRequired(POHANDLE Handle);
VOID PoFxReportDevicePoweredOn(POHANDLE Handle);
VOID PoFxSetDeviceIdleTimeout(POHANDLE Handle, ULONGLONG IdleTimeout);
VOID PoFxSetComponentLatency(POHANDLE Handle, ULONG Component, ULONGLONG Latency);
VOID PoFxSetComponentResidency(POHANDLE Handle, ULONG Component, ULONGLONG Residency);
VOID PoFxSetComponentWake(POHANDLE Handle, ULONG Component, BOOLEAN WakeHint);
VOID PoFxIssueComponentPerfStateChange(POHANDLE Handle, ULONG Flags, ULONG Component, PVOID PerfChange,
                                       PVOID Context);
NTSTATUS PoFxPowerControl(POHANDLE Handle, LPCGUID PowerControlCode, PVOID InBuffer, SIZE_T InBufferSize,
                          PVOID OutBuffer, SIZE_T OutBufferSize, PSIZE_T BytesReturned);

DT_END
