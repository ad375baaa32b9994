/* porttest.c - the tree's user-mode test tool (TARGETTYPE=PROGRAM): skipped by default. */
#include <windows.h>

int main(void)
{
    return 0;
}
