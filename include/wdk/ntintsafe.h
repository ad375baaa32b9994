/* ntintsafe.h - drvtaint WDK shim: overflow-checked integer arithmetic. */
#pragma once
#include "wdk_base.h"
DT_BEGIN
NTSTATUS RtlULongAdd(ULONG ulAugend, ULONG ulAddend, ULONG *pulResult);
NTSTATUS RtlULongSub(ULONG ulMinuend, ULONG ulSubtrahend, ULONG *pulResult);
NTSTATUS RtlULongMult(ULONG ulMultiplicand, ULONG ulMultiplier, ULONG *pulResult);
NTSTATUS RtlSizeTAdd(SIZE_T Augend, SIZE_T Addend, SIZE_T *pResult);
NTSTATUS RtlSizeTSub(SIZE_T Minuend, SIZE_T Subtrahend, SIZE_T *pResult);
NTSTATUS RtlSizeTMult(SIZE_T Multiplicand, SIZE_T Multiplier, SIZE_T *pResult);
NTSTATUS RtlULongLongAdd(ULONGLONG Augend, ULONGLONG Addend, ULONGLONG *pResult);
NTSTATUS RtlULongLongMult(ULONGLONG Multiplicand, ULONGLONG Multiplier, ULONGLONG *pResult);
NTSTATUS RtlULongPtrAdd(ULONG_PTR Augend, ULONG_PTR Addend, ULONG_PTR *pResult);
NTSTATUS RtlUIntAdd(UINT Augend, UINT Addend, UINT *pResult);
NTSTATUS RtlUShortAdd(USHORT Augend, USHORT Addend, USHORT *pResult);
NTSTATUS RtlULongLongToULong(ULONGLONG Operand, ULONG *pResult);
NTSTATUS RtlSizeTToULong(SIZE_T Operand, ULONG *pResult);
NTSTATUS RtlULongToUShort(ULONG Operand, USHORT *pResult);
DT_END
