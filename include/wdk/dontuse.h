/* dontuse.h - drvtaint WDK shim: the real header marks unsafe CRT string functions deprecated;
 * deprecation does not matter to the analysis, so this is empty. */
#pragma once
