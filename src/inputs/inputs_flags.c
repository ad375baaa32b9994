/* inputs_flags.c - a compiler command reduced to the flags that change what a parse sees:
 * include paths, macros, forced includes, the language and its standard, MSVC
 * compatibility. Everything else (outputs, dependency files, warnings, optimisation,
 * code generation, target, linking) is dropped, since drvtaint always parses as an x64
 * kernel-mode MSVC build. Relative paths become absolute against the command's directory. */
#include <stdlib.h>
#include <string.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"
#include "inputs_internal.h"

typedef VEC(char *) word_vec;

enum { LANG_SUFFIX = -1, LANG_C = 0, LANG_CXX = 1 };

typedef struct flag_ctx {
    const input_unit *u;
    const char *const *argv;
    size_t argc;
    size_t i; /* the argument being read */
    word_vec out;
    int lang;
    char *std; /* the last -std value: a compiler lets the last one win */
} flag_ctx;

/* Options whose value is the next word and means nothing to a parse: skipping the value
 * keeps "-Xlinker -DEBUG" or "-o -Ifoo.o" from reading as flags we keep. */
static const char *const skip_separate[] = {
    "-o", "-MF", "-MT", "-MQ", "-MJ", "-Xclang", "-Xpreprocessor", "-Xlinker", "-Xassembler",
    "-target", "--target", "-arch", "-include-pch", "-isysroot", "--sysroot", "-iprefix",
    "-iwithprefix", "-iwithprefixbefore", "-iwithsysroot", "-aux-info", "--param", "-z",
    "-dependency-file", "-main-file-name", "-MD-file",
};

/* Kept as they are: they change macros (_MSC_VER), char signedness or how templates parse. */
static const char *const keep_exact[] = {
    "-fms-extensions", "-fms-compatibility", "-fdelayed-template-parsing", "-fno-delayed-template-parsing",
    "-funsigned-char", "-fno-signed-char", "-fsigned-char", "-fno-unsigned-char", "-fshort-wchar",
    "-fno-short-wchar",
};

static bool in_list(const char *a, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(a, list[k]) == 0)
            return true;
    return false;
}

/* "-Ifoo" or "-I foo" for option name opt (a = the argument without its '-' or '/'):
 * returns the value, consuming the next word when separate; NULL when a is not opt or the
 * value is missing. */
static const char *value_of(flag_ctx *c, const char *a, const char *opt)
{
    size_t n = strlen(opt);
    if (strncmp(a, opt, n) != 0)
        return NULL;
    if (a[n])
        return a + n;
    if (c->i + 1 < c->argc)
        return c->argv[++c->i];
    return NULL;
}

static void push(flag_ctx *c, char *word)
{
    VEC_PUSH(&c->out, word);
}

static void push_dir(flag_ctx *c, const char *flag, const char *dir, bool joined)
{
    char *abs = inputs_path_canonical(c->u->directory, dir);
    if (joined) {
        push(c, xasprintf("%s%s", flag, abs));
        free(abs);
    } else {
        push(c, xstrdup(flag));
        push(c, abs);
    }
}

/* -include FILE is looked up in the working directory first, then on the include path:
 * made absolute only when it is there, so a name found on the include path still is. */
static void push_include(flag_ctx *c, const char *flag, const char *file)
{
    char *abs = inputs_path_canonical(c->u->directory, file);
    char *why = inputs_check_file(abs);
    push(c, xstrdup(flag));
    if (!why) {
        push(c, abs);
    } else {
        free(why);
        free(abs);
        push(c, xstrdup(file));
    }
}

static void set_std(flag_ctx *c, const char *value)
{
    free(c->std);
    c->std = xstrdup(value);
}

