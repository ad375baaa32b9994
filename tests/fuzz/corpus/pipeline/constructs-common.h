/* common.h - the request shape shared by the construct samples. */
#pragma once
#include <ntddk.h>
#include <intrin.h>

typedef struct _CREQ {
    ULONG Msr;
    ULONG Other;
    LONG SignedIndex;
    ULONG Length;
    ULONG Regs[4];
    USHORT Port;
    UCHAR Data[16];
} CREQ, *PCREQ;

typedef struct _CEXT {
    ULONG MaxMsr;
    UCHAR Buffer[16];
    PHYSICAL_ADDRESS BarStart;
    ULONG BarLength;
} CEXT, *PCEXT;

#define CREQ_OF(Irp) ((PCREQ)(Irp)->AssociatedIrp.SystemBuffer)
