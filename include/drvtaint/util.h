/* util.h - allocation, arenas, growable strings and vectors shared by every stage.
 *
 * Ownership: an arena owns every block it hands out; arena_free releases them all
 * at once. Heap helpers (x*) abort on out-of-memory: a static analyser has no
 * sensible way to continue without memory, and callers stay simple. */
#ifndef DRVTAINT_UTIL_H
#define DRVTAINT_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* The folder of a path: "a/b" for "a/b/c", "/" for "/c", "." for "c" (caller frees). */
char *path_dir(const char *path);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Bump allocator; blocks are zeroed and aligned for any object. */
typedef struct arena arena;
arena *arena_new(void);
/* An arena whose chunks are this size: many small long-lived arenas (one per unit's facts). */
arena *arena_new_chunked(size_t chunk);
void arena_free(arena *a);
void *arena_alloc(arena *a, size_t n);
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
/* Copies an array of n pointers into the arena (for freezing heap vectors). */
void **arena_dup_ptrs(arena *a, void *const *items, size_t n);

/* Growable NUL-terminated string on the heap. */
typedef struct strbuf {
    char *buf;
    size_t len, cap;
} strbuf;
void sb_append(strbuf *sb, const char *s);
void sb_appendn(strbuf *sb, const char *s, size_t n);
void sb_putc(strbuf *sb, char c);
void sb_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(strbuf *sb, const char *fmt, va_list ap);
/* Returns the string (never NULL) and leaves sb empty; caller frees. */
char *sb_take(strbuf *sb);
void sb_free(strbuf *sb);

/* Growable array of T on the heap: VEC(int) v = {0}; VEC_PUSH(&v, 3); free(v.items). */
#define VEC(T) struct { T *items; size_t len, cap; }
#define VEC_PUSH(v, x)                                                              \
    do {                                                                            \
        if ((v)->len == (v)->cap) {                                                 \
            (v)->cap = (v)->cap ? (v)->cap * 2 : 8;                                 \
            (v)->items = xrealloc((v)->items, (v)->cap * sizeof *(v)->items);       \
        }                                                                           \
        (v)->items[(v)->len++] = (x);                                               \
    } while (0)

/* Reads a whole file; returns NULL and sets errno on failure. *len may be NULL. */
char *read_file(const char *path, size_t *len);

/* Reads a source file as text for the parser and for anything that reads lines of it. A file
 * that starts with a UTF-16 byte-order mark (little- or big-endian, as Visual Studio saves
 * "Unicode" files) is converted to UTF-8 without the mark; any other file is returned as it
 * is (clang itself skips a UTF-8 mark). *encoding (may be NULL) is set to "UTF-16LE",
 * "UTF-16BE", or NULL for a file returned as it is. NULL with errno on failure. */
char *read_source_file(const char *path, size_t *len, const char **encoding);

/* UTF-16 code units (n bytes) to NUL-terminated UTF-8; unpaired surrogates and an odd last
 * byte become U+FFFD. *len (may be NULL) gets the length. Caller frees. */
char *utf16_to_utf8(const unsigned char *s, size_t n, bool big_endian, size_t *len);

/* Length of the valid UTF-8 sequence at s (n bytes available), 0 when there is none. */
size_t utf8_sequence_length(const unsigned char *s, size_t n);
/* s[0..n) with every byte that is not part of a valid UTF-8 sequence written as \xNN (in a C
 * string literal that is the same byte), so that JSON and SARIF reports stay UTF-8 whatever
 * code page the source was saved in. Caller frees. */
char *utf8_escape_invalid(const char *s, size_t n);

/* Sorts n items of size bytes and drops the ones equal to their predecessor, calling drop
 * on each dropped item; returns the new count. Stable output for equal keys is not needed:
 * equal items are duplicates. */
size_t sort_unique(void *items, size_t n, size_t size, int (*cmp)(const void *, const void *),
                   void (*drop)(void *));

/* path relative to the working directory when it lies below it, else path; caller frees. */
char *path_from_cwd(const char *path);
/* path relative to root when below it, else path; root NULL means the working directory. */
char *path_below(const char *path, const char *root);

bool str_ends_with(const char *s, const char *suffix);
int str_cmp_ptr(const void *a, const void *b); /* qsort comparator for char* arrays */

#endif
