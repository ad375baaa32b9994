/* objects.c - the size of what a call returns or maps: a mapping is as long as it was asked
 * for, an MDL as IoAllocateMdl was told (and so is its mapping), a view as *ViewSize; a pool
 * allocator called through a pointer MmGetSystemRoutineAddress returned for one allocates. */
#include <ntddk.h>

#include "intrinsics.h"

typedef PVOID(NTAPI *PFN_ALLOC2)(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag);

typedef struct REQ {
    ULONG64 Address;
    ULONG Length;
} REQ;

NTSTATUS Objects(PIRP Irp, HANDLE section)
{
    REQ *in = (REQ *)Irp->AssociatedIrp.SystemBuffer;
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = 0xFED00000;
    ULONG n = in->Length;
    PVOID va = MmMapIoSpace(pa, n, MmNonCached);
    __drvtaint_relations(va); // state: result-of=MmMapIoSpace(pa, n, MmNonCached) buffer-length=n
    PMDL mdl = IoAllocateMdl(va, n, FALSE, FALSE, NULL);
    PVOID sys = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority);
    __drvtaint_relations(sys); // state: buffer-length=n
    PVOID user = MmMapLockedPagesSpecifyCache(mdl, UserMode, MmCached, NULL, FALSE, NormalPagePriority);
    __drvtaint_relations(user); // state: result-of=MmMapLockedPagesSpecifyCache(mdl, UserMode, MmCached, NULL, FALSE, NormalPagePriority) buffer-length=n
    PVOID base = NULL;
    SIZE_T viewSize = 0;
    ZwMapViewOfSection(section, ZwCurrentProcess(), &base, 0, 0, NULL, &viewSize, ViewUnmap, 0, PAGE_READWRITE);
    __drvtaint_relations(base); // state: buffer-length=viewSize
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"ExAllocatePool2");
    __drvtaint_relations(name); // state: names=ExAllocatePool2
    PFN_ALLOC2 alloc = (PFN_ALLOC2)MmGetSystemRoutineAddress(&name);
    __drvtaint_relations(alloc); // state: result-of=MmGetSystemRoutineAddress(&name) names=ExAllocatePool2
    PVOID p = alloc(POOL_FLAG_NON_PAGED, n, 'tseT');
    __drvtaint_relations(p); // state: alloc-size=n result-of=alloc(POOL_FLAG_NON_PAGED, n, 'tseT')
    UNICODE_STRING other;
    RtlInitUnicodeString(&other, L"ExFreePoolWithTag");
    PFN_ALLOC2 notAlloc = (PFN_ALLOC2)MmGetSystemRoutineAddress(&other);
    PVOID q = notAlloc(POOL_FLAG_NON_PAGED, n, 'tseT');
    /* a routine that is no allocator: nothing is known of what it returns */
    __drvtaint_relations(q); // state: result-of=notAlloc(POOL_FLAG_NON_PAGED, n, 'tseT')
    n = 0;
    /* n changed: the mapping's size is no longer n */
    __drvtaint_relations(va); // state: result-of=MmMapIoSpace(pa, n, MmNonCached)
    return STATUS_SUCCESS;
}
