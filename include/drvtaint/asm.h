/* asm.h - hardware primitives a driver writes in x64 assembly (MASM .asm files next to its
 * sources): a PROC that executes rdmsr, wrmsr, in, out, or writes a control register with a
 * value that comes straight from one of its arguments (rcx, rdx, r8, r9 at entry) is, to the C
 * code that calls it, the intrinsic that does the same (__readmsr, __outbyte, ...), with its
 * arguments renumbered. The analysis then treats calls to it as sink calls.
 *
 * Ownership: an asm_list owns its primitives and their strings; asm_list_free releases them. */
#ifndef DRVTAINT_ASM_H
#define DRVTAINT_ASM_H

#include <stddef.h>

enum { ASM_MAX_ARGS = 4 };

typedef struct asm_primitive {
    char *function;  /* the PROC's name, as written */
    char *intrinsic; /* the intrinsic it behaves like: "__writemsr" */
    /* from[i]: the PROC's argument (0-3) that reaches the intrinsic's argument i, or -1 */
    int from[ASM_MAX_ARGS];
    char *file;    /* the .asm file */
    unsigned line; /* of the instruction */
} asm_primitive;

typedef struct asm_list {
    asm_primitive *items;
    size_t len, cap;
} asm_list;

/* Adds the primitives of one file's text (MASM syntax, x64 calling convention). */
void asm_scan_text(asm_list *out, const char *file, const char *text);

/* Adds the primitives of the *.asm files (any case) in each folder and in its direct subfolders,
 * except those for other processors (i386, x86, arm, arm64, ia64): the x64 build assembles the
 * amd64/x64 ones. Files are read in sorted path order; a folder given twice is read once. */
void asm_scan_dirs(asm_list *out, const char *const *dirs, size_t ndirs);

void asm_list_free(asm_list *l);

#endif
