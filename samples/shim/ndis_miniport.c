/* ndis_miniport.c - an NDIS 6 miniport written against the documented API (ndis.h) with the
 * executive support routines drivers use around it (wdk_rtl.h): registration, adapter
 * attributes, MSI interrupt registration, a mapped register window read through the
 * NdisReadRegister* macros (which reach the register sinks, here with the driver's own values),
 * a lookaside list, an interlocked SLIST, a generic table, time fields and a high-resolution
 * timer. */
#include <ndis.h>

#define MP_TAG 'pmSS'
#define MP_REG_STATUS 0x08

typedef struct _MP_PACKET {
    SLIST_ENTRY Link;
    ULONG Length;
} MP_PACKET, *PMP_PACKET;

typedef struct _MP_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    PUCHAR Registers;
    NDIS_PHYSICAL_ADDRESS RegisterBase;
    NPAGED_LOOKASIDE_LIST PacketLookaside;
    SLIST_HEADER FreePackets;
    RTL_GENERIC_TABLE Flows;
    PEX_TIMER Watchdog;
    TIME_FIELDS Started;
} MP_ADAPTER, *PMP_ADAPTER;

static NDIS_HANDLE MiniportDriverHandle;
static NDIS_OID SupportedOids[] = {OID_GEN_SUPPORTED_LIST, OID_GEN_MEDIA_CONNECT_STATUS, OID_GEN_LINK_SPEED,
                                   OID_802_3_CURRENT_ADDRESS, OID_GEN_STATISTICS};

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE MpInitialize;
MINIPORT_HALT MpHalt;
MINIPORT_UNLOAD MpUnload;
MINIPORT_OID_REQUEST MpOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS MpSend;
MINIPORT_MESSAGE_INTERRUPT MpMessageIsr;
MINIPORT_MESSAGE_INTERRUPT_DPC MpMessageDpc;
RTL_GENERIC_COMPARE_ROUTINE MpCompareFlows;
RTL_GENERIC_ALLOCATE_ROUTINE MpAllocateFlow;
RTL_GENERIC_FREE_ROUTINE MpFreeFlow;
EXT_CALLBACK MpWatchdog;

RTL_GENERIC_COMPARE_RESULTS MpCompareFlows(PRTL_GENERIC_TABLE Table, PVOID First, PVOID Second)
{
    UNREFERENCED_PARAMETER(Table);
    ULONG a = *(PULONG)First, b = *(PULONG)Second;
    return a < b ? GenericLessThan : a > b ? GenericGreaterThan : GenericEqual;
}

PVOID MpAllocateFlow(PRTL_GENERIC_TABLE Table, CLONG ByteSize)
{
    UNREFERENCED_PARAMETER(Table);
    return ExAllocatePool2(POOL_FLAG_NON_PAGED, ByteSize, MP_TAG);
}

VOID MpFreeFlow(PRTL_GENERIC_TABLE Table, PVOID Buffer)
{
    UNREFERENCED_PARAMETER(Table);
    ExFreePoolWithTag(Buffer, MP_TAG);
}

VOID MpWatchdog(PEX_TIMER Timer, PVOID Context)
{
    UNREFERENCED_PARAMETER(Timer);
    PMP_ADAPTER adapter = (PMP_ADAPTER)Context;
    ULONG status;
    NdisReadRegisterUlong(adapter->Registers + MP_REG_STATUS, &status); // expect: none
    if (status & 1)
        NdisWriteRegisterUlong(adapter->Registers + MP_REG_STATUS, 1); // expect: none
}

BOOLEAN MpMessageIsr(NDIS_HANDLE MiniportInterruptContext, ULONG MessageId, PBOOLEAN QueueDefaultInterruptDpc,
                     PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MessageId);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID MpMessageDpc(NDIS_HANDLE MiniportInterruptContext, ULONG MessageId, PVOID MiniportDpcContext,
                  PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    PMP_ADAPTER adapter = (PMP_ADAPTER)MiniportInterruptContext;
    UNREFERENCED_PARAMETER(MessageId);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
    PSLIST_ENTRY entry = InterlockedPopEntrySList(&adapter->FreePackets);
    if (entry)
        InterlockedPushEntrySList(&adapter->FreePackets, entry);
}

