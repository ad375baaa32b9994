/* wdk_fwp.h - drvtaint WDK shim: the Windows Filtering Platform for callout drivers (fwptypes.h,
 * fwpmtypes.h, fwpstypes.h, fwpsk.h, fwpmk.h), from the WFP reference pages on learn.microsoft.com
 * (windows-hardware/drivers/ddi/fwpsk, fwpmk and the fwp*types pages). Layer and condition GUIDs
 * (FWPM_LAYER_*, FWPM_CONDITION_*, FWPM_SUBLAYER_*) are declared without values, as the WDK does
 * without initguid.h; the run-time layer and field identifiers (FWPS_LAYER_*, FWPS_FIELD_*) are
 * enumerations whose order the pages do not give in full, so they are left to recovery. */
#pragma once
#include "ndis.h"
#include "wdk_net.h"

DT_BEGIN

/* security identifiers (winnt.h): FWP records carry SIDs and token groups */
#ifndef SID_REVISION
#define SID_REVISION (1)
#define SID_MAX_SUB_AUTHORITIES (15)
typedef struct _SID_IDENTIFIER_AUTHORITY { UCHAR Value[6]; } SID_IDENTIFIER_AUTHORITY, *PSID_IDENTIFIER_AUTHORITY;
typedef struct _SID {
    UCHAR Revision;
    UCHAR SubAuthorityCount;
    SID_IDENTIFIER_AUTHORITY IdentifierAuthority;
    ULONG SubAuthority[1];
} SID, *PISID;
typedef struct _SID_AND_ATTRIBUTES { PSID Sid; ULONG Attributes; } SID_AND_ATTRIBUTES, *PSID_AND_ATTRIBUTES;
#endif

/* ---- fwptypes.h ---- */
typedef enum FWP_DIRECTION_ { FWP_DIRECTION_OUTBOUND, FWP_DIRECTION_INBOUND, FWP_DIRECTION_MAX } FWP_DIRECTION;
typedef enum FWP_IP_VERSION_ { FWP_IP_VERSION_V4, FWP_IP_VERSION_V6, FWP_IP_VERSION_NONE, FWP_IP_VERSION_MAX } FWP_IP_VERSION;
typedef enum FWP_DATA_TYPE_ {
    FWP_EMPTY,
    FWP_UINT8,
    FWP_UINT16,
    FWP_UINT32,
    FWP_UINT64,
    FWP_INT8,
    FWP_INT16,
    FWP_INT32,
    FWP_INT64,
    FWP_FLOAT,
    FWP_DOUBLE,
    FWP_BYTE_ARRAY16_TYPE,
    FWP_BYTE_BLOB_TYPE,
    FWP_SID,
    FWP_SECURITY_DESCRIPTOR_TYPE,
    FWP_TOKEN_INFORMATION_TYPE,
    FWP_TOKEN_ACCESS_INFORMATION_TYPE,
    FWP_UNICODE_STRING_TYPE,
    FWP_BYTE_ARRAY6_TYPE,
    FWP_SINGLE_DATA_TYPE_MAX = 0xff,
    FWP_V4_ADDR_MASK,
    FWP_V6_ADDR_MASK,
    FWP_RANGE_TYPE,
    FWP_DATA_TYPE_MAX,
} FWP_DATA_TYPE;
typedef struct FWP_BYTE_ARRAY16_ { UINT8 byteArray16[16]; } FWP_BYTE_ARRAY16;
typedef struct FWP_BYTE_ARRAY6_ { UINT8 byteArray6[6]; } FWP_BYTE_ARRAY6;
typedef struct FWP_BYTE_BLOB_ { UINT32 size; UINT8 *data; } FWP_BYTE_BLOB;
typedef struct FWP_TOKEN_INFORMATION_ {
    ULONG sidCount;
    PSID_AND_ATTRIBUTES sids;
    ULONG restrictedSidCount;
    PSID_AND_ATTRIBUTES restrictedSids;
} FWP_TOKEN_INFORMATION;
typedef struct FWP_VALUE0_ {
    FWP_DATA_TYPE type;
    union {
        UINT8 uint8;
        UINT16 uint16;
        UINT32 uint32;
        UINT64 *uint64;
        INT8 int8;
        INT16 int16;
        INT32 int32;
        INT64 *int64;
        float float32;
        double *double64;
        FWP_BYTE_ARRAY16 *byteArray16;
        FWP_BYTE_BLOB *byteBlob;
        PSID sid;
        FWP_BYTE_BLOB *sd;
        FWP_TOKEN_INFORMATION *tokenInformation;
        FWP_BYTE_BLOB *tokenAccessInformation;
        LPWSTR unicodeString;
        FWP_BYTE_ARRAY6 *byteArray6;
    };
} FWP_VALUE0;
typedef enum FWP_MATCH_TYPE_ {
    FWP_MATCH_EQUAL,
    FWP_MATCH_GREATER,
    FWP_MATCH_LESS,
    FWP_MATCH_GREATER_OR_EQUAL,
    FWP_MATCH_LESS_OR_EQUAL,
    FWP_MATCH_RANGE,
    FWP_MATCH_FLAGS_ALL_SET,
    FWP_MATCH_FLAGS_ANY_SET,
    FWP_MATCH_FLAGS_NONE_SET,
    FWP_MATCH_EQUAL_CASE_INSENSITIVE,
    FWP_MATCH_NOT_EQUAL,
    FWP_MATCH_PREFIX,
    FWP_MATCH_NOT_PREFIX,
    FWP_MATCH_TYPE_MAX,
} FWP_MATCH_TYPE;
typedef struct FWP_V4_ADDR_AND_MASK_ { UINT32 addr; UINT32 mask; } FWP_V4_ADDR_AND_MASK;
typedef struct FWP_V6_ADDR_AND_MASK_ { UINT8 addr[16]; UINT8 prefixLength; } FWP_V6_ADDR_AND_MASK;
typedef struct FWP_RANGE0_ { FWP_VALUE0 valueLow; FWP_VALUE0 valueHigh; } FWP_RANGE0;
typedef struct FWP_CONDITION_VALUE0_ {
    FWP_DATA_TYPE type;
    union {
        UINT8 uint8;
        UINT16 uint16;
        UINT32 uint32;
        UINT64 *uint64;
        INT8 int8;
        INT16 int16;
        INT32 int32;
        INT64 *int64;
        float float32;
        double *double64;
        FWP_BYTE_ARRAY16 *byteArray16;
        FWP_BYTE_BLOB *byteBlob;
        PSID sid;
        FWP_BYTE_BLOB *sd;
        FWP_TOKEN_INFORMATION *tokenInformation;
        FWP_BYTE_BLOB *tokenAccessInformation;
        LPWSTR unicodeString;
        FWP_BYTE_ARRAY6 *byteArray6;
        FWP_V4_ADDR_AND_MASK *v4AddrMask;
        FWP_V6_ADDR_AND_MASK *v6AddrMask;
        FWP_RANGE0 *rangeValue;
    };
} FWP_CONDITION_VALUE0;
typedef UINT32 FWP_ACTION_TYPE;
#define FWP_ACTION_FLAG_TERMINATING (0x00001000)
#define FWP_ACTION_FLAG_NON_TERMINATING (0x00002000)
#define FWP_ACTION_FLAG_CALLOUT (0x00004000)
#define FWP_ACTION_BLOCK (0x00000001 | FWP_ACTION_FLAG_TERMINATING)
#define FWP_ACTION_PERMIT (0x00000002 | FWP_ACTION_FLAG_TERMINATING)
#define FWP_ACTION_CALLOUT_TERMINATING (0x00000003 | FWP_ACTION_FLAG_CALLOUT | FWP_ACTION_FLAG_TERMINATING)
#define FWP_ACTION_CALLOUT_INSPECTION (0x00000004 | FWP_ACTION_FLAG_CALLOUT | FWP_ACTION_FLAG_NON_TERMINATING)
#define FWP_ACTION_CALLOUT_UNKNOWN (0x00000005 | FWP_ACTION_FLAG_CALLOUT)
#define FWP_ACTION_CONTINUE (0x00000006 | FWP_ACTION_FLAG_NON_TERMINATING)
#define FWP_ACTION_NONE (0x00000007)
#define FWP_ACTION_NONE_NO_MATCH (0x00000008)
#define FWP_CONDITION_FLAG_IS_LOOPBACK (0x00000001)
#define FWP_CONDITION_FLAG_IS_IPSEC_SECURED (0x00000002)
#define FWP_CONDITION_FLAG_IS_REAUTHORIZE (0x00000004)
#define FWP_CONDITION_FLAG_IS_WILDCARD_BIND (0x00000008)
#define FWP_CONDITION_FLAG_IS_RAW_ENDPOINT (0x00000010)
#define FWP_CONDITION_FLAG_IS_FRAGMENT (0x00000020)
#define FWP_CONDITION_FLAG_IS_FRAGMENT_GROUP (0x00000040)
#define FWP_CONDITION_FLAG_IS_IPSEC_NATT_RECLASSIFY (0x00000080)
#define FWP_CONDITION_FLAG_REQUIRES_ALE_CLASSIFY (0x00000100)
#define FWP_CONDITION_FLAG_IS_IMPLICIT_BIND (0x00000200)
#define FWP_CONDITION_FLAG_IS_REASSEMBLED (0x00000400)
#define FWP_CONDITION_FLAG_IS_NAME_APP_SPECIFIED (0x00004000)
#define FWP_CONDITION_FLAG_IS_PROMISCUOUS (0x00008000)
#define FWP_CONDITION_FLAG_IS_AUTH_FW (0x00010000)
#define FWP_CONDITION_FLAG_IS_RECLASSIFY (0x00020000)
#define FWP_CONDITION_FLAG_IS_OUTBOUND_PASS_THRU (0x00040000)
#define FWP_CONDITION_FLAG_IS_INBOUND_PASS_THRU (0x00080000)
#define FWP_CONDITION_FLAG_IS_CONNECTION_REDIRECTED (0x00100000)
#define FWP_CALLOUT_FLAG_CONDITIONAL_ON_FLOW (0x00000001)
#define FWP_CALLOUT_FLAG_ALLOW_OFFLOAD (0x00000002)
#define FWP_CALLOUT_FLAG_ENABLE_COMMIT_ADD_NOTIFY (0x00000004)
#define FWP_CALLOUT_FLAG_ALLOW_MID_STREAM_INSPECTION (0x00000008)
#define FWP_CALLOUT_FLAG_ALLOW_RECLASSIFY (0x00000010)

