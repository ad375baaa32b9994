/* changes.h - pull-request mode: which files and lines changed (--changed-files, --since), and
 * which findings touch them. The whole driver is still analysed (its summaries need every
 * file); only the report and the exit code are narrowed to findings whose sink or trace lies
 * in a changed file or on a changed line. */
#ifndef DRVTAINT_CHANGES_H
#define DRVTAINT_CHANGES_H

#include <stdbool.h>
#include <stddef.h>

#include "drvtaint/findings.h"

typedef struct change_range {
    unsigned first, last; /* changed lines, inclusive */
} change_range;

typedef struct change_file {
    char *path;            /* absolute, symlinks resolved */
    bool whole;            /* every line (a listed file, or one git does not track yet) */
    change_range *ranges;  /* when not whole */
    size_t nranges;
} change_file;

typedef struct change_set {
    change_file *files;
    size_t nfiles;
} change_set;

/* Reads paths, one a line, from list (a file, or "-" for standard input); a relative path is
 * taken from the working directory, else from root. Paths that do not exist (deleted files)
 * are skipped. -1 with *err when list cannot be read. */
int changes_load_list(change_set *set, const char *list, const char *root, char **err);
/* What changed since git revision rev in the repository holding root: the lines of
 * 'git diff -U0 rev' (a deletion marks the lines on both sides), and untracked files whole.
 * -1 with *err (naming rev) when git fails. */
int changes_load_git(change_set *set, const char *rev, const char *root, char **err);
/* Parses the output of 'git diff -U0' whose paths are relative to top (exposed for tests). */
void changes_parse_diff(change_set *set, const char *diff, const char *top);
/* True when f's sink, or a step of any of its traces, is on a changed line. */
bool changes_touch(const change_set *set, const finding *f);
/* Drops the findings that touch no change; returns how many were dropped. */
size_t changes_filter(const change_set *set, finding_list *findings);
void changes_free(change_set *set);

#endif
