// drvtaint-ignore[msr-read]: crlf
__readmsr(x);
#pragma prefast(suppress: msr-read, "r")
