/* wavert_topology.cpp - a port class audio adapter written against the documented portcls.h and
 * stdunk.h API: a topology miniport class built on CUnknown with the IMP_ and DECLARE_STD_UNKNOWN
 * macros, its QueryInterface, a jack-description property handler, the adapter's StartDevice that
 * creates a port and registers the subdevice, and AddDevice/DriverEntry. Its one sink
 * call, the size-checked jack copy, is clean; it shows that a typical miniport body parses with zero
 * errors against the shim. */
#include <portcls.h>
#include <stdunk.h>
#include <ksdebug.h>

#define TOPO_TAG 'opoT'

PVOID operator new(size_t Size, POOL_FLAGS Flags, ULONG Tag)
{
    return ExAllocatePool2(Flags, Size, Tag);
}
void __cdecl operator delete(PVOID Buffer, size_t Size)
{
    UNREFERENCED_PARAMETER(Size);
    if (Buffer)
        ExFreePool(Buffer);
}

class CMiniportTopology : public IMiniportTopology, public CUnknown {
    PPORTTOPOLOGY m_Port;
    KSJACK_DESCRIPTION m_Jack;

public:
    DECLARE_STD_UNKNOWN();
    DEFINE_STD_CONSTRUCTOR(CMiniportTopology);
    ~CMiniportTopology();
    IMP_IMiniportTopology;
    NTSTATUS GetJack(PPCPROPERTY_REQUEST Request);
};

CMiniportTopology::~CMiniportTopology()
{
    if (m_Port)
        m_Port->Release();
}

STDMETHODIMP_(NTSTATUS) CMiniportTopology::NonDelegatingQueryInterface(REFIID Interface, PVOID *Object)
{
    if (IsEqualGUIDAligned(Interface, IID_IUnknown))
        *Object = PVOID(PUNKNOWN(PMINIPORTTOPOLOGY(this)));
    else if (IsEqualGUIDAligned(Interface, IID_IMiniport) || IsEqualGUIDAligned(Interface, IID_IMiniportTopology))
        *Object = PVOID(PMINIPORTTOPOLOGY(this));
    else {
        *Object = NULL;
        return STATUS_INVALID_PARAMETER;
    }
    PUNKNOWN(*Object)->AddRef();
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportTopology::Init(PUNKNOWN UnknownAdapter, PRESOURCELIST ResourceList,
                                                PPORTTOPOLOGY Port)
{
    UNREFERENCED_PARAMETER(UnknownAdapter);
    UNREFERENCED_PARAMETER(ResourceList);
    _DbgPrintF(DEBUGLVL_VERBOSE, ("CMiniportTopology::Init"));
    m_Port = Port;
    m_Port->AddRef();
    m_Jack.ChannelMapping = KSAUDIO_SPEAKER_STEREO;
    m_Jack.ConnectionType = eConnType3Point5mm;
    m_Jack.GeoLocation = eGeoLocRear;
    m_Jack.IsConnected = TRUE;
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportTopology::GetDescription(PPCFILTER_DESCRIPTOR *Description)
{
    *Description = NULL;
    return STATUS_NOT_SUPPORTED;
}

STDMETHODIMP_(NTSTATUS) CMiniportTopology::DataRangeIntersection(ULONG PinId, PKSDATARANGE DataRange,
                                                                 PKSDATARANGE MatchingDataRange,
                                                                 ULONG OutputBufferLength, PVOID ResultantFormat,
                                                                 PULONG ResultantFormatLength)
{
    UNREFERENCED_PARAMETER(PinId);
    UNREFERENCED_PARAMETER(DataRange);
    UNREFERENCED_PARAMETER(MatchingDataRange);
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(ResultantFormat);
    UNREFERENCED_PARAMETER(ResultantFormatLength);
    return STATUS_NOT_IMPLEMENTED;
}

NTSTATUS CMiniportTopology::GetJack(PPCPROPERTY_REQUEST Request)
{
    if (Request->Verb & KSPROPERTY_TYPE_BASICSUPPORT)
        return STATUS_NOT_SUPPORTED;
    if (Request->ValueSize < sizeof(KSMULTIPLE_ITEM) + sizeof(KSJACK_DESCRIPTION)) {
        Request->ValueSize = sizeof(KSMULTIPLE_ITEM) + sizeof(KSJACK_DESCRIPTION);
        return STATUS_BUFFER_OVERFLOW;
    }
    PKSMULTIPLE_ITEM item = (PKSMULTIPLE_ITEM)Request->Value;
    item->Count = 1;
    item->Size = Request->ValueSize;
    RtlCopyMemory(item + 1, &m_Jack, sizeof(m_Jack)); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS TopologyJackHandler(PPCPROPERTY_REQUEST Request)
{
    return static_cast<CMiniportTopology *>(PMINIPORTTOPOLOGY(Request->MajorTarget))->GetJack(Request);
}

NTSTATUS CreateMiniportTopology(PUNKNOWN *Unknown, REFCLSID ClassId, PUNKNOWN UnknownOuter, POOL_FLAGS PoolFlags)
{
    UNREFERENCED_PARAMETER(ClassId);
    STD_CREATE_BODY_WITH_TAG_(CMiniportTopology, Unknown, UnknownOuter, PoolFlags, TOPO_TAG, PMINIPORTTOPOLOGY);
}

static NTSTATUS StartDevice(PDEVICE_OBJECT DeviceObject, PIRP Irp, PRESOURCELIST ResourceList)
{
    PPORT port = NULL;
    PUNKNOWN miniport = NULL;
    NTSTATUS status = PcNewPort(&port, CLSID_PortTopology);
    if (!NT_SUCCESS(status))
        return status;
    status = CreateMiniportTopology(&miniport, CLSID_NULL, NULL, POOL_FLAG_NON_PAGED);
    if (NT_SUCCESS(status))
        status = port->Init(DeviceObject, Irp, miniport, NULL, ResourceList);
    if (NT_SUCCESS(status))
        status = PcRegisterSubdevice(DeviceObject, (PWSTR)L"Topology", port);
    if (miniport)
        miniport->Release();
    port->Release();
    return status;
}

extern "C" DRIVER_ADD_DEVICE AddDevice;
extern "C" NTSTATUS AddDevice(PDRIVER_OBJECT DriverObject, PDEVICE_OBJECT PhysicalDeviceObject)
{
    return PcAddAdapterDevice(DriverObject, PhysicalDeviceObject, StartDevice, 1, 0);
}

extern "C" DRIVER_INITIALIZE DriverEntry;
extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    return PcInitializeAdapterDriver(DriverObject, RegistryPath, AddDevice);
}
