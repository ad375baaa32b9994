/* ast.h - drvtaint's own syntax tree for one translation unit.
 *
 * The front end (src/frontend, the only code that sees libclang) lowers each
 * function it finds in user code into these types; everything after it (CFG,
 * taint, inventory, reports) works on them alone, so it can be unit-tested on
 * trees built by hand. All nodes and strings of a unit live in ast_tu.arena and
 * die with ast_tu_free. Locations are where the user wrote the code: for code
 * written through a macro, the place the macro was expanded. */
#ifndef DRVTAINT_AST_H
#define DRVTAINT_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drvtaint/util.h"

/* The values recovery gives constants no header declared (enum { NAME = ... }). Small, because
 * clang sizes arrays, designated initializers and templates with them (0x7d70002a as an index
 * made libclang allocate 33 GB); distinct, so two unknown case labels do not collide; below
 * 0x10000, so a placeholder is never a real IOCTL code (those carry a device type above bit 16).
 * Anything that decodes constants (IOCTL methods, ranges) can recognise them here. */
enum { AST_PLACEHOLDER_FIRST = 0x7d00, AST_PLACEHOLDER_COUNT = 0x300 };
static inline bool ast_is_placeholder(uint64_t v)
{
    return v >= AST_PLACEHOLDER_FIRST && v < AST_PLACEHOLDER_FIRST + AST_PLACEHOLDER_COUNT;
}

typedef struct ast_loc {
    const char *file; /* as given to / found by the compiler; NULL when unknown */
    unsigned line, col;
} ast_loc;

/* What the analysis needs to know of a C type. */
typedef struct ast_type {
    const char *spelling; /* canonical spelling, e.g. "unsigned long" or "struct _IRP *" */
    const char *record;   /* struct/union name of the type, or of its pointee for a pointer;
                             NULL otherwise. Anonymous records are named by their parent
                             and field ("_IRP::AssociatedIrp") by the front end. */
    uint64_t size;        /* sizeof in bytes; 0 when unknown or incomplete */
    int64_t array_len;    /* element count for constant arrays, -1 otherwise */
    unsigned bits;        /* width of an integer, enum or bool type; 0 otherwise */
    bool is_signed;       /* integer types only */
    bool is_integer, is_pointer, is_record, is_array, is_function;
} ast_type;

typedef enum ast_expr_kind {
    AST_EX_INT,       /* integer constant, also enum constants and folded constant expressions */
    AST_EX_STRING,    /* string literal */
    AST_EX_REF,       /* a named declaration: variable, parameter, global, function */
    AST_EX_MEMBER,    /* base.field or base->field */
    AST_EX_INDEX,     /* base[index] */
    AST_EX_CALL,      /* callee(args) */
    AST_EX_UNARY,     /* op operand */
    AST_EX_BINARY,    /* lhs op rhs, including && || and the comma operator */
    AST_EX_ASSIGN,    /* lhs = rhs, lhs op= rhs */
    AST_EX_COND,      /* cond ? then : els */
    AST_EX_CAST,      /* (type)operand, explicit or implicit */
    AST_EX_SIZEOF,    /* sizeof / alignof; value in u.i.value when known */
    AST_EX_INIT_LIST, /* { items } */
    AST_EX_UNKNOWN    /* anything we do not model; children kept in u.list when any */
} ast_expr_kind;

typedef enum ast_unop {
    AST_UN_DEREF, AST_UN_ADDR, AST_UN_NEG, AST_UN_PLUS, AST_UN_NOT, /* ! */
    AST_UN_BITNOT, AST_UN_PREINC, AST_UN_PREDEC, AST_UN_POSTINC, AST_UN_POSTDEC,
    AST_UN_OTHER
} ast_unop;

typedef enum ast_binop {
    AST_BIN_NONE, /* plain '=' in AST_EX_ASSIGN */
    AST_BIN_ADD, AST_BIN_SUB, AST_BIN_MUL, AST_BIN_DIV, AST_BIN_REM,
    AST_BIN_SHL, AST_BIN_SHR, AST_BIN_AND, AST_BIN_OR, AST_BIN_XOR,
    AST_BIN_LT, AST_BIN_GT, AST_BIN_LE, AST_BIN_GE, AST_BIN_EQ, AST_BIN_NE,
    AST_BIN_LAND, AST_BIN_LOR, AST_BIN_COMMA,
    AST_BIN_OTHER
} ast_binop;