static void set_lang(flag_ctx *c, const char *x)
{
    if (strncmp(x, "c++", 3) == 0)
        c->lang = LANG_CXX;
    else if (strcmp(x, "c") == 0 || strcmp(x, "c-header") == 0 || strcmp(x, "cpp-output") == 0)
        c->lang = LANG_C;
    else if (strcmp(x, "none") == 0)
        c->lang = LANG_SUFFIX;
    /* assembler, objective-c...: not ours; keep what we had */
}

/* GCC/Clang spelling; a starts with '-'. Returns false at "--" (only inputs follow). */
static bool gnu_flag(flag_ctx *c, const char *a)
{
    const char *v;
    if (strcmp(a, "--") == 0)
        return false;
    if (in_list(a, skip_separate, sizeof skip_separate / sizeof skip_separate[0])) {
        c->i++;
    } else if (in_list(a, keep_exact, sizeof keep_exact / sizeof keep_exact[0]) ||
               strncmp(a, "-fms-compatibility-version=", 27) == 0 || strncmp(a, "-fmsc-version=", 14) == 0) {
        push(c, xstrdup(a));
    } else if ((v = value_of(c, a, "-isystem-after"))) {
        push_dir(c, "-idirafter", v, false);
    } else if ((v = value_of(c, a, "-isystem"))) {
        push_dir(c, "-isystem", v, false);
    } else if ((v = value_of(c, a, "-iquote"))) {
        push_dir(c, "-iquote", v, false);
    } else if ((v = value_of(c, a, "-idirafter"))) {
        push_dir(c, "-idirafter", v, false);
    } else if ((v = value_of(c, a, "-include"))) { /* -include-pch was skipped above */
        push_include(c, "-include", v);
    } else if ((v = value_of(c, a, "-imacros"))) {
        push_include(c, "-imacros", v);
    } else if ((v = value_of(c, a, "-I"))) {
        if (strcmp(v, "-") != 0) /* -I- (old quote/system split) has no directory */
            push_dir(c, "-I", v, true);
    } else if ((v = value_of(c, a, "-D"))) {
        push(c, xasprintf("-D%s", v));
    } else if ((v = value_of(c, a, "-U"))) {
        push(c, xasprintf("-U%s", v));
    } else if (strncmp(a, "-std=", 5) == 0 || strncmp(a, "--std=", 6) == 0) {
        set_std(c, strchr(a, '=') + 1);
    } else if ((v = value_of(c, a, "-x"))) {
        set_lang(c, v);
    }
    return true;
}

static const char *cl_std(const char *v)
{
    static const char *const map[][2] = {
        {"c++14", "c++14"}, {"c++17", "c++17"}, {"c++20", "c++20"}, {"c++latest", "c++2c"},
        {"c11", "c11"},     {"c17", "c17"},     {"clatest", "c23"},
    };
    for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
        if (strcmp(v, map[k][0]) == 0)
            return map[k][1];
    return NULL;
}

/* cl.exe spelling, with '/' or '-'; name is the option without that character. Returns
 * false at /link (the rest goes to the linker). */
static bool cl_flag(flag_ctx *c, const char *arg)
{
    const char *name = arg + 1, *v;
    if (strcmp(name, "link") == 0)
        return false;
    if (strcmp(name, "TC") == 0) {
        c->lang = LANG_C;
    } else if (strcmp(name, "TP") == 0) {
        c->lang = LANG_CXX;
    } else if ((v = value_of(c, name, "Tc"))) {
        c->lang = LANG_C;
    } else if ((v = value_of(c, name, "Tp"))) {
        c->lang = LANG_CXX;
    } else if ((v = value_of(c, name, "FI"))) {
        push_include(c, "-include", v);
    } else if ((v = value_of(c, name, "external:I")) || (v = value_of(c, name, "imsvc"))) {
        push_dir(c, "-isystem", v, false);
    } else if ((v = value_of(c, name, "I"))) {
        push_dir(c, "-I", v, true);
    } else if ((v = value_of(c, name, "D"))) {
        char *def = xasprintf("-D%s", v);
        char *hash = strchr(def, '#'); /* cl accepts /DNAME#VALUE for NAME=VALUE */
        if (hash && !strchr(def, '='))
            *hash = '=';
        push(c, def);
    } else if ((v = value_of(c, name, "U"))) {
        push(c, xasprintf("-U%s", v));
    } else if (strncmp(name, "std:", 4) == 0) {
        const char *std = cl_std(name + 4);
        if (std)
            set_std(c, std);
    } else if (strcmp(name, "J") == 0) {
        push(c, xstrdup("-funsigned-char"));
    } else if (name[0] == 'F' && strlen(name) == 3 && name[2] == ':') {
        c->i++; /* /Fo: out.obj, /Fe: x.exe: an output name as the next word */
    } else if (arg[0] == '-') {
        return gnu_flag(c, arg); /* clang-cl also takes -fms-compatibility-version=, --target... */
    }
    return true;
}

