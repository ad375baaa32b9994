/* audit.h - the per-driver attack-surface report: the units' surfaces (surface.h) joined with the
 * inventory of sink calls, the findings and the bounded verdicts of one run.
 *
 * A driver is a group of units (audit_driver_key); every privileged call is attributed to the
 * IOCTL codes whose branch reaches it (the call is in the branch, or in a function the branch
 * calls, directly or not, or the taint path to it tested the code) and to the entry points that
 * reach it. The model points into the inputs it was built from (they must outlive it) and owns
 * only its own arrays; audit_free releases them. */
#ifndef DRVTAINT_AUDIT_H
#define DRVTAINT_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drvtaint/findings.h"
#include "drvtaint/inf.h"
#include "drvtaint/inventory.h"
#include "drvtaint/surface.h"

typedef enum audit_verdict_kind {
    AUDIT_NOT_USER,  /* the argument does not come from the caller */
    AUDIT_BOUNDED,   /* user-controlled, bounded at the call (range) */
    AUDIT_UNBOUNDED  /* user-controlled and unbounded: a finding */
} audit_verdict_kind;

typedef struct audit_arg {
    const inventory_arg *arg;
    audit_verdict_kind verdict;
    const finding *evidence; /* the finding (unbounded) or the bounded record; NULL: not user */
    size_t finding_index;    /* index in the run's findings when unbounded */
} audit_arg;

typedef struct audit_op {
    const inventory_entry *call;
    size_t inv_index; /* in the run's inventory */
    audit_arg *args;
    size_t nargs;
} audit_op;

typedef struct audit_ioctl {
    uint64_t code;
    bool code_known; /* false: its #define is in a header drvtaint does not have */
    const char *name;    /* macro, or NULL */
    const char *handler; /* the function that tests the code */
    const char *file;
    unsigned line;
    const char **entries; /* entry points that reach the handler */
    size_t nentries;
    const char **checks;  /* length tests seen */
    size_t nchecks;
    size_t *ops;          /* indexes into the driver's ops */
    size_t nops;
    bool any_access_priv;  /* FILE_ANY_ACCESS and reaches a privileged operation */
    bool neither_unprobed; /* METHOD_NEITHER and no ProbeForRead/ProbeForWrite on the way */
} audit_ioctl;

typedef struct audit_entry {
    const surface_entry *entry;
    size_t *ops; /* privileged operations it reaches */
    size_t nops;
    const char **reached_from; /* other entry points whose calls (or queued work) lead to it */
    size_t nreached_from;
} audit_entry;

typedef struct audit_device {
    const surface_device *dev;
    /* what the driver's INF sets where the source sets nothing (not for a control device, which
       no INF installs); NULL: the source's value stands or no INF sets one */
    const inf_setting *inf_sddl_at, *inf_secure_open_at, *inf_exclusive_at;
    const char *sddl; /* the source's, else the INF's, else NULL */
    bool secure_open, exclusive; /* the source's or the INF's */
    bool open_named;  /* named, no SDDL (source or INF), no FILE_DEVICE_SECURE_OPEN */
    bool world_open;  /* the SDDL lets any user (WD, AU, BU) open it */
} audit_device;

typedef struct audit_driver {
    char *name;
    size_t *units; /* indexes of the run's units in it */
    size_t nunits;
    audit_device *devices;
    size_t ndevices;
    const surface_link **links;
    size_t nlinks;
    audit_ioctl *ioctls; /* in source order (file, line), then by code */
    size_t nioctls;
    audit_entry *entries; /* by function name */
    size_t nentries;
    audit_op *ops; /* the driver's privileged calls, in inventory order */
    size_t nops;
    size_t *findings;         /* indexes of the run's findings in this driver */
    size_t nfindings;
    inf_security inf; /* the driver's INF files (inf_read_driver_dir of its folder) */
} audit_driver;

typedef struct audit_report {
    audit_driver *drivers; /* by name */
    size_t ndrivers;
} audit_report;

/* The key that groups units into drivers: the project (the .vcxproj or sources file that compiles
 * the unit) when build files were read, else the unit's directory. Heap string. */
char *audit_driver_key(const char *unit_path, const char *project);

/* surfaces[i], unit_paths[i] and unit_projects[i] (NULL, or NULL for a unit of no project) belong
 * to unit i; the INF files of each driver's folder (the project's, else the units' directory) are
 * read when read_inf; inv, findings and checked are the run's (finished: sorted). */
void audit_build(audit_report *r, const surface *surfaces, const char *const *unit_paths,
                 const char *const *unit_projects, size_t nunits, const inventory *inv, const finding_list *findings,
                 const finding_list *checked, bool read_inf);
void audit_free(audit_report *r);

/* Fills the IOCTL and entry-point columns of the inventory (inventory_entry.ioctls, .entries)
 * from the units' surfaces, by the same attribution as the audit. */
void audit_annotate_inventory(inventory *inv, const surface *surfaces, const char *const *unit_paths,
                              const char *const *unit_projects, size_t nunits);

#endif
