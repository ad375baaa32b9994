/* portcls.h - drvtaint WDK shim: the audio port class driver (see wdk_portcls.h). */
#pragma once
#include "wdm.h"
#include "windef.h"
#include "wdk_com.h"
#include "wdk_ks.h"
#include "wdk_mmreg.h"
#include "wdk_ksmedia.h"
#include "wdk_portcls.h"
