/* report_audit_doc.c - Markdown and HTML behind one small writer (report_audit_doc.h). */
#include "report_audit_doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void doc_text(doc *d, const char *s)
{
    for (; s && *s; s++) {
        char c = *s;
        if (d->html) {
            switch (c) {
            case '<': sb_append(d->out, "&lt;"); break;
            case '>': sb_append(d->out, "&gt;"); break;
            case '&': sb_append(d->out, "&amp;"); break;
            case '"': sb_append(d->out, "&quot;"); break;
            default: sb_putc(d->out, c);
            }
        } else {
            if (c == '\n' && d->in_cell) {
                sb_append(d->out, "<br>");
                continue;
            }
            /* characters Markdown would read as markup */
            if (strchr("\\`*_[]<>|#", c))
                sb_putc(d->out, '\\');
            sb_putc(d->out, c);
        }
    }
}

void doc_textf(doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf sb = {0};
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    doc_text(d, sb.buf ? sb.buf : "");
    sb_free(&sb);
}

void doc_code(doc *d, const char *s)
{
    if (d->html) {
        /* paths and long names may break after _ / , ( . > in a narrow column; short names stay whole */
        bool breakable = strchr(s, '/') || strlen(s) > 14;
        sb_append(d->out, "<code>");
        for (const char *p = s; *p; p++) {
            char one[2] = {*p, 0};
            doc_text(d, one);
            if (breakable && strchr("_/,(.>", *p) && p[1])
                sb_append(d->out, "<wbr>");
        }
        sb_append(d->out, "</code>");
        return;
    }
    /* a code span holds everything literally but '|' in a table and backticks */
    const char *fence = strchr(s, '`') ? "`` " : "`";
    sb_append(d->out, fence);
    for (; *s; s++) {
        if (*s == '|' && d->in_cell)
            sb_putc(d->out, '\\');
        if (*s == '\n')
            sb_putc(d->out, ' ');
        else
            sb_putc(d->out, *s);
    }
    sb_append(d->out, strchr(fence, ' ') ? " ``" : "`");
}

void doc_strong(doc *d, const char *s)
{
    sb_append(d->out, d->html ? "<strong>" : "**");
    doc_text(d, s);
    sb_append(d->out, d->html ? "</strong>" : "**");
}

void doc_verdict(doc *d, const char *s, bool bad)
{
    sb_append(d->out, d->html ? (bad ? "<strong class=\"bad\">" : "<strong class=\"ok\">") : "**");
    doc_text(d, s);
    sb_append(d->out, d->html ? "</strong>" : "**");
}

void doc_link(doc *d, const char *anchor, const char *text)
{
    if (d->html) {
        sb_printf(d->out, "<a href=\"#%s\">", anchor);
        doc_text(d, text);
        sb_append(d->out, "</a>");
    } else {
        sb_putc(d->out, '[');
        doc_text(d, text);
        sb_printf(d->out, "](#%s)", anchor);
    }
}

void doc_anchor(doc *d, const char *id)
{
    sb_printf(d->out, d->html ? "<span id=\"%s\"></span>" : "<a id=\"%s\"></a>", id);
}

void doc_heading(doc *d, int level, const char *id, const char *text)
{
    if (d->html) {
        sb_printf(d->out, "<h%d", level);
        if (id)
            sb_printf(d->out, " id=\"%s\"", id);
        sb_putc(d->out, '>');
        doc_text(d, text);
        sb_printf(d->out, "</h%d>\n", level);
        return;
    }
    if (id)
        sb_printf(d->out, "<a id=\"%s\"></a>\n\n", id);
    for (int i = 0; i < level; i++)
        sb_putc(d->out, '#');
    sb_putc(d->out, ' ');
    doc_text(d, text);
    sb_append(d->out, "\n\n");
}

void doc_para_begin(doc *d)
{
    if (d->html)
        sb_append(d->out, "<p>");
}

void doc_para_end(doc *d)
{
    sb_append(d->out, d->html ? "</p>\n" : "\n\n");
}

void doc_br(doc *d)
{
    sb_append(d->out, d->html ? "<br>" : d->in_cell ? "<br>" : "  \n");
}

void doc_table_begin(doc *d, const char *const *headers, int ncols)
{
    if (d->html) {
        sb_append(d->out, "<table class=\"sortable\">\n<thead><tr>");
        for (int i = 0; i < ncols; i++) {
            sb_append(d->out, "<th scope=\"col\">");
            doc_text(d, headers[i]);
            sb_append(d->out, "</th>");
        }
        sb_append(d->out, "</tr></thead>\n<tbody>\n");
        return;
    }
    sb_putc(d->out, '|');
    for (int i = 0; i < ncols; i++) {
        sb_putc(d->out, ' ');
        doc_text(d, headers[i]);
        sb_append(d->out, " |");
    }
    sb_append(d->out, "\n|");
    for (int i = 0; i < ncols; i++)
        sb_append(d->out, "---|");
    sb_putc(d->out, '\n');
}

void doc_row_begin(doc *d)
{
    sb_append(d->out, d->html ? "<tr>" : "|");
}

void doc_cell_begin(doc *d)
{
    d->in_cell = true;
    sb_append(d->out, d->html ? "<td>" : " ");
}

void doc_cell_end(doc *d)
{
    d->in_cell = false;
    sb_append(d->out, d->html ? "</td>" : " |");
}

void doc_row_end(doc *d)
{
    sb_append(d->out, d->html ? "</tr>\n" : "\n");
}

void doc_table_end(doc *d)
{
    sb_append(d->out, d->html ? "</tbody>\n</table>\n" : "\n");
}

void doc_list_begin(doc *d)
{
    if (d->html)
        sb_append(d->out, "<ul>\n");
}

void doc_item_begin(doc *d)
{
    sb_append(d->out, d->html ? "<li>" : "- ");
}

void doc_item_end(doc *d)
{
    sb_append(d->out, d->html ? "</li>\n" : "\n");
}

void doc_list_end(doc *d)
{
    sb_append(d->out, d->html ? "</ul>\n" : "\n");
}

void doc_details_begin(doc *d, const char *summary)
{
    if (d->html) {
        sb_append(d->out, "<details><summary>");
        doc_text(d, summary);
        sb_append(d->out, "</summary>\n");
    } else {
        doc_text(d, summary);
        sb_append(d->out, "\n\n");
    }
}

void doc_details_end(doc *d)
{
    sb_append(d->out, d->html ? "</details>\n" : "\n");
}
