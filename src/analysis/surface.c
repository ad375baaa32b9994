/* surface.c - a unit's attack surface from its AST: device objects, links and interfaces,
 * the IOCTL codes its functions test with what each branch calls, and a call graph by name.
 * Only what the source writes is recorded; the audit (audit.c) joins the units of a driver. */
#include "drvtaint/surface.h"

#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/entry.h"

static const ast_expr *strip(const ast_expr *e)
{
    while (e && (e->kind == AST_EX_CAST || (e->kind == AST_EX_UNARY && e->u.unary.op == AST_UN_ADDR)))
        e = e->kind == AST_EX_CAST ? e->u.cast.operand : e->u.unary.operand;
    return e;
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static surface_loc loc_of(const ast_loc *l, const ast_function *fn)
{
    return (surface_loc){xstrdup(l->file ? l->file : "<unknown>"), l->line, l->col, xstrdup(fn->name)};
}

static void loc_free(surface_loc *l)
{
    free(l->file);
    free(l->function);
}

/* ---- string values: a device name or SDDL as the driver spells it ---- */

/* L"\\Device\\X" -> \Device\X; anything else (a macro name) as written. */
static char *literal_text(const char *text)
{
    if (!text)
        return NULL;
    const char *p = text;
    if (*p == 'L' || *p == 'u')
        p++;
    size_t n = strlen(p);
    if (n < 2 || p[0] != '"' || p[n - 1] != '"')
        return xstrdup(text);
    strbuf sb = {0};
    for (size_t i = 1; i + 1 < n; i++) {
        if (p[i] == '\\' && i + 2 < n)
            i++;
        sb_putc(&sb, p[i]);
    }
    return sb.buf ? sb_take(&sb) : xstrdup("");
}

static bool find_string(ast_expr *e, void *ctx)
{
    const ast_expr **out = ctx;
    if (*out)
        return false;
    if (e->kind == AST_EX_STRING) {
        *out = e;
        return false;
    }
    return true;
}

static const ast_expr *first_string(ast_expr *e)
{
    const ast_expr *s = NULL;
    if (e)
        ast_visit_expr(e, find_string, &s);
    return s;
}

typedef struct name_lookup {
    const char *name;
    const ast_expr *found;
} name_lookup;

/* RtlInitUnicodeString(&name, L"...") */
static bool find_init_call(ast_expr *e, void *ctx)
{
    name_lookup *nl = ctx;
    if (nl->found || e->kind != AST_EX_CALL || !e->u.call.name || e->u.call.nargs < 2 ||
        strcmp(e->u.call.name, "RtlInitUnicodeString") != 0)
        return true;
    const ast_expr *dst = strip(e->u.call.args[0]);
    if (dst && dst->kind == AST_EX_REF && strcmp(dst->u.ref.name, nl->name) == 0)
        nl->found = e->u.call.args[1];
    return true;
}

static const ast_expr *find_decl_init(const ast_stmt *s, const char *name)
{
    if (!s)
        return NULL;
    switch (s->kind) {
    case AST_ST_DECL:
        return s->u.decl.name && strcmp(s->u.decl.name, name) == 0 ? s->u.decl.init : NULL;
    case AST_ST_BLOCK:
        for (size_t i = 0; i < s->u.block.n; i++) {
            const ast_expr *e = find_decl_init(s->u.block.items[i], name);
            if (e)
                return e;
        }
        return NULL;
    case AST_ST_IF: {
        const ast_expr *e = find_decl_init(s->u.if_.then, name);
        return e ? e : find_decl_init(s->u.if_.els, name);
    }
    case AST_ST_CASE:
    case AST_ST_DEFAULT:
        return find_decl_init(s->u.case_.body, name);
    case AST_ST_SWITCH:
        return find_decl_init(s->u.switch_.body, name);
    case AST_ST_LABEL:
        return find_decl_init(s->u.label.body, name);
    case AST_ST_TRY_EXCEPT:
    case AST_ST_TRY_FINALLY:
        return find_decl_init(s->u.try_.body, name);
    default:
        return NULL;
    }
}

/* The string a UNICODE_STRING argument holds: a literal, a variable initialised with one (a
 * local, a global, RtlInitUnicodeString in the function or any function of the unit). */
static char *string_value(const ast_tu *tu, const ast_function *fn, const ast_expr *arg)
{
    const ast_expr *e = strip(arg);
    if (!e)
        return NULL;
    if (e->kind == AST_EX_INT && e->u.i.value == 0)
        return NULL; /* NULL: no name */
    if (e->kind == AST_EX_STRING)
        return literal_text(e->text);
    if (e->kind == AST_EX_REF) {
        const ast_expr *init = find_decl_init(fn->body, e->u.ref.name);
        for (size_t i = 0; !init && i < tu->nglobals; i++)
            if (strcmp(tu->globals[i]->name, e->u.ref.name) == 0)
                init = tu->globals[i]->init;
        const ast_expr *lit = first_string((ast_expr *)init);
        if (!lit) {
            name_lookup nl = {e->u.ref.name, NULL};
            ast_visit_stmt_exprs(fn->body, find_init_call, &nl);
            for (size_t i = 0; !nl.found && i < tu->nfuncs; i++)
                ast_visit_stmt_exprs(tu->funcs[i]->body, find_init_call, &nl);
            if (nl.found)
                lit = strip(nl.found);
            if (lit && lit->kind != AST_EX_STRING)
                return literal_text(lit->text); /* a macro or variable: as written */
        }
        if (lit)
            return literal_text(lit->text);
    }
    return xstrdup(arg->text ? arg->text : "?");
}

/* wdmsec.h's SDDL_DEVOBJ_* strings, so that a report shows what a constant grants */
static const struct {
    const char *name, *sddl;
} known_sddl[] = {
    {"SDDL_DEVOBJ_KERNEL_ONLY", "D:P"},
    {"SDDL_DEVOBJ_SYS_ALL", "D:P(A;;GA;;;SY)"},
    {"SDDL_DEVOBJ_SYS_ALL_ADM_ALL", "D:P(A;;GA;;;SY)(A;;GA;;;BA)"},
    {"SDDL_DEVOBJ_SYS_ALL_ADM_RX", "D:P(A;;GA;;;SY)(A;;GRGX;;;BA)"},
    {"SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_R", "D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GR;;;WD)"},
    {"SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_R_RES_R", "D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GR;;;WD)(A;;GR;;;RC)"},
    {"SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RW_RES_R", "D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GRGW;;;WD)(A;;GR;;;RC)"},
    {"SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RWX_RES_RWX",
     "D:P(A;;GA;;;SY)(A;;GRGWGX;;;BA)(A;;GRGWGX;;;WD)(A;;GRGWGX;;;RC)"},
};

static char *sddl_value(const ast_tu *tu, const ast_function *fn, const ast_expr *arg)
{
    char *v = string_value(tu, fn, arg);
    for (size_t i = 0; v && i < sizeof known_sddl / sizeof known_sddl[0]; i++)
        if (strcmp(v, known_sddl[i].name) == 0) {
            char *full = xasprintf("%s (%s)", known_sddl[i].sddl, v);
            free(v);
            return full;
        }
    return v;
}

static bool is_null_arg(const ast_expr *arg)
{
    const ast_expr *e = strip(arg);
    return !e || (e->kind == AST_EX_INT && e->u.i.value == 0) || (arg->text && strcmp(arg->text, "NULL") == 0);
}

static bool arg_true(const ast_expr *arg)
{
    const ast_expr *e = strip(arg);
    if (e && e->kind == AST_EX_INT)
        return e->u.i.value != 0;
    return arg->text && strcmp(arg->text, "TRUE") == 0;
}

enum { FILE_DEVICE_SECURE_OPEN_BIT = 0x100 };

static bool has_secure_open(const ast_expr *arg)
{
    const ast_expr *e = strip(arg);
    if (arg->text && strstr(arg->text, "FILE_DEVICE_SECURE_OPEN"))
        return true;
    return e && e->kind == AST_EX_INT && (e->u.i.value & FILE_DEVICE_SECURE_OPEN_BIT);
}

/* ---- device objects, links, interfaces ---- */

/* What a function does to a WDFDEVICE_INIT before WdfDeviceCreate. */
typedef struct wdf_init {
    char *name, *sddl;
    bool secure_open, exclusive, control, seen;
} wdf_init;

typedef struct dev_ctx {
    surface *s;
    const ast_tu *tu;
    const ast_function *fn;
    wdf_init *init; /* the function's, or NULL while collecting the unit's */
    bool creates;
} dev_ctx;

static const char *call_name(const ast_expr *e)
{
    return e->u.call.name ? e->u.call.name : e->u.call.written_name;
}

static void set_str(char **dst, char *v)
{
    free(*dst);
    *dst = v;
}

static bool visit_wdf_init(ast_expr *e, void *data)
{
    dev_ctx *c = data;
    if (e->kind != AST_EX_CALL || !call_name(e))
        return true;
    const char *n = call_name(e);
    ast_expr **a = e->u.call.args;
    size_t na = e->u.call.nargs;
    wdf_init *w = c->init;
    if (strcmp(n, "WdfControlDeviceInitAllocate") == 0 && na >= 2) {
        w->control = w->seen = true;
        set_str(&w->sddl, sddl_value(c->tu, c->fn, a[1]));
    } else if (strcmp(n, "WdfDeviceInitAssignSDDLString") == 0 && na >= 2) {
        w->seen = true;
        set_str(&w->sddl, sddl_value(c->tu, c->fn, a[1]));
    } else if (strcmp(n, "WdfDeviceInitAssignName") == 0 && na >= 2) {
        w->seen = true;
        set_str(&w->name, string_value(c->tu, c->fn, a[1]));
    } else if (strcmp(n, "WdfDeviceInitSetExclusive") == 0 && na >= 2) {
        w->seen = true;
        w->exclusive = arg_true(a[1]);
    } else if (strcmp(n, "WdfDeviceInitSetCharacteristics") == 0 && na >= 2) {
        w->seen = true;
        w->secure_open |= has_secure_open(a[1]);
    }
    return true;
}

static bool visit_devices(ast_expr *e, void *data)
{
    dev_ctx *c = data;
    if (e->kind != AST_EX_CALL || !call_name(e))
        return true;
    const char *n = call_name(e);
    ast_expr **a = e->u.call.args;
    size_t na = e->u.call.nargs;
    bool secure = strcmp(n, "IoCreateDeviceSecure") == 0;
    if ((strcmp(n, "IoCreateDevice") == 0 && na >= 7) || (secure && na >= 9)) {
        surface_device d = {
            .at = loc_of(&e->loc, c->fn),
            .how = xstrdup(n),
            .name = is_null_arg(a[2]) ? NULL : string_value(c->tu, c->fn, a[2]),
            .sddl = secure ? sddl_value(c->tu, c->fn, a[6]) : NULL,
            .device_type = dup_or_null(a[3]->text),
            .secure_open = has_secure_open(a[4]),
            .exclusive = arg_true(a[5]),
        };
        VEC_PUSH(&c->s->devices, d);
    } else if (strcmp(n, "WdfDeviceCreate") == 0) {
        const wdf_init *w = c->init;
        surface_device d = {
            .at = loc_of(&e->loc, c->fn),
            .how = xstrdup(n),
            .name = dup_or_null(w->name),
            .sddl = dup_or_null(w->sddl),
            .secure_open = w->secure_open,
            .exclusive = w->exclusive,
            .control = w->control,
        };
        VEC_PUSH(&c->s->devices, d);
    } else if ((strcmp(n, "IoCreateSymbolicLink") == 0 || strcmp(n, "WdfDeviceCreateSymbolicLink") == 0) && na >= 2) {
        surface_link l = {loc_of(&e->loc, c->fn), xstrdup("symbolic link"),
                          string_value(c->tu, c->fn, a[n[0] == 'I' ? 0 : 1])};
        VEC_PUSH(&c->s->links, l);
    } else if ((strcmp(n, "IoRegisterDeviceInterface") == 0 || strcmp(n, "WdfDeviceCreateDeviceInterface") == 0) &&
               na >= 2) {
        const ast_expr *g = strip(a[1]);
        surface_link l = {loc_of(&e->loc, c->fn), xstrdup("device interface"),
                          xstrdup(g && g->text ? g->text : a[1]->text ? a[1]->text : "?")};
        VEC_PUSH(&c->s->links, l);
    }
    return true;
}

static void wdf_init_free(wdf_init *w)
{
    free(w->name);
    free(w->sddl);
}

static void collect_devices(surface *s, const ast_tu *tu)
{
    /* the unit's WDFDEVICE_INIT calls, for a WdfDeviceCreate in a function that makes none */
    wdf_init unit = {0};
    for (size_t i = 0; i < tu->nfuncs; i++) {
        dev_ctx c = {s, tu, tu->funcs[i], &unit, false};
        ast_visit_stmt_exprs(tu->funcs[i]->body, visit_wdf_init, &c);
    }
    for (size_t i = 0; i < tu->nfuncs; i++) {
        wdf_init own = {0};
        dev_ctx c = {s, tu, tu->funcs[i], &own, false};
        ast_visit_stmt_exprs(tu->funcs[i]->body, visit_wdf_init, &c);
        c.init = own.seen ? &own : &unit;
        ast_visit_stmt_exprs(tu->funcs[i]->body, visit_devices, &c);
        wdf_init_free(&own);
    }
    wdf_init_free(&unit);
}

/* ---- IOCTL branches ---- */

static bool contains_ci(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; *p; p++)
        if (strncasecmp(p, word, n) == 0)
            return true;
    return false;
}

