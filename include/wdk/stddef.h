/* stddef.h - drvtaint WDK shim: the kernel CRT's stddef for the x64 MSVC target. */
#pragma once
typedef unsigned long long size_t;
typedef long long ptrdiff_t;
typedef long long intptr_t;
typedef unsigned long long uintptr_t;
#ifndef __cplusplus
typedef unsigned short wchar_t;
#endif
#ifndef NULL
#ifdef __cplusplus
#define NULL 0
#else
#define NULL ((void *)0)
#endif
#endif
#define offsetof(type, member) __builtin_offsetof(type, member)
