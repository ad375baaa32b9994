/* tool.h - the plain tree's user-mode tool header. */
#pragma once
#include <Windows.h>
