/* inputs_internal.h - shared by the inputs files: set building and path helpers. */
#ifndef DRVTAINT_INPUTS_INTERNAL_H
#define DRVTAINT_INPUTS_INTERNAL_H

#include "drvtaint/inputs.h"

void inputs_add_error(input_set *s, const char *input, char *message); /* takes message */
void inputs_add_unit(input_set *s, input_unit u);                      /* takes u */
void inputs_unit_free(input_unit *u);

bool inputs_suffix_is(const char *path, const char *suffix); /* case-insensitive */
bool inputs_is_cxx_name(const char *path);

/* "C:/x", "//server/x" and "/x" are absolute; a relative path joins dir. Backslashes become
 * slashes, "." and ".." are resolved lexically. Caller frees. */
bool inputs_path_is_absolute(const char *path);
char *inputs_path_join(const char *dir, const char *path);
/* realpath when the path exists, else inputs_path_join's lexical form. Caller frees. */
char *inputs_path_canonical(const char *dir, const char *path);
/* Process working directory (caller frees), "/" if it cannot be found. */
char *inputs_cwd(void);

/* Checks that an existing path is a readable regular file; on failure returns a message the
 * caller frees, else NULL. */
char *inputs_check_file(const char *resolved);

/* cl.exe-style driver (cl, clang-cl, icl, any case, with or without .exe and a path)? Those
 * take /FLAG options and quote with Windows rules. */
bool inputs_is_cl_driver(const char *program);

/* inputs_split_command with the quoting rules chosen by the caller (response files). */
char **inputs_split_as(const char *cmd, bool windows, size_t *n);

/* inputs_path_join, then each missing segment looked up in any case (Windows trees written
 * as "..\Inc\HwRegs.H"). *found tells whether the result exists. Caller frees. */
char *inputs_path_resolve_ci(const char *dir, const char *path, bool *found);

/* A folder's build files (inputs_msbuild.c, inputs_sources.c): each adds one project to s and
 * its units (or, when the project is not analysed, its sources to s->skipped). sln_dir is
 * $(SolutionDir) (NULL: the project's folder). Errors become input_errors naming the file. */
void inputs_add_vcxproj(input_set *s, const char *path, const char *sln_dir);
void inputs_add_sources_file(input_set *s, const char *path);
/* The .vcxproj paths a .sln names (absolute, case resolved); caller frees each and the array. */
char **inputs_sln_projects(const char *sln, size_t *n);

/* Registers a project and returns its 1-based index for input_unit.project. */
size_t inputs_add_project(input_set *s, input_project p);
void inputs_add_skipped(input_set *s, const char *path, char *why); /* takes why */

/* Does a plain source (and the local headers it includes) look like user-mode code:
 * windows.h and no kernel header? (inputs_mode.c) */
/* Why a plain source is no Windows driver (user mode, another system), or NULL; the caller frees. */
char *inputs_non_driver_reason(const char *path);
#endif