/* ---- fwpmtypes.h / fwpmk.h: the management API a kernel callout driver calls ---- */
typedef struct FWPM_DISPLAY_DATA0_ { wchar_t *name; wchar_t *description; } FWPM_DISPLAY_DATA0;
typedef struct FWPM_SESSION0_ {
    GUID sessionKey;
    FWPM_DISPLAY_DATA0 displayData;
    UINT32 flags;
    UINT32 txnWaitTimeoutInMSec;
    DWORD processId;
    PSID sid;
    wchar_t *username;
    BOOL kernelMode;
} FWPM_SESSION0;
#define FWPM_SESSION_FLAG_DYNAMIC (0x00000001)
#define FWPM_SESSION_FLAG_RESERVED (0x10000000)
typedef struct FWPM_PROVIDER0_ {
    GUID providerKey;
    FWPM_DISPLAY_DATA0 displayData;
    UINT32 flags;
    FWP_BYTE_BLOB providerData;
    wchar_t *serviceName;
} FWPM_PROVIDER0;
#define FWPM_PROVIDER_FLAG_PERSISTENT (0x00000001)
#define FWPM_PROVIDER_FLAG_DISABLED (0x00000010)
typedef struct FWPM_SUBLAYER0_ {
    GUID subLayerKey;
    FWPM_DISPLAY_DATA0 displayData;
    UINT32 flags;
    GUID *providerKey;
    FWP_BYTE_BLOB providerData;
    UINT16 weight;
} FWPM_SUBLAYER0;
#define FWPM_SUBLAYER_FLAG_PERSISTENT (0x00000001)
typedef struct FWPM_CALLOUT0_ {
    GUID calloutKey;
    FWPM_DISPLAY_DATA0 displayData;
    UINT32 flags;
    GUID *providerKey;
    FWP_BYTE_BLOB providerData;
    GUID applicableLayer;
    UINT32 calloutId;
} FWPM_CALLOUT0;
#define FWPM_CALLOUT_FLAG_PERSISTENT (0x00010000)
#define FWPM_CALLOUT_FLAG_USES_PROVIDER_CONTEXT (0x00020000)
#define FWPM_CALLOUT_FLAG_REGISTERED (0x00040000)
typedef struct FWPM_FILTER_CONDITION0_ {
    GUID fieldKey;
    FWP_MATCH_TYPE matchType;
    FWP_CONDITION_VALUE0 conditionValue;
} FWPM_FILTER_CONDITION0;
typedef struct FWPM_ACTION0_ {
    FWP_ACTION_TYPE type;
    union {
        GUID filterType;
        GUID calloutKey;
    };
} FWPM_ACTION0;
typedef struct FWPM_FILTER0_ {
    GUID filterKey;
    FWPM_DISPLAY_DATA0 displayData;
    UINT32 flags;
    GUID *providerKey;
    FWP_BYTE_BLOB providerData;
    GUID layerKey;
    GUID subLayerKey;
    FWP_VALUE0 weight;
    UINT32 numFilterConditions;
    FWPM_FILTER_CONDITION0 *filterCondition;
    FWPM_ACTION0 action;
    union {
        UINT64 rawContext;
        GUID providerContextKey;
    };
    GUID *reserved;
    UINT64 filterId;
    FWP_VALUE0 effectiveWeight;
} FWPM_FILTER0;
#define FWPM_FILTER_FLAG_NONE (0x00000000)
#define FWPM_FILTER_FLAG_PERSISTENT (0x00000001)
#define FWPM_FILTER_FLAG_BOOTTIME (0x00000002)
#define FWPM_FILTER_FLAG_HAS_PROVIDER_CONTEXT (0x00000004)
#define FWPM_FILTER_FLAG_CLEAR_ACTION_RIGHT (0x00000008)
#define FWPM_FILTER_FLAG_PERMIT_IF_CALLOUT_UNREGISTERED (0x00000010)
#define FWPM_FILTER_FLAG_DISABLED (0x00000020)
#define FWPM_FILTER_FLAG_INDEXED (0x00000040)
typedef enum FWPM_PROVIDER_CONTEXT_TYPE_ {
    FWPM_IPSEC_KEYING_CONTEXT,
    FWPM_IPSEC_IKE_QM_TRANSPORT_CONTEXT,
    FWPM_IPSEC_IKE_QM_TUNNEL_CONTEXT,
    FWPM_IPSEC_AUTHIP_QM_TRANSPORT_CONTEXT,
    FWPM_IPSEC_AUTHIP_QM_TUNNEL_CONTEXT,
    FWPM_IPSEC_IKE_MM_CONTEXT,
    FWPM_IPSEC_AUTHIP_MM_CONTEXT,
    FWPM_CLASSIFY_OPTIONS_CONTEXT,
    FWPM_GENERAL_CONTEXT,
    FWPM_IPSEC_IKEV2_QM_TUNNEL_CONTEXT,
    FWPM_IPSEC_IKEV2_MM_CONTEXT,
    FWPM_IPSEC_DOS_PROTECTION_CONTEXT,
    FWPM_IPSEC_IKEV2_QM_TRANSPORT_CONTEXT,
    FWPM_PROVIDER_CONTEXT_TYPE_MAX,
} FWPM_PROVIDER_CONTEXT_TYPE;
/* the IPsec policy records a provider context can carry are left opaque */
typedef struct FWPM_PROVIDER_CONTEXT0_ {
    GUID providerContextKey;
    FWPM_DISPLAY_DATA0 displayData;
    UINT32 flags;
    GUID *providerKey;
    FWP_BYTE_BLOB providerData;
    FWPM_PROVIDER_CONTEXT_TYPE type;
    union {
        struct IPSEC_KEYING_POLICY0_ *keyingPolicy;
        struct IPSEC_TRANSPORT_POLICY0_ *ikeQmTransportPolicy;
        struct IPSEC_TUNNEL_POLICY0_ *ikeQmTunnelPolicy;
        struct IKEEXT_POLICY0_ *ikeMmPolicy;
        struct FWPM_CLASSIFY_OPTIONS0_ *classifyOptions;
        FWP_BYTE_BLOB *dataBuffer;
    };
    UINT64 providerContextId;
} FWPM_PROVIDER_CONTEXT0;
typedef FWPM_PROVIDER_CONTEXT0 FWPM_PROVIDER_CONTEXT1, FWPM_PROVIDER_CONTEXT2, FWPM_PROVIDER_CONTEXT3, FWPM_PROVIDER_CONTEXT;
typedef FWPM_SESSION0 FWPM_SESSION;
typedef FWPM_PROVIDER0 FWPM_PROVIDER;
typedef FWPM_SUBLAYER0 FWPM_SUBLAYER;
typedef FWPM_CALLOUT0 FWPM_CALLOUT;
typedef FWPM_FILTER0 FWPM_FILTER;
typedef FWPM_FILTER_CONDITION0 FWPM_FILTER_CONDITION;
typedef FWPM_ACTION0 FWPM_ACTION;
typedef FWPM_DISPLAY_DATA0 FWPM_DISPLAY_DATA;
typedef FWP_VALUE0 FWP_VALUE;
typedef FWP_CONDITION_VALUE0 FWP_CONDITION_VALUE;
typedef FWP_RANGE0 FWP_RANGE;
typedef struct _SEC_WINNT_AUTH_IDENTITY_W SEC_WINNT_AUTH_IDENTITY_W;
#define RPC_C_AUTHN_NONE 0
#define RPC_C_AUTHN_WINNT 10
#define RPC_C_AUTHN_DEFAULT 0xFFFFFFFFL
NTSTATUS FwpmEngineOpen0(const wchar_t *serverName, UINT32 authnService, SEC_WINNT_AUTH_IDENTITY_W *authIdentity,
                         const FWPM_SESSION0 *session, HANDLE *engineHandle);