NDIS_STATUS MpInitialize(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                         PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    PMP_ADAPTER adapter = (PMP_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(MP_ADAPTER),
                                                                         MP_TAG, NormalPoolPriority);
    if (!adapter)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(adapter, sizeof(*adapter));
    adapter->AdapterHandle = MiniportAdapterHandle;

    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES reg = {0};
    reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    reg.MiniportAdapterContext = adapter;
    reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    reg.InterfaceType = NdisInterfacePci;
    NDIS_STATUS status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&reg);
    if (status != NDIS_STATUS_SUCCESS)
        return status;

    PCM_PARTIAL_RESOURCE_LIST resources = MiniportInitParameters->AllocatedResources;
    if (!resources)
        return NDIS_STATUS_RESOURCES;
    adapter->RegisterBase.QuadPart = 0xFEB00000;
    status = NdisMMapIoSpace((PVOID *)&adapter->Registers, MiniportAdapterHandle, adapter->RegisterBase, 0x1000);
    if (status != NDIS_STATUS_SUCCESS)
        return status;

    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES general = {0};
    general.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    general.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    general.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    general.MediaType = NdisMedium802_3;
    general.PhysicalMediumType = NdisPhysicalMedium802_3;
    general.MtuSize = 1500;
    general.MaxXmitLinkSpeed = general.MaxRcvLinkSpeed = 1000000000ULL;
    general.XmitLinkSpeed = general.RcvLinkSpeed = NDIS_LINK_SPEED_UNKNOWN;
    general.MediaConnectState = MediaConnectStateUnknown;
    general.MediaDuplexState = MediaDuplexStateUnknown;
    general.MacOptions = NDIS_MAC_OPTION_COPY_LOOKAHEAD_DATA | NDIS_MAC_OPTION_NO_LOOPBACK;
    general.SupportedPacketFilters = NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_BROADCAST;
    general.MacAddressLength = ETH_LENGTH_OF_ADDRESS;
    general.AccessType = NET_IF_ACCESS_BROADCAST;
    general.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    general.ConnectionType = NET_IF_CONNECTION_DEDICATED;
    general.IfType = IF_TYPE_ETHERNET_CSMACD;
    general.SupportedOidList = SupportedOids;
    general.SupportedOidListLength = sizeof(SupportedOids);
    status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&general);
    if (status != NDIS_STATUS_SUCCESS)
        return status;

    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS intr = {0};
    intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    intr.MsiSupported = TRUE;
    intr.MessageInterruptHandler = MpMessageIsr;
    intr.MessageInterruptDpcHandler = MpMessageDpc;
    status = NdisMRegisterInterruptEx(MiniportAdapterHandle, adapter, &intr, &adapter->InterruptHandle);
    if (status != NDIS_STATUS_SUCCESS)
        return status;

    ExInitializeNPagedLookasideList(&adapter->PacketLookaside, NULL, NULL, POOL_NX_ALLOCATION, sizeof(MP_PACKET), MP_TAG,
                                    0);
    InitializeSListHead(&adapter->FreePackets);
    PMP_PACKET packet = (PMP_PACKET)ExAllocateFromNPagedLookasideList(&adapter->PacketLookaside);
    if (packet)
        InterlockedPushEntrySList(&adapter->FreePackets, &packet->Link);
    RtlInitializeGenericTable(&adapter->Flows, MpCompareFlows, MpAllocateFlow, MpFreeFlow, adapter);

    LARGE_INTEGER now, local;
    KeQuerySystemTimePrecise(&now);
    ExSystemTimeToLocalTime(&now, &local);
    RtlTimeToTimeFields(&local, &adapter->Started);
    adapter->Watchdog = ExAllocateTimer(MpWatchdog, adapter, EX_TIMER_HIGH_RESOLUTION);
    if (adapter->Watchdog)
        ExSetTimer(adapter->Watchdog, -10000000LL, 10000000LL, NULL);
    return NDIS_STATUS_SUCCESS;
}

VOID MpHalt(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PMP_ADAPTER adapter = (PMP_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(HaltAction);
    if (adapter->Watchdog)
        ExDeleteTimer(adapter->Watchdog, TRUE, TRUE, NULL);
    NdisMDeregisterInterruptEx(adapter->InterruptHandle);
    NdisMUnmapIoSpace(adapter->AdapterHandle, adapter->Registers, 0x1000);
    ExDeleteNPagedLookasideList(&adapter->PacketLookaside);
    NdisFreeMemoryWithTagPriority(adapter->AdapterHandle, adapter, MP_TAG);
}

NDIS_STATUS MpOidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST OidRequest)
{
    PMP_ADAPTER adapter = (PMP_ADAPTER)MiniportAdapterContext;
    if (OidRequest->RequestType != NdisRequestQueryInformation)
        return NDIS_STATUS_NOT_SUPPORTED;
    ULONG flows = RtlNumberGenericTableElements(&adapter->Flows);
    if (OidRequest->DATA.QUERY_INFORMATION.Oid != OID_GEN_RCV_OK)
        return NDIS_STATUS_NOT_SUPPORTED;
    if (OidRequest->DATA.QUERY_INFORMATION.InformationBufferLength < sizeof(ULONG)) {
        OidRequest->DATA.QUERY_INFORMATION.BytesNeeded = sizeof(ULONG);
        return NDIS_STATUS_BUFFER_TOO_SHORT;
    }
    *(PULONG)OidRequest->DATA.QUERY_INFORMATION.InformationBuffer = flows;
    OidRequest->DATA.QUERY_INFORMATION.BytesWritten = sizeof(ULONG);
    return NDIS_STATUS_SUCCESS;
}

VOID MpSend(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER PortNumber,
            ULONG SendFlags)
{
    PMP_ADAPTER adapter = (PMP_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(PortNumber);
    for (PNET_BUFFER_LIST nbl = NetBufferLists; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl))
        NET_BUFFER_LIST_STATUS(nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(adapter->AdapterHandle, NetBufferLists,
                                    NDIS_TEST_SEND_AT_DISPATCH_LEVEL(SendFlags) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL
                                                                                : 0);
}

VOID MpUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(MiniportDriverHandle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
    NdisZeroMemory(&chars, sizeof(chars));
    chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
    chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;
    chars.InitializeHandlerEx = MpInitialize;
    chars.HaltHandlerEx = MpHalt;
    chars.UnloadHandler = MpUnload;
    chars.OidRequestHandler = MpOidRequest;
    chars.SendNetBufferListsHandler = MpSend;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &chars, &MiniportDriverHandle);
}
