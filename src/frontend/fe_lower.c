/* fe_lower.c - lower libclang cursors of user code into drvtaint's AST.
 *
 * Only function bodies and globals written in user files are lowered: code inside
 * system headers (the WDK shim, a real WDK, the compiler's headers) is never analysed
 * and never reported from. Anything we do not model becomes AST_EX_UNKNOWN or
 * AST_ST_UNKNOWN with its children kept, so calls inside it are still seen. */
#include "fe_internal.h"

#include <stdlib.h>
#include <string.h>

typedef VEC(CXCursor) cursor_vec;

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    cursor_vec *v = data;
    VEC_PUSH(v, c);
    return CXChildVisit_Continue;
}

static cursor_vec children_of(CXCursor c)
{
    cursor_vec v = {0};
    clang_visitChildren(c, collect_child, &v);
    return v;
}

static bool is_expr_kind(enum CXCursorKind k)
{
    return clang_isExpression(k) != 0;
}

/* ------------------------------------------------------------------ expressions */

static ast_expr *lower_expr(fe_lower *lw, CXCursor c);

static ast_expr *new_expr(fe_lower *lw, ast_expr_kind kind, CXCursor c)
{
    ast_expr *e = ast_expr_new(lw->tu, kind, fe_cursor_loc(lw, c), fe_cursor_text(lw, c));
    e->type = fe_type(lw, clang_getCursorType(c));
    return e;
}

static ast_expr *int_expr(fe_lower *lw, CXCursor c, uint64_t value)
{
    ast_expr *e = new_expr(lw, AST_EX_INT, c);
    e->u.i.value = value;
    e->u.i.known = true;
    return e;
}

/* Folds an integer constant expression (IOCTL codes built from CTL_CODE, enum arithmetic). */
static bool try_fold(CXCursor c, uint64_t *out)
{
    CXEvalResult r = clang_Cursor_Evaluate(c);
    if (!r)
        return false;
    bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok)
        *out = clang_EvalResult_isUnsignedInt(r) ? (uint64_t)clang_EvalResult_getAsUnsigned(r)
                                                 : (uint64_t)clang_EvalResult_getAsLongLong(r);
    clang_EvalResult_dispose(r);
    return ok;
}

static bool all_const(ast_expr *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!items[i] || items[i]->kind != AST_EX_INT)
            return false;
    return true;
}

static ast_expr **lower_expr_list(fe_lower *lw, const CXCursor *cs, size_t n, size_t *count)
{
    ast_expr **items = arena_alloc(lw->tu->arena, (n ? n : 1) * sizeof *items);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (is_expr_kind(clang_getCursorKind(cs[i])))
            items[k++] = lower_expr(lw, cs[i]);
    *count = k;
    return items;
}

static ast_expr *unknown_expr(fe_lower *lw, CXCursor c, cursor_vec *kids)
{
    ast_expr *e = new_expr(lw, AST_EX_UNKNOWN, c);
    e->u.list.items = lower_expr_list(lw, kids->items, kids->len, &e->u.list.n);
    return e;
}

static ast_ref_kind ref_kind(CXCursor decl)
{
    switch (clang_getCursorKind(decl)) {
    case CXCursor_ParmDecl:
        return AST_REF_PARAM;
    case CXCursor_FunctionDecl:
    case CXCursor_CXXMethod:
    case CXCursor_Constructor:
    case CXCursor_Destructor:
        return AST_REF_FUNCTION;
    case CXCursor_VarDecl: {
        enum CXCursorKind pk = clang_getCursorKind(clang_getCursorSemanticParent(decl));
        bool in_function = pk == CXCursor_FunctionDecl || pk == CXCursor_CXXMethod ||
                           pk == CXCursor_Constructor || pk == CXCursor_Destructor;
        /* a function-local static outlives calls: it is stored state, like a global */
        if (in_function && clang_Cursor_getStorageClass(decl) != CX_SC_Static)
            return AST_REF_LOCAL;
        return AST_REF_GLOBAL;
    }
    default:
        return AST_REF_UNKNOWN;
    }
}

