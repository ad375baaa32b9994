#include <ntddk.h>
void f(PIRP Irp, ULONG *in)
{
    // drvtaint-ignore[msr-read]: the calibration tool reads any MSR
    __readmsr(*in);
    __readmsr(*in); // drvtaint-ignore[msr-read, port-write , copy-size]: three at once
    // drvtaint-ignore[port-read]
    // drvtaint-ignore[port-read]:
    // drvtaint-ignore[port-read]:    
    /* drvtaint-ignore[msr-read]: not a line comment */
    // drvtaint-ignore msr-read: no brackets
    // drvtaint-ignore[msr-read: unclosed
    // drvtaint-ignore[]: empty list
    // drvtaint-ignore[,,]: only commas
}
