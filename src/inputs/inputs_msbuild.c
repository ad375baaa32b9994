/* inputs_msbuild.c - a .vcxproj read the way MSBuild evaluates it, as far as the flags of a
 * C/C++ compile go: properties and imports first (in document order, imports from the
 * repository only), then ClCompile item definitions, then ClCompile items, all under the
 * chosen configuration. What the WDK or Visual Studio would have supplied is not on this
 * machine: properties nobody defines expand to MB_UNDEFINED and the list elements built on
 * them are dropped, so the WDK shim stands in (docs/inputs.md). */
#include <fnmatch.h>
#include <dirent.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "drvtaint/inputs.h"
#include "drvtaint/util.h"
#include "inputs_internal.h"
#include "inputs_msbuild_expr.h"
#include "inputs_xml.h"

enum { MB_MAX_IMPORT_DEPTH = 16 };

/* A group element to read in the later passes, with the folder of the file it is in. */
typedef struct mb_group {
    const xml_node *node;
    char *dir;
} mb_group;

typedef struct mb_item {
    char *path;
    mb_props meta;
} mb_item;

typedef struct mb_eval {
    mb_props props;
    mb_props defs; /* ClCompile item definitions */
    VEC(mb_group) groups;
    VEC(xml_node *) docs;   /* every file read, freed at the end */
    VEC(char *) imported;   /* files already imported: MSBuild imports a file once */
    VEC(mb_item) items;
} mb_eval;

static char *with_backslash(const char *dir)
{
    /* MSBuild's directory properties end with a separator; project files append names to them */
    return xasprintf("%s%s", dir, str_ends_with(dir, "/") ? "" : "/");
}

static xml_node *load_xml(mb_eval *ev, const char *path)
{
    size_t len = 0;
    const char *enc = NULL;
    char *text = read_source_file(path, &len, &enc); /* a project saved as UTF-16 too */
    if (!text)
        return NULL;
    xml_node *root = xml_parse(text, len);
    free(text);
    if (root)
        VEC_PUSH(&ev->docs, root);
    return root;
}

static bool name_is(const xml_node *n, const char *name)
{
    return strcasecmp(n->name, name) == 0;
}

static bool cond_of(const mb_eval *ev, const xml_node *n, const char *dir)
{
    return mb_condition(xml_attr_get(n, "Condition"), &ev->props, dir);
}

static void read_file_props(mb_eval *ev, const xml_node *root, const char *path, unsigned depth);

static void do_import(mb_eval *ev, const xml_node *imp, const char *dir, unsigned depth)
{
    const char *project = xml_attr_get(imp, "Project");
    if (!project || !cond_of(ev, imp, dir) || depth >= MB_MAX_IMPORT_DEPTH)
        return;
    char *expanded = mb_expand(project, &ev->props, NULL);
    /* WDK and Visual Studio targets ($(VCTargetsPath)...), wildcards: not in the repository */
    if (strchr(expanded, MB_UNDEFINED) || strpbrk(expanded, "*?")) {
        free(expanded);
        return;
    }
    bool found = false;
    char *path = inputs_path_resolve_ci(dir, expanded, &found);
    free(expanded);
    for (size_t i = 0; found && i < ev->imported.len; i++)
        found = strcmp(ev->imported.items[i], path) != 0;
    xml_node *root = found ? load_xml(ev, path) : NULL;
    if (root) {
        VEC_PUSH(&ev->imported, xstrdup(path));
        read_file_props(ev, root, path, depth + 1);
    }
    free(path);
}

/* The children of a project (or of a chosen When/Otherwise), in document order: properties and
 * imports now, groups kept for the later passes. */
static void read_children(mb_eval *ev, const xml_node *parent, const char *dir, unsigned depth)
{
    for (size_t i = 0; i < parent->nchildren; i++) {
        const xml_node *c = parent->children[i];
        if (name_is(c, "PropertyGroup")) {
            if (!cond_of(ev, c, dir))
                continue;
            for (size_t k = 0; k < c->nchildren; k++) {
                const xml_node *p = c->children[k];
                if (!cond_of(ev, p, dir))
                    continue;
                char *v = mb_expand(p->text, &ev->props, NULL);
                mb_set(&ev->props, p->name, v);
                free(v);
            }
        } else if (name_is(c, "Import")) {
            do_import(ev, c, dir, depth);
        } else if (name_is(c, "ImportGroup")) {
            if (cond_of(ev, c, dir))
                for (size_t k = 0; k < c->nchildren; k++)
                    if (name_is(c->children[k], "Import"))
                        do_import(ev, c->children[k], dir, depth);
        } else if (name_is(c, "ItemDefinitionGroup") || name_is(c, "ItemGroup")) {
            VEC_PUSH(&ev->groups, ((mb_group){c, xstrdup(dir)}));
        } else if (name_is(c, "Choose")) {
            /* the first When whose condition holds, else Otherwise; what it holds counts as
             * if written here (MSBuild takes one branch, conditions seen with the
             * properties defined so far) */
            const xml_node *branch = NULL;
            for (size_t k = 0; k < c->nchildren && !branch; k++)
                if (name_is(c->children[k], "When") && cond_of(ev, c->children[k], dir))
                    branch = c->children[k];
            for (size_t k = 0; k < c->nchildren && !branch; k++)
                if (name_is(c->children[k], "Otherwise"))
                    branch = c->children[k];
            if (branch)
                read_children(ev, branch, dir, depth);
        }
    }
}

