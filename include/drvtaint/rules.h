/* rules.h - sources, sinks, sanitizers and dangerous values, loaded from rules/ JSON files.
 *
 * Ownership: a rules_set owns every string and array in it; rules_set_free releases them.
 * Callers read the arrays directly but never modify or free anything in them. Pointers
 * returned by the lookups point into those arrays: they stay valid until the set is freed
 * or the next successful rules_load_path (which reallocates and re-sorts the arrays).
 *
 * Order: after every load the arrays are sorted, stably, so every listing is deterministic
 * whatever the files' order: rules by id; sinks by function (their args by index); sources
 * member sources first by member path, then function sources by function and arg;
 * sanitizers by function and arg; propagators by function, from, to. Dangerous values stay
 * in load order (file order, then order in the file): the first that a finding's argument
 * may take is the one it names, so list the most telling first. files is in load order.
 * The format is documented in docs/rules-format.md. */
#ifndef DRVTAINT_RULES_H
#define DRVTAINT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum rules_severity { RULES_SEVERITY_NOTE, RULES_SEVERITY_WARNING, RULES_SEVERITY_ERROR } rules_severity;

typedef enum rules_role {
    RULES_ROLE_MSR_INDEX,
    RULES_ROLE_PORT,
    RULES_ROLE_PHYSICAL_ADDRESS,
    RULES_ROLE_VIRTUAL_ADDRESS,
    RULES_ROLE_SIZE,
    RULES_ROLE_SOURCE,
    RULES_ROLE_DESTINATION,
    RULES_ROLE_VALUE,
    RULES_ROLE_OFFSET,
    RULES_ROLE_REGISTER_INDEX,
    RULES_ROLE_ACCESS_MODE,
    RULES_ROLE_OBJECT_NAME,
    RULES_ROLE_COUNT
} rules_role;

typedef enum rules_taint {
    RULES_TAINT_VALUE,   /* the user chooses this value (a length, a pointer's value) */
    RULES_TAINT_CONTENTS /* a kernel pointer to bytes the user chooses */
} rules_taint;

typedef enum rules_sanitizer_kind { RULES_SANITIZER_USER_POINTER, RULES_SANITIZER_BOUND } rules_sanitizer_kind;
typedef enum rules_when { RULES_WHEN_ALWAYS, RULES_WHEN_NONZERO, RULES_WHEN_NT_SUCCESS } rules_when;

/* Rule codes are DT0001..DT9999; 1-999 belong to drvtaint's own diagnostics (rules.md). */
#define RULES_MAX_CODE 9999

typedef struct rules_rule {
    int code; /* stable number, printed DT%04d (msvc format, suppressions); 0 when none */
    char *id, *name, *short_description, *description, *help, *unsafe_example, *constrained_example;
    char *message;   /* finding message template with {sink} {arg} {index} {role} {rule}, or NULL */
    char *precision; /* high | medium | low */
    rules_severity severity;
    double security_severity; /* 0.0 - 10.0 */
    int *cwe;
    size_t ncwe;
    char **tags;
    size_t ntags;
    char *file; /* where it was defined */
} rules_rule;

typedef struct rules_sink_arg {
    unsigned index;
    rules_role role;
    char *rule; /* overrides the sink's rule for this argument, or NULL */
    bool check;   /* must be bounded (or, for source/destination, probed) */
    bool pointee; /* the argument points at the value that matters (SectionOffset, ViewSize) */
} rules_sink_arg;

typedef struct rules_sink {
    char *function;
    char *rule;
    rules_sink_arg *args;
    size_t nargs;
    char *file;
} rules_sink;

typedef struct rules_source {
    char *member;   /* "IRP.AssociatedIrp.SystemBuffer" as written, or NULL */
    char *record;   /* root record, normalised (leading underscores dropped) */
    char **fields;  /* field chain below the record */
    size_t nfields;
    char *function; /* or a function whose out-parameter / return value is user data */
    int arg;        /* parameter index, -1 for the return value */
    rules_taint taint;
    char *file;
} rules_source;

typedef struct rules_sanitizer {
    char *function;
    int arg;
    rules_sanitizer_kind kind;
    rules_when when; /* bound: on which outcome the argument is in range */
    char *file;
} rules_sanitizer;

/* A call whose result (to == -1) or out-argument carries the taint of argument `from`:
 * MmMapIoSpace maps a user-chosen physical address to a user-steered pointer. */
typedef struct rules_propagator {
    char *function;
    int from, to;
    bool same_kind; /* "taint": "same": the result has the argument's kind of taint (a buffer of a
                       user memory handle holds user bytes), not a user-steered value */
} rules_propagator;

typedef struct rules_dangerous {
    char *rule;
    rules_role role;
    uint64_t lo, hi;
    char *name;
} rules_dangerous;

typedef struct rules_set {
    rules_rule *rules;
    size_t nrules;
    rules_sink *sinks;
    size_t nsinks;
    rules_source *sources;
    size_t nsources;
    rules_sanitizer *sanitizers;
    size_t nsanitizers;
    rules_dangerous *dangerous;
    size_t ndangerous;
    rules_propagator *propagators;
    size_t npropagators;
    char **files; /* files loaded, in order */
    size_t nfiles;
} rules_set;

rules_set *rules_set_new(void);
void rules_set_free(rules_set *set);

/* Loads a .json file, or every *.json in a directory (sorted by name; subdirectories and dot
 * files are skipped) and returns 0 with *err = NULL. A file may refer to rules defined in the
 * set already, in an earlier file of the same call, or in itself. On any error returns -1,
 * leaves set exactly as it was (nothing of path is kept, not even the files before the bad
 * one), and sets *err to a heap message the caller frees: "FILE:LINE:COL: invalid JSON ..."
 * for syntax, "FILE: $.json.path: ..." for content (messages in docs/rules-format.md). */
int rules_load_path(rules_set *set, const char *path, char **err);

const rules_rule *rules_find_rule(const rules_set *set, const char *id);
/* The rule an id or a code ("DT1001", case-insensitive) names, or NULL. */
const rules_rule *rules_find_rule_or_code(const rules_set *set, const char *name);
/* "DT1001"; "DT0000" for a rule without a code. buf holds at least RULES_CODE_SIZE bytes. */
#define RULES_CODE_SIZE 8
const char *rules_code_text(const rules_rule *r, char *buf);
const rules_sink *rules_find_sink(const rules_set *set, const char *function);
/* The member source for the access record.fields[0]...fields[n-1], or NULL. record is the
 * record type as the front end names it: a tag or typedef with or without leading underscores
 * ("_IRP", "IRP"; a "struct "/"union " prefix is ignored too), or an anonymous member record
 * "_IRP::AssociatedIrp" (the record of field AssociatedIrp of _IRP), which stands for _IRP
 * with AssociatedIrp prepended to fields. Names are compared after dropping the leading
 * underscores, exactly otherwise; the whole chain must match (no prefix matches). */
const rules_source *rules_match_member(const rules_set *set, const char *record, const char *const *fields, size_t n);

/* The finding message of rule for argument #index (written as arg_text) of a call to sink:
 * the rule's template with {sink}, {arg}, {index}, {role} and {rule} replaced, or, for a
 * rule without one, "{sink} argument #{index} ({role}): " followed by its short text.
 * arg_text may be NULL ("argument #N" is used). Returns a heap string the caller frees. */
char *rules_format_message(const rules_rule *rule, const char *sink, const char *arg_text, unsigned index,
                           rules_role role);

const char *rules_role_name(rules_role role);
const char *rules_severity_name(rules_severity s);

#endif
