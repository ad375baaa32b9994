/* wdk_wil.h - drvtaint WDK shim: the part of the Windows Implementation Library (WIL, the open
 * C++ header library github.com/microsoft/wil, documented on its wiki) that kernel drivers use:
 * the wistd type utilities (integral_constant, move, forward, unique_ptr), the RAII holders
 * wil::unique_any and wil::unique_handle, wil::make_unique_nothrow and the WI_* flag macros.
 * Small templates with the documented members, written for drvtaint so that driver bodies using
 * them parse; they are not WIL. The RETURN_IF_* error macros are left out on purpose: the
 * NetAdapterCx and ACX samples define their own RETURN_* through WPP or their trace headers,
 * and a macro here would turn those declarations into errors. C gets nothing (WIL is C++). */
#pragma once
#include "wdk_new.h"

/* WI_* flag helpers (wil/common.h); plain expressions, usable from C too */
#define WI_IsFlagSet(val, flag) (((val) & (flag)) == (flag))
#define WI_IsFlagClear(val, flag) (((val) & (flag)) == 0)
#define WI_IsAnyFlagSet(val, flags) (((val) & (flags)) != 0)
#define WI_AreAllFlagsSet(val, flags) (((val) & (flags)) == (flags))
#define WI_IsAnyFlagClear(val, flags) (((val) & (flags)) != (flags))
#define WI_AreAllFlagsClear(val, flags) (((val) & (flags)) == 0)
#define WI_IsSingleFlagSet(val) ((val) != 0 && (((val) & ((val) - 1)) == 0))
#define WI_SetFlag(var, flag) ((var) |= (flag))
#define WI_ClearFlag(var, flag) ((var) &= ~(flag))
#define WI_SetAllFlags(var, flags) ((var) |= (flags))
#define WI_ClearAllFlags(var, flags) ((var) &= ~(flags))
#define WI_UpdateFlag(var, flag, isFlagSet) ((isFlagSet) ? WI_SetFlag(var, flag) : WI_ClearFlag(var, flag))
#define WI_ToggleFlag(var, flag) ((var) ^= (flag))
#define WI_ARRAYSIZE(a) (sizeof(a) / sizeof((a)[0]))
#ifndef WI_NOEXCEPT
#define WI_NOEXCEPT noexcept
#endif

#ifdef __cplusplus
namespace wistd {
template <class T, T v> struct integral_constant {
    static constexpr T value = v;
    typedef T value_type;
    typedef integral_constant type;
    constexpr operator value_type() const noexcept { return value; }
    constexpr value_type operator()() const noexcept { return value; }
};
typedef integral_constant<bool, true> true_type;
typedef integral_constant<bool, false> false_type;
template <class T> struct remove_reference { typedef T type; };
template <class T> struct remove_reference<T &> { typedef T type; };
template <class T> struct remove_reference<T &&> { typedef T type; };
template <class T> using remove_reference_t = typename remove_reference<T>::type;
template <class T> struct remove_pointer { typedef T type; };
template <class T> struct remove_pointer<T *> { typedef T type; };
template <bool B, class T = void> struct enable_if {};
template <class T> struct enable_if<true, T> { typedef T type; };
template <class T, class U> struct is_same : false_type {};
template <class T> struct is_same<T, T> : true_type {};
template <class T> constexpr typename remove_reference<T>::type &&move(T &&t) noexcept
{
    return static_cast<typename remove_reference<T>::type &&>(t);
}
template <class T> constexpr T &&forward(typename remove_reference<T>::type &t) noexcept
{
    return static_cast<T &&>(t);
}
template <class T> constexpr T &&forward(typename remove_reference<T>::type &&t) noexcept
{
    return static_cast<T &&>(t);
}
template <class T> void swap(T &a, T &b) noexcept
{
    T t(wistd::move(a));
    a = wistd::move(b);
    b = wistd::move(t);
}
template <class T> struct default_delete {
    void operator()(T *p) const noexcept { delete p; }
};
template <class T> struct default_delete<T[]> {
    void operator()(T *p) const noexcept { delete[] p; }
};
template <class T, class D = default_delete<T>> class unique_ptr {
  public:
    typedef T element_type;
    typedef T *pointer;
    typedef D deleter_type;
    constexpr unique_ptr() noexcept : m_ptr(nullptr) {}
    constexpr unique_ptr(decltype(nullptr)) noexcept : m_ptr(nullptr) {}
    explicit unique_ptr(T *p) noexcept : m_ptr(p) {}
    unique_ptr(unique_ptr &&other) noexcept : m_ptr(other.release()) {}
    template <class U, class E> unique_ptr(unique_ptr<U, E> &&other) noexcept : m_ptr(other.release()) {}
    unique_ptr(const unique_ptr &) = delete;
    unique_ptr &operator=(const unique_ptr &) = delete;
    unique_ptr &operator=(unique_ptr &&other) noexcept
    {
        reset(other.release());
        return *this;
    }
    unique_ptr &operator=(decltype(nullptr)) noexcept
    {
        reset();
        return *this;
    }
    ~unique_ptr() { reset(); }
    T *get() const noexcept { return m_ptr; }
    T *release() noexcept
    {
        T *p = m_ptr;
        m_ptr = nullptr;
        return p;
    }
    void reset(T *p = nullptr) noexcept
    {
        T *old = m_ptr;
        m_ptr = p;
        if (old)
            D()(old);
    }
    T &operator*() const { return *m_ptr; }
    T *operator->() const noexcept { return m_ptr; }
    explicit operator bool() const noexcept { return m_ptr != nullptr; }
    void swap(unique_ptr &other) noexcept
    {
        T *p = m_ptr;
        m_ptr = other.m_ptr;
        other.m_ptr = p;
    }

  private:
    T *m_ptr;
};
template <class T, class D> class unique_ptr<T[], D> {
  public:
    constexpr unique_ptr() noexcept : m_ptr(nullptr) {}
    constexpr unique_ptr(decltype(nullptr)) noexcept : m_ptr(nullptr) {}
    explicit unique_ptr(T *p) noexcept : m_ptr(p) {}
    unique_ptr(unique_ptr &&other) noexcept : m_ptr(other.release()) {}
    unique_ptr(const unique_ptr &) = delete;
    unique_ptr &operator=(const unique_ptr &) = delete;
    unique_ptr &operator=(unique_ptr &&other) noexcept
    {
        reset(other.release());
        return *this;
    }
    ~unique_ptr() { reset(); }
    T *get() const noexcept { return m_ptr; }
    T *release() noexcept
    {
        T *p = m_ptr;
        m_ptr = nullptr;
        return p;
    }
    void reset(T *p = nullptr) noexcept
    {
        T *old = m_ptr;
        m_ptr = p;
        if (old)
            D()(old);
    }
    T &operator[](size_t i) const { return m_ptr[i]; }
    explicit operator bool() const noexcept { return m_ptr != nullptr; }

  private:
    T *m_ptr;
};
template <class T, class D> bool operator==(const unique_ptr<T, D> &p, decltype(nullptr)) noexcept
{
    return !p;
}
template <class T, class D> bool operator!=(const unique_ptr<T, D> &p, decltype(nullptr)) noexcept
{
    return static_cast<bool>(p);
}
} /* namespace wistd */

