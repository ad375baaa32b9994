/* inputs_asm.c - find the hardware primitives a driver writes in x64 MASM (asm.h).
 *
 * Hardware tools often keep rdmsr/wrmsr/in/out in a small .asm file (x64 MSVC has no inline
 * assembly) and call it from C: without it the C code has no sink to reach. Each PROC is read
 * straight through, following which argument register (rcx, rdx, r8, r9 at entry) each register
 * holds across mov/xchg/push/pop; any other write forgets the value, so a masked or computed
 * operand never counts as the caller's. Branches are not followed: such PROCs are a few lines. */
#include "drvtaint/asm.h"

#include <ctype.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "drvtaint/util.h"

enum { REG_RAX, REG_RBX, REG_RCX, REG_RDX, REG_RSI, REG_RDI, REG_RBP, REG_RSP, REG_R8, REG_COUNT = 16 };
enum { STACK_MAX = 64, UNKNOWN = -1 };

/* The 64-bit register an operand names (any width), or -1. *width gets 1, 2, 4 or 8 bytes. */
static int reg_of(const char *op, int *width)
{
    static const char *const names[8][4] = {
        {"rax", "eax", "ax", "al"}, {"rbx", "ebx", "bx", "bl"}, {"rcx", "ecx", "cx", "cl"},
        {"rdx", "edx", "dx", "dl"}, {"rsi", "esi", "si", "sil"}, {"rdi", "edi", "di", "dil"},
        {"rbp", "ebp", "bp", "bpl"}, {"rsp", "esp", "sp", "spl"},
    };
    static const int widths[4] = {8, 4, 2, 1};
    int w = 0;
    for (int r = 0; r < 8; r++)
        for (int k = 0; k < 4; k++)
            if (strcasecmp(op, names[r][k]) == 0) {
                if (width)
                    *width = widths[k];
                return r;
            }
    static const char *const high[4] = {"ah", "bh", "ch", "dh"};
    static const int high_reg[4] = {REG_RAX, REG_RBX, REG_RCX, REG_RDX};
    for (int k = 0; k < 4; k++)
        if (strcasecmp(op, high[k]) == 0) {
            if (width)
                *width = 1;
            return high_reg[k];
        }
    if (tolower((unsigned char)op[0]) != 'r' || !isdigit((unsigned char)op[1]))
        return -1;
    char *end;
    long n = strtol(op + 1, &end, 10);
    if (n < 8 || n > 15)
        return -1;
    char suffix = (char)tolower((unsigned char)*end);
    if (suffix && end[1])
        return -1;
    w = suffix == 'd' ? 4 : suffix == 'w' ? 2 : suffix == 'b' ? 1 : suffix == '\0' ? 8 : 0;
    if (!w)
        return -1;
    if (width)
        *width = w;
    return REG_R8 + (int)(n - 8);
}

typedef struct proc_state {
    int reg[REG_COUNT]; /* the argument (0-3) a register holds, or UNKNOWN */
    int stack[STACK_MAX];
    size_t depth;
} proc_state;

static void proc_start(proc_state *s)
{
    for (int r = 0; r < REG_COUNT; r++)
        s->reg[r] = UNKNOWN;
    s->reg[REG_RCX] = 0;
    s->reg[REG_RDX] = 1;
    s->reg[REG_R8] = 2;
    s->reg[REG_R8 + 1] = 3;
    s->depth = 0;
}

static void emit(asm_list *out, const char *proc, const char *intrinsic, const int *from, size_t n, const char *file,
                 unsigned line)
{
    bool any = false;
    for (size_t i = 0; i < n; i++)
        any |= from[i] != UNKNOWN;
    if (!any)
        return;
    asm_primitive p = {.function = xstrdup(proc), .intrinsic = xstrdup(intrinsic), .file = xstrdup(file), .line = line};
    for (size_t i = 0; i < ASM_MAX_ARGS; i++)
        p.from[i] = i < n ? from[i] : UNKNOWN;
    if (out->len == out->cap) {
        out->cap = out->cap ? 2 * out->cap : 8;
        out->items = xrealloc(out->items, out->cap * sizeof *out->items);
    }
    out->items[out->len++] = p;
}

