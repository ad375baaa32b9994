/* fuzz_support.h - helpers shared by the libFuzzer targets in tests/fuzz/.
 *
 * The loaders under test read files, not buffers, so each input is written to a file in a
 * per-process scratch directory (on /dev/shm when it is writable, so no disk I/O per run).
 * Everything here dies with the process; nothing is written into the source tree. */
#ifndef DRVTAINT_FUZZ_SUPPORT_H
#define DRVTAINT_FUZZ_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/* The scratch directory of this process, created on first use (never freed: it lives as long
 * as the process, and is removed at exit). */
const char *fz_scratch_dir(void);
/* Writes data to fz_scratch_dir()/name (replacing it) and returns the path (free it). */
char *fz_write(const char *name, const uint8_t *data, size_t size);
/* data as a NUL-terminated heap string (free it); embedded NULs are kept. */
char *fz_cstring(const uint8_t *data, size_t size);

#endif
