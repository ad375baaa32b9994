/* modelling.c - issue 12: what the analysis models about calls, casts and objects that real
 * drivers use and the earlier samples do not show. Each case has a must-find form and a silent
 * twin (or a truly unsafe variant of the shape that a twin stays silent for). */
#include "common.h"

/* exported, undocumented: drivers declare it themselves, as here */
NTSTATUS MmCopyVirtualMemory(PEPROCESS FromProcess, PVOID FromAddress, PEPROCESS ToProcess, PVOID ToAddress,
                             SIZE_T BufferSize, KPROCESSOR_MODE PreviousMode, PSIZE_T NumberOfBytesCopied);

/* declared, never defined: the analysis knows nothing of what they do */
NTSTATUS LookupObject(ULONG Id, PVOID *Object);
VOID LogValue(ULONG Value);

/* 16: an unknown callee given &p may write p: the path after `if (!p)` is live */
NTSTATUS OutParamOfUnknownCallee(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    PVOID obj = NULL;
    LookupObject(in->Other, &obj);
    if (!obj)
        return STATUS_NOT_FOUND;
    __readmsr(in->Msr); // expect: msr-read
    return STATUS_SUCCESS;
}

/* 16, twin: without &obj nothing writes obj, and the path after the test stays dead */
NTSTATUS NoOutParamStaysDead(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    PVOID obj = NULL;
    LogValue(in->Other);
    if (!obj)
        return STATUS_NOT_FOUND;
    __readmsr(in->Msr); // expect: none
    return STATUS_SUCCESS;
}

typedef struct _WIDE_REQ {
    ULONG64 Address;
    SIZE_T Length;
} WIDE_REQ, *PWIDE_REQ;

/* 11: narrowing is no bound: the low 32 bits of a user address are any 32-bit value, also
   once widened again into a PHYSICAL_ADDRESS */
NTSTATUS NarrowingIsNoBound(PIRP Irp)
{
    PWIDE_REQ in = (PWIDE_REQ)Irp->AssociatedIrp.SystemBuffer;
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = (ULONG)in->Address;
    PVOID va = MmMapIoSpace(pa, PAGE_SIZE, MmNonCached); // expect: physmem-map
    if (va)
        MmUnmapIoSpace(va, PAGE_SIZE);
    return STATUS_SUCCESS;
}

/* 11, twin: a comparison after the narrowing bounds it; a bound taken before it survives it */
NTSTATUS NarrowingAfterACheck(PIRP Irp)
{
    PWIDE_REQ in = (PWIDE_REQ)Irp->AssociatedIrp.SystemBuffer;
    UCHAR local[64];
    PHYSICAL_ADDRESS pa;
    ULONG low = (ULONG)in->Address;
    if (low > 0xFFFFF)
        return STATUS_INVALID_PARAMETER;
    pa.QuadPart = low;
    PVOID va = MmMapIoSpace(pa, PAGE_SIZE, MmNonCached); // expect: none
    if (va)
        MmUnmapIoSpace(va, PAGE_SIZE);
    if (in->Length > sizeof(local))
        return STATUS_INVALID_PARAMETER;
    ULONG len = (ULONG)in->Length;
    RtlCopyMemory(local, in, len); // expect: none
    return STATUS_SUCCESS;
}

typedef struct _PAIR_REQ {
    ULONG Msr;
    ULONG Other;
} PAIR_REQ, *PPAIR_REQ;

/* 12: an array or a struct filled by a copy holds user values in every element and field,
   however they are read (d[0], d[i], *(d + 1), *d, req->Msr after *req = *(PPAIR_REQ)...) */
NTSTATUS ArraysFilledByACopy(PIRP Irp, ULONG i)
{
    UINT32 d[3];
    PAIR_REQ local;
    PPAIR_REQ req = &local;
    RtlCopyMemory(d, Irp->AssociatedIrp.SystemBuffer, sizeof(d)); // expect: none
    __readmsr(d[0]); // expect: msr-read
    if (i < 3)
        __readmsr(d[i]); // expect: msr-read
    __readmsr(*(d + 1)); // expect: msr-read
    *req = *(PPAIR_REQ)Irp->AssociatedIrp.SystemBuffer;
    __readmsr(req->Msr); // expect: msr-read
    return STATUS_SUCCESS;
}