static ast_expr *lower_decl_ref(fe_lower *lw, CXCursor c)
{
    CXCursor decl = clang_getCursorReferenced(c);
    if (clang_getCursorKind(decl) == CXCursor_EnumConstantDecl) {
        ast_expr *e = int_expr(lw, c, 0);
        e->u.i.value = e->type.is_signed ? (uint64_t)clang_getEnumConstantDeclValue(decl)
                                         : (uint64_t)clang_getEnumConstantDeclUnsignedValue(decl);
        CXFile f;
        clang_getExpansionLocation(clang_getCursorLocation(decl), &f, NULL, NULL, NULL);
        if (f) {
            CXString fn = clang_getFileName(f);
            e->u.i.placeholder = strcmp(clang_getCString(fn), RECOVERY_HEADER) == 0;
            clang_disposeString(fn);
        }
        return e;
    }
    ast_expr *e = new_expr(lw, AST_EX_REF, c);
    e->u.ref.name = fe_copy_string(lw, clang_getCursorSpelling(c));
    if (!clang_Cursor_isNull(decl)) {
        const char *usr = fe_decl_usr(lw, decl);
        e->u.ref.usr = *usr ? usr : NULL;
    }
    e->u.ref.ref = ref_kind(decl);
    return e;
}

/* "outer::field", the name we give an unnamed record held by field of outer */
static const char *join_names(fe_lower *lw, const char *outer, const char *field)
{
    char *tmp = xasprintf("%s::%s", outer, field);
    const char *s = arena_strdup(lw->tu->arena, tmp);
    free(tmp);
    return s;
}

static ast_expr *lower_member(fe_lower *lw, CXCursor c, cursor_vec *kids)
{
    ast_expr *e = new_expr(lw, AST_EX_MEMBER, c);
    e->u.member.field = fe_copy_string(lw, clang_getCursorSpelling(c));
    for (size_t i = 0; i < kids->len; i++)
        if (is_expr_kind(clang_getCursorKind(kids->items[i])))
            e->u.member.base = lower_expr(lw, kids->items[i]);
    ast_expr *base = e->u.member.base;
    e->u.member.arrow = base && base->type.is_pointer;
    CXCursor field = clang_getCursorReferenced(c);
    CXCursor parent = clang_getCursorSemanticParent(field);
    const char *record = fe_copy_string(lw, clang_getCursorSpelling(parent));
    bool unnamed = !*record || strstr(record, "(unnamed") || strstr(record, "(anonymous");
    if (unnamed) {
        /* Irp->AssociatedIrp.SystemBuffer: the union has no name, so name it by the
         * field that holds it, as the rules files write member paths. */
        record = NULL;
        if (base && base->kind == AST_EX_MEMBER && base->u.member.record)
            record = join_names(lw, base->u.member.record, base->u.member.field);
        else if (base && base->type.record)
            record = base->type.record;
    }
    e->u.member.record = record;
    if (e->type.is_record && !e->type.record && record)
        e->type.record = join_names(lw, record, e->u.member.field);
    return e;
}

static ast_expr *lower_call(fe_lower *lw, CXCursor c, cursor_vec *kids)
{
    ast_expr *e = new_expr(lw, AST_EX_CALL, c);
    CXCursor callee = clang_getCursorReferenced(c);
    if (!clang_Cursor_isNull(callee)) {
        const char *name = fe_copy_string(lw, clang_getCursorSpelling(callee));
        e->u.call.name = *name ? name : NULL;
        const char *usr = fe_decl_usr(lw, callee);
        e->u.call.usr = *usr ? usr : NULL;
        e->u.call.system = clang_Location_isInSystemHeader(clang_getCursorLocation(callee)) != 0;
    }
    if (!e->u.call.name) /* unresolved (recovery): use the spelling */ {
        const char *name = fe_copy_string(lw, clang_getCursorSpelling(c));
        e->u.call.name = *name ? name : NULL;
    }
    e->u.call.written_name = fe_macro_name_at(lw, c, e->u.call.name);
    int nargs = clang_Cursor_getNumArguments(c);
    CXCursor *argc = NULL;
    if (nargs >= 0) {
        e->u.call.nargs = (size_t)nargs;
        e->u.call.args = arena_alloc(lw->tu->arena, ((size_t)nargs + 1) * sizeof(ast_expr *));
        argc = xcalloc((size_t)nargs + 1, sizeof *argc);
        for (int i = 0; i < nargs; i++) {
            argc[i] = clang_Cursor_getArgument(c, (unsigned)i);
            e->u.call.args[i] = lower_expr(lw, argc[i]);
        }
    }
    /* The callee expression is the first child that is not an argument. Children come in
     * source order, so for an operator call (a << b) the first child is the left operand:
     * lowering it again as the callee doubled the work at every link of a << chain, which
     * was exponential (a 30-link std::cout chain took gigabytes). */
    for (size_t k = 0; k < kids->len && !e->u.call.callee; k++) {
        if (!is_expr_kind(clang_getCursorKind(kids->items[k])))
            continue;
        bool is_arg = false;
        for (int i = 0; i < nargs && !is_arg; i++)
            is_arg = clang_equalCursors(kids->items[k], argc[i]) != 0;
        if (!is_arg)
            e->u.call.callee = lower_expr(lw, kids->items[k]);
    }
    free(argc);
    return e;
}

