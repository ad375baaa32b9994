/* rules_load.c - read and validate rules files. Strict on purpose: an unknown key or a
 * wrong type is an error naming the file and the JSON path, never silently ignored. */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "drvtaint/rules.h"
#include "drvtaint/util.h"
#include "rules_internal.h"

/* Three layers answer duplicate and reference checks: the set as it was before this call,
 * the earlier files of this call, and this file. Only when every file is good are the two
 * new layers merged into the set, so a failed call leaves it untouched. */
typedef struct loader {
    const char *file;
    const rules_set *base;   /* loaded before this call */
    const rules_set *staged; /* earlier files of this call */
    rules_set *add;          /* what this file adds */
    char *err;
} loader;

static bool fail(loader *l, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(loader *l, const char *path, const char *fmt, ...)
{
    if (l->err)
        return false;
    strbuf sb = {0};
    sb_printf(&sb, "%s: %s: ", l->file, path);
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    l->err = sb_take(&sb);
    return false;
}

static bool only_keys(loader *l, const cJSON *obj, const char *path, const char *const *keys)
{
    if (!cJSON_IsObject(obj))
        return fail(l, path, "expected an object");
    const cJSON *it;
    cJSON_ArrayForEach(it, obj)
    {
        bool known = false;
        for (size_t i = 0; keys[i]; i++)
            known |= strcmp(it->string, keys[i]) == 0;
        if (!known) {
            strbuf allowed = {0};
            for (size_t i = 0; keys[i]; i++)
                sb_printf(&allowed, "%s%s", i ? ", " : "", keys[i]);
            fail(l, path, "unknown key '%s' (allowed: %s)", it->string, allowed.buf);
            sb_free(&allowed);
            return false;
        }
    }
    return true;
}

static char *sub(const char *path, const char *key)
{
    return xasprintf("%s.%s", path, key);
}

static bool get_string(loader *l, const cJSON *obj, const char *path, const char *key, bool required, char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) {
        if (required)
            return fail(l, path, "missing required key '%s'", key);
        return true;
    }
    if (!cJSON_IsString(v) || !*v->valuestring) {
        char *p = sub(path, key);
        fail(l, p, "expected a non-empty string");
        free(p);
        return false;
    }
    *out = xstrdup(v->valuestring);
    return true;
}

/* Is d a whole number in [lo, hi]? The range is checked first: converting a double outside
 * the range of long (1e300 in a rules file) to long is undefined behaviour (found by fuzzing). */
static bool whole_in_range(double d, double lo, double hi)
{
    return d >= lo && d <= hi && d == (double)(long)d;
}

static bool get_int(loader *l, const cJSON *obj, const char *path, const char *key, bool required, long lo,
                    long hi, long *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) {
        if (required)
            return fail(l, path, "missing required key '%s'", key);
        return true;
    }
    char *p = sub(path, key);
    bool ok = cJSON_IsNumber(v) && whole_in_range(v->valuedouble, (double)lo, (double)hi);
    if (!ok)
        fail(l, p, "expected a whole number from %ld to %ld", lo, hi);
    else
        *out = (long)v->valuedouble;
    free(p);
    return ok;
}

/* noun names the kind of value in the message: "unknown role 'msr' (expected one of: ...)" */
static bool get_enum(loader *l, const cJSON *obj, const char *path, const char *key, const char *noun,
                     bool required, const char *const *names, int *out)
{
    char *s = NULL;
    if (!get_string(l, obj, path, key, required, &s))
        return false;
    if (!s)
        return true;
    for (int i = 0; names[i]; i++) {
        if (strcmp(names[i], s) == 0) {
            *out = i;
            free(s);
            return true;
        }
    }
    strbuf allowed = {0};
    for (int i = 0; names[i]; i++)
        sb_printf(&allowed, "%s%s", i ? ", " : "", names[i]);
    char *p = sub(path, key);
    fail(l, p, "unknown %s '%s' (expected one of: %s)", noun, s, allowed.buf);
    free(p);
    sb_free(&allowed);
    free(s);
    return false;
}

