/* report_internal.h - pieces shared by the JSON reporters. */
#ifndef DRVTAINT_REPORT_INTERNAL_H
#define DRVTAINT_REPORT_INTERNAL_H

#include <cjson/cJSON.h>

#include "drvtaint/report.h"

/* The per-unit parse health array of a JSON report. */
cJSON *report_units_json(const report_meta *meta);
/* One finding as in the findings JSON report (docs/drvtaint-findings.schema.json). */
cJSON *report_finding_json(const finding *f, const report_meta *meta);

/* The audit reports' shared wording. */
const char *report_audit_verdict_name(audit_verdict_kind k); /* bounded, unbounded, not-user */
/* "0x0..0x1f" / "any; may be 0xc0000082 (IA32_LSTAR)" / "" for a value not from the caller */
char *report_audit_verdict_detail(const audit_arg *a);
/* Flag sentences of a device or an IOCTL row; NULL when none. Heap strings. */
char *report_audit_device_flags(const audit_device *d);
char *report_audit_ioctl_flags(const audit_ioctl *io);
const char *report_audit_sddl_text(const surface_device *d); /* the SDDL, or what stands for none */

#endif