/* Splits "mnemonic op0, op1" (comment already cut) into lower-case mnemonic and trimmed operands. */
static size_t split_instruction(char *line, char **mnemonic, char *ops[3])
{
    char *p = line;
    while (isspace((unsigned char)*p))
        p++;
    *mnemonic = p;
    while (*p && !isspace((unsigned char)*p))
        p++;
    if (*p)
        *p++ = '\0';
    for (char *m = *mnemonic; *m; m++)
        *m = (char)tolower((unsigned char)*m);
    size_t n = 0;
    while (*p && n < 3) {
        while (isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        ops[n] = p;
        int depth = 0;
        while (*p && (depth || *p != ',')) {
            depth += *p == '[' ? 1 : *p == ']' ? -1 : 0;
            p++;
        }
        char *end = p;
        if (*p)
            *p++ = '\0';
        while (end > ops[n] && isspace((unsigned char)end[-1]))
            *--end = '\0';
        n++;
    }
    return n;
}

static const char *sized(int width, const char *b, const char *w, const char *d)
{
    return width == 1 ? b : width == 2 ? w : d; /* MASM takes "out dx, rax" for eax */
}

/* A MASM immediate of at least 16 one bits from bit 0 (0FFFFh, 0FFFFFFFFh): masking with it keeps
 * every port, MSR index or address the caller could mean. */
static bool wide_mask(const char *op)
{
    char *end;
    unsigned long long v = strtoull(op, &end, 16);
    if (tolower((unsigned char)*end) != 'h' || end[1])
        return false;
    return v == 0xFFFFull || v == 0xFFFFFFFFull || v == 0xFFFFFFFFFFFFFFFFull;
}

/* One instruction of PROC proc: a primitive when it is one, and what it does to the registers. */
static void step(asm_list *out, proc_state *s, const char *proc, char *text, const char *file, unsigned line)
{
    char *mn, *ops[3] = {0};
    size_t n = split_instruction(text, &mn, ops);
    while (strcmp(mn, "rep") == 0 || strcmp(mn, "repe") == 0 || strcmp(mn, "repne") == 0) {
        if (!n)
            return;
        /* "rep outsb": the string instruction is the first operand word */
        char *rest = ops[0];
        n = split_instruction(rest, &mn, ops);
    }
    int w0 = 0, w1 = 0;
    int r0 = n > 0 ? reg_of(ops[0], &w0) : -1, r1 = n > 1 ? reg_of(ops[1], &w1) : -1;
    int *reg = s->reg;
    if (strcmp(mn, "rdmsr") == 0) {
        emit(out, proc, "__readmsr", (int[]){reg[REG_RCX]}, 1, file, line);
        reg[REG_RAX] = reg[REG_RDX] = UNKNOWN;
    } else if (strcmp(mn, "wrmsr") == 0) {
        emit(out, proc, "__writemsr", (int[]){reg[REG_RCX], reg[REG_RAX]}, 2, file, line);
    } else if (strcmp(mn, "in") == 0 && n == 2 && r0 == REG_RAX && r1 == REG_RDX) {
        const char *in = sized(w0, "__inbyte", "__inword", "__indword");
        if (in)
            emit(out, proc, in, (int[]){reg[REG_RDX]}, 1, file, line);
        reg[REG_RAX] = UNKNOWN;
    } else if (strcmp(mn, "out") == 0 && n == 2 && r0 == REG_RDX && r1 == REG_RAX) {
        const char *o = sized(w1, "__outbyte", "__outword", "__outdword");
        if (o)
            emit(out, proc, o, (int[]){reg[REG_RDX], reg[REG_RAX]}, 2, file, line);
    } else if (strncmp(mn, "ins", 3) == 0 && strlen(mn) == 4) {
        const char *in = mn[3] == 'b' ? "__inbytestring" : mn[3] == 'w' ? "__inwordstring" : mn[3] == 'd' ? "__indwordstring" : NULL;
        if (in)
            emit(out, proc, in, (int[]){reg[REG_RDX], reg[REG_RDI], reg[REG_RCX]}, 3, file, line);
        reg[REG_RDI] = reg[REG_RCX] = UNKNOWN;
    } else if (strncmp(mn, "outs", 4) == 0 && strlen(mn) == 5) {
        const char *o = mn[4] == 'b' ? "__outbytestring" : mn[4] == 'w' ? "__outwordstring" : mn[4] == 'd' ? "__outdwordstring" : NULL;
        if (o)
            emit(out, proc, o, (int[]){reg[REG_RDX], reg[REG_RSI], reg[REG_RCX]}, 3, file, line);
        reg[REG_RSI] = reg[REG_RCX] = UNKNOWN;
    } else if (strcmp(mn, "mov") == 0 && n == 2 && r1 >= 0 && strlen(ops[0]) == 3 && tolower((unsigned char)ops[0][0]) == 'c' &&
               tolower((unsigned char)ops[0][1]) == 'r' && strchr("0348", ops[0][2])) {
        char name[16];
        snprintf(name, sizeof name, "__writecr%c", ops[0][2]);
        emit(out, proc, name, (int[]){reg[r1]}, 1, file, line);
    } else if ((strcmp(mn, "mov") == 0 || strncmp(mn, "movzx", 5) == 0 || strncmp(mn, "movsx", 5) == 0) && n == 2) {
        if (r0 >= 0)
            reg[r0] = r1 >= 0 ? reg[r1] : UNKNOWN;
    } else if (strcmp(mn, "xchg") == 0 && n == 2) {
        int a = r0 >= 0 ? reg[r0] : UNKNOWN, b = r1 >= 0 ? reg[r1] : UNKNOWN;
        if (r0 >= 0)
            reg[r0] = r1 >= 0 ? b : UNKNOWN;
        if (r1 >= 0)
            reg[r1] = r0 >= 0 ? a : UNKNOWN;
    } else if (strcmp(mn, "push") == 0) {
        if (s->depth < STACK_MAX)
            s->stack[s->depth++] = r0 >= 0 ? reg[r0] : UNKNOWN;
    } else if (strcmp(mn, "pop") == 0) {
        int v = s->depth ? s->stack[--s->depth] : UNKNOWN;
        if (r0 >= 0)
            reg[r0] = v;
    } else if (strcmp(mn, "call") == 0 || strcmp(mn, "cpuid") == 0 || strcmp(mn, "syscall") == 0) {
        static const int clobbered[] = {REG_RAX, REG_RBX, REG_RCX, REG_RDX, REG_R8, REG_R8 + 1, REG_R8 + 2, REG_R8 + 3};
        for (size_t i = 0; i < sizeof clobbered / sizeof clobbered[0]; i++)
            reg[clobbered[i]] = UNKNOWN;
    } else if (strcmp(mn, "and") == 0 && n == 2 && r0 >= 0 && wide_mask(ops[1])) {
        /* "and rcx, 0FFFFFFFFh": a zero extension, not a bound */
    } else if (r0 >= 0) {
        reg[r0] = UNKNOWN; /* add, and, shl, lea, xor...: no longer the caller's value as given */
    }
}

typedef VEC(char *) path_vec;

static bool is_public(const path_vec *publics, const char *name)
{
    for (size_t i = 0; i < publics->len; i++)
        if (strcmp(publics->items[i], name) == 0)
            return true;
    return false;
}

/* Is line "PUBLIC name"? Then name gets the name. */
static bool public_line(const char *line, char name[128])
{
    while (*line == ' ' || *line == '\t')
        line++;
    return strncasecmp(line, "public", 6) == 0 && isspace((unsigned char)line[6]) &&
           sscanf(line + 6, " %127[A-Za-z0-9_@$?]", name) == 1;
}

void asm_scan_text(asm_list *out, const char *file, const char *text)
{
    /* PUBLIC names first: a label may come before its PUBLIC line */
    path_vec publics = {0};
    char name[128];
    for (const char *q = text; q && *q;) {
        if (public_line(q, name))
            VEC_PUSH(&publics, xstrdup(name));
        q = strchr(q, '\n');
        q = q ? q + 1 : NULL;
    }
    char *copy = xstrdup(text);
    char *proc = NULL;
    proc_state s;
    unsigned line = 0;
    for (char *p = copy; p;) {
        char *eol = strchr(p, '\n');
        if (eol)
            *eol = '\0';
        line++;
        char *semi = strchr(p, ';');
        if (semi)
            *semi = '\0';
        char *cr = strchr(p, '\r');
        if (cr)
            *cr = '\0';
        /* "name PROC ..." / "name ENDP" */
        char first[128] = "", second[16] = "";
        sscanf(p, " %127[A-Za-z0-9_@$?] %15s", first, second);
        size_t flen = strlen(first);
        bool public_label = flen && p[flen] == ':' && !isspace((unsigned char)p[0]) && is_public(&publics, first);
        if (public_line(p, name)) {
            /* read before the loop */
        } else if (public_label) {
            /* "name:" of a PUBLIC name: a function written without PROC/ENDP */
            free(proc);
            proc = xstrdup(first);
            proc_start(&s);
            char *rest = p + flen + 1;
            while (isspace((unsigned char)*rest))
                rest++;
            if (*rest && *rest != '.')
                step(out, &s, proc, rest, file, line);
        } else if (first[0] && strcasecmp(second, "proc") == 0) {
            free(proc);
            proc = xstrdup(first);
            proc_start(&s);
        } else if (first[0] && strcasecmp(second, "endp") == 0) {
            free(proc);
            proc = NULL;
        } else if (proc) {
            char *body = p, *colon = strchr(p, ':');
            if (colon && !strchr(p, '[')) { /* "label:" before an instruction, not "gs:[...]" */
                bool label = true;
                for (char *q = p; q < colon; q++)
                    label &= isalnum((unsigned char)*q) || *q == '_' || *q == '@' || *q == '$' || isspace((unsigned char)*q);
                if (label)
                    body = colon + 1;
            }
            while (isspace((unsigned char)*body))
                body++;
            if (*body && *body != '.')
                step(out, &s, proc, body, file, line);
        }
        p = eol ? eol + 1 : NULL;
    }
    free(proc);
    free(copy);
    for (size_t i = 0; i < publics.len; i++)
        free(publics.items[i]);
    free(publics.items);
}

static bool other_processor(const char *name)
{
    static const char *const dirs[] = {"i386", "x86", "arm", "arm64", "ia64", "win32"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
        if (strcasecmp(name, dirs[i]) == 0)
            return true;
    return false;
}

static bool is_asm(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".asm") == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .asm files of dir (and, one level down, of subfolders not for another processor). */
static void list_asm(const char *dir, unsigned levels, path_vec *files)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *path = xasprintf("%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && is_asm(e->d_name)) {
            VEC_PUSH(files, path);
            continue;
        }
        if (levels && stat(path, &st) == 0 && S_ISDIR(st.st_mode) && !other_processor(e->d_name)) {
            list_asm(path, levels - 1, files);
            free(path);
            continue;
        }
        free(path);
    }
    closedir(d);
}

