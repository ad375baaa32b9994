/* common.h - shared by the plain tree's sources: a kernel header, so driver.c is kernel code. */
#pragma once
#include <ntddk.h>
#include <windows.h>