namespace wil {
/* unique_any<pointer_storage, close_fn_t, close_fn>: owns a value and calls close_fn on it */
template <typename T, typename close_fn_t, close_fn_t close_fn, typename pointer_access = void,
          typename pointer_storage = T, typename invalid_t = T, invalid_t invalid = invalid_t()>
class unique_any {
  public:
    typedef T pointer;
    unique_any() noexcept : m_value(invalid) {}
    unique_any(decltype(nullptr)) noexcept : m_value(invalid) {}
    explicit unique_any(T value) noexcept : m_value(value) {}
    unique_any(unique_any &&other) noexcept : m_value(other.release()) {}
    unique_any(const unique_any &) = delete;
    unique_any &operator=(const unique_any &) = delete;
    unique_any &operator=(unique_any &&other) noexcept
    {
        reset(other.release());
        return *this;
    }
    unique_any &operator=(decltype(nullptr)) noexcept
    {
        reset();
        return *this;
    }
    ~unique_any() { reset(); }
    T get() const noexcept { return m_value; }
    bool is_valid() const noexcept { return m_value != invalid; }
    explicit operator bool() const noexcept { return is_valid(); }
    void reset(T value = invalid) noexcept
    {
        T old = m_value;
        m_value = value;
        if (old != invalid)
            close_fn(old);
    }
    void reset(decltype(nullptr)) noexcept { reset(); }
    T release() noexcept
    {
        T v = m_value;
        m_value = invalid;
        return v;
    }
    T *addressof() noexcept { return &m_value; }
    T *put() noexcept
    {
        reset();
        return &m_value;
    }
    T *operator&() noexcept { return put(); }
    void swap(unique_any &other) noexcept
    {
        T v = m_value;
        m_value = other.m_value;
        other.m_value = v;
    }

  private:
    T m_value;
};
namespace details {
inline void close_handle(HANDLE h) noexcept { (void)h; }
} /* namespace details */
typedef unique_any<HANDLE, decltype(&details::close_handle), &details::close_handle> unique_handle;
typedef unique_handle unique_kernel_handle;
template <class T, class... Args> wistd::unique_ptr<T> make_unique_nothrow(Args &&...args)
{
    return wistd::unique_ptr<T>(new (std::nothrow) T(wistd::forward<Args>(args)...));
}
template <class T> T *com_raw_ptr(T *p) noexcept { return p; }
/* com.h: a COM smart pointer with the documented accessors */
template <class T> class com_ptr_nothrow {
  public:
    com_ptr_nothrow() noexcept : m_ptr(nullptr) {}
    com_ptr_nothrow(decltype(nullptr)) noexcept : m_ptr(nullptr) {}
    com_ptr_nothrow(T *p) noexcept : m_ptr(p) {}
    T *get() const noexcept { return m_ptr; }
    T *operator->() const noexcept { return m_ptr; }
    T &operator*() const noexcept { return *m_ptr; }
    T **put() noexcept
    {
        m_ptr = nullptr;
        return &m_ptr;
    }
    T **addressof() noexcept { return &m_ptr; }
    T **operator&() noexcept { return put(); }
    T *detach() noexcept
    {
        T *p = m_ptr;
        m_ptr = nullptr;
        return p;
    }
    void attach(T *p) noexcept { m_ptr = p; }
    void reset() noexcept { m_ptr = nullptr; }
    explicit operator bool() const noexcept { return m_ptr != nullptr; }

  private:
    T *m_ptr;
};
template <class T> using com_ptr = com_ptr_nothrow<T>;
template <class T> using com_ptr_failfast = com_ptr_nothrow<T>;
} /* namespace wil */
#endif
