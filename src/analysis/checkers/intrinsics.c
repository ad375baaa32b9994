/* intrinsics.c - test-only calls that show the analysis state where a sample makes them:
 *   __drvtaint_range(x)      the interval of x ("[0, 15]", "any 32-bit unsigned value")
 *   __drvtaint_tainted(x)    "user value, bounded", "user value, unbounded", "user contents", "trusted"
 *   __drvtaint_relations(x)  x's relation set ("copy-of=len", "none")
 *   __drvtaint_state(x)      the whole fact
 * The argument is read as written (implicit conversions to the call's parameter are looked
 * through). A function analysed in several contexts (from nothing, and seeded from each caller)
 * shows the join of what every context saw at the call. The samples under tests/state write
 * the expected text in a `// state:` comment on the same line (tests/cli/test_state_samples.c). */
#include <stdlib.h>
#include <string.h>

#include "checkers.h"

static const char *const names[] = {"__drvtaint_range", "__drvtaint_tainted", "__drvtaint_relations",
                                    "__drvtaint_state"};
enum { NNAMES = 4 };

static int intrinsic_of(const ast_expr *call)
{
    const char *n = call->u.call.name;
    if (!n || strncmp(n, "__drvtaint_", 11) != 0)
        return -1;
    for (int i = 0; i < NNAMES; i++)
        if (strcmp(n, names[i]) == 0)
            return i;
    return -1;
}

void taint_probe_call(tx_ctx *tx, tstate *s, const ast_expr *call)
{
    taint_ctx *ctx = taint_ctx_of(tx);
    int which = intrinsic_of(call);
    if (which < 0 || !ctx->probes || call->u.call.nargs != 1)
        return;
    const ast_expr *arg = call->u.call.args[0];
    while (arg->kind == AST_EX_CAST && arg->u.cast.implicit)
        arg = arg->u.cast.operand;
    fact f = tx_peek(tx, s, arg);
    for (size_t i = 0; i < ctx->probes->len; i++) {
        taint_probe *p = &ctx->probes->items[i];
        if (p->call == call) { /* another context, or the same one again */
            p->f = fact_join(p->f, f);
            return;
        }
    }
    VEC_PUSH(ctx->probes, ((taint_probe){call, which, arg->text, f}));
}

static int cmp_probe(const void *a, const void *b)
{
    const taint_probe *x = a, *y = b;
    if (x->call->loc.line != y->call->loc.line)
        return x->call->loc.line < y->call->loc.line ? -1 : 1;
    return x->call->loc.col < y->call->loc.col ? -1 : x->call->loc.col > y->call->loc.col;
}

void taint_format_probes(probe_vec *probes, strbuf *out)
{
    if (probes->len)
        qsort(probes->items, probes->len, sizeof *probes->items, cmp_probe);
    for (size_t i = 0; i < probes->len; i++) {
        const taint_probe *p = &probes->items[i];
        const fact *f = &p->f;
        sb_printf(out, "%s:%u:%u: %s(%s): ", p->call->loc.file ? p->call->loc.file : "<unknown>", p->call->loc.line,
                  p->call->loc.col, names[p->which], p->text);
        char buf[128];
        switch (p->which) {
        case 0:
            range_format(buf, sizeof buf, f->r, f->bits, f->is_signed);
            sb_append(out, buf);
            break;
        case 1:
            if (f->taint & TAINT_VALUE)
                sb_append(out, fact_is_bounded(f) ? "user value, bounded" : "user value, unbounded");
            else
                sb_append(out, f->taint & TAINT_CONTENTS ? "user contents" : "trusted");
            break;
        case 2: {
            strbuf r = {0};
            rel_format(&r, &f->rel);
            sb_append(out, r.len ? r.buf + 1 : "none");
            sb_free(&r);
            break;
        }
        default:
            fact_format(out, f);
            break;
        }
        sb_putc(out, '\n');
    }
}
