#include <ntddk.h>
#include "missing_header.h"
#define PASTE(a, b) a ## b
int f(UnknownType *p, int n) { return PASTE(p, ->)x + UndeclaredFn(n) + n[p; }
void g(void) { label: goto nowhere; { switch (1) case 1: default: ; } while(1) break; }