/* 12, twin: a checked element is bounded, and only that one (d[1] is not checked) */
NTSTATUS ArrayElementChecked(PIRP Irp)
{
    UINT32 d[2];
    PAIR_REQ local;
    PPAIR_REQ req = &local;
    RtlCopyMemory(d, Irp->AssociatedIrp.SystemBuffer, sizeof(d)); // expect: none
    if (d[0] > 0x1F)
        return STATUS_INVALID_PARAMETER;
    __readmsr(d[0]); // expect: none
    __readmsr(*d); // expect: none
    __readmsr(d[1]); // expect: msr-read
    *req = *(PPAIR_REQ)Irp->AssociatedIrp.SystemBuffer;
    if (req->Msr != 0x1B)
        return STATUS_INVALID_PARAMETER;
    __readmsr(req->Msr); // expect: none
    __readmsr(req->Other); // expect: msr-read
    return STATUS_SUCCESS;
}

typedef struct _SUMMARY {
    ULONG Count;
    WCHAR Name[32];
    ULONG Field;
} SUMMARY, *PSUMMARY;

/* 13: members of a user-chosen pointer are user-chosen addresses: s->Name (an array) and
   &s->Field are written like s itself */
NTSTATUS MembersOfAUserPointer(PIO_STACK_LOCATION IrpSp)
{
    PSUMMARY s = (PSUMMARY)IrpSp->Parameters.DeviceIoControl.Type3InputBuffer;
    WCHAR name[32] = L"kernel";
    RtlCopyMemory(s->Name, name, sizeof(name)); // expect: copy-pointer
    ULONG v = 1;
    RtlCopyMemory(&s->Field, &v, sizeof(v)); // expect: copy-pointer
    return STATUS_SUCCESS;
}

/* 13, twin: once s is probed its members are too; a kernel structure's members are kernel
   addresses */
