/* wil/wistd_type_traits.h - drvtaint WDK shim: the Windows Implementation Library subset in wdk_wil.h. */
#pragma once
#include "../wdk_wil.h"
