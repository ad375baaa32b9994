/* tool.c - user mode: its own header includes windows.h and nothing includes a kernel header. */
#include <sys/stat.h> /* MSVC has it too: no sign of another system */
#include "tool.h"

int main(void)
{
    return 0;
}
