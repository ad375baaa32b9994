/* parse_floor.c - the benchmark's floor: libclang parsing each file with exactly drvtaint's
 * arguments and WDK shim, sequentially, doing nothing else. Not part of the tool. */
#include <stdio.h>
#include <stdlib.h>

#include "drvtaint/frontend.h"

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: drvtaint-parse-floor SHIM_DIR FILE...\n");
        return 2;
    }
    fe_options o = {.shim_dir = argv[1]};
    fe_parser *p = fe_parser_new(&o);
    int failed = 0;
    for (int i = 2; i < argc; i++)
        failed += !fe_parse_only(p, argv[i], NULL, 0, false);
    fe_parser_free(p);
    return failed ? 1 : 0;
}
