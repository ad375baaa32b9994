/* ndis_lwf.c - an NDIS 6 lightweight filter with a control device, written against the
 * documented NDIS API (ndis.h): filter characteristics and their handlers, NET_BUFFER_LIST
 * walking, OID requests, and an IOCTL handler reached through the NdisRegisterDeviceEx dispatch
 * table. The port writes show that the NdisRaw* port macros reach the port sinks. */
#include <ndis.h>

#define IOCTL_LWF_PORT_WRITE CTL_CODE(FILE_DEVICE_PHYSICAL_NETCARD, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_LWF_LED_WRITE CTL_CODE(FILE_DEVICE_PHYSICAL_NETCARD, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define LWF_TAG 'fwlS'
#define LWF_LED_PORT 0x2F8

typedef struct _LWF_PORT_REQUEST {
    ULONG Port;
    UCHAR Value;
} LWF_PORT_REQUEST, *PLWF_PORT_REQUEST;

typedef struct _LWF_MODULE {
    NDIS_HANDLE FilterHandle;
    NDIS_SPIN_LOCK Lock;
    NDIS_EVENT PauseEvent;
    ULONG64 Received;
    NDIS_HANDLE PoolHandle;
} LWF_MODULE, *PLWF_MODULE;

static NDIS_HANDLE FilterDriverHandle;
static NDIS_HANDLE ControlDeviceHandle;
static PDEVICE_OBJECT ControlDevice;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD LwfUnload;
FILTER_ATTACH LwfAttach;
FILTER_DETACH LwfDetach;
FILTER_RESTART LwfRestart;
FILTER_PAUSE LwfPause;
FILTER_OID_REQUEST LwfOidRequest;
FILTER_SEND_NET_BUFFER_LISTS LwfSend;
FILTER_RECEIVE_NET_BUFFER_LISTS LwfReceive;
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH LwfDeviceControl;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH LwfCreateClose;

NDIS_STATUS LwfAttach(NDIS_HANDLE NdisFilterHandle, NDIS_HANDLE FilterDriverContext,
                      PNDIS_FILTER_ATTACH_PARAMETERS AttachParameters)
{
    UNREFERENCED_PARAMETER(FilterDriverContext);
    if (AttachParameters->MiniportMediaType != NdisMedium802_3)
        return NDIS_STATUS_INVALID_PARAMETER;
    PLWF_MODULE module = (PLWF_MODULE)NdisAllocateMemoryWithTagPriority(NdisFilterHandle, sizeof(LWF_MODULE), LWF_TAG,
                                                                        NormalPoolPriority);
    if (!module)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(module, sizeof(LWF_MODULE));
    module->FilterHandle = NdisFilterHandle;
    NdisAllocateSpinLock(&module->Lock);
    NdisInitializeEvent(&module->PauseEvent);

    NET_BUFFER_LIST_POOL_PARAMETERS pool = {0};
    pool.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    pool.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    pool.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    pool.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
    pool.fAllocateNetBuffer = TRUE;
    pool.PoolTag = LWF_TAG;
    module->PoolHandle = NdisAllocateNetBufferListPool(NdisFilterHandle, &pool);

    NDIS_FILTER_ATTRIBUTES attributes = {0};
    attributes.Header.Type = NDIS_OBJECT_TYPE_FILTER_ATTRIBUTES;
    attributes.Header.Revision = NDIS_FILTER_ATTRIBUTES_REVISION_1;
    attributes.Header.Size = NDIS_SIZEOF_FILTER_ATTRIBUTES_REVISION_1;
    NDIS_STATUS status = NdisFSetAttributes(NdisFilterHandle, module, &attributes);
    if (status != NDIS_STATUS_SUCCESS) {
        NdisFreeSpinLock(&module->Lock);
        NdisFreeMemoryWithTagPriority(NdisFilterHandle, module, LWF_TAG);
    }
    return status;
}