static bool get_array(loader *l, const cJSON *obj, const char *path, const char *key, bool required,
                      const cJSON **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!v) {
        if (required)
            return fail(l, path, "missing required key '%s'", key);
        return true;
    }
    if (!cJSON_IsArray(v)) {
        char *p = sub(path, key);
        fail(l, p, "expected an array");
        free(p);
        return false;
    }
    *out = v;
    return true;
}

static bool get_bool(loader *l, const cJSON *obj, const char *path, const char *key, bool *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return true;
    if (!cJSON_IsBool(v)) {
        char *p = sub(path, key);
        fail(l, p, "expected true or false");
        free(p);
        return false;
    }
    *out = cJSON_IsTrue(v);
    return true;
}

static const char *const severity_names[] = {"note", "warning", "error", NULL};
static const char *const role_names[] = {"msr-index", "port", "physical-address", "virtual-address", "size",
                                         "source", "destination", "value", "offset", "register-index",
                                         "access-mode", "object-name", NULL};
static const char *const taint_names[] = {"value", "contents", NULL};
static const char *const sanitizer_kind_names[] = {"user-pointer", "bound", NULL};
static const char *const when_names[] = {"always", "nonzero", "nt-success", NULL};
static const char *const precision_names[] = {"high", "medium", "low", NULL};

const char *rules_role_name(rules_role role)
{
    return (unsigned)role < RULES_ROLE_COUNT ? role_names[role] : "unknown";
}

const char *rules_severity_name(rules_severity s)
{
    return (unsigned)s <= RULES_SEVERITY_ERROR ? severity_names[s] : "warning";
}

static bool role_checked_by_default(rules_role r)
{
    return r != RULES_ROLE_VALUE && r != RULES_ROLE_ACCESS_MODE && r != RULES_ROLE_OBJECT_NAME;
}

static const rules_rule *code_in(const rules_set *set, int code)
{
    for (size_t i = 0; set && i < set->nrules; i++)
        if (set->rules[i].code == code)
            return &set->rules[i];
    return NULL;
}

/* A code is as unique as an id, across the same three layers. */
static const rules_rule *find_rule_by_code(const loader *l, int code)
{
    const rules_rule *r = code_in(l->base, code);
    if (!r)
        r = code_in(l->staged, code);
    if (!r)
        r = code_in(l->add, code);
    return r;
}

static const rules_rule *find_rule(const loader *l, const char *id)
{
    const rules_rule *r = rules_find_rule(l->base, id);
    if (!r)
        r = rules_find_rule(l->staged, id);
    if (!r)
        r = rules_find_rule(l->add, id);
    return r;
}

static bool known_rule(loader *l, const char *id)
{
    return find_rule(l, id) != NULL;
}

