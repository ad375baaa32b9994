/* wdk_mbbcx.h - drvtaint WDK shim: the mobile broadband class extension (mbbcx.h) over
 * NetAdapterCx, from the mbbcx.h reference pages on learn.microsoft.com: the device
 * configuration and its callbacks, MBIM parameters and versions, wake capabilities, the MBIM
 * fragment requests and device-service-session data. */
#pragma once
#include "wdk_netcx.h"

DT_BEGIN

WDF_DECLARE_HANDLE(MBBREQUEST);
typedef ULONG DSS_SESSION_ID;

typedef VOID EVT_MBB_DEVICE_SEND_MBIM_FRAGMENT(WDFDEVICE Device, MBBREQUEST SendRequest);
typedef EVT_MBB_DEVICE_SEND_MBIM_FRAGMENT *PFN_MBB_DEVICE_SEND_MBIM_FRAGMENT;
typedef VOID EVT_MBB_DEVICE_RECEIVE_MBIM_FRAGMENT(WDFDEVICE Device, MBBREQUEST ReceiveRequest);
typedef EVT_MBB_DEVICE_RECEIVE_MBIM_FRAGMENT *PFN_MBB_DEVICE_RECEIVE_MBIM_FRAGMENT;
typedef VOID EVT_MBB_DEVICE_SEND_DEVICE_SERVICE_SESSION_DATA(WDFDEVICE Device, DSS_SESSION_ID SessionId, WDFMEMORY Data);
typedef EVT_MBB_DEVICE_SEND_DEVICE_SERVICE_SESSION_DATA *PFN_MBB_DEVICE_SEND_DEVICE_SERVICE_SESSION_DATA;
typedef NTSTATUS EVT_MBB_DEVICE_CREATE_ADAPTER(WDFDEVICE Device, NETADAPTER_INIT *AdapterInit);
typedef EVT_MBB_DEVICE_CREATE_ADAPTER *PFN_MBB_DEVICE_CREATE_ADAPTER;
typedef VOID EVT_MBB_REQUEST_COMPLETION_ROUTINE(MBBREQUEST Request, NTSTATUS NtStatus);
typedef EVT_MBB_REQUEST_COMPLETION_ROUTINE *PFN_MBB_REQUEST_COMPLETION_ROUTINE;

typedef struct _MBB_DEVICE_CONFIG {
    ULONG Size;
    PFN_MBB_DEVICE_SEND_MBIM_FRAGMENT SendMbimFragment;
    PFN_MBB_DEVICE_RECEIVE_MBIM_FRAGMENT ReceiveMbimFragment;
    PFN_MBB_DEVICE_SEND_DEVICE_SERVICE_SESSION_DATA SendDeviceServiceSessionData;
    PFN_MBB_DEVICE_CREATE_ADAPTER CreateAdapter;
} MBB_DEVICE_CONFIG, *PMBB_DEVICE_CONFIG;
FORCEINLINE VOID MBB_DEVICE_CONFIG_INIT(PMBB_DEVICE_CONFIG Config, PFN_MBB_DEVICE_SEND_MBIM_FRAGMENT SendMbimFragment,
                                        PFN_MBB_DEVICE_RECEIVE_MBIM_FRAGMENT ReceiveMbimFragment,
                                        PFN_MBB_DEVICE_SEND_DEVICE_SERVICE_SESSION_DATA SendDeviceServiceSessionData,
                                        PFN_MBB_DEVICE_CREATE_ADAPTER CreateAdapter)
{
    RtlZeroMemory(Config, sizeof(*Config));
    Config->Size = sizeof(MBB_DEVICE_CONFIG);
    Config->SendMbimFragment = SendMbimFragment;
    Config->ReceiveMbimFragment = ReceiveMbimFragment;
    Config->SendDeviceServiceSessionData = SendDeviceServiceSessionData;
    Config->CreateAdapter = CreateAdapter;
}

