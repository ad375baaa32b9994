/* stdio.h - drvtaint WDK shim: formatting only (there is no FILE in the kernel). */
#pragma once
#include <stddef.h>
#include <stdarg.h>
#ifdef __cplusplus
extern "C" {
#endif
int sprintf(char *buf, const char *fmt, ...);
int _snprintf(char *buf, size_t n, const char *fmt, ...);
int snprintf(char *buf, size_t n, const char *fmt, ...);
int vsprintf(char *buf, const char *fmt, va_list ap);
int _vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int swprintf(wchar_t *buf, const wchar_t *fmt, ...);
int _snwprintf(wchar_t *buf, size_t n, const wchar_t *fmt, ...);
int sprintf_s(char *buf, size_t n, const char *fmt, ...);
int swprintf_s(wchar_t *buf, size_t n, const wchar_t *fmt, ...);
#ifdef __cplusplus
}
#endif
