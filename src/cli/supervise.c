/* supervise.c - units in supervised worker processes, so that no unit can take the run down with it.
 *
 * libclang can neither be interrupted nor limited from inside a process: a parse that hangs
 * or allocates without bound, or crashes, used to end the whole run without a report. Here units
 * are parsed and analysed in forked worker processes, at most `jobs` at once, one unit at a time
 * each: the parent (single-threaded: forking is safe) sends a worker a unit's number over a socket,
 * the worker writes back the unit's result and waits for the next. The parent kills a worker whose
 * unit is over --tu-timeout or over --tu-memory (resident memory, looked at every POLL_MS; an
 * address-space limit in the worker backs it up outside sanitizer builds, whose shadow memory
 * needs terabytes of address space). A worker that dies is a unit that was not analysed, with the
 * reason; a fresh worker takes the next unit and every other unit goes on. Workers are forked at
 * the start of each round (supervise_units) and inherit everything they read (rules, options, the
 * program of the last round), so only results cross the socket. A worker serves many units rather
 * than one because a fork per unit cost more than the analysis itself: every new process pays the
 * page faults of touching libclang's code and heap again (docs/performance.md). A worker whose
 * resident memory stays high after a unit is retired, so a unit's budget is never spent by the
 * units before it. */
#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run_internal.h"

#if defined(__SANITIZE_ADDRESS__)
#define SUPERVISE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SUPERVISE_ASAN 1
#endif
#endif

enum { POLL_MS = 20 };

/* Per unit, a worker writes PARSED when its parse is over, then RESULT, the result's length
 * (8 bytes, host order) and its bytes. */
enum { MARK_PARSED = 'A', MARK_RESULT = 'R' };

/* A worker left with more resident memory than this after a unit is retired (MiB; half the
 * budget when there is one). */
enum { RETIRE_MIB_NO_BUDGET = 1024 };
/* Free heap a worker keeps between units; more is handed back (malloc_trim). A unit reuses it
 * before asking the system for more, so it counts against a budget only as fragmentation. */
enum { TRIM_FREE_MIB = 64 };

typedef struct worker {
    pid_t pid; /* 0: the slot has no process */
    int fd;    /* the parent's end of the socket */
    bool busy; /* a unit was sent and its result has not come back */
    size_t unit;
    double started; /* when the unit was sent */
    strbuf buf;     /* what the worker wrote about the unit so far */
} worker;

static int child_fd = -1; /* in a worker: its end of the socket */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* false at the end of the stream (the run has no more units for this worker) or on an error */
static bool read_all(int fd, char *p, size_t n)
{
    while (n) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        n -= (size_t)r;
    }
    return true;
}

void supervise_parsed(void)
{
    char c = MARK_PARSED;
    if (child_fd >= 0)
        (void)write_all(child_fd, &c, 1);
}

static _Noreturn void run_worker(const supervisor *s, int fd)
{
    child_fd = fd;
    signal(SIGPIPE, SIG_IGN);
    struct rlimit core = {0, 0}; /* a crash is reported, not dumped */
    setrlimit(RLIMIT_CORE, &core);
#ifndef SUPERVISE_ASAN
    if (s->memory_mib) { /* a backstop for an allocation too fast for the resident-memory poll */
        rlim_t as = (rlim_t)s->memory_mib * 2 * 1024 * 1024;
        struct rlimit cur;
        if (getrlimit(RLIMIT_AS, &cur) == 0 && (cur.rlim_cur == RLIM_INFINITY || cur.rlim_cur > as)) {
            cur.rlim_cur = as;
            setrlimit(RLIMIT_AS, &cur);
        }
    }
#endif
    uint64_t unit;
    while (read_all(fd, (char *)&unit, sizeof unit)) {
        strbuf out = {0};
        uint64_t len = 0;
        sb_putc(&out, MARK_RESULT);
        sb_appendn(&out, (const char *)&len, sizeof len);
        s->work(s->arg, (size_t)unit, &out);
        len = out.len - 1 - sizeof len;
        memcpy(out.buf + 1, &len, sizeof len);
        bool ok = write_all(fd, out.buf, out.len);
        sb_free(&out);
        if (!ok)
            _exit(1);
#ifdef __GLIBC__
        /* the unit's memory back to the system when there is enough of it to matter to the next
           unit's budget; trimming after every unit cost a madvise over the whole heap and the
           page faults of touching it again (8 % of a cheap unit's CPU) */
        if (mallinfo2().fordblks > (size_t)TRIM_FREE_MIB << 20)
            malloc_trim(0);
#endif
    }
    /* _exit: the parent's stdio buffers and exit-time destructors are the parent's */
    _exit(0);
}

static size_t resident_mib(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/statm", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    unsigned long size = 0, resident = 0;
    int got = fscanf(f, "%lu %lu", &size, &resident);
    fclose(f);
    if (got != 2)
        return 0;
    return (size_t)(((unsigned long long)resident * (unsigned long long)sysconf(_SC_PAGESIZE)) >> 20);
}

static const char *phase(const worker *w)
{
    return w->buf.len && w->buf.buf[0] == MARK_PARSED ? "analysis" : "parsing";
}

/* The unit's result, once all of it is there. */
static bool complete(const worker *w, const char **data, size_t *len)
{
    size_t at = w->buf.len && w->buf.buf[0] == MARK_PARSED ? 1 : 0;
    uint64_t n;
    if (w->buf.len < at + 1 + sizeof n || w->buf.buf[at] != MARK_RESULT)
        return false;
    memcpy(&n, w->buf.buf + at + 1, sizeof n);
    if (w->buf.len - at - 1 - sizeof n < n)
        return false;
    *data = w->buf.buf + at + 1 + sizeof n;
    *len = (size_t)n;
    return true;
}

