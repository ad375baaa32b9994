/* miniport.h - drvtaint WDK shim: the base miniport header; its types come with the kernel set and wdk_storport.h. */
#pragma once
#include "wdk_storport.h"
