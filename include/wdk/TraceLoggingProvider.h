/* TraceLoggingProvider.h - drvtaint WDK shim: TraceLogging (ETW) providers as kernel-mode drivers use
 * them, from the TraceLoggingProvider.h reference. A provider handle is declared and defined as a
 * constant; TraceLoggingWrite and its field macros expand to a use of the handle only, since events
 * carry no data back into the driver. */
#pragma once
#include "ntddk.h"

DT_BEGIN

typedef const struct _TlgProvider_t *TraceLoggingHProvider;
#define TRACELOGGING_DECLARE_PROVIDER(hProvider) extern const TraceLoggingHProvider hProvider
/* (name, "ProviderName", (GUID fields), optional TraceLoggingOptionGroup(...)) */
#define TRACELOGGING_DEFINE_PROVIDER(hProvider, providerName, providerId, ...) \
    const TraceLoggingHProvider hProvider = (TraceLoggingHProvider)0
#define TRACELOGGING_DEFINE_PROVIDER_STORAGE(storageVariable, providerName, providerId, ...) \
    static char storageVariable
typedef VOID TLG_ENABLE_CALLBACK(LPCGUID SourceId, ULONG IsEnabled, UCHAR Level, ULONGLONG MatchAnyKeyword,
                                 ULONGLONG MatchAllKeyword, PVOID FilterData, PVOID CallbackContext);
typedef TLG_ENABLE_CALLBACK *PTLG_ENABLE_CALLBACK;
NTSTATUS TraceLoggingRegister(TraceLoggingHProvider hProvider);
NTSTATUS TraceLoggingRegisterEx(TraceLoggingHProvider hProvider, PTLG_ENABLE_CALLBACK pEnableCallback,
                                PVOID pCallbackContext);
VOID TraceLoggingUnregister(TraceLoggingHProvider hProvider);
BOOLEAN TraceLoggingProviderEnabled(TraceLoggingHProvider hProvider, UCHAR eventLevel, ULONGLONG eventKeyword);
#define TraceLoggingWrite(hProvider, eventName, ...) ((void)(hProvider))
#define TraceLoggingWriteActivity(hProvider, eventName, pActivityId, pRelatedActivityId, ...) ((void)(hProvider))

DT_END
