/* report_internal.h - pieces shared by the JSON reporters. */
#ifndef DRVTAINT_REPORT_INTERNAL_H
#define DRVTAINT_REPORT_INTERNAL_H

#include <cjson/cJSON.h>

#include "drvtaint/report.h"

/* The per-unit parse health array of a JSON report. */
cJSON *report_units_json(const report_meta *meta);

#endif
