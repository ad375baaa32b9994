/* copies.c - issue 12: both sides of a copy (item 6) and copies through a mapping of a
 * caller-chosen physical address (item 7). Each case has a must-find form and a silent twin
 * or a truly unsafe variant of the shape its twin stays silent for. */
#include "common.h"

#define COPY_TAG 'ypoC'

/* 6: the length fits the allocation made with it, but the caller wrote it into its data and
   the source is the caller's buffer: the copy reads past SystemBuffer */
NTSTATUS AllocationFitsSourceDoesNot(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    ULONG size = in->Length;
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, size, COPY_TAG);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(copy, Irp->AssociatedIrp.SystemBuffer, size); // expect: copy-size
    ExFreePoolWithTag(copy, COPY_TAG);
    return STATUS_SUCCESS;
}

/* 6, twin: the length the caller wrote is checked against the buffer's own length first (by a
   comparison of two user values: len - 1 <= OutputBufferLength), so the copy stays in SystemBuffer */
NTSTATUS CheckedAgainstTheBufferLength(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PCREQ in = CREQ_OF(Irp);
    ULONG len = in->Length;
    if (sp->Parameters.DeviceIoControl.OutputBufferLength < len - 1)
        return STATUS_BUFFER_TOO_SMALL;
    RtlMoveMemory(Irp->AssociatedIrp.SystemBuffer, in, len - 1); // expect: none
    return STATUS_SUCCESS;
}

/* 6, unsafe: the same check off by one (len <= OutputBufferLength + 1 bytes are copied) */
NTSTATUS CheckedAgainstTheBufferLengthOffByOne(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PCREQ in = CREQ_OF(Irp);
    ULONG len = in->Length;
    if (sp->Parameters.DeviceIoControl.OutputBufferLength < len - 1)
        return STATUS_BUFFER_TOO_SMALL;
    RtlMoveMemory(Irp->AssociatedIrp.SystemBuffer, in, len); // expect: copy-size
    return STATUS_SUCCESS;
}

/* 6, twin: the caller's buffer length sizes the allocation: it fits both sides */
NTSTATUS AllocationOfTheBufferLength(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    ULONG size = sp->Parameters.DeviceIoControl.InputBufferLength;
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, size, COPY_TAG);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(copy, Irp->AssociatedIrp.SystemBuffer, size); // expect: none
    ExFreePoolWithTag(copy, COPY_TAG);
    return STATUS_SUCCESS;
}

/* 6: the allocation fits, the 16-byte source array does not */
NTSTATUS AllocationFitsSourceArrayDoesNot(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, in->Length, COPY_TAG);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(copy, in->Data, in->Length); // expect: copy-size
    ExFreePoolWithTag(copy, COPY_TAG);
    return STATUS_SUCCESS;
}

/* 6, twin: checked against the source array too */
NTSTATUS AllocationAndSourceChecked(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    if (in->Length > sizeof(in->Data))
        return STATUS_INVALID_PARAMETER;
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, in->Length, COPY_TAG);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(copy, in->Data, in->Length); // expect: none
    ExFreePoolWithTag(copy, COPY_TAG);
    return STATUS_SUCCESS;
}

/* 6, precision: the check of the source holds on one path only */
NTSTATUS SourceCheckedOnOnePath(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    if (in->Other == 1 && in->Length > sizeof(in->Data))
        return STATUS_INVALID_PARAMETER;
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, in->Length, COPY_TAG);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(copy, in->Data, in->Length); // expect: copy-size
    ExFreePoolWithTag(copy, COPY_TAG);
    return STATUS_SUCCESS;
}

/* 6, precision: copied out of the allocation into a fixed 16-byte buffer, the source's size
   says nothing about the destination */
NTSTATUS SourceFitsDestinationDoesNot(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    UCHAR local[16];
    ULONG size = in->Length;
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, size, COPY_TAG);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlZeroMemory(copy, size);
    RtlCopyMemory(local, copy, size); // expect: copy-size
    ExFreePoolWithTag(copy, COPY_TAG);
    return STATUS_SUCCESS;
}

/* 7: copies out of and into a mapping of a caller-chosen physical address are the mapping's
   bug: one finding, at the mapping, with the copies as its related locations */
