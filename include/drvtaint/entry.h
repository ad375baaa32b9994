/* entry.h - where user requests enter a driver: dispatch routines and KMDF queue callbacks,
 * and the IOCTL codes a unit names. Built from one unit's AST; owned by the caller. */
#ifndef DRVTAINT_ENTRY_H
#define DRVTAINT_ENTRY_H

#include <stdbool.h>
#include <stdint.h>

#include "drvtaint/ast.h"

typedef struct entry_point {
    const char *function; /* name (functions of the unit are matched by name) */
    const char *kind;     /* "IRP_MJ_DEVICE_CONTROL", "EvtIoDeviceControl", "DRIVER_DISPATCH", ... */
    bool user_reachable;  /* false for internal device control only: requests from kernel components */
    int kmdf_params;      /* KMDF callback whose length/code parameters are user values: first index, or -1 */
} entry_point;

typedef struct ioctl_name {
    uint64_t code;
    const char *name; /* macro as written, e.g. IOCTL_HW_READ_MSR */
    bool placeholder; /* a value recovery made up for a name no header declared: no method to decode */
} ioctl_name;

typedef struct entry_set {
    entry_point *entries;
    size_t nentries;
    ioctl_name *ioctls;
    size_t nioctls;
} entry_set;

void entries_collect(entry_set *set, const ast_tu *tu);
void entries_free(entry_set *set);
/* The entry record of a function, or NULL. */
const entry_point *entries_find(const entry_set *set, const char *function);
const char *entries_ioctl_name(const entry_set *set, uint64_t code);
const char *entries_method_name(uint64_t code); /* METHOD_BUFFERED ... from the low two bits */
/* Is code one of the unit's placeholder values (its header was not found)? */
bool entries_is_placeholder(const entry_set *set, uint64_t code);

#endif
