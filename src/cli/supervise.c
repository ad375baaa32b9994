/* supervise.c - each unit in a child process, so that no unit can take the run down with it.
 *
 * libclang can neither be interrupted nor limited from inside a process: a parse that hangs
 * or allocates without bound, or crashes, used to end the whole run without a report. Here a
 * unit is parsed and analysed in a forked child that writes its result to a pipe and exits;
 * the parent (single-threaded: forking is safe) keeps at most `jobs` children, reads their
 * pipes, and kills a child over --tu-timeout or over --tu-memory (resident memory, looked at
 * every POLL_MS; an address-space limit in the child backs it up outside sanitizer builds,
 * whose shadow memory needs terabytes of address space). A child that dies is a unit that was
 * not analysed, with the reason; every other unit goes on. The child inherits everything it
 * reads (rules, options, the program of the last round) through fork, so only its result
 * crosses the pipe. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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

/* The first byte a child writes: its parse is over. Then RESULT and the result's bytes. */
enum { MARK_PARSED = 'A', MARK_RESULT = 'R' };

typedef struct child {
    pid_t pid;
    int fd;
    size_t unit;
    double started;
    strbuf buf;
    bool over_memory;
} child;

static int child_fd = -1; /* in a child: its end of the pipe */

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

void supervise_parsed(void)
{
    char c = MARK_PARSED;
    if (child_fd >= 0)
        (void)write_all(child_fd, &c, 1);
}

static _Noreturn void run_child(const supervisor *s, size_t unit, int fd)
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
    strbuf out = {0};
    sb_putc(&out, MARK_RESULT);
    s->work(s->arg, unit, &out);
    bool ok = write_all(fd, out.buf, out.len);
    sb_free(&out);
    /* _exit: the parent's stdio buffers and exit-time destructors are the parent's */
    _exit(ok ? 0 : 1);
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

static const char *phase(const child *c)
{
    return c->buf.len && c->buf.buf[0] == MARK_PARSED ? "analysis" : "parsing";
}

/* Reaps c and hands its result, or why there is none, to the supervisor's callbacks. */
static void finish(const supervisor *s, child *c, const char *killed_for)
{
    int status = 0;
    while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
        ;
    close(c->fd);
    const char *data = c->buf.buf ? c->buf.buf : "";
    size_t len = c->buf.len;
    if (len && data[0] == MARK_PARSED) {
        data++;
        len--;
    }
    if (killed_for) {
        s->failed(s->arg, c->unit, killed_for);
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && len && data[0] == MARK_RESULT) {
        s->done(s->arg, c->unit, data + 1, len - 1);
    } else {
        char *why;
        if (WIFSIGNALED(status))
            why = xasprintf("%s crashed (signal %d, %s)", phase(c), WTERMSIG(status), strsignal(WTERMSIG(status)));
        else
            why = xasprintf("%s ended with exit status %d", phase(c), WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        s->failed(s->arg, c->unit, why);
        free(why);
    }
    sb_free(&c->buf);
}

/* Reads what is there; false at the end of the child's output. */
static bool drain(child *c)
{
    char tmp[65536];
    for (;;) {
        ssize_t n = read(c->fd, tmp, sizeof tmp);
        if (n > 0) {
            sb_appendn(&c->buf, tmp, (size_t)n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
}

static bool spawn(const supervisor *s, size_t unit, child *c, char **err)
{
    int p[2];
    if (pipe(p) != 0) {
        *err = xasprintf("no pipe to a process for it: %s", strerror(errno));
        return false;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        *err = xasprintf("no process could be started to analyse it: %s", strerror(errno));
        close(p[0]);
        close(p[1]);
        return false;
    }
    if (pid == 0) {
        close(p[0]);
        run_child(s, unit, p[1]);
    }
    close(p[1]);
    fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
    fcntl(p[0], F_SETFD, FD_CLOEXEC);
    *c = (child){.pid = pid, .fd = p[0], .unit = unit, .started = now_seconds()};
    return true;
}

void supervise_units(const supervisor *s, const size_t *units, size_t n)
{
    unsigned jobs = s->jobs ? s->jobs : 1;
    child *kids = xcalloc(jobs, sizeof *kids);
    struct pollfd *fds = xcalloc(jobs, sizeof *fds);
    size_t next = 0, live = 0;
    while (next < n || live) {
        while (live < jobs && next < n) {
            char *err = NULL;
            size_t u = units[next++];
            if (spawn(s, u, &kids[live], &err)) {
                live++;
            } else {
                s->failed(s->arg, u, err);
                free(err);
            }
        }
        if (!live)
            continue;
        for (size_t k = 0; k < live; k++)
            fds[k] = (struct pollfd){.fd = kids[k].fd, .events = POLLIN};
        int ready = poll(fds, live, POLL_MS);
        if (ready < 0 && errno != EINTR)
            ready = 0;
        double now = now_seconds();
        for (size_t k = 0; k < live;) {
            child *c = &kids[k];
            bool open = !(fds[k].revents & (POLLIN | POLLHUP | POLLERR)) || drain(c);
            char *killed = NULL;
            if (open && s->timeout_s && now - c->started >= (double)s->timeout_s)
                killed = xasprintf("%s took longer than %u s (--tu-timeout)", phase(c), s->timeout_s);
            else if (open && s->memory_mib && resident_mib(c->pid) > s->memory_mib)
                killed = xasprintf("%s used more than %u MiB (--tu-memory)", phase(c), s->memory_mib);
            if (killed)
                kill(c->pid, SIGKILL);
            if (open && !killed) {
                k++;
                continue;
            }
            finish(s, c, killed);
            free(killed);
            kids[k] = kids[--live];
            fds[k] = fds[live];
        }
    }
    free(kids);
    free(fds);
}
