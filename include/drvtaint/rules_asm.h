/* rules_asm.h - sink rows for the assembly primitives of the drivers scanned (asm.h). */
#ifndef DRVTAINT_RULES_ASM_H
#define DRVTAINT_RULES_ASM_H

#include "drvtaint/asm.h"
#include "drvtaint/rules.h"

/* Adds, for each primitive function that no rule file names, the sink row of the intrinsic it
 * behaves like with its checked arguments renumbered (a function with several primitives gets
 * all their arguments). Returns the number of rows added; the set stays sorted. */
size_t rules_add_asm_sinks(rules_set *set, const asm_list *prims);

#endif