NTSTATUS FwpmEngineClose0(HANDLE engineHandle);
NTSTATUS FwpmTransactionBegin0(HANDLE engineHandle, UINT32 flags);
NTSTATUS FwpmTransactionCommit0(HANDLE engineHandle);
NTSTATUS FwpmTransactionAbort0(HANDLE engineHandle);
NTSTATUS FwpmProviderAdd0(HANDLE engineHandle, const FWPM_PROVIDER0 *provider, PSECURITY_DESCRIPTOR sd);
NTSTATUS FwpmProviderDeleteByKey0(HANDLE engineHandle, const GUID *key);
NTSTATUS FwpmSubLayerAdd0(HANDLE engineHandle, const FWPM_SUBLAYER0 *subLayer, PSECURITY_DESCRIPTOR sd);
NTSTATUS FwpmSubLayerDeleteByKey0(HANDLE engineHandle, const GUID *key);
NTSTATUS FwpmCalloutAdd0(HANDLE engineHandle, const FWPM_CALLOUT0 *callout, PSECURITY_DESCRIPTOR sd, UINT32 *id);
NTSTATUS FwpmCalloutDeleteById0(HANDLE engineHandle, UINT32 id);
NTSTATUS FwpmCalloutDeleteByKey0(HANDLE engineHandle, const GUID *key);
NTSTATUS FwpmFilterAdd0(HANDLE engineHandle, const FWPM_FILTER0 *filter, PSECURITY_DESCRIPTOR sd, UINT64 *id);
NTSTATUS FwpmFilterDeleteById0(HANDLE engineHandle, UINT64 id);
NTSTATUS FwpmFilterDeleteByKey0(HANDLE engineHandle, const GUID *key);
VOID FwpmFreeMemory0(void **p);
#define FwpmEngineOpen FwpmEngineOpen0
#define FwpmEngineClose FwpmEngineClose0
#define FwpmTransactionBegin FwpmTransactionBegin0
#define FwpmTransactionCommit FwpmTransactionCommit0
#define FwpmTransactionAbort FwpmTransactionAbort0
#define FwpmProviderAdd FwpmProviderAdd0
#define FwpmProviderDeleteByKey FwpmProviderDeleteByKey0
#define FwpmSubLayerAdd FwpmSubLayerAdd0
#define FwpmSubLayerDeleteByKey FwpmSubLayerDeleteByKey0
#define FwpmCalloutAdd FwpmCalloutAdd0
#define FwpmCalloutDeleteById FwpmCalloutDeleteById0
#define FwpmCalloutDeleteByKey FwpmCalloutDeleteByKey0
#define FwpmFilterAdd FwpmFilterAdd0
#define FwpmFilterDeleteById FwpmFilterDeleteById0
#define FwpmFilterDeleteByKey FwpmFilterDeleteByKey0
#define FwpmFreeMemory FwpmFreeMemory0

