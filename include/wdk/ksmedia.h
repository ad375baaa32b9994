/* ksmedia.h - drvtaint WDK shim: audio, video and camera formats and properties (see wdk_ksmedia.h). */
#pragma once
#include "ks.h"
#include "wdk_mmreg.h"
#include "wdk_ksmedia.h"