NTSTATUS CopiesThroughAMapping(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = in->Other;
    PUCHAR va = (PUCHAR)MmMapIoSpace(pa, sizeof(in->Data), MmNonCached); // expect: physmem-map
    if (!va)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(in->Data, va, sizeof(in->Data)); // expect: none
    RtlCopyMemory(va + 4, in->Regs, sizeof(in->Regs)); // expect: none
    MmUnmapIoSpace(va, sizeof(in->Data));
    return STATUS_SUCCESS;
}

/* 7, precision: a copy through the mapping is still judged by its length */
NTSTATUS LengthOfACopyThroughAMapping(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = in->Other;
    PUCHAR va = (PUCHAR)MmMapIoSpace(pa, sizeof(in->Data), MmNonCached); // expect: physmem-map
    if (!va)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(in->Data, va, in->Length); // expect: copy-size
    MmUnmapIoSpace(va, sizeof(in->Data));
    return STATUS_SUCCESS;
}

/* 7, precision: the copy goes through another caller-chosen pointer, not the mapping: a bug
   of its own at the copy */
NTSTATUS CopyThroughAnotherPointer(PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    PHYSICAL_ADDRESS pa;
    pa.QuadPart = in->Other;
    PUCHAR va = (PUCHAR)MmMapIoSpace(pa, sizeof(in->Data), MmNonCached); // expect: physmem-map
    if (!va)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory((PVOID)(ULONG_PTR)in->Msr, va, sizeof(in->Data)); // expect: copy-pointer
    MmUnmapIoSpace(va, sizeof(in->Data));
    return STATUS_SUCCESS;
}

/* 7, twin: a mapping of the device's own registers; nothing to report at the copy */
NTSTATUS CopyThroughTheDeviceMapping(PIRP Irp, PCEXT ext)
{
    PCREQ in = CREQ_OF(Irp);
    PUCHAR va = (PUCHAR)MmMapIoSpace(ext->BarStart, ext->BarLength, MmNonCached); // expect: none
    if (!va)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(in->Data, va, sizeof(in->Data)); // expect: none
    MmUnmapIoSpace(va, ext->BarLength);
    return STATUS_SUCCESS;
}

/* 6, across a call: the dispatch checks the length against the request's own output length, a
   helper copies that many bytes into the caller's buffer from an allocation of that length (the
   shape of hardware tools' _read_phys_mem(pa, len, pOutBuf)); the length fits both sides */
static NTSTATUS CopyToCallerChecked(PVOID out, ULONG len)
{
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, len, COPY_TAG);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(out, copy, len); // expect: none
    ExFreePoolWithTag(copy, COPY_TAG);
    return STATUS_SUCCESS;
}

NTSTATUS HelperCopyCheckedByTheCaller(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    ULONG len = CREQ_OF(Irp)->Length;
    if (sp->Parameters.DeviceIoControl.OutputBufferLength < len)
        return STATUS_BUFFER_TOO_SMALL;
    return CopyToCallerChecked(Irp->AssociatedIrp.SystemBuffer, len);
}

/* 6, unsafe: the caller checks another field than the one it hands over */
static NTSTATUS CopyToCallerWrongField(PVOID out, ULONG len)
{
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, len, COPY_TAG);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(out, copy, len); // expect: copy-size
    ExFreePoolWithTag(copy, COPY_TAG);
    return STATUS_SUCCESS;
}

NTSTATUS HelperCopyWrongFieldChecked(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PCREQ in = CREQ_OF(Irp);
    if (sp->Parameters.DeviceIoControl.OutputBufferLength < in->Other)
        return STATUS_BUFFER_TOO_SMALL;
    return CopyToCallerWrongField(Irp->AssociatedIrp.SystemBuffer, in->Length);
}

/* 6, unsafe: the check holds on one path only */
static NTSTATUS CopyToCallerOnePath(PVOID out, ULONG len)
{
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, len, COPY_TAG);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(out, copy, len); // expect: copy-size
    ExFreePoolWithTag(copy, COPY_TAG);
    return STATUS_SUCCESS;
}

NTSTATUS HelperCopyCheckedOnOnePath(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PCREQ in = CREQ_OF(Irp);
    if (in->Msr == 1 && sp->Parameters.DeviceIoControl.OutputBufferLength < in->Length)
        return STATUS_BUFFER_TOO_SMALL;
    return CopyToCallerOnePath(Irp->AssociatedIrp.SystemBuffer, in->Length);
}

/* 6, unsafe: the helper copies one byte more than the caller checked */
static NTSTATUS CopyToCallerOneMore(PVOID out, ULONG len)
{
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, (SIZE_T)len + 1, COPY_TAG);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    len++;
    RtlCopyMemory(out, copy, len); // expect: copy-size
    ExFreePoolWithTag(copy, COPY_TAG);
    return STATUS_SUCCESS;
}

