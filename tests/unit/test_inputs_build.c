/* test_inputs_build.c - the build-file readers: MSBuild conditions and macros, a .vcxproj with
 * imports, item definitions and per-file metadata, a WDK sources file, project kinds, and
 * where a walked folder's sources go. */
#include "test_support.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/inputs/inputs_msbuild_expr.h"
#include "../../src/inputs/inputs_xml.h"
#include "drvtaint/inputs.h"
#include "drvtaint/util.h"

static char *new_root(void)
{
    char tmpl[] = "/tmp/drvtaint-build-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    char resolved[PATH_MAX];
    assert_non_null(realpath(tmpl, resolved));
    return xstrdup(resolved);
}

/* Writes root/rel (folders made as needed). */
static void put(const char *root, const char *rel, const char *text)
{
    char *path = xasprintf("%s/%s", root, rel);
    for (char *p = path + strlen(root) + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0755);
            *p = '/';
        }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    free(path);
}

static void rm_tree(char *root)
{
    char *cmd = xasprintf("rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    free(root);
}

/* The unit's arguments joined by spaces, with root written as "R". */
static char *args_of(const input_unit *u, const char *root)
{
    strbuf sb = {0};
    sb_append(&sb, "");
    for (size_t i = 0; i < u->nargs; i++) {
        const char *a = u->args[i];
        const char *at = strstr(a, root);
        if (at)
            sb_printf(&sb, "%s%.*sR%s", i ? " " : "", (int)(at - a), a, at + strlen(root));
        else
            sb_printf(&sb, "%s%s", i ? " " : "", a);
    }
    return sb_take(&sb);
}

static void conditions_compare_like_msbuild(void **state)
{
    (void)state;
    mb_props p = {0};
    mb_set_global(&p, "Configuration", "Release");
    mb_set_global(&p, "Platform", "x64");
    mb_set(&p, "Configuration", "Debug"); /* a project's own assignment does not beat a global */
    assert_string_equal(mb_get(&p, "configuration"), "Release");
    assert_true(mb_condition("'$(Configuration)|$(Platform)'=='release|X64'", &p, "/"));
    assert_false(mb_condition("'$(Configuration)|$(Platform)'=='Debug|x64'", &p, "/"));
    assert_true(mb_condition("'$(Undefined)' == ''", &p, "/"));
    assert_true(mb_condition("'$(Configuration)' != 'Debug' and ('$(Platform)' == 'ARM64' or true)", &p, "/"));
    assert_false(mb_condition("!('$(Platform)' == 'x64')", &p, "/"));
    assert_false(mb_condition("Exists('$(Undefined)\\nothing.props')", &p, "/"));
    assert_true(mb_condition("Exists('/tmp')", &p, "/"));
    assert_true(mb_condition("HasTrailingSlash('a\\')", &p, "/"));
    assert_true(mb_condition("'10.0' >= '6.3'", &p, "/"));
    assert_true(mb_condition(NULL, &p, "/"));
    assert_false(mb_condition("'$(Platform)' === 'x64'", &p, "/")); /* unreadable: not taken */
    mb_props_free(&p);
}

static void expansion_marks_what_the_wdk_would_define(void **state)
{
    (void)state;
    mb_props p = {0}, meta = {0};
    mb_set(&p, "Inc", "..\\inc");
    mb_set(&meta, "PreprocessorDefinitions", "A;B=1");
    char *e = mb_expand("$(Inc);$(DDK_INC_PATH);$(KMDF_INC_PATH)\\wdf;$([MSBuild]::GetDirectoryNameOfFileAbove(x));%("
                        "PreprocessorDefinitions);C",
                        &p, &meta);
    size_t n = 0;
    char **words = mb_split_list(e, &n);
    assert_int_equal(n, 4);
    assert_string_equal(words[0], "..\\inc");
    assert_string_equal(words[1], "A");
    assert_string_equal(words[2], "B=1");
    assert_string_equal(words[3], "C");
    inputs_free_words(words, n);
    free(e);
    mb_props_free(&p);
    mb_props_free(&meta);
}

static void xml_reader_tolerates_what_editors_write(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- <Fake/> -->\n<Project a='1' B=\"x &amp; y\">"
                       "<PropertyGroup><X>1 &lt; 2&#x41;</X><![CDATA[<raw>]]><Empty/></PropertyGroup>"
                       "<Unclosed><Child>t</Child>";
    xml_node *root = xml_parse(text, strlen(text));
    assert_non_null(root);
    assert_string_equal(root->name, "Project");
    assert_string_equal(xml_attr_get(root, "b"), "x & y");
    assert_int_equal(root->nchildren, 2);
    const xml_node *pg = root->children[0];
    assert_int_equal(pg->nchildren, 2);
    assert_string_equal(pg->children[0]->text, "1 < 2A");
    assert_string_equal(pg->text, "<raw>");
    assert_string_equal(root->children[1]->children[0]->text, "t");
    xml_free(root);
    assert_null(xml_parse("no markup", 9));
}

static const char *const vcxproj =
    "<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\n"
    "  <ItemGroup><ProjectConfiguration Include=\"Debug|Win32\"/><ProjectConfiguration Include=\"Release|x64\"/>"
    "</ItemGroup>\n"
    "  <PropertyGroup Condition=\"'$(Configuration)'=='Release'\"><ConfigurationType>Driver</ConfigurationType>"
    "<DriverType>KMDF</DriverType></PropertyGroup>\n"
    "  <ImportGroup Label=\"PropertySheets\"><Import Project=\"..\\Common\\Common.props\"/></ImportGroup>\n"
    "  <Import Project=\"$(VCTargetsPath)\\Microsoft.Cpp.targets\"/>\n"
    "  <ItemGroup>\n"
    "    <ClCompile Include=\"Src\\*.c\"/>\n"
    "    <ClCompile Include=\"tool.cpp\"><CompileAs>CompileAsC</CompileAs>"
    "<PreprocessorDefinitions>ONLY_TOOL;%(PreprocessorDefinitions)</PreprocessorDefinitions></ClCompile>\n"
    "    <ClCompile Include=\"old.c\"><ExcludedFromBuild Condition=\"'$(Platform)'=='x64'\">true</ExcludedFromBuild>"
    "</ClCompile>\n"
    "  </ItemGroup>\n"
    "  <ItemDefinitionGroup><ClCompile>"
    "<AdditionalIncludeDirectories>$(CommonInc);$(WindowsSdkDir)include;$(IntDir);%(AdditionalIncludeDirectories)"
    "</AdditionalIncludeDirectories>"
    "<PreprocessorDefinitions>$(Configuration)_$(Platform);%(PreprocessorDefinitions)</PreprocessorDefinitions>"
    "<ForcedIncludeFiles>pre.h</ForcedIncludeFiles>"
    "</ClCompile></ItemDefinitionGroup>\n"
    "</Project>\n";

static const char *const common_props =
    "<Project><PropertyGroup><CommonInc>$(MSBuildThisFileDirectory)inc</CommonInc></PropertyGroup></Project>\n";

static void vcxproj_gives_units_and_flags(void **state)
{
    (void)state;
    char *root = new_root();
    put(root, "drv/drv.vcxproj", vcxproj);
    put(root, "common/common.props", common_props);
    put(root, "common/inc/x.h", "");
    put(root, "drv/pre.h", "");
    put(root, "drv/src/b.c", "");
    put(root, "drv/src/a.c", "");
    put(root, "drv/tool.cpp", "");
    put(root, "drv/old.c", "");
    put(root, "drv/stray.c", "");
    put(root, "plain/p.c", "#include <ntddk.h>\n");
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, root);
    inputs_finish(&s);
    assert_int_equal(s.nerrors, 0);
    assert_int_equal(s.nprojects, 1);
    assert_string_equal(s.projects[0].configuration, "Release|x64");
    assert_int_equal(s.projects[0].kind, INPUT_KIND_KMDF);
    assert_true(s.projects[0].analysed);
    assert_int_equal(s.projects[0].nsources, 3);
    assert_int_equal(s.nunits, 4);
    const char *paths[] = {"drv/src/a.c", "drv/src/b.c", "drv/tool.cpp", "plain/p.c"};
    for (size_t i = 0; i < 4; i++) {
        char *want = xasprintf("%s/%s", root, paths[i]);
        assert_string_equal(s.units[i].path, want);
        free(want);
    }
    char *a = args_of(&s.units[0], root);
    /* the common folder in another case, IntDir below the project, the WDK's folder dropped */
    assert_string_equal(a, "-IR/common/inc -IR/drv/x64/Release -DRelease_x64 -include R/drv/pre.h");
    free(a);
    assert_int_equal(s.units[0].project, 1);
    char *t = args_of(&s.units[2], root);
    assert_string_equal(t, "-IR/common/inc -IR/drv/x64/Release -DONLY_TOOL -DRelease_x64 -include R/drv/pre.h");
    free(t);
    assert_false(s.units[2].is_cxx); /* CompileAsC */
    assert_int_equal(s.units[3].project, 0);
    assert_int_equal(s.units[3].nargs, 0);
    /* stray.c and old.c are in the project's folder and not compiled */
    assert_int_equal(s.nskipped, 2);
    inputs_free(&s);
    rm_tree(root);
}

