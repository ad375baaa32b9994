/* inputs_split.c - compile-database "command" strings into words: POSIX shell quoting for
 * Unix compilers, the Microsoft C runtime's rules (CommandLineToArgvW) for Windows ones. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"
#include "inputs_internal.h"

typedef VEC(char *) word_vec;

static char **finish(word_vec *w, size_t *n)
{
    *n = w->len;
    return w->items ? w->items : xcalloc(1, sizeof(char *));
}

/* No variable expansion, globbing or command substitution: a database holds literal words. */
static char **split_posix(const char *cmd, size_t *n)
{
    word_vec words = {0};
    strbuf cur = {0};
    bool in_word = false;
    for (const char *p = cmd; *p; p++) {
        char c = *p;
        if (c == '\\') {
            if (p[1] == '\n') { /* line continuation */
                p++;
                continue;
            }
            if (p[1])
                sb_putc(&cur, *++p);
            in_word = true;
        } else if (c == '\'') {
            in_word = true;
            for (p++; *p && *p != '\''; p++)
                sb_putc(&cur, *p);
            if (!*p)
                break; /* unterminated: take the rest */
        } else if (c == '"') {
            in_word = true;
            for (p++; *p && *p != '"'; p++) {
                /* inside double quotes a backslash only escapes these */
                if (*p == '\\' && p[1] && strchr("\"\\$`\n", p[1])) {
                    if (*++p == '\n')
                        continue;
                }
                sb_putc(&cur, *p);
            }
            if (!*p)
                break;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (in_word) {
                VEC_PUSH(&words, sb_take(&cur));
                in_word = false;
            }
        } else {
            sb_putc(&cur, c);
            in_word = true;
        }
    }
    if (in_word)
        VEC_PUSH(&words, sb_take(&cur));
    sb_free(&cur);
    return finish(&words, n);
}

/* Backslashes are literal unless they precede a quote: 2k of them then '"' give k and a quote
 * that opens or closes; 2k+1 give k and a literal '"'. Inside quotes, "" is a literal quote. */
static char **split_windows(const char *cmd, size_t *n)
{
    word_vec words = {0};
    strbuf cur = {0};
    bool in_word = false, quoted = false;
    for (const char *p = cmd; *p;) {
        if (!quoted && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) {
            if (in_word) {
                VEC_PUSH(&words, sb_take(&cur));
                in_word = false;
            }
            p++;
            continue;
        }
        in_word = true;
        if (*p == '\\') {
            size_t k = strspn(p, "\\");
            if (p[k] == '"') {
                for (size_t i = 0; i < k / 2; i++)
                    sb_putc(&cur, '\\');
                if (k % 2) {
                    sb_putc(&cur, '"');
                    p += k + 1;
                } else {
                    p += k; /* the quote is handled below */
                }
            } else {
                for (size_t i = 0; i < k; i++)
                    sb_putc(&cur, '\\');
                p += k;
            }
        } else if (*p == '"') {
            if (quoted && p[1] == '"') {
                sb_putc(&cur, '"');
                p += 2;
            } else {
                quoted = !quoted;
                p++;
            }
        } else {
            sb_putc(&cur, *p++);
        }
    }
    if (in_word)
        VEC_PUSH(&words, sb_take(&cur));
    sb_free(&cur);
    return finish(&words, n);
}

/* The program word, read with Windows rules (quotes, no escapes): "C:\Program Files\...\cl.exe". */
static bool windows_program(const char *cmd)
{
    while (*cmd == ' ' || *cmd == '\t')
        cmd++;
    strbuf prog = {0};
    bool quoted = false;
    for (const char *p = cmd; *p && (quoted || (*p != ' ' && *p != '\t')); p++) {
        if (*p == '"')
            quoted = !quoted;
        else
            sb_putc(&prog, *p);
    }
    char *w = sb_take(&prog);
    bool win = inputs_suffix_is(w, ".exe") || strchr(w, '\\') != NULL ||
               (isalpha((unsigned char)w[0]) && w[1] == ':') || inputs_is_cl_driver(w);
    free(w);
    return win;
}

bool inputs_is_cl_driver(const char *program)
{
    const char *base = program;
    for (const char *p = program; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    size_t n = strlen(base);
    if (inputs_suffix_is(base, ".exe"))
        n -= 4;
    char *name = xstrndup(base, n);
    for (char *p = name; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    bool cl = strcmp(name, "cl") == 0 || strcmp(name, "icl") == 0 || strcmp(name, "icx-cl") == 0 ||
              strncmp(name, "clang-cl", 8) == 0; /* clang-cl, clang-cl-19 */
    free(name);
    return cl;
}

char **inputs_split_as(const char *cmd, bool windows, size_t *n)
{
    return windows ? split_windows(cmd, n) : split_posix(cmd, n);
}

char **inputs_split_command(const char *cmd, size_t *n)
{
    return inputs_split_as(cmd, windows_program(cmd), n);
}
