/* entry.c - recognise dispatch routines and KMDF queue callbacks from how DriverEntry and
 * EvtDeviceAdd wire them (MajorFunction[IRP_MJ_x] = f; config.EvtIoDeviceControl = f) and
 * from role-typed declarations (DRIVER_DISPATCH f;), and name IOCTL codes by their macros. */
#include "drvtaint/entry.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/util.h"

static const char *const irp_mj_names[] = {
    "IRP_MJ_CREATE", "IRP_MJ_CREATE_NAMED_PIPE", "IRP_MJ_CLOSE", "IRP_MJ_READ", "IRP_MJ_WRITE",
    "IRP_MJ_QUERY_INFORMATION", "IRP_MJ_SET_INFORMATION", "IRP_MJ_QUERY_EA", "IRP_MJ_SET_EA",
    "IRP_MJ_FLUSH_BUFFERS", "IRP_MJ_QUERY_VOLUME_INFORMATION", "IRP_MJ_SET_VOLUME_INFORMATION",
    "IRP_MJ_DIRECTORY_CONTROL", "IRP_MJ_FILE_SYSTEM_CONTROL", "IRP_MJ_DEVICE_CONTROL",
    "IRP_MJ_INTERNAL_DEVICE_CONTROL", "IRP_MJ_SHUTDOWN", "IRP_MJ_LOCK_CONTROL", "IRP_MJ_CLEANUP",
    "IRP_MJ_CREATE_MAILSLOT", "IRP_MJ_QUERY_SECURITY", "IRP_MJ_SET_SECURITY", "IRP_MJ_POWER",
    "IRP_MJ_SYSTEM_CONTROL", "IRP_MJ_DEVICE_CHANGE", "IRP_MJ_QUERY_QUOTA", "IRP_MJ_SET_QUOTA", "IRP_MJ_PNP",
};

/* KMDF queue callbacks and the index of their first user-valued parameter
   (lengths, then the IOCTL code for the device-control ones). */
static const struct {
    const char *field, *role;
    int first_param;
    bool user;
} kmdf_callbacks[] = {
    {"EvtIoDeviceControl", "EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL", 2, true},
    {"EvtIoInternalDeviceControl", "EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL", 2, false},
    {"EvtIoRead", "EVT_WDF_IO_QUEUE_IO_READ", 2, true},
    {"EvtIoWrite", "EVT_WDF_IO_QUEUE_IO_WRITE", 2, true},
    {"EvtIoDefault", "EVT_WDF_IO_QUEUE_IO_DEFAULT", -1, true},
};

static const ast_expr *strip(const ast_expr *e)
{
    while (e && e->kind == AST_EX_CAST)
        e = e->u.cast.operand;
    return e;
}

static void add_entry(entry_set *set, const char *fn, const char *kind, bool user, int kmdf_params)
{
    for (size_t i = 0; i < set->nentries; i++) {
        entry_point *e = &set->entries[i];
        if (strcmp(e->function, fn) == 0) {
            e->user_reachable |= user; /* registered for a user request anywhere: user-reachable */
            if (user && !strstr(e->kind, "DEVICE_CONTROL") && strstr(kind, "DEVICE_CONTROL"))
                e->kind = kind;
            if (kmdf_params >= 0)
                e->kmdf_params = kmdf_params;
            return;
        }
    }
    set->entries = xrealloc(set->entries, (set->nentries + 1) * sizeof *set->entries);
    set->entries[set->nentries++] = (entry_point){fn, kind, user, kmdf_params};
}

typedef struct entry_walk {
    entry_set *set;
    const ast_tu *tu;
} entry_walk;

static const ast_expr *function_ref(const ast_expr *e)
{
    e = strip(e);
    if (e && e->kind == AST_EX_UNARY && e->u.unary.op == AST_UN_ADDR) /* &Handler */
        e = strip(e->u.unary.operand);
    return e && e->kind == AST_EX_REF && e->u.ref.ref == AST_REF_FUNCTION ? e : NULL;
}

static void add_major(entry_set *set, const char *fn, int64_t major)
{
    if (major >= 0 && (size_t)major < sizeof irp_mj_names / sizeof irp_mj_names[0]) {
        const char *kind = irp_mj_names[major];
        add_entry(set, fn, kind, strcmp(kind, "IRP_MJ_INTERNAL_DEVICE_CONTROL") != 0, -1);
    } else { /* any request, device control among them */
        add_entry(set, fn, "IRP_MJ_DEVICE_CONTROL", true, -1);
    }
}

