/* math.h - drvtaint WDK shim: the C math library of the CRT (C99 <math.h> as the MSVC CRT documents
 * it: every function in its double, float (f) and long double (l) form, the classification macros,
 * HUGE_VAL/INFINITY/NAN, the _USE_MATH_DEFINES constants and the MSVC-only names drivers use).
 * In C++ the float and long double overloads and the classification functions are functions, as
 * in the CRT, so <cmath> can bring them into std. Kernel drivers and sensor samples use a few. */
#pragma once
#include "wdk_base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef float float_t;
typedef double double_t;

/* one name in its three forms: double f(double), float ff(float), long double fl(long double) */
#define DRVTAINT_MATH_1(n) double n(double x); float n##f(float x); long double n##l(long double x);
#define DRVTAINT_MATH_2(n) \
    double n(double x, double y); float n##f(float x, float y); long double n##l(long double x, long double y);
DRVTAINT_MATH_1(acos) DRVTAINT_MATH_1(asin) DRVTAINT_MATH_1(atan) DRVTAINT_MATH_2(atan2)
DRVTAINT_MATH_1(cos) DRVTAINT_MATH_1(sin) DRVTAINT_MATH_1(tan)
DRVTAINT_MATH_1(acosh) DRVTAINT_MATH_1(asinh) DRVTAINT_MATH_1(atanh)
DRVTAINT_MATH_1(cosh) DRVTAINT_MATH_1(sinh) DRVTAINT_MATH_1(tanh)
DRVTAINT_MATH_1(exp) DRVTAINT_MATH_1(exp2) DRVTAINT_MATH_1(expm1)
DRVTAINT_MATH_1(log) DRVTAINT_MATH_1(log10) DRVTAINT_MATH_1(log1p) DRVTAINT_MATH_1(log2) DRVTAINT_MATH_1(logb)
DRVTAINT_MATH_1(cbrt) DRVTAINT_MATH_1(fabs) DRVTAINT_MATH_2(hypot) DRVTAINT_MATH_2(pow) DRVTAINT_MATH_1(sqrt)
DRVTAINT_MATH_1(erf) DRVTAINT_MATH_1(erfc) DRVTAINT_MATH_1(lgamma) DRVTAINT_MATH_1(tgamma)
DRVTAINT_MATH_1(ceil) DRVTAINT_MATH_1(floor) DRVTAINT_MATH_1(nearbyint) DRVTAINT_MATH_1(rint)
DRVTAINT_MATH_1(round) DRVTAINT_MATH_1(trunc)
DRVTAINT_MATH_2(fmod) DRVTAINT_MATH_2(remainder) DRVTAINT_MATH_2(copysign) DRVTAINT_MATH_2(nextafter)
DRVTAINT_MATH_2(fdim) DRVTAINT_MATH_2(fmax) DRVTAINT_MATH_2(fmin)

double frexp(double x, int *exp); float frexpf(float x, int *exp); long double frexpl(long double x, int *exp);
double ldexp(double x, int exp); float ldexpf(float x, int exp); long double ldexpl(long double x, int exp);
double modf(double x, double *ip); float modff(float x, float *ip); long double modfl(long double x, long double *ip);
double scalbn(double x, int n); float scalbnf(float x, int n); long double scalbnl(long double x, int n);
double scalbln(double x, long n); float scalblnf(float x, long n); long double scalblnl(long double x, long n);
int ilogb(double x); int ilogbf(float x); int ilogbl(long double x);
long lrint(double x); long lrintf(float x); long lrintl(long double x);
long long llrint(double x); long long llrintf(float x); long long llrintl(long double x);
long lround(double x); long lroundf(float x); long lroundl(long double x);
long long llround(double x); long long llroundf(float x); long long llroundl(long double x);
double remquo(double x, double y, int *q); float remquof(float x, float y, int *q);
long double remquol(long double x, long double y, int *q);
double nan(const char *tag); float nanf(const char *tag); long double nanl(const char *tag);
double nexttoward(double x, long double y); float nexttowardf(float x, long double y);
long double nexttowardl(long double x, long double y);
double fma(double x, double y, double z); float fmaf(float x, float y, float z);
long double fmal(long double x, long double y, long double z);

/* MSVC CRT names */
double _hypot(double x, double y); float _hypotf(float x, float y);
double _copysign(double x, double y); float _copysignf(float x, float y);
double _chgsign(double x); float _chgsignf(float x);
double _logb(double x); double _nextafter(double x, double y); double _scalb(double x, long exp);
int _isnan(double x); int _finite(double x); int _fpclass(double x);
int _isnanf(float x); int _finitef(float x);
struct _complex { double x, y; };
double _cabs(struct _complex z);
double _j0(double x); double _j1(double x); double _jn(int n, double x);
double _y0(double x); double _y1(double x); double _yn(int n, double x);

#ifdef __cplusplus
}
#endif
#undef DRVTAINT_MATH_1
#undef DRVTAINT_MATH_2

#define HUGE_VAL __builtin_huge_val()
#define HUGE_VALF __builtin_huge_valf()
#define HUGE_VALL __builtin_huge_vall()
#define INFINITY __builtin_inff()
#define NAN __builtin_nanf("")
#define FP_INFINITE 1
#define FP_NAN 2
#define FP_NORMAL (-1)
#define FP_SUBNORMAL (-2)
#define FP_ZERO 0
#define FP_ILOGB0 (-0x7fffffff - 1)
#define FP_ILOGBNAN 0x7fffffff
#define MATH_ERRNO 1
#define MATH_ERREXCEPT 2
#define math_errhandling (MATH_ERRNO | MATH_ERREXCEPT)
#define _DOMAIN 1
#define _SING 2
#define _OVERFLOW 3
#define _UNDERFLOW 4
#define _TLOSS 5
#define _PLOSS 6

