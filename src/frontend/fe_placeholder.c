#include <clang-c/Index.h>
void fe_placeholder(void);
void fe_placeholder(void) { clang_getClangVersion(); }
