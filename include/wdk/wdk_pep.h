/* wdk_pep.h - drvtaint WDK shim: power engine plug-ins (pepfx.h), the part an ACPI PEP uses: the
 * plug-in and kernel registration records and PoFxRegisterPlugin, the notification callback roles,
 * the ACPI notification records (prepare/abandon/register/unregister device, enumerate namespace,
 * query object information, evaluate control method, device control resources, BIOS-resource
 * conversion requests) and the work records that complete them. Written from the pepfx.h reference
 * pages. The PEP_NOTIFY_* ids and version constants are left to recovery (values not given on the
 * pages used); the processor (PPM) and device (DPM) notification records are not declared. */
#pragma once
#include "wdk_base.h"
#include "ntddk.h"
#include "wdk_acpi.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct PEPHANDLE__ { int unused; } *PEPHANDLE;
#ifndef DRVTAINT_POHANDLE_DEFINED
#define DRVTAINT_POHANDLE_DEFINED
typedef struct POHANDLE__ { int unused; } *POHANDLE;
#endif

typedef BOOLEAN PEPCALLBACKNOTIFYDPM(ULONG Notification, PVOID Data);
typedef PEPCALLBACKNOTIFYDPM *PPEPCALLBACKNOTIFYDPM;
typedef BOOLEAN PEPCALLBACKNOTIFYPPM(ULONG Notification, PVOID Data);
typedef PEPCALLBACKNOTIFYPPM *PPEPCALLBACKNOTIFYPPM;
typedef BOOLEAN PEPCALLBACKNOTIFYACPI(ULONG Notification, PVOID Data);
typedef PEPCALLBACKNOTIFYACPI *PPEPCALLBACKNOTIFYACPI;

typedef struct _PEP_INFORMATION {
    USHORT Version;
    USHORT Size;
    PPEPCALLBACKNOTIFYDPM AcceptDeviceNotification;
    PPEPCALLBACKNOTIFYPPM AcceptProcessorNotification;
    PPEPCALLBACKNOTIFYACPI AcceptAcpiNotification;
} PEP_INFORMATION, *PPEP_INFORMATION;

typedef VOID POFXCALLBACKREQUESTWORKER(POHANDLE PoHandle);
typedef POFXCALLBACKREQUESTWORKER *PPOFXCALLBACKREQUESTWORKER;
typedef NTSTATUS POFXCALLBACKENUMERATEUNMASKEDINTERRUPTS(PEPHANDLE Plugin, PVOID Callback, PVOID CallbackContext,
                                                         PVOID InterruptInformation);
typedef POFXCALLBACKENUMERATEUNMASKEDINTERRUPTS *PPOFXCALLBACKENUMERATEUNMASKEDINTERRUPTS;
typedef NTSTATUS POFXCALLBACKPROCESSORHALT(ULONG Flags, PVOID Context, PVOID Halt);
typedef POFXCALLBACKPROCESSORHALT *PPOFXCALLBACKPROCESSORHALT;
typedef NTSTATUS POFXCALLBACKREQUESTINTERRUPT(ULONG Gsiv);
typedef POFXCALLBACKREQUESTINTERRUPT *PPOFXCALLBACKREQUESTINTERRUPT;
typedef VOID POFXCALLBACKCRITICALRESOURCE(POHANDLE ProcessorHandle, ULONG Component, BOOLEAN Active);
typedef POFXCALLBACKCRITICALRESOURCE *PPOFXCALLBACKCRITICALRESOURCE;
typedef NTSTATUS POFXCALLBACKPROCESSORIDLEVETO(POHANDLE ProcessorHandle, ULONG ProcessorState, ULONG VetoReason,
                                               BOOLEAN Increment);
typedef POFXCALLBACKPROCESSORIDLEVETO *PPOFXCALLBACKPROCESSORIDLEVETO;
typedef NTSTATUS POFXCALLBACKPLATFORMIDLEVETO(POHANDLE ProcessorHandle, ULONG PlatformState, ULONG VetoReason,
                                              BOOLEAN Increment);
