/* minifilter.c - a file-system minifilter written against the documented Filter Manager API
 * (fltKernel.h): registration with contexts and operation callbacks, a pre-create callback that
 * reads the file name, a post-read callback, an instance setup callback and a communication port
 * whose message callback receives user-mode buffers. It calls no sink: it shows that a typical
 * minifilter body parses with zero errors against the shim. */
#include <fltKernel.h>

#define SCAN_TAG 'nacS'
#define SCAN_PORT_NAME L"\\SampleScanPort"

typedef struct _SCAN_STREAM_CONTEXT {
    BOOLEAN Scanned;
    ULONG Reads;
} SCAN_STREAM_CONTEXT, *PSCAN_STREAM_CONTEXT;

typedef struct _SCAN_MESSAGE {
    ULONG Command;
    ULONG Flags;
} SCAN_MESSAGE, *PSCAN_MESSAGE;

static PFLT_FILTER Filter;
static PFLT_PORT ServerPort;
static PFLT_PORT ClientPort;
static ULONG ScanFlags;

DRIVER_INITIALIZE DriverEntry;

static FLT_PREOP_CALLBACK_STATUS ScanPreCreate(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                               PVOID *CompletionContext)
{
    UNREFERENCED_PARAMETER(FltObjects);
    *CompletionContext = NULL;
    if (FlagOn(Data->Iopb->Parameters.Create.Options, FILE_DIRECTORY_FILE))
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    PFLT_FILE_NAME_INFORMATION name = NULL;
    NTSTATUS status =
        FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT, &name);
    if (!NT_SUCCESS(status))
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    status = FltParseFileNameInformation(name);
    UNICODE_STRING exe = RTL_CONSTANT_STRING(L"exe");
    BOOLEAN isExe = NT_SUCCESS(status) && RtlCompareUnicodeString(&name->Extension, &exe, TRUE) == 0;
    FltReleaseFileNameInformation(name);
    return isExe ? FLT_PREOP_SUCCESS_WITH_CALLBACK : FLT_PREOP_SUCCESS_NO_CALLBACK;
}

static FLT_POSTOP_CALLBACK_STATUS ScanPostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                               PVOID CompletionContext, FLT_POST_OPERATION_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(CompletionContext);
    if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING) || !NT_SUCCESS(Data->IoStatus.Status))
        return FLT_POSTOP_FINISHED_PROCESSING;
    PSCAN_STREAM_CONTEXT ctx = NULL;
    NTSTATUS status = FltGetStreamContext(FltObjects->Instance, FltObjects->FileObject, (PFLT_CONTEXT *)&ctx);
    if (status == STATUS_NOT_FOUND) {
        status = FltAllocateContext(FltObjects->Filter, FLT_STREAM_CONTEXT, sizeof(SCAN_STREAM_CONTEXT), NonPagedPoolNx,
                                    (PFLT_CONTEXT *)&ctx);
        if (!NT_SUCCESS(status))
            return FLT_POSTOP_FINISHED_PROCESSING;
        RtlZeroMemory(ctx, sizeof(*ctx));
        status = FltSetStreamContext(FltObjects->Instance, FltObjects->FileObject, FLT_SET_CONTEXT_KEEP_IF_EXISTS, ctx,
                                     NULL);
    }
    if (NT_SUCCESS(status) && ctx && Data->Iopb->Parameters.Read.Length > 0)
        ctx->Reads++;
    if (ctx)
        FltReleaseContext(ctx);
    return FLT_POSTOP_FINISHED_PROCESSING;
}

static NTSTATUS ScanInstanceSetup(PCFLT_RELATED_OBJECTS FltObjects, FLT_INSTANCE_SETUP_FLAGS Flags,
                                  DEVICE_TYPE VolumeDeviceType, FLT_FILESYSTEM_TYPE VolumeFilesystemType)
{
    UNREFERENCED_PARAMETER(FltObjects);
    UNREFERENCED_PARAMETER(Flags);
    if (VolumeDeviceType == FILE_DEVICE_NETWORK_FILE_SYSTEM || VolumeFilesystemType == FLT_FSTYPE_RAW)
        return STATUS_FLT_DO_NOT_ATTACH;
    return STATUS_SUCCESS;
}

