/* wdk_wditlv.h - drvtaint WDK shim: the parsed forms of WDI TLVs (wditypes.hpp) that WDI miniports
 * read after the TLV parser ran: MAC addresses, SSIDs and byte blobs as element arrays
 * (ElementCount, pElements), the Wi-Fi Direct action-frame request/response records (GO
 * negotiation, invitation, provision discovery with their group IDs, channels and optional-TLV
 * flags) and the P2P discovery task, plus the WDI algorithm, PHY and status enums. Written from the
 * WDI TLV reference pages on learn.microsoft.com (field sets of the WDI_TLV_* pages); arrays use
 * the C form (count and pointer) in C and C++ alike. The other task and property records are not
 * declared yet: recovery declares them as int. */
#pragma once
#include "wdk_wdi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What the TLV parser and generator are given: the allocation context and the peer's WDI version. */
typedef struct _TLV_CONTEXT {
    ULONG_PTR AllocationContext;
    UINT32 PeerVersion;
} TLV_CONTEXT, *PTLV_CONTEXT;
typedef const TLV_CONTEXT *PCTLV_CONTEXT;

typedef UINT32 WDI_CHANNEL_NUMBER;
typedef UINT32 WDI_BAND_ID;
#define WDI_BAND_ID_2400 1
#define WDI_BAND_ID_5000 2
#define WDI_BAND_ID_60000 3
#define WDI_BAND_ID_900 4
#define WDI_BAND_ID_6000 5

/* A TLV carrying a list: how many elements and where the parser put them. */
typedef struct _WDI_BYTE_BLOB {
    UINT32 ElementCount;
    UINT8 *pElements;
} WDI_BYTE_BLOB, *PWDI_BYTE_BLOB, WDI_SSID, *PWDI_SSID;

typedef struct _WDI_SSID_LIST {
    UINT32 ElementCount;
    WDI_SSID *pElements;
} WDI_SSID_LIST;

typedef struct _WDI_CHANNEL_LIST {
    UINT32 ElementCount;
    WDI_CHANNEL_NUMBER *pElements;
} WDI_CHANNEL_LIST;

typedef enum _WDI_AUTH_ALGORITHM {
    WDI_AUTH_ALGO_80211_OPEN = 1,
    WDI_AUTH_ALGO_80211_SHARED_KEY = 2,
    WDI_AUTH_ALGO_WPA = 3,
    WDI_AUTH_ALGO_WPA_PSK = 4,
    WDI_AUTH_ALGO_WPA_NONE = 5,
    WDI_AUTH_ALGO_RSNA = 6,
    WDI_AUTH_ALGO_RSNA_PSK = 7,
    WDI_AUTH_ALGO_WPA3 = 8,
    WDI_AUTH_ALGO_WPA3_ENT_192 = 8,
    WDI_AUTH_ALGO_WPA3_SAE = 9,
    WDI_AUTH_ALGO_OWE = 10,
    WDI_AUTH_ALGO_WPA3_ENT = 11,
    WDI_AUTH_ALGO_IHV_START = (int)0x80000000,
    WDI_AUTH_ALGO_IHV_END = (int)0xffffffff
} WDI_AUTH_ALGORITHM;

typedef enum _WDI_CIPHER_ALGORITHM {
    WDI_CIPHER_ALGO_NONE = 0x00,
    WDI_CIPHER_ALGO_WEP40 = 0x01,
    WDI_CIPHER_ALGO_TKIP = 0x02,
    WDI_CIPHER_ALGO_CCMP = 0x04,
    WDI_CIPHER_ALGO_WEP104 = 0x05,
    WDI_CIPHER_ALGO_BIP = 0x06,
    WDI_CIPHER_ALGO_GCMP = 0x08,
    WDI_CIPHER_ALGO_GCMP_256 = 0x09,
    WDI_CIPHER_ALGO_CCMP_256 = 0x0a,
    WDI_CIPHER_ALGO_BIP_GMAC_128 = 0x0b,
    WDI_CIPHER_ALGO_BIP_GMAC_256 = 0x0c,
    WDI_CIPHER_ALGO_BIP_CMAC_256 = 0x0d,
    WDI_CIPHER_ALGO_WPA_USE_GROUP = 0x100,
    WDI_CIPHER_ALGO_RSN_USE_GROUP = 0x100,
    WDI_CIPHER_ALGO_WEP = 0x101,
    WDI_CIPHER_ALGO_IHV_START = (int)0x80000000,
    WDI_CIPHER_ALGO_IHV_END = (int)0xffffffff
} WDI_CIPHER_ALGORITHM;

