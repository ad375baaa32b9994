/* wdfminiport.h - drvtaint WDK shim: KMDF for miniport drivers whose port driver owns the dispatch
 * table (NDIS, audio, WWAN): WdfDeviceMiniportCreate, WdfDriverMiniportUnload and the
 * WdfDriverInitNoDispatchOverride flag (in wdf.h, with the other WDF_DRIVER_INIT_FLAGS), from the wdfminiport.h and WDF_DRIVER_INIT_FLAGS pages. */
#pragma once
#include "wdf.h"

DT_BEGIN

NTSTATUS WdfDeviceMiniportCreate(WDFDRIVER Driver, PWDF_OBJECT_ATTRIBUTES Attributes, PDEVICE_OBJECT DeviceObject,
                                 PDEVICE_OBJECT AttachedDeviceObject, PDEVICE_OBJECT Pdo, WDFDEVICE *Device);
VOID WdfDriverMiniportUnload(WDFDRIVER Driver);

DT_END
