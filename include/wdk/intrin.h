/* intrin.h - drvtaint WDK shim: the MSVC x64 intrinsics drivers use.
 *
 * clang in MS mode knows three kinds of these names, and each needs different handling:
 *  - plain builtins (_InterlockedIncrement, _rotl, __rdtsc, __debugbreak, _ReturnAddress, ...):
 *    usable without a declaration; redeclaring them with another type is an error, so they are
 *    not declared here;
 *  - "library" builtins (__cpuid, _BitScanForward, __stosb, __readgsqword, ...): C code must
 *    declare them first, with exactly clang's type; declared below with that type (checked
 *    against clang 19 in C and C++);
 *  - everything else (__readmsr, __inbyte, __writecr0, __movsb, __vmx_*, ...): ordinary
 *    functions here, with the documented prototypes, so a call is an ordinary call the
 *    analysis sees. */
#pragma once
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

/* ---- library builtins: clang's exact types ---- */
void *_AddressOfReturnAddress(void);
unsigned char _BitScanForward(unsigned long *Index, unsigned long Mask);
unsigned char _BitScanForward64(unsigned long *Index, unsigned long long Mask);
unsigned char _BitScanReverse(unsigned long *Index, unsigned long Mask);
unsigned char _BitScanReverse64(unsigned long *Index, unsigned long long Mask);
long long _InterlockedAnd64(volatile long long *Destination, long long Value);
unsigned char _InterlockedCompareExchange128(volatile long long *Destination, long long ExchangeHigh, long long ExchangeLow, long long *ComparandResult);
long long _InterlockedDecrement64(volatile long long *Addend);
long long _InterlockedExchange64(volatile long long *Target, long long Value);
long long _InterlockedExchangeAdd64(volatile long long *Addend, long long Value);
long long _InterlockedIncrement64(volatile long long *Addend);
long long _InterlockedOr64(volatile long long *Destination, long long Value);
long long _InterlockedXor64(volatile long long *Destination, long long Value);
void _ReadBarrier(void);
void _WriteBarrier(void);
void __cpuid(int CpuInfo[4], int FunctionId);
void __cpuidex(int CpuInfo[4], int FunctionId, int SubFunctionId);
long long __emul(int a, int b);
unsigned long long __emulu(unsigned int a, unsigned int b);
void __faststorefence(void);
__declspec(noreturn) void __int2c(void);
long long __mulh(long long a, long long b);
unsigned char __readfsbyte(unsigned long Offset);
unsigned long __readfsdword(unsigned long Offset);
unsigned long long __readfsqword(unsigned long Offset);
unsigned short __readfsword(unsigned long Offset);
unsigned char __readgsbyte(unsigned long Offset);
unsigned long __readgsdword(unsigned long Offset);
unsigned long long __readgsqword(unsigned long Offset);
unsigned short __readgsword(unsigned long Offset);
unsigned long long __shiftleft128(unsigned long long LowPart, unsigned long long HighPart, unsigned char Shift);
unsigned long long __shiftright128(unsigned long long LowPart, unsigned long long HighPart, unsigned char Shift);
void __stosb(unsigned char *Destination, unsigned char Data, unsigned long long Count);
__declspec(noreturn) void __ud2(void);
unsigned long long __umulh(unsigned long long a, unsigned long long b);
unsigned long long _byteswap_uint64(unsigned long long Value);
unsigned long _byteswap_ulong(unsigned long Value);
unsigned short _byteswap_ushort(unsigned short Value);
void _mm_clflush(const void *Address);
unsigned int _mm_getcsr(void);
void _mm_lfence(void);
void _mm_mfence(void);
void _mm_pause(void);
void _mm_setcsr(unsigned int Value);
void _mm_sfence(void);
long long _mul128(long long Multiplier, long long Multiplicand, long long *HighProduct);
unsigned long long _umul128(unsigned long long Multiplier, unsigned long long Multiplicand, unsigned long long *HighProduct);
unsigned long long _xgetbv(unsigned int Xcr);
void _xsetbv(unsigned int Xcr, unsigned long long Value);