typedef enum _WDI_PHY_TYPE {
    WDI_PHY_TYPE_UNKNOWN = 0,
    WDI_PHY_TYPE_ANY = 0,
    WDI_PHY_TYPE_FHSS = 1,
    WDI_PHY_TYPE_DSSS = 2,
    WDI_PHY_TYPE_IRBASEBAND = 3,
    WDI_PHY_TYPE_OFDM = 4,
    WDI_PHY_TYPE_HRDSSS = 5,
    WDI_PHY_TYPE_ERP = 6,
    WDI_PHY_TYPE_HT = 7,
    WDI_PHY_TYPE_VHT = 8,
    WDI_PHY_TYPE_DMG = 9,
    WDI_PHY_TYPE_HE = 10,
    WDI_PHY_TYPE_EHT = 11,
    WDI_PHY_TYPE_IHV_START = (int)0x80000000,
    WDI_PHY_TYPE_IHV_END = (int)0xffffffff
} WDI_PHY_TYPE;

typedef enum _WDI_P2P_ACTION_FRAME_TYPE {
    WDI_P2P_ACTION_FRAME_GO_NEGOTIATION_REQUEST = 0,
    WDI_P2P_ACTION_FRAME_GO_NEGOTIATION_RESPONSE = 1,
    WDI_P2P_ACTION_FRAME_GO_NEGOTIATION_CONFIRM = 2,
    WDI_P2P_ACTION_FRAME_INVITATION_REQUEST = 3,
    WDI_P2P_ACTION_FRAME_INVITATION_RESPONSE = 4,
    WDI_P2P_ACTION_FRAME_PROVISION_DISCOVERY_REQUEST = 5,
    WDI_P2P_ACTION_FRAME_PROVISION_DISCOVERY_RESPONSE = 6
} WDI_P2P_ACTION_FRAME_TYPE;

typedef enum _WDI_P2P_DISCOVER_TYPE {
    WDI_P2P_DISCOVER_TYPE_SCAN_ONLY = 1,
    WDI_P2P_DISCOVER_TYPE_FIND_ONLY = 2,
    WDI_P2P_DISCOVER_TYPE_AUTO = 3,
    WDI_P2P_DISCOVER_TYPE_SCAN_SOCIAL_CHANNELS = 4
} WDI_P2P_DISCOVER_TYPE;

typedef enum _WDI_P2P_SCAN_TYPE {
    WDI_P2P_SCAN_TYPE_ACTIVE = 1,
    WDI_P2P_SCAN_TYPE_PASSIVE = 2,
    WDI_P2P_SCAN_TYPE_AUTO = 3
} WDI_P2P_SCAN_TYPE;

/* Wi-Fi Direct pieces. */
typedef struct _WDI_P2P_CHANNEL_CONTAINER {
    UINT8 CountryOrRegionString[3];
    UINT8 OperatingClass;
    UINT8 ChannelNumber;
} WDI_P2P_CHANNEL_CONTAINER, *PWDI_P2P_CHANNEL_CONTAINER;

typedef struct _WDI_P2P_GROUP_ID_CONTAINER {
    WDI_MAC_ADDRESS DeviceAddress;
    WDI_SSID GroupSSID;
} WDI_P2P_GROUP_ID_CONTAINER, *PWDI_P2P_GROUP_ID_CONTAINER;

typedef struct _WDI_CHANNEL_INFO_CONTAINER {
    WDI_CHANNEL_NUMBER ChannelNumber;
    WDI_BAND_ID BandId;
} WDI_CHANNEL_INFO_CONTAINER;

typedef struct _WDI_P2P_ACTION_FRAME_REQUEST_PARAMETERS_CONTAINER {
    WDI_MAC_ADDRESS PeerDeviceAddress;
    UINT8 DialogToken;
    WDI_P2P_ACTION_FRAME_TYPE RequestFrameType;
    UINT32 SendTimeout;
} WDI_P2P_ACTION_FRAME_REQUEST_PARAMETERS_CONTAINER;

