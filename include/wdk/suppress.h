/* suppress.h - drvtaint WDK shim: the WDK's PREfast suppression helpers; nothing a parse needs. */
#pragma once