/* The value a switch or comparison tests looks like a control code: IoControlCode, ioctl,
 * FsControlCode, or a name ending in "code" (code, ioCode, ControlCode). */
static bool tests_code(const char *text)
{
    if (!text)
        return false;
    if (contains_ci(text, "controlcode") || contains_ci(text, "ioctl") || contains_ci(text, "fsctl"))
        return true;
    size_t n = strlen(text);
    return n >= 4 && strncasecmp(text + n - 4, "code", 4) == 0 && (n == 4 || !isalnum((unsigned char)text[n - 5]) ||
                                                                 text[n - 5] == '_' || islower((unsigned char)text[n - 5]));
}

/* The constant is named like one: IOCTL_X, FSCTL_X, X_IOCTL_Y, a CTL_CODE written in place (not
 * just any name with "ioctl" in it: FailurePredictionIoctl is a method, not a code). */
static bool named_code(const char *text)
{
    return text && (strncmp(text, "IOCTL_", 6) == 0 || strncmp(text, "FSCTL_", 6) == 0 || strstr(text, "_IOCTL_") ||
                    strstr(text, "_FSCTL_") || strstr(text, "CTL_CODE"));
}

/* A value recovery made up for a name no header declared (the front end marks it). */
static bool recovered(const ast_expr *e)
{
    return e->u.i.placeholder;
}

