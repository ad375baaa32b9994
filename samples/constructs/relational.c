/* relational.c - issue 12, items 4, 5 and 9: bounds that hold through an expression (min()
 * and ?: over PAGE_SIZE - off, a signed remainder), the size of what a mapping or an
 * allocator through a function pointer returns, and checks that relate two values
 * (addr + len - 1 <= END, off + len <= bufLen, buf + (n - k)). Each case has a must-find form
 * and a silent twin; the must-find forms are the same shape written truly unsafe. */
#include "common.h"
#include <wdf.h>

typedef struct _PAGE_REQ {
    ULONG Offset;
    ULONG Length;
    LONG Signed;
} PAGE_REQ, *PPAGE_REQ;

/* 9: min() and ?: over an expression that is not bounded on its own terms: the offset is not
   masked, so PAGE_SIZE - off is any value and clamps nothing */
NTSTATUS MinOverAnUnboundedExpression(PIRP Irp)
{
    PPAGE_REQ in = (PPAGE_REQ)Irp->AssociatedIrp.SystemBuffer;
    UCHAR page[PAGE_SIZE];
    ULONG off = in->Offset;
    ULONG n = min(PAGE_SIZE - off, in->Length);
    RtlCopyMemory(page, in + 1, n); // expect: copy-size
    ULONG m = in->Length > PAGE_SIZE + (off & 0xFF) ? PAGE_SIZE + (off & 0xFF) : in->Length;
    RtlCopyMemory(page, in + 1, m); // expect: copy-size
    /* the remainder of a signed value may be negative: stored into an unsigned it wraps to
       the top of the type */
    ULONG r = in->Signed % PAGE_SIZE;
    RtlCopyMemory(page, in + 1, r); // expect: copy-size
    return STATUS_SUCCESS;
}

/* 9, twin: off masked to the page, min(PAGE_SIZE - off, len) and its ?: spelling are at most
   PAGE_SIZE; a signed value checked non-negative leaves a remainder below PAGE_SIZE */
NTSTATUS MinOverABoundedExpression(PIRP Irp)
{
    PPAGE_REQ in = (PPAGE_REQ)Irp->AssociatedIrp.SystemBuffer;
    UCHAR page[PAGE_SIZE];
    ULONG off = in->Offset & (PAGE_SIZE - 1);
    ULONG n = min(PAGE_SIZE - off, in->Length);
    RtlCopyMemory(page, in + 1, n); // expect: none
    ULONG m = in->Length > PAGE_SIZE - off ? PAGE_SIZE - off : in->Length;
    RtlCopyMemory(page, in + 1, m); // expect: none
    LONG v = in->Signed;
    if (v < 0)
        return STATUS_INVALID_PARAMETER;
    ULONG r = v % PAGE_SIZE;
    RtlCopyMemory(page, in + 1, r); // expect: none
    return STATUS_SUCCESS;
}

typedef PVOID(NTAPI *PFN_POOL_ALLOC2)(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag);

/* 5: a copy between two mappings of n bytes of another length runs past them; a routine that
   is no allocator returns nothing of known size (the mappings of a user length are findings of
   their own) */
NTSTATUS CopyOfAnotherLength(PIRP Irp, PCEXT ext)
{
    PPAGE_REQ in = (PPAGE_REQ)Irp->AssociatedIrp.SystemBuffer;
    ULONG n = in->Length;
    PVOID from = MmMapIoSpace(ext->BarStart, n, MmNonCached); // expect: physmem-map
    PVOID to = MmMapIoSpace(ext->BarStart, n, MmNonCached); // expect: physmem-map
    if (!from || !to)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(to, from, in->Offset); // expect: copy-size
    UNICODE_STRING name;
    RtlInitUnicodeString(&name, L"ExFreePoolWithTag");
    PFN_POOL_ALLOC2 notAlloc = (PFN_POOL_ALLOC2)MmGetSystemRoutineAddress(&name);
    PVOID a = notAlloc(POOL_FLAG_NON_PAGED, n, 'leRa');
    PVOID b = notAlloc(POOL_FLAG_NON_PAGED, n, 'leRa');
    if (a && b)
        RtlCopyMemory(a, b, n); // expect: copy-size
    return STATUS_SUCCESS;
}

