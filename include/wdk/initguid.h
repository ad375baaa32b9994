/* initguid.h - drvtaint WDK shim: makes DEFINE_GUID define storage. */
#pragma once
#include "wdk_base.h"
#undef DEFINE_GUID
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) EXTERN_C const GUID name = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
