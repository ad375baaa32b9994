/* main.c - entry point; the command line lives in src/cli. */
int cli_main(int argc, char **argv);

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
