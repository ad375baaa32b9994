/* avstream_capture.c - an AVStream capture driver written against the documented kernel
 * streaming API (ks.h, ksmedia.h): device, filter and pin descriptors, a pin process callback
 * that fills frames through the leading-edge stream pointer, a video-processing-amplifier
 * property handler and a data-format check. Its one sink call, the bounded format copy, is
 * clean; it shows that a typical AVStream body parses with zero errors against the shim. */
#include <wdm.h>
#include <windef.h>
#include <unknown.h>
#include <ks.h>
#include <ksmedia.h>

#define CAP_TAG 'paCS'

typedef struct _CAP_PIN {
    ULONG FrameSize;
    LONGLONG Frames;
    LONG Brightness;
} CAP_PIN, *PCAP_PIN;

static NTSTATUS CapPinCreate(PKSPIN Pin, PIRP Irp)
{
    PCAP_PIN ctx;
    PKS_VIDEOINFOHEADER vih;
    UNREFERENCED_PARAMETER(Irp);
    ctx = (PCAP_PIN)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(CAP_PIN), CAP_TAG);
    if (!ctx)
        return STATUS_INSUFFICIENT_RESOURCES;
    if (!NT_SUCCESS(KsAddItemToObjectBag(Pin->Bag, ctx, NULL))) {
        ExFreePoolWithTag(ctx, CAP_TAG);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    vih = &((PKS_DATAFORMAT_VIDEOINFOHEADER)Pin->ConnectionFormat)->VideoInfoHeader;
    ctx->FrameSize = vih->bmiHeader.biSizeImage;
    ctx->Frames = 0;
    Pin->Context = ctx;
    return STATUS_SUCCESS;
}

static NTSTATUS CapPinProcess(PKSPIN Pin)
{
    PCAP_PIN ctx = (PCAP_PIN)Pin->Context;
    PKSSTREAM_POINTER leading = KsPinGetLeadingEdgeStreamPointer(Pin, KSSTREAM_POINTER_STATE_LOCKED);
    while (leading) {
        ULONG n = min(ctx->FrameSize, leading->OffsetOut.Remaining);
        RtlFillMemory(leading->OffsetOut.Data, n, 0x80);
        leading->StreamHeader->DataUsed = n;
        leading->StreamHeader->OptionsFlags |= KSSTREAM_HEADER_OPTIONSF_TIMEVALID;
        leading->StreamHeader->PresentationTime.Time = ctx->Frames++ * 333333;
        if (!NT_SUCCESS(KsStreamPointerAdvanceOffsets(leading, 0, n, TRUE)))
            break;
    }
    if (leading)
        KsStreamPointerUnlock(leading, FALSE);
    return STATUS_PENDING;
}

static NTSTATUS CapPinSetState(PKSPIN Pin, KSSTATE ToState, KSSTATE FromState)
{
    UNREFERENCED_PARAMETER(FromState);
    if (ToState == KSSTATE_STOP)
        ((PCAP_PIN)Pin->Context)->Frames = 0;
    return STATUS_SUCCESS;
}

static NTSTATUS CapGetBrightness(PIRP Irp, PKSIDENTIFIER Request, PVOID Data)
{
    PKSPROPERTY_VIDEOPROCAMP_S s = (PKSPROPERTY_VIDEOPROCAMP_S)Data;
    PKSFILTER filter = KsGetFilterFromIrp(Irp);
    UNREFERENCED_PARAMETER(Request);
    if (!filter)
        return STATUS_INVALID_PARAMETER;
    s->Value = 50;
    s->Flags = KSPROPERTY_VIDEOPROCAMP_FLAGS_MANUAL;
    s->Capabilities = KSPROPERTY_VIDEOPROCAMP_FLAGS_MANUAL;
    Irp->IoStatus.Information = sizeof(KSPROPERTY_VIDEOPROCAMP_S);
    return STATUS_SUCCESS;
}

static NTSTATUS CapIntersect(PVOID Context, PIRP Irp, PKSP_PIN Pin, PKSDATARANGE DataRange,
                             PKSDATARANGE MatchingDataRange, ULONG DataBufferSize, PVOID Data, PULONG DataSize)
{
    PKS_DATARANGE_VIDEO range = (PKS_DATARANGE_VIDEO)MatchingDataRange;
    ULONG size = sizeof(KSDATAFORMAT) + KS_SIZE_VIDEOHEADER(&range->VideoInfoHeader);
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(Pin);
    if (!IsEqualGUID(&DataRange->Specifier, &KSDATAFORMAT_SPECIFIER_VIDEOINFO))
        return STATUS_NO_MATCH;
    if (DataBufferSize == 0) {
        *DataSize = size;
        return STATUS_BUFFER_OVERFLOW;
    }
    if (DataBufferSize < size)
        return STATUS_BUFFER_TOO_SMALL;
    RtlCopyMemory(Data, MatchingDataRange, sizeof(KSDATAFORMAT)); // expect: none
    ((PKSDATAFORMAT)Data)->FormatSize = size;
    *DataSize = size;
    return STATUS_SUCCESS;
}

DEFINE_KSPROPERTY_TABLE(CapVideoProcAmpProperties){
    DEFINE_KSPROPERTY_ITEM(KSPROPERTY_VIDEOPROCAMP_BRIGHTNESS, CapGetBrightness, sizeof(KSPROPERTY_VIDEOPROCAMP_S),
                           sizeof(KSPROPERTY_VIDEOPROCAMP_S), NULL, NULL, 0, NULL, NULL, 0),
};
static const KSPIN_DISPATCH CapPinDispatch = {CapPinCreate, NULL, CapPinProcess, NULL, NULL, CapPinSetState,
                                              NULL, NULL, NULL, NULL};
static const KSFILTER_DISPATCH CapFilterDispatch = {NULL, NULL, NULL, NULL};
static const KSDEVICE_DISPATCH CapDeviceDispatch = {NULL};
static const KSPIN_DESCRIPTOR_EX CapPins[1] = {{&CapPinDispatch, NULL, {0}, KSPIN_FLAG_PROCESS_IN_RUN_STATE_ONLY, 1,
                                                 1, NULL, CapIntersect}};
static const KSFILTER_DESCRIPTOR CapFilter = {&CapFilterDispatch, NULL, KSFILTER_DESCRIPTOR_VERSION, 0, NULL,
                                              DEFINE_KSFILTER_PIN_DESCRIPTORS(CapPins)};
static const KSFILTER_DESCRIPTOR *const CapFilters[] = {&CapFilter};
static const KSDEVICE_DESCRIPTOR CapDevice = {&CapDeviceDispatch, SIZEOF_ARRAY(CapFilters), CapFilters, 0, 0};

DRIVER_INITIALIZE DriverEntry;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    return KsInitializeDriver(DriverObject, RegistryPath, &CapDevice);
}