/* MajorFunction[i] = Table[i] with `static PDRIVER_DISPATCH Table[] = {...}`: each handler of
 * the table is registered for the request of its position (a designated `[IRP_MJ_x] = f` names
 * it), or for every request when its position is not known. */
static void table_handlers(entry_set *set, const ast_tu *tu, const ast_expr *rhs)
{
    if (!rhs || rhs->kind != AST_EX_INDEX)
        return;
    const ast_expr *base = strip(rhs->u.index.base);
    if (!base || base->kind != AST_EX_REF || !base->u.ref.name)
        return;
    const ast_expr *init = NULL;
    for (size_t i = 0; i < tu->nglobals && !init; i++)
        if (strcmp(tu->globals[i]->name, base->u.ref.name) == 0)
            init = tu->globals[i]->init;
    if (!init || init->kind != AST_EX_INIT_LIST)
        return;
    for (size_t k = 0; k < init->u.list.n; k++) {
        const ast_expr *item = strip(init->u.list.items[k]);
        const ast_expr *fn = function_ref(item);
        int64_t major = (int64_t)k;
        if (!fn && item && item->kind == AST_EX_UNKNOWN) { /* [IRP_MJ_x] = f, as written */
            major = -1;
            for (size_t j = 0; j < item->u.list.n; j++) {
                const ast_expr *part = strip(item->u.list.items[j]);
                if (part && part->kind == AST_EX_INT)
                    major = (int64_t)part->u.i.value;
                else if (function_ref(part))
                    fn = function_ref(part);
            }
        }
        if (fn)
            add_major(set, fn->u.ref.name, major);
    }
}

static bool visit_assign(ast_expr *e, void *ctx)
{
    entry_walk *walk = ctx;
    entry_set *set = walk->set;
    if (e->kind != AST_EX_ASSIGN)
        return true;
    const ast_expr *lhs = strip(e->u.binary.lhs), *rhs = strip(e->u.binary.rhs);
    if (lhs && lhs->kind == AST_EX_INDEX) {
        const ast_expr *base = strip(lhs->u.index.base);
        if (base && base->kind == AST_EX_MEMBER && strcmp(base->u.member.field, "MajorFunction") == 0)
            table_handlers(set, walk->tu, rhs);
    }
    if (rhs && rhs->kind == AST_EX_UNARY && rhs->u.unary.op == AST_UN_ADDR) /* = &Handler */
        rhs = strip(rhs->u.unary.operand);
    if (!rhs || rhs->kind != AST_EX_REF || rhs->u.ref.ref != AST_REF_FUNCTION)
        return true;
    if (lhs && lhs->kind == AST_EX_INDEX) {
        const ast_expr *base = strip(lhs->u.index.base), *idx = strip(lhs->u.index.index);
        bool major = base && base->kind == AST_EX_MEMBER && strcmp(base->u.member.field, "MajorFunction") == 0 && idx;
        if (major && idx->kind == AST_EX_INT && idx->u.i.value < sizeof irp_mj_names / sizeof irp_mj_names[0]) {
            const char *kind = irp_mj_names[idx->u.i.value];
            add_entry(set, rhs->u.ref.name, kind, strcmp(kind, "IRP_MJ_INTERNAL_DEVICE_CONTROL") != 0, -1);
        } else if (major && idx->kind != AST_EX_INT) {
            /* for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) MajorFunction[i] = f: every request,
               device control among them */
            add_entry(set, rhs->u.ref.name, "IRP_MJ_DEVICE_CONTROL", true, -1);
        }
    } else if (lhs && lhs->kind == AST_EX_MEMBER) {
        for (size_t i = 0; i < sizeof kmdf_callbacks / sizeof kmdf_callbacks[0]; i++)
            if (strcmp(lhs->u.member.field, kmdf_callbacks[i].field) == 0)
                add_entry(set, rhs->u.ref.name, kmdf_callbacks[i].field, kmdf_callbacks[i].user,
                          kmdf_callbacks[i].first_param);
    }
    return true;
}

