/* ntddndis.h - drvtaint WDK shim: NDIS object headers, media and OID definitions (kept in wdk_ndis.h). */
#pragma once
#include "ntddk.h"
#include "wdk_ndis.h"
