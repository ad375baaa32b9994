/* stdunk.h - drvtaint WDK shim: CUnknown, the aggregatable IUnknown base class of port class
 * miniports, and the DECLARE_STD_UNKNOWN / DEFINE_STD_CONSTRUCTOR / STD_CREATE_BODY helpers, as
 * the stdunk.h reference documents them (C++ only). The pool operators new/delete are declared
 * here and defined by the driver (_NEW_DELETE_OPERATORS_), as with the WDK. */
#pragma once
#include "wdk_base.h"
#include "wdk_com.h"
#ifdef __cplusplus
class CUnknown : public INonDelegatingUnknown {
private:
    LONG m_lRefCount;
    PUNKNOWN m_pUnknownOuter;

public:
    CUnknown(PUNKNOWN pUnknownOuter);
    virtual ~CUnknown(void);
    PUNKNOWN GetOuterUnknown(void) { return m_pUnknownOuter; }
    STDMETHODIMP_(ULONG) NonDelegatingAddRef(void);
    STDMETHODIMP_(ULONG) NonDelegatingRelease(void);
    STDMETHODIMP_(NTSTATUS) NonDelegatingQueryInterface(REFIID rIID, PVOID *ppVoid);
};
typedef CUnknown *PCUNKNOWN;

#define DECLARE_STD_UNKNOWN() \
    STDMETHODIMP_(NTSTATUS) NonDelegatingQueryInterface(REFIID iid, PVOID *ppvObject); \
    STDMETHODIMP_(NTSTATUS) QueryInterface(REFIID riid, void **ppv) { return GetOuterUnknown()->QueryInterface(riid, ppv); } \
    STDMETHODIMP_(ULONG) AddRef() { return GetOuterUnknown()->AddRef(); } \
    STDMETHODIMP_(ULONG) Release() { return GetOuterUnknown()->Release(); }
#define DEFINE_STD_CONSTRUCTOR(Class) \
    Class(PUNKNOWN pUnknownOuter) : CUnknown(pUnknownOuter) {}
#define QICAST(Type) static_cast<Type>(this)
#define QICASTUNKNOWN(Type) (PUNKNOWN) static_cast<Type>(this)
#define STD_CREATE_BODY_WITH_TAG_(Class, ppUnknown, pUnknownOuter, PoolType, Tag, base) \
    NTSTATUS ntStatus; \
    Class *p = new (PoolType, Tag) Class(pUnknownOuter); \
    if (p) { \
        *ppUnknown = PUNKNOWN((base)(p)); \
        (*ppUnknown)->AddRef(); \
        ntStatus = STATUS_SUCCESS; \
    } else { \
        ntStatus = STATUS_INSUFFICIENT_RESOURCES; \
    } \
    return ntStatus
#define STD_CREATE_BODY_WITH_TAG(Class, ppUnknown, pUnknownOuter, PoolType, Tag) \
    STD_CREATE_BODY_WITH_TAG_(Class, ppUnknown, pUnknownOuter, PoolType, Tag, PUNKNOWN)
#define STD_CREATE_BODY_(Class, ppUnknown, pUnknownOuter, PoolType, base) \
    STD_CREATE_BODY_WITH_TAG_(Class, ppUnknown, pUnknownOuter, PoolType, 'rCcP', base)
#define STD_CREATE_BODY(Class, ppUnknown, pUnknownOuter, PoolType) \
    STD_CREATE_BODY_(Class, ppUnknown, pUnknownOuter, PoolType, PUNKNOWN)

#ifndef _NEW_DELETE_OPERATORS_
#define _NEW_DELETE_OPERATORS_
PVOID operator new(size_t iSize, POOL_FLAGS poolFlags);
PVOID operator new(size_t iSize, POOL_FLAGS poolFlags, ULONG tag);
void __cdecl operator delete(PVOID pVoid, ULONG tag);
#endif
#endif