typedef enum ast_ref_kind {
    AST_REF_LOCAL, AST_REF_PARAM, AST_REF_GLOBAL, AST_REF_FUNCTION, AST_REF_UNKNOWN
} ast_ref_kind;

typedef struct ast_expr ast_expr;
struct ast_expr {
    ast_expr_kind kind;
    ast_loc loc;
    const char *text; /* source text as the user wrote it (macro names unexpanded) */
    ast_type type;
    union {
        struct {
            uint64_t value; /* two's complement bits; read with type.is_signed */
            bool known;     /* false for a sizeof whose value clang could not give */
            bool placeholder; /* made by recovery for a name no header declared: not a real value */
        } i;
        const char *str;
        struct {
            const char *name;
            const char *usr; /* stable id of the declaration (clang USR); NULL if unknown */
            ast_ref_kind ref;
        } ref;
        struct {
            ast_expr *base;
            const char *field;
            const char *record; /* record that declares the field (see ast_type.record) */
            bool arrow;
        } member;
        struct {
            ast_expr *base, *index;
        } index;
        struct {
            ast_expr *callee;
            const char *name;         /* callee function name when it is a direct call, else NULL */
            const char *usr;          /* callee USR when known */
            const char *written_name; /* macro name when the call was written through a macro
                                         (RtlCopyMemory -> memcpy), else NULL */
            ast_expr **args;
            size_t nargs;
            bool system; /* the callee is declared in a system header (the WDK, the shim) */
        } call;
        struct {
            ast_unop op;
            ast_expr *operand;
        } unary;
        struct {
            ast_binop op; /* AST_BIN_NONE for '=' in an assignment */
            ast_expr *lhs, *rhs;
        } binary; /* used by AST_EX_BINARY and AST_EX_ASSIGN */
        struct {
            ast_expr *cond, *then, *els;
        } cond;
        struct {
            ast_expr *operand;
            bool implicit;
        } cast;
        struct {
            ast_expr **items;
            size_t n;
        } list; /* AST_EX_INIT_LIST, AST_EX_UNKNOWN */
    } u;
};

typedef enum ast_stmt_kind {
    AST_ST_NULL,     /* ; */
    AST_ST_EXPR,     /* u.expr */
    AST_ST_DECL,     /* one local variable, u.decl */
    AST_ST_BLOCK,    /* { items } */
    AST_ST_IF,       /* u.if_ (els may be NULL) */
    AST_ST_WHILE,    /* u.loop: cond, body */
    AST_ST_DO,       /* u.loop: body, cond */
    AST_ST_FOR,      /* u.loop: init (may be NULL), cond (NULL = forever), inc (may be NULL), body */
    AST_ST_SWITCH,   /* u.switch_ */
    AST_ST_CASE,     /* u.case_: case lo: or case lo ... hi: followed by body */
    AST_ST_DEFAULT,  /* u.case_.body */
    AST_ST_BREAK,
    AST_ST_CONTINUE,
    AST_ST_GOTO,     /* u.label.name */
    AST_ST_LABEL,    /* u.label.name, u.label.body */
    AST_ST_RETURN,   /* u.expr, may be NULL */
    AST_ST_TRY_EXCEPT,  /* u.try_: body, filter, handler */
    AST_ST_TRY_FINALLY, /* u.try_: body, handler = the __finally block */
    AST_ST_LEAVE,    /* __leave */
    AST_ST_UNKNOWN   /* a statement we do not model (asm, ...) */
} ast_stmt_kind;

typedef struct ast_stmt ast_stmt;
struct ast_stmt {
    ast_stmt_kind kind;
    ast_loc loc;
    union {
        ast_expr *expr;
        struct {
            const char *name;
            const char *usr;
            ast_type type;
            ast_expr *init; /* may be NULL */
            bool is_static;
        } decl;
        struct {
            ast_stmt **items;
            size_t n;
        } block;
        struct {
            ast_expr *cond;
            ast_stmt *then, *els;
        } if_;
        struct {
            ast_stmt *init;
            ast_expr *cond, *inc;
            ast_stmt *body;
        } loop;
        struct {
            ast_expr *cond;
            ast_stmt *body;
        } switch_;
        struct {
            int64_t lo, hi;  /* hi == lo unless a GNU case range */
            ast_expr *value; /* the label as written, for messages (IOCTL macro names) */
            ast_stmt *body;
        } case_;
        struct {
            const char *name;
            ast_stmt *body;
        } label;
        struct {
            ast_stmt *body;
            ast_expr *filter; /* __except filter; NULL for __finally */
            ast_stmt *handler;
        } try_;
    } u;
};

