/* surface.h - how a driver is reached from user mode, read from one unit's AST: the device
 * objects it creates (name, SDDL, FILE_DEVICE_SECURE_OPEN, exclusive), symbolic links and device
 * interfaces, the IOCTL codes its functions test (switch cases and == comparisons) with the
 * calls each code's branch makes, and a call graph by name. The audit joins the units' surfaces
 * of one driver with the inventory and the findings (audit.h).
 *
 * Everything is on the heap and outlives the unit's AST; surface_free releases it. */
#ifndef DRVTAINT_SURFACE_H
#define DRVTAINT_SURFACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drvtaint/ast.h"

typedef struct surface_loc {
    char *file;
    unsigned line, col;
    char *function; /* enclosing function */
} surface_loc;

typedef struct surface_device {
    surface_loc at;
    char *how;         /* IoCreateDevice, IoCreateDeviceSecure, WdfDeviceCreate */
    char *name;        /* the device name as a string, or as written when not a literal; NULL: unnamed */
    char *sddl;        /* SDDL string (or the constant written) from the source; NULL: none */
    char *device_type; /* as written (FILE_DEVICE_UNKNOWN, a macro, a number); NULL for WDF */
    bool secure_open;  /* FILE_DEVICE_SECURE_OPEN in the characteristics */
    bool exclusive;
    bool control;      /* a KMDF control device (WdfControlDeviceInitAllocate) */
} surface_device;

typedef struct surface_link {
    surface_loc at;
    char *kind; /* "symbolic link" or "device interface" */
    char *name; /* link name, or the interface GUID as written */
} surface_link;

/* One IOCTL code a function tests, and what its branch does. */
typedef struct surface_ioctl {
    uint64_t code;
    bool code_known; /* false: the macro's #define is in a header drvtaint does not have */
    char *name;    /* the macro written, or NULL */
    surface_loc at; /* the case label or comparison; at.function is the handler */
    char **calls;  /* every function called in the branch (sorted, unique) */
    size_t ncalls;
    surface_loc *call_sites; /* where those calls are (sinks are matched by location) */
    size_t nsites;
    char **checks; /* buffer-length tests seen in the branch and in the handler before it */
    size_t nchecks;
    bool raw_buffer; /* the branch reads a METHOD_NEITHER pointer (Type3InputBuffer, UserBuffer) */
} surface_ioctl;

typedef struct surface_func {
    char *name;
    char *file;
    unsigned line;
    char **calls; /* every function it calls, sorted, unique */
    size_t ncalls;
    bool raw_buffer; /* reads Type3InputBuffer or UserBuffer, or retrieves KMDF's unsafe user buffer */
} surface_func;

typedef struct surface_entry {
    char *function;
    char *kind; /* IRP_MJ_DEVICE_CONTROL, EvtIoRead, ... (entry.h) */
    bool user_reachable;
} surface_entry;

typedef struct surface {
    VEC(surface_device) devices;
    VEC(surface_link) links;
    VEC(surface_ioctl) ioctls;
    VEC(surface_func) funcs;
    VEC(surface_entry) entries;
} surface;

/* Appends what tu shows. */
void surface_collect(surface *s, const ast_tu *tu);
/* Appends src's facts to dst and leaves src empty. */
void surface_move(surface *dst, surface *src);
void surface_free(surface *s);

/* CTL_CODE fields of an IOCTL code. */
unsigned surface_ioctl_device_type(uint64_t code);
unsigned surface_ioctl_function(uint64_t code);
const char *surface_ioctl_access_name(uint64_t code); /* FILE_ANY_ACCESS, FILE_READ_ACCESS, ... */

#endif