/* 5, twin: a mapping has exactly the length it was asked for, and so has a pool buffer from
   an ExAllocatePool2 found with MmGetSystemRoutineAddress: a copy of n bytes between two
   such objects of n bytes stays inside both */
NTSTATUS CopyOfTheMappingsLength(PIRP Irp, PCEXT ext)
{
    PPAGE_REQ in = (PPAGE_REQ)Irp->AssociatedIrp.SystemBuffer;
    ULONG n = in->Length;
    PVOID from = MmMapIoSpace(ext->BarStart, n, MmNonCached); // expect: physmem-map
    PVOID to = MmMapIoSpace(ext->BarStart, n, MmNonCached); // expect: physmem-map
    if (!from || !to)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(to, from, n); // expect: none
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"ExAllocatePool2");
    PFN_POOL_ALLOC2 alloc = (PFN_POOL_ALLOC2)MmGetSystemRoutineAddress(&name);
    PVOID a = alloc(POOL_FLAG_NON_PAGED, n, 'leRa');
    PVOID b = alloc(POOL_FLAG_NON_PAGED, n, 'leRa');
    if (a && b)
        RtlCopyMemory(a, b, n); // expect: none
    return STATUS_SUCCESS;
}

/* 5, twin: the pointer was loaded in another function (DriverEntry) and kept in a global whose
   type is named after the routine, as drivers that fall back to ExAllocatePoolWithTag write it */
typedef PVOID (*PFN_ExAllocatePool2)(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag);
static PFN_ExAllocatePool2 g_AllocatePool2;

NTSTATUS CopyIntoAPoolFromAGlobalPointer(PIRP Irp, PCEXT ext)
{
    PPAGE_REQ in = (PPAGE_REQ)Irp->AssociatedIrp.SystemBuffer;
    ULONG n = in->Length;
    if (!g_AllocatePool2)
        return STATUS_NOT_SUPPORTED;
    PVOID from = MmMapIoSpace(ext->BarStart, n, MmNonCached); // expect: physmem-map
    PVOID to = g_AllocatePool2(POOL_FLAG_NON_PAGED, n, 'leRa');
    PVOID small = g_AllocatePool2(POOL_FLAG_NON_PAGED, 16, 'leRa');
    if (!from || !to || !small)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(to, from, n); // expect: none
    /* unsafe: the same allocator, a 16-byte buffer */
    RtlCopyMemory(small, from, n); // expect: copy-size
    return STATUS_SUCCESS;
}

#define BAR_BASE 0xFED00000ULL
#define BAR_END 0xFED00FFFULL

typedef struct _RANGE_REQ {
    ULONG64 Address;
    ULONG64 Length;
    ULONG64 Other;
} RANGE_REQ, *PRANGE_REQ;

/* 4: a window check on addr and the wrong length, and one that holds on one path only */
NTSTATUS WindowCheckedWrongly(PIRP Irp)
{
    PRANGE_REQ in = (PRANGE_REQ)Irp->AssociatedIrp.SystemBuffer;
    PHYSICAL_ADDRESS pa;
    ULONG64 addr = in->Address;
    ULONG64 len = in->Length;
    if (addr < BAR_BASE || addr + in->Other - 1 > BAR_END)
        return STATUS_INVALID_PARAMETER;
    pa.QuadPart = (LONGLONG)addr;
    PVOID va = MmMapIoSpace(pa, len, MmNonCached); // expect: physmem-map
    if (va)
        MmUnmapIoSpace(va, len);
    if (in->Other != 7 && addr + len - 1 > BAR_END)
        return STATUS_INVALID_PARAMETER;
    va = MmMapIoSpace(pa, len, MmNonCached); // expect: physmem-map
    if (va)
        MmUnmapIoSpace(va, len);
    return STATUS_SUCCESS;
}

