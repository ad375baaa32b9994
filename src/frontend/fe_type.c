/* fe_type.c - what the analysis needs to know of a clang type. */
#include "fe_internal.h"

#include <stdlib.h>
#include <string.h>

static bool is_unnamed(const char *name)
{
    return !name || !*name || strstr(name, "(unnamed") || strstr(name, "(anonymous");
}

static const char *record_name(fe_lower *lw, CXType canon)
{
    CXCursor decl = clang_getTypeDeclaration(canon);
    const char *name = fe_copy_string(lw, clang_getCursorSpelling(decl));
    return is_unnamed(name) ? NULL : name;
}

static bool integer_kind(enum CXTypeKind k, bool *is_signed)
{
    switch (k) {
    case CXType_Bool:
    case CXType_Char_U:
    case CXType_UChar:
    case CXType_Char16:
    case CXType_Char32:
    case CXType_UShort:
    case CXType_UInt:
    case CXType_ULong:
    case CXType_ULongLong:
    case CXType_UInt128:
    case CXType_WChar: /* unsigned short with the MSVC target */
        *is_signed = false;
        return true;
    case CXType_Char_S:
    case CXType_SChar:
    case CXType_Short:
    case CXType_Int:
    case CXType_Long:
    case CXType_LongLong:
    case CXType_Int128:
        *is_signed = true;
        return true;
    default:
        return false;
    }
}

/* clang_Type_getSizeOf crashes on some types (overload sets, bound member functions,
 * invalid records), so it is asked only of object types whose size can exist. */
static bool has_size(CXType canon)
{
    bool sign;
    switch (canon.kind) {
    case CXType_Float:
    case CXType_Double:
    case CXType_LongDouble:
    case CXType_Pointer:
    case CXType_Enum:
        return true;
    case CXType_Record:
        return !clang_isInvalidDeclaration(clang_getTypeDeclaration(canon));
    case CXType_ConstantArray:
        return has_size(clang_getCanonicalType(clang_getArrayElementType(canon)));
    default:
        return integer_kind(canon.kind, &sign);
    }
}

static ast_type type_facts(fe_lower *lw, CXType t)
{
    ast_type at = {.array_len = -1};
    CXType canon = clang_getCanonicalType(t);
    at.spelling = fe_copy_string(lw, clang_getTypeSpelling(t));
    long long size = has_size(canon) ? clang_Type_getSizeOf(canon) : -1;
    at.size = size > 0 ? (uint64_t)size : 0;

    CXType base = canon;
    if (base.kind == CXType_Enum)
        base = clang_getCanonicalType(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(canon)));
    bool sign = false;
    if (integer_kind(base.kind, &sign)) {
        at.is_integer = true;
        at.is_signed = sign;
        at.bits = base.kind == CXType_Bool ? 1 : (unsigned)(at.size * 8);
        return at;
    }
    switch (canon.kind) {
    case CXType_Pointer:
    case CXType_LValueReference:
    case CXType_RValueReference: {
        at.is_pointer = true;
        CXType pointee = clang_getCanonicalType(clang_getPointeeType(canon));
        if (pointee.kind == CXType_Record)
            at.record = record_name(lw, pointee);
        break;
    }
    case CXType_Record:
        at.is_record = true;
        at.record = record_name(lw, canon);
        break;
    case CXType_ConstantArray:
        at.is_array = true;
        at.array_len = clang_getArraySize(canon);
        break;
    case CXType_IncompleteArray:
    case CXType_VariableArray:
    case CXType_DependentSizedArray:
        at.is_array = true;
        break;
    case CXType_FunctionProto:
    case CXType_FunctionNoProto:
        at.is_function = true;
        break;
    default:
        break;
    }
    return at;
}

/* A CXType is its kind, clang's QualType (qualifiers included) and the unit: equal triples are
 * the same type, and every libclang query above reads only those. */
static void type_cache_grow(fe_lower *lw)
{
    struct fe_type_slot *old = lw->types;
    size_t old_cap = lw->types_cap;
    lw->types_cap = old_cap ? old_cap * 2 : 256;
    lw->types = xcalloc(lw->types_cap, sizeof *lw->types);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].qual)
            continue;
        size_t k = fe_cache_hash((int)old[i].kind, old[i].qual) & (lw->types_cap - 1);
        while (lw->types[k].qual)
            k = (k + 1) & (lw->types_cap - 1);
        lw->types[k] = old[i];
    }
    free(old);
}

ast_type fe_type(fe_lower *lw, CXType t)
{
    if (t.kind == CXType_Invalid || !t.data[0]) {
        ast_type none = {.array_len = -1};
        return t.kind == CXType_Invalid ? none : type_facts(lw, t);
    }
    if (2 * (lw->ntypes + 1) > lw->types_cap)
        type_cache_grow(lw);
    size_t k = fe_cache_hash((int)t.kind, t.data[0]) & (lw->types_cap - 1);
    for (; lw->types[k].qual; k = (k + 1) & (lw->types_cap - 1))
        if (lw->types[k].qual == t.data[0] && lw->types[k].kind == t.kind && lw->types[k].tu == t.data[1])
            return lw->types[k].t;
    lw->types[k] = (struct fe_type_slot){t.kind, t.data[0], t.data[1], type_facts(lw, t)};
    lw->ntypes++;
    return lw->types[k].t;
}

void fe_type_cache_free(fe_lower *lw)
{
    free(lw->types);
    lw->types = NULL;
    lw->ntypes = lw->types_cap = 0;
}
