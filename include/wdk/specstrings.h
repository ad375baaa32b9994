/* specstrings.h - drvtaint WDK shim: SAL annotations. */
#pragma once
#include "sal.h"