void asm_scan_dirs(asm_list *out, const char *const *dirs, size_t ndirs)
{
    path_vec files = {0};
    /* each folder once: the units of one folder name it once each, and listing a folder of n
       units n times cost n^2 stats (two million system calls for 1000 units) */
    const char **sorted = xcalloc(ndirs ? ndirs : 1, sizeof *sorted);
    memcpy(sorted, dirs, ndirs * sizeof *sorted);
    if (ndirs > 1)
        qsort(sorted, ndirs, sizeof *sorted, cmp_str);
    for (size_t i = 0; i < ndirs; i++)
        if (i == 0 || strcmp(sorted[i], sorted[i - 1]) != 0)
            list_asm(sorted[i], 2, &files);
    free(sorted);
    if (files.len > 1)
        qsort(files.items, files.len, sizeof *files.items, cmp_str);
    for (size_t i = 0; i < files.len; i++) {
        if (i > 0 && strcmp(files.items[i], files.items[i - 1]) == 0)
            continue; /* a folder and its parent both given */
        size_t len = 0;
        const char *enc = NULL;
        char *text = read_source_file(files.items[i], &len, &enc);
        if (text)
            asm_scan_text(out, files.items[i], text);
        free(text);
    }
    for (size_t i = 0; i < files.len; i++)
        free(files.items[i]);
    free(files.items);
}

void asm_list_free(asm_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        free(l->items[i].function);
        free(l->items[i].intrinsic);
        free(l->items[i].file);
    }
    free(l->items);
    *l = (asm_list){0};
}