/* Splices @FILE response files in (relative to the command's directory), up to a depth. */
static void expand(const input_unit *u, const char *const *argv, size_t argc, bool windows, int depth,
                   word_vec *out)
{
    for (size_t i = 0; i < argc; i++) {
        char *text = NULL;
        if (argv[i][0] == '@' && depth < 8) {
            char *path = inputs_path_join(u->directory, argv[i] + 1);
            size_t len = 0;
            text = read_file(path, &len);
            free(path);
            if (text && len >= 2 && (unsigned char)text[0] == 0xff && (unsigned char)text[1] == 0xfe) {
                /* UTF-16LE, as MSBuild writes them; option text is ASCII */
                char *narrow = xmalloc(len / 2 + 1);
                size_t k = 0;
                for (size_t j = 2; j + 1 < len; j += 2)
                    narrow[k++] = text[j + 1] ? '?' : text[j];
                narrow[k] = '\0';
                free(text);
                text = narrow;
            }
        }
        if (!text) {
            VEC_PUSH(out, xstrdup(argv[i]));
            continue;
        }
        const char *body = strncmp(text, "\xef\xbb\xbf", 3) == 0 ? text + 3 : text;
        size_t n;
        char **words = inputs_split_as(body, windows, &n);
        expand(u, (const char *const *)words, n, windows, depth + 1, out);
        inputs_free_words(words, n);
        free(text);
    }
}

void inputs_unit_set_args(input_unit *u, const char *const *argv, size_t argc)
{
    inputs_free_words(u->args, u->nargs);
    bool cl = argc > 0 && inputs_is_cl_driver(argv[0]);
    word_vec all = {0};
    if (argc > 0) { /* the compiler itself is never a response file */
        VEC_PUSH(&all, xstrdup(argv[0]));
        expand(u, argv + 1, argc - 1, cl, 0, &all);
    }
    flag_ctx c = {.u = u, .argv = (const char *const *)all.items, .argc = all.len, .lang = LANG_SUFFIX};
    for (c.i = 1; c.i < c.argc; c.i++) {
        const char *a = c.argv[c.i];
        bool more = true;
        if (cl && (a[0] == '/' || a[0] == '-'))
            more = cl_flag(&c, a);
        else if (a[0] == '-')
            more = gnu_flag(&c, a);
        /* anything else is an input file (the unit itself, objects, libraries) */
        if (!more)
            break;
    }
    u->is_cxx = c.lang == LANG_SUFFIX ? inputs_is_cxx_name(u->path) : c.lang == LANG_CXX;
    /* The front end passes -x for is_cxx; a standard of the other language would be rejected. */
    if (c.std && (strstr(c.std, "++") != NULL) == u->is_cxx)
        push(&c, xasprintf("-std=%s", c.std));
    free(c.std);
    inputs_free_words(all.items, all.len);
    u->args = c.out.items ? c.out.items : xcalloc(1, sizeof(char *));
    u->nargs = c.out.len;
}
