/* modelling.c - issue 12: what the analysis models about calls, casts and objects that real
 * drivers use and the earlier samples do not show. Each case has a must-find form and a silent
 * twin (or a truly unsafe variant of the shape that a twin stays silent for). */
#include "common.h"

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
