/* fe_prelude.c - precompile, once per run and parse arguments, the system headers units include first.
 *
 * The PCHs live in a private folder made for the run (fe_prelude_dir_new), named by a hash of the
 * parse arguments and the header list, so threads and processes that parse units share them
 * through the file system: the first to need one builds it under a temporary name and renames it
 * into place (atomic); a prelude that does not build cleanly is marked bad and never tried again.
 * A prelude is built for its second unit: one unit alone is cheaper parsed plainly. */
#include "fe_prelude.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fe_internal.h"

char *fe_prelude_dir_new(void)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = xasprintf("%s/drvtaint-prelude.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        free(dir);
        return NULL;
    }
    return dir;
}

void fe_prelude_dir_remove(char *dir)
{
    if (!dir)
        return;
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *p = xasprintf("%s/%s", dir, e->d_name);
            unlink(p);
            free(p);
        }
        closedir(d);
    }
    rmdir(dir);
    free(dir);
}

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static bool exists(const char *path)
{
    return access(path, F_OK) == 0;
}

/* Parses the prelude's lines with args and saves them as pch; false when it has errors. */
static bool build_pch(CXIndex index, const char *const *args, size_t nargs, const fe_prelude_list *headers,
                      const char *header_path, const char *pch)
{
    FILE *f = fopen(header_path, "w");
    if (!f)
        return false;
    for (size_t i = 0; i < headers->len; i++)
        fprintf(f, "%s\n", headers->items[i]);
    if (fclose(f) != 0)
        return false;
    CXTranslationUnit ctu = NULL;
    unsigned options = CXTranslationUnit_ForSerialization | CXTranslationUnit_Incomplete |
                       CXTranslationUnit_KeepGoing;
    enum CXErrorCode err = clang_parseTranslationUnit2(index, header_path, args, (int)nargs, NULL, 0, options, &ctu);
    bool ok = err == CXError_Success && ctu && fe_count_errors(ctu) == 0;
    if (ok) {
        /* saving registers LLVM's remove-on-signal handler, which gives the calling thread an
         * alternate signal stack of LLVM's own; put the thread's back, or a sanitizer runtime
         * that owns it fails to unmap LLVM's at thread exit */
        stack_t old;
        bool had = sigaltstack(NULL, &old) == 0;
        char *tmp = xasprintf("%s.tmp", header_path);
        ok = clang_saveTranslationUnit(ctu, tmp, clang_defaultSaveOptions(ctu)) == CXSaveError_None &&
             rename(tmp, pch) == 0;
        if (!ok)
            unlink(tmp);
        free(tmp);
        if (had)
            sigaltstack(&old, NULL);
    }
    if (ctu)
        clang_disposeTranslationUnit(ctu);
    return ok;
}

char *fe_prelude_pch(const char *dir, CXIndex index, const char *const *args, size_t nargs,
                     const fe_prelude_list *headers)
{
    bool includes = false;
    for (size_t i = 0; i < headers->len && !includes; i++)
        includes = strncmp(headers->items[i], "#include", 8) == 0;
    if (!dir || !includes)
        return NULL;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < nargs; i++)
        h = fnv1a(h, args[i], strlen(args[i]) + 1);
    for (size_t i = 0; i < headers->len; i++)
        h = fnv1a(h, headers->items[i], strlen(headers->items[i]) + 1);
    char *pch = xasprintf("%s/%016llx.pch", dir, (unsigned long long)h);
    if (exists(pch))
        return pch;
    /* the first unit with a prelude parses plainly: building one costs about two parses, so it
     * pays only from its second user on */
    char *seen = xasprintf("%s/%016llx.seen", dir, (unsigned long long)h);
    int fd = open(seen, O_CREAT | O_EXCL | O_WRONLY, 0600);
    free(seen);
    if (fd >= 0) {
        close(fd);
        free(pch);
        return NULL;
    }
    char *bad = xasprintf("%s/%016llx.bad", dir, (unsigned long long)h);
    /* each builder its own header, kept: a PCH checks the file it was built from when loaded */
    static atomic_uint builds;
    char *header = xasprintf("%s/%016llx.%ld.%u.h", dir, (unsigned long long)h, (long)getpid(),
                             atomic_fetch_add(&builds, 1));
    bool ok = !exists(bad) && build_pch(index, args, nargs, headers, header, pch);
    if (!ok && !exists(bad)) {
        FILE *f = fopen(bad, "w");
        if (f)
            fclose(f);
    }
    free(header);
    free(bad);
    if (!ok) {
        free(pch);
        return NULL;
    }
    return pch;
}
