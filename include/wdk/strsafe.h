/* strsafe.h - drvtaint WDK shim: the safe string functions, as in ntstrsafe.h. */
#pragma once
#include "ntstrsafe.h"
