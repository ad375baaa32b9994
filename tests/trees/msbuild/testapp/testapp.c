/* testapp.c - the user-mode test tool of the tree (testapp.vcxproj, an Application): skipped
 * by default, analysed with --all-projects. */
#include <windows.h>

int main(void)
{
    return 0;
}