/* Pass 1 over one file, with MSBuildThisFileDirectory set to its folder meanwhile. */
static void read_file_props(mb_eval *ev, const xml_node *root, const char *path, unsigned depth)
{
    char *dir = path_dir(path);
    char *this_dir = with_backslash(dir);
    const char *outer = mb_get(&ev->props, "MSBuildThisFileDirectory");
    char *saved = outer ? xstrdup(outer) : NULL;
    mb_set_global(&ev->props, "MSBuildThisFileDirectory", this_dir);
    read_children(ev, root, dir, depth);
    mb_set_global(&ev->props, "MSBuildThisFileDirectory", saved ? saved : this_dir);
    free(saved);
    free(this_dir);
    free(dir);
}

/* Reads metadata children of n into meta: %(Name) is the value so far (inheritance). */
static void read_metadata(const mb_eval *ev, const xml_node *n, const char *dir, mb_props *meta)
{
    for (size_t k = 0; k < n->nchildren; k++) {
        const xml_node *m = n->children[k];
        if (!cond_of(ev, m, dir))
            continue;
        mb_props self = {0};
        const char *prev = mb_get(meta, m->name);
        mb_set(&self, m->name, prev ? prev : "");
        char *v = mb_expand(m->text, &ev->props, &self);
        mb_set(meta, m->name, v);
        free(v);
        mb_props_free(&self);
    }
}

static void props_copy(mb_props *dst, const mb_props *src)
{
    for (size_t i = 0; i < src->len; i++)
        mb_set(dst, src->items[i].name, src->items[i].value);
}

static void add_item(mb_eval *ev, char *path)
{
    mb_item it = {path, {0}};
    props_copy(&it.meta, &ev->defs);
    VEC_PUSH(&ev->items, it);
}

/* An Include element: a file, or a wildcard in its last segment ("*.c"). */
static void include_items(mb_eval *ev, const char *spec, const char *dir, size_t *first)
{
    *first = ev->items.len;
    char *expanded = mb_expand(spec, &ev->props, NULL);
    size_t n = 0;
    char **parts = mb_split_list(expanded, &n);
    free(expanded);
    for (size_t i = 0; i < n; i++) {
        char *slash = strrchr(parts[i], '\\');
        char *fslash = strrchr(parts[i], '/');
        char *last = fslash > slash ? fslash : slash;
        const char *pattern = last ? last + 1 : parts[i];
        if (!strpbrk(pattern, "*?")) {
            bool found = false;
            add_item(ev, inputs_path_resolve_ci(dir, parts[i], &found));
            continue;
        }
        char *sub = last ? xstrndup(parts[i], (size_t)(last - parts[i])) : xstrdup(".");
        bool found = false;
        char *folder = inputs_path_resolve_ci(dir, sub, &found);
        DIR *d = found ? opendir(folder) : NULL;
        VEC(char *) names = {0};
        for (struct dirent *de; d && (de = readdir(d));)
            if (de->d_name[0] != '.' && fnmatch(pattern, de->d_name, FNM_CASEFOLD) == 0)
                VEC_PUSH(&names, xstrdup(de->d_name));
        if (d)
            closedir(d);
        if (names.len)
            qsort(names.items, names.len, sizeof(char *), str_cmp_ptr);
        for (size_t k = 0; k < names.len; k++) {
            add_item(ev, xasprintf("%s/%s", folder, names.items[k]));
            free(names.items[k]);
        }
        free(names.items);
        free(folder);
        free(sub);
    }
    inputs_free_words(parts, n);
}