typedef POFXCALLBACKPLATFORMIDLEVETO *PPOFXCALLBACKPLATFORMIDLEVETO;
typedef NTSTATUS POFXCALLBACKUPDATEPROCESSORIDLESTATE(POHANDLE ProcessorHandle, ULONG ProcessorState, PVOID Update);
typedef POFXCALLBACKUPDATEPROCESSORIDLESTATE *PPOFXCALLBACKUPDATEPROCESSORIDLESTATE;
typedef NTSTATUS POFXCALLBACKUPDATEPLATFORMIDLESTATE(POHANDLE ProcessorHandle, ULONG PlatformState, PVOID Update);
typedef POFXCALLBACKUPDATEPLATFORMIDLESTATE *PPOFXCALLBACKUPDATEPLATFORMIDLESTATE;
typedef VOID POFXCALLBACKREQUESTCOMMON(ULONG RequestId, PVOID Data);
typedef POFXCALLBACKREQUESTCOMMON *PPOFXCALLBACKREQUESTCOMMON;

typedef struct _PEP_KERNEL_INFORMATION_STRUCT_V3 {
    USHORT Version;
    USHORT Size;
    POHANDLE Plugin;
    PPOFXCALLBACKREQUESTWORKER RequestWorker;
    PPOFXCALLBACKENUMERATEUNMASKEDINTERRUPTS EnumerateUnmaskedInterrupts;
    PPOFXCALLBACKPROCESSORHALT ProcessorHalt;
    PPOFXCALLBACKREQUESTINTERRUPT RequestInterrupt;
    PPOFXCALLBACKCRITICALRESOURCE TransitionCriticalResource;
    PPOFXCALLBACKPROCESSORIDLEVETO ProcessorIdleVeto;
    PPOFXCALLBACKPLATFORMIDLEVETO PlatformIdleVeto;
    PPOFXCALLBACKUPDATEPROCESSORIDLESTATE UpdateProcessorIdleState;
    PPOFXCALLBACKUPDATEPLATFORMIDLESTATE UpdatePlatformIdleState;
    PPOFXCALLBACKREQUESTCOMMON RequestCommon;
} PEP_KERNEL_INFORMATION_STRUCT_V3, *PPEP_KERNEL_INFORMATION_STRUCT_V3;
typedef PEP_KERNEL_INFORMATION_STRUCT_V3 PEP_KERNEL_INFORMATION, *PPEP_KERNEL_INFORMATION;

NTSTATUS PoFxRegisterPlugin(PPEP_INFORMATION PepInformation, PPEP_KERNEL_INFORMATION KernelInformation);

/* ACPI notifications */
typedef struct _PEP_ACPI_PREPARE_DEVICE {
    PCUNICODE_STRING AcpiDeviceName;
    ULONG InputFlags;
    BOOLEAN OutputFlags;
    BOOLEAN DeviceAccepted;
} PEP_ACPI_PREPARE_DEVICE, *PPEP_ACPI_PREPARE_DEVICE;
typedef struct _PEP_ACPI_ABANDON_DEVICE {
    PCUNICODE_STRING AcpiDeviceName;
    BOOLEAN DeviceAccepted;
} PEP_ACPI_ABANDON_DEVICE, *PPEP_ACPI_ABANDON_DEVICE;
typedef struct _PEP_ACPI_REGISTER_DEVICE {
    PEPHANDLE DeviceHandle;
    PCUNICODE_STRING AcpiDeviceName;
    ULONG InputFlags;
    POHANDLE KernelHandle;
    ULONG OutputFlags;
} PEP_ACPI_REGISTER_DEVICE, *PPEP_ACPI_REGISTER_DEVICE;
typedef struct _PEP_ACPI_UNREGISTER_DEVICE {
    PEPHANDLE DeviceHandle;
    ULONG InputFlags;
} PEP_ACPI_UNREGISTER_DEVICE, *PPEP_ACPI_UNREGISTER_DEVICE;

