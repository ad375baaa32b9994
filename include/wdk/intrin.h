/* intrin.h - drvtaint WDK shim: the MSVC x64 intrinsics drivers use for privileged access.
 * Intrinsics clang already knows in MS mode (_Interlocked*, __cpuid, __readgsqword, ...) are
 * builtins and are not redeclared. */
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
unsigned __int64 __readmsr(unsigned long Register);
void __writemsr(unsigned long Register, unsigned __int64 Value);
unsigned char __inbyte(unsigned short Port);
unsigned short __inword(unsigned short Port);
unsigned long __indword(unsigned short Port);
void __outbyte(unsigned short Port, unsigned char Data);
void __outword(unsigned short Port, unsigned short Data);
void __outdword(unsigned short Port, unsigned long Data);
void __inbytestring(unsigned short Port, unsigned char *Buffer, unsigned long Count);
void __inwordstring(unsigned short Port, unsigned short *Buffer, unsigned long Count);
void __indwordstring(unsigned short Port, unsigned long *Buffer, unsigned long Count);
void __outbytestring(unsigned short Port, unsigned char *Buffer, unsigned long Count);
void __outwordstring(unsigned short Port, unsigned short *Buffer, unsigned long Count);
void __outdwordstring(unsigned short Port, unsigned long *Buffer, unsigned long Count);
unsigned __int64 __readcr0(void);
unsigned __int64 __readcr2(void);
unsigned __int64 __readcr3(void);
unsigned __int64 __readcr4(void);
unsigned __int64 __readcr8(void);
void __writecr0(unsigned __int64 Data);
void __writecr3(unsigned __int64 Data);
void __writecr4(unsigned __int64 Data);
void __writecr8(unsigned __int64 Data);
unsigned __int64 __readdr(unsigned int DebugRegister);
void __writedr(unsigned int DebugRegister, unsigned __int64 DebugValue);
void __halt(void);
void _disable(void);
void _enable(void);
void __invlpg(void *Address);
void __wbinvd(void);
unsigned __int64 __readeflags(void);
void __writeeflags(unsigned __int64 Value);
void __lidt(void *Source);
void __sidt(void *Destination);
void _lgdt(void *Source);
void _sgdt(void *Destination);
unsigned __int64 __rdtscp(unsigned int *Aux);
void _mm_lfence(void);
void _mm_mfence(void);
void _mm_sfence(void);
#ifdef __cplusplus
}
#endif
