/* models.c - the Windows API as tables: what the transfer functions and the checkers know of
 * a call beyond the rules (which are about sources, sinks and sanitizers). */
#include <ctype.h>
#include <string.h>

#include "transfer.h"

/* Calls that copy bytes: user bytes copied into an object make the object user data. */
static const tx_copy_model copy_models[] = {
    {"memcpy", 0, 1}, {"memmove", 0, 1}, {"RtlCopyMemory", 0, 1}, {"RtlMoveMemory", 0, 1},
    {"RtlCopyBytes", 0, 1}, {"memcpy_s", 0, 2}, {"memmove_s", 0, 2}, {"WdfMemoryCopyToBuffer", 2, 0},
    /* process memory: (FromProcess, From, ToProcess, To, ...), (Process, Base, Buffer, ...) */
    {"MmCopyVirtualMemory", 3, 1}, {"ZwReadVirtualMemory", 2, 1}, {"NtReadVirtualMemory", 2, 1},
    {"ZwWriteVirtualMemory", 1, 2}, {"NtWriteVirtualMemory", 1, 2},
};

const tx_copy_model *tx_copy_model_of(const ast_expr *call)
{
    const char *name = call->u.call.name ? call->u.call.name : "";
    for (size_t i = 0; i < sizeof copy_models / sizeof copy_models[0]; i++) {
        const tx_copy_model *m = &copy_models[i];
        if (strcmp(m->name, name) == 0 || (call->u.call.written_name && strcmp(m->name, call->u.call.written_name) == 0))
            return m;
    }
    return NULL;
}

/* String constructors: (destination string, source characters). */
static const tx_copy_model string_inits[] = {
    {"RtlInitUnicodeString", 0, 1}, {"RtlInitAnsiString", 0, 1}, {"RtlInitString", 0, 1},
    {"RtlInitUnicodeStringEx", 0, 1}, {"RtlInitAnsiStringEx", 0, 1},
};

const tx_copy_model *tx_string_init_of(const ast_expr *call)
{
    const char *name = call->u.call.name ? call->u.call.name : "";
    for (size_t i = 0; i < sizeof string_inits / sizeof string_inits[0]; i++)
        if (strcmp(string_inits[i].name, name) == 0)
            return &string_inits[i];
    return NULL;
}

/* Pool allocators and the argument holding the size: a copy of exactly that many bytes to or
 * from the new buffer stays inside it, whoever chose the number. */
static const struct {
    const char *name;
    unsigned size_arg;
} allocators[] = {
    {"ExAllocatePool2", 1}, {"ExAllocatePool3", 1}, {"ExAllocatePoolWithTag", 1}, {"ExAllocatePool", 1},
    {"ExAllocatePoolZero", 1}, {"ExAllocatePoolUninitialized", 1}, {"ExAllocatePoolWithQuotaTag", 1},
};

int tx_allocator_size_arg(const char *name)
{
    for (size_t i = 0; i < sizeof allocators / sizeof allocators[0]; i++)
        if (strcmp(allocators[i].name, name) == 0)
            return (int)allocators[i].size_arg;
    return -1;
}

const char *tx_allocator_in_name(const char *text)
{
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; text && i < sizeof allocators / sizeof allocators[0]; i++) {
        size_t n = strlen(allocators[i].name);
        for (const char *at = strstr(text, allocators[i].name); at; at = strstr(at + 1, allocators[i].name))
            if (!isalnum((unsigned char)at[n]) && n > best_len) {
                best = allocators[i].name;
                best_len = n;
            }
    }
    return best;
}

/* The device extension (DeviceObject->DeviceExtension) and object contexts: a record reached
 * this way is the same object in every request, so what one request keeps there another reads. */
bool tx_is_context_getter(const ast_expr *op)
{
    while (op && op->kind == AST_EX_CAST)
        op = op->u.cast.operand;
    if (!op)
        return false;
    if (op->kind == AST_EX_MEMBER)
        return strcmp(op->u.member.field, "DeviceExtension") == 0;
    if (op->kind != AST_EX_CALL)
        return false;
    const char *names[] = {op->u.call.name, op->u.call.written_name};
    for (size_t i = 0; i < 2; i++)
        if (names[i] && (strcmp(names[i], "WdfObjectGetTypedContextWorker") == 0 ||
                         strcmp(names[i], "WdfObjectGetTypedContext") == 0 ||
                         strcmp(names[i], "IoGetDriverObjectExtension") == 0))
            return true;
    return false;
}