static NTSTATUS ScanUnload(FLT_FILTER_UNLOAD_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Flags);
    FltCloseCommunicationPort(ServerPort);
    FltUnregisterFilter(Filter);
    return STATUS_SUCCESS;
}

static NTSTATUS ScanConnect(PFLT_PORT Port, PVOID ServerPortCookie, PVOID ConnectionContext, ULONG SizeOfContext,
                            PVOID *ConnectionCookie)
{
    UNREFERENCED_PARAMETER(ServerPortCookie);
    UNREFERENCED_PARAMETER(ConnectionContext);
    UNREFERENCED_PARAMETER(SizeOfContext);
    ClientPort = Port;
    *ConnectionCookie = NULL;
    return STATUS_SUCCESS;
}

static VOID ScanDisconnect(PVOID ConnectionCookie)
{
    UNREFERENCED_PARAMETER(ConnectionCookie);
    FltCloseClientPort(Filter, &ClientPort);
}

/* The message callback: InputBuffer is user memory, read inside __try. */
static NTSTATUS ScanMessage(PVOID PortCookie, PVOID InputBuffer, ULONG InputBufferLength, PVOID OutputBuffer,
                            ULONG OutputBufferLength, PULONG ReturnOutputBufferLength)
{
    UNREFERENCED_PARAMETER(PortCookie);
    UNREFERENCED_PARAMETER(OutputBuffer);
    UNREFERENCED_PARAMETER(OutputBufferLength);
    *ReturnOutputBufferLength = 0;
    if (!InputBuffer || InputBufferLength < sizeof(SCAN_MESSAGE))
        return STATUS_INVALID_PARAMETER;
    __try {
        ScanFlags = ((PSCAN_MESSAGE)InputBuffer)->Flags;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}

static const FLT_CONTEXT_REGISTRATION Contexts[] = {
    {FLT_STREAM_CONTEXT, 0, NULL, sizeof(SCAN_STREAM_CONTEXT), SCAN_TAG},
    {FLT_CONTEXT_END},
};

static const FLT_OPERATION_REGISTRATION Callbacks[] = {
    {IRP_MJ_CREATE, 0, ScanPreCreate, NULL},
    {IRP_MJ_READ, FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO, NULL, ScanPostRead},
    {IRP_MJ_OPERATION_END},
};

static const FLT_REGISTRATION Registration = {
    sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, Contexts, Callbacks, ScanUnload, ScanInstanceSetup,
};

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    NTSTATUS status = FltRegisterFilter(DriverObject, &Registration, &Filter);
    if (!NT_SUCCESS(status))
        return status;
    PSECURITY_DESCRIPTOR sd = NULL;
    status = FltBuildDefaultSecurityDescriptor(&sd, FLT_PORT_ALL_ACCESS);
    if (NT_SUCCESS(status)) {
        UNICODE_STRING portName = RTL_CONSTANT_STRING(SCAN_PORT_NAME);
        OBJECT_ATTRIBUTES oa;
        InitializeObjectAttributes(&oa, &portName, OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE, NULL, sd);
        status = FltCreateCommunicationPort(Filter, &ServerPort, &oa, NULL, ScanConnect, ScanDisconnect, ScanMessage, 1);
        FltFreeSecurityDescriptor(sd);
    }
    if (NT_SUCCESS(status))
        status = FltStartFiltering(Filter);
    if (!NT_SUCCESS(status)) {
        if (ServerPort)
            FltCloseCommunicationPort(ServerPort);
        FltUnregisterFilter(Filter);
    }
    return status;
}
