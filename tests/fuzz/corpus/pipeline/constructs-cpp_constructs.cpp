//c++
// cpp_constructs.cpp - the analysis constructs in C++: references, classes, casts, lambdas'
// absence notwithstanding, the same bounds hold on every path.
#include <ntddk.h>
#include <intrin.h>

struct Request {
    ULONG Msr;
    LONG Signed;
    USHORT Port;
    ULONG Length;
    UCHAR Data[16];
};

class Registers {
public:
    static bool IsAllowed(ULONG msr) { return msr == 0x1B || msr == 0x19C; }
    ULONG64 Read(ULONG msr) { return __readmsr(msr); } // expect: msr-read
};

extern "C" NTSTATUS CppConstructs(PIRP Irp)
{
    auto *in = reinterpret_cast<Request *>(Irp->AssociatedIrp.SystemBuffer);
    Registers regs;
    const ULONG &ref = in->Msr;
    __readmsr(ref); // expect: msr-read
    if (in->Msr != 0x1B)
        return STATUS_ACCESS_DENIED;
    __readmsr(static_cast<ULONG>(in->Msr)); // expect: none
    regs.Read(in->Signed);
    if (in->Signed >= 0 && in->Signed < 16)
        __readmsr(static_cast<ULONG>(in->Signed)); // expect: none
    UCHAR local[16];
    if (in->Length > sizeof(local))
        return STATUS_INVALID_PARAMETER;
    memcpy(local, in->Data, in->Length); // expect: none
    for (ULONG i = 0; i < in->Length; i++)
        local[i] ^= 0x5A;
    __outbyte(in->Port, local[0]); // expect: port-write
    return STATUS_SUCCESS;
}
