/* placeholder, replaced by the CLI */
#include <stdio.h>
int cli_main(int argc, char **argv);
int cli_main(int argc, char **argv) { (void)argc; (void)argv; puts("drvtaint"); return 0; }
