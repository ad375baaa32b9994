/* program.h - the whole driver: what the units of one run tell each other.
 *
 * Analysing a unit reads a frozen program (shared by the worker threads) and fills a
 * unit_facts of its own: user values it stored in globals and in device extensions or
 * contexts, summaries of the functions it defines (inferred sanitizers, return flow),
 * calls with user data into functions it does not define, and its entry points. Between
 * rounds the run merges the units' facts in input order (so results never depend on
 * thread timing) and analyses again only the units that can see something new. The
 * program only grows, so the rounds reach a fixed point; PROGRAM_MAX_ROUNDS bounds them. */
#ifndef DRVTAINT_PROGRAM_H
#define DRVTAINT_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>

typedef struct program program;
typedef struct unit_facts unit_facts;

enum { PROGRAM_MAX_ROUNDS = 4 };

program *program_new(void);
void program_free(program *p);

unit_facts *unit_facts_new(void);
void unit_facts_free(unit_facts *u);

/* The limits the unit's analysis hit ("Dispatch: no fixed point within 64 passes ..."): an
 * analysis that gave up says so, so that no finding never hides a stop. Owned by u. */
size_t unit_facts_limits(const unit_facts *u, const char *const **notes);

/* Takes what unit `unit` learned this round (and ownership of u). Call in input order. */
void program_merge(program *p, size_t unit, unit_facts *u);
/* Ends a round: marks in dirty[0..nunits) the units that must be analysed again because
 * another unit told the program something they read. Returns how many. */
size_t program_end_round(program *p, size_t nunits, bool *dirty);

#endif
