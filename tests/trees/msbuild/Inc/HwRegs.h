/* HwRegs.h - shared by both drivers; reached only through AdditionalIncludeDirectories
 * (..\Inc in the projects), never by a relative #include. */
#pragma once
#include <ntddk.h>
#include <intrin.h>

#define HW_DEVICE_TYPE 0x8338
#define IOCTL_HW_SET_PORT CTL_CODE(HW_DEVICE_TYPE, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_HW_KICK CTL_CODE(HW_DEVICE_TYPE, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_HW_READ_MSR CTL_CODE(HW_DEVICE_TYPE, 0x802, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _HW_REQUEST {
    ULONG Msr;
    USHORT Port;
} HW_REQUEST, *PHW_REQUEST;

/* Both drivers name their extension the same way; each keeps its own. */
typedef struct _DEVICE_EXTENSION {
    USHORT Port;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;