/* built-in layers, sublayers and condition fields: GUIDs (values not needed to parse) */
#define DT_FWPM_GUID(n) extern const GUID n
DT_FWPM_GUID(FWPM_LAYER_INBOUND_IPPACKET_V4);
DT_FWPM_GUID(FWPM_LAYER_INBOUND_IPPACKET_V6);
DT_FWPM_GUID(FWPM_LAYER_OUTBOUND_IPPACKET_V4);
DT_FWPM_GUID(FWPM_LAYER_OUTBOUND_IPPACKET_V6);
DT_FWPM_GUID(FWPM_LAYER_IPFORWARD_V4);
DT_FWPM_GUID(FWPM_LAYER_IPFORWARD_V6);
DT_FWPM_GUID(FWPM_LAYER_INBOUND_TRANSPORT_V4);
DT_FWPM_GUID(FWPM_LAYER_INBOUND_TRANSPORT_V6);
DT_FWPM_GUID(FWPM_LAYER_OUTBOUND_TRANSPORT_V4);
DT_FWPM_GUID(FWPM_LAYER_OUTBOUND_TRANSPORT_V6);
DT_FWPM_GUID(FWPM_LAYER_STREAM_V4);
DT_FWPM_GUID(FWPM_LAYER_STREAM_V6);
DT_FWPM_GUID(FWPM_LAYER_DATAGRAM_DATA_V4);
DT_FWPM_GUID(FWPM_LAYER_DATAGRAM_DATA_V6);
DT_FWPM_GUID(FWPM_LAYER_INBOUND_ICMP_ERROR_V4);
DT_FWPM_GUID(FWPM_LAYER_INBOUND_ICMP_ERROR_V6);
DT_FWPM_GUID(FWPM_LAYER_OUTBOUND_ICMP_ERROR_V4);
DT_FWPM_GUID(FWPM_LAYER_OUTBOUND_ICMP_ERROR_V6);
DT_FWPM_GUID(FWPM_LAYER_ALE_RESOURCE_ASSIGNMENT_V4);
DT_FWPM_GUID(FWPM_LAYER_ALE_RESOURCE_ASSIGNMENT_V6);
DT_FWPM_GUID(FWPM_LAYER_ALE_AUTH_LISTEN_V4);
DT_FWPM_GUID(FWPM_LAYER_ALE_AUTH_LISTEN_V6);
DT_FWPM_GUID(FWPM_LAYER_ALE_AUTH_RECV_ACCEPT_V4);
DT_FWPM_GUID(FWPM_LAYER_ALE_AUTH_RECV_ACCEPT_V6);
DT_FWPM_GUID(FWPM_LAYER_ALE_AUTH_CONNECT_V4);
DT_FWPM_GUID(FWPM_LAYER_ALE_AUTH_CONNECT_V6);
DT_FWPM_GUID(FWPM_LAYER_ALE_FLOW_ESTABLISHED_V4);
DT_FWPM_GUID(FWPM_LAYER_ALE_FLOW_ESTABLISHED_V6);
DT_FWPM_GUID(FWPM_LAYER_ALE_CONNECT_REDIRECT_V4);
DT_FWPM_GUID(FWPM_LAYER_ALE_CONNECT_REDIRECT_V6);
DT_FWPM_GUID(FWPM_LAYER_ALE_BIND_REDIRECT_V4);
DT_FWPM_GUID(FWPM_LAYER_ALE_BIND_REDIRECT_V6);
DT_FWPM_GUID(FWPM_LAYER_ALE_ENDPOINT_CLOSURE_V4);
DT_FWPM_GUID(FWPM_LAYER_ALE_ENDPOINT_CLOSURE_V6);
DT_FWPM_GUID(FWPM_LAYER_INBOUND_MAC_FRAME_ETHERNET);
DT_FWPM_GUID(FWPM_LAYER_OUTBOUND_MAC_FRAME_ETHERNET);
DT_FWPM_GUID(FWPM_LAYER_INBOUND_MAC_FRAME_NATIVE);
DT_FWPM_GUID(FWPM_LAYER_OUTBOUND_MAC_FRAME_NATIVE);
DT_FWPM_GUID(FWPM_SUBLAYER_UNIVERSAL);
DT_FWPM_GUID(FWPM_CONDITION_IP_LOCAL_ADDRESS);
DT_FWPM_GUID(FWPM_CONDITION_IP_REMOTE_ADDRESS);
DT_FWPM_GUID(FWPM_CONDITION_IP_LOCAL_PORT);
DT_FWPM_GUID(FWPM_CONDITION_IP_REMOTE_PORT);
DT_FWPM_GUID(FWPM_CONDITION_IP_PROTOCOL);
DT_FWPM_GUID(FWPM_CONDITION_IP_LOCAL_INTERFACE);
DT_FWPM_GUID(FWPM_CONDITION_DIRECTION);
DT_FWPM_GUID(FWPM_CONDITION_FLAGS);
DT_FWPM_GUID(FWPM_CONDITION_ALE_APP_ID);
DT_FWPM_GUID(FWPM_CONDITION_ALE_USER_ID);
DT_FWPM_GUID(FWPM_CONDITION_INTERFACE_TYPE);
DT_FWPM_GUID(FWPM_CONDITION_EMBEDDED_LOCAL_ADDRESS_TYPE);
#undef DT_FWPM_GUID

