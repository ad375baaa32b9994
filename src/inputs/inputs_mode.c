/* inputs_mode.c - without build files, is a source user-mode code? It is when it (or a header
 * of its own folder tree that it includes with quotes) includes windows.h (or another header
 * only user-mode code includes) and no kernel header: test tools and installers sit next to drivers in most trees. Code for another system
 * (<linux/...>, <unistd.h>) and no Windows kernel header is no Windows driver either. A source with neither
 * is kept: the cost of analysing a tool is parse noise, the cost of dropping a driver file is
 * a missed bug. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drvtaint/util.h"
#include "inputs_internal.h"

enum { MODE_MAX_DEPTH = 4, MODE_MAX_FILES = 32 };

typedef struct mode_scan {
    bool kernel;
    char *user;    /* the first user-mode header (windows.h, Python.h, iostream), or NULL */
    char *foreign; /* the first header of another system (linux/fs.h, unistd.h), or NULL */
    VEC(char *) seen;
} mode_scan;

/* Is name one of the n names of list, in any case (Windows file names)? */
static bool one_of(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(name, list[i]) == 0)
            return true;
    return false;
}

/* Headers of user-mode Windows code only: the Win32 and COM headers, script-language bindings,
 * the C++ standard library's streams and containers. */
static bool is_user_mode_header(const char *name)
{
    static const char *const user[] = {"windows.h", "winbase.h", "winuser.h", "wtypes.h", "objbase.h", "ole2.h",
                                       "comdef.h", "wbemidl.h", "winsock2.h", "ws2tcpip.h", "shlobj.h", "shellapi.h",
                                       "setupapi.h", "tchar.h", "atlbase.h", "python.h", "iostream", "fstream",
                                       "sstream", "vector", "thread", "mutex"};
    return one_of(name, user, sizeof user / sizeof user[0]);
}

/* Headers no Windows driver includes: Linux kernel modules and POSIX programs share trees with
 * Windows drivers (ports of one driver to several systems). */
static bool is_foreign_header(const char *name)
{
    static const char *const prefixes[] = {"linux/", "asm/", "sys/", "mach/", "IOKit/"};
    static const char *const names[] = {"unistd.h", "pthread.h", "dlfcn.h", "termios.h", "poll.h"};
    /* the C runtime of MSVC has these too: Windows programs include them */
    static const char *const msvc[] = {"sys/stat.h", "sys/types.h", "sys/timeb.h", "sys/utime.h", "sys/locking.h"};
    if (one_of(name, msvc, sizeof msvc / sizeof msvc[0]))
        return false;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
            return true;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}

static bool is_kernel_header(const char *name)
{
    static const char *const kernel[] = {"ntddk.h", "wdm.h", "ntifs.h", "wdf.h", "ntddk.h", "fltkernel.h",
                                         "ndis.h", "storport.h", "ks.h", "portcls.h", "hidport.h", "wdmguid.h",
                                         "miniport.h", "ntoskrnl.h", "ddk/ntddk.h", "ddk/wdm.h", "ddk/ntifs.h"};
    return one_of(name, kernel, sizeof kernel / sizeof kernel[0]);
}

static void scan_file(mode_scan *m, const char *path, unsigned depth)
{
    if (depth > MODE_MAX_DEPTH || m->seen.len >= MODE_MAX_FILES)
        return;
    for (size_t i = 0; i < m->seen.len; i++)
        if (strcmp(m->seen.items[i], path) == 0)
            return;
    VEC_PUSH(&m->seen, xstrdup(path));
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || access(path, R_OK) != 0)
        return; /* a FIFO would block; what cannot be read is reported when it is analysed */
    size_t len = 0;
    const char *enc = NULL;
    char *text = read_source_file(path, &len, &enc);
    if (!text)
        return;
    const char *slash = strrchr(path, '/');
    char *dir = xstrndup(path, slash ? (size_t)(slash - path) : 0);
    for (char *p = text; p && *p;) {
        char *eol = strchr(p, '\n');
        if (eol)
            *eol = '\0';
        while (isspace((unsigned char)*p))
            p++;
        if (*p == '#') {
            p++;
            while (isspace((unsigned char)*p))
                p++;
            if (strncmp(p, "include", 7) == 0) {
                p += 7;
                while (isspace((unsigned char)*p))
                    p++;
                char close = *p == '<' ? '>' : *p == '"' ? '"' : 0;
                char *end = close ? strchr(p + 1, close) : NULL;
                if (end) {
                    char *name = xstrndup(p + 1, (size_t)(end - p - 1));
                    if (is_kernel_header(name))
                        m->kernel = true;
                    else if (!m->user && is_user_mode_header(name))
                        m->user = xstrdup(name);
                    else if (close == '>' && !m->foreign && is_foreign_header(name))
                        m->foreign = xstrdup(name);
                    else if (close == '"') {
                        bool found = false;
                        char *h = inputs_path_resolve_ci(dir, name, &found);
                        if (found)
                            scan_file(m, h, depth + 1);
                        free(h);
                    }
                    free(name);
                }
            }
        }
        p = eol ? eol + 1 : NULL;
    }
    free(dir);
    free(text);
}

char *inputs_non_driver_reason(const char *path)
{
    mode_scan m = {0};
    scan_file(&m, path, 0);
    inputs_free_words(m.seen.items, m.seen.len);
    char *why = NULL;
    if (!m.kernel && m.foreign)
        why = xasprintf("not Windows: includes <%s> and no Windows kernel header", m.foreign);
    else if (!m.kernel && m.user)
        why = xasprintf("user mode: includes %s and no kernel header", m.user);
    free(m.foreign);
    free(m.user);
    return why;
}