typedef struct _WDI_P2P_ACTION_FRAME_RESPONSE_PARAMETERS_CONTAINER {
    WDI_MAC_ADDRESS PeerDeviceAddress;
    UINT8 DialogToken;
    WDI_P2P_ACTION_FRAME_TYPE ResponseFrameType;
    PVOID RequestContext;
    UINT32 SendTimeout;
} WDI_P2P_ACTION_FRAME_RESPONSE_PARAMETERS_CONTAINER;

typedef struct _WDI_P2P_GO_NEGOTIATION_REQUEST_PARAMETERS_CONTAINER {
    UINT8 GOIntent;
    UINT8 TieBreaker;
    UINT8 GOConfigTimeout;
    UINT8 ClientConfigTimeout;
    WDI_MAC_ADDRESS IntendedInterfaceAddress;
    UINT8 GroupCapability;
} WDI_P2P_GO_NEGOTIATION_REQUEST_PARAMETERS_CONTAINER;

typedef struct _WDI_P2P_GO_NEGOTIATION_RESPONSE_PARAMETERS_CONTAINER {
    UINT8 StatusCode;
    UINT8 GOIntent;
    UINT8 TieBreaker;
    UINT8 GOConfigTimeout;
    UINT8 ClientConfigTimeout;
    WDI_MAC_ADDRESS IntendedInterfaceAddress;
    UINT8 GroupCapability;
} WDI_P2P_GO_NEGOTIATION_RESPONSE_PARAMETERS_CONTAINER;

typedef struct _WDI_P2P_GO_NEGOTIATION_CONFIRMATION_PARAMETERS_CONTAINER {
    UINT8 StatusCode;
    UINT8 GroupCapability;
} WDI_P2P_GO_NEGOTIATION_CONFIRMATION_PARAMETERS_CONTAINER;

typedef struct _WDI_P2P_INVITATION_REQUEST_PARAMETERS_CONTAINER {
    UINT8 InvitationFlags;
    UINT8 GOConfigTimeout;
    UINT8 ClientConfigTimeout;
    UINT8 IsLocalGO;
} WDI_P2P_INVITATION_REQUEST_PARAMETERS_CONTAINER;

typedef struct _WDI_P2P_INVITATION_RESPONSE_PARAMETERS_CONTAINER {
    UINT8 StatusCode;
    UINT8 GOConfigTimeout;
    UINT8 ClientConfigTimeout;
} WDI_P2P_INVITATION_RESPONSE_PARAMETERS_CONTAINER;

typedef struct _WDI_P2P_PROVISION_DISCOVERY_REQUEST_PARAMETERS_CONTAINER {
    UINT8 GroupCapability;
} WDI_P2P_PROVISION_DISCOVERY_REQUEST_PARAMETERS_CONTAINER;

typedef struct _WDI_P2P_GO_NEGOTIATION_REQUEST_INFO {
    WDI_P2P_GO_NEGOTIATION_REQUEST_PARAMETERS_CONTAINER RequestParams;
} WDI_P2P_GO_NEGOTIATION_REQUEST_INFO;

typedef struct _WDI_P2P_INVITATION_REQUEST_INFO {
    struct {
        UINT32 GroupBSSID_IsPresent : 1;
        UINT32 OperatingChannel_IsPresent : 1;
    } Optional;
    WDI_P2P_INVITATION_REQUEST_PARAMETERS_CONTAINER RequestParams;
    WDI_MAC_ADDRESS GroupBSSID;
    WDI_P2P_CHANNEL_CONTAINER OperatingChannel;
    WDI_P2P_GROUP_ID_CONTAINER GroupID;
} WDI_P2P_INVITATION_REQUEST_INFO;

typedef struct _WDI_P2P_PROVISION_DISCOVERY_REQUEST_INFO {
    struct {
        UINT32 GroupID_IsPresent : 1;
        UINT32 PersistentGroupID_IsPresent : 1;
        UINT32 ServiceAttributes_IsPresent : 1;
        UINT32 ServiceSessionInfo_IsPresent : 1;
    } Optional;
    WDI_P2P_PROVISION_DISCOVERY_REQUEST_PARAMETERS_CONTAINER RequestParams;
    WDI_P2P_GROUP_ID_CONTAINER GroupID;
} WDI_P2P_PROVISION_DISCOVERY_REQUEST_INFO;