/* ---- fwpstypes.h / fwpsk.h: the callout API ---- */
typedef struct FWPS_INCOMING_VALUE0_ { FWP_VALUE0 value; } FWPS_INCOMING_VALUE0;
typedef struct FWPS_INCOMING_VALUES0_ {
    UINT16 layerId;
    UINT32 valueCount;
    FWPS_INCOMING_VALUE0 *incomingValue;
} FWPS_INCOMING_VALUES0;
typedef enum FWPS_DISCARD_MODULE0_ {
    FWPS_DISCARD_MODULE_NETWORK,
    FWPS_DISCARD_MODULE_TRANSPORT,
    FWPS_DISCARD_MODULE_GENERAL,
    FWPS_DISCARD_MODULE_MAX,
} FWPS_DISCARD_MODULE0;
typedef struct FWPS_DISCARD_METADATA0_ {
    FWPS_DISCARD_MODULE0 discardModule;
    UINT32 discardReason;
    UINT64 filterId;
} FWPS_DISCARD_METADATA0;
typedef struct FWPS_INBOUND_FRAGMENT_METADATA0_ {
    UINT32 fragmentIdentification;
    UINT16 fragmentOffset;
    ULONG fragmentLength;
} FWPS_INBOUND_FRAGMENT_METADATA0;
typedef struct FWPS_INCOMING_METADATA_VALUES0_ {
    UINT32 currentMetadataValues;
    UINT32 flags;
    UINT64 reserved;
    FWPS_DISCARD_METADATA0 discardMetadata;
    UINT64 flowHandle;
    UINT32 ipHeaderSize;
    UINT32 transportHeaderSize;
    FWP_BYTE_BLOB *processPath;
    UINT64 token;
    UINT64 processId;
    UINT32 sourceInterfaceIndex;
    UINT32 destinationInterfaceIndex;
    ULONG compartmentId;
    FWPS_INBOUND_FRAGMENT_METADATA0 fragmentMetadata;
    ULONG pathMtu;
    HANDLE completionHandle;
    UINT64 transportEndpointHandle;
    SCOPE_ID remoteScopeId;
    WSACMSGHDR *controlData;
    ULONG controlDataLength;
    FWP_DIRECTION packetDirection;
    PVOID headerIncludeHeader;
    ULONG headerIncludeHeaderLength;
    struct { SOCKADDR_INET Prefix; UINT8 PrefixLength; } destinationPrefix; /* IP_ADDRESS_PREFIX */
    UINT16 frameLength;
    UINT64 parentEndpointHandle;
    UINT32 icmpIdAndSequence;
    DWORD localRedirectTargetPID;
    SOCKADDR *originalDestination;
    HANDLE redirectRecords;
    UINT32 currentL2MetadataValues;
    UINT32 l2Flags;
    UINT32 ethernetMacHeaderSize;
    UINT32 wiFiOperationMode;
    HANDLE subProcessTag;
} FWPS_INCOMING_METADATA_VALUES0;
#define FWPS_METADATA_FIELD_DISCARD_REASON 0x00000001
#define FWPS_METADATA_FIELD_FLOW_HANDLE 0x00000002
#define FWPS_METADATA_FIELD_IP_HEADER_SIZE 0x00000004
#define FWPS_METADATA_FIELD_PROCESS_PATH 0x00000008
#define FWPS_METADATA_FIELD_TOKEN 0x00000010
#define FWPS_METADATA_FIELD_PROCESS_ID 0x00000020
#define FWPS_METADATA_FIELD_SYSTEM_FLAGS 0x00000040
#define FWPS_METADATA_FIELD_RESERVED 0x00000080
#define FWPS_METADATA_FIELD_SOURCE_INTERFACE_INDEX 0x00000100
#define FWPS_METADATA_FIELD_DESTINATION_INTERFACE_INDEX 0x00000200
#define FWPS_METADATA_FIELD_TRANSPORT_HEADER_SIZE 0x00000400
#define FWPS_METADATA_FIELD_COMPARTMENT_ID 0x00000800
#define FWPS_METADATA_FIELD_FRAGMENT_DATA 0x00001000
#define FWPS_METADATA_FIELD_PATH_MTU 0x00002000
#define FWPS_METADATA_FIELD_COMPLETION_HANDLE 0x00004000
#define FWPS_METADATA_FIELD_TRANSPORT_ENDPOINT_HANDLE 0x00008000
#define FWPS_METADATA_FIELD_TRANSPORT_CONTROL_DATA 0x00010000
#define FWPS_METADATA_FIELD_REMOTE_SCOPE_ID 0x00020000
#define FWPS_METADATA_FIELD_PACKET_DIRECTION 0x00040000
#define FWPS_METADATA_FIELD_PACKET_SYSTEM_CRITICAL 0x00080000
#define FWPS_METADATA_FIELD_FORWARD_LAYER_OUTBOUND_PASS_THRU 0x00100000
#define FWPS_METADATA_FIELD_FORWARD_LAYER_INBOUND_PASS_THRU 0x00200000
#define FWPS_METADATA_FIELD_ALE_CLASSIFY_REQUIRED 0x00400000
#define FWPS_METADATA_FIELD_TRANSPORT_HEADER_INCLUDE_HEADER 0x00800000
#define FWPS_METADATA_FIELD_DESTINATION_PREFIX 0x01000000
#define FWPS_METADATA_FIELD_ETHER_FRAME_LENGTH 0x02000000
#define FWPS_METADATA_FIELD_PARENT_ENDPOINT_HANDLE 0x04000000
#define FWPS_METADATA_FIELD_ICMP_ID_AND_SEQUENCE 0x08000000
#define FWPS_METADATA_FIELD_LOCAL_REDIRECT_TARGET_PID 0x10000000
#define FWPS_METADATA_FIELD_ORIGINAL_DESTINATION 0x20000000
#define FWPS_METADATA_FIELD_REDIRECT_RECORD_HANDLE 0x40000000
#define FWPS_METADATA_FIELD_SUB_PROCESS_TAG 0x80000000
#define FWPS_IS_METADATA_FIELD_PRESENT(metadataValues, metadataField) \
    (((metadataValues)->currentMetadataValues & (metadataField)) == (metadataField))

typedef struct FWPS_CLASSIFY_OUT0_ {
    FWP_ACTION_TYPE actionType;
    UINT64 outContext;
    UINT64 filterId;
    UINT32 rights;
    UINT32 flags;
    UINT32 reserved;
} FWPS_CLASSIFY_OUT0;
#define FWPS_RIGHT_ACTION_WRITE 0x00000001
#define FWPS_CLASSIFY_OUT_FLAG_ABSORB 0x00000001
#define FWPS_CLASSIFY_OUT_FLAG_BUFFER_LIMIT_REACHED 0x00000002
#define FWPS_CLASSIFY_OUT_FLAG_NO_MORE_DATA 0x00000004
#define FWPS_CLASSIFY_OUT_FLAG_ALE_FAST_CACHE_CHECK 0x00000008
#define FWPS_CLASSIFY_OUT_FLAG_ALE_FAST_CACHE_POSSIBLE 0x00000010
typedef struct FWPS_ACTION0_ { FWP_ACTION_TYPE type; UINT32 calloutId; } FWPS_ACTION0;
typedef struct FWPS_FILTER_CONDITION0_ {
    UINT16 fieldId;
    UINT16 reserved;
    FWP_MATCH_TYPE matchType;
    FWP_CONDITION_VALUE0 conditionValue;
} FWPS_FILTER_CONDITION0;
/* FWPS_FILTER0..3 differ only in the provider context's version: one layout here */
typedef struct FWPS_FILTER0_ {
    UINT64 filterId;
    FWP_VALUE0 weight;
    UINT16 subLayerWeight;
    UINT16 flags;
    UINT32 numFilterConditions;
    FWPS_FILTER_CONDITION0 *filterCondition;
    FWPS_ACTION0 action;
    UINT64 context;
    FWPM_PROVIDER_CONTEXT0 *providerContext;
} FWPS_FILTER0, FWPS_FILTER1, FWPS_FILTER2, FWPS_FILTER3, FWPS_FILTER;
#define FWPS_FILTER_FLAG_CLEAR_ACTION_RIGHT 0x00000001
#define FWPS_FILTER_FLAG_PERMIT_IF_CALLOUT_UNREGISTERED 0x00000002
#define FWPS_FILTER_FLAG_OR_CONDITIONS 0x00000004
#define FWPS_FILTER_FLAG_HAS_SECURITY_REALM_PROVIDER_CONTEXT 0x00000008
#define FWPS_FILTER_FLAG_SILENT_MODE 0x00000010
typedef enum FWPS_CALLOUT_NOTIFY_TYPE_ {
    FWPS_CALLOUT_NOTIFY_ADD_FILTER,
    FWPS_CALLOUT_NOTIFY_DELETE_FILTER,
    FWPS_CALLOUT_NOTIFY_ADD_FILTER_POST_COMMIT,
    FWPS_CALLOUT_NOTIFY_TYPE_MAX,
} FWPS_CALLOUT_NOTIFY_TYPE;
typedef void(NTAPI *FWPS_CALLOUT_CLASSIFY_FN0)(const FWPS_INCOMING_VALUES0 *inFixedValues,
                                               const FWPS_INCOMING_METADATA_VALUES0 *inMetaValues, void *layerData,
                                               const FWPS_FILTER0 *filter, UINT64 flowContext,
                                               FWPS_CLASSIFY_OUT0 *classifyOut);
