/* trace.h - WPP configuration, as the WDK templates write it. */
#define WPP_CONTROL_GUIDS                                              \
    WPP_DEFINE_CONTROL_GUID(                                           \
        WppDrvTraceGuid, (0a0b0c0d, 1111, 2222, 3333, 444455556666),   \
        WPP_DEFINE_BIT(TRACE_DRIVER)                                   \
        WPP_DEFINE_BIT(TRACE_QUEUE))

//
// begin_wpp config
// FUNC TraceEvents(LEVEL, FLAGS, MSG, ...);
// end_wpp
//