static ast_unop unop_of(enum CXUnaryOperatorKind k)
{
    switch (k) {
    case CXUnaryOperator_PostInc: return AST_UN_POSTINC;
    case CXUnaryOperator_PostDec: return AST_UN_POSTDEC;
    case CXUnaryOperator_PreInc: return AST_UN_PREINC;
    case CXUnaryOperator_PreDec: return AST_UN_PREDEC;
    case CXUnaryOperator_AddrOf: return AST_UN_ADDR;
    case CXUnaryOperator_Deref: return AST_UN_DEREF;
    case CXUnaryOperator_Plus: return AST_UN_PLUS;
    case CXUnaryOperator_Minus: return AST_UN_NEG;
    case CXUnaryOperator_Not: return AST_UN_BITNOT;
    case CXUnaryOperator_LNot: return AST_UN_NOT;
    default: return AST_UN_OTHER;
    }
}

static ast_binop binop_of(enum CXBinaryOperatorKind k, bool *is_assign)
{
    *is_assign = false;
    switch (k) {
    case CXBinaryOperator_Mul: return AST_BIN_MUL;
    case CXBinaryOperator_Div: return AST_BIN_DIV;
    case CXBinaryOperator_Rem: return AST_BIN_REM;
    case CXBinaryOperator_Add: return AST_BIN_ADD;
    case CXBinaryOperator_Sub: return AST_BIN_SUB;
    case CXBinaryOperator_Shl: return AST_BIN_SHL;
    case CXBinaryOperator_Shr: return AST_BIN_SHR;
    case CXBinaryOperator_LT: return AST_BIN_LT;
    case CXBinaryOperator_GT: return AST_BIN_GT;
    case CXBinaryOperator_LE: return AST_BIN_LE;
    case CXBinaryOperator_GE: return AST_BIN_GE;
    case CXBinaryOperator_EQ: return AST_BIN_EQ;
    case CXBinaryOperator_NE: return AST_BIN_NE;
    case CXBinaryOperator_And: return AST_BIN_AND;
    case CXBinaryOperator_Xor: return AST_BIN_XOR;
    case CXBinaryOperator_Or: return AST_BIN_OR;
    case CXBinaryOperator_LAnd: return AST_BIN_LAND;
    case CXBinaryOperator_LOr: return AST_BIN_LOR;
    case CXBinaryOperator_Comma: return AST_BIN_COMMA;
    case CXBinaryOperator_Assign: *is_assign = true; return AST_BIN_NONE;
    case CXBinaryOperator_MulAssign: *is_assign = true; return AST_BIN_MUL;
    case CXBinaryOperator_DivAssign: *is_assign = true; return AST_BIN_DIV;
    case CXBinaryOperator_RemAssign: *is_assign = true; return AST_BIN_REM;
    case CXBinaryOperator_AddAssign: *is_assign = true; return AST_BIN_ADD;
    case CXBinaryOperator_SubAssign: *is_assign = true; return AST_BIN_SUB;
    case CXBinaryOperator_ShlAssign: *is_assign = true; return AST_BIN_SHL;
    case CXBinaryOperator_ShrAssign: *is_assign = true; return AST_BIN_SHR;
    case CXBinaryOperator_AndAssign: *is_assign = true; return AST_BIN_AND;
    case CXBinaryOperator_XorAssign: *is_assign = true; return AST_BIN_XOR;
    case CXBinaryOperator_OrAssign: *is_assign = true; return AST_BIN_OR;
    default: return AST_BIN_OTHER;
    }
}

/* The expression children of c, lowered. */
static size_t expr_children(fe_lower *lw, cursor_vec *kids, ast_expr **out, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < kids->len && k < max; i++)
        if (is_expr_kind(clang_getCursorKind(kids->items[i])))
            out[k++] = lower_expr(lw, kids->items[i]);
    return k;
}

static ast_expr *maybe_fold(fe_lower *lw, CXCursor c, ast_expr *e, ast_expr *const *ops, size_t n)
{
    uint64_t v;
    if (n > 0 && all_const(ops, n) && e->type.is_integer && try_fold(c, &v)) {
        ast_expr *k = int_expr(lw, c, v);
        for (size_t i = 0; i < n; i++)
            k->u.i.placeholder |= ops[i]->u.i.placeholder;
        return k;
    }
    return e;
}

/* An implicit conversion of a constant: the constant, seen with the converted type. */
static ast_expr *fold_cast_const(fe_lower *lw, CXCursor c, ast_expr *inner)
{
    uint64_t v;
    if (!try_fold(c, &v))
        return inner;
    ast_expr *e = int_expr(lw, c, v);
    e->text = inner->text;
    e->u.i.placeholder = inner->kind == AST_EX_INT && inner->u.i.placeholder;
    return e;
}

