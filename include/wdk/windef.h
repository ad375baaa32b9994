/* windef.h - drvtaint WDK shim: Windows base types (DWORD, BOOL, ...). */
#pragma once
#include "wdk_base.h"
#ifndef _WINDEF_
#define _WINDEF_
#endif
/* geometry records (ks.h and ksmedia.h use them in video and camera formats) */
#ifndef _DT_WINDEF_GEOMETRY_
#define _DT_WINDEF_GEOMETRY_
typedef float FLOAT, *PFLOAT;
typedef struct tagRECT { LONG left; LONG top; LONG right; LONG bottom; } RECT, *PRECT, *NPRECT, *LPRECT;
typedef const RECT *LPCRECT;
typedef struct tagPOINT { LONG x; LONG y; } POINT, *PPOINT, *NPPOINT, *LPPOINT;
typedef struct tagSIZE { LONG cx; LONG cy; } SIZE, *PSIZE, *LPSIZE;
#endif