typedef enum _PEP_ACPI_OBJECT_TYPE {
    PepAcpiObjectTypeMethod,
    PepAcpiObjectTypeDevice,
    PepAcpiObjectTypeMaximum
} PEP_ACPI_OBJECT_TYPE, *PPEP_ACPI_OBJECT_TYPE;
typedef union _PEP_ACPI_OBJECT_NAME {
    UCHAR Name[4];
    ULONG NameAsUlong;
} PEP_ACPI_OBJECT_NAME, *PPEP_ACPI_OBJECT_NAME;
typedef struct _PEP_ACPI_OBJECT_NAME_WITH_TYPE {
    PEP_ACPI_OBJECT_NAME Name;
    PEP_ACPI_OBJECT_TYPE Type;
} PEP_ACPI_OBJECT_NAME_WITH_TYPE, *PPEP_ACPI_OBJECT_NAME_WITH_TYPE;
typedef struct _PEP_ACPI_ENUMERATE_DEVICE_NAMESPACE {
    PEPHANDLE DeviceHandle;
    ULONG ObjectCount;
    ULONG ObjectBufferSize;
    NTSTATUS Status;
    PEP_ACPI_OBJECT_NAME_WITH_TYPE Objects[ANYSIZE_ARRAY];
} PEP_ACPI_ENUMERATE_DEVICE_NAMESPACE, *PPEP_ACPI_ENUMERATE_DEVICE_NAMESPACE;
typedef struct _PEP_ACPI_QUERY_OBJECT_INFORMATION {
    PEPHANDLE DeviceHandle;
    PEP_ACPI_OBJECT_NAME Name;
    PEP_ACPI_OBJECT_TYPE Type;
    union {
        struct {
            ULONG InputArgumentCount;
            ULONG OutputArgumentCount;
        } MethodObject;
        struct {
            ULONG Reserved;
        } OtherObject;
    };
} PEP_ACPI_QUERY_OBJECT_INFORMATION, *PPEP_ACPI_QUERY_OBJECT_INFORMATION;

#define PEP_ACPI_ECM_FLAG_NONE 0x0
#define PEP_ACPI_ECM_FLAG_RELATIVE_NAME 0x1
#define PEP_ACPI_ECM_FLAG_FULLY_QUALIFIED_NAME 0x2
typedef struct _PEP_ACPI_EVALUATE_CONTROL_METHOD {
    PEPHANDLE DeviceHandle;
    ULONG RequestFlags;
    union {
        ULONG MethodName;
        ANSI_STRING MethodNameString;
    };
    NTSTATUS MethodStatus;
    PVOID CompletionContext;
    ULONG InputArgumentCount;
    SIZE_T InputArgumentSize;
    PACPI_METHOD_ARGUMENT InputArguments;
    ULONG OutputArgumentCount;
    SIZE_T OutputArgumentSize;
    PACPI_METHOD_ARGUMENT OutputArguments;
} PEP_ACPI_EVALUATE_CONTROL_METHOD, *PPEP_ACPI_EVALUATE_CONTROL_METHOD;

typedef struct _PEP_ACPI_QUERY_DEVICE_CONTROL_RESOURCES {
    PEPHANDLE DeviceHandle;
    ULONG BiosResourcesSize;
    NTSTATUS Status;
    PVOID BiosResources;
} PEP_ACPI_QUERY_DEVICE_CONTROL_RESOURCES, *PPEP_ACPI_QUERY_DEVICE_CONTROL_RESOURCES;
typedef struct _PEP_ACPI_TRANSLATED_DEVICE_CONTROL_RESOURCES {
    PEPHANDLE DeviceHandle;
    ULONG Flags;
    PCM_RESOURCE_LIST TranslatedResources;
} PEP_ACPI_TRANSLATED_DEVICE_CONTROL_RESOURCES, *PPEP_ACPI_TRANSLATED_DEVICE_CONTROL_RESOURCES;

