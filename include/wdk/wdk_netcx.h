/* wdk_netcx.h - drvtaint WDK shim: the network adapter class extension (NetAdapterCx,
 * netadaptercx.h and the net/*.h ring headers), written from the NetAdapterCx reference pages on
 * learn.microsoft.com (netadapter.h, netadapteroffload.h, netreceivefilter.h, netdevice.h,
 * netconfiguration.h, nettxqueue.h, netrxqueue.h, netpacketqueue.h, netwakesource.h, ring.h,
 * ringcollection.h, packet.h, fragment.h, extension.h and the extension pages: checksum, gso,
 * rsc, virtualaddress, logicaladdress, returncontext, mdl, ieee8021q).
 * The ring and extension accessors are FORCEINLINE over the documented fields, as in the WDK,
 * so the element a driver reads is visible; handles are WDF handles. Mobile broadband (mbbcx.h)
 * sits on top in wdk_mbbcx.h. */
#pragma once
#include "wdf.h"
#include "wdk_ndis.h"

/* The WDK gives its flag enums the bitwise operators in C++ (DEFINE_ENUM_FLAG_OPERATORS), so
 * `A | B` stays of the enum type; without them a C++ driver's flag assignment fails. */
#ifdef __cplusplus
#define DT_NETCX_FLAGS(T)                                                                          \
    }                                                                                              \
    inline constexpr T operator|(T a, T b) { return (T)((unsigned long long)a | (unsigned long long)b); } \
    inline constexpr T operator&(T a, T b) { return (T)((unsigned long long)a & (unsigned long long)b); } \
    inline constexpr T operator^(T a, T b) { return (T)((unsigned long long)a ^ (unsigned long long)b); } \
    inline constexpr T operator~(T a) { return (T)(~(unsigned long long)a); }                       \
    inline T &operator|=(T &a, T b) { return a = a | b; }                                          \
    inline T &operator&=(T &a, T b) { return a = a & b; }                                          \
    inline T &operator^=(T &a, T b) { return a = a ^ b; }                                          \
    extern "C" {
#else
#define DT_NETCX_FLAGS(T)
#endif

DT_BEGIN

/* NUMA node preference (wdm.h), which the DMA capabilities carry */
#ifndef MM_ANY_NODE_OK
typedef ULONG NODE_REQUIREMENT;
#define MM_ANY_NODE_OK 0x80000000
#endif

/* ---- handles ---- */
WDF_DECLARE_HANDLE(NETADAPTER);
WDF_DECLARE_HANDLE(NETPACKETQUEUE);
WDF_DECLARE_HANDLE(NETOFFLOAD);
WDF_DECLARE_HANDLE(NETCONFIGURATION);
WDF_DECLARE_HANDLE(NETPOWERSETTINGS);
WDF_DECLARE_HANDLE(NETRECEIVEFILTER);
WDF_DECLARE_HANDLE(NETWAKESOURCE);
WDF_DECLARE_HANDLE(NETWAKESOURCEBITMAP);
typedef struct NETADAPTER_INIT NETADAPTER_INIT;
typedef struct NETTXQUEUE_INIT NETTXQUEUE_INIT;
typedef struct NETRXQUEUE_INIT NETRXQUEUE_INIT;
typedef void *NET_FRAGMENT_RETURN_CONTEXT_HANDLE;

/* ---- ring.h ---- */
typedef struct _NET_RING {
    UINT16 OSReserved1;
    UINT16 ElementStride;
    UINT32 NumberOfElements;
    UINT32 ElementIndexMask;
    UINT32 EndIndex;
    union {
        UINT32 OSReserved0;
        void *OSReserved2[4];
    };
    UINT32 BeginIndex;
    UINT32 NextIndex;
    void *Scratch;
    unsigned char Buffer[ANYSIZE_ARRAY];
} NET_RING;

FORCEINLINE void *NetRingGetElementAtIndex(NET_RING const *Ring, UINT32 Index)
{
    return (void *)(Ring->Buffer + (SIZE_T)Ring->ElementStride * Index);
}
FORCEINLINE UINT32 NetRingIncrementIndex(NET_RING const *Ring, UINT32 Index)
{
    return (Index + 1) & Ring->ElementIndexMask;
}
FORCEINLINE UINT32 NetRingAdvanceIndex(NET_RING const *Ring, UINT32 Index, UINT32 Distance)
{
    return (Index + Distance) & Ring->ElementIndexMask;
}
FORCEINLINE UINT32 NetRingGetRangeCount(NET_RING const *Ring, UINT32 StartIndex, UINT32 EndIndex)
{
    return (EndIndex - StartIndex) & Ring->ElementIndexMask;
}

/* ---- ringcollection.h ---- */
typedef enum _NET_RING_TYPE { NetRingTypePacket, NetRingTypeFragment } NET_RING_TYPE;
typedef struct _NET_RING_COLLECTION {
    NET_RING *Rings[NetRingTypeFragment + 1];
} NET_RING_COLLECTION;
FORCEINLINE NET_RING *NetRingCollectionGetPacketRing(NET_RING_COLLECTION const *Rings)
{
    return Rings->Rings[NetRingTypePacket];
}
FORCEINLINE NET_RING *NetRingCollectionGetFragmentRing(NET_RING_COLLECTION const *Rings)
{
    return Rings->Rings[NetRingTypeFragment];
}

/* ---- packet.h ---- */
typedef enum _NET_PACKET_LAYER2_TYPE {
    NetPacketLayer2TypeUnspecified,
    NetPacketLayer2TypeNull,
    NetPacketLayer2TypeEthernet,
    NetPacketLayer2TypeIeee80211,
} NET_PACKET_LAYER2_TYPE;
typedef enum _NET_PACKET_LAYER3_TYPE {
    NetPacketLayer3TypeUnspecified,
    NetPacketLayer3TypeIPv4UnspecifiedOptions,
    NetPacketLayer3TypeIPv4WithOptions,
    NetPacketLayer3TypeIPv4NoOptions,
    NetPacketLayer3TypeIPv6UnspecifiedExtensions,
    NetPacketLayer3TypeIPv6WithExtensions,
    NetPacketLayer3TypeIPv6NoExtensions,
} NET_PACKET_LAYER3_TYPE;
typedef enum _NET_PACKET_LAYER4_TYPE {
    NetPacketLayer4TypeUnspecified,
    NetPacketLayer4TypeTcp,
    NetPacketLayer4TypeUdp,
    NetPacketLayer4TypeIPFragment,
    NetPacketLayer4TypeIPNotFragment,
} NET_PACKET_LAYER4_TYPE;
typedef struct _NET_PACKET_LAYOUT {
    UINT16 Layer2HeaderLength : 7;
    UINT16 Layer3HeaderLength : 9;
    UINT8 Layer4HeaderLength : 8;
    UINT8 Layer2Type : 4;
    UINT8 Layer3Type : 4;
    UINT8 Layer4Type : 4;
    UINT8 Reserved0 : 4;
} NET_PACKET_LAYOUT;
typedef struct _NET_PACKET {
    UINT32 FragmentIndex;
    UINT16 FragmentCount;
    NET_PACKET_LAYOUT Layout;
    UINT8 Ignore : 1;
    UINT8 Scratch : 1;
    UINT8 Reserved1 : 6;
} NET_PACKET;
FORCEINLINE NET_PACKET *NetRingGetPacketAtIndex(NET_RING *Ring, UINT32 Index)
{
    return (NET_PACKET *)NetRingGetElementAtIndex(Ring, Index);
}

/* ---- fragment.h ---- */
typedef struct _NET_FRAGMENT {
    UINT64 ValidLength : 26;
    UINT64 Capacity : 26;
    UINT64 Offset : 10;
    UINT64 Scratch : 1;
    UINT64 OsReserved_Bounced : 1;
} NET_FRAGMENT;
FORCEINLINE NET_FRAGMENT *NetRingGetFragmentAtIndex(NET_RING *Ring, UINT32 Index)
{
    return (NET_FRAGMENT *)NetRingGetElementAtIndex(Ring, Index);
}

/* ---- extension.h ---- */
typedef enum _NET_EXTENSION_TYPE {
    NetExtensionTypePacket = 1,
    NetExtensionTypeFragment,
} NET_EXTENSION_TYPE;
typedef struct _NET_EXTENSION {
    void *Reserved[2];
    BOOLEAN Enabled;
} NET_EXTENSION;
typedef struct _NET_EXTENSION_QUERY {
    ULONG Size;
    PCWSTR Name;
    ULONG Version;
    NET_EXTENSION_TYPE Type;
} NET_EXTENSION_QUERY;
FORCEINLINE void NET_EXTENSION_QUERY_INIT(NET_EXTENSION_QUERY *Query, PCWSTR Name, ULONG Version,
                                          NET_EXTENSION_TYPE Type)
{
    RtlZeroMemory(Query, sizeof(*Query));
    Query->Size = sizeof(NET_EXTENSION_QUERY);
    Query->Name = Name;
    Query->Version = Version;
    Query->Type = Type;
}
/* the extension's per-element storage; what the WDK computes from the private Reserved fields */
FORCEINLINE void *NetExtensionGetData(NET_EXTENSION const *Extension, UINT32 Index)
{
    return (unsigned char *)Extension->Reserved[0] + (SIZE_T)Index * (SIZE_T)Extension->Reserved[1];
}

/* ---- fragment extensions ---- */
#define NET_FRAGMENT_EXTENSION_VIRTUAL_ADDRESS_NAME L"ms_fragment_virtualaddress"
#define NET_FRAGMENT_EXTENSION_VIRTUAL_ADDRESS_VERSION_1 1U
typedef struct _NET_FRAGMENT_VIRTUAL_ADDRESS {
    void *VirtualAddress;
} NET_FRAGMENT_VIRTUAL_ADDRESS;
FORCEINLINE NET_FRAGMENT_VIRTUAL_ADDRESS *NetExtensionGetFragmentVirtualAddress(NET_EXTENSION const *Extension,
                                                                               UINT32 Index)
{
    return (NET_FRAGMENT_VIRTUAL_ADDRESS *)NetExtensionGetData(Extension, Index);
}
#define NET_FRAGMENT_EXTENSION_LOGICAL_ADDRESS_NAME L"ms_fragment_logicaladdress"
#define NET_FRAGMENT_EXTENSION_LOGICAL_ADDRESS_VERSION_1 1U
typedef struct _NET_FRAGMENT_LOGICAL_ADDRESS {
    UINT64 LogicalAddress;
} NET_FRAGMENT_LOGICAL_ADDRESS;
FORCEINLINE NET_FRAGMENT_LOGICAL_ADDRESS *NetExtensionGetFragmentLogicalAddress(NET_EXTENSION const *Extension,
                                                                               UINT32 Index)
{
    return (NET_FRAGMENT_LOGICAL_ADDRESS *)NetExtensionGetData(Extension, Index);
}
#define NET_FRAGMENT_EXTENSION_RETURN_CONTEXT_NAME L"ms_fragment_returncontext"
#define NET_FRAGMENT_EXTENSION_RETURN_CONTEXT_VERSION_1 1U
typedef struct _NET_FRAGMENT_RETURN_CONTEXT {
    NET_FRAGMENT_RETURN_CONTEXT_HANDLE Handle;
} NET_FRAGMENT_RETURN_CONTEXT;
FORCEINLINE NET_FRAGMENT_RETURN_CONTEXT *NetExtensionGetFragmentReturnContext(NET_EXTENSION const *Extension,
                                                                             UINT32 Index)
{
    return (NET_FRAGMENT_RETURN_CONTEXT *)NetExtensionGetData(Extension, Index);
}
#define NET_FRAGMENT_EXTENSION_MDL_NAME L"ms_fragment_mdl"
#define NET_FRAGMENT_EXTENSION_MDL_VERSION_1 1U
typedef struct _NET_FRAGMENT_MDL {
    PMDL Mdl;
} NET_FRAGMENT_MDL;
FORCEINLINE NET_FRAGMENT_MDL *NetExtensionGetFragmentMdl(NET_EXTENSION const *Extension, UINT32 Index)
{
    return (NET_FRAGMENT_MDL *)NetExtensionGetData(Extension, Index);
}

/* ---- packet extensions ---- */
#define NET_PACKET_EXTENSION_CHECKSUM_NAME L"ms_packet_checksum"
#define NET_PACKET_EXTENSION_CHECKSUM_VERSION_1 1U
typedef enum _NET_PACKET_RX_CHECKSUM_EVALUATION {
    NetPacketRxChecksumEvaluationNotChecked = 0,
    NetPacketRxChecksumEvaluationValid = 1,
    NetPacketRxChecksumEvaluationInvalid = 2,
} NET_PACKET_RX_CHECKSUM_EVALUATION;
typedef enum _NET_PACKET_TX_CHECKSUM_ACTION {
    NetPacketTxChecksumActionPassthrough = 0,
    NetPacketTxChecksumActionRequired = 2,
} NET_PACKET_TX_CHECKSUM_ACTION;
typedef struct _NET_PACKET_CHECKSUM {
    UINT8 Layer2 : 2;
    UINT8 Layer3 : 2;
    UINT8 Layer4 : 2;
} NET_PACKET_CHECKSUM;
FORCEINLINE NET_PACKET_CHECKSUM *NetExtensionGetPacketChecksum(NET_EXTENSION const *Extension, UINT32 Index)
{
    return (NET_PACKET_CHECKSUM *)NetExtensionGetData(Extension, Index);
}
#define NET_PACKET_EXTENSION_GSO_NAME L"ms_packet_gso"
#define NET_PACKET_EXTENSION_GSO_VERSION_1 1U
typedef struct _NET_PACKET_GSO {
    union {
        struct {
            UINT32 Mss : 20;
            UINT32 Reserved0 : 12;
        } TCP;
        struct {
            UINT32 Mss : 20;
            UINT32 Reserved0 : 12;
        } UDP;
    };
} NET_PACKET_GSO;
FORCEINLINE NET_PACKET_GSO *NetExtensionGetPacketGso(NET_EXTENSION const *Extension, UINT32 Index)
{
    return (NET_PACKET_GSO *)NetExtensionGetData(Extension, Index);
}
#define NET_PACKET_EXTENSION_RSC_NAME L"ms_packet_rsc"
#define NET_PACKET_EXTENSION_RSC_VERSION_1 1U
#define NET_PACKET_EXTENSION_RSC_VERSION_2 2U
typedef struct _NET_PACKET_RSC {
    union {
        struct {
            UINT16 CoalescedSegmentCount;
            UINT16 DuplicateAckCount;
        } TCP;
        struct {
            UINT16 CoalescedSegmentCount;
            UINT16 CoalescedSegmentSize;
        } UDP;
    };
} NET_PACKET_RSC;
FORCEINLINE NET_PACKET_RSC *NetExtensionGetPacketRsc(NET_EXTENSION const *Extension, UINT32 Index)
{
    return (NET_PACKET_RSC *)NetExtensionGetData(Extension, Index);
}
#define NET_PACKET_EXTENSION_RSC_TIMESTAMP_NAME L"ms_packet_rsc_timestamp"
#define NET_PACKET_EXTENSION_RSC_TIMESTAMP_VERSION_1 1U
typedef struct _NET_PACKET_RSC_TIMESTAMP {
    UINT32 TcpTimestampDelta;
} NET_PACKET_RSC_TIMESTAMP;
FORCEINLINE NET_PACKET_RSC_TIMESTAMP *NetExtensionGetPacketRscTimestamp(NET_EXTENSION const *Extension,
                                                                       UINT32 Index)
{
    return (NET_PACKET_RSC_TIMESTAMP *)NetExtensionGetData(Extension, Index);
}
#define NET_PACKET_EXTENSION_IEEE8021Q_NAME L"ms_packet_ieee8021q"
#define NET_PACKET_EXTENSION_IEEE8021Q_VERSION_1 1U
typedef enum _NET_PACKET_IEEE8021Q_PRIORITY_CODE_POINT { NetPacketIeee8021QPriority = 0 } NET_PACKET_IEEE8021Q_PRIORITY_CODE_POINT;
typedef struct _NET_PACKET_IEEE8021Q {
    UINT16 PriorityCodePoint : 3;
    UINT16 VlanIdentifier : 12;
    UINT16 TxTagging : 2;
} NET_PACKET_IEEE8021Q;
FORCEINLINE NET_PACKET_IEEE8021Q *NetExtensionGetPacketIeee8021Q(NET_EXTENSION const *Extension, UINT32 Index)
{
    return (NET_PACKET_IEEE8021Q *)NetExtensionGetData(Extension, Index);
}

/* ---- link layer (netadapter.h) ---- */
#define NET_ADAPTER_LINK_LAYER_ADDRESS_MAX_LENGTH 32
typedef struct _NET_ADAPTER_LINK_LAYER_ADDRESS {
    USHORT Length;
    UCHAR Address[NET_ADAPTER_LINK_LAYER_ADDRESS_MAX_LENGTH];
} NET_ADAPTER_LINK_LAYER_ADDRESS;
FORCEINLINE void NET_ADAPTER_LINK_LAYER_ADDRESS_INIT(NET_ADAPTER_LINK_LAYER_ADDRESS *LinkLayerAddress,
                                                     USHORT Length, UCHAR const *Value)
{
    RtlZeroMemory(LinkLayerAddress, sizeof(*LinkLayerAddress));
    LinkLayerAddress->Length = Length;
    RtlCopyMemory(LinkLayerAddress->Address, Value, Length);
}
typedef struct _NET_ADAPTER_LINK_LAYER_CAPABILITIES {
    ULONG Size;
    ULONG64 MaxTxLinkSpeed;
    ULONG64 MaxRxLinkSpeed;
} NET_ADAPTER_LINK_LAYER_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_LINK_LAYER_CAPABILITIES_INIT(NET_ADAPTER_LINK_LAYER_CAPABILITIES *Capabilities,
                                                          ULONG64 MaxTxLinkSpeed, ULONG64 MaxRxLinkSpeed)
{
    RtlZeroMemory(Capabilities, sizeof(*Capabilities));
    Capabilities->Size = sizeof(NET_ADAPTER_LINK_LAYER_CAPABILITIES);
    Capabilities->MaxTxLinkSpeed = MaxTxLinkSpeed;
    Capabilities->MaxRxLinkSpeed = MaxRxLinkSpeed;
}
typedef enum _NET_ADAPTER_PAUSE_FUNCTION_TYPE {
    NetAdapterPauseFunctionTypeUnsupported,
    NetAdapterPauseFunctionTypeSendOnly,
    NetAdapterPauseFunctionTypeReceiveOnly,
    NetAdapterPauseFunctionTypeSendAndReceive,
    NetAdapterPauseFunctionTypeUnknown,
} NET_ADAPTER_PAUSE_FUNCTION_TYPE;
typedef enum _NET_ADAPTER_AUTO_NEGOTIATION_FLAGS {
    NetAdapterAutoNegotiationFlagNone = 0,
    NetAdapterAutoNegotiationFlagXmitLinkSpeedAutoNegotiated = 0x1,
    NetAdapterAutoNegotiationFlagRcvLinkSpeedautoNegotiated = 0x2,
    NetAdapterAutoNegotiationFlagDuplexAutoNegotiated = 0x4,
    NetAdapterAutoNegotiationFlagPauseFunctionsAutoNegotiated = 0x8,
} NET_ADAPTER_AUTO_NEGOTIATION_FLAGS;
DT_NETCX_FLAGS(NET_ADAPTER_AUTO_NEGOTIATION_FLAGS)
typedef struct _NET_ADAPTER_LINK_STATE {
    ULONG Size;
    ULONG64 TxLinkSpeed;
    ULONG64 RxLinkSpeed;
    NET_IF_MEDIA_CONNECT_STATE MediaConnectState;
    NET_IF_MEDIA_DUPLEX_STATE MediaDuplexState;
    NET_ADAPTER_PAUSE_FUNCTION_TYPE SupportedPauseFunctions;
    NET_ADAPTER_AUTO_NEGOTIATION_FLAGS AutoNegotiationFlags;
} NET_ADAPTER_LINK_STATE;
FORCEINLINE void NET_ADAPTER_LINK_STATE_INIT(NET_ADAPTER_LINK_STATE *LinkState, ULONG64 LinkSpeed,
                                             NET_IF_MEDIA_CONNECT_STATE MediaConnectState,
                                             NET_IF_MEDIA_DUPLEX_STATE MediaDuplexState,
                                             NET_ADAPTER_PAUSE_FUNCTION_TYPE SupportedPauseFunctions,
                                             NET_ADAPTER_AUTO_NEGOTIATION_FLAGS AutoNegotiationFlags)
{
    RtlZeroMemory(LinkState, sizeof(*LinkState));
    LinkState->Size = sizeof(NET_ADAPTER_LINK_STATE);
    LinkState->TxLinkSpeed = LinkSpeed;
    LinkState->RxLinkSpeed = LinkSpeed;
    LinkState->MediaConnectState = MediaConnectState;
    LinkState->MediaDuplexState = MediaDuplexState;
    LinkState->SupportedPauseFunctions = SupportedPauseFunctions;
    LinkState->AutoNegotiationFlags = AutoNegotiationFlags;
}
FORCEINLINE void NET_ADAPTER_LINK_STATE_INIT_DISCONNECTED(NET_ADAPTER_LINK_STATE *LinkState)
{
    RtlZeroMemory(LinkState, sizeof(*LinkState));
    LinkState->Size = sizeof(NET_ADAPTER_LINK_STATE);
    LinkState->MediaConnectState = MediaConnectStateDisconnected;
    LinkState->SupportedPauseFunctions = NetAdapterPauseFunctionTypeUnknown;
}

/* ---- datapath ---- */
typedef NTSTATUS EVT_NET_ADAPTER_CREATE_TXQUEUE(NETADAPTER Adapter, NETTXQUEUE_INIT *TxQueueInit);
typedef EVT_NET_ADAPTER_CREATE_TXQUEUE *PFN_NET_ADAPTER_CREATE_TXQUEUE;
typedef NTSTATUS EVT_NET_ADAPTER_CREATE_RXQUEUE(NETADAPTER Adapter, NETRXQUEUE_INIT *RxQueueInit);
typedef EVT_NET_ADAPTER_CREATE_RXQUEUE *PFN_NET_ADAPTER_CREATE_RXQUEUE;
typedef struct _NET_ADAPTER_DATAPATH_CALLBACKS {
    ULONG Size;
    PFN_NET_ADAPTER_CREATE_TXQUEUE EvtAdapterCreateTxQueue;
    PFN_NET_ADAPTER_CREATE_RXQUEUE EvtAdapterCreateRxQueue;
} NET_ADAPTER_DATAPATH_CALLBACKS;
FORCEINLINE void NET_ADAPTER_DATAPATH_CALLBACKS_INIT(NET_ADAPTER_DATAPATH_CALLBACKS *Callbacks,
                                                     PFN_NET_ADAPTER_CREATE_TXQUEUE EvtAdapterCreateTxQueue,
                                                     PFN_NET_ADAPTER_CREATE_RXQUEUE EvtAdapterCreateRxQueue)
{
    RtlZeroMemory(Callbacks, sizeof(*Callbacks));
    Callbacks->Size = sizeof(NET_ADAPTER_DATAPATH_CALLBACKS);
    Callbacks->EvtAdapterCreateTxQueue = EvtAdapterCreateTxQueue;
    Callbacks->EvtAdapterCreateRxQueue = EvtAdapterCreateRxQueue;
}
typedef enum _NET_MEMORY_MAPPING_REQUIREMENT {
    NetMemoryMappingRequirementNone,
    NetMemoryMappingRequirementDmaMapped,
} NET_MEMORY_MAPPING_REQUIREMENT;
typedef enum _NET_RX_FRAGMENT_BUFFER_ALLOCATION_MODE {
    NetRxFragmentBufferAllocationModeSystem,
    NetRxFragmentBufferAllocationModeDriver,
} NET_RX_FRAGMENT_BUFFER_ALLOCATION_MODE;
typedef enum _NET_RX_FRAGMENT_BUFFER_ATTACHMENT_MODE {
    NetRxFragmentBufferAttachmentModeSystem,
    NetRxFragmentBufferAttachmentModeDriver,
} NET_RX_FRAGMENT_BUFFER_ATTACHMENT_MODE;
typedef struct _NET_ADAPTER_DMA_CAPABILITIES {
    ULONG Size;
    WDFDMAENABLER DmaEnabler;
    PHYSICAL_ADDRESS MaximumPhysicalAddress;
    BOOLEAN CacheEnabled;
    NODE_REQUIREMENT PreferredNode;
} NET_ADAPTER_DMA_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_DMA_CAPABILITIES_INIT(NET_ADAPTER_DMA_CAPABILITIES *DmaCapabilities,
                                                   WDFDMAENABLER DmaEnabler)
{
    RtlZeroMemory(DmaCapabilities, sizeof(*DmaCapabilities));
    DmaCapabilities->Size = sizeof(NET_ADAPTER_DMA_CAPABILITIES);
    DmaCapabilities->DmaEnabler = DmaEnabler;
    DmaCapabilities->CacheEnabled = (BOOLEAN)-1; /* WdfUseDefault */
    DmaCapabilities->PreferredNode = MM_ANY_NODE_OK;
}
typedef struct _NET_ADAPTER_TX_CAPABILITIES {
    ULONG Size;
    NET_MEMORY_MAPPING_REQUIREMENT MappingRequirement;
    SIZE_T FragmentBufferAlignment;
    SIZE_T MaximumNumberOfQueues;
    SIZE_T PayloadBackfill;
    SIZE_T MaximumNumberOfFragments;
    NET_ADAPTER_DMA_CAPABILITIES *DmaCapabilities;
    UINT8 FragmentRingNumberOfElementsHint;
} NET_ADAPTER_TX_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_TX_CAPABILITIES_INIT(NET_ADAPTER_TX_CAPABILITIES *TxCapabilities,
                                                  SIZE_T MaximumNumberOfQueues)
{
    RtlZeroMemory(TxCapabilities, sizeof(*TxCapabilities));
    TxCapabilities->Size = sizeof(NET_ADAPTER_TX_CAPABILITIES);
    TxCapabilities->MappingRequirement = NetMemoryMappingRequirementNone;
    TxCapabilities->FragmentBufferAlignment = 1;
    TxCapabilities->MaximumNumberOfQueues = MaximumNumberOfQueues;
    TxCapabilities->MaximumNumberOfFragments = (SIZE_T)-1;
}
FORCEINLINE void NET_ADAPTER_TX_CAPABILITIES_INIT_FOR_DMA(NET_ADAPTER_TX_CAPABILITIES *TxCapabilities,
                                                          NET_ADAPTER_DMA_CAPABILITIES *DmaCapabilities,
                                                          SIZE_T MaximumNumberOfQueues)
{
    NET_ADAPTER_TX_CAPABILITIES_INIT(TxCapabilities, MaximumNumberOfQueues);
    TxCapabilities->MappingRequirement = NetMemoryMappingRequirementDmaMapped;
    TxCapabilities->DmaCapabilities = DmaCapabilities;
}
typedef VOID EVT_NET_ADAPTER_RETURN_RX_BUFFER(NETADAPTER Adapter, NET_FRAGMENT_RETURN_CONTEXT_HANDLE RxReturnContext);
typedef EVT_NET_ADAPTER_RETURN_RX_BUFFER *PFN_NET_ADAPTER_RETURN_RX_BUFFER;
typedef struct _NET_ADAPTER_RX_CAPABILITIES {
    ULONG Size;
    NET_RX_FRAGMENT_BUFFER_ALLOCATION_MODE AllocationMode;
    NET_RX_FRAGMENT_BUFFER_ATTACHMENT_MODE AttachmentMode;
    SIZE_T FragmentBufferAlignment;
    SIZE_T MaximumNumberOfQueues;
    SIZE_T MaximumFrameSize;
    NET_MEMORY_MAPPING_REQUIREMENT MappingRequirement;
    NET_ADAPTER_DMA_CAPABILITIES *DmaCapabilities;
    PFN_NET_ADAPTER_RETURN_RX_BUFFER EvtAdapterReturnRxBuffer;
    UINT8 FragmentRingNumberOfElementsHint;
} NET_ADAPTER_RX_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_RX_CAPABILITIES_INIT_SYSTEM_MANAGED(NET_ADAPTER_RX_CAPABILITIES *RxCapabilities,
                                                                 SIZE_T MaximumFrameSize,
                                                                 SIZE_T MaximumNumberOfQueues)
{
    RtlZeroMemory(RxCapabilities, sizeof(*RxCapabilities));
    RxCapabilities->Size = sizeof(NET_ADAPTER_RX_CAPABILITIES);
    RxCapabilities->AllocationMode = NetRxFragmentBufferAllocationModeSystem;
    RxCapabilities->AttachmentMode = NetRxFragmentBufferAttachmentModeSystem;
    RxCapabilities->FragmentBufferAlignment = 1;
    RxCapabilities->MaximumFrameSize = MaximumFrameSize;
    RxCapabilities->MaximumNumberOfQueues = MaximumNumberOfQueues;
}
FORCEINLINE void NET_ADAPTER_RX_CAPABILITIES_INIT_SYSTEM_MANAGED_DMA(NET_ADAPTER_RX_CAPABILITIES *RxCapabilities,
                                                                     NET_ADAPTER_DMA_CAPABILITIES *DmaCapabilities,
                                                                     SIZE_T MaximumFrameSize,
                                                                     SIZE_T MaximumNumberOfQueues)
{
    NET_ADAPTER_RX_CAPABILITIES_INIT_SYSTEM_MANAGED(RxCapabilities, MaximumFrameSize, MaximumNumberOfQueues);
    RxCapabilities->MappingRequirement = NetMemoryMappingRequirementDmaMapped;
    RxCapabilities->DmaCapabilities = DmaCapabilities;
}
FORCEINLINE void NET_ADAPTER_RX_CAPABILITIES_INIT_DRIVER_MANAGED(
    NET_ADAPTER_RX_CAPABILITIES *RxCapabilities, PFN_NET_ADAPTER_RETURN_RX_BUFFER EvtAdapterReturnRxBuffer,
    SIZE_T MaximumFrameSize, SIZE_T MaximumNumberOfQueues)
{
    RtlZeroMemory(RxCapabilities, sizeof(*RxCapabilities));
    RxCapabilities->Size = sizeof(NET_ADAPTER_RX_CAPABILITIES);
    RxCapabilities->AllocationMode = NetRxFragmentBufferAllocationModeDriver;
    RxCapabilities->AttachmentMode = NetRxFragmentBufferAttachmentModeDriver;
    RxCapabilities->FragmentBufferAlignment = 1;
    RxCapabilities->MaximumFrameSize = MaximumFrameSize;
    RxCapabilities->MaximumNumberOfQueues = MaximumNumberOfQueues;
    RxCapabilities->EvtAdapterReturnRxBuffer = EvtAdapterReturnRxBuffer;
}

/* ---- adapter ---- */
NETADAPTER_INIT *NetAdapterInitAllocate(WDFDEVICE Device);
VOID NetAdapterInitFree(NETADAPTER_INIT *AdapterInit);
VOID NetAdapterInitSetDatapathCallbacks(NETADAPTER_INIT *AdapterInit, NET_ADAPTER_DATAPATH_CALLBACKS *DatapathCallbacks);
NTSTATUS NetAdapterCreate(NETADAPTER_INIT *AdapterInit, PWDF_OBJECT_ATTRIBUTES AdapterAttributes, NETADAPTER *Adapter);
NTSTATUS NetAdapterStart(NETADAPTER Adapter);
VOID NetAdapterStop(NETADAPTER Adapter);
NET_LUID NetAdapterGetNetLuid(NETADAPTER Adapter);
VOID NetAdapterSetLinkLayerCapabilities(NETADAPTER Adapter, NET_ADAPTER_LINK_LAYER_CAPABILITIES *LinkLayerCapabilities);
VOID NetAdapterSetLinkLayerMtuSize(NETADAPTER Adapter, ULONG MtuSize);
VOID NetAdapterSetPermanentLinkLayerAddress(NETADAPTER Adapter, NET_ADAPTER_LINK_LAYER_ADDRESS *LinkLayerAddress);
VOID NetAdapterSetCurrentLinkLayerAddress(NETADAPTER Adapter, NET_ADAPTER_LINK_LAYER_ADDRESS *LinkLayerAddress);
VOID NetAdapterSetLinkState(NETADAPTER Adapter, NET_ADAPTER_LINK_STATE *State);
VOID NetAdapterSetDataPathCapabilities(NETADAPTER Adapter, NET_ADAPTER_TX_CAPABILITIES *TxCapabilities,
                                       NET_ADAPTER_RX_CAPABILITIES *RxCapabilities);
WDFDEVICE NetAdapterGetParent(NETADAPTER Adapter);
NTSTATUS NetAdapterOpenConfiguration(NETADAPTER Adapter, PWDF_OBJECT_ATTRIBUTES ConfigurationAttributes,
                                     NETCONFIGURATION *Configuration);

/* ---- receive filter (netreceivefilter.h) ---- */
typedef enum _NET_PACKET_FILTER_FLAGS {
    NetPacketFilterFlagNone = 0x00000000,
    NetPacketFilterFlagDirected = 0x00000001,
    NetPacketFilterFlagMulticast = 0x00000002,
    NetPacketFilterFlagAllMulticast = 0x00000004,
    NetPacketFilterFlagBroadcast = 0x00000008,
    NetPacketFilterFlagPromiscuous = 0x00000020,
} NET_PACKET_FILTER_FLAGS;
DT_NETCX_FLAGS(NET_PACKET_FILTER_FLAGS)
typedef VOID EVT_NET_ADAPTER_SET_RECEIVE_FILTER(NETADAPTER Adapter, NETRECEIVEFILTER ReceiveFilter);
typedef EVT_NET_ADAPTER_SET_RECEIVE_FILTER *PFN_NET_ADAPTER_SET_RECEIVE_FILTER;
typedef struct _NET_ADAPTER_RECEIVE_FILTER_CAPABILITIES {
    ULONG Size;
    NET_PACKET_FILTER_FLAGS SupportedPacketFilters;
    SIZE_T MaximumMulticastAddresses;
    PFN_NET_ADAPTER_SET_RECEIVE_FILTER EvtSetReceiveFilter;
} NET_ADAPTER_RECEIVE_FILTER_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_RECEIVE_FILTER_CAPABILITIES_INIT(NET_ADAPTER_RECEIVE_FILTER_CAPABILITIES *Capabilities,
                                                              PFN_NET_ADAPTER_SET_RECEIVE_FILTER EvtSetReceiveFilter)
{
    RtlZeroMemory(Capabilities, sizeof(*Capabilities));
    Capabilities->Size = sizeof(NET_ADAPTER_RECEIVE_FILTER_CAPABILITIES);
    Capabilities->EvtSetReceiveFilter = EvtSetReceiveFilter;
}
VOID NetAdapterSetReceiveFilterCapabilities(NETADAPTER Adapter, NET_ADAPTER_RECEIVE_FILTER_CAPABILITIES const *Capabilities);
NET_PACKET_FILTER_FLAGS NetReceiveFilterGetPacketFilter(NETRECEIVEFILTER ReceiveFilter);
SIZE_T NetReceiveFilterGetMulticastAddressCount(NETRECEIVEFILTER ReceiveFilter);
NET_ADAPTER_LINK_LAYER_ADDRESS const *NetReceiveFilterGetMulticastAddressList(NETRECEIVEFILTER ReceiveFilter);

/* ---- offloads (netadapteroffload.h) ---- */
typedef enum _NET_ADAPTER_OFFLOAD_LAYER3_FLAGS {
    NetAdapterOffloadLayer3FlagIPv4NoOptions = 0x1,
    NetAdapterOffloadLayer3FlagIPv4WithOptions = 0x2,
    NetAdapterOffloadLayer3FlagIPv6NoExtensions = 0x4,
    NetAdapterOffloadLayer3FlagIPv6WithExtensions = 0x8,
} NET_ADAPTER_OFFLOAD_LAYER3_FLAGS;
typedef enum _NET_ADAPTER_OFFLOAD_LAYER4_FLAGS {
    NetAdapterOffloadLayer4FlagTcpNoOptions = 0x1,
    NetAdapterOffloadLayer4FlagTcpWithOptions = 0x2,
    NetAdapterOffloadLayer4FlagUdp = 0x4,
} NET_ADAPTER_OFFLOAD_LAYER4_FLAGS;
DT_NETCX_FLAGS(NET_ADAPTER_OFFLOAD_LAYER3_FLAGS)
DT_NETCX_FLAGS(NET_ADAPTER_OFFLOAD_LAYER4_FLAGS)
typedef VOID EVT_NET_ADAPTER_OFFLOAD_SET_CHECKSUM(NETADAPTER Adapter, NETOFFLOAD Offload);
typedef EVT_NET_ADAPTER_OFFLOAD_SET_CHECKSUM *PFN_NET_ADAPTER_OFFLOAD_SET_CHECKSUM;
typedef VOID EVT_NET_ADAPTER_OFFLOAD_SET_TX_CHECKSUM(NETADAPTER Adapter, NETOFFLOAD Offload);
typedef EVT_NET_ADAPTER_OFFLOAD_SET_TX_CHECKSUM *PFN_NET_ADAPTER_OFFLOAD_SET_TX_CHECKSUM;
typedef VOID EVT_NET_ADAPTER_OFFLOAD_SET_RX_CHECKSUM(NETADAPTER Adapter, NETOFFLOAD Offload);
typedef EVT_NET_ADAPTER_OFFLOAD_SET_RX_CHECKSUM *PFN_NET_ADAPTER_OFFLOAD_SET_RX_CHECKSUM;
typedef VOID EVT_NET_ADAPTER_OFFLOAD_SET_GSO(NETADAPTER Adapter, NETOFFLOAD Offload);
typedef EVT_NET_ADAPTER_OFFLOAD_SET_GSO *PFN_NET_ADAPTER_OFFLOAD_SET_GSO;
typedef VOID EVT_NET_ADAPTER_OFFLOAD_SET_RSC(NETADAPTER Adapter, NETOFFLOAD Offload);
typedef EVT_NET_ADAPTER_OFFLOAD_SET_RSC *PFN_NET_ADAPTER_OFFLOAD_SET_RSC;
typedef VOID EVT_NET_ADAPTER_OFFLOAD_SET_IEEE8021Q_TAG(NETADAPTER Adapter, NETOFFLOAD Offload);
typedef EVT_NET_ADAPTER_OFFLOAD_SET_IEEE8021Q_TAG *PFN_NET_ADAPTER_OFFLOAD_SET_IEEE8021Q_TAG;
typedef struct _NET_ADAPTER_OFFLOAD_TX_CHECKSUM_CAPABILITIES {
    ULONG Size;
    NET_ADAPTER_OFFLOAD_LAYER3_FLAGS Layer3Flags;
    NET_ADAPTER_OFFLOAD_LAYER4_FLAGS Layer4Flags;
    SIZE_T Layer3HeaderOffsetLimit;
    SIZE_T Layer4HeaderOffsetLimit;
    PFN_NET_ADAPTER_OFFLOAD_SET_TX_CHECKSUM EvtAdapterOffloadSetTxChecksum;
} NET_ADAPTER_OFFLOAD_TX_CHECKSUM_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_OFFLOAD_TX_CHECKSUM_CAPABILITIES_INIT(
    NET_ADAPTER_OFFLOAD_TX_CHECKSUM_CAPABILITIES *Capabilities, NET_ADAPTER_OFFLOAD_LAYER3_FLAGS Layer3Flags,
    PFN_NET_ADAPTER_OFFLOAD_SET_TX_CHECKSUM EvtAdapterOffloadSetTxChecksum)
{
    RtlZeroMemory(Capabilities, sizeof(*Capabilities));
    Capabilities->Size = sizeof(NET_ADAPTER_OFFLOAD_TX_CHECKSUM_CAPABILITIES);
    Capabilities->Layer3Flags = Layer3Flags;
    Capabilities->EvtAdapterOffloadSetTxChecksum = EvtAdapterOffloadSetTxChecksum;
}
typedef struct _NET_ADAPTER_OFFLOAD_RX_CHECKSUM_CAPABILITIES {
    ULONG Size;
    PFN_NET_ADAPTER_OFFLOAD_SET_RX_CHECKSUM EvtAdapterOffloadSetRxChecksum;
} NET_ADAPTER_OFFLOAD_RX_CHECKSUM_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_OFFLOAD_RX_CHECKSUM_CAPABILITIES_INIT(
    NET_ADAPTER_OFFLOAD_RX_CHECKSUM_CAPABILITIES *Capabilities,
    PFN_NET_ADAPTER_OFFLOAD_SET_RX_CHECKSUM EvtAdapterOffloadSetRxChecksum)
{
    RtlZeroMemory(Capabilities, sizeof(*Capabilities));
    Capabilities->Size = sizeof(NET_ADAPTER_OFFLOAD_RX_CHECKSUM_CAPABILITIES);
    Capabilities->EvtAdapterOffloadSetRxChecksum = EvtAdapterOffloadSetRxChecksum;
}
typedef struct _NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES {
    ULONG Size;
    NET_ADAPTER_OFFLOAD_LAYER3_FLAGS Layer3Flags;
    NET_ADAPTER_OFFLOAD_LAYER4_FLAGS Layer4Flags;
    SIZE_T MaximumOffloadSize;
    SIZE_T MinimumSegmentCount;
    SIZE_T Layer4HeaderOffsetLimit;
    PFN_NET_ADAPTER_OFFLOAD_SET_GSO EvtAdapterOffloadSetGso;
} NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES_INIT(NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES *Capabilities,
                                                           NET_ADAPTER_OFFLOAD_LAYER3_FLAGS Layer3Flags,
                                                           NET_ADAPTER_OFFLOAD_LAYER4_FLAGS Layer4Flags,
                                                           SIZE_T MaximumOffloadSize, SIZE_T MinimumSegmentCount,
                                                           PFN_NET_ADAPTER_OFFLOAD_SET_GSO EvtAdapterOffloadSetGso)
{
    RtlZeroMemory(Capabilities, sizeof(*Capabilities));
    Capabilities->Size = sizeof(NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES);
    Capabilities->Layer3Flags = Layer3Flags;
    Capabilities->Layer4Flags = Layer4Flags;
    Capabilities->MaximumOffloadSize = MaximumOffloadSize;
    Capabilities->MinimumSegmentCount = MinimumSegmentCount;
    Capabilities->EvtAdapterOffloadSetGso = EvtAdapterOffloadSetGso;
}
typedef struct _NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES {
    ULONG Size;
    NET_ADAPTER_OFFLOAD_LAYER3_FLAGS Layer3Flags;
    NET_ADAPTER_OFFLOAD_LAYER4_FLAGS Layer4Flags;
    BOOLEAN TcpTimestampOption;
    PFN_NET_ADAPTER_OFFLOAD_SET_RSC EvtAdapterOffloadSetRsc;
} NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES_INIT(NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES *Capabilities,
                                                           NET_ADAPTER_OFFLOAD_LAYER3_FLAGS Layer3Flags,
                                                           NET_ADAPTER_OFFLOAD_LAYER4_FLAGS Layer4Flags,
                                                           PFN_NET_ADAPTER_OFFLOAD_SET_RSC EvtAdapterOffloadSetRsc)
{
    RtlZeroMemory(Capabilities, sizeof(*Capabilities));
    Capabilities->Size = sizeof(NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES);
    Capabilities->Layer3Flags = Layer3Flags;
    Capabilities->Layer4Flags = Layer4Flags;
    Capabilities->TcpTimestampOption = TRUE;
    Capabilities->EvtAdapterOffloadSetRsc = EvtAdapterOffloadSetRsc;
}
VOID NetAdapterOffloadSetTxChecksumCapabilities(NETADAPTER Adapter, NET_ADAPTER_OFFLOAD_TX_CHECKSUM_CAPABILITIES const *Capabilities);
VOID NetAdapterOffloadSetRxChecksumCapabilities(NETADAPTER Adapter, NET_ADAPTER_OFFLOAD_RX_CHECKSUM_CAPABILITIES const *Capabilities);
VOID NetAdapterOffloadSetGsoCapabilities(NETADAPTER Adapter, NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES const *Capabilities);
VOID NetAdapterOffloadSetRscCapabilities(NETADAPTER Adapter, NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES const *Capabilities);
BOOLEAN NetOffloadIsTxChecksumIPv4Enabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsTxChecksumTcpEnabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsTxChecksumUdpEnabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsRxChecksumIPv4Enabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsRxChecksumTcpEnabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsRxChecksumUdpEnabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsLsoIPv4Enabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsLsoIPv6Enabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsUsoIPv4Enabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsUsoIPv6Enabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsTcpRscIPv4Enabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsTcpRscIPv6Enabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsUdpRscEnabled(NETOFFLOAD Offload);
BOOLEAN NetOffloadIsRscTcpTimestampOptionEnabled(NETOFFLOAD Offload);

/* ---- packet queues (netpacketqueue.h, nettxqueue.h, netrxqueue.h) ---- */
typedef VOID EVT_PACKET_QUEUE_START(NETPACKETQUEUE PacketQueue);
typedef EVT_PACKET_QUEUE_START *PFN_PACKET_QUEUE_START;
typedef VOID EVT_PACKET_QUEUE_STOP(NETPACKETQUEUE PacketQueue);
typedef EVT_PACKET_QUEUE_STOP *PFN_PACKET_QUEUE_STOP;
typedef VOID EVT_PACKET_QUEUE_ADVANCE(NETPACKETQUEUE PacketQueue);
typedef EVT_PACKET_QUEUE_ADVANCE *PFN_PACKET_QUEUE_ADVANCE;
typedef VOID EVT_PACKET_QUEUE_SET_NOTIFICATION_ENABLED(NETPACKETQUEUE PacketQueue, BOOLEAN NotificationEnabled);
typedef EVT_PACKET_QUEUE_SET_NOTIFICATION_ENABLED *PFN_PACKET_QUEUE_SET_NOTIFICATION_ENABLED;
typedef VOID EVT_PACKET_QUEUE_CANCEL(NETPACKETQUEUE PacketQueue);
typedef EVT_PACKET_QUEUE_CANCEL *PFN_PACKET_QUEUE_CANCEL;
typedef struct _NET_PACKET_QUEUE_CONFIG {
    ULONG Size;
    PFN_PACKET_QUEUE_START EvtStart;
    PFN_PACKET_QUEUE_STOP EvtStop;
    PFN_PACKET_QUEUE_ADVANCE EvtAdvance;
    PFN_PACKET_QUEUE_SET_NOTIFICATION_ENABLED EvtSetNotificationEnabled;
    PFN_PACKET_QUEUE_CANCEL EvtCancel;
} NET_PACKET_QUEUE_CONFIG;
FORCEINLINE void NET_PACKET_QUEUE_CONFIG_INIT(NET_PACKET_QUEUE_CONFIG *NetPacketQueueConfig,
                                              PFN_PACKET_QUEUE_ADVANCE EvtAdvance,
                                              PFN_PACKET_QUEUE_SET_NOTIFICATION_ENABLED EvtSetNotificationEnabled,
                                              PFN_PACKET_QUEUE_CANCEL EvtCancel)
{
    RtlZeroMemory(NetPacketQueueConfig, sizeof(*NetPacketQueueConfig));
    NetPacketQueueConfig->Size = sizeof(NET_PACKET_QUEUE_CONFIG);
    NetPacketQueueConfig->EvtAdvance = EvtAdvance;
    NetPacketQueueConfig->EvtSetNotificationEnabled = EvtSetNotificationEnabled;
    NetPacketQueueConfig->EvtCancel = EvtCancel;
}
NTSTATUS NetTxQueueCreate(NETTXQUEUE_INIT *NetTxQueueInit, PWDF_OBJECT_ATTRIBUTES TxQueueAttributes,
                          NET_PACKET_QUEUE_CONFIG *Configuration, NETPACKETQUEUE *TxQueue);
NTSTATUS NetRxQueueCreate(NETRXQUEUE_INIT *NetRxQueueInit, PWDF_OBJECT_ATTRIBUTES RxQueueAttributes,
                          NET_PACKET_QUEUE_CONFIG *Configuration, NETPACKETQUEUE *RxQueue);
ULONG NetTxQueueInitGetQueueId(NETTXQUEUE_INIT *NetTxQueueInit);
ULONG NetRxQueueInitGetQueueId(NETRXQUEUE_INIT *NetRxQueueInit);
NET_RING_COLLECTION const *NetTxQueueGetRingCollection(NETPACKETQUEUE NetTxQueue);
NET_RING_COLLECTION const *NetRxQueueGetRingCollection(NETPACKETQUEUE NetRxQueue);
VOID NetTxQueueNotifyMoreCompletedPacketsAvailable(NETPACKETQUEUE TxQueue);
VOID NetRxQueueNotifyMoreReceivedPacketsAvailable(NETPACKETQUEUE RxQueue);
VOID NetTxQueueGetExtension(NETPACKETQUEUE NetTxQueue, NET_EXTENSION_QUERY const *Query, NET_EXTENSION *Extension);
VOID NetRxQueueGetExtension(NETPACKETQUEUE NetRxQueue, NET_EXTENSION_QUERY const *Query, NET_EXTENSION *Extension);

/* ---- configuration (netconfiguration.h) ---- */
typedef enum _NET_CONFIGURATION_QUERY_ULONG_FLAGS {
    NET_CONFIGURATION_QUERY_ULONG_NO_FLAGS = 0,
    NET_CONFIGURATION_QUERY_ULONG_MAY_BE_STORED_AS_HEX_STRING = 0x1,
} NET_CONFIGURATION_QUERY_ULONG_FLAGS;
VOID NetConfigurationClose(NETCONFIGURATION Configuration);
NTSTATUS NetConfigurationOpenSubConfiguration(NETCONFIGURATION Configuration, PCUNICODE_STRING SubConfigurationName,
                                              PWDF_OBJECT_ATTRIBUTES SubConfigurationAttributes,
                                              NETCONFIGURATION *SubConfiguration);
NTSTATUS NetConfigurationQueryUlong(NETCONFIGURATION Configuration, NET_CONFIGURATION_QUERY_ULONG_FLAGS Flags,
                                    PCUNICODE_STRING ValueName, PULONG Value);
NTSTATUS NetConfigurationQueryString(NETCONFIGURATION Configuration, PCUNICODE_STRING ValueName,
                                     PWDF_OBJECT_ATTRIBUTES StringAttributes, WDFSTRING *WdfString);
NTSTATUS NetConfigurationQueryMultiString(NETCONFIGURATION Configuration, PCUNICODE_STRING ValueName,
                                          PWDF_OBJECT_ATTRIBUTES StringsAttributes, WDFCOLLECTION Collection);
NTSTATUS NetConfigurationQueryBinary(NETCONFIGURATION Configuration, PCUNICODE_STRING ValueName,
                                     POOL_TYPE PoolType, PWDF_OBJECT_ATTRIBUTES MemoryAttributes, WDFMEMORY *Memory);
NTSTATUS NetConfigurationQueryLinkLayerAddress(NETCONFIGURATION Configuration,
                                               NET_ADAPTER_LINK_LAYER_ADDRESS *LinkLayerAddress);
NTSTATUS NetConfigurationAssignUlong(NETCONFIGURATION Configuration, PCUNICODE_STRING ValueName, ULONG Value);
NTSTATUS NetConfigurationAssignUnicodeString(NETCONFIGURATION Configuration, PCUNICODE_STRING ValueName,
                                             PCUNICODE_STRING Value);
NTSTATUS NetConfigurationAssignBinary(NETCONFIGURATION Configuration, PCUNICODE_STRING ValueName, PVOID Buffer,
                                      ULONG BufferLength);

/* ---- device (netdevice.h) ---- */
NTSTATUS NetDeviceInitConfig(PWDFDEVICE_INIT DeviceInit);
NTSTATUS NetDeviceOpenConfiguration(WDFDEVICE Device, PWDF_OBJECT_ATTRIBUTES ConfigurationAttributes,
                                    NETCONFIGURATION *Configuration);
typedef VOID EVT_NET_DEVICE_RESET(WDFDEVICE Device);
typedef EVT_NET_DEVICE_RESET *PFN_NET_DEVICE_RESET;
typedef struct _NET_DEVICE_RESET_CONFIG {
    ULONG Size;
    PFN_NET_DEVICE_RESET EvtDeviceReset;
} NET_DEVICE_RESET_CONFIG;
FORCEINLINE void NET_DEVICE_RESET_CONFIG_INIT(NET_DEVICE_RESET_CONFIG *NetDeviceResetConfig,
                                              PFN_NET_DEVICE_RESET EvtDeviceReset)
{
    RtlZeroMemory(NetDeviceResetConfig, sizeof(*NetDeviceResetConfig));
    NetDeviceResetConfig->Size = sizeof(NET_DEVICE_RESET_CONFIG);
    NetDeviceResetConfig->EvtDeviceReset = EvtDeviceReset;
}
VOID NetDeviceInitSetResetConfig(PWDFDEVICE_INIT DeviceInit, NET_DEVICE_RESET_CONFIG *NetDeviceResetConfig);

/* ---- power: wake sources and wake capabilities (netwakesource.h, netadapter.h) ---- */
typedef enum _NET_WAKE_SOURCE_TYPE {
    NetWakeSourceTypeBitmapPattern = 1,
    NetWakeSourceTypeMagicPacket,
    NetWakeSourceTypePacketFilterMatch,
    NetWakeSourceTypeMediaChange,
    NetWakeSourceTypeEapolPacket,
} NET_WAKE_SOURCE_TYPE;
typedef struct _NET_WAKE_SOURCE_LIST {
    ULONG Size;
    void *Reserved[4];
} NET_WAKE_SOURCE_LIST;
FORCEINLINE void NET_WAKE_SOURCE_LIST_INIT(NET_WAKE_SOURCE_LIST *List)
{
    RtlZeroMemory(List, sizeof(*List));
    List->Size = sizeof(NET_WAKE_SOURCE_LIST);
}
VOID NetDeviceGetWakeSourceList(WDFDEVICE Device, NET_WAKE_SOURCE_LIST *List);
SIZE_T NetWakeSourceListGetCount(NET_WAKE_SOURCE_LIST const *List);
NETWAKESOURCE NetWakeSourceListGetElement(NET_WAKE_SOURCE_LIST const *List, SIZE_T Index);
NET_WAKE_SOURCE_TYPE NetWakeSourceGetType(NETWAKESOURCE WakeSource);
NETADAPTER NetWakeSourceGetAdapter(NETWAKESOURCE WakeSource);
ULONG NetWakeSourceGetId(NETWAKESOURCE WakeSource);
typedef struct _NET_WAKE_SOURCE_BITMAP_PARAMETERS {
    ULONG Size;
    ULONG Id;
    UCHAR const *Mask;
    SIZE_T MaskSize;
    UCHAR const *Pattern;
    SIZE_T PatternSize;
} NET_WAKE_SOURCE_BITMAP_PARAMETERS;
FORCEINLINE void NET_WAKE_SOURCE_BITMAP_PARAMETERS_INIT(NET_WAKE_SOURCE_BITMAP_PARAMETERS *Parameters)
{
    RtlZeroMemory(Parameters, sizeof(*Parameters));
    Parameters->Size = sizeof(NET_WAKE_SOURCE_BITMAP_PARAMETERS);
}
VOID NetWakeSourceGetBitmapParameters(NETWAKESOURCE WakeSource, NET_WAKE_SOURCE_BITMAP_PARAMETERS *Parameters);
typedef NTSTATUS EVT_NET_DEVICE_PREVIEW_BITMAP_PATTERN(WDFDEVICE Device, NETWAKESOURCE BitmapPattern);
typedef EVT_NET_DEVICE_PREVIEW_BITMAP_PATTERN *PFN_NET_DEVICE_PREVIEW_BITMAP_PATTERN;
typedef NTSTATUS EVT_NET_DEVICE_PREVIEW_WAKE_SOURCE(WDFDEVICE Device, NETWAKESOURCE WakeSource);
typedef EVT_NET_DEVICE_PREVIEW_WAKE_SOURCE *PFN_NET_DEVICE_PREVIEW_WAKE_SOURCE;
typedef NTSTATUS EVT_NET_DEVICE_PREVIEW_POWER_OFFLOAD(WDFDEVICE Device, void *PowerOffload);
typedef EVT_NET_DEVICE_PREVIEW_POWER_OFFLOAD *PFN_NET_DEVICE_PREVIEW_POWER_OFFLOAD;
typedef struct _NET_DEVICE_POWER_POLICY_EVENT_CALLBACKS {
    ULONG Size;
    PFN_NET_DEVICE_PREVIEW_BITMAP_PATTERN EvtDevicePreviewBitmapPattern;
    PFN_NET_DEVICE_PREVIEW_POWER_OFFLOAD EvtDevicePreviewPowerOffload;
} NET_DEVICE_POWER_POLICY_EVENT_CALLBACKS;
FORCEINLINE void NET_DEVICE_POWER_POLICY_EVENT_CALLBACKS_INIT(NET_DEVICE_POWER_POLICY_EVENT_CALLBACKS *Callbacks)
{
    RtlZeroMemory(Callbacks, sizeof(*Callbacks));
    Callbacks->Size = sizeof(NET_DEVICE_POWER_POLICY_EVENT_CALLBACKS);
}
VOID NetDeviceInitSetPowerPolicyEventCallbacks(PWDFDEVICE_INIT DeviceInit,
                                               NET_DEVICE_POWER_POLICY_EVENT_CALLBACKS const *Callbacks);
typedef struct _NET_ADAPTER_WAKE_BITMAP_CAPABILITIES {
    ULONG Size;
    BOOLEAN BitmapPattern;
    SIZE_T MaximumPatternCount;
    SIZE_T MaximumPatternSize;
} NET_ADAPTER_WAKE_BITMAP_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_WAKE_BITMAP_CAPABILITIES_INIT(NET_ADAPTER_WAKE_BITMAP_CAPABILITIES *Capabilities)
{
    RtlZeroMemory(Capabilities, sizeof(*Capabilities));
    Capabilities->Size = sizeof(NET_ADAPTER_WAKE_BITMAP_CAPABILITIES);
}
typedef struct _NET_ADAPTER_WAKE_MAGIC_PACKET_CAPABILITIES {
    ULONG Size;
    BOOLEAN MagicPacket;
} NET_ADAPTER_WAKE_MAGIC_PACKET_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_WAKE_MAGIC_PACKET_CAPABILITIES_INIT(NET_ADAPTER_WAKE_MAGIC_PACKET_CAPABILITIES *Capabilities)
{
    RtlZeroMemory(Capabilities, sizeof(*Capabilities));
    Capabilities->Size = sizeof(NET_ADAPTER_WAKE_MAGIC_PACKET_CAPABILITIES);
}
typedef struct _NET_ADAPTER_WAKE_MEDIA_CHANGE_CAPABILITIES {
    ULONG Size;
    BOOLEAN MediaConnect;
    BOOLEAN MediaDisconnect;
} NET_ADAPTER_WAKE_MEDIA_CHANGE_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_WAKE_MEDIA_CHANGE_CAPABILITIES_INIT(NET_ADAPTER_WAKE_MEDIA_CHANGE_CAPABILITIES *Capabilities)
{
    RtlZeroMemory(Capabilities, sizeof(*Capabilities));
    Capabilities->Size = sizeof(NET_ADAPTER_WAKE_MEDIA_CHANGE_CAPABILITIES);
}
typedef struct _NET_ADAPTER_WAKE_PACKET_FILTER_CAPABILITIES {
    ULONG Size;
    BOOLEAN PacketFilterMatch;
} NET_ADAPTER_WAKE_PACKET_FILTER_CAPABILITIES;
FORCEINLINE void NET_ADAPTER_WAKE_PACKET_FILTER_CAPABILITIES_INIT(NET_ADAPTER_WAKE_PACKET_FILTER_CAPABILITIES *Capabilities)
{
    RtlZeroMemory(Capabilities, sizeof(*Capabilities));
    Capabilities->Size = sizeof(NET_ADAPTER_WAKE_PACKET_FILTER_CAPABILITIES);
}
VOID NetAdapterWakeSetBitmapCapabilities(NETADAPTER Adapter, NET_ADAPTER_WAKE_BITMAP_CAPABILITIES const *Capabilities);
VOID NetAdapterWakeSetMagicPacketCapabilities(NETADAPTER Adapter, NET_ADAPTER_WAKE_MAGIC_PACKET_CAPABILITIES const *Capabilities);
VOID NetAdapterWakeSetMediaChangeCapabilities(NETADAPTER Adapter, NET_ADAPTER_WAKE_MEDIA_CHANGE_CAPABILITIES const *Capabilities);
VOID NetAdapterWakeSetPacketFilterCapabilities(NETADAPTER Adapter, NET_ADAPTER_WAKE_PACKET_FILTER_CAPABILITIES const *Capabilities);

DT_END
