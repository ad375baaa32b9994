/* objects.c - how many bytes the object a call hands back has: pool allocators, also called
 * through a pointer that MmGetSystemRoutineAddress returned for one, as REL_ALLOC_SIZE (a copy of
 * exactly that length is accepted on that side, as before); the others as REL_BUF_LEN, which only
 * the relational copy check reads, and only when every side of the copy holds the length
 * (RtlCopyBytes(mapping, data, n) still over-reads a short data): mappings (MmMapIoSpace(pa, n) maps exactly n
 * bytes); an MDL and what maps it (as long as IoAllocateMdl was told); the view of a section
 * (*ViewSize after ZwMapViewOfSection). A copy of exactly that length stays inside the object.
 * And the names strings and routine pointers stand for (REL_NAMES), which is how a call through
 * a pointer is known to be an allocator. */
#include <string.h>

#include "transfer.h"

typedef enum {
    OBJ_SIZE_ARG, /* the size is an argument of the call */
    OBJ_OF_MDL,   /* the size is the one the MDL argument was allocated with */
} obj_how;

static const struct {
    const char *name;
    obj_how how;
    unsigned arg;
} objects[] = {
    {"MmMapIoSpace", OBJ_SIZE_ARG, 1},
    {"MmMapIoSpaceEx", OBJ_SIZE_ARG, 1},
    {"IoAllocateMdl", OBJ_SIZE_ARG, 1},
    {"MmAllocateContiguousMemory", OBJ_SIZE_ARG, 0},
    {"MmAllocateContiguousMemorySpecifyCache", OBJ_SIZE_ARG, 0},
    {"MmAllocateNonCachedMemory", OBJ_SIZE_ARG, 0},
    {"MmMapLockedPagesSpecifyCache", OBJ_OF_MDL, 0},
    {"MmMapLockedPages", OBJ_OF_MDL, 0},
    {"MmGetSystemAddressForMdlSafe", OBJ_OF_MDL, 0},
};

/* the characters of a string literal's spelling (L"Name" -> Name), in the scratch arena */
static const char *literal_text(tx_ctx *tx, const ast_expr *e)
{
    e = path_strip(e);
    if (!e || e->kind != AST_EX_STRING || !e->u.str)
        return NULL;
    const char *q = strchr(e->u.str, '"');
    const char *end = q ? strrchr(q + 1, '"') : NULL;
    if (!q || !end)
        return NULL;
    size_t n = (size_t)(end - q - 1);
    char *out = arena_alloc(tx->scratch, n + 1);
    memcpy(out, q + 1, n);
    out[n] = '\0';
    return out;
}

const char *tx_literal_name(tx_ctx *tx, const ast_expr *e)
{
    return literal_text(tx, e);
}

const char *tx_routine_name(tx_ctx *tx, const tstate *s, const ast_expr *call)
{
    /* a call through a variable is named by the variable: what it stands for comes first */
    const ast_expr *callee = path_strip(call->u.call.callee);
    if (callee && callee->kind == AST_EX_UNARY && callee->u.unary.op == AST_UN_DEREF)
        callee = path_strip(callee->u.unary.operand); /* (*pfn)(...) */
    if (callee && callee->type.is_pointer && callee->kind != AST_EX_CALL) {
        const char *key = tx_path_key(tx, callee);
        const entry *en = key ? tstate_get(s, key) : NULL;
        if (en && rel_path(&en->f.rel, REL_NAMES))
            return rel_path(&en->f.rel, REL_NAMES);
        /* set in another function (DriverEntry) from MmGetSystemRoutineAddress: its name says */
        const char *named = tx_allocator_in_name(callee->type.spelling);
        if (!named)
            named = tx_allocator_in_name(callee->text);
        if (named)
            return named;
    }
    return call->u.call.name;
}

void tx_string_names(tx_ctx *tx, tstate *s, const char *key, const ast_expr *target, const ast_expr *chars)
{
    const char *name = literal_text(tx, chars);
    if (!name)
        return;
    fact f = fact_untainted(&target->type);
    rel_set(&f.rel, REL_NAMES, name);
    tstate_set(s, key, target, f);
}