static ast_expr *lower_expr_kids(fe_lower *lw, CXCursor c, cursor_vec *kids)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    ast_expr *ops[3] = {0};
    switch (k) {
    case CXCursor_IntegerLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_CXXBoolLiteralExpr: {
        uint64_t v = 0;
        ast_expr *e = int_expr(lw, c, 0);
        e->u.i.known = try_fold(c, &v);
        e->u.i.value = v;
        return e;
    }
    case CXCursor_CXXNullPtrLiteralExpr:
    case CXCursor_GNUNullExpr:
        return int_expr(lw, c, 0);
    case CXCursor_StringLiteral: {
        ast_expr *e = new_expr(lw, AST_EX_STRING, c);
        e->u.str = e->text;
        return e;
    }
    case CXCursor_DeclRefExpr:
        return lower_decl_ref(lw, c);
    case CXCursor_CXXThisExpr: {
        ast_expr *e = new_expr(lw, AST_EX_REF, c);
        e->u.ref.name = "this";
        e->u.ref.ref = AST_REF_PARAM;
        return e;
    }
    case CXCursor_MemberRefExpr:
        return lower_member(lw, c, kids);
    case CXCursor_ArraySubscriptExpr: {
        ast_expr *e = new_expr(lw, AST_EX_INDEX, c);
        expr_children(lw, kids, ops, 2);
        e->u.index.base = ops[0];
        e->u.index.index = ops[1];
        return e;
    }
    case CXCursor_CallExpr:
        return lower_call(lw, c, kids);
    case CXCursor_ParenExpr:
        if (expr_children(lw, kids, ops, 1) == 1)
            return ops[0];
        break;
    case CXCursor_UnaryOperator: {
        ast_expr *e = new_expr(lw, AST_EX_UNARY, c);
        e->u.unary.op = unop_of(clang_getCursorUnaryOperatorKind(c));
        expr_children(lw, kids, ops, 1);
        e->u.unary.operand = ops[0];
        return e->u.unary.operand ? maybe_fold(lw, c, e, ops, 1) : e;
    }
    case CXCursor_UnaryExpr: { /* sizeof, alignof */
        ast_expr *e = new_expr(lw, AST_EX_SIZEOF, c);
        e->u.i.known = try_fold(c, &e->u.i.value);
        return e;
    }
    case CXCursor_BinaryOperator:
    case CXCursor_CompoundAssignOperator: {
        bool is_assign;
        ast_binop op = binop_of(clang_getCursorBinaryOperatorKind(c), &is_assign);
        ast_expr *e = new_expr(lw, is_assign ? AST_EX_ASSIGN : AST_EX_BINARY, c);
        e->u.binary.op = op;
        expr_children(lw, kids, ops, 2);
        e->u.binary.lhs = ops[0];
        e->u.binary.rhs = ops[1];
        if (!ops[0] || !ops[1])
            return unknown_expr(lw, c, kids);
        return is_assign ? e : maybe_fold(lw, c, e, ops, 2);
    }
    case CXCursor_ConditionalOperator: {
        ast_expr *e = new_expr(lw, AST_EX_COND, c);
        if (expr_children(lw, kids, ops, 3) != 3)
            return unknown_expr(lw, c, kids);
        e->u.cond.cond = ops[0];
        e->u.cond.then = ops[1];
        e->u.cond.els = ops[2];
        return maybe_fold(lw, c, e, ops, 3);
    }
    case CXCursor_CStyleCastExpr:
    case CXCursor_CXXStaticCastExpr:
    case CXCursor_CXXReinterpretCastExpr:
    case CXCursor_CXXConstCastExpr:
    case CXCursor_CXXFunctionalCastExpr: {
        ast_expr *e = new_expr(lw, AST_EX_CAST, c);
        /* the operand is the last expression child (earlier children are type refs) */
        for (size_t i = 0; i < kids->len; i++)
            if (is_expr_kind(clang_getCursorKind(kids->items[i])))
                e->u.cast.operand = lower_expr(lw, kids->items[i]);
        if (!e->u.cast.operand)
            return unknown_expr(lw, c, kids);
        return maybe_fold(lw, c, e, &e->u.cast.operand, 1);
    }
    case CXCursor_InitListExpr: {
        ast_expr *e = new_expr(lw, AST_EX_INIT_LIST, c);
        e->u.list.items = lower_expr_list(lw, kids->items, kids->len, &e->u.list.n);
        return e;
    }
    case CXCursor_CompoundLiteralExpr:
        if (expr_children(lw, kids, ops, 1) == 1)
            return ops[0];
        break;
    case CXCursor_UnexposedExpr: {
        /* mostly implicit casts; a cast that keeps the type is noise */
        size_t n = expr_children(lw, kids, ops, 2);
        if (n == 1) {
            ast_type t = fe_type(lw, clang_getCursorType(c));
            ast_expr *inner = ops[0];
            if (!t.spelling || (inner->type.spelling && strcmp(t.spelling, inner->type.spelling) == 0) ||
                inner->kind == AST_EX_INT)
                return inner->kind == AST_EX_INT ? fold_cast_const(lw, c, inner) : inner;
            ast_expr *e = new_expr(lw, AST_EX_CAST, c);
            e->u.cast.operand = inner;
            e->u.cast.implicit = true;
            e->text = inner->text; /* an implicit cast is written as its operand */
            return e;
        }
        break;
    }
    default:
        break;
    }
    return unknown_expr(lw, c, kids);
}