static void sources_file_gives_units_and_flags(void **state)
{
    (void)state;
    char *root = new_root();
    put(root, "sys/sources", "# comment\nTARGETNAME=x\nTARGETTYPE=DRIVER\nKMDF_VERSION_MAJOR=1\n"
                             "MY_INC=..\\Inc\nINCLUDES=$(MY_INC); \\\n  $(DDK_INC_PATH)\n"
                             "C_DEFINES=$(C_DEFINES) -DONE /DTWO=2 -UTHREE\n"
                             "!if 0\n!endif\nSOURCES=a.c \\\n    b.c \\\n    x.rc\n");
    put(root, "sys/a.c", "");
    put(root, "sys/b.c", "");
    put(root, "inc/h.h", "");
    put(root, "lib/sources", "TARGETTYPE=LIBRARY\nSOURCES=l.c\n");
    put(root, "lib/l.c", "");
    put(root, "um/sources", "TARGETTYPE=DYNLINK\nUMDF_VERSION_MAJOR=2\nSOURCES=u.c\n");
    put(root, "um/u.c", "");
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, root);
    inputs_finish(&s);
    assert_int_equal(s.nerrors, 0);
    assert_int_equal(s.nprojects, 3);
    assert_int_equal(s.projects[0].kind, INPUT_KIND_LIBRARY);
    assert_false(s.projects[0].analysed);
    assert_int_equal(s.projects[1].kind, INPUT_KIND_KMDF);
    assert_int_equal(s.projects[2].kind, INPUT_KIND_UMDF); /* a user-mode driver is analysed */
    assert_true(s.projects[2].analysed);
    assert_int_equal(s.nunits, 3);
    char *a = args_of(&s.units[0], root);
    assert_string_equal(a, "-IR/inc -DONE -DTWO=2 -UTHREE");
    free(a);
    assert_int_equal(s.units[0].project, 2);
    assert_int_equal(s.units[2].project, 3);
    assert_int_equal(s.nskipped, 1);
    inputs_free(&s);

    /* --all-projects: the library too */
    inputs_init(&s);
    inputs_set_options(&s, (input_options){.all_projects = true});
    inputs_add_path(&s, root);
    inputs_finish(&s);
    assert_int_equal(s.nunits, 4);
    assert_int_equal(s.nskipped, 0);
    inputs_free(&s);
    rm_tree(root);
}