typedef void(NTAPI *FWPS_CALLOUT_CLASSIFY_FN1)(const FWPS_INCOMING_VALUES0 *inFixedValues,
                                               const FWPS_INCOMING_METADATA_VALUES0 *inMetaValues, void *layerData,
                                               const void *classifyContext, const FWPS_FILTER1 *filter,
                                               UINT64 flowContext, FWPS_CLASSIFY_OUT0 *classifyOut);
typedef FWPS_CALLOUT_CLASSIFY_FN1 FWPS_CALLOUT_CLASSIFY_FN2, FWPS_CALLOUT_CLASSIFY_FN3;
typedef NTSTATUS(NTAPI *FWPS_CALLOUT_NOTIFY_FN0)(FWPS_CALLOUT_NOTIFY_TYPE notifyType, const GUID *filterKey,
                                                 const FWPS_FILTER0 *filter);
typedef FWPS_CALLOUT_NOTIFY_FN0 FWPS_CALLOUT_NOTIFY_FN1, FWPS_CALLOUT_NOTIFY_FN2, FWPS_CALLOUT_NOTIFY_FN3;
typedef void(NTAPI *FWPS_CALLOUT_FLOW_DELETE_NOTIFY_FN0)(UINT16 layerId, UINT32 calloutId, UINT64 flowContext);
typedef FWPS_CALLOUT_CLASSIFY_FN3 FWPS_CALLOUT_CLASSIFY_FN;
typedef FWPS_CALLOUT_NOTIFY_FN3 FWPS_CALLOUT_NOTIFY_FN;
typedef FWPS_CALLOUT_FLOW_DELETE_NOTIFY_FN0 FWPS_CALLOUT_FLOW_DELETE_NOTIFY_FN;
typedef struct FWPS_CALLOUT0_ {
    GUID calloutKey;
    UINT32 flags;
    FWPS_CALLOUT_CLASSIFY_FN0 classifyFn;
    FWPS_CALLOUT_NOTIFY_FN0 notifyFn;
    FWPS_CALLOUT_FLOW_DELETE_NOTIFY_FN0 flowDeleteFn;
} FWPS_CALLOUT0;
typedef struct FWPS_CALLOUT1_ {
    GUID calloutKey;
    UINT32 flags;
    FWPS_CALLOUT_CLASSIFY_FN1 classifyFn;
    FWPS_CALLOUT_NOTIFY_FN1 notifyFn;
    FWPS_CALLOUT_FLOW_DELETE_NOTIFY_FN0 flowDeleteFn;
} FWPS_CALLOUT1, FWPS_CALLOUT2, FWPS_CALLOUT3, FWPS_CALLOUT;

typedef struct FWPS_STREAM_DATA_OFFSET0_ {
    NET_BUFFER_LIST *netBufferList;
    NET_BUFFER *netBuffer;
    MDL *mdl;
    SIZE_T mdlOffset;
    SIZE_T netBufferOffset;
    SIZE_T streamDataOffset;
} FWPS_STREAM_DATA_OFFSET0;
typedef struct FWPS_STREAM_DATA0_ {
    UINT32 flags;
    FWPS_STREAM_DATA_OFFSET0 dataOffset;
    SIZE_T dataLength;
    NET_BUFFER_LIST *netBufferListChain;
} FWPS_STREAM_DATA0, FWPS_STREAM_DATA;
typedef enum FWPS_STREAM_ACTION_TYPE_ {
    FWPS_STREAM_ACTION_NONE,
    FWPS_STREAM_ACTION_ALLOW_CONNECTION,
    FWPS_STREAM_ACTION_NEED_MORE_DATA,
    FWPS_STREAM_ACTION_DROP_CONNECTION,
    FWPS_STREAM_ACTION_DEFER,
    FWPS_STREAM_ACTION_TYPE_MAX,
} FWPS_STREAM_ACTION_TYPE;
typedef struct FWPS_STREAM_CALLOUT_IO_PACKET0_ {
    FWPS_STREAM_DATA0 *streamData;
    SIZE_T missedBytes;
    UINT32 countBytesRequired;
    SIZE_T countBytesEnforced;
    FWPS_STREAM_ACTION_TYPE streamAction;
} FWPS_STREAM_CALLOUT_IO_PACKET0, FWPS_STREAM_CALLOUT_IO_PACKET;
#define FWPS_STREAM_FLAG_RECEIVE 0x00000001
#define FWPS_STREAM_FLAG_SEND 0x00000002
#define FWPS_STREAM_FLAG_RECEIVE_EXPEDITED 0x00000004
#define FWPS_STREAM_FLAG_SEND_EXPEDITED 0x00000008
#define FWPS_STREAM_FLAG_RECEIVE_DISCONNECT 0x00000010
#define FWPS_STREAM_FLAG_SEND_DISCONNECT 0x00000020
#define FWPS_STREAM_FLAG_RECEIVE_ABORT 0x00000040
#define FWPS_STREAM_FLAG_SEND_ABORT 0x00000080
#define FWPS_STREAM_FLAG_SEND_NODELAY 0x00000100
#define FWPS_STREAM_FLAG_RECEIVE_PUSH 0x00000200

typedef enum FWPS_PACKET_INJECTION_STATE_ {
    FWPS_PACKET_NOT_INJECTED,
    FWPS_PACKET_INJECTED_BY_SELF,
    FWPS_PACKET_INJECTED_BY_OTHER,
    FWPS_PACKET_PREVIOUSLY_INJECTED_BY_SELF,
    FWPS_PACKET_INJECTION_STATE_MAX,
} FWPS_PACKET_INJECTION_STATE;
#define FWPS_INJECTION_TYPE_STREAM 0x00000001
#define FWPS_INJECTION_TYPE_TRANSPORT 0x00000002
#define FWPS_INJECTION_TYPE_NETWORK 0x00000004
#define FWPS_INJECTION_TYPE_FORWARD 0x00000008
#define FWPS_INJECTION_TYPE_L2 0x00000010
#define FWPS_INJECTION_TYPE_VSWITCH 0x00000020
typedef struct FWPS_TRANSPORT_SEND_PARAMS0_ {
    UCHAR *remoteAddress;
    SCOPE_ID remoteScopeId;
    WSACMSGHDR *controlData;
    ULONG controlDataLength;
} FWPS_TRANSPORT_SEND_PARAMS0;
typedef struct FWPS_TRANSPORT_SEND_PARAMS1_ {
    UCHAR *remoteAddress;
    SCOPE_ID remoteScopeId;
    WSACMSGHDR *controlData;
    ULONG controlDataLength;
    UCHAR *headerIncludeHeader;
    ULONG headerIncludeHeaderLength;
} FWPS_TRANSPORT_SEND_PARAMS1, FWPS_TRANSPORT_SEND_PARAMS;
typedef struct FWPS_PACKET_LIST_INBOUND_IPSEC_INFORMATION0_ {
    UINT32 isSecure : 1;
    UINT32 isTunnelMode : 1;
    UINT32 verifiedPeerIdentity : 1;
    UINT32 isDeTunneled : 1;
    UINT32 isHighPriority : 1;
    UINT32 reserved : 27;
    UINT64 reserved2;
    UINT64 reserved3;
    UINT64 reserved4;
} FWPS_PACKET_LIST_INBOUND_IPSEC_INFORMATION0;
typedef struct FWPS_PACKET_LIST_OUTBOUND_IPSEC_INFORMATION0_ {
    UINT32 isSecure : 1;
    UINT32 isIkeOrAuthIpEndpoint : 1;
    UINT32 reserved : 30;
    UINT64 reserved2;
} FWPS_PACKET_LIST_OUTBOUND_IPSEC_INFORMATION0;
typedef struct FWPS_PACKET_LIST_IPSEC_INFORMATION0_ {
    FWPS_PACKET_LIST_INBOUND_IPSEC_INFORMATION0 inbound;
    FWPS_PACKET_LIST_OUTBOUND_IPSEC_INFORMATION0 outbound;
} FWPS_PACKET_LIST_IPSEC_INFORMATION0;
typedef struct FWPS_PACKET_LIST_FWP_INFORMATION0_ {
    UINT64 reserved;
} FWPS_PACKET_LIST_FWP_INFORMATION0;
typedef struct FWPS_PACKET_LIST_INFORMATION0_ {
    FWPS_PACKET_LIST_IPSEC_INFORMATION0 ipsecInformation;
    FWPS_PACKET_LIST_FWP_INFORMATION0 fwpInformation;
} FWPS_PACKET_LIST_INFORMATION0, FWPS_PACKET_LIST_INFORMATION;
#define FWPS_PACKET_LIST_INFORMATION_QUERY_IPSEC 0x00000001
#define FWPS_PACKET_LIST_INFORMATION_QUERY_FW 0x00000002
#define FWPS_PACKET_LIST_INFORMATION_QUERY_INBOUND 0x00000004
#define FWPS_PACKET_LIST_INFORMATION_QUERY_OUTBOUND 0x00000008
#define FWPS_PACKET_LIST_INFORMATION_QUERY_ALL_INBOUND \
    (FWPS_PACKET_LIST_INFORMATION_QUERY_IPSEC | FWPS_PACKET_LIST_INFORMATION_QUERY_FW | \
     FWPS_PACKET_LIST_INFORMATION_QUERY_INBOUND)