/* Passes 2 and 3: ClCompile definitions apply to every item, whatever their order. */
static void read_items(mb_eval *ev)
{
    for (size_t g = 0; g < ev->groups.len; g++) {
        const xml_node *grp = ev->groups.items[g].node;
        const char *dir = ev->groups.items[g].dir;
        if (!name_is(grp, "ItemDefinitionGroup") || !cond_of(ev, grp, dir))
            continue;
        for (size_t k = 0; k < grp->nchildren; k++)
            if (name_is(grp->children[k], "ClCompile") && cond_of(ev, grp->children[k], dir))
                read_metadata(ev, grp->children[k], dir, &ev->defs);
    }
    for (size_t g = 0; g < ev->groups.len; g++) {
        const xml_node *grp = ev->groups.items[g].node;
        const char *dir = ev->groups.items[g].dir;
        if (!name_is(grp, "ItemGroup") || !cond_of(ev, grp, dir))
            continue;
        for (size_t k = 0; k < grp->nchildren; k++) {
            const xml_node *c = grp->children[k];
            const char *inc = xml_attr_get(c, "Include");
            if (!name_is(c, "ClCompile") || !inc || !cond_of(ev, c, dir))
                continue;
            size_t first = 0;
            include_items(ev, inc, dir, &first);
            for (size_t i = first; i < ev->items.len; i++)
                read_metadata(ev, c, dir, &ev->items.items[i].meta);
        }
    }
}

/* Does name (len bytes) hold word (wlen bytes) as a whole word, in any case? */
static bool name_mentions(const char *name, size_t len, const char *word, size_t wlen)
{
    for (size_t i = 0; wlen && i + wlen <= len; i++)
        if (strncasecmp(name + i, word, wlen) == 0 && (i == 0 || !isalnum((unsigned char)name[i - 1])) &&
            (i + wlen == len || !isalnum((unsigned char)name[i + wlen])))
            return true;
    return false;
}

/* The configuration to read: the one asked for if the project has it, else the same name on
 * another platform (x64 first), else one whose name holds the wanted name as a word (x64
 * first: "Release Secure|x64"), else the first x64 one, else the first. */
static char *choose_configuration(const xml_node *root, const char *wanted)
{
    VEC(const char *) have = {0};
    for (size_t i = 0; i < root->nchildren; i++) {
        const xml_node *g = root->children[i];
        for (size_t k = 0; name_is(g, "ItemGroup") && k < g->nchildren; k++) {
            const char *inc = xml_attr_get(g->children[k], "Include");
            if (name_is(g->children[k], "ProjectConfiguration") && inc && strchr(inc, '|'))
                VEC_PUSH(&have, inc);
        }
    }
    const char *bar = strchr(wanted, '|');
    size_t namelen = bar ? (size_t)(bar - wanted) : strlen(wanted);
    const char *pick = NULL;
    for (size_t i = 0; i < have.len && !pick && bar; i++)
        if (strcasecmp(have.items[i], wanted) == 0)
            pick = have.items[i];
    for (int pass = 0; pass < 2 && !pick; pass++)
        for (size_t i = 0; i < have.len && !pick; i++) {
            const char *b = strchr(have.items[i], '|');
            if ((size_t)(b - have.items[i]) == namelen && strncasecmp(have.items[i], wanted, namelen) == 0 &&
                (pass == 1 || strcasecmp(b + 1, "x64") == 0))
                pick = have.items[i];
        }
    /* "Release Secure|x64" for Release: a configuration named after the wanted one, then any x64 */
    for (int pass = 0; pass < 3 && !pick; pass++)
        for (size_t i = 0; i < have.len && !pick; i++) {
            const char *b = strchr(have.items[i], '|');
            bool x64 = strcasecmp(b + 1, "x64") == 0;
            bool named = name_mentions(have.items[i], (size_t)(b - have.items[i]), wanted, namelen);
            if ((pass == 0 && named && x64) || (pass == 1 && named) || (pass == 2 && x64))
                pick = have.items[i];
        }
    if (!pick && have.len)
        pick = have.items[0];
    char *result = pick ? xstrdup(pick) : bar ? xstrdup(wanted) : xasprintf("%s|x64", wanted);
    free(have.items);
    return result;
}

static bool str_has_ci(const char *s, const char *part)
{
    size_t n = strlen(part);
    for (; s && *s; s++)
        if (strncasecmp(s, part, n) == 0)
            return true;
    return false;
}