typedef struct _WDI_P2P_GO_NEGOTIATION_RESPONSE_INFO {
    struct {
        UINT32 GroupID_IsPresent : 1;
    } Optional;
    WDI_P2P_GO_NEGOTIATION_RESPONSE_PARAMETERS_CONTAINER ResponseParams;
    WDI_P2P_GROUP_ID_CONTAINER GroupID;
} WDI_P2P_GO_NEGOTIATION_RESPONSE_INFO;

typedef struct _WDI_P2P_GO_NEGOTIATION_CONFIRMATION_INFO {
    struct {
        UINT32 GroupID_IsPresent : 1;
    } Optional;
    WDI_P2P_GO_NEGOTIATION_CONFIRMATION_PARAMETERS_CONTAINER ConfirmationParams;
    WDI_P2P_GROUP_ID_CONTAINER GroupID;
} WDI_P2P_GO_NEGOTIATION_CONFIRMATION_INFO;

typedef struct _WDI_P2P_INVITATION_RESPONSE_INFO {
    struct {
        UINT32 GroupBSSID_IsPresent : 1;
        UINT32 OperatingChannel_IsPresent : 1;
    } Optional;
    WDI_P2P_INVITATION_RESPONSE_PARAMETERS_CONTAINER ResponseParams;
    WDI_MAC_ADDRESS GroupBSSID;
    WDI_P2P_CHANNEL_CONTAINER OperatingChannel;
} WDI_P2P_INVITATION_RESPONSE_INFO;

typedef struct _WDI_P2P_DEVICE_DESCRIPTOR {
    WDI_MAC_ADDRESS BSSID;
    WDI_CHANNEL_INFO_CONTAINER ChannelInfo;
} WDI_P2P_DEVICE_DESCRIPTOR;

/* WDI_TASK_P2P_SEND_REQUEST_ACTION_FRAME and WDI_TASK_P2P_SEND_RESPONSE_ACTION_FRAME. */
typedef struct _WDI_TASK_P2P_SEND_REQUEST_ACTION_FRAME_PARAMETERS {
    struct {
        UINT32 GONegotiationRequestInfo_IsPresent : 1;
        UINT32 InvitationRequestInfo_IsPresent : 1;
        UINT32 ProvisionDiscoveryRequestInfo_IsPresent : 1;
        UINT32 VendorIEs_IsPresent : 1;
    } Optional;
    WDI_P2P_DEVICE_DESCRIPTOR DeviceDescriptor;
    WDI_P2P_ACTION_FRAME_REQUEST_PARAMETERS_CONTAINER RequestParams;
    WDI_P2P_GO_NEGOTIATION_REQUEST_INFO GONegotiationRequestInfo;
    WDI_P2P_INVITATION_REQUEST_INFO InvitationRequestInfo;
    WDI_P2P_PROVISION_DISCOVERY_REQUEST_INFO ProvisionDiscoveryRequestInfo;
    WDI_BYTE_BLOB VendorIEs;
} WDI_TASK_P2P_SEND_REQUEST_ACTION_FRAME_PARAMETERS, *PWDI_TASK_P2P_SEND_REQUEST_ACTION_FRAME_PARAMETERS;

typedef struct _WDI_TASK_P2P_SEND_RESPONSE_ACTION_FRAME_PARAMETERS {
    struct {
        UINT32 GONegotiationResponseInfo_IsPresent : 1;
        UINT32 GONegotiationConfirmationInfo_IsPresent : 1;
        UINT32 InvitationResponseInfo_IsPresent : 1;
        UINT32 VendorIEs_IsPresent : 1;
    } Optional;
    WDI_P2P_ACTION_FRAME_RESPONSE_PARAMETERS_CONTAINER ResponseParams;
    WDI_P2P_GO_NEGOTIATION_RESPONSE_INFO GONegotiationResponseInfo;
    WDI_P2P_GO_NEGOTIATION_CONFIRMATION_INFO GONegotiationConfirmationInfo;
    WDI_P2P_INVITATION_RESPONSE_INFO InvitationResponseInfo;
    WDI_BYTE_BLOB VendorIEs;
} WDI_TASK_P2P_SEND_RESPONSE_ACTION_FRAME_PARAMETERS, *PWDI_TASK_P2P_SEND_RESPONSE_ACTION_FRAME_PARAMETERS;