/* A constant that can be an IOCTL code: a device type in the upper half, and either the
 * value tested is named like a control code or the constant is named like one. */
static bool ioctl_like(const ast_expr *e, const char *tested)
{
    e = strip(e);
    if (!e || e->kind != AST_EX_INT)
        return false;
    /* a name no header declared: an IOCTL only when it is named like one; its value is unknown */
    if (recovered(e))
        return named_code(e->text);
    if (e->u.i.value <= 0xFFFF || e->u.i.value > 0xFFFFFFFFull)
        return false;
    return tests_code(tested) || named_code(e->text);
}

static bool macro_name(const char *t)
{
    if (!t || !(isalpha((unsigned char)*t) || *t == '_'))
        return false;
    for (; *t; t++)
        if (!isalnum((unsigned char)*t) && *t != '_')
            return false;
    return true;
}

typedef VEC(char *) str_vec;

typedef struct region {
    bool raw_buffer;
    str_vec calls;
    VEC(surface_loc) sites;
    str_vec checks;
    const ast_function *fn;
} region;

static bool is_length_test(const ast_expr *e)
{
    if (e->kind != AST_EX_BINARY)
        return false;
    switch (e->u.binary.op) {
    case AST_BIN_LT: case AST_BIN_GT: case AST_BIN_LE: case AST_BIN_GE: case AST_BIN_EQ: case AST_BIN_NE:
        break;
    default:
        return false;
    }
    const char *t = e->text;
    return t && (strstr(t, "Length") || strstr(t, "Len") || strstr(t, "len") || strstr(t, "Size"));
}

