/* ks.h - drvtaint WDK shim: kernel streaming and AVStream (see wdk_ks.h). */
#pragma once
#include "wdm.h"
#include "wdk_com.h"
#include "wdk_ks.h"