/* WDI_TASK_P2P_DISCOVER. */
typedef struct _WDI_BAND_CHANNEL_LIST_CONTAINER {
    WDI_BAND_ID BandId;
    WDI_CHANNEL_LIST ChannelList;
} WDI_BAND_CHANNEL_LIST_CONTAINER, *PWDI_BAND_CHANNEL_LIST_CONTAINER;

typedef struct _WDI_P2P_DISCOVERY_CHANNEL_SETTINGS_CONTAINER {
    struct {
        UINT32 ElementCount;
        WDI_BAND_CHANNEL_LIST_CONTAINER *pElements;
    } BandChannelList;
} WDI_P2P_DISCOVERY_CHANNEL_SETTINGS_CONTAINER, *PWDI_P2P_DISCOVERY_CHANNEL_SETTINGS_CONTAINER;

typedef struct _WDI_TASK_P2P_DISCOVER_PARAMETERS {
    struct {
        UINT32 DiscoveryChannelSettings_IsPresent : 1;
        UINT32 SSIDList_IsPresent : 1;
        UINT32 VendorIEs_IsPresent : 1;
    } Optional;
    struct {
        WDI_P2P_DISCOVER_TYPE DiscoveryType;
        WDI_P2P_SCAN_TYPE ScanType;
        UINT8 ForcedDiscovery;
    } DiscoverMode;
    struct {
        UINT32 ElementCount;
        WDI_P2P_DISCOVERY_CHANNEL_SETTINGS_CONTAINER *pElements;
    } DiscoveryChannelSettings;
    struct {
        UINT32 ActiveChannelDwellTime;
        UINT32 PassiveChannelDwellTime;
        UINT32 MaximumScanTime;
    } DwellTime;
    WDI_SSID_LIST SSIDList;
    WDI_BYTE_BLOB VendorIEs;
} WDI_TASK_P2P_DISCOVER_PARAMETERS, *PWDI_TASK_P2P_DISCOVER_PARAMETERS;

/* Port and mode tasks, resets, radio and power settings. */
typedef UINT32 WDI_ASSOC_STATUS;

typedef struct _WDI_TASK_CREATE_PORT_PARAMETERS {
    struct {
        UINT32 OpModeMask;
        UINT16 NdisPortNumber;
    } CreatePortParameters;
} WDI_TASK_CREATE_PORT_PARAMETERS, *PWDI_TASK_CREATE_PORT_PARAMETERS;

typedef struct _WDI_INDICATION_CREATE_PORT_COMPLETE_PARAMETERS {
    struct {
        UINT16 PortNumber;
        WDI_PORT_ID PortId;
        WDI_MAC_ADDRESS MacAddress;
    } PortAttributes;
} WDI_INDICATION_CREATE_PORT_COMPLETE_PARAMETERS, *PWDI_INDICATION_CREATE_PORT_COMPLETE_PARAMETERS;

typedef struct _WDI_TASK_DELETE_PORT_PARAMETERS {
    struct {
        UINT16 PortNumber;
    } DeletePortParameters;
} WDI_TASK_DELETE_PORT_PARAMETERS, *PWDI_TASK_DELETE_PORT_PARAMETERS;

typedef struct _WDI_TASK_CHANGE_OPERATION_MODE_PARAMETERS {
    UINT32 OperationMode;
} WDI_TASK_CHANGE_OPERATION_MODE_PARAMETERS, *PWDI_TASK_CHANGE_OPERATION_MODE_PARAMETERS;

/* Completion indications that carry nothing but a reserved field. */
typedef struct _WDI_INDICATION_RESERVED_PARAMETERS {
    UINT8 _Reserved;
} WDI_INDICATION_DOT11_RESET_COMPLETE_PARAMETERS, WDI_INDICATION_DELETE_PORT_COMPLETE_PARAMETERS,
  WDI_INDICATION_CHANGE_OPERATION_MODE_COMPLETE_PARAMETERS;

typedef struct _WDI_TASK_DOT11_RESET_PARAMETERS {
    struct {
        UINT32 ResetMACAddress_IsPresent : 1;
    } Optional;
    struct {
        UINT8 SetDefaultMIB;
    } Dot11ResetParameters;
    WDI_MAC_ADDRESS ResetMACAddress;
} WDI_TASK_DOT11_RESET_PARAMETERS, *PWDI_TASK_DOT11_RESET_PARAMETERS;

