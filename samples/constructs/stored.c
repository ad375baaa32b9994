/* stored.c - user values kept between requests (a global, the device extension) and handed to
 * deferred work (a work item, a DPC, a system thread). The IOCTL that stores is not the one
 * that uses: each dispatch routine is judged with what any request may have kept. */
#include "common.h"

typedef struct _STORE_EXT {
    ULONG Msr;        /* set from a request, unchecked */
    ULONG CheckedMsr; /* set from a request after a range check */
    USHORT Port;
    PIO_WORKITEM Item;
    KDPC Dpc;
} STORE_EXT, *PSTORE_EXT;

static ULONG g_Msr;     /* set unchecked */
static ULONG g_SafeMsr; /* set after a check */

NTSTATUS StoreValues(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    PSTORE_EXT ext = (PSTORE_EXT)DeviceObject->DeviceExtension;
    g_Msr = in->Msr;
    ext->Msr = in->Msr;
    ext->Port = in->Port;
    if (in->Other > 0x1F)
        return STATUS_INVALID_PARAMETER;
    g_SafeMsr = in->Other;
    ext->CheckedMsr = in->Other;
    return STATUS_SUCCESS;
}

NTSTATUS UseValues(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PSTORE_EXT ext = (PSTORE_EXT)DeviceObject->DeviceExtension;
    UNREFERENCED_PARAMETER(Irp);
    __readmsr(g_Msr); // expect: msr-read
    __readmsr(ext->Msr); // expect: msr-read
    __readmsr(g_SafeMsr); // expect: none
    __readmsr(ext->CheckedMsr); // expect: none
    return STATUS_SUCCESS;
}

/* Deferred work: the routine runs later with the context its queuer passed. */
typedef struct _WORK_CTX {
    USHORT Port;
    ULONG Msr;
} WORK_CTX, *PWORK_CTX;

static VOID PortWorker(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    __outbyte(((PWORK_CTX)Context)->Port, 0); // expect: port-write
}

static VOID MsrDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    __readmsr(((PWORK_CTX)Context)->Msr); // expect: msr-read
}

static VOID MsrThread(PVOID Context)
{
    __writemsr(((PWORK_CTX)Context)->Msr, 0); // expect: msr-write
}

/* The same routine shape queued only with a checked value. */
static VOID CheckedWorker(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    __outbyte(((PWORK_CTX)Context)->Port, 0); // expect: none
}

NTSTATUS QueueWork(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PCREQ in = CREQ_OF(Irp);
    PSTORE_EXT ext = (PSTORE_EXT)DeviceObject->DeviceExtension;
    PWORK_CTX work = (PWORK_CTX)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(WORK_CTX), 'krow');
    HANDLE thread;
    if (!work)
        return STATUS_INSUFFICIENT_RESOURCES;
    work->Port = in->Port;
    work->Msr = in->Msr;
    IoQueueWorkItem(ext->Item, PortWorker, DelayedWorkQueue, work);
    KeInitializeDpc(&ext->Dpc, MsrDpc, work);
    PsCreateSystemThread(&thread, THREAD_ALL_ACCESS, NULL, NULL, NULL, MsrThread, work);
    if (in->Port < 0x378 || in->Port > 0x37F)
        return STATUS_INVALID_PARAMETER;
    work->Port = in->Port;
    IoQueueWorkItem(ext->Item, CheckedWorker, DelayedWorkQueue, work);
    return STATUS_SUCCESS;
}