static void push_unique(str_vec *v, const char *s)
{
    for (size_t i = 0; i < v->len; i++)
        if (strcmp(v->items[i], s) == 0)
            return;
    VEC_PUSH(v, xstrdup(s));
}

/* Deferred work: the API and which argument is the routine. Queuing it counts as a call to
 * the routine, so what an IOCTL hands to a work item is reached from the IOCTL. */
static const struct {
    const char *api;
    unsigned routine;
} deferred_apis[] = {
    {"KeInitializeDpc", 1},         {"KeInitializeThreadedDpc", 1}, {"IoQueueWorkItem", 1},
    {"IoQueueWorkItemEx", 1},       {"ExInitializeWorkItem", 1},    {"PsCreateSystemThread", 5},
    {"IoInitializeDpcRequest", 1},  {"WDF_WORKITEM_CONFIG_INIT", 1}, {"WDF_DPC_CONFIG_INIT", 1},
    {"WDF_TIMER_CONFIG_INIT", 1},
};

/* The routine a deferral call queues, or NULL. */
static const char *deferred_routine(const ast_expr *e, const char **api)
{
    for (size_t i = 0; i < sizeof deferred_apis / sizeof deferred_apis[0]; i++) {
        if (strcmp(call_name(e), deferred_apis[i].api) != 0 || deferred_apis[i].routine >= e->u.call.nargs)
            continue;
        const ast_expr *r = strip(e->u.call.args[deferred_apis[i].routine]);
        if (!r || r->kind != AST_EX_REF || r->u.ref.ref != AST_REF_FUNCTION)
            return NULL;
        *api = deferred_apis[i].api;
        return r->u.ref.name;
    }
    return NULL;
}

