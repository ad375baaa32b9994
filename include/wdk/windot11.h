/* windot11.h - drvtaint WDK shim: Native 802.11 records, enums and lists (see wdk_dot11.h). */
#pragma once
#include "ndis.h"
#include "wdk_dot11.h"