/* Ids appear in suppression comments and SARIF: keep them to one plain spelling. */
static bool valid_id(const char *id)
{
    if (!((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9')))
        return false;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return false;
    return true;
}

/* Every '{' of a message template starts a placeholder we know. */
static bool check_template(loader *l, const char *t, const char *path)
{
    for (const char *p = strchr(t, '{'); p; p = strchr(p + 1, '{')) {
        size_t n = 0;
        if (rules_placeholder_at(p, &n))
            continue;
        size_t len = strcspn(p + 1, "{}");
        char *bad = xstrndup(p, len + 1 + (p[1 + len] == '}'));
        char *kp = sub(path, "message");
        fail(l, kp, "unknown placeholder '%s' (expected {sink}, {arg}, {index}, {role} or {rule})", bad);
        free(kp);
        free(bad);
        return false;
    }
    return true;
}

static bool load_rule(loader *l, const cJSON *o, const char *path)
{
    static const char *const keys[] = {"id",    "code",  "name",        "severity", "cwe",    "precision",
                                       "security-severity", "tags",  "short",       "message",  "description",
                                       "help",  "unsafe", "constrained", NULL};
    if (!only_keys(l, o, path, keys))
        return false;
    rules_rule r = {0};
    int sev = 1, prec = 0;
    bool ok = get_string(l, o, path, "id", true, &r.id);
    if (ok && !valid_id(r.id)) {
        char *p = sub(path, "id");
        ok = fail(l, p, "invalid rule id '%s' (use lowercase letters, digits and '-')", r.id);
        free(p);
    }
    ok = ok && get_string(l, o, path, "name", true, &r.name) &&
              get_enum(l, o, path, "severity", "severity", true, severity_names, &sev) &&
              get_string(l, o, path, "short", true, &r.short_description) &&
              get_string(l, o, path, "message", false, &r.message) &&
              get_string(l, o, path, "description", true, &r.description) &&
              get_string(l, o, path, "help", true, &r.help) &&
              get_string(l, o, path, "unsafe", false, &r.unsafe_example) &&
              get_string(l, o, path, "constrained", false, &r.constrained_example) &&
              get_enum(l, o, path, "precision", "precision", false, precision_names, &prec);
    if (ok && r.message)
        ok = check_template(l, r.message, path);
    r.severity = (rules_severity)sev;
    r.precision = xstrdup(precision_names[prec]);
    r.file = xstrdup(l->file);
    const cJSON *ss = cJSON_GetObjectItemCaseSensitive(o, "security-severity");
    if (ok && ss) {
        if (!cJSON_IsNumber(ss) || ss->valuedouble < 0 || ss->valuedouble > 10) {
            char *p = sub(path, "security-severity");
            ok = fail(l, p, "expected a number from 0.0 to 10.0");
            free(p);
        } else {
            r.security_severity = ss->valuedouble;
        }
    }
    const cJSON *arr;
    if (ok && (ok = get_array(l, o, path, "cwe", false, &arr)) && arr) {
        const cJSON *it;
        size_t i = 0;
        r.cwe = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(int));
        cJSON_ArrayForEach(it, arr)
        {
            if (!cJSON_IsNumber(it) || !whole_in_range(it->valuedouble, 1, INT_MAX)) {
                char *p = xasprintf("%s.cwe[%zu]", path, i);
                ok = fail(l, p, "expected a CWE number");
                free(p);
                break;
            }
            r.cwe[r.ncwe++] = (int)it->valuedouble;
            i++;
        }
    }
    if (ok && (ok = get_array(l, o, path, "tags", false, &arr)) && arr) {
        const cJSON *it;
        r.tags = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(char *));
        cJSON_ArrayForEach(it, arr)
        {
            if (!cJSON_IsString(it) || !*it->valuestring) {
                char *p = xasprintf("%s.tags[%zu]", path, r.ntags);
                ok = fail(l, p, "expected a non-empty string");
                free(p);
                break;
            }
            r.tags[r.ntags++] = xstrdup(it->valuestring);
        }
    }
    if (ok && r.id) {
        const rules_rule *prev = find_rule(l, r.id);
        if (prev) {
            char *p = sub(path, "id");
            ok = fail(l, p, "duplicate rule id '%s' (first defined in %s)", r.id, prev->file);
            free(p);
        }
    }
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(o, "code");
    if (ok && code) {
        if (!cJSON_IsNumber(code) || !whole_in_range(code->valuedouble, 1, RULES_MAX_CODE)) {
            char *p = sub(path, "code");
            ok = fail(l, p, "expected a rule code from 1 to %d", RULES_MAX_CODE);
            free(p);
        } else {
            r.code = (int)code->valuedouble;
            const rules_rule *prev = find_rule_by_code(l, r.code);
            if (prev) {
                char *p = sub(path, "code");
                ok = fail(l, p, "duplicate rule code %d (already %s's, in %s)", r.code, prev->id, prev->file);
                free(p);
            }
        }
    }
    rules_push_rule(l->add, r); /* pushed even on error so it is freed with the set */
    return ok;
}

static bool load_sink(loader *l, const cJSON *o, const char *path)
{
    static const char *const keys[] = {"function", "rule", "args", NULL};
    static const char *const arg_keys[] = {"index", "role", "rule", "check", "pointee", NULL};
    if (!only_keys(l, o, path, keys))
        return false;
    rules_sink s = {0};
    s.file = xstrdup(l->file);
    const cJSON *args = NULL;
    bool ok = get_string(l, o, path, "function", true, &s.function) && get_string(l, o, path, "rule", true, &s.rule) &&
              get_array(l, o, path, "args", true, &args);
    if (ok && !known_rule(l, s.rule)) {
        char *p = sub(path, "rule");
        ok = fail(l, p, "unknown rule '%s' (define it in a \"rules\" section loaded before or in this file)", s.rule);
        free(p);
    }
    if (ok && cJSON_GetArraySize(args) == 0) {
        char *p = sub(path, "args");
        ok = fail(l, p, "a sink needs at least one argument");
        free(p);
    }
    if (ok)
        s.args = xcalloc((size_t)cJSON_GetArraySize(args), sizeof *s.args);
    const cJSON *a;
    size_t i = 0;
    if (ok) {
        cJSON_ArrayForEach(a, args)
        {
            char *ap = xasprintf("%s.args[%zu]", path, i++);
            rules_sink_arg *sa = &s.args[s.nargs++];
            long index = 0;
            int role = 0;
            ok = only_keys(l, a, ap, arg_keys) && get_int(l, a, ap, "index", true, 0, 31, &index) &&
                 get_enum(l, a, ap, "role", "role", true, role_names, &role) &&
                 get_string(l, a, ap, "rule", false, &sa->rule);
            sa->index = (unsigned)index;
            for (size_t k = 0; ok && k + 1 < s.nargs; k++) {
                if (s.args[k].index == sa->index) {
                    char *p = sub(ap, "index");
                    ok = fail(l, p, "argument %u is listed twice", sa->index);
                    free(p);
                }
            }
            sa->role = (rules_role)role;
            sa->check = role_checked_by_default(sa->role);
            ok = ok && get_bool(l, a, ap, "check", &sa->check) && get_bool(l, a, ap, "pointee", &sa->pointee);
            if (ok && sa->rule && !known_rule(l, sa->rule)) {
                char *p = sub(ap, "rule");
                ok = fail(l, p, "unknown rule '%s'", sa->rule);
                free(p);
            }
            free(ap);
            if (!ok)
                break;
        }
    }
    const rules_sink *prev = NULL;
    if (ok && !(prev = rules_find_sink(l->base, s.function)) && !(prev = rules_find_sink(l->staged, s.function)))
        prev = rules_find_sink(l->add, s.function);
    if (ok && prev) {
        char *p = sub(path, "function");
        ok = fail(l, p, "sink '%s' is defined twice (first in %s)", s.function, prev->file);
        free(p);
    }
    rules_push_sink(l->add, s);
    return ok;
}

/* "IRP.AssociatedIrp.SystemBuffer" -> record "IRP", fields AssociatedIrp, SystemBuffer. Each
 * part is a C identifier; the record is stored without its leading underscores. */
static bool split_member(loader *l, rules_source *s, const char *path)
{
    VEC(char *) parts = {0};
    bool ok = true;
    for (const char *p = s->member;;) {
        size_t n = strcspn(p, ".");
        bool ident = n > 0 && !(p[0] >= '0' && p[0] <= '9');
        for (size_t i = 0; i < n; i++)
            ident &= (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9') ||
                     p[i] == '_';
        ok &= ident;
        VEC_PUSH(&parts, xstrndup(p, n));
        if (!p[n])
            break;
        p += n + 1;
    }
    if (!ok || parts.len < 2) {
        char *p = sub(path, "member");
        fail(l, p, "expected RECORD.FIELD[.FIELD...] of C identifiers, got '%s'", s->member);
        free(p);
        ok = false;
    } else {
        const char *rec = parts.items[0];
        while (*rec == '_')
            rec++;
        s->record = xstrdup(rec);
        s->nfields = parts.len - 1;
        s->fields = xcalloc(s->nfields, sizeof(char *));
        for (size_t i = 1; i < parts.len; i++)
            s->fields[i - 1] = xstrdup(parts.items[i]);
    }
    for (size_t i = 0; i < parts.len; i++)
        free(parts.items[i]);
    free(parts.items);
    return ok;
}

static const rules_source *find_source(const loader *l, const rules_source *like)
{
    const rules_source *r = rules_find_source(l->base, like);
    if (!r)
        r = rules_find_source(l->staged, like);
    if (!r)
        r = rules_find_source(l->add, like);
    return r;
}

static bool load_source(loader *l, const cJSON *o, const char *path)
{
    static const char *const keys[] = {"member", "function", "arg", "taint", NULL};
    if (!only_keys(l, o, path, keys))
        return false;
    rules_source s = {0};
    int taint = 0;
    long arg = 0;
    s.file = xstrdup(l->file);
    bool ok = get_string(l, o, path, "member", false, &s.member) &&
              get_string(l, o, path, "function", false, &s.function) &&
              get_enum(l, o, path, "taint", "taint", true, taint_names, &taint);
    s.taint = (rules_taint)taint;
    if (ok && !s.member == !s.function)
        ok = fail(l, path, "a source has exactly one of 'member' or 'function'");
    if (ok && s.function)
        ok = get_int(l, o, path, "arg", true, -1, 31, &arg);
    if (ok && s.member && cJSON_GetObjectItemCaseSensitive(o, "arg"))
        ok = fail(l, path, "'arg' goes with 'function', not with 'member'");
    s.arg = (int)arg;
    if (ok && s.member)
        ok = split_member(l, &s, path);
    const rules_source *prev = ok ? find_source(l, &s) : NULL;
    if (prev && s.member)
        ok = fail(l, path, "source '%s' is defined twice (first in %s)", s.member, prev->file);
    else if (prev)
        ok = fail(l, path, "source %s() argument %d is defined twice (first in %s)", s.function, s.arg, prev->file);
    rules_push_source(l->add, s);
    return ok;
}

static bool load_sanitizer(loader *l, const cJSON *o, const char *path)
{
    static const char *const keys[] = {"function", "arg", "kind", "when", NULL};
    if (!only_keys(l, o, path, keys))
        return false;
    rules_sanitizer s = {0};
    long arg = 0;
    int kind = 0, when = -1;
    s.file = xstrdup(l->file);
    bool ok = get_string(l, o, path, "function", true, &s.function) && get_int(l, o, path, "arg", true, 0, 31, &arg) &&
              get_enum(l, o, path, "kind", "sanitizer kind", true, sanitizer_kind_names, &kind) &&
              get_enum(l, o, path, "when", "condition", false, when_names, &when);
    s.arg = (int)arg;
    s.kind = (rules_sanitizer_kind)kind;
    s.when = when >= 0 ? (rules_when)when : s.kind == RULES_SANITIZER_BOUND ? RULES_WHEN_NONZERO : RULES_WHEN_ALWAYS;
    /* a probe raises on a bad pointer: there is no outcome to test */
    if (ok && s.kind == RULES_SANITIZER_USER_POINTER && when >= 0 && s.when != RULES_WHEN_ALWAYS) {
        char *p = sub(path, "when");
        ok = fail(l, p, "a user-pointer sanitizer validates by being called; 'when' must be \"always\" or absent");
        free(p);
    }
    const rules_sanitizer *prev = NULL;
    if (ok && !(prev = rules_find_sanitizer(l->base, s.function, s.arg)) &&
        !(prev = rules_find_sanitizer(l->staged, s.function, s.arg)))
        prev = rules_find_sanitizer(l->add, s.function, s.arg);
    if (prev)
        ok = fail(l, path, "sanitizer %s() argument %d is defined twice (first in %s)", s.function, s.arg, prev->file);
    rules_push_sanitizer(l->add, s);
    return ok;
}

static bool parse_u64(const cJSON *v, uint64_t *out)
{
    if (cJSON_IsNumber(v)) { /* a whole number that a double holds exactly; 1.5 is no register */
        if (!(v->valuedouble >= 0 && v->valuedouble <= 9007199254740992.0) ||
            v->valuedouble != (double)(uint64_t)v->valuedouble)
            return false;
        *out = (uint64_t)v->valuedouble;
        return true;
    }
    if (!cJSON_IsString(v))
        return false;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(v->valuestring, &end, 0);
    if (errno || *end || !*v->valuestring || v->valuestring[0] == '-')
        return false;
    *out = x;
    return true;
}

static bool load_dangerous(loader *l, const cJSON *o, const char *path)
{
    static const char *const keys[] = {"rule", "role", "lo", "hi", "name", NULL};
    if (!only_keys(l, o, path, keys))
        return false;
    rules_dangerous d = {0};
    int role = 0;
    bool ok = get_string(l, o, path, "rule", true, &d.rule) && get_enum(l, o, path, "role", "role", true, role_names, &role) &&
              get_string(l, o, path, "name", true, &d.name);
    d.role = (rules_role)role;
    const char *bounds[] = {"lo", "hi"};
    uint64_t *vals[] = {&d.lo, &d.hi};
    for (int i = 0; ok && i < 2; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, bounds[i]);
        char *p = sub(path, bounds[i]);
        if (!v)
            ok = fail(l, path, "missing required key '%s'", bounds[i]);
        else if (!parse_u64(v, vals[i]))
            ok = fail(l, p, "expected a whole number or a string such as \"0xC0000082\"");
        free(p);
    }
    if (ok && d.lo > d.hi)
        ok = fail(l, path, "'lo' is greater than 'hi'");
    if (ok && !known_rule(l, d.rule)) {
        char *p = sub(path, "rule");
        ok = fail(l, p, "unknown rule '%s'", d.rule);
        free(p);
    }
    rules_push_dangerous(l->add, d);
    return ok;
}

static bool load_propagator(loader *l, const cJSON *o, const char *path)
{
    static const char *const keys[] = {"function", "from", "to", "taint", NULL};
    static const char *const kinds[] = {"value", "same", NULL};
    if (!only_keys(l, o, path, keys))
        return false;
    rules_propagator pr = {0};
    long from = 0, to = -1;
    int kind = 0;
    bool ok = get_string(l, o, path, "function", true, &pr.function) &&
              get_int(l, o, path, "from", true, 0, 31, &from) && get_int(l, o, path, "to", true, -1, 31, &to) &&
              get_enum(l, o, path, "taint", "propagator taint", false, kinds, &kind);
    pr.from = (int)from;
    pr.to = (int)to;
    pr.same_kind = kind == 1;
    rules_push_propagator(l->add, pr);
    return ok;
}

typedef bool (*section_fn)(loader *, const cJSON *, const char *);

static bool load_section(loader *l, const cJSON *root, const char *key, section_fn fn)
{
    const cJSON *arr;
    if (!get_array(l, root, "$", key, false, &arr))
        return false;
    if (!arr)
        return true;
    size_t i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        char *p = xasprintf("$.%s[%zu]", key, i++);
        bool ok = fn(l, it, p);
        free(p);
        if (!ok)
            return false;
    }
    return true;
}

