#include <ntddk.h>
void f(PIRP Irp, ULONG *in)
{
    /* drvtaint-ignore[msr-read]: in a block comment */
    __readmsr(*in);
    __readmsr(*in); /* drvtaint-ignore[DT1001, dt1102]: by code */ // drvtaint-ignore[msr-raed]: typo
    /* drvtaint-ignore[port-read]: unterminated
    #pragma prefast(suppress: port-wirte, "typo in a pragma")
    #pragma prefast(suppress: 6387, "prefast's own")
    #pragma prefast(suppress: DT9999, "no such code")
}