/* Ends the worker's process (asked to exit, or already killed) and empties the slot. */
static int reap(worker *w)
{
    int status = 0;
    close(w->fd);
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    sb_free(&w->buf);
    *w = (worker){0};
    return status;
}

/* The worker died or was killed with its unit unfinished: the unit was not analysed. */
static void lose(const supervisor *s, worker *w, const char *killed_for)
{
    size_t unit = w->unit;
    char *why = killed_for ? xstrdup(killed_for) : NULL;
    const char *ph = phase(w);
    int status = reap(w);
    if (!why) {
        if (WIFSIGNALED(status))
            why = xasprintf("%s crashed (signal %d, %s)", ph, WTERMSIG(status), strsignal(WTERMSIG(status)));
        else
            why = xasprintf("%s ended with exit status %d", ph, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    s->failed(s->arg, unit, why);
    free(why);
}

/* Reads what is there; false at the end of the worker's output. */
static bool drain(worker *w)
{
    char tmp[65536];
    for (;;) {
        ssize_t n = read(w->fd, tmp, sizeof tmp);
        if (n > 0) {
            sb_appendn(&w->buf, tmp, (size_t)n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
}

static bool spawn(const supervisor *s, worker *ws, unsigned nws, worker *w, char **err)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
        *err = xasprintf("no socket to a process for it: %s", strerror(errno));
        return false;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        *err = xasprintf("no process could be started to analyse it: %s", strerror(errno));
        close(sv[0]);
        close(sv[1]);
        return false;
    }
    if (pid == 0) {
        /* the other workers' sockets: held open here, a worker told to stop would never see
         * the end of its input */
        for (unsigned k = 0; k < nws; k++)
            if (ws[k].pid)
                close(ws[k].fd);
        close(sv[0]);
        run_worker(s, sv[1]);
    }
    close(sv[1]);
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    fcntl(sv[0], F_SETFD, FD_CLOEXEC);
    *w = (worker){.pid = pid, .fd = sv[0]};
    return true;
}

static bool assign(worker *w, size_t unit)
{
    uint64_t u = unit;
    if (send(w->fd, &u, sizeof u, MSG_NOSIGNAL) != (ssize_t)sizeof u)
        return false;
    w->busy = true;
    w->unit = unit;
    w->started = now_seconds();
    w->buf.len = 0;
    return true;
}

/* Gives slot w the next unit, starting a worker when the slot has none. */
static void feed(const supervisor *s, worker *ws, unsigned nws, worker *w, const size_t *units, size_t n,
                 size_t *next)
{
    while (!w->busy && *next < n) {
        size_t u = units[(*next)++];
        bool fresh = !w->pid;
        char *err = NULL;
        if (fresh && !spawn(s, ws, nws, w, &err)) {
            s->failed(s->arg, u, err);
            free(err);
            continue;
        }
        if (assign(w, u))
            return;
        reap(w); /* it died between units */
        if (fresh) {
            s->failed(s->arg, u, "its process could not be given the unit");
            continue;
        }
        (*next)--; /* a new worker takes it */
    }
}

void supervise_units(const supervisor *s, const size_t *units, size_t n)
{
    unsigned jobs = s->jobs ? s->jobs : 1;
    worker *ws = xcalloc(jobs, sizeof *ws);
    struct pollfd *fds = xcalloc(jobs, sizeof *fds);
    size_t *at = xcalloc(jobs, sizeof *at);
    size_t next = 0;
    size_t retire_mib = s->memory_mib ? s->memory_mib / 2 : RETIRE_MIB_NO_BUDGET;
    for (;;) {
        for (unsigned k = 0; k < jobs; k++)
            feed(s, ws, jobs, &ws[k], units, n, &next);
        size_t live = 0;
        for (unsigned k = 0; k < jobs; k++)
            if (ws[k].busy) {
                fds[live] = (struct pollfd){.fd = ws[k].fd, .events = POLLIN};
                at[live++] = k;
            }
        if (!live)
            break;
        int ready = poll(fds, live, POLL_MS);
        if (ready < 0 && errno != EINTR)
            ready = 0;
        double now = now_seconds();
        for (size_t j = 0; j < live; j++) {
            worker *w = &ws[at[j]];
            bool open = !(fds[j].revents & (POLLIN | POLLHUP | POLLERR)) || drain(w);
            const char *data;
            size_t len;
            if (complete(w, &data, &len)) {
                s->done(s->arg, w->unit, data, len);
                w->busy = false;
                sb_free(&w->buf);
                if (!open || resident_mib(w->pid) > retire_mib)
                    reap(w);
                continue;
            }
            char *killed = NULL;
            if (open && s->timeout_s && now - w->started >= (double)s->timeout_s)
                killed = xasprintf("%s took longer than %u s (--tu-timeout)", phase(w), s->timeout_s);
            else if (open && s->memory_mib && resident_mib(w->pid) > s->memory_mib)
                killed = xasprintf("%s used more than %u MiB (--tu-memory)", phase(w), s->memory_mib);
            if (killed)
                kill(w->pid, SIGKILL);
            if (open && !killed)
                continue;
            lose(s, w, killed);
            free(killed);
        }
    }
    for (unsigned k = 0; k < jobs; k++) /* idle: the end of their input tells them to exit */
        if (ws[k].pid)
            reap(&ws[k]);
    free(ws);
    free(fds);
    free(at);
}
