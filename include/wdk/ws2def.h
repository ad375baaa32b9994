/* ws2def.h - drvtaint WDK shim: Winsock address types (see wdk_net.h). */
#pragma once
#include "wdk_net.h"