static void configuration_falls_back_to_what_the_project_has(void **state)
{
    (void)state;
    char *root = new_root();
    put(root, "d/d.vcxproj",
        "<Project><ItemGroup><ProjectConfiguration Include=\"Debug|ARM64\"/><ProjectConfiguration "
        "Include=\"Free|x64\"/><ProjectConfiguration Include=\"Checked|x64\"/></ItemGroup>"
        "<PropertyGroup><ConfigurationType>Driver</ConfigurationType></PropertyGroup>"
        "<ItemGroup><ClCompile Include=\"d.c\"/></ItemGroup></Project>");
    put(root, "d/d.c", "");
    const char *asked[] = {NULL, "Checked", "debug|arm64", "Debug"};
    /* nothing named Release: the first x64 configuration */
    const char *got[] = {"Free|x64", "Checked|x64", "Debug|ARM64", "Debug|ARM64"};
    for (size_t i = 0; i < 4; i++) {
        input_set s;
        inputs_init(&s);
        inputs_set_options(&s, (input_options){.configuration = asked[i]});
        inputs_add_path(&s, root);
        inputs_finish(&s);
        assert_int_equal(s.nprojects, 1);
        assert_string_equal(s.projects[0].configuration, got[i]);
        assert_int_equal(s.projects[0].kind, INPUT_KIND_DRIVER);
        inputs_free(&s);
    }
    rm_tree(root);
    /* configurations named after the build's variant: "Release Secure|x64" serves Release|x64 */
    root = new_root();
    put(root, "v/v.vcxproj",
        "<Project><ItemGroup><ProjectConfiguration Include=\"Debug Secure|ARM\"/><ProjectConfiguration "
        "Include=\"Release Secure|Win32\"/><ProjectConfiguration Include=\"Prerelease|x64\"/><ProjectConfiguration "
        "Include=\"Release Secure|x64\"/></ItemGroup>"
        "<PropertyGroup><ConfigurationType>Driver</ConfigurationType></PropertyGroup>"
        "<ItemGroup><ClCompile Include=\"v.c\"/></ItemGroup></Project>");
    put(root, "v/v.c", "");
    input_set s;
    inputs_init(&s);
    inputs_add_path(&s, root);
    inputs_finish(&s);
    assert_int_equal(s.nprojects, 1);
    assert_string_equal(s.projects[0].configuration, "Release Secure|x64");
    inputs_free(&s);
    rm_tree(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(conditions_compare_like_msbuild),
        cmocka_unit_test(expansion_marks_what_the_wdk_would_define),
        cmocka_unit_test(xml_reader_tolerates_what_editors_write),
        cmocka_unit_test(vcxproj_gives_units_and_flags),
        cmocka_unit_test(sources_file_gives_units_and_flags),
        cmocka_unit_test(configuration_falls_back_to_what_the_project_has),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