typedef enum _MBB_MBIM_VERSION { MbbMbimVersion1Dot0, MbbMbimVersion1Dot0Errata } MBB_MBIM_VERSION;
typedef enum _MBB_MBIM_EXTENDED_VERSION {
    MbbMbimExtendedVersion1Dot0,
    MbbMbimExtendedVersion2Dot0,
    MbbMbimExtendedVersion3Dot0,
    MbbMbimExtendedVersion4Dot0,
    MbbMbimExtendedVersionMax
} MBB_MBIM_EXTENDED_VERSION;
typedef struct _MBB_DEVICE_MBIM_PARAMETERS {
    ULONG Size;
    MBB_MBIM_VERSION Version;
    MBB_MBIM_EXTENDED_VERSION ExtendedVersion;
    ULONG MaximumFragmentSize;
} MBB_DEVICE_MBIM_PARAMETERS, *PMBB_DEVICE_MBIM_PARAMETERS;
FORCEINLINE VOID MBB_DEVICE_MBIM_PARAMETERS_INIT(PMBB_DEVICE_MBIM_PARAMETERS MbimParameters, MBB_MBIM_VERSION Version,
                                                 ULONG MaximumFragmentSize, MBB_MBIM_EXTENDED_VERSION ExtendedVersion)
{
    RtlZeroMemory(MbimParameters, sizeof(*MbimParameters));
    MbimParameters->Size = sizeof(MBB_DEVICE_MBIM_PARAMETERS);
    MbimParameters->Version = Version;
    MbimParameters->ExtendedVersion = ExtendedVersion;
    MbimParameters->MaximumFragmentSize = MaximumFragmentSize;
}
typedef struct _MBB_DEVICE_WAKE_CAPABILITIES {
    ULONG Size;
    BOOLEAN RegisterState;
    BOOLEAN SmsReceive;
    BOOLEAN UssdReceive;
    BOOLEAN PacketState;
    BOOLEAN UiccChange;
} MBB_DEVICE_WAKE_CAPABILITIES, *PMBB_DEVICE_WAKE_CAPABILITIES;
FORCEINLINE VOID MBB_DEVICE_WAKE_CAPABILITIES_INIT(PMBB_DEVICE_WAKE_CAPABILITIES Capabilities)
{
    RtlZeroMemory(Capabilities, sizeof(*Capabilities));
    Capabilities->Size = sizeof(MBB_DEVICE_WAKE_CAPABILITIES);
}

NTSTATUS MbbDeviceInitConfig(PWDFDEVICE_INIT DeviceInit);
NTSTATUS MbbDeviceInitialize(WDFDEVICE Device, MBB_DEVICE_CONFIG const *Config);
VOID MbbDeviceSetMbimParameters(WDFDEVICE Device, MBB_DEVICE_MBIM_PARAMETERS const *MbimParameters);
VOID MbbDeviceSetWakeCapabilities(WDFDEVICE Device, MBB_DEVICE_WAKE_CAPABILITIES const *WakeCapabilities);
VOID MbbDeviceResponseAvailable(WDFDEVICE Device);
VOID MbbDeviceReceiveDeviceServiceSessionData(WDFDEVICE Device, DSS_SESSION_ID SessionId, WDFMEMORY Data);
VOID MbbDeviceSendDeviceServiceSessionDataComplete(WDFMEMORY Data, NTSTATUS Status);
NTSTATUS MbbAdapterInitialize(NETADAPTER NetAdapter);
ULONG MbbAdapterGetSessionId(NETADAPTER NetAdapter);
PVOID MbbRequestGetBuffer(MBBREQUEST Request, size_t *BufferSize);
GUID const *MbbRequestGetCorrelationId(MBBREQUEST Request);
VOID MbbRequestComplete(MBBREQUEST Request, NTSTATUS NtStatus);
VOID MbbRequestCompleteWithInformation(MBBREQUEST Request, NTSTATUS NtStatus, size_t Information);

DT_END
