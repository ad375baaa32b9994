/* binding.c - a script-language binding of the tool: user mode without windows.h */
#include <Python.h>

static int binding_version(void)
{
    return 1;
}
