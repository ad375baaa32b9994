/* findings.h - what drvtaint reports: a user-controlled sink argument with its evidence.
 *
 * Findings live on the heap (they outlive the unit's AST and arena); findings_free
 * releases a list and everything in it. */
#ifndef DRVTAINT_FINDINGS_H
#define DRVTAINT_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum finding_severity { FINDING_NOTE, FINDING_WARNING, FINDING_ERROR } finding_severity;

typedef enum trace_kind {
    TRACE_SOURCE, /* where user data enters (Irp->AssociatedIrp.SystemBuffer, an out-parameter) */
    TRACE_READ,   /* a value read through a pointer to user data (in->Msr) */
    TRACE_ASSIGN, /* an assignment or initialisation that carried it */
    TRACE_COPY,   /* a memcpy-like copy of user bytes into an object */
    TRACE_SINK    /* the privileged call */
} trace_kind;

typedef struct trace_step {
    trace_kind kind;
    char *file;
    unsigned line, col;
    char *text; /* the expression or statement as written */
} trace_step;

typedef struct finding_ioctl {
    uint64_t code;
    char *name; /* the macro that names it in the driver, or NULL */
    bool placeholder; /* code made up by recovery (its header was not found): no real code or method */
} finding_ioctl;

/* Another entry path to the same sink argument: a helper reached from two dispatch routines
 * is one finding with two routes, not two findings. */
typedef struct finding_route {
    char *entry;
    char *entry_kind;
    finding_ioctl *ioctls;
    size_t nioctls;
    trace_step *trace;
    size_t ntrace;
} finding_route;

typedef struct finding {
    char *rule;          /* rule id, e.g. msr-read */
    finding_severity severity;
    char *file;          /* where the sink call was written */
    unsigned line, col;
    char *function;      /* enclosing function */
    char *sink;          /* called function */
    char *written;       /* macro name used at the call, or NULL */
    unsigned arg_index;
    char *role;          /* argument role name */
    char *arg_text;      /* the argument as written */
    char *range;         /* possible values at the call, as text */
    char *message;
    trace_step *trace;
    size_t ntrace;
    char *witness;     /* a dangerous value still possible ("0xc0000082 (IA32_LSTAR)"), or NULL */
    char *entry;       /* the function the request entered through (root of the call chain) */
    char *entry_kind;  /* IRP_MJ_DEVICE_CONTROL, EvtIoDeviceControl, ...; NULL when not recognised */
    finding_ioctl *ioctls; /* IOCTL codes on the path, when the path tests the code */
    size_t nioctls;
    finding_route *routes; /* the other entry paths (findings_finish merges them) */
    size_t nroutes;
    /* One finding per root cause: a copy through a mapping of a caller-chosen physical address
       names the mapping call here (fold_file, NULL otherwise); findings_finish folds it into the
       mapping's finding there as a related location, or keeps it when there is none. */
    char *fold_file;
    unsigned fold_line, fold_col;
    trace_step *related; /* uses folded into this finding (kind TRACE_SINK), in order */
    size_t nrelated;
    char *suppressed;  /* justification of an in-source suppression, or NULL */
    bool in_baseline;  /* its fingerprint is in the --baseline report */
} finding;

typedef struct finding_list {
    finding *items;
    size_t len, cap;
} finding_list;

/* Takes ownership of f's strings and steps. */
void findings_add(finding_list *list, finding f);
void findings_move(finding_list *dst, finding_list *src);
/* Sorts by file, line, column, rule, argument; the same sink argument reached from another
 * entry point becomes a route of the first finding (first by entry name), exact duplicates go. */
void findings_finish(finding_list *list);
void findings_free(finding_list *list);
/* fold.c: the findings that name a root (fold_file) become related locations of the findings at
 * that location with a physical-address argument, and go; one without such a root stays. */
void findings_fold(finding_list *list);
/* Frees everything f holds (not f itself). */
void finding_dispose(finding *f);
/* Appends a copy of st to f's related locations unless it is there already. */
void finding_add_related(finding *f, const trace_step *st);
/* Keeps the findings keep() accepts, in order, and frees the others; returns how many went. */
size_t findings_keep(finding_list *list, bool (*keep)(const finding *f, const void *ctx), const void *ctx);

/* Hash of rule, file (relative to root, the project root; NULL: the working directory),
 * function, sink, argument role and text: no line numbers, so it survives edits elsewhere in
 * the file, and no working directory, so a scan from elsewhere matches. Heap string. */
char *finding_fingerprint(const finding *f, const char *root);
const char *finding_severity_name(finding_severity s);
const char *trace_kind_name(trace_kind k);

#endif