static bool looks_like_macro(const char *text)
{
    if (!text || !(isalpha((unsigned char)text[0]) || text[0] == '_'))
        return false;
    for (const char *p = text; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_')
            return false;
    return true;
}

static void add_ioctl(entry_set *set, const ast_expr *e)
{
    /* an IOCTL code has a device type in its upper half; a value recovery made up for a
     * name no header declared (marked by the front end) is kept, marked, when named like one */
    if (!e || e->kind != AST_EX_INT || !looks_like_macro(e->text))
        return;
    bool placeholder = e->u.i.placeholder;
    if (!placeholder && (e->u.i.value <= 0xFFFF || e->u.i.value > 0xFFFFFFFFull))
        return;
    for (size_t i = 0; i < set->nioctls; i++)
        if (set->ioctls[i].code == e->u.i.value)
            return;
    set->ioctls = xrealloc(set->ioctls, (set->nioctls + 1) * sizeof *set->ioctls);
    set->ioctls[set->nioctls++] = (ioctl_name){e->u.i.value, e->text, placeholder};
}

static bool visit_ioctl(ast_expr *e, void *ctx)
{
    if (e->kind == AST_EX_BINARY && (e->u.binary.op == AST_BIN_EQ || e->u.binary.op == AST_BIN_NE)) {
        add_ioctl(ctx, strip(e->u.binary.lhs));
        add_ioctl(ctx, strip(e->u.binary.rhs));
    }
    return true;
}

/* case labels are not expressions of the statement tree: walk them by hand */
static void case_labels(entry_set *set, const ast_stmt *s)
{
    if (!s)
        return;
    switch (s->kind) {
    case AST_ST_CASE:
        add_ioctl(set, strip(s->u.case_.value));
        case_labels(set, s->u.case_.body);
        break;
    case AST_ST_DEFAULT:
        case_labels(set, s->u.case_.body);
        break;
    case AST_ST_BLOCK:
        for (size_t i = 0; i < s->u.block.n; i++)
            case_labels(set, s->u.block.items[i]);
        break;
    case AST_ST_IF:
        case_labels(set, s->u.if_.then);
        case_labels(set, s->u.if_.els);
        break;
    case AST_ST_WHILE:
    case AST_ST_DO:
    case AST_ST_FOR:
        case_labels(set, s->u.loop.body);
        break;
    case AST_ST_SWITCH:
        case_labels(set, s->u.switch_.body);
        break;
    case AST_ST_LABEL:
        case_labels(set, s->u.label.body);
        break;
    case AST_ST_TRY_EXCEPT:
    case AST_ST_TRY_FINALLY:
        case_labels(set, s->u.try_.body);
        case_labels(set, s->u.try_.handler);
        break;
    default:
        break;
    }
}

void entries_collect(entry_set *set, const ast_tu *tu)
{
    memset(set, 0, sizeof *set);
    entry_walk walk = {set, tu};
    for (size_t i = 0; i < tu->nfuncs; i++) {
        ast_visit_stmt_exprs(tu->funcs[i]->body, visit_assign, &walk);
        ast_visit_stmt_exprs(tu->funcs[i]->body, visit_ioctl, set);
        case_labels(set, tu->funcs[i]->body);
    }
    /* declared with a role type but wired elsewhere (another file) */
    for (size_t i = 0; i < tu->nfuncs; i++) {
        const ast_function *fn = tu->funcs[i];
        if (!fn->role_typedef || entries_find(set, fn->name))
            continue;
        if (strcmp(fn->role_typedef, "DRIVER_DISPATCH") == 0)
            add_entry(set, fn->name, "DRIVER_DISPATCH", true, -1);
        for (size_t k = 0; k < sizeof kmdf_callbacks / sizeof kmdf_callbacks[0]; k++)
            if (strcmp(fn->role_typedef, kmdf_callbacks[k].role) == 0)
                add_entry(set, fn->name, kmdf_callbacks[k].field, kmdf_callbacks[k].user,
                          kmdf_callbacks[k].first_param);
    }
}

void entries_free(entry_set *set)
{
    free(set->entries);
    free(set->ioctls);
    memset(set, 0, sizeof *set);
}

const entry_point *entries_find(const entry_set *set, const char *function)
{
    for (size_t i = 0; i < set->nentries; i++)
        if (strcmp(set->entries[i].function, function) == 0)
            return &set->entries[i];
    return NULL;
}

const char *entries_ioctl_name(const entry_set *set, uint64_t code)
{
    for (size_t i = 0; i < set->nioctls; i++)
        if (set->ioctls[i].code == code)
            return set->ioctls[i].name;
    return NULL;
}

bool entries_is_placeholder(const entry_set *set, uint64_t code)
{
    for (size_t i = 0; set && i < set->nioctls; i++)
        if (set->ioctls[i].code == code)
            return set->ioctls[i].placeholder;
    return false;
}

const char *entries_method_name(uint64_t code)
{
    static const char *const methods[] = {"METHOD_BUFFERED", "METHOD_IN_DIRECT", "METHOD_OUT_DIRECT", "METHOD_NEITHER"};
    return methods[code & 3];
}