static ast_expr *lower_expr(fe_lower *lw, CXCursor c)
{
    cursor_vec kids = children_of(c);
    ast_expr *e = lower_expr_kids(lw, c, &kids);
    free(kids.items);
    return e;
}

/* ------------------------------------------------------------------ statements */

static ast_stmt *lower_stmt(fe_lower *lw, CXCursor c);

static ast_stmt *block_of(fe_lower *lw, CXCursor c, ast_stmt **items, size_t n)
{
    ast_stmt *s = ast_stmt_new(lw->tu, AST_ST_BLOCK, fe_cursor_loc(lw, c));
    s->u.block.items = (ast_stmt **)arena_dup_ptrs(lw->tu->arena, (void *const *)items, n);
    s->u.block.n = n;
    return s;
}

static ast_stmt *lower_var_decl(fe_lower *lw, CXCursor v)
{
    ast_stmt *s = ast_stmt_new(lw->tu, AST_ST_DECL, fe_cursor_loc(lw, v));
    s->u.decl.name = fe_copy_string(lw, clang_getCursorSpelling(v));
    const char *usr = fe_copy_string(lw, clang_getCursorUSR(v));
    s->u.decl.usr = *usr ? usr : NULL;
    s->u.decl.type = fe_type(lw, clang_getCursorType(v));
    s->u.decl.is_static = clang_Cursor_getStorageClass(v) == CX_SC_Static;
    CXCursor init = clang_Cursor_getVarDeclInitializer(v);
    if (!clang_Cursor_isNull(init) && is_expr_kind(clang_getCursorKind(init)))
        s->u.decl.init = lower_expr(lw, init);
    return s;
}

static ast_stmt *lower_decl_stmt(fe_lower *lw, CXCursor c, cursor_vec *kids)
{
    VEC(ast_stmt *) items = {0};
    for (size_t i = 0; i < kids->len; i++)
        if (clang_getCursorKind(kids->items[i]) == CXCursor_VarDecl)
            VEC_PUSH(&items, lower_var_decl(lw, kids->items[i]));
    ast_stmt *s = items.len == 1 ? items.items[0] : block_of(lw, c, items.items, items.len);
    free(items.items);
    return s;
}

/* Offsets of the two ';' that split a for-header, so that missing init/cond/inc parts
 * (which libclang simply omits from the children) can be told apart. */
static bool for_header_semis(fe_lower *lw, CXCursor c, unsigned *semi1, unsigned *semi2)
{
    CXFile f;
    unsigned off;
    clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(c)), &f, NULL, NULL, &off);
    if (!f)
        return false;
    size_t len;
    const char *t = fe_file_text(lw, f, &len);
    if (!t)
        return false;
    size_t i = off;
    while (i < len && t[i] != '(')
        i++;
    int depth = 0, found = 0;
    for (; i < len; i++) {
        if (t[i] == '(')
            depth++;
        else if (t[i] == ')' && --depth == 0)
            break;
        else if (t[i] == ';' && depth == 1) {
            if (found++ == 0)
                *semi1 = (unsigned)i;
            else {
                *semi2 = (unsigned)i;
                return true;
            }
        }
    }
    return false;
}

static unsigned cursor_offset(CXCursor c)
{
    unsigned off;
    clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(c)), NULL, NULL, NULL, &off);
    return off;
}