/* Pointer arguments a call only reads, though they are written &x: the name it looks up */
static const struct {
    const char *name;
    unsigned arg;
} inputs[] = {
    {"MmGetSystemRoutineAddress", 0},
};

bool tx_arg_is_input(const ast_expr *call, size_t i)
{
    const char *name = call->u.call.name ? call->u.call.name : "";
    for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++)
        if (inputs[k].arg == i && strcmp(inputs[k].name, name) == 0)
            return true;
    return false;
}

static const char *size_path_of_mdl(tx_ctx *tx, const tstate *s, const ast_expr *mdl)
{
    fact m = tx_peek(tx, s, mdl);
    return rel_path(&m.rel, REL_BUF_LEN);
}

void tx_object_effects(tx_ctx *tx, tstate *s, const ast_expr *call, fact *result)
{
    const char *name = tx_routine_name(tx, s, call);
    if (!name)
        return;
    int size_arg = tx_allocator_size_arg(name);
    if (size_arg >= 0 && (size_t)size_arg < call->u.call.nargs) {
        rel_set(&result->rel, REL_ALLOC_SIZE, tx_size_form(tx, s, call->u.call.args[size_arg]));
        return;
    }
    if (strcmp(name, "WdfRequestRetrieveInputBuffer") == 0 || strcmp(name, "WdfRequestRetrieveOutputBuffer") == 0) {
        /* (Request, MinimumRequiredSize, &Buffer, &Length): Length bytes, at least the minimum */
        const char *buf_key = NULL, *len_key = NULL;
        const ast_expr *buf = call->u.call.nargs > 3 ? tx_pointee_lvalue(tx, call->u.call.args[2], &buf_key) : NULL;
        const ast_expr *len = buf ? tx_pointee_lvalue(tx, call->u.call.args[3], &len_key) : NULL;
        const ast_expr *nul = call->u.call.nargs > 3 ? path_strip(call->u.call.args[3]) : NULL;
        bool no_len = nul && nul->kind == AST_EX_INT && nul->u.i.value == 0;
        const char *size = len && len_key && !no_len ? len_key : tx_size_form(tx, s, call->u.call.args[1]);
        const entry *en = buf && buf_key ? tstate_get(s, buf_key) : NULL;
        if (!en || !size)
            return;
        fact f = en->f;
        rel_set(&f.rel, REL_BUF_LEN, size);
        tstate_set(s, buf_key, buf, f);
        return;
    }
    if (strcmp(name, "MmGetSystemRoutineAddress") == 0 && call->u.call.nargs == 1) {
        fact str = tx_peek_pointee(tx, s, call->u.call.args[0]);
        rel_set(&result->rel, REL_NAMES, rel_path(&str.rel, REL_NAMES));
        return;
    }
    if (strcmp(name, "ZwMapViewOfSection") == 0 && call->u.call.nargs > 6) {
        /* the view is *ViewSize bytes, as the call wrote it back */
        const char *base_key = NULL, *size_key = NULL;
        const ast_expr *base = tx_pointee_lvalue(tx, call->u.call.args[2], &base_key);
        const ast_expr *size = tx_pointee_lvalue(tx, call->u.call.args[6], &size_key);
        if (!base || !base_key || !size || !size_key)
            return;
        const entry *en = tstate_get(s, base_key);
        fact f = en ? en->f : tx_implicit(tx, s, base);
        rel_set(&f.rel, REL_BUF_LEN, size_key);
        tstate_set(s, base_key, base, f);
        return;
    }
    for (size_t i = 0; i < sizeof objects / sizeof objects[0]; i++) {
        if (strcmp(objects[i].name, name) != 0 || objects[i].arg >= call->u.call.nargs)
            continue;
        const ast_expr *arg = call->u.call.args[objects[i].arg];
        const char *size = objects[i].how == OBJ_SIZE_ARG ? tx_size_form(tx, s, arg) : size_path_of_mdl(tx, s, arg);
        rel_set(&result->rel, REL_BUF_LEN, size);
        return;
    }
}
