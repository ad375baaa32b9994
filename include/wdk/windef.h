/* windef.h - drvtaint WDK shim: Windows base types (DWORD, BOOL, ...). */
#pragma once
#include "wdk_base.h"
#ifndef _WINDEF_
#define _WINDEF_
#endif