static ast_stmt *lower_for(fe_lower *lw, CXCursor c, cursor_vec *kids)
{
    ast_stmt *s = ast_stmt_new(lw->tu, AST_ST_FOR, fe_cursor_loc(lw, c));
    if (kids->len == 0)
        return s;
    s->u.loop.body = lower_stmt(lw, kids->items[kids->len - 1]);
    unsigned semi1 = 0, semi2 = 0;
    bool split = for_header_semis(lw, c, &semi1, &semi2);
    for (size_t i = 0; i + 1 < kids->len; i++) {
        CXCursor k = kids->items[i];
        unsigned off = cursor_offset(k);
        int part = !split ? (int)i : off < semi1 ? 0 : off < semi2 ? 1 : 2;
        if (part == 0)
            s->u.loop.init = lower_stmt(lw, k);
        else if (part == 1 && is_expr_kind(clang_getCursorKind(k)))
            s->u.loop.cond = lower_expr(lw, k);
        else if (part == 2 && is_expr_kind(clang_getCursorKind(k)))
            s->u.loop.inc = lower_expr(lw, k);
    }
    return s;
}

static ast_stmt *lower_case(fe_lower *lw, CXCursor c, cursor_vec *kids)
{
    ast_stmt *s = ast_stmt_new(lw->tu, AST_ST_CASE, fe_cursor_loc(lw, c));
    size_t nexpr = 0;
    for (size_t i = 0; i + 1 < kids->len; i++) {
        CXCursor k = kids->items[i];
        if (!is_expr_kind(clang_getCursorKind(k)))
            continue;
        uint64_t v = 0;
        bool ok = try_fold(k, &v);
        if (nexpr == 0) {
            s->u.case_.value = lower_expr(lw, k);
            s->u.case_.lo = s->u.case_.hi = ok ? (int64_t)v : 0;
        } else if (ok) {
            s->u.case_.hi = (int64_t)v; /* GNU case range lo ... hi */
        }
        nexpr++;
    }
    if (kids->len > 0)
        s->u.case_.body = lower_stmt(lw, kids->items[kids->len - 1]);
    return s;
}