/* "FILE:LINE:COL: invalid JSON near '...'": cJSON points at where it stopped; columns count
 * characters (UTF-8 continuation bytes do not advance them). */
static char *syntax_error(const char *file, const char *text)
{
    const char *at = cJSON_GetErrorPtr();
    if (!at || at < text || at > text + strlen(text))
        return xasprintf("%s: invalid JSON", file);
    unsigned line = 1, col = 1;
    for (const char *p = text; p < at; p++) {
        if (*p == '\n') {
            line++;
            col = 1;
        } else if ((*p & 0xC0) != 0x80) {
            col++;
        }
    }
    if (!*at)
        return xasprintf("%s:%u:%u: invalid JSON: unexpected end of file", file, line, col);
    char near[24] = {0};
    size_t n = 0;
    for (const char *p = at; *p && *p != '\n' && *p != '\r' && n < sizeof near - 1; p++)
        near[n++] = (*p == '\t') ? ' ' : *p;
    return xasprintf("%s:%u:%u: invalid JSON near '%s'", file, line, col, near);
}

/* Parses and validates one file against base and staged; on success its entries end up in
 * staged. */
static int load_file(const rules_set *base, rules_set *staged, const char *file, char **err)
{
    size_t len = 0;
    char *text = read_file(file, &len);
    if (!text) {
        *err = xasprintf("%s: cannot read: %s", file, strerror(errno));
        return -1;
    }
    if (strlen(text) != len) {
        free(text);
        *err = xasprintf("%s: not a text file (contains a NUL byte)", file);
        return -1;
    }
    /* a UTF-8 byte order mark is not JSON, but editors on Windows write one */
    const char *body = strncmp(text, "\xEF\xBB\xBF", 3) == 0 ? text + 3 : text;
    const char *p = body;
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
        p++;
    if (!*p) {
        free(text);
        *err = xasprintf("%s: empty file (expected a JSON object with \"version\": 1)", file);
        return -1;
    }
    cJSON *root = cJSON_ParseWithOpts(body, NULL, true);
    if (!root) {
        *err = syntax_error(file, body);
        free(text);
        return -1;
    }
    free(text);
    loader l = {.file = file, .base = base, .staged = staged, .add = rules_set_new()};
    static const char *const keys[] = {"version", "description", "rules", "sinks", "sources", "sanitizers",
                                       "dangerous-values", "propagators", NULL};
    long version = 0;
    bool ok = only_keys(&l, root, "$", keys) && get_int(&l, root, "$", "version", true, 0, 1000000, &version);
    if (ok && version != 1)
        ok = fail(&l, "$.version", "unsupported version %ld (this drvtaint reads version 1)", version);
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(root, "description");
    if (ok && d && !cJSON_IsString(d))
        ok = fail(&l, "$.description", "expected a string");
    ok = ok && load_section(&l, root, "rules", load_rule) && load_section(&l, root, "sinks", load_sink) &&
         load_section(&l, root, "sources", load_source) && load_section(&l, root, "sanitizers", load_sanitizer) &&
         load_section(&l, root, "dangerous-values", load_dangerous) &&
         load_section(&l, root, "propagators", load_propagator);
    cJSON_Delete(root);
    if (!ok) {
        *err = l.err ? l.err : xasprintf("%s: invalid rules file", file);
        rules_set_free(l.add);
        return -1;
    }
    rules_push_file(l.add, file);
    rules_merge(staged, l.add);
    rules_set_free(l.add);
    return 0;
}

