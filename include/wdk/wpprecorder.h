/* wpprecorder.h - drvtaint WDK shim: the Inflight Trace Recorder (IFR) that WPP tracing logs into:
 * RECORDER_LOG handles, the create and configure parameters with their _INIT functions,
 * WppRecorderLogCreate/Delete/GetDefault and WppRecorderConfigure, from the wpprecorder.h pages. */
#pragma once
#include "ntddk.h"

DT_BEGIN

typedef struct _RECORDER_LOG__ *RECORDER_LOG;
#define RECORDER_LOG_IDENTIFIER_MAX_CHARS 16
typedef enum _WPP_RECORDER_TRI_STATE { WppRecorderFalse = 0, WppRecorderTrue, WppRecorderDefault } WPP_RECORDER_TRI_STATE;
typedef struct _RECORDER_LOG_CREATE_PARAMS {
    ULONG Size;
    ULONG LogTag;
    ULONG TotalBufferSize;
    ULONG ErrorPartitionSize;
    ULONG_PTR LogIdentifierAppendValue;
    BOOLEAN LogIdentifierAppendValueSet;
    ULONG LogIdentifierSize;
    CHAR LogIdentifier[RECORDER_LOG_IDENTIFIER_MAX_CHARS];
    WPP_RECORDER_TRI_STATE UseTimeStamp;
    WPP_RECORDER_TRI_STATE PreciseTimeStamp;
} RECORDER_LOG_CREATE_PARAMS, *PRECORDER_LOG_CREATE_PARAMS;
FORCEINLINE VOID RECORDER_LOG_CREATE_PARAMS_INIT(PRECORDER_LOG_CREATE_PARAMS Params, PCSTR LogIdentifier)
{
    RtlZeroMemory(Params, sizeof(RECORDER_LOG_CREATE_PARAMS));
    Params->Size = sizeof(RECORDER_LOG_CREATE_PARAMS);
    Params->LogIdentifierSize = RECORDER_LOG_IDENTIFIER_MAX_CHARS;
    Params->UseTimeStamp = WppRecorderDefault;
    Params->PreciseTimeStamp = WppRecorderDefault;
    if (LogIdentifier != NULL) {
        ULONG i = 0;
        for (; i + 1 < RECORDER_LOG_IDENTIFIER_MAX_CHARS && LogIdentifier[i] != 0; i++)
            Params->LogIdentifier[i] = LogIdentifier[i];
    }
}
typedef struct _RECORDER_CONFIGURE_PARAMS {
    ULONG Size;
    BOOLEAN CreateDefaultLog;
    WPP_RECORDER_TRI_STATE UseTimeStamp;
    WPP_RECORDER_TRI_STATE PreciseTimeStamp;
} RECORDER_CONFIGURE_PARAMS, *PRECORDER_CONFIGURE_PARAMS;
FORCEINLINE VOID RECORDER_CONFIGURE_PARAMS_INIT(PRECORDER_CONFIGURE_PARAMS Params)
{
    RtlZeroMemory(Params, sizeof(RECORDER_CONFIGURE_PARAMS));
    Params->Size = sizeof(RECORDER_CONFIGURE_PARAMS);
    Params->CreateDefaultLog = TRUE;
    Params->UseTimeStamp = WppRecorderDefault;
    Params->PreciseTimeStamp = WppRecorderDefault;
}
NTSTATUS WppRecorderLogCreate(PRECORDER_LOG_CREATE_PARAMS CreateParams, RECORDER_LOG *RecorderLog);
VOID WppRecorderLogDelete(RECORDER_LOG RecorderLog);
RECORDER_LOG WppRecorderLogGetDefault(VOID);
NTSTATUS WppRecorderLogSetIdentifier(RECORDER_LOG RecorderLog, PSTR LogIdentifier);
VOID WppRecorderConfigure(PRECORDER_CONFIGURE_PARAMS ConfigureParams);
BOOLEAN WppRecorderIsDefaultLogAvailable(VOID);

DT_END
