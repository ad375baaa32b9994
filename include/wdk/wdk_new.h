/* wdk_new.h - drvtaint WDK shim: the C++ placement and non-throwing operator new forms (<new>,
 * <new.h>) that kernel C++ drivers use to construct objects in WDF context memory. The global
 * operator new(size_t) itself is declared by the compiler; the driver defines it. The guard
 * names are the ones the MSVC headers use, so a driver that declares these itself still parses. */
#pragma once
#include "wdk_base.h"
#ifdef __cplusplus
#ifndef __NOTHROW_T_DEFINED
#define __NOTHROW_T_DEFINED
namespace std {
struct nothrow_t {
    explicit nothrow_t() = default;
};
extern nothrow_t const nothrow;
} /* namespace std */
#endif
void *__cdecl operator new(__SIZE_TYPE__ Size, std::nothrow_t const &);
void *__cdecl operator new[](__SIZE_TYPE__ Size, std::nothrow_t const &);
#ifndef __PLACEMENT_NEW_INLINE
#define __PLACEMENT_NEW_INLINE
inline void *__cdecl operator new(__SIZE_TYPE__ Size, void *Where) noexcept
{
    (void)Size;
    return Where;
}
inline void __cdecl operator delete(void *, void *) noexcept {}
#endif
#ifndef __PLACEMENT_VEC_NEW_INLINE
#define __PLACEMENT_VEC_NEW_INLINE
inline void *__cdecl operator new[](__SIZE_TYPE__ Size, void *Where) noexcept
{
    (void)Size;
    return Where;
}
inline void __cdecl operator delete[](void *, void *) noexcept {}
#endif
#endif
