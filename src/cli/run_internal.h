/* run_internal.h - the parts of a run of scan/audit/inventory, shared by src/cli's files:
 * run.c (the pipeline), unit_work.c (one unit, and its result as bytes), supervise.c (units in
 * supervised worker processes). */
#ifndef DRVTAINT_RUN_INTERNAL_H
#define DRVTAINT_RUN_INTERNAL_H

#include "drvtaint/cli.h"
#include "drvtaint/frontend.h"
#include "drvtaint/inputs.h"
#include "drvtaint/inventory.h"
#include "drvtaint/program.h"
#include "drvtaint/report.h"
#include "drvtaint/rules.h"
#include "drvtaint/surface.h"

/* What one unit gave in one round. */
typedef struct unit_result {
    report_unit unit;
    strbuf diagnostics; /* verbose parse-health lines */
    inventory inv;
    finding_list findings;
    finding_list checked; /* audit: user values found bounded at sinks */
    surface surf;         /* audit and inventory (round 0): devices, IOCTL branches, call graph */
    unit_facts *facts; /* what the unit told the program this round (scan) */
    fe_memo *memo;     /* what recovery learned, when it was new (scan: later rounds parse once) */
    ast_tu *tu;        /* the unit's AST, kept until the result is encoded: facts may still point
                          into its arena (a summary's copy-of path) */
} unit_result;

/* What analysing a unit reads; a worker process inherits it. */
typedef struct unit_job {
    cli_command command;
    bool verbose;
    const rules_set *rules;
    fe_parser *parser;
    const input_unit *in;
    const program *prog; /* scan and audit: the unit's project's whole driver as of the last round */
    unsigned round;      /* 0: the unit's first analysis (inventory and surface are collected once) */
    fe_memo *memo;       /* what an earlier round's recovery learned, or NULL */
} unit_job;

/* unit_work.c */
/* Parses and analyses job->in into r (whose unit.path the caller set); parsed() is called
 * between the parse and the analysis. */
void unit_work(const unit_job *job, unit_result *r, void (*parsed)(void));
void unit_result_free(unit_result *r);
/* Adds a limit the analysis hit, once (-v: a line in the diagnostics; r->unit.path is set). */
void unit_add_limit(unit_result *r, const char *note, bool verbose);
void unit_result_encode(strbuf *out, const unit_result *r);
/* Fills r (path aside) from bytes; false when they are malformed. */
bool unit_result_decode(const char *data, size_t len, unit_result *r);

/* supervise.c: units in worker processes, at most `jobs` at once, one unit at a time each. */
typedef struct supervisor {
    unsigned jobs;
    unsigned timeout_s;  /* 0: none */
    unsigned memory_mib; /* 0: none */
    void *arg;
    /* in a worker: unit i's result, as bytes, into out */
    void (*work)(void *arg, size_t i, strbuf *out);
    /* in the parent, once per unit, in any order: its bytes, or why there are none */
    void (*done)(void *arg, size_t i, const char *data, size_t len);
    void (*failed)(void *arg, size_t i, const char *reason);
} supervisor;
void supervise_units(const supervisor *s, const size_t *units, size_t n);
/* In a worker: its unit's parse is over, so running out of time now is the analysis's doing. */
void supervise_parsed(void);

#endif