/* A METHOD_NEITHER buffer: the raw user pointers of an IRP, or KMDF's unsafe retrieval. */
static bool is_raw_buffer(const ast_expr *e)
{
    if (e->kind == AST_EX_MEMBER)
        return strcmp(e->u.member.field, "Type3InputBuffer") == 0 || strcmp(e->u.member.field, "UserBuffer") == 0;
    return e->kind == AST_EX_CALL && call_name(e) && strncmp(call_name(e), "WdfRequestRetrieveUnsafeUser", 28) == 0;
}

/* A length test, or a KMDF retrieve call: the minimum size it demands is the check. */
static void note_check(str_vec *v, const ast_expr *e)
{
    if (e->kind == AST_EX_CALL && call_name(e)) {
        const char *n = call_name(e);
        if ((strcmp(n, "WdfRequestRetrieveInputBuffer") == 0 || strcmp(n, "WdfRequestRetrieveOutputBuffer") == 0) &&
            e->u.call.nargs >= 2 && e->u.call.args[1]->text) {
            char *t = xasprintf("%s(min %s)", n, e->u.call.args[1]->text);
            push_unique(v, t);
            free(t);
        }
    } else if (is_length_test(e)) {
        push_unique(v, e->text);
    }
}

static bool visit_region(ast_expr *e, void *data)
{
    region *r = data;
    r->raw_buffer |= is_raw_buffer(e);
    if (e->kind == AST_EX_CALL && call_name(e)) {
        push_unique(&r->calls, call_name(e));
        const char *api = NULL, *routine = deferred_routine(e, &api);
        if (routine) /* the work the branch queues runs for it */
            push_unique(&r->calls, routine);
        surface_loc l = loc_of(&e->loc, r->fn);
        VEC_PUSH(&r->sites, l);
    }
    note_check(&r->checks, e);
    return true;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct ioctl_ctx {
    surface *s;
    const ast_function *fn;
    str_vec before; /* length tests of the function seen so far */
} ioctl_ctx;

static bool visit_length_tests(ast_expr *e, void *data)
{
    note_check(data, e);
    return true;
}

typedef struct eq_ctx {
    VEC(const ast_expr *) codes;
} eq_ctx;

static void equal_codes(const ast_expr *e, eq_ctx *q);

/* The statements code's branch runs: inside it, if (code == Y) runs only for Y. */
static void region_stmt(region *r, ast_stmt *s, uint64_t code)
{
    if (!s)
        return;
    switch (s->kind) {
    case AST_ST_IF: {
        ast_visit_expr(s->u.if_.cond, visit_region, r);
        eq_ctx q = {0};
        equal_codes(s->u.if_.cond, &q);
        bool mine = false;
        for (size_t i = 0; i < q.codes.len; i++)
            mine |= q.codes.items[i]->u.i.value == code;
        if (!q.codes.len || mine)
            region_stmt(r, s->u.if_.then, code);
        if (!q.codes.len || !mine)
            region_stmt(r, s->u.if_.els, code);
        free(q.codes.items);
        break;
    }
    case AST_ST_BLOCK:
        for (size_t i = 0; i < s->u.block.n; i++)
            region_stmt(r, s->u.block.items[i], code);
        break;
    case AST_ST_CASE:
    case AST_ST_DEFAULT:
        region_stmt(r, s->u.case_.body, code);
        break;
    case AST_ST_LABEL:
        region_stmt(r, s->u.label.body, code);
        break;
    case AST_ST_TRY_EXCEPT:
    case AST_ST_TRY_FINALLY:
        region_stmt(r, s->u.try_.body, code);
        ast_visit_expr(s->u.try_.filter, visit_region, r);
        region_stmt(r, s->u.try_.handler, code);
        break;
    default:
        ast_visit_stmt_exprs(s, visit_region, r);
        break;
    }
}

static void add_ioctl(ioctl_ctx *c, const ast_expr *label, const ast_loc *at, ast_stmt **body, size_t nbody)
{
    const ast_expr *v = strip(label);
    region r = {.fn = c->fn};
    for (size_t i = 0; i < nbody; i++)
        region_stmt(&r, body[i], v->u.i.value);
    for (size_t i = 0; i < c->before.len; i++)
        push_unique(&r.checks, c->before.items[i]);
    if (r.calls.len > 1)
        qsort(r.calls.items, r.calls.len, sizeof *r.calls.items, str_cmp);
    surface_ioctl io = {
        .code = v->u.i.value,
        .code_known = !recovered(v),
        .name = macro_name(label->text) ? xstrdup(label->text) : NULL,
        .at = loc_of(at, c->fn),
        .calls = r.calls.items,
        .ncalls = r.calls.len,
        .call_sites = r.sites.items,
        .nsites = r.sites.len,
        .checks = r.checks.items,
        .nchecks = r.checks.len,
        .raw_buffer = r.raw_buffer,
    };
    VEC_PUSH(&c->s->ioctls, io);
}

static void walk(ioctl_ctx *c, ast_stmt *s);

static void truncate_checks(ioctl_ctx *c, size_t len)
{
    while (c->before.len > len)
        free(c->before.items[--c->before.len]);
}

/* A statement of a code-to-name table: return "X"; s = "X"; break; (nothing else). */
static bool names_only_stmt(const ast_stmt *s, bool *strings)
{
    if (!s)
        return true;
    switch (s->kind) {
    case AST_ST_BREAK:
        return true;
    case AST_ST_CASE:
    case AST_ST_DEFAULT:
        return names_only_stmt(s->u.case_.body, strings);
    case AST_ST_BLOCK:
        for (size_t i = 0; i < s->u.block.n; i++)
            if (!names_only_stmt(s->u.block.items[i], strings))
                return false;
        return true;
    case AST_ST_RETURN:
    case AST_ST_EXPR: {
        const ast_expr *e = s->u.expr;
        if (e && s->kind == AST_ST_EXPR && e->kind == AST_EX_ASSIGN)
            e = e->u.binary.rhs;
        e = strip(e);
        if (!e || e->kind != AST_EX_STRING)
            return false;
        *strings = true;
        return true;
    }
    default:
        return false;
    }
}

/* A switch that only maps codes to their names for tracing (SerialGetIoctlName, DbgGetIoctlStr):
 * every branch but default: returns or assigns a string literal. It tests codes but handles none. */
static bool name_table(const ast_stmt *sw)
{
    const ast_stmt *body = sw->u.switch_.body;
    if (!body)
        return false;
    ast_stmt *const *items = body->kind == AST_ST_BLOCK ? body->u.block.items : (ast_stmt *const *)&body;
    size_t n = body->kind == AST_ST_BLOCK ? body->u.block.n : 1;
    bool strings = false, in_default = false;
    for (size_t i = 0; i < n; i++) {
        const ast_stmt *it = items[i];
        if (it->kind == AST_ST_CASE || it->kind == AST_ST_DEFAULT) {
            const ast_stmt *l = it;
            while (l && l->kind == AST_ST_CASE)
                l = l->u.case_.body;
            in_default = l && l->kind == AST_ST_DEFAULT;
            if (in_default)
                continue;
        }
        if (!in_default && !names_only_stmt(it, &strings))
            return false;
    }
    return strings;
}

static void walk_switch(ioctl_ctx *c, ast_stmt *sw)
{
    if (name_table(sw))
        return;
    ast_stmt *body = sw->u.switch_.body;
    if (!body)
        return;
    ast_stmt **items = body->kind == AST_ST_BLOCK ? body->u.block.items : &body;
    size_t n = body->kind == AST_ST_BLOCK ? body->u.block.n : 1;
    const char *tested = sw->u.switch_.cond ? sw->u.switch_.cond->text : NULL;
    for (size_t i = 0; i < n; i++) {
        ast_stmt *it = items[i];
        if (it->kind != AST_ST_CASE && it->kind != AST_ST_DEFAULT) {
            walk(c, it);
            continue;
        }
        /* the group: this label's chain, then the statements up to the next label */
        size_t end = i + 1;
        while (end < n && items[end]->kind != AST_ST_CASE && items[end]->kind != AST_ST_DEFAULT)
            end++;
        ast_stmt *inner = it;
        while (inner && (inner->kind == AST_ST_CASE || inner->kind == AST_ST_DEFAULT))
            inner = inner->u.case_.body;
        size_t nb = end - i; /* inner + items (i, end) */
        ast_stmt **group = xcalloc(nb, sizeof *group);
        group[0] = inner;
        for (size_t k = i + 1; k < end; k++)
            group[k - i] = items[k];
        for (ast_stmt *l = it; l && (l->kind == AST_ST_CASE || l->kind == AST_ST_DEFAULT); l = l->u.case_.body)
            if (l->kind == AST_ST_CASE && l->u.case_.lo == l->u.case_.hi && ioctl_like(l->u.case_.value, tested))
                add_ioctl(c, strip(l->u.case_.value), &l->loc, inner ? group : group + 1, inner ? nb : nb - 1);
        /* a test inside one code's branch says nothing of the next code's */
        size_t saved = c->before.len;
        for (size_t k = 0; k < nb; k++)
            walk(c, group[k]);
        truncate_checks(c, saved);
        free(group);
        i = end - 1;
    }
}

/* the codes an if's condition compares the control code with (through && and ||) */
static void equal_codes(const ast_expr *e, eq_ctx *q)
{
    if (!e)
        return;
    if (e->kind == AST_EX_BINARY && (e->u.binary.op == AST_BIN_LOR || e->u.binary.op == AST_BIN_LAND)) {
        equal_codes(e->u.binary.lhs, q);
        equal_codes(e->u.binary.rhs, q);
    } else if (e->kind == AST_EX_BINARY && e->u.binary.op == AST_BIN_EQ) {
        const ast_expr *l = e->u.binary.lhs, *r = e->u.binary.rhs;
        if (ioctl_like(r, l->text))
            VEC_PUSH(&q->codes, strip(r));
        else if (ioctl_like(l, r->text))
            VEC_PUSH(&q->codes, strip(l));
    } else if (e->kind == AST_EX_CAST) {
        equal_codes(e->u.cast.operand, q);
    }
}

/* the codes of a guard's condition: code != A (&& code != B ...) */
static void unequal_codes(const ast_expr *e, eq_ctx *q)
{
    if (!e)
        return;
    if (e->kind == AST_EX_BINARY && e->u.binary.op == AST_BIN_LAND) {
        unequal_codes(e->u.binary.lhs, q);
        unequal_codes(e->u.binary.rhs, q);
    } else if (e->kind == AST_EX_BINARY && e->u.binary.op == AST_BIN_NE) {
        const ast_expr *l = e->u.binary.lhs, *r = e->u.binary.rhs;
        if (ioctl_like(r, l->text))
            VEC_PUSH(&q->codes, strip(r));
        else if (ioctl_like(l, r->text))
            VEC_PUSH(&q->codes, strip(l));
    }
}

/* The statement leaves the code that follows it: return, goto, break (last of a block). */
static bool leaves(const ast_stmt *s)
{
    while (s && s->kind == AST_ST_BLOCK && s->u.block.n)
        s = s->u.block.items[s->u.block.n - 1];
    return s && (s->kind == AST_ST_RETURN || s->kind == AST_ST_GOTO || s->kind == AST_ST_BREAK);
}

/* if (code != A) { ...; return; } and what follows handles A (the pofx samples' only IOCTL) */
static void guard_codes(ioctl_ctx *c, ast_stmt **items, size_t n, size_t i)
{
    ast_stmt *g = items[i];
    if (g->kind != AST_ST_IF || g->u.if_.els || !leaves(g->u.if_.then))
        return;
    eq_ctx q = {0};
    unequal_codes(g->u.if_.cond, &q);
    for (size_t k = 0; k < q.codes.len; k++)
        add_ioctl(c, q.codes.items[k], &g->loc, items + i + 1, n - i - 1);
    free(q.codes.items);
}

static void walk(ioctl_ctx *c, ast_stmt *s)
{
    if (!s)
        return;
    switch (s->kind) {
    case AST_ST_SWITCH:
        walk_switch(c, s);
        break;
    case AST_ST_IF: {
        eq_ctx q = {0};
        equal_codes(s->u.if_.cond, &q);
        for (size_t i = 0; i < q.codes.len; i++)
            add_ioctl(c, q.codes.items[i], &s->loc, &s->u.if_.then, 1);
        size_t saved = c->before.len;
        if (!q.codes.len) /* a test that guards the rest of the handler */
            ast_visit_expr(s->u.if_.cond, visit_length_tests, &c->before);
        walk(c, s->u.if_.then);
        if (q.codes.len)
            truncate_checks(c, saved);
        free(q.codes.items);
        walk(c, s->u.if_.els);
        break;
    }
    case AST_ST_BLOCK:
        for (size_t i = 0; i < s->u.block.n; i++) {
            guard_codes(c, s->u.block.items, s->u.block.n, i);
            walk(c, s->u.block.items[i]);
        }
        break;
    case AST_ST_WHILE:
    case AST_ST_DO:
    case AST_ST_FOR:
        walk(c, s->u.loop.body);
        break;
    case AST_ST_CASE:
    case AST_ST_DEFAULT:
        walk(c, s->u.case_.body);
        break;
    case AST_ST_LABEL:
        walk(c, s->u.label.body);
        break;
    case AST_ST_TRY_EXCEPT:
    case AST_ST_TRY_FINALLY:
        walk(c, s->u.try_.body);
        walk(c, s->u.try_.handler);
        break;
    case AST_ST_EXPR:
    case AST_ST_DECL:
    case AST_ST_RETURN:
        ast_visit_stmt_exprs(s, visit_length_tests, &c->before);
        break;
    default:
        break;
    }
}

/* ---- call graph ---- */

typedef struct calls_ctx {
    str_vec calls;
    surface *s;
    bool raw_buffer;
} calls_ctx;

static bool visit_calls(ast_expr *e, void *data)
{
    calls_ctx *c = data;
    c->raw_buffer |= is_raw_buffer(e);
    if (e->kind != AST_EX_CALL || !call_name(e))
        return true;
    push_unique(&c->calls, call_name(e));
    const char *api = NULL, *routine = deferred_routine(e, &api);
    if (!routine)
        return true;
    push_unique(&c->calls, routine);
    bool dup = false;
    for (size_t k = 0; k < c->s->entries.len && !dup; k++)
        dup = strcmp(c->s->entries.items[k].function, routine) == 0;
    if (!dup) {
        surface_entry en = {xstrdup(routine), xasprintf("deferred (%s)", api), false};
        VEC_PUSH(&c->s->entries, en);
    }
    return true;
}

void surface_collect(surface *s, const ast_tu *tu)
{
    collect_devices(s, tu);
    entry_set es;
    entries_collect(&es, tu);
    for (size_t i = 0; i < es.nentries; i++) {
        surface_entry e = {xstrdup(es.entries[i].function), xstrdup(es.entries[i].kind), es.entries[i].user_reachable};
        VEC_PUSH(&s->entries, e);
    }
    entries_free(&es);
    for (size_t i = 0; i < tu->nfuncs; i++) {
        const ast_function *fn = tu->funcs[i];
        ioctl_ctx c = {s, fn, {0}};
        walk(&c, fn->body);
        for (size_t k = 0; k < c.before.len; k++)
            free(c.before.items[k]);
        free(c.before.items);
        calls_ctx cc = {{0}, s, false};
        ast_visit_stmt_exprs(fn->body, visit_calls, &cc);
        str_vec calls = cc.calls;
        if (calls.len > 1)
            qsort(calls.items, calls.len, sizeof *calls.items, str_cmp);
        surface_func f = {xstrdup(fn->name), xstrdup(fn->loc.file ? fn->loc.file : "<unknown>"), fn->loc.line,
                          calls.items, calls.len, cc.raw_buffer};
        VEC_PUSH(&s->funcs, f);
    }
}

#define MOVE_VEC(dst, src)                          \
    do {                                            \
        for (size_t i_ = 0; i_ < (src).len; i_++)   \
            VEC_PUSH(&(dst), (src).items[i_]);      \
        free((src).items);                          \
        memset(&(src), 0, sizeof(src));             \
    } while (0)

void surface_move(surface *dst, surface *src)
{
    MOVE_VEC(dst->devices, src->devices);
    MOVE_VEC(dst->links, src->links);
    MOVE_VEC(dst->ioctls, src->ioctls);
    MOVE_VEC(dst->funcs, src->funcs);
    MOVE_VEC(dst->entries, src->entries);
}

static void strs_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void surface_free(surface *s)
{
    for (size_t i = 0; i < s->devices.len; i++) {
        surface_device *d = &s->devices.items[i];
        loc_free(&d->at);
        free(d->how);
        free(d->name);
        free(d->sddl);
        free(d->device_type);
    }
    free(s->devices.items);
    for (size_t i = 0; i < s->links.len; i++) {
        loc_free(&s->links.items[i].at);
        free(s->links.items[i].kind);
        free(s->links.items[i].name);
    }
    free(s->links.items);
    for (size_t i = 0; i < s->ioctls.len; i++) {
        surface_ioctl *io = &s->ioctls.items[i];
        free(io->name);
        loc_free(&io->at);
        strs_free(io->calls, io->ncalls);
        for (size_t k = 0; k < io->nsites; k++)
            loc_free(&io->call_sites[k]);
        free(io->call_sites);
        strs_free(io->checks, io->nchecks);
    }
    free(s->ioctls.items);
    for (size_t i = 0; i < s->funcs.len; i++) {
        free(s->funcs.items[i].name);
        free(s->funcs.items[i].file);
        strs_free(s->funcs.items[i].calls, s->funcs.items[i].ncalls);
    }
    free(s->funcs.items);
    for (size_t i = 0; i < s->entries.len; i++) {
        free(s->entries.items[i].function);
        free(s->entries.items[i].kind);
    }
    free(s->entries.items);
    memset(s, 0, sizeof *s);
}

unsigned surface_ioctl_device_type(uint64_t code)
{
    return (unsigned)((code >> 16) & 0xFFFF);
}

unsigned surface_ioctl_function(uint64_t code)
{
    return (unsigned)((code >> 2) & 0xFFF);
}

const char *surface_ioctl_access_name(uint64_t code)
{
    static const char *const names[] = {"FILE_ANY_ACCESS", "FILE_READ_ACCESS", "FILE_WRITE_ACCESS",
                                        "FILE_READ_ACCESS | FILE_WRITE_ACCESS"};
    return names[(code >> 14) & 3];
}