/* the unsuffixed names drivers write */
typedef FWPS_INCOMING_VALUE0 FWPS_INCOMING_VALUE;
typedef FWPS_INCOMING_VALUES0 FWPS_INCOMING_VALUES;
typedef FWPS_INCOMING_METADATA_VALUES0 FWPS_INCOMING_METADATA_VALUES;
typedef FWPS_DISCARD_METADATA0 FWPS_DISCARD_METADATA;
typedef FWPS_INBOUND_FRAGMENT_METADATA0 FWPS_INBOUND_FRAGMENT_METADATA;
typedef FWPS_CLASSIFY_OUT0 FWPS_CLASSIFY_OUT;
typedef FWPS_ACTION0 FWPS_ACTION;
typedef FWPS_FILTER_CONDITION0 FWPS_FILTER_CONDITION;
typedef FWPS_STREAM_DATA_OFFSET0 FWPS_STREAM_DATA_OFFSET;
typedef void(NTAPI *FWPS_INJECT_COMPLETE0)(void *context, NET_BUFFER_LIST *netBufferList, BOOLEAN dispatchLevel);
typedef FWPS_INJECT_COMPLETE0 FWPS_INJECT_COMPLETE;

NTSTATUS FwpsCalloutRegister0(void *deviceObject, const FWPS_CALLOUT0 *callout, UINT32 *calloutId);
NTSTATUS FwpsCalloutRegister1(void *deviceObject, const FWPS_CALLOUT1 *callout, UINT32 *calloutId);
NTSTATUS FwpsCalloutRegister2(void *deviceObject, const FWPS_CALLOUT2 *callout, UINT32 *calloutId);
NTSTATUS FwpsCalloutRegister3(void *deviceObject, const FWPS_CALLOUT3 *callout, UINT32 *calloutId);
NTSTATUS FwpsCalloutUnregisterById0(const UINT32 calloutId);
NTSTATUS FwpsCalloutUnregisterByKey0(const GUID *calloutKey);
NTSTATUS FwpsFlowAssociateContext0(UINT64 flowId, UINT16 layerId, UINT32 calloutId, UINT64 flowContext);
NTSTATUS FwpsFlowRemoveContext0(UINT64 flowId, UINT16 layerId, UINT32 calloutId);
NTSTATUS FwpsFlowAbort0(UINT64 flowId);
NTSTATUS FwpsPendOperation0(HANDLE completionHandle, HANDLE *completionContext);
void FwpsCompleteOperation0(HANDLE completionContext, NET_BUFFER_LIST *netBufferList);
NTSTATUS FwpsAcquireClassifyHandle0(void *classifyContext, UINT32 reserved, UINT64 *classifyHandle);
void FwpsReleaseClassifyHandle0(UINT64 classifyHandle);
NTSTATUS FwpsPendClassify0(UINT64 classifyHandle, UINT64 filterId, UINT32 flags, FWPS_CLASSIFY_OUT0 *classifyOut);
void FwpsCompleteClassify0(UINT64 classifyHandle, UINT32 flags, const FWPS_CLASSIFY_OUT0 *classifyOut);
NTSTATUS FwpsAcquireWritableLayerDataPointer0(UINT64 classifyHandle, UINT64 filterId, UINT32 flags,
                                              PVOID *writableLayerData, FWPS_CLASSIFY_OUT0 *classifyOut);
void FwpsApplyModifiedLayerData0(UINT64 classifyHandle, PVOID modifiedLayerData, UINT32 flags);
NTSTATUS FwpsRedirectHandleCreate0(const GUID *providerGuid, UINT32 flags, HANDLE *redirectHandle);
void FwpsRedirectHandleDestroy0(HANDLE redirectHandle);
NTSTATUS FwpsInjectionHandleCreate0(ADDRESS_FAMILY addressFamily, UINT32 flags, HANDLE *injectionHandle);
NTSTATUS FwpsInjectionHandleDestroy0(HANDLE injectionHandle);
FWPS_PACKET_INJECTION_STATE FwpsQueryPacketInjectionState0(HANDLE injectionHandle, const NET_BUFFER_LIST *netBufferList,
                                                           HANDLE *injectionContext);
NTSTATUS FwpsAllocateCloneNetBufferList0(NET_BUFFER_LIST *originalNetBufferList, NDIS_HANDLE netBufferListPoolHandle,
                                         NDIS_HANDLE netBufferPoolHandle, ULONG allocateCloneFlags,
                                         NET_BUFFER_LIST **netBufferList);
void FwpsFreeCloneNetBufferList0(NET_BUFFER_LIST *netBufferList, ULONG freeCloneFlags);
NTSTATUS FwpsAllocateNetBufferAndNetBufferList0(NDIS_HANDLE poolHandle, USHORT contextSize, USHORT contextBackFill,
                                                MDL *mdlChain, ULONG dataOffset, SIZE_T dataLength,
                                                NET_BUFFER_LIST **netBufferList);
