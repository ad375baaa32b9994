/* parse_floor.c - the benchmark's floor: libclang parsing each file with exactly drvtaint's
 * arguments and WDK shim, sequentially, doing nothing else; with the run's precompiled prelude,
 * as drvtaint parses, unless --no-prelude comes first. Not part of the tool. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/frontend.h"

int main(int argc, char **argv)
{
    int first = 1;
    bool prelude = true;
    if (argc > 1 && strcmp(argv[1], "--no-prelude") == 0) {
        prelude = false;
        first++;
    }
    if (argc < first + 2) {
        fprintf(stderr, "usage: drvtaint-parse-floor [--no-prelude] SHIM_DIR FILE...\n");
        return 2;
    }
    char *dir = prelude ? fe_prelude_dir_new() : NULL;
    fe_options o = {.shim_dir = argv[first], .prelude_dir = dir};
    fe_parser *p = fe_parser_new(&o);
    int failed = 0;
    for (int i = first + 1; i < argc; i++)
        failed += !fe_parse_only(p, argv[i], NULL, 0, false);
    fe_parser_free(p);
    fe_prelude_dir_remove(dir);
    return failed ? 1 : 0;
}