typedef struct _WDI_TASK_ABORT_PARAMETERS {
    struct {
        UINT32 OriginalTaskOID;
        WDI_PORT_ID OriginalPortId;
        UINT32 OriginalTransactionId;
    } CancelParameters;
} WDI_TASK_ABORT_PARAMETERS, *PWDI_TASK_ABORT_PARAMETERS;

typedef struct _WDI_SET_RADIO_STATE_PARAMETERS {
    UINT8 SoftwareRadioState;
} WDI_SET_RADIO_STATE_PARAMETERS, *PWDI_SET_RADIO_STATE_PARAMETERS;

typedef struct _WDI_INDICATION_RADIO_STATUS_PARAMETERS {
    struct {
        UINT8 SoftwareState;
        UINT8 HardwareState;
    } RadioState;
} WDI_INDICATION_RADIO_STATUS_PARAMETERS, *PWDI_INDICATION_RADIO_STATUS_PARAMETERS;

typedef struct _WDI_SET_POWER_PARAMETERS {
    NDIS_DEVICE_POWER_STATE PowerState;
} WDI_SET_POWER_PARAMETERS, *PWDI_SET_POWER_PARAMETERS;

typedef struct _WDI_SET_DEFAULT_KEY_ID_PARAMETERS {
    struct {
        UINT32 KeyID;
    } DefaultKeyIdParameters;
} WDI_SET_DEFAULT_KEY_ID_PARAMETERS, *PWDI_SET_DEFAULT_KEY_ID_PARAMETERS;

typedef struct _WDI_SET_REMOVE_WOL_PATTERN_PARAMETERS {
    UINT32 PatternId;
} WDI_SET_REMOVE_WOL_PATTERN_PARAMETERS, *PWDI_SET_REMOVE_WOL_PATTERN_PARAMETERS;

typedef struct _WDI_SET_P2P_WPS_ENABLED_PARAMETERS {
    UINT8 WPSEnabled;
} WDI_SET_P2P_WPS_ENABLED_PARAMETERS, *PWDI_SET_P2P_WPS_ENABLED_PARAMETERS;

typedef struct _WDI_GET_NEXT_ACTION_FRAME_DIALOG_TOKEN_PARAMETERS {
    UINT8 NextDialogToken;
} WDI_GET_NEXT_ACTION_FRAME_DIALOG_TOKEN_PARAMETERS, *PWDI_GET_NEXT_ACTION_FRAME_DIALOG_TOKEN_PARAMETERS;

typedef struct _WDI_INDICATION_ROAMING_NEEDED_PARAMETERS {
    WDI_ASSOC_STATUS RoamingReason;
} WDI_INDICATION_ROAMING_NEEDED_PARAMETERS, *PWDI_INDICATION_ROAMING_NEEDED_PARAMETERS;

typedef struct _WDI_SET_MULTICAST_LIST_PARAMETERS {
    struct {
        UINT32 ElementCount;
        WDI_MAC_ADDRESS *pElements;
    } MulticastList;
} WDI_SET_MULTICAST_LIST_PARAMETERS, *PWDI_SET_MULTICAST_LIST_PARAMETERS;

/* Soft AP association response. */
typedef struct _WDI_TASK_SEND_AP_ASSOCIATION_RESPONSE_PARAMETERS {
    struct {
        UINT32 VendorIEs_IsPresent : 1;
    } Optional;
    struct {
        struct {
            WDI_MAC_ADDRESS PeerMacAddress;
            UINT8 IsReassociationRequest;
        } AssocRequestParams;
    } IncomingRequestInfo;
    struct {
        UINT8 AcceptRequest;
        UINT16 ReasonCode;
    } AssocResponseParameters;
    WDI_BYTE_BLOB VendorIEs;
} WDI_TASK_SEND_AP_ASSOCIATION_RESPONSE_PARAMETERS, *PWDI_TASK_SEND_AP_ASSOCIATION_RESPONSE_PARAMETERS;

