/* report_audit_doc.h - a tiny document writer with two outputs, Markdown and HTML, so the audit
 * report is written once (report_audit.c) and both formats say the same thing. */
#ifndef DRVTAINT_REPORT_AUDIT_DOC_H
#define DRVTAINT_REPORT_AUDIT_DOC_H

#include <stdbool.h>

#include "drvtaint/util.h"

typedef struct doc {
    strbuf *out;
    bool html;
    bool in_cell; /* Markdown table cells: no newlines, '|' escaped */
} doc;

void doc_heading(doc *d, int level, const char *id, const char *text);
void doc_para_begin(doc *d);
void doc_para_end(doc *d);
void doc_text(doc *d, const char *s);     /* escaped */
void doc_textf(doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_code(doc *d, const char *s);     /* inline code */
void doc_strong(doc *d, const char *s);
/* A verdict word: strong, and in HTML coloured as bad (red) or good (green). */
void doc_verdict(doc *d, const char *s, bool bad);
void doc_link(doc *d, const char *anchor, const char *text); /* to #anchor */
void doc_anchor(doc *d, const char *id);  /* a target for doc_link */
void doc_br(doc *d);                      /* line break inside a cell or paragraph */
void doc_table_begin(doc *d, const char *const *headers, int ncols);
void doc_row_begin(doc *d);
void doc_cell_begin(doc *d);
void doc_cell_end(doc *d);
void doc_row_end(doc *d);
void doc_table_end(doc *d);
void doc_list_begin(doc *d);
void doc_item_begin(doc *d);
void doc_item_end(doc *d);
void doc_list_end(doc *d);
/* Expandable block (HTML <details>); in Markdown the summary line then the body. */
void doc_details_begin(doc *d, const char *summary);
void doc_details_end(doc *d);

#endif
