/* excpt.h - drvtaint WDK shim: structured exception handling names. */
#pragma once
#define EXCEPTION_EXECUTE_HANDLER 1
#define EXCEPTION_CONTINUE_SEARCH 0
#define EXCEPTION_CONTINUE_EXECUTION (-1)
/* C drivers may spell SEH without underscores, as the kernel CRT allows; C++ keeps its own try. */
#ifndef __cplusplus
#define try __try
#define except __except
#define finally __finally
#define leave __leave
#endif
