/* not <vendor/types.h>: a library path is never matched by file name alone */
typedef int LIB_TYPES;