NTSTATUS MembersOfAProbedPointer(PIO_STACK_LOCATION IrpSp, PSUMMARY kernel)
{
    PSUMMARY s = (PSUMMARY)IrpSp->Parameters.DeviceIoControl.Type3InputBuffer;
    WCHAR name[32] = L"kernel";
    ULONG v = 1;
    __try {
        ProbeForWrite(s, sizeof(*s), sizeof(ULONG));
        RtlCopyMemory(s->Name, name, sizeof(name)); // expect: none
        RtlCopyMemory(&s->Field, &v, sizeof(v)); // expect: none
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    RtlCopyMemory(kernel->Name, name, sizeof(name)); // expect: none
    RtlCopyMemory(&kernel->Field, &v, sizeof(v)); // expect: none
    return STATUS_SUCCESS;
}

/* undocumented exports that process-memory drivers declare themselves */
NTSTATUS NTAPI ZwReadVirtualMemory(HANDLE ProcessHandle, PVOID BaseAddress, PVOID Buffer, SIZE_T Size, PSIZE_T Read);
NTSTATUS NTAPI ZwWriteVirtualMemory(HANDLE ProcessHandle, PVOID BaseAddress, PVOID Buffer, SIZE_T Size,
                                    PSIZE_T Written);

typedef struct _VM_REQ {
    ULONG64 From;
    ULONG64 To;
    SIZE_T Size;
    HANDLE Process;
} VM_REQ, *PVM_REQ;

typedef struct _VM_EXT {
    UCHAR Mirror[256];
} VM_EXT, *PVM_EXT;

/* 1: process-memory copies at addresses and of a length the caller chose */
NTSTATUS ProcessMemoryCopies(PIRP Irp, PEPROCESS target, PVM_EXT ext)
{
    PVM_REQ in = (PVM_REQ)Irp->AssociatedIrp.SystemBuffer;
    SIZE_T done = 0;
    MmCopyVirtualMemory(target, (PVOID)in->From, PsGetCurrentProcess(), (PVOID)in->To, 8, KernelMode, &done); // expect: virtual-memory-copy
    MmCopyVirtualMemory(target, (PVOID)0x10000, PsGetCurrentProcess(), ext->Mirror, in->Size, KernelMode, &done); // expect: copy-size
    ZwReadVirtualMemory(in->Process, (PVOID)in->From, ext->Mirror, sizeof(ext->Mirror), &done); // expect: virtual-memory-copy
    ZwWriteVirtualMemory(in->Process, (PVOID)in->To, ext->Mirror, sizeof(ext->Mirror), &done); // expect: virtual-memory-copy
    /* attached to another process, an ordinary copy through a user-chosen address */
    UCHAR apc[48]; /* a KAPC_STATE */
    KeStackAttachProcess(target, apc);
    RtlCopyMemory(ext->Mirror, (PVOID)in->From, sizeof(ext->Mirror)); // expect: copy-pointer
    KeUnstackDetachProcess(apc);
    return STATUS_SUCCESS;
}

/* 1, twin: the driver's own buffer, a fixed address, a length checked against the mirror */
NTSTATUS ProcessMemoryCopiesChecked(PIRP Irp, PEPROCESS target, PVM_EXT ext)
{
    PVM_REQ in = (PVM_REQ)Irp->AssociatedIrp.SystemBuffer;
    SIZE_T done = 0;
    if (in->Size > sizeof(ext->Mirror))
        return STATUS_INVALID_PARAMETER;
    MmCopyVirtualMemory(target, (PVOID)0x10000, PsGetCurrentProcess(), ext->Mirror, in->Size, UserMode, &done); // expect: none
    ZwReadVirtualMemory(in->Process, (PVOID)0x10000, ext->Mirror, in->Size, &done); // expect: none
    return STATUS_SUCCESS;
}

typedef struct _MDL_REQ {
    ULONG64 Address;
    ULONG Length;
} MDL_REQ, *PMDL_REQ;

/* 2: an MDL over the driver's own buffer but with the caller's length, mapped into user
   space: reported at the mapping too; and an MDL over a user address with a checked length */
NTSTATUS MdlOfAUserLength(PIRP Irp, PVOID page)
{
    PMDL_REQ in = (PMDL_REQ)Irp->AssociatedIrp.SystemBuffer;
    PMDL mdl = IoAllocateMdl(page, in->Length, FALSE, FALSE, NULL); // expect: mdl-map
    if (!mdl)
        return STATUS_INSUFFICIENT_RESOURCES;
    MmBuildMdlForNonPagedPool(mdl);
    PVOID user = MmMapLockedPagesSpecifyCache(mdl, UserMode, MmCached, NULL, FALSE, NormalPagePriority); // expect: mdl-map
    if (in->Length > PAGE_SIZE)
        return STATUS_INVALID_PARAMETER;
    PMDL other = IoAllocateMdl((PVOID)in->Address, in->Length, FALSE, FALSE, NULL); // expect: mdl-map
    if (!other)
        return STATUS_INSUFFICIENT_RESOURCES;
    user = MmMapLockedPagesSpecifyCache(other, UserMode, MmCached, NULL, FALSE, NormalPagePriority); // expect: mdl-map
    return user ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

/* 2, twin: the length is checked against the buffer before the MDL is built */
NTSTATUS MdlOfACheckedLength(PIRP Irp, PVOID page)
{
    PMDL_REQ in = (PMDL_REQ)Irp->AssociatedIrp.SystemBuffer;
    if (in->Length > PAGE_SIZE)
        return STATUS_INVALID_PARAMETER;
    PMDL mdl = IoAllocateMdl(page, in->Length, FALSE, FALSE, NULL); // expect: none
    if (!mdl)
        return STATUS_INSUFFICIENT_RESOURCES;
    MmBuildMdlForNonPagedPool(mdl);
    PVOID user = MmMapLockedPagesSpecifyCache(mdl, UserMode, MmCached, NULL, FALSE, NormalPagePriority); // expect: none
    return user ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

/* 3: a string built over the caller's characters: its Length is counted in the caller's
   bytes, its Buffer is the caller's pointer (a user-chosen one for METHOD_NEITHER) */
NTSTATUS StringsOverUserCharacters(PIRP Irp, PIO_STACK_LOCATION IrpSp)
{
    WCHAR name[64];
    UNICODE_STRING us;
    RtlInitUnicodeString(&us, (PCWSTR)Irp->AssociatedIrp.SystemBuffer);
    RtlCopyMemory(name, us.Buffer, us.Length); // expect: copy-size
    UNICODE_STRING raw;
    RtlInitUnicodeString(&raw, (PCWSTR)IrpSp->Parameters.DeviceIoControl.Type3InputBuffer);
    RtlCopyMemory(name, raw.Buffer, sizeof(WCHAR)); // expect: copy-pointer
    return STATUS_SUCCESS;
}

/* 3, twin: the length checked against the destination; a string over the driver's own text */
NTSTATUS StringsChecked(PIRP Irp)
{
    WCHAR name[64];
    UNICODE_STRING us;
    RtlInitUnicodeString(&us, (PCWSTR)Irp->AssociatedIrp.SystemBuffer);
    if (us.Length > sizeof(name))
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(name, us.Buffer, us.Length); // expect: none
    UNICODE_STRING fixed;
    RtlInitUnicodeString(&fixed, L"\\Device\\Fixed");
    RtlCopyMemory(name, fixed.Buffer, fixed.Length); // expect: none
    return STATUS_SUCCESS;
}

/* cross-processor calls, declared here as the documented API (the WDK shim lacks them) */
typedef ULONG_PTR (*PIPI_WORKER)(ULONG_PTR Argument);
ULONG_PTR KeIpiGenericCall(PIPI_WORKER BroadcastFunction, ULONG_PTR Context);
VOID KeGenericCallDpc(PKDEFERRED_ROUTINE Routine, PVOID Context);

typedef struct _CORE_REQ {
    ULONG Msr;
} CORE_REQ, *PCORE_REQ;

typedef struct _CORE_EXT {
    KDPC Dpc;
} CORE_EXT, *PCORE_EXT;

/* 15: per-core MSR helpers: the routine runs with the context (IPI, generic DPC) or with the
   system arguments KeInsertQueueDpc gave (the DPC initialised in another function) */
static ULONG_PTR IpiReadMsr(ULONG_PTR Argument)
{
    return (ULONG_PTR)__readmsr(((PCORE_REQ)Argument)->Msr); // expect: msr-read
}

static VOID GenericDpcReadMsr(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    __readmsr(((PCORE_REQ)Context)->Msr); // expect: msr-read
}

static VOID QueuedDpcReadMsr(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Context);
    __readmsr(((PCORE_REQ)Arg1)->Msr); // expect: msr-read
    __readmsr((ULONG)(ULONG_PTR)Arg2); // expect: none
}

VOID CoreSetup(PCORE_EXT ext)
{
    KeInitializeDpc(&ext->Dpc, QueuedDpcReadMsr, NULL);
}

NTSTATUS PerCoreCalls(PIRP Irp, PCORE_EXT devExt)
{
    PCORE_REQ in = (PCORE_REQ)Irp->AssociatedIrp.SystemBuffer;
    KeIpiGenericCall(IpiReadMsr, (ULONG_PTR)in);
    KeGenericCallDpc(GenericDpcReadMsr, in);
    KeInsertQueueDpc(&devExt->Dpc, in, (PVOID)0x1B);
    return STATUS_SUCCESS;
}

/* 15, twin: the same shapes given a checked request */
static ULONG_PTR IpiReadCheckedMsr(ULONG_PTR Argument)
{
    return (ULONG_PTR)__readmsr(((PCORE_REQ)Argument)->Msr); // expect: none
}

static VOID GenericDpcReadCheckedMsr(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    __readmsr(((PCORE_REQ)Context)->Msr); // expect: none
}

NTSTATUS PerCoreCallsChecked(PIRP Irp)
{
    PCORE_REQ in = (PCORE_REQ)Irp->AssociatedIrp.SystemBuffer;
    if (in->Msr != 0x1B)
        return STATUS_INVALID_PARAMETER;
    KeIpiGenericCall(IpiReadCheckedMsr, (ULONG_PTR)in);
    KeGenericCallDpc(GenericDpcReadCheckedMsr, in);
    return STATUS_SUCCESS;
}

typedef struct _FETCH_REQ {
    ULONG Size;
    USHORT Port;
    UCHAR Data[64];
} FETCH_REQ, *PFETCH_REQ;

/* 14: a METHOD_NEITHER request checked in user memory and read there again at the sink */
NTSTATUS DoubleFetch(PIO_STACK_LOCATION IrpSp)
{
    PFETCH_REQ u = (PFETCH_REQ)IrpSp->Parameters.DeviceIoControl.Type3InputBuffer;
    UCHAR kb[64];
    __try {
        ProbeForRead(u, sizeof(*u), 1);
        if (u->Size > sizeof(kb))
            return STATUS_INVALID_PARAMETER;
        RtlCopyMemory(kb, u->Data, u->Size); // expect: double-fetch
        if (u->Port < 0x378 || u->Port > 0x37F)
            return STATUS_INVALID_PARAMETER;
        __outbyte(u->Port, kb[0]); // expect: double-fetch
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}

/* 14, twin: read once into locals, checked and used there; SystemBuffer is the I/O manager's
   copy, read as often as the driver likes */
NTSTATUS SingleFetch(PIRP Irp, PIO_STACK_LOCATION IrpSp)
{
    PFETCH_REQ u = (PFETCH_REQ)IrpSp->Parameters.DeviceIoControl.Type3InputBuffer;
    PFETCH_REQ in = (PFETCH_REQ)Irp->AssociatedIrp.SystemBuffer;
    UCHAR kb[64];
    __try {
        ProbeForRead(u, sizeof(*u), 1);
        ULONG size = u->Size;
        if (size > sizeof(kb))
            return STATUS_INVALID_PARAMETER;
        RtlCopyMemory(kb, u->Data, size); // expect: none
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode();
    }
    if (in->Size > sizeof(kb))
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(kb, in->Data, in->Size); // expect: none
    return STATUS_SUCCESS;
}
