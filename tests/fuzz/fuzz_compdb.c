/* fuzz_compdb.c - libFuzzer target: the compile-database reader on an arbitrary
 * compile_commands.json, and the command-line splitter and flag filter on the same bytes.
 *
 * The database sits in a scratch directory that holds a.c, b.cpp, sub/c.c and a response file
 * args.rsp that names itself, so entries with relative "file"/"directory" values (as in the
 * seed corpus) become real units and go through the flag filter; other entries become input
 * errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"
#include "fuzz_support.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = fz_scratch_dir();
    char *sub = xasprintf("%s/sub", dir);
    mkdir(sub, 0700);
    free(sub);
    static const uint8_t body[] = "int f(void) { return 0; }\n";
    free(fz_write("a.c", body, sizeof body - 1));
    free(fz_write("b.cpp", body, sizeof body - 1));
    free(fz_write("sub/c.c", body, sizeof body - 1));
    /* a response file that names itself: expansion must stop */
    static const uint8_t rsp[] = "-DFROM_RSP \"-Iinc dir\" @args.rsp\n";
    free(fz_write("args.rsp", rsp, sizeof rsp - 1));
    return 0;
}

static void check_set(const input_set *s)
{
    for (size_t i = 0; i < s->nunits; i++) {
        const input_unit *u = &s->units[i];
        if (!u->path || u->path[0] != '/' || !u->directory || !u->args)
            abort(); /* inputs.h: absolute paths, args never NULL */
        for (size_t k = 0; k < u->nargs; k++)
            if (!u->args[k])
                abort();
        if (i && strcmp(s->units[i - 1].path, u->path) >= 0)
            abort(); /* sorted, no duplicates after inputs_finish */
    }
    for (size_t i = 0; i < s->nerrors; i++)
        if (!s->errors[i].input || !s->errors[i].message)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *db = fz_write("compile_commands.json", data, size);
    input_set s;
    inputs_init(&s);
    char *err = NULL;
    int rc = inputs_load_compdb(&s, fz_scratch_dir(), &err);
    if ((rc == 0) != (err == NULL))
        abort();
    if (rc != 0 && (s.nunits || s.nerrors))
        abort(); /* a database that cannot be read adds nothing */
    free(err);
    char *a = xasprintf("%s/a.c", fz_scratch_dir());
    inputs_add_path(&s, a); /* loses to a database entry for the same file */
    free(a);
    inputs_finish(&s);
    check_set(&s);
    inputs_free(&s);
    free(db);

    /* the same bytes as one command line: split, then filtered as a compiler's argv */
    char *cmd = fz_cstring(data, size);
    size_t n = 0;
    char **words = inputs_split_command(cmd, &n);
    if (!words)
        abort();
    input_unit u = {.path = xasprintf("%s/a.c", fz_scratch_dir()), .directory = xstrdup(fz_scratch_dir())};
    inputs_unit_set_args(&u, (const char *const *)words, n);
    if (!u.args)
        abort();
    for (size_t i = 0; i < u.nargs; i++)
        free(u.args[i]);
    free(u.args);
    free(u.path);
    free(u.directory);
    inputs_free_words(words, n);
    free(cmd);
    return 0;
}