typedef struct ast_param {
    const char *name; /* may be "" for unnamed parameters */
    const char *usr;
    ast_type type;
} ast_param;

typedef struct ast_function {
    const char *name;
    const char *usr;
    ast_loc loc;
    ast_loc end;
    ast_type ret;
    ast_param *params;
    size_t nparams;
    const char *role_typedef; /* declared as "DRIVER_DISPATCH Foo;" etc.; NULL if none seen */
    bool is_static;
    ast_stmt *body;   /* AST_ST_BLOCK */
    unsigned nerrors; /* compiler errors left inside its body after recovery */
} ast_function;

typedef struct ast_global {
    const char *name;
    const char *usr;
    ast_loc loc;
    ast_type type;
    ast_expr *init; /* may be NULL */
} ast_global;

typedef enum ast_diag_severity { AST_DIAG_WARNING, AST_DIAG_ERROR, AST_DIAG_FATAL } ast_diag_severity;

typedef struct ast_diag {
    ast_diag_severity severity;
    ast_loc loc;
    const char *message;
    const char *function; /* enclosing user function, or NULL */
} ast_diag;

/* How an #include the compiler could not open as written was settled (fe_include.c). */
typedef enum ast_include_how {
    AST_INC_WINDOWS,   /* found by Windows rules: case-insensitive names, '\\' separators, <ddk/...> */
    AST_INC_REPO,      /* found by searching the repository for a file of that name */
    AST_INC_WPP,       /* a generated WPP trace header (*.tmh): its trace functions were declared */
    AST_INC_AMBIGUOUS, /* several files of that name equally near: none used, an empty file stood in */
    AST_INC_MISSING,   /* not found anywhere: an empty file stood in */
} ast_include_how;

typedef struct ast_include_note {
    ast_include_how how;
    const char *spelled; /* the name as written in the #include */
    const char *from;    /* the file that includes it */
    const char *path;    /* the file used (WINDOWS, REPO), the trace header read (WPP), or NULL */
    const char *detail;  /* AMBIGUOUS: the candidates, comma-separated; else NULL */
} ast_include_note;

/* Parse health of a unit: what the compiler still complained about after recovery. */
typedef struct ast_health {
    unsigned errors_before_recovery;
    unsigned errors;            /* errors left after recovery (count of diags with severity >= ERROR) */
    unsigned recovery_passes;   /* reparses done to declare unknown names */
    unsigned declared_unknown;  /* names the recovery declared */
    unsigned functions_with_errors;
    unsigned headers_missing;   /* includes nothing real stood in for (MISSING and AMBIGUOUS notes) */
    bool failed;                /* the unit could not be parsed at all */
    const char *failure;        /* why, when failed */
} ast_health;

typedef struct ast_tu {
    arena *arena;
    const char *path;
    bool is_cxx;
    ast_function **funcs; /* in source order */
    size_t nfuncs;
    ast_global **globals;
    size_t nglobals;
    ast_diag *diags; /* errors and warnings in user code, in source order */
    size_t ndiags;
    ast_include_note *includes; /* includes settled by something other than the compiler, sorted */
    size_t nincludes;
    ast_health health;
} ast_tu;

ast_tu *ast_tu_new(const char *path);
void ast_tu_free(ast_tu *tu);

/* Visits e and every sub-expression, pre-order; stops descending where fn returns false. */
typedef bool (*ast_expr_visit_fn)(ast_expr *e, void *ctx);
void ast_visit_expr(ast_expr *e, ast_expr_visit_fn fn, void *ctx);
/* Visits every expression in s and its sub-statements, in source order. */
void ast_visit_stmt_exprs(ast_stmt *s, ast_expr_visit_fn fn, void *ctx);

/* Constructors for tests and the front end; every node lives in tu->arena. */
ast_expr *ast_expr_new(ast_tu *tu, ast_expr_kind kind, ast_loc loc, const char *text);
ast_stmt *ast_stmt_new(ast_tu *tu, ast_stmt_kind kind, ast_loc loc);

const char *ast_binop_spelling(ast_binop op);
const char *ast_unop_spelling(ast_unop op);

#endif