/* ---- model-specific registers, ports, control and debug registers ---- */
unsigned __int64 __readmsr(unsigned long Register);
void __writemsr(unsigned long Register, unsigned __int64 Value);
unsigned __int64 __readpmc(unsigned long Counter);
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
unsigned __int64 __readeflags(void);
void __writeeflags(unsigned __int64 Value);
unsigned __int64 __getcallerseflags(void);

/* ---- processor control ---- */
void __halt(void);
void _disable(void);
void _enable(void);
void __nop(void);
void __invlpg(void *Address);
void __wbinvd(void);
void __lidt(void *Source);
void __sidt(void *Destination);
void _lgdt(void *Source);
void _sgdt(void *Destination);
unsigned long __segmentlimit(unsigned long Selector);
unsigned __int64 __rdtscp(unsigned int *Aux);
void _fxsave(void *Memory);
void _fxrstor(void const *Memory);
void _xsave(void *Memory, unsigned __int64 Mask);
void _xrstor(void const *Memory, unsigned __int64 Mask);
int _rdrand16_step(unsigned short *Value);
int _rdrand32_step(unsigned int *Value);
int _rdrand64_step(unsigned __int64 *Value);
int _rdseed32_step(unsigned int *Value);
int _rdseed64_step(unsigned __int64 *Value);
unsigned __int64 _readfsbase_u64(void);
unsigned __int64 _readgsbase_u64(void);
void _writefsbase_u64(unsigned __int64 Value);
void _writegsbase_u64(unsigned __int64 Value);

/* ---- segment-relative access ---- */
void __writegsbyte(unsigned long Offset, unsigned char Data);
void __writegsword(unsigned long Offset, unsigned short Data);
void __writegsdword(unsigned long Offset, unsigned long Data);
void __writegsqword(unsigned long Offset, unsigned __int64 Data);
void __incgsbyte(unsigned long Offset);
void __incgsword(unsigned long Offset);
void __incgsdword(unsigned long Offset);
void __incgsqword(unsigned long Offset);
void __addgsbyte(unsigned long Offset, unsigned char Value);
void __addgsword(unsigned long Offset, unsigned short Value);
void __addgsdword(unsigned long Offset, unsigned long Value);
void __addgsqword(unsigned long Offset, unsigned __int64 Value);

/* ---- string moves and stores (rep movs / rep stos) ---- */
void __movsb(unsigned char *Destination, unsigned char const *Source, size_t Count);
void __movsw(unsigned short *Destination, unsigned short const *Source, size_t Count);
void __movsd(unsigned long *Destination, unsigned long const *Source, size_t Count);
void __movsq(unsigned __int64 *Destination, unsigned __int64 const *Source, size_t Count);
void __stosw(unsigned short *Destination, unsigned short Data, size_t Count);
void __stosd(unsigned long *Destination, unsigned long Data, size_t Count);
void __stosq(unsigned __int64 *Destination, unsigned __int64 Data, size_t Count);

/* ---- virtualization ---- */
unsigned char __vmx_on(unsigned __int64 *VmsSupportPhysicalAddress);
void __vmx_off(void);
unsigned char __vmx_vmclear(unsigned __int64 *VmcsPhysicalAddress);
unsigned char __vmx_vmlaunch(void);
unsigned char __vmx_vmptrld(unsigned __int64 *VmcsPhysicalAddress);
void __vmx_vmptrst(unsigned __int64 *VmcsPhysicalAddress);
unsigned char __vmx_vmread(size_t Field, size_t *FieldValue);
unsigned char __vmx_vmresume(void);
unsigned char __vmx_vmwrite(size_t Field, size_t FieldValue);
void __svm_clgi(void);
void __svm_invlpga(void *Va, int Asid);
void __svm_skinit(int SlbAddress);
void __svm_stgi(void);
void __svm_vmload(size_t VmcbPhysicalAddress);
void __svm_vmrun(size_t VmcbPhysicalAddress);
void __svm_vmsave(size_t VmcbPhysicalAddress);

#ifdef __cplusplus
}
#endif