/* PEP_ACPI_RESOURCE (a union of the ACPI resource descriptors) is declared only here */
typedef union _PEP_ACPI_RESOURCE PEP_ACPI_RESOURCE, *PPEP_ACPI_RESOURCE;
typedef struct _PEP_ACPI_REQUEST_CONVERT_TO_BIOS_RESOURCES {
    NTSTATUS TranslationStatus;
    PPEP_ACPI_RESOURCE InputBuffer;
    SIZE_T InputBufferSize;
    PVOID OutputBuffer;
    SIZE_T OutputBufferSize;
    ULONG Flags;
} PEP_ACPI_REQUEST_CONVERT_TO_BIOS_RESOURCES, *PPEP_ACPI_REQUEST_CONVERT_TO_BIOS_RESOURCES;

/* work the plug-in hands back to the power framework (PEP_NOTIFY_ACPI_WORK, PEP_DPM_WORK) */
typedef enum _PEP_WORK_TYPE {
    PepWorkRequestPowerControl,
    PepWorkCompleteIdleState,
    PepWorkCompletePerfState,
    PepWorkAcpiNotify,
    PepWorkAcpiEvaluateControlMethodComplete,
    PepWorkMax
} PEP_WORK_TYPE, *PPEP_WORK_TYPE;
typedef struct _PEP_WORK_ACPI_NOTIFY {
    POHANDLE DeviceHandle;
    ULONG NotifyCode;
} PEP_WORK_ACPI_NOTIFY, *PPEP_WORK_ACPI_NOTIFY;
typedef struct _PEP_WORK_ACPI_EVALUATE_CONTROL_METHOD_COMPLETE {
    POHANDLE DeviceHandle;
    ULONG CompletionFlags;
    NTSTATUS MethodStatus;
    PVOID CompletionContext;
    SIZE_T OutputArgumentSize;
    PACPI_METHOD_ARGUMENT OutputArguments;
} PEP_WORK_ACPI_EVALUATE_CONTROL_METHOD_COMPLETE, *PPEP_WORK_ACPI_EVALUATE_CONTROL_METHOD_COMPLETE;
typedef struct _PEP_WORK_POWER_CONTROL {
    POHANDLE DeviceHandle;
    LPCGUID PowerControlCode;
    PVOID RequestContext;
    PVOID InBuffer;
    SIZE_T InBufferSize;
    PVOID OutBuffer;
    SIZE_T OutBufferSize;
} PEP_WORK_POWER_CONTROL, *PPEP_WORK_POWER_CONTROL;
typedef struct _PEP_WORK_COMPLETE_IDLE_STATE {
    POHANDLE DeviceHandle;
    ULONG Component;
} PEP_WORK_COMPLETE_IDLE_STATE, *PPEP_WORK_COMPLETE_IDLE_STATE;
typedef struct _PEP_WORK_COMPLETE_PERF_STATE {
    POHANDLE DeviceHandle;
    ULONG Component;
    BOOLEAN Succeeded;
} PEP_WORK_COMPLETE_PERF_STATE, *PPEP_WORK_COMPLETE_PERF_STATE;
typedef struct _PEP_WORK_INFORMATION {
    PEP_WORK_TYPE WorkType;
    union {
        PEP_WORK_POWER_CONTROL PowerControl;
        PEP_WORK_COMPLETE_IDLE_STATE CompleteIdleState;
        PEP_WORK_COMPLETE_PERF_STATE CompletePerfState;
        PEP_WORK_ACPI_NOTIFY AcpiNotify;
        PEP_WORK_ACPI_EVALUATE_CONTROL_METHOD_COMPLETE ControlMethodComplete;
    };
} PEP_WORK_INFORMATION, *PPEP_WORK_INFORMATION;
typedef struct _PEP_WORK {
    PPEP_WORK_INFORMATION WorkInformation;
    BOOLEAN NeedWork;
} PEP_WORK, *PPEP_WORK;

#ifdef __cplusplus
}
#endif
