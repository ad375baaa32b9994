/* cli.c - subcommand dispatch. */
#include <stdio.h>
#include <stdlib.h>

#include "drvtaint/cli.h"
#include "drvtaint/frontend.h"

int cli_main(int argc, char **argv);

static void print_version(void)
{
    char *clang = fe_clang_version();
    printf("drvtaint %s\nlibclang: %s (built against LLVM %s)\n", DRVTAINT_VERSION, clang,
           DRVTAINT_LIBCLANG_VERSION);
    free(clang);
}

int cli_main(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, &o);
    if (rc == -1 || rc == -2) {
        if (rc == -2)
            print_version();
        cli_options_free(&o);
        return CLI_EXIT_CLEAN;
    }
    if (rc == 0)
        rc = o.command == CLI_CMD_RULES ? cli_run_rules(&o) : o.dump ? cli_run_dump(&o) : cli_run_units(&o);
    cli_options_free(&o);
    if (cli_units_abandoned())
        cli_exit_abandoned(rc);
    return rc;
}
