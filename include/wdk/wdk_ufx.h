/* wdk_ufx.h - drvtaint WDK shim: the USB function class extension (ufxclient.h, ufxbase.h and the
 * usbfnbase.h enums it uses) for USB function controller drivers: the device and endpoint handles,
 * the device callbacks and capabilities with their _INIT functions, the Ufx* methods. Written from
 * the ufxclient.h, ufxbase.h and usbfnbase.h reference pages. */
#pragma once
#include "wdk_base.h"
#include "wdf.h"
#include "wdk_usb.h"

#ifdef __cplusplus
extern "C" {
#endif

WDF_DECLARE_HANDLE(UFXDEVICE);
WDF_DECLARE_HANDLE(UFXENDPOINT);
typedef struct UFXENDPOINT_INIT *PUFXENDPOINT_INIT;

/* usbfnbase.h */
typedef enum _USBFN_DEVICE_STATE {
    UsbfnDeviceStateMinimum = 0,
    UsbfnDeviceStateAttached,
    UsbfnDeviceStateDefault,
    UsbfnDeviceStateDetached,
    UsbfnDeviceStateAddressed,
    UsbfnDeviceStateConfigured,
    UsbfnDeviceStateSuspended,
    UsbfnDeviceStateStateMaximum
} USBFN_DEVICE_STATE, *PUSBFN_DEVICE_STATE;
typedef enum _USBFN_PORT_TYPE {
    UsbfnUnknownPort = 0,
    UsbfnStandardDownstreamPort,
    UsbfnChargingDownstreamPort,
    UsbfnDedicatedChargingPort,
    UsbfnInvalidDedicatedChargingPort,
    UsbfnProprietaryDedicatedChargingPort,
    UsbfnPortTypeMaximum
} USBFN_PORT_TYPE, *PUSBFN_PORT_TYPE;

typedef VOID EVT_UFX_DEVICE_HOST_CONNECT(UFXDEVICE UfxDevice);
typedef EVT_UFX_DEVICE_HOST_CONNECT *PFN_UFX_DEVICE_HOST_CONNECT;
typedef VOID EVT_UFX_DEVICE_HOST_DISCONNECT(UFXDEVICE UfxDevice);
typedef EVT_UFX_DEVICE_HOST_DISCONNECT *PFN_UFX_DEVICE_HOST_DISCONNECT;
typedef VOID EVT_UFX_DEVICE_ADDRESSED(UFXDEVICE UfxDevice, USHORT DeviceAddress);
typedef EVT_UFX_DEVICE_ADDRESSED *PFN_UFX_DEVICE_ADDRESSED;
typedef NTSTATUS EVT_UFX_DEVICE_ENDPOINT_ADD(UFXDEVICE UfxDevice, const PUSB_ENDPOINT_DESCRIPTOR EndpointDescriptor,
                                             PUFXENDPOINT_INIT EndpointInit);
typedef EVT_UFX_DEVICE_ENDPOINT_ADD *PFN_UFX_DEVICE_ENDPOINT_ADD;
typedef VOID EVT_UFX_DEVICE_DEFAULT_ENDPOINT_ADD(UFXDEVICE UfxDevice, USHORT MaxPacketSize,
                                                     PUFXENDPOINT_INIT EndpointInit);
typedef EVT_UFX_DEVICE_DEFAULT_ENDPOINT_ADD *PFN_UFX_DEVICE_DEFAULT_ENDPOINT_ADD;
typedef VOID EVT_UFX_DEVICE_USB_STATE_CHANGE(UFXDEVICE UfxDevice, USBFN_DEVICE_STATE NewState);
typedef EVT_UFX_DEVICE_USB_STATE_CHANGE *PFN_UFX_DEVICE_USB_STATE_CHANGE;
typedef VOID EVT_UFX_DEVICE_PORT_CHANGE(UFXDEVICE UfxDevice, USBFN_PORT_TYPE NewPort);
typedef EVT_UFX_DEVICE_PORT_CHANGE *PFN_UFX_DEVICE_PORT_CHANGE;
typedef VOID EVT_UFX_DEVICE_PORT_DETECT(UFXDEVICE UfxDevice);
typedef EVT_UFX_DEVICE_PORT_DETECT *PFN_UFX_DEVICE_PORT_DETECT;
typedef VOID EVT_UFX_DEVICE_REMOTE_WAKEUP_SIGNAL(UFXDEVICE UfxDevice);
typedef EVT_UFX_DEVICE_REMOTE_WAKEUP_SIGNAL *PFN_UFX_DEVICE_REMOTE_WAKEUP_SIGNAL;
typedef VOID EVT_UFX_DEVICE_CONTROLLER_RESET(UFXDEVICE UfxDevice);
typedef EVT_UFX_DEVICE_CONTROLLER_RESET *PFN_UFX_DEVICE_CONTROLLER_RESET;
typedef VOID EVT_UFX_DEVICE_TEST_MODE_SET(UFXDEVICE UfxDevice, ULONG TestMode);
typedef EVT_UFX_DEVICE_TEST_MODE_SET *PFN_UFX_DEVICE_TEST_MODE_SET;
typedef VOID EVT_UFX_DEVICE_SUPER_SPEED_POWER_FEATURE(UFXDEVICE UfxDevice, USHORT Feature, BOOLEAN Set);
typedef EVT_UFX_DEVICE_SUPER_SPEED_POWER_FEATURE *PFN_UFX_DEVICE_SUPER_SPEED_POWER_FEATURE;
/* the test hook and proprietary-charger callbacks are only stored here, never called by drivers */
typedef PVOID PFN_UFX_DEVICE_TESTHOOK;
typedef PVOID PFN_UFX_DEVICE_PROPRIETARY_CHARGER_DETECT;
typedef PVOID PFN_UFX_DEVICE_PROPRIETARY_CHARGER_SET_PROPERTY;
typedef PVOID PFN_UFX_DEVICE_PROPRIETARY_CHARGER_RESET;

typedef struct _UFX_DEVICE_CALLBACKS {
    ULONG Size;
    PFN_UFX_DEVICE_HOST_CONNECT EvtDeviceHostConnect;
    PFN_UFX_DEVICE_HOST_DISCONNECT EvtDeviceHostDisconnect;
    PFN_UFX_DEVICE_ADDRESSED EvtDeviceAddressed;
    PFN_UFX_DEVICE_ENDPOINT_ADD EvtDeviceEndpointAdd;
    PFN_UFX_DEVICE_DEFAULT_ENDPOINT_ADD EvtDeviceDefaultEndpointAdd;
    PFN_UFX_DEVICE_USB_STATE_CHANGE EvtDeviceUsbStateChange;
    PFN_UFX_DEVICE_PORT_CHANGE EvtDevicePortChange;
    PFN_UFX_DEVICE_PORT_DETECT EvtDevicePortDetect;
    PFN_UFX_DEVICE_REMOTE_WAKEUP_SIGNAL EvtDeviceRemoteWakeupSignal;
    PFN_UFX_DEVICE_CONTROLLER_RESET EvtDeviceControllerReset;
    PFN_UFX_DEVICE_TEST_MODE_SET EvtDeviceTestModeSet;
    PFN_UFX_DEVICE_TESTHOOK EvtDeviceTestHook;
    PFN_UFX_DEVICE_SUPER_SPEED_POWER_FEATURE EvtDeviceSuperSpeedPowerFeature;
    PFN_UFX_DEVICE_PROPRIETARY_CHARGER_DETECT EvtDeviceProprietaryChargerDetect;
    PFN_UFX_DEVICE_PROPRIETARY_CHARGER_SET_PROPERTY EvtDeviceProprietaryChargerSetProperty;
    PFN_UFX_DEVICE_PROPRIETARY_CHARGER_RESET EvtDeviceProprietaryChargerReset;
} UFX_DEVICE_CALLBACKS, *PUFX_DEVICE_CALLBACKS;
FORCEINLINE VOID UFX_DEVICE_CALLBACKS_INIT(PUFX_DEVICE_CALLBACKS Callbacks)
{
    memset(Callbacks, 0, sizeof(*Callbacks));
    Callbacks->Size = sizeof(*Callbacks);
}

typedef struct _UFX_DEVICE_CAPABILITIES {
    ULONG Size;
    USB_DEVICE_SPEED MaxSpeed;
    ULONG RemoteWakeSignalDelay;
    BOOLEAN PdcpSupported;
    USHORT InEndpointBitmap;
    USHORT OutEndpointBitmap;
    BOOLEAN SharesConnectors;
    ULONG GroupId;
} UFX_DEVICE_CAPABILITIES, *PUFX_DEVICE_CAPABILITIES;
FORCEINLINE VOID UFX_DEVICE_CAPABILITIES_INIT(PUFX_DEVICE_CAPABILITIES Capabilities)
{
    memset(Capabilities, 0, sizeof(*Capabilities));
    Capabilities->Size = sizeof(*Capabilities);
}

typedef VOID EVT_UFX_ENDPOINT_RESET(UFXENDPOINT UfxEndpoint);
typedef EVT_UFX_ENDPOINT_RESET *PFN_UFX_ENDPOINT_RESET;
typedef struct _UFX_ENDPOINT_CALLBACKS {
    ULONG Size;
    PFN_UFX_ENDPOINT_RESET EvtEndpointReset;
} UFX_ENDPOINT_CALLBACKS, *PUFX_ENDPOINT_CALLBACKS;
FORCEINLINE VOID UFX_ENDPOINT_CALLBACKS_INIT(PUFX_ENDPOINT_CALLBACKS Callbacks)
{
    memset(Callbacks, 0, sizeof(*Callbacks));
    Callbacks->Size = sizeof(*Callbacks);
}

typedef struct _UFX_HARDWARE_FAILURE_CONTEXT {
    ULONG Size;
    ULONG ExceptionCode;
    ULONG Data[ANYSIZE_ARRAY];
} UFX_HARDWARE_FAILURE_CONTEXT, *PUFX_HARDWARE_FAILURE_CONTEXT;

NTSTATUS UfxFdoInit(WDFDRIVER WdfDriver, PWDFDEVICE_INIT DeviceInit, PWDF_OBJECT_ATTRIBUTES FdoAttributes);
NTSTATUS UfxDeviceCreate(WDFDEVICE WdfDevice, PUFX_DEVICE_CALLBACKS Callbacks, PUFX_DEVICE_CAPABILITIES Capabilities,
                         PWDF_OBJECT_ATTRIBUTES Attributes, UFXDEVICE *UfxDevice);
VOID UfxDeviceNotifyAttach(UFXDEVICE UfxDevice);
VOID UfxDeviceNotifyDetach(UFXDEVICE UfxDevice);
VOID UfxDeviceNotifyHardwareReady(UFXDEVICE UfxDevice);
VOID UfxDeviceNotifyReset(UFXDEVICE UfxDevice, USB_DEVICE_SPEED DeviceSpeed);
VOID UfxDeviceNotifySuspend(UFXDEVICE UfxDevice);
VOID UfxDeviceNotifyResume(UFXDEVICE UfxDevice);
VOID UfxDeviceNotifyHardwareFailure(UFXDEVICE UfxDevice, PUFX_HARDWARE_FAILURE_CONTEXT HardwareFailureContext);
VOID UfxDeviceNotifyFinalExit(UFXDEVICE UfxDevice);
VOID UfxDeviceEventComplete(UFXDEVICE UfxDevice, NTSTATUS Status);
VOID UfxDevicePortDetectComplete(UFXDEVICE UfxDevice, USBFN_PORT_TYPE PortType);
VOID UfxDeviceProprietaryChargerDetectComplete(UFXDEVICE UfxDevice, PVOID DetectedCharger);
BOOLEAN UfxDeviceIoControl(UFXDEVICE UfxDevice, WDFREQUEST Request, size_t OutputBufferLength,
                           size_t InputBufferLength, ULONG IoControlCode);
BOOLEAN UfxDeviceIoInternalControl(UFXDEVICE UfxDevice, WDFREQUEST Request, size_t OutputBufferLength,
                                   size_t InputBufferLength, ULONG IoControlCode);
NTSTATUS UfxEndpointCreate(UFXDEVICE UfxDevice, PUFXENDPOINT_INIT EndpointInit, PWDF_OBJECT_ATTRIBUTES Attributes,
                           PWDF_IO_QUEUE_CONFIG TransferQueueConfig, PWDF_OBJECT_ATTRIBUTES TransferQueueAttributes,
                           PWDF_IO_QUEUE_CONFIG CommandQueueConfig, PWDF_OBJECT_ATTRIBUTES CommandQueueAttributes,
                           UFXENDPOINT *UfxEndpoint);
VOID UfxEndpointInitSetEventCallbacks(PUFXENDPOINT_INIT EndpointInit, PUFX_ENDPOINT_CALLBACKS Callbacks);
WDFQUEUE UfxEndpointGetTransferQueue(UFXENDPOINT UfxEndpoint);
WDFQUEUE UfxEndpointGetCommandQueue(UFXENDPOINT UfxEndpoint);
VOID UfxEndpointNotifySetup(UFXENDPOINT UfxEndpoint, PUSB_DEFAULT_PIPE_SETUP_PACKET SetupPacket);

#ifdef __cplusplus
}
#endif