#if defined(_USE_MATH_DEFINES) && !defined(_MATH_DEFINES_DEFINED)
#define _MATH_DEFINES_DEFINED
#define M_E 2.71828182845904523536
#define M_LOG2E 1.44269504088896340736
#define M_LOG10E 0.434294481903251827651
#define M_LN2 0.693147180559945309417
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.785398163397448309616
#define M_1_PI 0.318309886183790671538
#define M_2_PI 0.636619772367581343076
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.707106781186547524401
#endif

#ifndef __cplusplus
/* C: the classification and comparison macros of C99, over clang's type-generic builtins */
#define fpclassify(x) __builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO, (x))
#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf(x)
#define isfinite(x) __builtin_isfinite(x)
#define isnormal(x) __builtin_isnormal(x)
#define signbit(x) __builtin_signbit(x)
#define isgreater(x, y) __builtin_isgreater((x), (y))
#define isgreaterequal(x, y) __builtin_isgreaterequal((x), (y))
#define isless(x, y) __builtin_isless((x), (y))
#define islessequal(x, y) __builtin_islessequal((x), (y))
#define islessgreater(x, y) __builtin_islessgreater((x), (y))
#define isunordered(x, y) __builtin_isunordered((x), (y))
#else
/* C++: the overloads the CRT's math.h gives in C++ (float and long double forms under the double
 * name, abs of floating types) and the classification names as functions */
#define DRVTAINT_MATH_OV1(n) \
    inline float n(float x) { return n##f(x); } inline long double n(long double x) { return n##l(x); }
#define DRVTAINT_MATH_OV2(n) \
    inline float n(float x, float y) { return n##f(x, y); } \
    inline long double n(long double x, long double y) { return n##l(x, y); }
DRVTAINT_MATH_OV1(acos) DRVTAINT_MATH_OV1(asin) DRVTAINT_MATH_OV1(atan) DRVTAINT_MATH_OV2(atan2)
DRVTAINT_MATH_OV1(cos) DRVTAINT_MATH_OV1(sin) DRVTAINT_MATH_OV1(tan)
DRVTAINT_MATH_OV1(acosh) DRVTAINT_MATH_OV1(asinh) DRVTAINT_MATH_OV1(atanh)
DRVTAINT_MATH_OV1(cosh) DRVTAINT_MATH_OV1(sinh) DRVTAINT_MATH_OV1(tanh)
DRVTAINT_MATH_OV1(exp) DRVTAINT_MATH_OV1(exp2) DRVTAINT_MATH_OV1(expm1)
DRVTAINT_MATH_OV1(log) DRVTAINT_MATH_OV1(log10) DRVTAINT_MATH_OV1(log1p) DRVTAINT_MATH_OV1(log2)
DRVTAINT_MATH_OV1(logb) DRVTAINT_MATH_OV1(cbrt) DRVTAINT_MATH_OV1(fabs) DRVTAINT_MATH_OV2(hypot)
DRVTAINT_MATH_OV2(pow) DRVTAINT_MATH_OV1(sqrt) DRVTAINT_MATH_OV1(erf) DRVTAINT_MATH_OV1(erfc)
DRVTAINT_MATH_OV1(lgamma) DRVTAINT_MATH_OV1(tgamma) DRVTAINT_MATH_OV1(ceil) DRVTAINT_MATH_OV1(floor)
DRVTAINT_MATH_OV1(nearbyint) DRVTAINT_MATH_OV1(rint) DRVTAINT_MATH_OV1(round) DRVTAINT_MATH_OV1(trunc)
DRVTAINT_MATH_OV2(fmod) DRVTAINT_MATH_OV2(remainder) DRVTAINT_MATH_OV2(copysign) DRVTAINT_MATH_OV2(nextafter)
DRVTAINT_MATH_OV2(fdim) DRVTAINT_MATH_OV2(fmax) DRVTAINT_MATH_OV2(fmin)
#undef DRVTAINT_MATH_OV1
#undef DRVTAINT_MATH_OV2
inline float pow(float x, int y) { return powf(x, (float)y); }
inline double pow(double x, int y) { return pow(x, (double)y); }
inline float frexp(float x, int *e) { return frexpf(x, e); }
inline float ldexp(float x, int e) { return ldexpf(x, e); }
inline float modf(float x, float *ip) { return modff(x, ip); }
inline double abs(double x) { return fabs(x); }
inline float abs(float x) { return fabsf(x); }
inline long double abs(long double x) { return fabsl(x); }
template <class T> inline int fpclassify(T x)
{
    return __builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO, (double)x);
}
template <class T> inline bool isnan(T x) { return __builtin_isnan((double)x); }
template <class T> inline bool isinf(T x) { return __builtin_isinf((double)x); }
template <class T> inline bool isfinite(T x) { return __builtin_isfinite((double)x); }
template <class T> inline bool isnormal(T x) { return __builtin_isnormal((double)x); }
template <class T> inline bool signbit(T x) { return __builtin_signbit((double)x); }
template <class T, class U> inline bool isgreater(T x, U y) { return __builtin_isgreater((double)x, (double)y); }
template <class T, class U> inline bool isgreaterequal(T x, U y)
{
    return __builtin_isgreaterequal((double)x, (double)y);
}
template <class T, class U> inline bool isless(T x, U y) { return __builtin_isless((double)x, (double)y); }
template <class T, class U> inline bool islessequal(T x, U y) { return __builtin_islessequal((double)x, (double)y); }
template <class T, class U> inline bool islessgreater(T x, U y)
{
    return __builtin_islessgreater((double)x, (double)y);
}
template <class T, class U> inline bool isunordered(T x, U y) { return __builtin_isunordered((double)x, (double)y); }
#endif