static input_kind project_kind(const mb_props *p)
{
    const char *type = mb_get(p, "ConfigurationType");
    const char *driver = mb_get(p, "DriverType");
    const char *toolset = mb_get(p, "PlatformToolset");
    bool umdf = (driver && strcasecmp(driver, "UMDF") == 0) || str_has_ci(toolset, "UserModeDriver") ||
                (mb_get(p, "UMDF_VERSION_MAJOR") && *mb_get(p, "UMDF_VERSION_MAJOR"));
    bool kernel = str_has_ci(toolset, "KernelModeDriver");
    if (type && strcasecmp(type, "Driver") == 0) {
        if (driver && strcasecmp(driver, "KMDF") == 0)
            return INPUT_KIND_KMDF;
        if (driver && strcasecmp(driver, "WDM") == 0)
            return INPUT_KIND_WDM;
        return umdf ? INPUT_KIND_UMDF : INPUT_KIND_DRIVER;
    }
    if (driver && strcasecmp(driver, "Package") == 0)
        return INPUT_KIND_OTHER;
    if (type && strcasecmp(type, "DynamicLibrary") == 0)
        return umdf ? INPUT_KIND_UMDF : INPUT_KIND_DLL;
    if (type && strcasecmp(type, "StaticLibrary") == 0)
        return kernel ? INPUT_KIND_KERNEL_LIB : INPUT_KIND_LIBRARY;
    if (!type || strcasecmp(type, "Application") == 0)
        return INPUT_KIND_APPLICATION; /* MSBuild's default */
    return INPUT_KIND_OTHER;
}

/* Appends "-FLAG value" for each element of a metadata list. Paths resolve against the
 * project's folder in any case; a path that does not exist is kept as MSBuild would pass it. */
typedef VEC(char *) word_vec;

static void push_list(word_vec *argv, const char *flag, const char *list, const char *dir, bool paths)
{
    size_t n = 0;
    char **words = mb_split_list(list ? list : "", &n);
    for (size_t i = 0; i < n; i++) {
        VEC_PUSH(argv, xstrdup(flag));
        if (paths) {
            bool found = false;
            VEC_PUSH(argv, inputs_path_resolve_ci(dir, words[i], &found));
        } else {
            VEC_PUSH(argv, xstrdup(words[i]));
        }
    }
    inputs_free_words(words, n);
}

static void add_units(input_set *s, mb_eval *ev, size_t project, bool analysed, const char *dir)
{
    const char *include_path = mb_get(&ev->props, "IncludePath");
    for (size_t i = 0; i < ev->items.len; i++) {
        mb_item *it = &ev->items.items[i];
        const char *excluded = mb_get(&it->meta, "ExcludedFromBuild");
        if (excluded && strcasecmp(excluded, "true") == 0)
            continue;
        s->projects[project - 1].nsources++;
        if (!analysed) {
            inputs_add_skipped(s, it->path,
                               xasprintf("%s project", input_kind_name(s->projects[project - 1].kind)));
            continue;
        }
        char *why = inputs_check_file(it->path);
        if (why) {
            inputs_add_error(s, it->path, xasprintf("%s (ClCompile of %s)", why, s->projects[project - 1].path));
            free(why);
            continue;
        }
        word_vec argv = {0};
        VEC_PUSH(&argv, xstrdup("clang"));
        push_list(&argv, "-I", mb_get(&it->meta, "AdditionalIncludeDirectories"), dir, true);
        push_list(&argv, "-I", include_path, dir, true);
        push_list(&argv, "-D", mb_get(&it->meta, "PreprocessorDefinitions"), dir, false);
        push_list(&argv, "-U", mb_get(&it->meta, "UndefinePreprocessorDefinitions"), dir, false);
        push_list(&argv, "-include", mb_get(&it->meta, "ForcedIncludeFiles"), dir, true);
        const char *as = mb_get(&it->meta, "CompileAs");
        if (as && strcasecmp(as, "CompileAsCpp") == 0) {
            VEC_PUSH(&argv, xstrdup("-x"));
            VEC_PUSH(&argv, xstrdup("c++"));
        } else if (as && strcasecmp(as, "CompileAsC") == 0) {
            VEC_PUSH(&argv, xstrdup("-x"));
            VEC_PUSH(&argv, xstrdup("c"));
        }
        input_unit u = {.path = xstrdup(it->path), .directory = xstrdup(dir), .from_project = true,
                        .project = project};
        inputs_unit_set_args(&u, (const char *const *)argv.items, argv.len);
        inputs_free_words(argv.items, argv.len);
        inputs_add_unit(s, u);
    }
}