/* 4, twin: addr >= BASE and addr + len - 1 <= END bound both what is mapped */
NTSTATUS WindowChecked(PIRP Irp)
{
    PRANGE_REQ in = (PRANGE_REQ)Irp->AssociatedIrp.SystemBuffer;
    PHYSICAL_ADDRESS pa;
    ULONG64 addr = in->Address;
    ULONG64 len = in->Length;
    if (addr < BAR_BASE || addr + len - 1 > BAR_END)
        return STATUS_INVALID_PARAMETER;
    pa.QuadPart = (LONGLONG)addr;
    PVOID va = MmMapIoSpace(pa, len, MmNonCached); // expect: none
    if (va)
        MmUnmapIoSpace(va, len);
    return STATUS_SUCCESS;
}

typedef struct _SLICE_REQ {
    ULONG Offset;
    ULONG Count;
    ULONG Take;
} SLICE_REQ, *PSLICE_REQ;

/* 4: off + n checked against one more than the input buffer's length, k against one more
   too, the tail of an allocation of n + 12 bytes written past n + 12: each runs past the object;
   and a copy that fits the input buffer but goes to a kernel buffer of unknown size */
NTSTATUS SliceOffByOne(WDFREQUEST Request, PUCHAR kernel)
{
    PUCHAR buf = NULL;
    size_t bufLen = 0;
    if (!NT_SUCCESS(WdfRequestRetrieveInputBuffer(Request, sizeof(SLICE_REQ), (PVOID *)&buf, &bufLen)))
        return STATUS_INVALID_PARAMETER;
    PSLICE_REQ in = (PSLICE_REQ)buf;
    ULONG off = in->Offset;
    ULONG n = in->Count;
    if (off + n > bufLen + 1)
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(kernel, buf + off, n); // expect: copy-pointer, copy-size
    ULONG k = in->Take;
    if (k > bufLen + 1)
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(buf + (bufLen - k), kernel, k); // expect: copy-pointer, copy-size
    PUCHAR mem = ExAllocatePool2(POOL_FLAG_NON_PAGED, n + 12, 'leRc');
    if (mem)
        RtlCopyMemory(mem + (n + 16), kernel, 12); // expect: copy-pointer
    if (off + n > bufLen)
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(kernel, buf + off, n); // expect: copy-size
    return STATUS_SUCCESS;
}

/* 4, twin: off + n <= bufLen keeps buf + off and n bytes from it inside the buffer of bufLen
   bytes; k <= bufLen keeps buf + (bufLen - k) and k bytes there inside; mem + n is inside an
   allocation of n + 12 bytes (the other side of each copy holds the length too: a copy must fit
   both) */
NTSTATUS SliceInside(WDFREQUEST Request, PUCHAR kernel)
{
    PUCHAR buf = NULL;
    size_t bufLen = 0;
    if (!NT_SUCCESS(WdfRequestRetrieveInputBuffer(Request, sizeof(SLICE_REQ), (PVOID *)&buf, &bufLen)))
        return STATUS_INVALID_PARAMETER;
    PSLICE_REQ in = (PSLICE_REQ)buf;
    ULONG off = in->Offset;
    ULONG n = in->Count;
    if (off + n > bufLen)
        return STATUS_INVALID_PARAMETER;
    PUCHAR slice = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, 'leRd');
    if (slice)
        RtlCopyMemory(slice, buf + off, n); // expect: none
    ULONG k = in->Take;
    if (k > bufLen)
        return STATUS_INVALID_PARAMETER;
    PUCHAR tail = ExAllocatePool2(POOL_FLAG_NON_PAGED, k, 'leRe');
    if (tail)
        RtlCopyMemory(buf + (bufLen - k), tail, k); // expect: none
    PUCHAR mem = ExAllocatePool2(POOL_FLAG_NON_PAGED, n + 12, 'leRc');
    if (mem)
        RtlCopyMemory(mem + n, kernel, 12); // expect: none
    return STATUS_SUCCESS;
}
