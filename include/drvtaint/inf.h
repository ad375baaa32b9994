/* inf.h - the device security a driver's INF sets when the source sets none: the AddReg lines
 * HKR,,Security,,"D:P(...)" (the SDDL of the device), HKR,,DeviceCharacteristics,0x10001,0x100
 * (FILE_DEVICE_SECURE_OPEN) and HKR,,Exclusive,0x10001,1, each with the file and line that set it.
 * INF files are read as ASCII/UTF-8 or as UTF-16 with a byte-order mark (read_source_file).
 * Everything is on the heap; inf_security_free releases it. */
#ifndef DRVTAINT_INF_H
#define DRVTAINT_INF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct inf_setting {
    char *file;    /* the INF that sets it; NULL: no INF does */
    unsigned line; /* 1-based */
} inf_setting;

typedef struct inf_security {
    char *sddl;              /* the Security value, or NULL */
    inf_setting sddl_at;
    bool secure_open;        /* DeviceCharacteristics has FILE_DEVICE_SECURE_OPEN (0x100) */
    inf_setting secure_open_at;
    bool exclusive;
    inf_setting exclusive_at;
} inf_security;

/* Reads the settings of one INF's text (already decoded to UTF-8). The first line that sets a
 * value wins; values already set in out are kept. */
void inf_parse_text(inf_security *out, const char *file, const char *text);

/* The INF files (*.inf, *.inx, any case) of a driver whose build file or sources are in dir: those
 * in dir and its subfolders (not descending into a folder with a project of its own), else those
 * of the parent folder when it holds no project. Files are read in sorted path order.
 * Returns true when an INF was found (whether or not it sets anything). */
bool inf_read_driver_dir(inf_security *out, const char *dir);

void inf_security_free(inf_security *s);

#endif
