/* tool.c - user mode: its own header includes windows.h and nothing includes a kernel header. */
#include "tool.h"

int main(void)
{
    return 0;
}