VOID LwfDetach(NDIS_HANDLE FilterModuleContext)
{
    PLWF_MODULE module = (PLWF_MODULE)FilterModuleContext;
    if (module->PoolHandle)
        NdisFreeNetBufferListPool(module->PoolHandle);
    NdisFreeSpinLock(&module->Lock);
    NdisFreeMemoryWithTagPriority(module->FilterHandle, module, LWF_TAG);
}

NDIS_STATUS LwfRestart(NDIS_HANDLE FilterModuleContext, PNDIS_FILTER_RESTART_PARAMETERS RestartParameters)
{
    PLWF_MODULE module = (PLWF_MODULE)FilterModuleContext;
    PNDIS_RESTART_ATTRIBUTES attr = RestartParameters->RestartAttributes;
    for (; attr; attr = attr->Next) {
        if (attr->DataLength >= sizeof(NDIS_RESTART_GENERAL_ATTRIBUTES)) {
            PNDIS_RESTART_GENERAL_ATTRIBUTES general = (PNDIS_RESTART_GENERAL_ATTRIBUTES)attr->Data;
            general->LookaheadSize = 128;
        }
    }
    NdisResetEvent(&module->PauseEvent);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS LwfPause(NDIS_HANDLE FilterModuleContext, PNDIS_FILTER_PAUSE_PARAMETERS PauseParameters)
{
    PLWF_MODULE module = (PLWF_MODULE)FilterModuleContext;
    UNREFERENCED_PARAMETER(PauseParameters);
    NdisSetEvent(&module->PauseEvent);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS LwfOidRequest(NDIS_HANDLE FilterModuleContext, PNDIS_OID_REQUEST Request)
{
    PLWF_MODULE module = (PLWF_MODULE)FilterModuleContext;
    if (Request->RequestType == NdisRequestSetInformation &&
        Request->DATA.SET_INFORMATION.Oid == OID_GEN_CURRENT_PACKET_FILTER &&
        Request->DATA.SET_INFORMATION.InformationBufferLength < sizeof(ULONG))
        return NDIS_STATUS_INVALID_LENGTH;
    return NdisFOidRequest(module->FilterHandle, Request);
}

VOID LwfSend(NDIS_HANDLE FilterModuleContext, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER PortNumber,
             ULONG SendFlags)
{
    PLWF_MODULE module = (PLWF_MODULE)FilterModuleContext;
    for (PNET_BUFFER_LIST nbl = NetBufferLists; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl)) {
        NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO csum;
        csum.Value = NET_BUFFER_LIST_INFO(nbl, TcpIpChecksumNetBufferListInfo);
        if (csum.Transmit.IsIPv4)
            NET_BUFFER_LIST_STATUS(nbl) = NDIS_STATUS_SUCCESS;
    }
    NdisFSendNetBufferLists(module->FilterHandle, NetBufferLists, PortNumber, SendFlags);
}

VOID LwfReceive(NDIS_HANDLE FilterModuleContext, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER PortNumber,
                ULONG NumberOfNetBufferLists, ULONG ReceiveFlags)
{
    PLWF_MODULE module = (PLWF_MODULE)FilterModuleContext;
    BOOLEAN dispatch = NDIS_TEST_RECEIVE_AT_DISPATCH_LEVEL(ReceiveFlags);
    UCHAR header[14];
    for (PNET_BUFFER_LIST nbl = NetBufferLists; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl)) {
        for (PNET_BUFFER nb = NET_BUFFER_LIST_FIRST_NB(nbl); nb; nb = NET_BUFFER_NEXT_NB(nb)) {
            PUCHAR eth = (PUCHAR)NdisGetDataBuffer(nb, sizeof(header), header, 1, 0);
            if (eth && NET_BUFFER_DATA_LENGTH(nb) >= sizeof(header) && !ETH_IS_BROADCAST(eth)) {
                if (dispatch)
                    NdisDprAcquireSpinLock(&module->Lock);
                else
                    NdisAcquireSpinLock(&module->Lock);
                module->Received++;
                if (dispatch)
                    NdisDprReleaseSpinLock(&module->Lock);
                else
                    NdisReleaseSpinLock(&module->Lock);
            }
        }
    }
    NdisFIndicateReceiveNetBufferLists(module->FilterHandle, NetBufferLists, PortNumber, NumberOfNetBufferLists,
                                       ReceiveFlags);
}