void inputs_add_vcxproj(input_set *s, const char *path, const char *sln_dir)
{
    mb_eval ev = {0};
    xml_node *root = load_xml(&ev, path);
    if (!root || !name_is(root, "Project")) {
        inputs_add_error(s, path, xstrdup(root ? "not an MSBuild project (no <Project> element)" : "cannot read"));
        for (size_t i = 0; i < ev.docs.len; i++)
            xml_free(ev.docs.items[i]);
        free(ev.docs.items);
        return;
    }
    char *dir = path_dir(path);
    char *config = choose_configuration(root, s->options.configuration ? s->options.configuration : "Release|x64");
    char *bar = strchr(config, '|');
    char *name = xstrndup(config, (size_t)(bar - config));
    const char *base = strrchr(path, '/') + 1;
    char *proj_name = xstrndup(base, strlen(base) - strlen(".vcxproj"));
    char *proj_dir = with_backslash(dir);
    char *sol_dir = with_backslash(sln_dir ? sln_dir : dir);
    mb_set_global(&ev.props, "Configuration", name);
    mb_set_global(&ev.props, "Platform", bar + 1);
    mb_set_global(&ev.props, "SolutionDir", sol_dir);
    mb_set_global(&ev.props, "ProjectDir", proj_dir);
    mb_set_global(&ev.props, "MSBuildProjectDirectory", dir);
    mb_set_global(&ev.props, "MSBuildProjectName", proj_name);
    mb_set(&ev.props, "ProjectName", proj_name);
    mb_set(&ev.props, "TargetName", proj_name);
    char *intdir = xasprintf("%s|%s/", bar + 1, name); /* VS's x64 default: $(Platform)\$(Configuration)\ */
    *strchr(intdir, '|') = '/';
    mb_set(&ev.props, "IntDir", intdir);
    mb_set(&ev.props, "OutDir", intdir);
    free(intdir);
    /* Microsoft.Common.props imports the nearest Directory.Build.props above the project */
    for (char *up = xstrdup(dir); up;) {
        char *props = xasprintf("%s/Directory.Build.props", strcmp(up, "/") ? up : "");
        struct stat st;
        bool here = stat(props, &st) == 0 && S_ISREG(st.st_mode);
        if (here) {
            xml_node *d = load_xml(&ev, props);
            if (d) {
                VEC_PUSH(&ev.imported, xstrdup(props));
                read_file_props(&ev, d, props, 1);
            }
        }
        free(props);
        char *next = (!here && strcmp(up, "/") != 0) ? path_dir(up) : NULL;
        free(up);
        up = next;
    }
    read_file_props(&ev, root, path, 0);
    read_items(&ev);
    input_kind kind = project_kind(&ev.props);
    bool analysed = input_kind_is_driver(kind) || s->options.all_projects;
    size_t project = inputs_add_project(s, (input_project){.path = xstrdup(path), .configuration = config,
                                                           .kind = kind, .analysed = analysed});
    add_units(s, &ev, project, analysed, dir);

    for (size_t i = 0; i < ev.items.len; i++) {
        free(ev.items.items[i].path);
        mb_props_free(&ev.items.items[i].meta);
    }
    free(ev.items.items);
    for (size_t i = 0; i < ev.groups.len; i++)
        free(ev.groups.items[i].dir);
    free(ev.groups.items);
    for (size_t i = 0; i < ev.docs.len; i++)
        xml_free(ev.docs.items[i]);
    free(ev.docs.items);
    inputs_free_words(ev.imported.items, ev.imported.len);
    mb_props_free(&ev.props);
    mb_props_free(&ev.defs);
    free(proj_dir);
    free(sol_dir);
    free(proj_name);
    free(name);
    free(dir);
}

char **inputs_sln_projects(const char *sln, size_t *n)
{
    VEC(char *) out = {0};
    size_t len = 0;
    const char *enc = NULL;
    char *text = read_source_file(sln, &len, &enc);
    char *dir = path_dir(sln);
    /* Project("{type}") = "name", "rel\path.vcxproj", "{guid}" */
    for (char *line = text; line && *line;) {
        char *eol = strchr(line, '\n');
        if (eol)
            *eol = '\0';
        if (strncmp(line, "Project(", 8) == 0) {
            char *q[6] = {0};
            char *p = strchr(line, '=');
            for (int k = 0; p && k < 4; k++) {
                p = strchr(p, '"');
                if (p)
                    q[k] = p++;
            }
            if (q[3]) {
                *q[3] = '\0';
                if (inputs_suffix_is(q[2] + 1, ".vcxproj")) {
                    bool found = false;
                    char *abs = inputs_path_resolve_ci(dir, q[2] + 1, &found);
                    if (found)
                        VEC_PUSH(&out, abs);
                    else
                        free(abs);
                }
            }
        }
        line = eol ? eol + 1 : NULL;
    }
    free(text);
    free(dir);
    *n = out.len;
    return out.items;
}
