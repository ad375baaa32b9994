/* fe_decl.c - the USR of a declaration, asked once per declaration of a unit.
 *
 * Every reference to a variable and every call asks for its declaration's USR; libclang builds
 * it anew each time (a walk of the declaration's context and a string), so a unit with many
 * references to the same few declarations paid for the same string over and over. A cursor
 * of a declaration is its kind and clang's Decl (data[0]): equal pairs give equal USRs. */
#include "fe_internal.h"

#include <stdlib.h>

static void decl_cache_grow(fe_lower *lw)
{
    struct fe_decl_slot *old = lw->decls;
    size_t old_cap = lw->decls_cap;
    lw->decls_cap = old_cap ? old_cap * 2 : 256;
    lw->decls = xcalloc(lw->decls_cap, sizeof *lw->decls);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].decl)
            continue;
        size_t k = fe_cache_hash((int)old[i].kind, old[i].decl) & (lw->decls_cap - 1);
        while (lw->decls[k].decl)
            k = (k + 1) & (lw->decls_cap - 1);
        lw->decls[k] = old[i];
    }
    free(old);
}

const char *fe_decl_usr(fe_lower *lw, CXCursor decl)
{
    const void *d = decl.data[0];
    if (!d || !clang_isDeclaration(decl.kind))
        return fe_copy_string(lw, clang_getCursorUSR(decl));
    if (2 * (lw->ndecls + 1) > lw->decls_cap)
        decl_cache_grow(lw);
    size_t k = fe_cache_hash((int)decl.kind, d) & (lw->decls_cap - 1);
    for (; lw->decls[k].decl; k = (k + 1) & (lw->decls_cap - 1))
        if (lw->decls[k].decl == d && lw->decls[k].kind == decl.kind)
            return lw->decls[k].usr;
    const char *usr = fe_copy_string(lw, clang_getCursorUSR(decl));
    lw->decls[k] = (struct fe_decl_slot){decl.kind, d, usr};
    lw->ndecls++;
    return usr;
}

void fe_decl_cache_free(fe_lower *lw)
{
    free(lw->decls);
    lw->decls = NULL;
    lw->ndecls = lw->decls_cap = 0;
}
