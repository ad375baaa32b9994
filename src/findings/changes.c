/* changes.c - pull-request mode: the changed files and lines, and the findings that touch
 * them (see changes.h). git is run without a shell, so a revision is never interpreted. */
#include "drvtaint/changes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drvtaint/util.h"

static change_file *file_for(change_set *set, const char *abs)
{
    for (size_t i = 0; i < set->nfiles; i++)
        if (strcmp(set->files[i].path, abs) == 0)
            return &set->files[i];
    set->files = xrealloc(set->files, (set->nfiles + 1) * sizeof *set->files);
    change_file *f = &set->files[set->nfiles++];
    *f = (change_file){xstrdup(abs), false, NULL, 0};
    return f;
}

/* A path as the user or git wrote it, relative to the working directory or to base. */
static char *resolve(const char *path, const char *base)
{
    char *abs = realpath(path, NULL);
    if (abs || path[0] == '/' || !base)
        return abs;
    char *joined = xasprintf("%s/%s", base, path);
    abs = realpath(joined, NULL);
    free(joined);
    return abs;
}

int changes_load_list(change_set *set, const char *list, const char *root, char **err)
{
    char *text = NULL;
    if (strcmp(list, "-") == 0) {
        strbuf sb = {0};
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf - 1, stdin)) > 0) {
            buf[n] = '\0';
            sb_append(&sb, buf);
        }
        text = sb_take(&sb);
    } else if (!(text = read_file(list, NULL))) {
        *err = xasprintf("%s: cannot read the list of changed files: %s", list, strerror(errno));
        return -1;
    }
    for (char *line = strtok(text, "\r\n"); line; line = strtok(NULL, "\r\n")) {
        while (*line == ' ' || *line == '\t')
            line++;
        if (!*line)
            continue;
        char *abs = resolve(line, root);
        if (abs) /* a deleted file has nothing left to report on */
            file_for(set, abs)->whole = true;
        free(abs);
    }
    free(text);
    return 0;
}

static void add_range(change_file *f, unsigned first, unsigned last)
{
    f->ranges = xrealloc(f->ranges, (f->nranges + 1) * sizeof *f->ranges);
    f->ranges[f->nranges++] = (change_range){first, last};
}

void changes_parse_diff(change_set *set, const char *diff, const char *top)
{
    change_file *cur = NULL;
    for (const char *p = diff; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len > 6 && strncmp(p, "+++ ", 4) == 0) {
            cur = NULL;
            if (strncmp(p + 4, "b/", 2) == 0) {
                char *rel = xstrndup(p + 6, len - 6);
                char *joined = xasprintf("%s/%s", top, rel);
                char *abs = realpath(joined, NULL);
                free(joined);
                if (abs)
                    cur = file_for(set, abs);
                free(abs);
                free(rel);
            }
        } else if (cur && len > 2 && strncmp(p, "@@", 2) == 0) {
            const char *plus = memchr(p, '+', len);
            if (plus) {
                char *end;
                unsigned long start = strtoul(plus + 1, &end, 10);
                unsigned long count = *end == ',' ? strtoul(end + 1, NULL, 10) : 1;
                if (count == 0) /* lines removed after line start: both neighbours changed */
                    add_range(cur, start ? (unsigned)start : 1, (unsigned)start + 1);
                else
                    add_range(cur, (unsigned)start, (unsigned)(start + count - 1));
            }
        }
        p = nl ? nl + 1 : NULL;
    }
}

/* Runs git with argv in dir and returns its standard output, or NULL when it fails. */
static char *run_git(const char *dir, const char *const *args)
{
    int fds[2];
    if (pipe(fds) != 0)
        return NULL;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return NULL;
    }
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        if (chdir(dir) != 0)
            _exit(127);
        execvp("git", (char *const *)args);
        _exit(127);
    }
    close(fds[1]);
    strbuf sb = {0};
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf - 1)) > 0) {
        buf[n] = '\0';
        sb_append(&sb, buf);
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    char *out = sb_take(&sb);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

int changes_load_git(change_set *set, const char *rev, const char *root, char **err)
{
    const char *top_args[] = {"git", "rev-parse", "--show-toplevel", NULL};
    char *top = run_git(root, top_args);
    if (!top) {
        *err = xasprintf("--since %s: %s is not in a git repository (or git is missing)", rev, root);
        return -1;
    }
    top[strcspn(top, "\n")] = '\0';
    const char *diff_args[] = {"git", "-c", "core.quotepath=off", "diff", "-U0", "--no-color", "--no-ext-diff",
                               rev, "--", NULL};
    char *diff = run_git(top, diff_args);
    if (!diff) {
        *err = xasprintf("--since %s: 'git diff %s' failed (is it a revision of %s?)", rev, rev, top);
        free(top);
        return -1;
    }
    changes_parse_diff(set, diff, top);
    free(diff);
    const char *new_args[] = {"git", "-c", "core.quotepath=off", "ls-files", "--others", "--exclude-standard", NULL};
    char *untracked = run_git(top, new_args);
    for (char *line = untracked ? strtok(untracked, "\n") : NULL; line; line = strtok(NULL, "\n")) {
        char *joined = xasprintf("%s/%s", top, line);
        char *abs = realpath(joined, NULL);
        if (abs)
            file_for(set, abs)->whole = true;
        free(abs);
        free(joined);
    }
    free(untracked);
    free(top);
    return 0;
}

static bool on_change(const change_set *set, const char *file, unsigned line)
{
    for (size_t i = 0; i < set->nfiles; i++) {
        const change_file *f = &set->files[i];
        if (strcmp(f->path, file) != 0)
            continue;
        if (f->whole)
            return true;
        for (size_t k = 0; k < f->nranges; k++)
            if (line >= f->ranges[k].first && line <= f->ranges[k].last)
                return true;
    }
    return false;
}

static bool steps_touch(const change_set *set, const trace_step *steps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (on_change(set, steps[i].file, steps[i].line))
            return true;
    return false;
}

bool changes_touch(const change_set *set, const finding *f)
{
    if (on_change(set, f->file, f->line) || steps_touch(set, f->trace, f->ntrace))
        return true;
    for (size_t i = 0; i < f->nroutes; i++)
        if (steps_touch(set, f->routes[i].trace, f->routes[i].ntrace))
            return true;
    return false;
}

static bool keep_touching(const finding *f, const void *ctx)
{
    return changes_touch(ctx, f);
}

size_t changes_filter(const change_set *set, finding_list *findings)
{
    return findings_keep(findings, keep_touching, set);
}

void changes_free(change_set *set)
{
    for (size_t i = 0; i < set->nfiles; i++) {
        free(set->files[i].path);
        free(set->files[i].ranges);
    }
    free(set->files);
    memset(set, 0, sizeof *set);
}
