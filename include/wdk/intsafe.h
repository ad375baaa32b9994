/* intsafe.h - drvtaint WDK shim: the user-mode (HRESULT) form of the overflow-checked integer
 * routines that UMDF drivers and shared code use, from the intsafe.h reference; kernel code uses
 * the Rtl* forms of ntintsafe.h. */
#pragma once
#include "wdk_base.h"

DT_BEGIN

#define INTSAFE_E_ARITHMETIC_OVERFLOW ((HRESULT)0x80070216L)
HRESULT UShortAdd(USHORT usAugend, USHORT usAddend, USHORT *pusResult);
HRESULT UShortSub(USHORT usMinuend, USHORT usSubtrahend, USHORT *pusResult);
HRESULT UShortMult(USHORT usMultiplicand, USHORT usMultiplier, USHORT *pusResult);
HRESULT UIntAdd(UINT uAugend, UINT uAddend, UINT *puResult);
HRESULT UIntSub(UINT uMinuend, UINT uSubtrahend, UINT *puResult);
HRESULT UIntMult(UINT uMultiplicand, UINT uMultiplier, UINT *puResult);
HRESULT ULongAdd(ULONG ulAugend, ULONG ulAddend, ULONG *pulResult);
HRESULT ULongSub(ULONG ulMinuend, ULONG ulSubtrahend, ULONG *pulResult);
HRESULT ULongMult(ULONG ulMultiplicand, ULONG ulMultiplier, ULONG *pulResult);
HRESULT ULongLongAdd(ULONGLONG ullAugend, ULONGLONG ullAddend, ULONGLONG *pullResult);
HRESULT ULongLongSub(ULONGLONG ullMinuend, ULONGLONG ullSubtrahend, ULONGLONG *pullResult);
HRESULT ULongLongMult(ULONGLONG ullMultiplicand, ULONGLONG ullMultiplier, ULONGLONG *pullResult);
HRESULT ULongPtrAdd(ULONG_PTR ulAugend, ULONG_PTR ulAddend, ULONG_PTR *pulResult);
HRESULT ULongPtrSub(ULONG_PTR ulMinuend, ULONG_PTR ulSubtrahend, ULONG_PTR *pulResult);
HRESULT ULongPtrMult(ULONG_PTR ulMultiplicand, ULONG_PTR ulMultiplier, ULONG_PTR *pulResult);
HRESULT SizeTAdd(size_t Augend, size_t Addend, size_t *pResult);
HRESULT SizeTSub(size_t Minuend, size_t Subtrahend, size_t *pResult);
HRESULT SizeTMult(size_t Multiplicand, size_t Multiplier, size_t *pResult);
HRESULT IntAdd(INT iAugend, INT iAddend, INT *piResult);
HRESULT LongAdd(LONG lAugend, LONG lAddend, LONG *plResult);
HRESULT ULongLongToULong(ULONGLONG ullOperand, ULONG *pulResult);
HRESULT ULongLongToUInt(ULONGLONG ullOperand, UINT *puResult);
HRESULT ULongLongToSizeT(ULONGLONG ullOperand, size_t *pResult);
HRESULT SizeTToULong(size_t Operand, ULONG *pulResult);
HRESULT SizeTToUInt(size_t Operand, UINT *puResult);
HRESULT SizeTToUShort(size_t Operand, USHORT *pusResult);
HRESULT ULongToUShort(ULONG ulOperand, USHORT *pusResult);
HRESULT ULongToUChar(ULONG ulOperand, UCHAR *pch);
HRESULT ULongToLong(ULONG ulOperand, LONG *plResult);
HRESULT ULongToInt(ULONG ulOperand, INT *piResult);
HRESULT LongToULong(LONG lOperand, ULONG *pulResult);
HRESULT IntToUInt(INT iOperand, UINT *puResult);
HRESULT UIntToUShort(UINT uOperand, USHORT *pusResult);
HRESULT UIntToUChar(UINT uOperand, UCHAR *pch);
#define DWordAdd ULongAdd
#define DWordSub ULongSub
#define DWordMult ULongMult
#define DWordPtrAdd ULongPtrAdd
#define DWordPtrSub ULongPtrSub
#define DWordPtrMult ULongPtrMult
#define SIZETAdd SizeTAdd
#define SIZETSub SizeTSub
#define SIZETMult SizeTMult
#define ULongLongToDWord ULongLongToULong
#define SizeTToDWord SizeTToULong
#define DWordToUShort ULongToUShort

DT_END
