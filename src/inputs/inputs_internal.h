/* inputs_internal.h - shared by the inputs files. */
#ifndef DRVTAINT_INPUTS_INTERNAL_H
#define DRVTAINT_INPUTS_INTERNAL_H

#include "drvtaint/inputs.h"

void inputs_add_error(input_set *s, const char *input, char *message); /* takes message */
void inputs_add_unit(input_set *s, input_unit u);
void inputs_unit_free(input_unit *u);
bool inputs_is_cxx_name(const char *path);

#endif
