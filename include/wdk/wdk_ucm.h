/* wdk_ucm.h - drvtaint WDK shim: the USB connector manager class extension (UcmCx.h) for USB
 * Type-C connector drivers: the role, partner, current, charging and PD enums, the manager and
 * connector configuration records with their _INIT functions, the connector callbacks and the
 * Ucm* methods. Written from the ucmmanager.h/ucmtypes.h reference pages. */
#pragma once
#include "wdk_base.h"
#include "wdf.h"

#ifdef __cplusplus
extern "C" {
#endif

WDF_DECLARE_HANDLE(UCMCONNECTOR);

typedef enum _UCM_POWER_ROLE { UcmPowerRoleInvalid = 0, UcmPowerRoleSink, UcmPowerRoleSource } UCM_POWER_ROLE,
    *PUCM_POWER_ROLE;
typedef enum _UCM_DATA_ROLE { UcmDataRoleUnknown = 0, UcmDataRoleUfp, UcmDataRoleDfp } UCM_DATA_ROLE, *PUCM_DATA_ROLE;
typedef enum _UCM_TYPEC_PARTNER {
    UcmTypeCPartnerInvalid = 0,
    UcmTypeCPartnerUfp,
    UcmTypeCPartnerDfp,
    UcmTypeCPartnerPoweredCableNoUfp,
    UcmTypeCPartnerPoweredCableWithUfp,
    UcmTypeCPartnerAudioAccessory,
    UcmTypeCPartnerDebugAccessory
} UCM_TYPEC_PARTNER, *PUCM_TYPEC_PARTNER;
typedef enum _UCM_TYPEC_CURRENT {
    UcmTypeCCurrentInvalid = 0,
    UcmTypeCCurrentDefaultUsb,
    UcmTypeCCurrent1500mA,
    UcmTypeCCurrent3000mA
} UCM_TYPEC_CURRENT, *PUCM_TYPEC_CURRENT;
typedef enum _UCM_CHARGING_STATE {
    UcmChargingStateInvalid = 0,
    UcmChargingStateNotCharging,
    UcmChargingStateNominalCharging,
    UcmChargingStateSlowCharging,
    UcmChargingStateTrickleCharging
} UCM_CHARGING_STATE, *PUCM_CHARGING_STATE;
typedef enum _UCM_TYPEC_OPERATING_MODE {
    UcmTypeCOperatingModeInvalid = 0x0,
    UcmTypeCOperatingModeDfp = 0x1,
    UcmTypeCOperatingModeUfp = 0x2,
    UcmTypeCOperatingModeDrp = 0x4
} UCM_TYPEC_OPERATING_MODE, *PUCM_TYPEC_OPERATING_MODE;
typedef enum _UCM_PD_CONN_STATE {
    UcmPdConnStateInvalid = 0,
    UcmPdConnStateNotSupported,
    UcmPdConnStateNegotiationFailed,
    UcmPdConnStateNegotiationSucceeded
} UCM_PD_CONN_STATE, *PUCM_PD_CONN_STATE;

/* USB PD power and request data objects: 32-bit words, read through Ul or the per-type fields */
typedef union _UCM_PD_POWER_DATA_OBJECT {
    ULONG Ul;
    struct { ULONG Reserved : 30; ULONG Type : 2; } Common;
    struct {
        ULONG MaximumCurrentIn10mA : 10;
        ULONG VoltageIn50mV : 10;
        ULONG PeakCurrent : 2;
        ULONG Reserved : 3;
        ULONG DataRoleSwap : 1;
        ULONG UsbCommunicationCapable : 1;
        ULONG ExternallyPowered : 1;
        ULONG UsbSuspendSupported : 1;
        ULONG DualRolePower : 1;
        ULONG FixedSupply : 2;
    } FixedSupplyPdo;
    struct {
        ULONG MaximumCurrentIn10mA : 10;
        ULONG MinimumVoltageIn50mV : 10;
        ULONG MaximumVoltageIn50mV : 10;
        ULONG VariableSupportNonBattery : 2;
    } VariableSupplyNonBatteryPdo;
    struct {
        ULONG MaximumAllowablePowerIn250mW : 10;
        ULONG MinimumVoltageIn50mV : 10;
        ULONG MaximumVoltageIn50mV : 10;
        ULONG Battery : 2;
    } BatterySupplyPdo;
} UCM_PD_POWER_DATA_OBJECT, *PUCM_PD_POWER_DATA_OBJECT;

typedef union _UCM_PD_REQUEST_DATA_OBJECT {
    ULONG Ul;
    struct { ULONG Reserved1 : 28; ULONG ObjectPosition : 3; ULONG Reserved2 : 1; } Common;
    struct {
        ULONG MaximumOperatingCurrentIn10mA : 10;
        ULONG OperatingCurrentIn10mA : 10;
        ULONG Reserved1 : 4;
        ULONG NoUsbSuspend : 1;
        ULONG UsbCommunicationCapable : 1;
        ULONG CapabilityMismatch : 1;
        ULONG GiveBackFlag : 1;
        ULONG ObjectPosition : 3;
        ULONG Reserved2 : 1;
    } FixedAndVariableRdo;
    struct {
        ULONG MaximumOperatingPowerIn250mW : 10;
        ULONG OperatingPowerIn250mW : 10;
        ULONG Reserved1 : 4;
        ULONG NoUsbSuspend : 1;
        ULONG UsbCommunicationCapable : 1;
        ULONG CapabilityMismatch : 1;
        ULONG GiveBackFlag : 1;
        ULONG ObjectPosition : 3;
        ULONG Reserved2 : 1;
    } BatteryRdo;
} UCM_PD_REQUEST_DATA_OBJECT, *PUCM_PD_REQUEST_DATA_OBJECT;

typedef NTSTATUS EVT_UCM_CONNECTOR_SET_DATA_ROLE(UCMCONNECTOR Connector, UCM_DATA_ROLE DataRole);
typedef EVT_UCM_CONNECTOR_SET_DATA_ROLE *PFN_UCM_CONNECTOR_SET_DATA_ROLE;
typedef NTSTATUS EVT_UCM_CONNECTOR_SET_POWER_ROLE(UCMCONNECTOR Connector, UCM_POWER_ROLE PowerRole);
typedef EVT_UCM_CONNECTOR_SET_POWER_ROLE *PFN_UCM_CONNECTOR_SET_POWER_ROLE;

typedef struct _UCM_MANAGER_CONFIG {
    ULONG Size;
} UCM_MANAGER_CONFIG, *PUCM_MANAGER_CONFIG;
FORCEINLINE VOID UCM_MANAGER_CONFIG_INIT(PUCM_MANAGER_CONFIG Config)
{
    memset(Config, 0, sizeof(*Config));
    Config->Size = sizeof(*Config);
}

typedef struct _UCM_CONNECTOR_TYPEC_CONFIG {
    ULONG Size;
    BOOLEAN IsSupported;
    ULONG SupportedOperatingModes;
    ULONG SupportedPowerSourcingCapabilities;
    BOOLEAN AudioAccessoryCapable;
    PFN_UCM_CONNECTOR_SET_DATA_ROLE EvtSetDataRole;
} UCM_CONNECTOR_TYPEC_CONFIG, *PUCM_CONNECTOR_TYPEC_CONFIG;
FORCEINLINE VOID UCM_CONNECTOR_TYPEC_CONFIG_INIT(PUCM_CONNECTOR_TYPEC_CONFIG Config, ULONG SupportedOperatingModes,
                                                 ULONG SupportedPowerSourcingCapabilities)
{
    memset(Config, 0, sizeof(*Config));
    Config->Size = sizeof(*Config);
    Config->IsSupported = TRUE;
    Config->SupportedOperatingModes = SupportedOperatingModes;
    Config->SupportedPowerSourcingCapabilities = SupportedPowerSourcingCapabilities;
}

typedef struct _UCM_CONNECTOR_PD_CONFIG {
    ULONG Size;
    BOOLEAN IsSupported;
    ULONG SupportedPowerRoles;
    PFN_UCM_CONNECTOR_SET_POWER_ROLE EvtSetPowerRole;
} UCM_CONNECTOR_PD_CONFIG, *PUCM_CONNECTOR_PD_CONFIG;
FORCEINLINE VOID UCM_CONNECTOR_PD_CONFIG_INIT(PUCM_CONNECTOR_PD_CONFIG Config, ULONG SupportedPowerRoles)
{
    memset(Config, 0, sizeof(*Config));
    Config->Size = sizeof(*Config);
    Config->IsSupported = TRUE;
    Config->SupportedPowerRoles = SupportedPowerRoles;
}

typedef struct _UCM_CONNECTOR_CONFIG {
    ULONG Size;
    ULONGLONG ConnectorId;
    PUCM_CONNECTOR_TYPEC_CONFIG TypeCConfig;
    PUCM_CONNECTOR_PD_CONFIG PdConfig;
} UCM_CONNECTOR_CONFIG, *PUCM_CONNECTOR_CONFIG;
FORCEINLINE VOID UCM_CONNECTOR_CONFIG_INIT(PUCM_CONNECTOR_CONFIG Config, ULONGLONG ConnectorId)
{
    memset(Config, 0, sizeof(*Config));
    Config->Size = sizeof(*Config);
    Config->ConnectorId = ConnectorId;
}

typedef struct _UCM_CONNECTOR_TYPEC_ATTACH_PARAMS {
    ULONG Size;
    UCM_TYPEC_PARTNER Partner;
    UCM_TYPEC_CURRENT CurrentAdvertisement;
    UCM_CHARGING_STATE ChargingState;
} UCM_CONNECTOR_TYPEC_ATTACH_PARAMS, *PUCM_CONNECTOR_TYPEC_ATTACH_PARAMS;
FORCEINLINE VOID UCM_CONNECTOR_TYPEC_ATTACH_PARAMS_INIT(PUCM_CONNECTOR_TYPEC_ATTACH_PARAMS Params,
                                                        UCM_TYPEC_PARTNER Partner)
{
    memset(Params, 0, sizeof(*Params));
    Params->Size = sizeof(*Params);
    Params->Partner = Partner;
}

typedef struct _UCM_CONNECTOR_PD_CONN_STATE_CHANGED_PARAMS {
    ULONG Size;
    UCM_PD_CONN_STATE PdConnState;
    UCM_PD_REQUEST_DATA_OBJECT Rdo;
    UCM_CHARGING_STATE ChargingState;
} UCM_CONNECTOR_PD_CONN_STATE_CHANGED_PARAMS, *PUCM_CONNECTOR_PD_CONN_STATE_CHANGED_PARAMS;
FORCEINLINE VOID UCM_CONNECTOR_PD_CONN_STATE_CHANGED_PARAMS_INIT(PUCM_CONNECTOR_PD_CONN_STATE_CHANGED_PARAMS Params,
                                                                 UCM_PD_CONN_STATE PdConnState)
{
    memset(Params, 0, sizeof(*Params));
    Params->Size = sizeof(*Params);
    Params->PdConnState = PdConnState;
}

NTSTATUS UcmInitializeDevice(WDFDEVICE WdfDevice, PUCM_MANAGER_CONFIG Config);
NTSTATUS UcmConnectorCreate(WDFDEVICE WdfDevice, PUCM_CONNECTOR_CONFIG Config, PWDF_OBJECT_ATTRIBUTES Attributes,
                            UCMCONNECTOR *Connector);
NTSTATUS UcmConnectorTypeCAttach(UCMCONNECTOR Connector, PUCM_CONNECTOR_TYPEC_ATTACH_PARAMS Params);
NTSTATUS UcmConnectorTypeCDetach(UCMCONNECTOR Connector);
NTSTATUS UcmConnectorTypeCCurrentAdChanged(UCMCONNECTOR Connector, UCM_TYPEC_CURRENT CurrentAdvertisement);
NTSTATUS UcmConnectorPdSourceCaps(UCMCONNECTOR Connector, UCM_PD_POWER_DATA_OBJECT Pdos[], UCHAR PdoCount);
NTSTATUS UcmConnectorPdPartnerSourceCaps(UCMCONNECTOR Connector, UCM_PD_POWER_DATA_OBJECT Pdos[], UCHAR PdoCount);
NTSTATUS UcmConnectorPdConnectionStateChanged(UCMCONNECTOR Connector,
                                              PUCM_CONNECTOR_PD_CONN_STATE_CHANGED_PARAMS Params);
NTSTATUS UcmConnectorChargingStateChanged(UCMCONNECTOR Connector, UCM_CHARGING_STATE ChargingState);
NTSTATUS UcmConnectorDataDirectionChanged(UCMCONNECTOR Connector, BOOLEAN Success, UCM_DATA_ROLE CurrentDataRole);
NTSTATUS UcmConnectorPowerDirectionChanged(UCMCONNECTOR Connector, BOOLEAN Success, UCM_POWER_ROLE CurrentPowerRole);

#ifdef __cplusplus
}
#endif
