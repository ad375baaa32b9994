/* stdlib.h - drvtaint WDK shim: the kernel CRT subset. */
#pragma once
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
int abs(int x);
long labs(long x);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
int atoi(const char *s);
long atol(const char *s);
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
unsigned short _byteswap_ushort(unsigned short v);
unsigned __int64 _byteswap_uint64(unsigned __int64 v);
int rand(void);
void srand(unsigned int seed);
#define _countof(a) (sizeof(a) / sizeof((a)[0]))
#ifdef __cplusplus
}
#endif