/* Deferred work: the API, where its routine and context arguments are, and which
 * parameter of the routine receives the context. */
static const tx_deferred_model deferred_apis[] = {
    {"KeInitializeDpc", 1, 2, 1},     {"KeInitializeThreadedDpc", 1, 2, 1}, {"IoQueueWorkItem", 1, 3, 1},
    {"IoQueueWorkItemEx", 1, 3, 1},   {"ExInitializeWorkItem", 1, 2, 0},    {"PsCreateSystemThread", 5, 6, 0},
    /* cross-processor calls: the routine runs on every processor with the context */
    {"KeIpiGenericCall", 0, 1, 0},    {"KeGenericCallDpc", 0, 1, 1},
};

const tx_deferred_model *tx_deferred_model_of(const char *name)
{
    for (size_t i = 0; i < sizeof deferred_apis / sizeof deferred_apis[0]; i++)
        if (strcmp(deferred_apis[i].api, name) == 0)
            return &deferred_apis[i];
    return NULL;
}

/* The mode of the caller a request came from: KernelMode (0) or UserMode (1). */
bool tx_is_requestor_mode(const ast_expr *e)
{
    static const char *const calls[] = {"ExGetPreviousMode", "KeGetPreviousMode", "WdfRequestGetRequestorMode"};
    e = path_strip(e);
    if (!e)
        return false;
    if (e->kind == AST_EX_MEMBER)
        return strcmp(e->u.member.field, "RequestorMode") == 0;
    if (e->kind != AST_EX_CALL || !e->u.call.name)
        return false;
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++)
        if (strcmp(e->u.call.name, calls[i]) == 0)
            return true;
    return false;
}

/* Probes of a user range and where its address and length are: after the call the address
 * lies in user space for that many bytes (the call raises otherwise). */
static const tx_probe_model range_probes[] = {
    {"ProbeForRead", 0, 1}, {"ProbeForWrite", 0, 1},
};

const tx_probe_model *tx_range_probe_of(const char *name)
{
    for (size_t i = 0; i < sizeof range_probes / sizeof range_probes[0]; i++)
        if (strcmp(range_probes[i].name, name) == 0)
            return &range_probes[i];
    return NULL;
}

/* Calls that probe and lock the pages an MDL describes, and where the MDL and the access
 * mode are: with any mode but KernelMode the whole range is checked to lie in user space. */
static const tx_probe_model mdl_probes[] = {
    {"MmProbeAndLockPages", 0, 1}, {"MmProbeAndLockProcessPages", 0, 2}, {"MmProbeAndLockSelectedPages", 0, 2},
};

const tx_probe_model *tx_mdl_probe_of(const char *name)
{
    for (size_t i = 0; i < sizeof mdl_probes / sizeof mdl_probes[0]; i++)
        if (strcmp(mdl_probes[i].name, name) == 0)
            return &mdl_probes[i];
    return NULL;
}

/* Is the access-mode argument KernelMode (0), for which a probe checks nothing? */
bool tx_is_kernel_mode(const ast_expr *mode)
{
    mode = path_strip(mode);
    return mode && mode->kind == AST_EX_INT && mode->u.i.value == 0;
}

/* The system services behind these requests probe the caller's buffer for the request's
 * length before they build the IRP (NtReadFile, NtWriteFile, NtQueryDirectoryFile,
 * NtQueryEaFile/NtSetEaFile, NtQueryQuotaInformationFile/NtSetQuotaInformationFile): the
 * operations whose buffering obeys the device object's flags. With neither buffered nor
 * direct I/O, Irp->UserBuffer of such a request is a user address already validated. Device
 * control (METHOD_NEITHER) and file system control are not probed. */
static const char *const probed_requests[] = {
    "IRP_MJ_READ", "IRP_MJ_WRITE", "IRP_MJ_DIRECTORY_CONTROL", "IRP_MJ_QUERY_EA",
    "IRP_MJ_SET_EA", "IRP_MJ_QUERY_QUOTA", "IRP_MJ_SET_QUOTA",
};

bool tx_request_probes_user_buffer(const char *major)
{
    for (size_t i = 0; major && i < sizeof probed_requests / sizeof probed_requests[0]; i++)
        if (strcmp(probed_requests[i], major) == 0)
            return true;
    return false;
}

bool tx_is_request_user_buffer(const rules_source *src)
{
    return src && src->record && strcmp(src->record, "IRP") == 0 && src->nfields == 1 &&
           strcmp(src->fields[0], "UserBuffer") == 0;
}