/* BSS list indication and scan task. */
typedef struct _WDI_BSS_ENTRY_CONTAINER {
    struct {
        UINT32 BeaconFrame_IsPresent : 1;
        UINT32 ProbeResponseFrame_IsPresent : 1;
        UINT32 DeviceSpecificContext_IsPresent : 1;
    } Optional;
    WDI_MAC_ADDRESS BSSID;
    struct {
        INT32 RSSI;
        UINT32 LinkQuality;
    } SignalInfo;
    WDI_BYTE_BLOB BeaconFrame;
    WDI_BYTE_BLOB ProbeResponseFrame;
    WDI_CHANNEL_INFO_CONTAINER ChannelInfo;
    struct {
        UINT64 HostTimeStamp;
        UINT8 CachedInformation;
    } EntryAgeInfo;
    WDI_BYTE_BLOB DeviceSpecificContext;
} WDI_BSS_ENTRY_CONTAINER, *PWDI_BSS_ENTRY_CONTAINER;

typedef struct _WDI_INDICATION_BSS_ENTRY_LIST_PARAMETERS {
    struct {
        UINT32 DeviceDescriptor_IsPresent : 1;
    } Optional;
    struct {
        UINT32 ElementCount;
        WDI_BSS_ENTRY_CONTAINER *pElements;
    } DeviceDescriptor;
} WDI_INDICATION_BSS_ENTRY_LIST_PARAMETERS, *PWDI_INDICATION_BSS_ENTRY_LIST_PARAMETERS;

typedef enum _WDI_SCAN_TYPE {
    WDI_SCAN_TYPE_ACTIVE_ONLY = 1,
    WDI_SCAN_TYPE_PASSIVE_ONLY = 2,
    WDI_SCAN_TYPE_AUTO = 3
} WDI_SCAN_TYPE;

typedef enum _WDI_SCAN_TRIGGER {
    WDI_SCAN_TRIGGER_PERIODIC = 1,
    WDI_SCAN_TRIGGER_MEDIA_CONNECT = 2,
    WDI_SCAN_TRIGGER_ROAM = 3,
    WDI_SCAN_TRIGGER_FAST_ROAM = 4
} WDI_SCAN_TRIGGER;

typedef struct _WDI_SCAN_PARAMETERS {
    struct {
        UINT32 SSIDList_IsPresent : 1;
        UINT32 BandChannelList_IsPresent : 1;
        UINT32 VendorIEs_IsPresent : 1;
        UINT32 BSSID_IsPresent : 1;
    } Optional;
    struct {
        WDI_SCAN_TYPE AllowedScanType;
        UINT8 ScanRepeatCount;
        WDI_SCAN_TRIGGER ScanTrigger;
    } ScanModeParameters;
    struct {
        UINT32 ActiveChannelDwellTime;
        UINT32 PassiveChannelDwellTime;
        UINT32 MaximumScanTime;
    } DwellTime;
    WDI_SSID_LIST SSIDList;
    struct {
        UINT32 ElementCount;
        WDI_BAND_CHANNEL_LIST_CONTAINER *pElements;
    } BandChannelList;
    WDI_BYTE_BLOB VendorIEs;
    WDI_MAC_ADDRESS BSSID;
} WDI_SCAN_PARAMETERS, *PWDI_SCAN_PARAMETERS;

/* Received Wi-Fi Direct action frame and link-state change indications. */
typedef struct _WDI_INDICATION_P2P_ACTION_FRAME_RECEIVED_PARAMETERS {
    struct {
        struct {
            UINT32 DeviceContext_IsPresent : 1;
        } Optional;
        struct {
            WDI_MAC_ADDRESS PeerDeviceAddress;
            WDI_P2P_ACTION_FRAME_TYPE ActionFrameType;
            UINT8 DialogToken;
        } FrameParams;
        WDI_BYTE_BLOB FrameIEs;
        WDI_BYTE_BLOB DeviceContext;
    } FrameInfo;
} WDI_INDICATION_P2P_ACTION_FRAME_RECEIVED_PARAMETERS, *PWDI_INDICATION_P2P_ACTION_FRAME_RECEIVED_PARAMETERS;

typedef struct _WDI_INDICATION_LINK_STATE_CHANGE_PARAMETERS {
    struct {
        WDI_MAC_ADDRESS PeerMACAddress;
        UINT64 TxLinkSpeed;
        UINT64 RxLinkSpeed;
        UINT32 LinkQuality;
    } LinkStateChangeParameters;
} WDI_INDICATION_LINK_STATE_CHANGE_PARAMETERS, *PWDI_INDICATION_LINK_STATE_CHANGE_PARAMETERS;

#ifdef __cplusplus
}
#endif