NTSTATUS HelperCopyOneMoreThanChecked(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    ULONG len = CREQ_OF(Irp)->Length;
    if (sp->Parameters.DeviceIoControl.OutputBufferLength < len)
        return STATUS_BUFFER_TOO_SMALL;
    return CopyToCallerOneMore(Irp->AssociatedIrp.SystemBuffer, len);
}

/* 6, across a call, twin: the rest of the request after a 12-byte header, checked as
   InputBufferLength < len + 3 * sizeof(ULONG), copied by a helper into an allocation of len */
static NTSTATUS CopyFromCallerRest(PVOID from, ULONG len)
{
    PUCHAR copy = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, len, COPY_TAG);
    if (!copy)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(copy, from, len); // expect: none
    ExFreePoolWithTag(copy, COPY_TAG);
    return STATUS_SUCCESS;
}

NTSTATUS HelperCopyRestOfTheRequest(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    PUCHAR in = (PUCHAR)Irp->AssociatedIrp.SystemBuffer;
    ULONG len = CREQ_OF(Irp)->Length;
    if (sp->Parameters.DeviceIoControl.InputBufferLength < len + 3 * sizeof(ULONG))
        return STATUS_INVALID_PARAMETER;
    return CopyFromCallerRest(in + 3 * sizeof(ULONG), len);
}

/* 6, across a call, twin: the caller allocates n bytes and hands the helper the buffer with its
   length n; the helper's copy of that length into it stays inside */
static NTSTATUS FillAllocated(PUCHAR dst, ULONG count, PUCHAR src)
{
    RtlCopyMemory(dst, src, count); // expect: none
    return STATUS_SUCCESS;
}

NTSTATUS HelperGetsTheBufferWithItsLength(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    ULONG n = sp->Parameters.DeviceIoControl.InputBufferLength;
    PUCHAR buf = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, n, COPY_TAG);
    if (!buf)
        return STATUS_INSUFFICIENT_RESOURCES;
    FillAllocated(buf, n, (PUCHAR)Irp->AssociatedIrp.SystemBuffer);
    ExFreePoolWithTag(buf, COPY_TAG);
    return STATUS_SUCCESS;
}

/* 6, unsafe: the buffer was allocated with one length and handed over with another */
static NTSTATUS FillOtherLength(PUCHAR dst, ULONG count, PUCHAR src)
{
    RtlCopyMemory(dst, src, count); // expect: copy-size
    return STATUS_SUCCESS;
}

NTSTATUS HelperGetsTheBufferWithAnotherLength(PIRP Irp)
{
    PIO_STACK_LOCATION sp = IoGetCurrentIrpStackLocation(Irp);
    ULONG n = sp->Parameters.DeviceIoControl.InputBufferLength;
    ULONG m = sp->Parameters.DeviceIoControl.OutputBufferLength;
    PUCHAR buf = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, n, COPY_TAG);
    if (!buf)
        return STATUS_INSUFFICIENT_RESOURCES;
    FillOtherLength(buf, m, (PUCHAR)Irp->AssociatedIrp.SystemBuffer);
    ExFreePoolWithTag(buf, COPY_TAG);
    return STATUS_SUCCESS;
}

/* 6: &array[k] designates the rest of the array, &pointer[0] an object of unknown size (not one
   element): a label of at most 22 bytes fits a 32-character array */
typedef struct _LABEL_REQ {
    ULONG Length;
    WCHAR Text[1]; /* ANYSIZE_ARRAY: as long as the request */
} LABEL_REQ, *PLABEL_REQ;

NTSTATUS CopyIntoTheRestOfAnArray(PIRP Irp, PCEXT ext)
{
    PLABEL_REQ in = (PLABEL_REQ)Irp->AssociatedIrp.SystemBuffer;
    WCHAR label[32];
    PWCHAR from = &in->Text[0];
    ULONG n = in->Length;
    UNREFERENCED_PARAMETER(ext);
    if (n > 22)
        return STATUS_INVALID_PARAMETER;
    RtlCopyMemory(&label[0], &from[0], n); // expect: none
    /* unsafe: from element 24 on, 16 bytes are left for up to 22 */
    RtlCopyMemory(&label[24], &from[0], n); // expect: copy-size
    return STATUS_SUCCESS;
}
