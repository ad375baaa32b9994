/* inventory.c - collect every call to a rule sink, as the user wrote it. */
#include "drvtaint/inventory.h"

#include <stdlib.h>
#include <string.h>

typedef struct collect_ctx {
    inventory *inv;
    const rules_set *rules;
    const ast_function *fn;
} collect_ctx;

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static bool visit(ast_expr *e, void *data)
{
    collect_ctx *c = data;
    if (e->kind != AST_EX_CALL || (!e->u.call.name && !e->u.call.written_name))
        return true;
    /* an unresolved call under a sink macro has only the macro's name (as scan reports it) */
    const rules_sink *sink = e->u.call.name ? rules_find_sink(c->rules, e->u.call.name) : NULL;
    if (!sink && e->u.call.written_name)
        sink = rules_find_sink(c->rules, e->u.call.written_name);
    if (!sink)
        return true;
    inventory_entry en = {
        .file = xstrdup(e->loc.file ? e->loc.file : "<unknown>"),
        .line = e->loc.line,
        .col = e->loc.col,
        .function = xstrdup(c->fn->name),
        .sink = xstrdup(e->u.call.name ? e->u.call.name : sink->function),
        .written = dup_or_null(e->u.call.written_name),
        .rule = xstrdup(sink->rule),
    };
    en.args = xcalloc(sink->nargs ? sink->nargs : 1, sizeof *en.args);
    for (size_t i = 0; i < sink->nargs; i++) {
        const rules_sink_arg *a = &sink->args[i];
        if (a->index >= e->u.call.nargs)
            continue; /* a declaration with fewer parameters than the rule expects */
        inventory_arg *ia = &en.args[en.nargs++];
        ia->index = a->index;
        ia->role = rules_role_name(a->role);
        ia->text = xstrdup(e->u.call.args[a->index]->text);
    }
    if (c->inv->len == c->inv->cap) {
        c->inv->cap = c->inv->cap ? c->inv->cap * 2 : 16;
        c->inv->items = xrealloc(c->inv->items, c->inv->cap * sizeof *c->inv->items);
    }
    c->inv->items[c->inv->len++] = en;
    return true;
}

void inventory_collect(inventory *inv, const ast_tu *tu, const rules_set *rules)
{
    for (size_t i = 0; i < tu->nfuncs; i++) {
        collect_ctx c = {inv, rules, tu->funcs[i]};
        ast_visit_stmt_exprs(tu->funcs[i]->body, visit, &c);
    }
}

void inventory_move(inventory *dst, inventory *src)
{
    for (size_t i = 0; i < src->len; i++) {
        if (dst->len == dst->cap) {
            dst->cap = dst->cap ? dst->cap * 2 : 16;
            dst->items = xrealloc(dst->items, dst->cap * sizeof *dst->items);
        }
        dst->items[dst->len++] = src->items[i];
    }
    free(src->items);
    memset(src, 0, sizeof *src);
}

static int entry_cmp(const void *pa, const void *pb)
{
    const inventory_entry *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    c = strcmp(a->sink, b->sink);
    return c ? c : strcmp(a->function, b->function);
}

static void entry_free(inventory_entry *e)
{
    free(e->file);
    free(e->function);
    free(e->sink);
    free(e->written);
    free(e->rule);
    for (size_t i = 0; i < e->nargs; i++)
        free(e->args[i].text);
    free(e->args);
    for (size_t i = 0; i < e->nioctls; i++)
        free(e->ioctls[i].name);
    free(e->ioctls);
    for (size_t i = 0; i < e->nentries; i++)
        free(e->entries[i]);
    free(e->entries);
}

static void entry_drop(void *e)
{
    entry_free(e);
}

void inventory_finish(inventory *inv)
{
    inv->len = sort_unique(inv->items, inv->len, sizeof *inv->items, entry_cmp, entry_drop);
}

void inventory_free(inventory *inv)
{
    for (size_t i = 0; i < inv->len; i++)
        entry_free(&inv->items[i]);
    free(inv->items);
    memset(inv, 0, sizeof *inv);
}
