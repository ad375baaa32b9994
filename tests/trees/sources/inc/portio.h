/* portio.h - reached from sys/ only through INCLUDES (..\Inc in the sources file). */
#pragma once
#include <ntddk.h>
#include <intrin.h>

#define IOCTL_PORT_WRITE CTL_CODE(0x8339, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_PORT_WRITE_CHECKED CTL_CODE(0x8339, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _PORT_REQUEST {
    USHORT Port;
    UCHAR Value;
} PORT_REQUEST, *PPORT_REQUEST;
