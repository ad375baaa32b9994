/* assert.h - drvtaint WDK shim */
#pragma once
#define assert(e) ((void)0)