void FwpsFreeNetBufferList0(NET_BUFFER_LIST *netBufferList);
void FwpsReferenceNetBufferList0(NET_BUFFER_LIST *netBufferList, BOOLEAN intendToModify);
void FwpsDereferenceNetBufferList0(NET_BUFFER_LIST *netBufferList, BOOLEAN dispatchLevel);
NTSTATUS FwpsInjectTransportSendAsync0(HANDLE injectionHandle, HANDLE injectionContext, UINT64 endpointHandle,
                                       UINT32 flags, FWPS_TRANSPORT_SEND_PARAMS0 *sendArgs,
                                       ADDRESS_FAMILY addressFamily, COMPARTMENT_ID compartmentId,
                                       NET_BUFFER_LIST *netBufferList, FWPS_INJECT_COMPLETE0 completionFn,
                                       HANDLE completionContext);
NTSTATUS FwpsInjectTransportSendAsync1(HANDLE injectionHandle, HANDLE injectionContext, UINT64 endpointHandle,
                                       UINT32 flags, FWPS_TRANSPORT_SEND_PARAMS1 *sendArgs,
                                       ADDRESS_FAMILY addressFamily, COMPARTMENT_ID compartmentId,
                                       NET_BUFFER_LIST *netBufferList, FWPS_INJECT_COMPLETE0 completionFn,
                                       HANDLE completionContext);
NTSTATUS FwpsInjectTransportReceiveAsync0(HANDLE injectionHandle, HANDLE injectionContext, PVOID reserved,
                                          UINT32 flags, ADDRESS_FAMILY addressFamily, COMPARTMENT_ID compartmentId,
                                          IF_INDEX interfaceIndex, IF_INDEX subInterfaceIndex,
                                          NET_BUFFER_LIST *netBufferList, FWPS_INJECT_COMPLETE0 completionFn,
                                          HANDLE completionContext);
NTSTATUS FwpsInjectNetworkSendAsync0(HANDLE injectionHandle, HANDLE injectionContext, UINT32 flags,
                                     COMPARTMENT_ID compartmentId, NET_BUFFER_LIST *netBufferList,
                                     FWPS_INJECT_COMPLETE0 completionFn, HANDLE completionContext);
NTSTATUS FwpsInjectNetworkReceiveAsync0(HANDLE injectionHandle, HANDLE injectionContext, UINT32 flags,
                                        COMPARTMENT_ID compartmentId, IF_INDEX interfaceIndex,
                                        IF_INDEX subInterfaceIndex, NET_BUFFER_LIST *netBufferList,
                                        FWPS_INJECT_COMPLETE0 completionFn, HANDLE completionContext);
NTSTATUS FwpsStreamInjectAsync0(HANDLE injectionHandle, HANDLE injectionContext, UINT32 flags, UINT64 flowId,
                                UINT32 calloutId, UINT16 layerId, UINT32 streamFlags, NET_BUFFER_LIST *netBufferList,
                                SIZE_T dataLength, FWPS_INJECT_COMPLETE0 completionFn, HANDLE completionContext);
NTSTATUS FwpsStreamContinue0(UINT64 flowId, UINT32 calloutId, UINT16 layerId, UINT32 streamFlags);
void FwpsCopyStreamDataToBuffer0(const FWPS_STREAM_DATA0 *calloutStreamData, PVOID buffer, SIZE_T bytesToCopy,
                                 SIZE_T *bytesCopied);
NTSTATUS FwpsCloneStreamData0(FWPS_STREAM_DATA0 *calloutStreamData, NDIS_HANDLE netBufferListPoolHandle,
                              NDIS_HANDLE netBufferPoolHandle, ULONG allocateCloneFlags,
                              NET_BUFFER_LIST **netBufferListChain);
void FwpsDiscardClonedStreamData0(NET_BUFFER_LIST *clonedStreamDataChain, UINT32 allocateCloneFlags,
                                  BOOLEAN dispatchLevel);
NTSTATUS FwpsGetPacketListSecurityInformation0(NET_BUFFER_LIST *packetList, UINT32 queryFlags,
                                               FWPS_PACKET_LIST_INFORMATION0 *packetInformation);
NTSTATUS FwpsConstructIpHeaderForTransportPacket0(NET_BUFFER_LIST *netBufferList, ULONG headerIncludeHeaderLength,
                                                  ADDRESS_FAMILY addressFamily, const UCHAR *sourceAddress,
                                                  const UCHAR *remoteAddress, IPPROTO nextProtocol,
                                                  UINT64 endpointHandle, const WSACMSGHDR *controlData,
                                                  ULONG controlDataLength, UINT32 flags, PVOID reserved,
                                                  IF_INDEX interfaceIndex, IF_INDEX subInterfaceIndex);
#define FwpsCalloutRegister FwpsCalloutRegister3
#define FwpsCalloutUnregisterById FwpsCalloutUnregisterById0
#define FwpsCalloutUnregisterByKey FwpsCalloutUnregisterByKey0
#define FwpsFlowAssociateContext FwpsFlowAssociateContext0
#define FwpsFlowRemoveContext FwpsFlowRemoveContext0
#define FwpsFlowAbort FwpsFlowAbort0
#define FwpsPendOperation FwpsPendOperation0
#define FwpsCompleteOperation FwpsCompleteOperation0
#define FwpsAcquireClassifyHandle FwpsAcquireClassifyHandle0
#define FwpsReleaseClassifyHandle FwpsReleaseClassifyHandle0
#define FwpsPendClassify FwpsPendClassify0
#define FwpsCompleteClassify FwpsCompleteClassify0
#define FwpsAcquireWritableLayerDataPointer FwpsAcquireWritableLayerDataPointer0
#define FwpsApplyModifiedLayerData FwpsApplyModifiedLayerData0
#define FwpsRedirectHandleCreate FwpsRedirectHandleCreate0
#define FwpsRedirectHandleDestroy FwpsRedirectHandleDestroy0
#define FwpsInjectionHandleCreate FwpsInjectionHandleCreate0
#define FwpsInjectionHandleDestroy FwpsInjectionHandleDestroy0
#define FwpsQueryPacketInjectionState FwpsQueryPacketInjectionState0
#define FwpsAllocateCloneNetBufferList FwpsAllocateCloneNetBufferList0
#define FwpsFreeCloneNetBufferList FwpsFreeCloneNetBufferList0
#define FwpsAllocateNetBufferAndNetBufferList FwpsAllocateNetBufferAndNetBufferList0
#define FwpsFreeNetBufferList FwpsFreeNetBufferList0
#define FwpsReferenceNetBufferList FwpsReferenceNetBufferList0
#define FwpsDereferenceNetBufferList FwpsDereferenceNetBufferList0
#define FwpsInjectTransportSendAsync FwpsInjectTransportSendAsync1
#define FwpsInjectTransportReceiveAsync FwpsInjectTransportReceiveAsync0
#define FwpsInjectNetworkSendAsync FwpsInjectNetworkSendAsync0
#define FwpsInjectNetworkReceiveAsync FwpsInjectNetworkReceiveAsync0
#define FwpsStreamInjectAsync FwpsStreamInjectAsync0
#define FwpsStreamContinue FwpsStreamContinue0
#define FwpsCopyStreamDataToBuffer FwpsCopyStreamDataToBuffer0
#define FwpsCloneStreamData FwpsCloneStreamData0
#define FwpsDiscardClonedStreamData FwpsDiscardClonedStreamData0
#define FwpsGetPacketListSecurityInformation FwpsGetPacketListSecurityInformation0
#define FwpsConstructIpHeaderForTransportPacket FwpsConstructIpHeaderForTransportPacket0

DT_END
