/* wire.h - a compact byte encoding for results that cross a process boundary (a unit analysed
 * in a child process sends its findings, inventory and whole-driver facts to the run).
 *
 * Integers are LEB128 varints; strings are a varint length + 1 (0 is NULL) and their bytes.
 * A reader never reads past its end: a short or malformed message sets `bad` and every later
 * read returns 0/NULL, so a decoder checks once at the end. */
#ifndef DRVTAINT_WIRE_H
#define DRVTAINT_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drvtaint/util.h"

void wire_put_u64(strbuf *b, uint64_t v);
void wire_put_i64(strbuf *b, int64_t v); /* zig-zag, so small negatives stay short */
void wire_put_str(strbuf *b, const char *s);

typedef struct wire_reader {
    const unsigned char *p, *end;
    bool bad;
} wire_reader;

wire_reader wire_reader_new(const char *data, size_t len);
uint64_t wire_get_u64(wire_reader *r);
int64_t wire_get_i64(wire_reader *r);
/* A count of items each at least min_bytes long: more than the rest of the message can hold is bad. */
size_t wire_get_count(wire_reader *r, size_t min_bytes);
char *wire_get_str(wire_reader *r);                  /* heap copy, or NULL */
const char *wire_get_str_in(wire_reader *r, arena *a); /* copy in a, or NULL */

#endif
