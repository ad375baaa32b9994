/* inputs_xml.h - a small, tolerant reader of the XML that MSBuild files are made of:
 * elements, attributes, text. Comments, processing instructions, DOCTYPE and CDATA are
 * handled; namespaces are kept as part of the name (MSBuild files use a default one).
 * Ownership: xml_parse returns a tree that xml_free releases as a whole. */
#ifndef DRVTAINT_INPUTS_XML_H
#define DRVTAINT_INPUTS_XML_H

#include <stddef.h>

typedef struct xml_attr {
    char *name;
    char *value; /* entities decoded */
} xml_attr;

typedef struct xml_node {
    char *name;
    xml_attr *attrs;
    size_t nattrs;
    struct xml_node **children; /* elements only, in document order */
    size_t nchildren;
    char *text; /* the element's own character data, entities decoded, never NULL */
} xml_node;

/* Parses a document (UTF-8, with or without a byte-order mark). Returns the root element, or
 * NULL when there is none; an unclosed element at the end of the text is closed silently. */
xml_node *xml_parse(const char *text, size_t len);
void xml_free(xml_node *n);

/* The attribute's value, or NULL. Names compare case-insensitively, as MSBuild does. */
const char *xml_attr_get(const xml_node *n, const char *name);

#endif