int rules_load_path(rules_set *set, const char *path, char **err)
{
    *err = NULL;
    struct stat st;
    if (stat(path, &st) != 0) {
        *err = xasprintf("%s: cannot open rules: %s", path, strerror(errno));
        return -1;
    }
    VEC(char *) files = {0};
    if (!S_ISDIR(st.st_mode)) {
        VEC_PUSH(&files, xstrdup(path));
    } else {
        DIR *d = opendir(path);
        if (!d) {
            *err = xasprintf("%s: cannot open rules directory: %s", path, strerror(errno));
            return -1;
        }
        size_t plen = strlen(path);
        const char *slash = plen && path[plen - 1] == '/' ? "" : "/";
        for (struct dirent *de; (de = readdir(d));) {
            if (de->d_name[0] == '.' || !str_ends_with(de->d_name, ".json"))
                continue;
            char *f = xasprintf("%s%s%s", path, slash, de->d_name);
            struct stat fst;
            if (stat(f, &fst) == 0 && S_ISDIR(fst.st_mode))
                free(f);
            else
                VEC_PUSH(&files, f);
        }
        closedir(d);
        if (files.len)
            qsort(files.items, files.len, sizeof(char *), str_cmp_ptr);
        else
            *err = xasprintf("%s: no *.json rules files in this directory", path);
    }
    rules_set *staged = rules_set_new();
    int rc = files.len ? 0 : -1;
    for (size_t i = 0; i < files.len && rc == 0; i++)
        rc = load_file(set, staged, files.items[i], err);
    if (rc == 0) {
        rules_merge(set, staged);
        rules_sort(set);
    }
    rules_set_free(staged);
    for (size_t i = 0; i < files.len; i++)
        free(files.items[i]);
    free(files.items);
    return rc;
}