static ast_stmt *lower_stmt_kids(fe_lower *lw, CXCursor c, cursor_vec *kids)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    ast_loc loc = fe_cursor_loc(lw, c);
    ast_stmt *s;
    if (is_expr_kind(k)) {
        s = ast_stmt_new(lw->tu, AST_ST_EXPR, loc);
        s->u.expr = lower_expr_kids(lw, c, kids);
        return s;
    }
    switch (k) {
    case CXCursor_CompoundStmt: {
        VEC(ast_stmt *) items = {0};
        for (size_t i = 0; i < kids->len; i++)
            VEC_PUSH(&items, lower_stmt(lw, kids->items[i]));
        s = block_of(lw, c, items.items, items.len);
        free(items.items);
        return s;
    }
    case CXCursor_DeclStmt:
        return lower_decl_stmt(lw, c, kids);
    case CXCursor_NullStmt:
        return ast_stmt_new(lw->tu, AST_ST_NULL, loc);
    case CXCursor_IfStmt: {
        /* children: [init-stmt] [condition variable] cond then [else]; the cond is the first
           expression child (C) - C++17 if-init is rare in drivers and lowered as an unknown */
        s = ast_stmt_new(lw->tu, AST_ST_IF, loc);
        size_t i = 0;
        while (i < kids->len && !is_expr_kind(clang_getCursorKind(kids->items[i])))
            i++;
        if (i + 1 >= kids->len)
            break;
        s->u.if_.cond = lower_expr(lw, kids->items[i]);
        s->u.if_.then = lower_stmt(lw, kids->items[i + 1]);
        if (i + 2 < kids->len)
            s->u.if_.els = lower_stmt(lw, kids->items[i + 2]);
        return s;
    }
    case CXCursor_WhileStmt:
        if (kids->len < 2)
            break;
        s = ast_stmt_new(lw->tu, AST_ST_WHILE, loc);
        s->u.loop.cond = lower_expr(lw, kids->items[kids->len - 2]);
        s->u.loop.body = lower_stmt(lw, kids->items[kids->len - 1]);
        return s;
    case CXCursor_DoStmt:
        if (kids->len < 2)
            break;
        s = ast_stmt_new(lw->tu, AST_ST_DO, loc);
        s->u.loop.body = lower_stmt(lw, kids->items[0]);
        s->u.loop.cond = lower_expr(lw, kids->items[1]);
        return s;
    case CXCursor_ForStmt:
        return lower_for(lw, c, kids);
    case CXCursor_SwitchStmt:
        if (kids->len < 2)
            break;
        s = ast_stmt_new(lw->tu, AST_ST_SWITCH, loc);
        s->u.switch_.cond = lower_expr(lw, kids->items[kids->len - 2]);
        s->u.switch_.body = lower_stmt(lw, kids->items[kids->len - 1]);
        fe_restore_lost_cases(lw, kids->items[kids->len - 1], s->u.switch_.body);
        return s;
    case CXCursor_CaseStmt:
        return lower_case(lw, c, kids);
    case CXCursor_DefaultStmt:
        s = ast_stmt_new(lw->tu, AST_ST_DEFAULT, loc);
        if (kids->len > 0)
            s->u.case_.body = lower_stmt(lw, kids->items[kids->len - 1]);
        return s;
    case CXCursor_BreakStmt:
        return ast_stmt_new(lw->tu, AST_ST_BREAK, loc);
    case CXCursor_ContinueStmt:
        return ast_stmt_new(lw->tu, AST_ST_CONTINUE, loc);
    case CXCursor_ReturnStmt:
        s = ast_stmt_new(lw->tu, AST_ST_RETURN, loc);
        if (kids->len > 0 && is_expr_kind(clang_getCursorKind(kids->items[0])))
            s->u.expr = lower_expr(lw, kids->items[0]);
        return s;
    case CXCursor_GotoStmt:
        s = ast_stmt_new(lw->tu, AST_ST_GOTO, loc);
        s->u.label.name = fe_copy_string(lw, clang_getCursorSpelling(clang_getCursorReferenced(c)));
        return s;
    case CXCursor_LabelStmt:
        s = ast_stmt_new(lw->tu, AST_ST_LABEL, loc);
        s->u.label.name = fe_copy_string(lw, clang_getCursorSpelling(c));
        if (kids->len > 0)
            s->u.label.body = lower_stmt(lw, kids->items[kids->len - 1]);
        return s;
    case CXCursor_SEHTryStmt: {
        if (kids->len < 2)
            break;
        CXCursor handler = kids->items[1];
        cursor_vec hk = children_of(handler);
        bool except = clang_getCursorKind(handler) == CXCursor_SEHExceptStmt;
        s = ast_stmt_new(lw->tu, except ? AST_ST_TRY_EXCEPT : AST_ST_TRY_FINALLY, loc);
        s->u.try_.body = lower_stmt(lw, kids->items[0]);
        if (except && hk.len >= 2) {
            s->u.try_.filter = lower_expr(lw, hk.items[0]);
            s->u.try_.handler = lower_stmt(lw, hk.items[1]);
        } else if (hk.len >= 1) {
            s->u.try_.handler = lower_stmt(lw, hk.items[hk.len - 1]);
        }
        free(hk.items);
        return s;
    }
    case CXCursor_SEHLeaveStmt:
        return ast_stmt_new(lw->tu, AST_ST_LEAVE, loc);
    case CXCursor_CXXTryStmt: {
        /* C++ try/catch: like __try/__except with the first handler */
        if (kids->len < 1)
            break;
        s = ast_stmt_new(lw->tu, AST_ST_TRY_EXCEPT, loc);
        s->u.try_.body = lower_stmt(lw, kids->items[0]);
        if (kids->len > 1) {
            cursor_vec hk = children_of(kids->items[1]);
            if (hk.len > 0)
                s->u.try_.handler = lower_stmt(lw, hk.items[hk.len - 1]);
            free(hk.items);
        }
        return s;
    }
    default:
        break;
    }
    /* not modelled: keep the calls inside it visible */
    s = ast_stmt_new(lw->tu, AST_ST_UNKNOWN, loc);
    for (size_t i = 0; i < kids->len; i++) {
        if (is_expr_kind(clang_getCursorKind(kids->items[i]))) {
            ast_stmt *e = ast_stmt_new(lw->tu, AST_ST_EXPR, loc);
            e->u.expr = lower_expr(lw, kids->items[i]);
            ast_stmt *pair[2] = {s, e};
            s = block_of(lw, c, pair, 2);
        }
    }
    return s;
}

static ast_stmt *lower_stmt(fe_lower *lw, CXCursor c)
{
    cursor_vec kids = children_of(c);
    ast_stmt *s = lower_stmt_kids(lw, c, &kids);
    free(kids.items);
    return s;
}

/* ------------------------------------------------------------------ declarations */

static bool in_user_code(CXCursor c)
{
    CXSourceLocation loc = clang_getCursorLocation(c);
    if (clang_Location_isInSystemHeader(loc))
        return false;
    CXFile f;
    clang_getFileLocation(loc, &f, NULL, NULL, NULL);
    return f != NULL; /* the recovery prelude and builtins have no file of their own */
}

static bool is_function_kind(enum CXCursorKind k)
{
    return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_Constructor ||
           k == CXCursor_Destructor || k == CXCursor_ConversionFunction;
}

