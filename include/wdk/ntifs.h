/* ntifs.h - drvtaint WDK shim: kernel-mode driver declarations (one set for wdm/ntddk/ntifs). */
#pragma once
#include "wdk_base.h"
#include "wdk_io.h"
#include "wdk_mm.h"
#include "wdk_hal.h"
#include "wdk_ex.h"
#include "wdk_rtl.h"
#include "wdk_fs.h"
#include "intrin.h"
#include "string.h"
#ifndef _WDMDDK_
#define _WDMDDK_
#endif
#ifndef _NTDDK_
#define _NTDDK_
#endif
#ifndef _NTIFS_
#define _NTIFS_
#endif
#ifndef _WDM_INCLUDED_
#define _WDM_INCLUDED_
#endif
