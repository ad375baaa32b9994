/* wdk_com.h - drvtaint WDK shim: the kernel COM model that ks.h, portcls.h and the audio and camera
 * drivers build on (unknown.h): interface declaration macros, IUnknown, INonDelegatingUnknown,
 * REFIID, the KS-style GUID macros (DEFINE_GUIDSTRUCT, DEFINE_GUIDNAMED, STATICGUIDOF).
 * Written from the documentation of unknown.h, ks.h and the COM macros; not the WDK's text.
 *
 * In C++ an interface is an abstract struct with virtual methods (THIS_ is empty). In C it is a
 * struct holding lpVtbl, and THIS_ is a void pointer, so a C driver's pUnk->lpVtbl->Release(pUnk)
 * parses without the per-header INTERFACE macro that the WDK redefines (it would hide wdm.h's
 * INTERFACE record). */
#pragma once
#include "wdk_base.h"
#include "string.h"

#ifndef interface
#define interface struct
#endif
#define STDMETHODCALLTYPE __stdcall
#define STDMETHODVCALLTYPE __cdecl
#define STDAPICALLTYPE __stdcall
#define DECLSPEC_NOVTABLE __declspec(novtable)
#define DECLSPEC_UUID(x) __declspec(uuid(x))
#define STDAPI EXTERN_C HRESULT STDAPICALLTYPE
#define STDAPI_(type) EXTERN_C type STDAPICALLTYPE
#ifdef __cplusplus
#define STDMETHOD(method) virtual HRESULT STDMETHODCALLTYPE method
#define STDMETHOD_(type, method) virtual type STDMETHODCALLTYPE method
#define STDMETHODV(method) virtual HRESULT STDMETHODVCALLTYPE method
#define STDMETHODV_(type, method) virtual type STDMETHODVCALLTYPE method
#define PURE = 0
#define THIS_
#define THIS void
#define DECLARE_INTERFACE(iface) interface DECLSPEC_NOVTABLE iface
#define DECLARE_INTERFACE_(iface, baseiface) interface DECLSPEC_NOVTABLE iface : public baseiface
#define DECLARE_INTERFACE_IID(iface, iid) interface DECLSPEC_UUID(iid) DECLSPEC_NOVTABLE iface
#define DECLARE_INTERFACE_IID_(iface, baseiface, iid) interface DECLSPEC_UUID(iid) DECLSPEC_NOVTABLE iface : public baseiface
#else
#define STDMETHOD(method) HRESULT(STDMETHODCALLTYPE *method)
#define STDMETHOD_(type, method) type(STDMETHODCALLTYPE *method)
#define STDMETHODV(method) HRESULT(STDMETHODVCALLTYPE *method)
#define STDMETHODV_(type, method) type(STDMETHODVCALLTYPE *method)
#define PURE
#define THIS_ void *This,
#define THIS void *This
#define DECLARE_INTERFACE(iface) \
    typedef interface iface { const struct iface##Vtbl *lpVtbl; } iface; \
    typedef const struct iface##Vtbl iface##Vtbl; \
    struct iface##Vtbl
#define DECLARE_INTERFACE_(iface, baseiface) DECLARE_INTERFACE(iface)
#define DECLARE_INTERFACE_IID(iface, iid) DECLARE_INTERFACE(iface)
#define DECLARE_INTERFACE_IID_(iface, baseiface, iid) DECLARE_INTERFACE(iface)
#endif
#define STDMETHODIMP HRESULT STDMETHODCALLTYPE
#define STDMETHODIMP_(type) type STDMETHODCALLTYPE
#define STDMETHODIMPV HRESULT STDMETHODVCALLTYPE
#define STDMETHODIMPV_(type) type STDMETHODVCALLTYPE

/* ---- interface and class ids ---- */
typedef GUID IID, *LPIID, CLSID, *LPCLSID, FMTID;
#ifdef __cplusplus
typedef const IID &REFIID;
typedef const CLSID &REFCLSID;
typedef const GUID &REFFMTID;
#else
typedef const IID *REFIID;
typedef const CLSID *REFCLSID;
typedef const GUID *REFFMTID;
#endif
#define IID_NULL GUID_NULL
#define CLSID_NULL GUID_NULL
EXTERN_C const GUID GUID_NULL;

#ifdef __cplusplus
#define IsEqualIID(a, b) IsEqualGUID(a, b)
#define IsEqualCLSID(a, b) IsEqualGUID(a, b)
#endif
#ifndef IsEqualGUIDAligned
/* wdm.h: compares two GUID objects (not pointers) as two 64-bit halves */
#define IsEqualGUIDAligned(guid1, guid2) \
    ((*(PLONGLONG)(&(guid1)) == *(PLONGLONG)(&(guid2))) && \
     (*((PLONGLONG)(&(guid1)) + 1) == *((PLONGLONG)(&(guid2)) + 1)))
#endif

/* ks.h GUID helpers. A DEFINE_GUIDSTRUCT declares a GUID object of the name; the driver then
 * writes "#define NAME DEFINE_GUIDNAMED(NAME)", which names that object (a macro does not expand
 * itself again). The WDK uses __declspec(uuid)/__uuidof in C++; the object is the same value. */
#define STATICGUIDOF(guid) STATIC_##guid
#define DEFINE_GUIDEX(name) EXTERN_C const GUID name
#define DEFINE_GUIDSTRUCT(guid, name) DEFINE_GUIDEX(name)
#define DEFINE_GUIDNAMED(name) name
#define DEFINE_WAVEFORMATEX_GUID(x) (USHORT)(x), 0x0000, 0x0010, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71
#define INIT_WAVEFORMATEX_GUID(Guid, x) \
    { *(Guid) = KSDATAFORMAT_SUBTYPE_WAVEFORMATEX; (Guid)->Data1 = (USHORT)(x); }
#define EXTRACT_WAVEFORMATEX_ID(Guid) (USHORT)((Guid)->Data1)
#define IS_VALID_WAVEFORMATEX_GUID(Guid) \
    (!memcmp(((PUSHORT)&KSDATAFORMAT_SUBTYPE_WAVEFORMATEX) + 1, ((PUSHORT)(Guid)) + 1, sizeof(GUID) - sizeof(USHORT)))
#define SIZEOF_ARRAY(ar) (sizeof(ar) / sizeof((ar)[0]))

/* ---- unknown.h ---- */
#ifdef __cplusplus
extern "C++" {
#endif
DECLARE_INTERFACE(IUnknown)
{
    STDMETHOD_(NTSTATUS, QueryInterface)(THIS_ REFIID InterfaceId, PVOID *Interface) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
};
typedef IUnknown *PUNKNOWN, *LPUNKNOWN;

DECLARE_INTERFACE(INonDelegatingUnknown)
{
    STDMETHOD_(NTSTATUS, NonDelegatingQueryInterface)(THIS_ REFIID InterfaceId, PVOID *Interface) PURE;
    STDMETHOD_(ULONG, NonDelegatingAddRef)(THIS) PURE;
    STDMETHOD_(ULONG, NonDelegatingRelease)(THIS) PURE;
};
typedef INonDelegatingUnknown *PNONDELEGATINGUNKNOWN;
#ifdef __cplusplus
}
#endif
DEFINE_GUID(IID_IUnknown, 0x00000000, 0x0000, 0x0000, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);

/* the three IUnknown methods inside another interface's declaration */
#define DEFINE_ABSTRACT_UNKNOWN() \
    STDMETHOD_(NTSTATUS, QueryInterface)(THIS_ REFIID InterfaceId, PVOID *Interface) PURE; \
    STDMETHOD_(ULONG, AddRef)(THIS) PURE; \
    STDMETHOD_(ULONG, Release)(THIS) PURE;

typedef HRESULT(__stdcall *PFNCREATEINSTANCE)(PUNKNOWN *Unknown, REFCLSID ClassId, PUNKNOWN OuterUnknown,
                                              POOL_TYPE PoolType);