NTSTATUS LwfCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS LwfDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PLWF_PORT_REQUEST req = (PLWF_PORT_REQUEST)Irp->AssociatedIrp.SystemBuffer;
    NTSTATUS status = STATUS_SUCCESS;
    if (sp->Parameters.DeviceIoControl.InputBufferLength < sizeof(LWF_PORT_REQUEST)) {
        status = STATUS_BUFFER_TOO_SMALL;
    } else {
        switch (sp->Parameters.DeviceIoControl.IoControlCode) {
        case IOCTL_LWF_PORT_WRITE:
            /* Unsafe: the port number comes from the request. */
            NdisRawWritePortUchar(req->Port, req->Value); // expect: port-write
            break;
        case IOCTL_LWF_LED_WRITE:
            /* Constrained: the driver's own port; only the value comes from the request. */
            NdisRawWritePortUchar(LWF_LED_PORT, req->Value); // expect: none
            break;
        default:
            status = STATUS_INVALID_DEVICE_REQUEST;
            break;
        }
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

VOID LwfUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    if (ControlDeviceHandle)
        NdisDeregisterDeviceEx(ControlDeviceHandle);
    NdisFDeregisterFilterDriver(FilterDriverHandle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    NDIS_FILTER_DRIVER_CHARACTERISTICS chars;
    NdisZeroMemory(&chars, sizeof(chars));
    chars.Header.Type = NDIS_OBJECT_TYPE_FILTER_DRIVER_CHARACTERISTICS;
    chars.Header.Size = NDIS_SIZEOF_FILTER_DRIVER_CHARACTERISTICS_REVISION_2;
    chars.Header.Revision = NDIS_FILTER_CHARACTERISTICS_REVISION_2;
    chars.MajorNdisVersion = 6;
    chars.MinorNdisVersion = 30;
    RtlInitUnicodeString(&chars.FriendlyName, L"Sample LWF");
    RtlInitUnicodeString(&chars.UniqueName, L"{5cbf81bd-5055-47cd-9055-a76b2b4e3698}");
    RtlInitUnicodeString(&chars.ServiceName, L"samplelwf");
    chars.AttachHandler = LwfAttach;
    chars.DetachHandler = LwfDetach;
    chars.RestartHandler = LwfRestart;
    chars.PauseHandler = LwfPause;
    chars.OidRequestHandler = LwfOidRequest;
    chars.SendNetBufferListsHandler = LwfSend;
    chars.ReceiveNetBufferListsHandler = LwfReceive;
    DriverObject->DriverUnload = LwfUnload;
    NDIS_STATUS status = NdisFRegisterFilterDriver(DriverObject, (NDIS_HANDLE)DriverObject, &chars, &FilterDriverHandle);
    if (status != NDIS_STATUS_SUCCESS)
        return status;

    PDRIVER_DISPATCH table[IRP_MJ_MAXIMUM_FUNCTION + 1] = {0};
    table[IRP_MJ_CREATE] = LwfCreateClose;
    table[IRP_MJ_CLOSE] = LwfCreateClose;
    table[IRP_MJ_DEVICE_CONTROL] = LwfDeviceControl;
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\SampleLwf");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\SampleLwf");
    NDIS_DEVICE_OBJECT_ATTRIBUTES dev = {0};
    dev.Header.Type = NDIS_OBJECT_TYPE_DEVICE_OBJECT_ATTRIBUTES;
    dev.Header.Revision = NDIS_DEVICE_OBJECT_ATTRIBUTES_REVISION_1;
    dev.Header.Size = NDIS_SIZEOF_DEVICE_OBJECT_ATTRIBUTES_REVISION_1;
    dev.DeviceName = &name;
    dev.SymbolicName = &link;
    dev.MajorFunctions = table;
    return NdisRegisterDeviceEx(FilterDriverHandle, &dev, &ControlDevice, &ControlDeviceHandle);
}