static void lower_function(fe_lower *lw, CXCursor c)
{
    ast_function *fn = arena_alloc(lw->tu->arena, sizeof *fn);
    fn->name = fe_copy_string(lw, clang_getCursorSpelling(c));
    const char *usr = fe_copy_string(lw, clang_getCursorUSR(c));
    fn->usr = *usr ? usr : fn->name;
    fn->loc = fe_cursor_loc(lw, c);
    fn->end = fe_loc(lw, clang_getRangeEnd(clang_getCursorExtent(c)));
    fn->ret = fe_type(lw, clang_getCursorResultType(c));
    fn->is_static = clang_Cursor_getStorageClass(c) == CX_SC_Static;
    int n = clang_Cursor_getNumArguments(c);
    if (n > 0) {
        fn->nparams = (size_t)n;
        fn->params = arena_alloc(lw->tu->arena, (size_t)n * sizeof *fn->params);
        for (int i = 0; i < n; i++) {
            CXCursor p = clang_Cursor_getArgument(c, (unsigned)i);
            fn->params[i].name = fe_copy_string(lw, clang_getCursorSpelling(p));
            const char *pusr = fe_copy_string(lw, clang_getCursorUSR(p));
            fn->params[i].usr = *pusr ? pusr : NULL;
            fn->params[i].type = fe_type(lw, clang_getCursorType(p));
        }
    }
    CXType t = clang_getCursorType(c);
    if (t.kind == CXType_Typedef || t.kind == CXType_Elaborated)
        fn->role_typedef = fe_copy_string(lw, clang_getTypeSpelling(t));
    cursor_vec kids = children_of(c);
    for (size_t i = 0; i < kids.len; i++)
        if (clang_getCursorKind(kids.items[i]) == CXCursor_CompoundStmt)
            fn->body = lower_stmt(lw, kids.items[i]);
    free(kids.items);
    VEC_PUSH(&lw->funcs, fn);
}

static void note_role(fe_lower *lw, CXCursor c)
{
    CXType t = clang_getCursorType(c);
    if (t.kind != CXType_Typedef && t.kind != CXType_Elaborated)
        return;
    struct fe_role r = {
        .usr = fe_copy_string(lw, clang_getCursorUSR(c)),
        .role = fe_copy_string(lw, clang_getTypeSpelling(t)),
    };
    VEC_PUSH(&lw->roles, r);
}

static void lower_global(fe_lower *lw, CXCursor c)
{
    ast_global *g = arena_alloc(lw->tu->arena, sizeof *g);
    g->name = fe_copy_string(lw, clang_getCursorSpelling(c));
    const char *usr = fe_copy_string(lw, clang_getCursorUSR(c));
    g->usr = *usr ? usr : NULL;
    g->loc = fe_cursor_loc(lw, c);
    g->type = fe_type(lw, clang_getCursorType(c));
    CXCursor init = clang_Cursor_getVarDeclInitializer(c);
    if (!clang_Cursor_isNull(init) && is_expr_kind(clang_getCursorKind(init)))
        g->init = lower_expr(lw, init);
    VEC_PUSH(&lw->globals, g);
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    fe_lower *lw = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_Namespace || k == CXCursor_LinkageSpec || k == CXCursor_ClassDecl ||
        k == CXCursor_StructDecl || k == CXCursor_UnexposedDecl) {
        if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl || in_user_code(c))
            clang_visitChildren(c, visit_top, lw);
        return CXChildVisit_Continue;
    }
    if (!in_user_code(c))
        return CXChildVisit_Continue;
    if (is_function_kind(k)) {
        if (clang_isCursorDefinition(c))
            lower_function(lw, c);
        else
            note_role(lw, c);
    } else if (k == CXCursor_VarDecl) {
        lower_global(lw, c);
    }
    return CXChildVisit_Continue;
}

void fe_lower_unit(fe_lower *lw)
{
    clang_visitChildren(clang_getTranslationUnitCursor(lw->ctu), visit_top, lw);
    /* role typedefs come from the prototype ("DRIVER_DISPATCH Foo;"), not the definition */
    for (size_t i = 0; i < lw->funcs.len; i++) {
        ast_function *fn = lw->funcs.items[i];
        for (size_t j = 0; j < lw->roles.len && !fn->role_typedef; j++)
            if (strcmp(lw->roles.items[j].usr, fn->usr) == 0)
                fn->role_typedef = lw->roles.items[j].role;
    }
    lw->tu->funcs = (ast_function **)arena_dup_ptrs(lw->tu->arena, (void *const *)lw->funcs.items, lw->funcs.len);
    lw->tu->nfuncs = lw->funcs.len;
    lw->tu->globals = (ast_global **)arena_dup_ptrs(lw->tu->arena, (void *const *)lw->globals.items, lw->globals.len);
    lw->tu->nglobals = lw->globals.len;
}
