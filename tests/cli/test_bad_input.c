/* test_bad_input.c - every kind of bad input next to a unit with a real finding: the message
 * names the input, the good unit's finding is still reported, and the exit code says whether
 * a unit was skipped (3), or the rules are broken (2). The matrix is in docs/inputs.md. */
#include "test_support.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "drvtaint/util.h"

/* An IOCTL index reaching __readmsr: "good.c:6:44: error: ... [msr-read]". */
static const char good_c[] = "#include <ntddk.h>\n"
                             "#include <intrin.h>\n"
                             "NTSTATUS BadDispatch(PDEVICE_OBJECT DeviceObject, PIRP Irp)\n"
                             "{\n"
                             "    ULONG index = *(ULONG *)Irp->AssociatedIrp.SystemBuffer;\n"
                             "    Irp->IoStatus.Information = (ULONG_PTR)__readmsr(index);\n"
                             "    return STATUS_SUCCESS;\n"
                             "}\n"
                             "NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)\n"
                             "{\n"
                             "    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = BadDispatch;\n"
                             "    return STATUS_SUCCESS;\n"
                             "}\n";
#define GOOD_FINDING "good.c:6:44: error: msr-index 'index' of __readmsr"

/* A fresh directory holding good.c; others may need to read it (see unreadable_file). */
static char *new_dir(void)
{
    char tmpl[] = "/tmp/drvtaint-bad-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    assert_int_equal(chmod(tmpl, 0755), 0);
    char *dir = xstrdup(tmpl);
    char *good = xasprintf("%s/good.c", dir);
    FILE *f = fopen(good, "wb");
    assert_non_null(f);
    fputs(good_c, f);
    fclose(f);
    free(good);
    return dir;
}

static void write_bytes(const char *dir, const char *name, const void *data, size_t n)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
    free(path);
}

static void remove_dir(char *dir)
{
    char *cmd = xasprintf("chmod -R u+rwX %s; rm -rf %s", dir, dir);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    free(dir);
}

/* Runs drvtaint in dir, with an optional command prefix (setpriv ...). */
static int run_in(const char *dir, const char *prefix, const char *args, char **out, char **err)
{
    char *cmd = xasprintf("cd %s && %s%s %s", dir, prefix ? prefix : "", DRVTAINT_BINARY, args);
    int rc = ts_run(cmd, out, err);
    free(cmd);
    return rc;
}

#define assert_contains(hay, needle)                                                                         \
    do {                                                                                                     \
        if (!strstr((hay), (needle)))                                                                        \
            fail_msg("expected \"%s\" in:\n%s", (needle), (hay));                                            \
    } while (0)

static void missing_file(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    assert_int_equal(run_in(dir, NULL, "scan -q missing.c good.c", &out, &err), 3);
    assert_contains(err, "drvtaint: error: missing.c: No such file or directory\n");
    assert_contains(out, GOOD_FINDING);
    free(out);
    free(err);
    remove_dir(dir);
}

/* chmod 000 does not stop root; as root the run is made as nobody when setpriv can do it. */
static void unreadable_file(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    write_bytes(dir, "secret.c", good_c, sizeof good_c - 1);
    char *secret = xasprintf("%s/secret.c", dir);
    assert_int_equal(chmod(secret, 0), 0);
    free(secret);
    const char *prefix = NULL;
    if (geteuid() == 0) {
        prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
        if (run_in(dir, prefix, "--version >/dev/null", NULL, NULL) != 0) {
            printf("skipped: running as root, and drvtaint cannot be run as nobody with setpriv, so chmod 000 "
                   "cannot make a file unreadable\n");
            remove_dir(dir);
            skip();
        }
    }
    assert_int_equal(run_in(dir, prefix, "scan -q secret.c good.c", &out, &err), 3);
    assert_contains(err, "drvtaint: error: secret.c: cannot read: Permission denied\n");
    assert_contains(out, GOOD_FINDING);
    free(out);
    free(err);
    remove_dir(dir);
}

static void directory_without_sources(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    char *docs = xasprintf("%s/docs", dir);
    assert_int_equal(mkdir(docs, 0755), 0);
    free(docs);
    write_bytes(dir, "docs/readme.txt", "not a source\n", 13);
    write_bytes(dir, "docs/drv.h", "int x;\n", 7); /* headers alone are not units */
    assert_int_equal(run_in(dir, NULL, "scan -q docs good.c", &out, &err), 3);
    assert_contains(err, "drvtaint: error: docs: no C/C++ sources (*.c, *.cpp, *.cc, *.cxx) found\n");
    assert_contains(out, GOOD_FINDING);
    free(out);
    free(err);
    remove_dir(dir);
}

static void binary_file_named_c(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    unsigned char elf[4096];
    for (size_t i = 0; i < sizeof elf; i++)
        elf[i] = (unsigned char)(i * 131u + 7u);
    memcpy(elf, "\x7f" "ELF\x02\x01\x01\x00", 8);
    write_bytes(dir, "driver.c", elf, sizeof elf);
    assert_int_equal(run_in(dir, NULL, "scan -q --format json driver.c good.c", &out, &err), 3);
    assert_contains(err, "drvtaint: error: driver.c: not analysed: not C/C++ source: a binary file (a NUL byte at "
                         "offset 7)\n");
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    bool skipped = false, finding = false;
    cJSON *u, *f;
    cJSON_ArrayForEach(u, cJSON_GetObjectItem(root, "units"))
    {
        if (strcmp(cJSON_GetObjectItem(u, "path")->valuestring, "driver.c") == 0) {
            assert_true(cJSON_IsFalse(cJSON_GetObjectItem(u, "analysed")));
            assert_string_equal(cJSON_GetObjectItem(u, "reason")->valuestring,
                                "not C/C++ source: a binary file (a NUL byte at offset 7)");
            skipped = true;
        }
    }
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(root, "findings"))
        finding |= strcmp(cJSON_GetObjectItem(f, "file")->valuestring, "good.c") == 0;
    assert_true(skipped && finding);
    cJSON_Delete(root);
    free(out);
    free(err);
    remove_dir(dir);
}

/* good_c behind a comment line (with non-ASCII text), as UTF-16: each char a 16-bit unit. */
static size_t utf16(unsigned char *buf, bool bom, bool big_endian)
{
    static const char comment[] = "/* \xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 */\n"; /* Cyrillic */
    size_t n = 0;
    if (bom) {
        buf[n++] = big_endian ? 0xFE : 0xFF;
        buf[n++] = big_endian ? 0xFF : 0xFE;
    }
    char *text = xasprintf("%s%s", comment, good_c);
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        unsigned cp = *p++;
        if (cp >= 0xC0) { /* the two-byte sequences of the comment */
            cp = ((cp & 0x1F) << 6) | (*p++ & 0x3F);
        }
        buf[n++] = (unsigned char)(big_endian ? cp >> 8 : cp & 0xFF);
        buf[n++] = (unsigned char)(big_endian ? cp & 0xFF : cp >> 8);
    }
    free(text);
    return n;
}

static void utf16_sources(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    unsigned char *buf = xmalloc(2 * sizeof good_c + 256);
    write_bytes(dir, "le.c", buf, utf16(buf, true, false));
    write_bytes(dir, "be.c", buf, utf16(buf, true, true));
    /* converted, so analysed: the finding is one line down, at the same column */
    assert_int_equal(run_in(dir, NULL, "scan -q le.c be.c good.c", &out, &err), 1);
    assert_contains(out, "le.c:7:44: error: msr-index 'index' of __readmsr");
    assert_contains(out, "be.c:7:44: error: msr-index 'index' of __readmsr");
    assert_contains(out, GOOD_FINDING);
    assert_string_equal(err, "");
    free(out);
    free(err);
    /* without a byte-order mark it cannot be told from a binary file, and says so */
    write_bytes(dir, "nobom.c", buf, utf16(buf, false, false));
    assert_int_equal(run_in(dir, NULL, "scan -q nobom.c good.c", &out, &err), 3);
    assert_contains(err, "drvtaint: error: nobom.c: not analysed: UTF-16 without a byte-order mark (a NUL byte at "
                         "offset 1); save it as UTF-8, or as UTF-16 with a byte-order mark\n");
    assert_contains(out, GOOD_FINDING);
    free(out);
    free(err);
    free(buf);
    remove_dir(dir);
}

static void windows_1251_source(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    /* "Привет" in Windows-1251: in a comment, in a string literal, and in a sink argument */
    char *text = xasprintf("/* \xcf\xf0\xe8\xe2\xe5\xf2 */\n"
                           "static const char *Greeting = \"\xcf\xf0\xe8\xe2\xe5\xf2\";\n"
                           "%s"
                           "void Log(void) { __writemsr(0x10, (ULONG64)\"\xcf\xf0\xe8\"); }\n",
                           good_c);
    write_bytes(dir, "cp1251.c", text, strlen(text));
    free(text);
    /* no limit and one job: the run without worker threads */
    assert_int_equal(run_in(dir, NULL, "scan -q --tu-timeout 0 -j1 cp1251.c good.c", &out, &err), 1);
    assert_contains(out, "cp1251.c:8:44: error: msr-index 'index' of __readmsr");
    assert_contains(out, GOOD_FINDING);
    free(out);
    free(err);
    /* the reports stay UTF-8: the bytes are written as the escapes that mean them */
    assert_int_equal(run_in(dir, NULL, "inventory -q --format json cp1251.c", &out, &err), 0);
    assert_contains(out, "(ULONG64)\\\"\\\\xcf\\\\xf0\\\\xe8\\\"");
    for (const unsigned char *p = (const unsigned char *)out; *p; p++)
        assert_true(*p < 0x80);
    free(out);
    free(err);
    remove_dir(dir);
}

static void utf8_byte_order_mark(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    char *text = xasprintf("\xef\xbb\xbf%s", good_c);
    write_bytes(dir, "bom.c", text, strlen(text));
    free(text);
    assert_int_equal(run_in(dir, NULL, "scan -q bom.c good.c", &out, &err), 1);
    assert_contains(out, "bom.c:6:44: error: msr-index 'index' of __readmsr"); /* the mark takes no column */
    assert_contains(out, GOOD_FINDING);
    assert_string_equal(err, "");
    free(out);
    free(err);
    remove_dir(dir);
}

/* 50 MB: generated register documentation in a comment, then the driver. */
static void fifty_megabyte_file(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    char *path = xasprintf("%s/big.c", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    static const char line[] = "REG_CTRL 0x0000: generated register documentation kept by a vendor tool...\n";
    size_t lines = 50u * 1024 * 1024 / (sizeof line - 1);
    fputs("/*\n", f);
    for (size_t i = 0; i < lines; i++)
        fputs(line, f);
    fputs("*/\n", f);
    fputs(good_c, f);
    fclose(f);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(st.st_size >= 50 * 1024 * 1024);
    assert_int_equal(run_in(dir, NULL, "scan -q big.c good.c", &out, &err), 1);
    char *want = xasprintf("big.c:%zu:44: error: msr-index 'index' of __readmsr", lines + 2 + 6);
    assert_contains(out, want);
    assert_contains(out, GOOD_FINDING);
    free(want);
    free(out);
    free(err);
    free(path);
    remove_dir(dir);
}

/* Exponential macro expansion: 2^30 tokens, which libclang would take hours over. */
static void write_hang(const char *dir)
{
    strbuf sb = {0};
    sb_append(&sb, "#define A0(x) x x\n");
    for (int i = 1; i <= 30; i++)
        sb_printf(&sb, "#define A%d(x) A%d(A%d(x))\n", i, i - 1, i - 1);
    sb_append(&sb, "int Table[] = { A30(1) };\n");
    write_bytes(dir, "a_hang.c", sb.buf, sb.len);
    sb_free(&sb);
}

static void hanging_parser_times_out(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    write_hang(dir);
    /* -j1: a_hang.c comes first, so good.c is only analysed if a new worker takes over */
    assert_int_equal(run_in(dir, NULL, "scan -q -j1 --tu-timeout 2 --format json a_hang.c good.c", &out, &err), 3);
    assert_string_equal(err, "drvtaint: error: a_hang.c: not analysed: parsing took longer than 2 s (--tu-timeout)\n");
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON *units = cJSON_GetObjectItem(root, "units");
    assert_int_equal(cJSON_GetArraySize(units), 2);
    cJSON *hang = cJSON_GetArrayItem(units, 0), *good = cJSON_GetArrayItem(units, 1);
    assert_string_equal(cJSON_GetObjectItem(hang, "path")->valuestring, "a_hang.c");
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(hang, "analysed")));
    assert_string_equal(cJSON_GetObjectItem(hang, "reason")->valuestring, "parsing took longer than 2 s (--tu-timeout)");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(good, "analysed")));
    cJSON *finding = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "findings"), 0);
    assert_non_null(finding);
    assert_string_equal(cJSON_GetObjectItem(finding, "file")->valuestring, "good.c");
    assert_string_equal(cJSON_GetObjectItem(finding, "rule")->valuestring, "msr-read");
    cJSON_Delete(root);
    free(out);
    free(err);

    /* SARIF: a notification at error level, and good.c's result */
    assert_int_equal(run_in(dir, NULL, "scan -q -j2 --tu-timeout 2 --format sarif a_hang.c good.c", &out, &err), 3);
    root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0);
    cJSON *inv = cJSON_GetArrayItem(cJSON_GetObjectItem(run, "invocations"), 0);
    cJSON *note = cJSON_GetArrayItem(cJSON_GetObjectItem(inv, "toolExecutionNotifications"), 0);
    assert_non_null(note);
    assert_string_equal(cJSON_GetObjectItem(note, "level")->valuestring, "error");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(note, "message"), "text")->valuestring,
                        "a_hang.c was not analysed: parsing took longer than 2 s (--tu-timeout)");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(run, "results")), 1);
    cJSON_Delete(root);
    free(out);
    free(err);
    remove_dir(dir);
}

/* A unit whose process dies or outgrows its budget is not analysed; the run still reports
 * good.c. The hooks (DRVTAINT_TEST_HOOK, honoured by test builds only) abort or allocate
 * without bound during the analysis of the named file. */
static void check_isolated(const char *hook, const char *file, const char *opts, const char *reason)
{
    char *dir = new_dir(), *out, *err;
    write_bytes(dir, file, good_c, strlen(good_c));
    char *prefix = xasprintf("DRVTAINT_TEST_HOOK=%s:%s ", hook, file);
    char *args = xasprintf("scan -q -j1 %s --format json %s good.c", opts, file);
    assert_int_equal(run_in(dir, prefix, args, &out, &err), 3);
    char *line = xasprintf("drvtaint: error: %s: not analysed: %s\n", file, reason);
    assert_contains(err, line);
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON *units = cJSON_GetObjectItem(root, "units");
    assert_int_equal(cJSON_GetArraySize(units), 2);
    cJSON *bad = cJSON_GetArrayItem(units, 0), *good = cJSON_GetArrayItem(units, 1);
    assert_string_equal(cJSON_GetObjectItem(bad, "path")->valuestring, file);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(bad, "analysed")));
    assert_string_equal(cJSON_GetObjectItem(bad, "reason")->valuestring, reason);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(good, "analysed")));
    cJSON *findings = cJSON_GetObjectItem(root, "findings");
    assert_int_equal(cJSON_GetArraySize(findings), 1); /* good.c's; the same code in file gave none */
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(findings, 0), "file")->valuestring, "good.c");
    cJSON_Delete(root);
    free(out);
    free(err);
    free(args);

    /* SARIF: an error-level notification, and good.c's result */
    args = xasprintf("scan -q -j2 %s --format sarif %s good.c", opts, file);
    assert_int_equal(run_in(dir, prefix, args, &out, &err), 3);
    root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0);
    cJSON *inv = cJSON_GetArrayItem(cJSON_GetObjectItem(run, "invocations"), 0);
    cJSON *note = cJSON_GetArrayItem(cJSON_GetObjectItem(inv, "toolExecutionNotifications"), 0);
    assert_non_null(note);
    assert_string_equal(cJSON_GetObjectItem(note, "level")->valuestring, "error");
    char *text = xasprintf("%s was not analysed: %s", file, reason);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(note, "message"), "text")->valuestring, text);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(run, "results")), 1);
    cJSON_Delete(root);
    free(text);
    free(out);
    free(err);
    free(args);
    free(line);
    free(prefix);
    remove_dir(dir);
}

static void crash_ends_only_its_unit(void **state)
{
    (void)state;
    check_isolated("crash", "a_crash.c", "", "analysis crashed (signal 6, Aborted)");
}

static void unit_over_memory_budget(void **state)
{
    (void)state;
    check_isolated("hog", "a_hog.c", "--tu-memory 600", "analysis used more than 600 MiB (--tu-memory)");
}

/* A unit's crash ends its worker process, not the units after it: a fresh worker takes them. */
static void crash_mid_run_keeps_later_units(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    write_bytes(dir, "a.c", good_c, strlen(good_c));
    write_bytes(dir, "b_crash.c", good_c, strlen(good_c));
    assert_int_equal(
        run_in(dir, "DRVTAINT_TEST_HOOK=crash:b_crash.c ", "scan -q -j1 --format json a.c b_crash.c good.c", &out, &err),
        3);
    assert_string_equal(err, "drvtaint: error: b_crash.c: not analysed: analysis crashed (signal 6, Aborted)\n");
    cJSON *root = cJSON_Parse(out);
    assert_non_null(root);
    cJSON *units = cJSON_GetObjectItem(root, "units");
    assert_int_equal(cJSON_GetArraySize(units), 3);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(units, 0), "analysed")));
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetArrayItem(units, 1), "analysed")));
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(units, 2), "analysed")));
    cJSON *findings = cJSON_GetObjectItem(root, "findings");
    assert_int_equal(cJSON_GetArraySize(findings), 2);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(findings, 0), "file")->valuestring, "a.c");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(findings, 1), "file")->valuestring, "good.c");
    cJSON_Delete(root);
    free(out);
    free(err);
    remove_dir(dir);
}

/* The process ids the pids hook wrote, one line a unit; returns how many distinct ones. */
static size_t distinct_pids(const char *dir, size_t want_lines)
{
    char *path = xasprintf("%s/pids", dir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    long pids[16];
    size_t lines = 0, distinct = 0;
    char name[64];
    long pid;
    while (fscanf(f, "%63s %ld", name, &pid) == 2) {
        lines++;
        bool seen = false;
        for (size_t i = 0; i < distinct; i++)
            seen |= pids[i] == pid;
        if (!seen && distinct < 16)
            pids[distinct++] = pid;
    }
    fclose(f);
    assert_int_equal(lines, want_lines);
    assert_int_equal(unlink(path), 0);
    free(path);
    return distinct;
}

/* Units share worker processes, at most -j of them in a round: a fork per unit cost more than
 * the analysis (docs/performance.md). An inventory runs one round; a scan forks its workers again
 * for each whole-driver round, since they inherit the facts of the round before. */
static void workers_serve_many_units(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    write_bytes(dir, "a.c", good_c, strlen(good_c));
    write_bytes(dir, "b.c", good_c, strlen(good_c));
    write_bytes(dir, "c.c", good_c, strlen(good_c));
    char *hook = xasprintf("DRVTAINT_TEST_HOOK=pids:%s/pids ", dir);
    assert_int_equal(run_in(dir, hook, "inventory -q -j1 a.c b.c c.c good.c", &out, &err), 0);
    assert_contains(out, "c.c:6:44");
    assert_contains(out, "good.c:6:44");
    assert_int_equal(distinct_pids(dir, 4), 1);
    free(out);
    free(err);
    assert_int_equal(run_in(dir, hook, "inventory -q -j2 a.c b.c c.c good.c", &out, &err), 0);
    assert_contains(out, "good.c:6:44");
    size_t n = distinct_pids(dir, 4);
    assert_true(n >= 1 && n <= 2);
    free(out);
    free(err);
    free(hook);
    remove_dir(dir);
}

static void tu_memory_usage(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    assert_int_equal(run_in(dir, NULL, "scan --tu-memory lots good.c", &out, &err), 2);
    assert_contains(err, "--tu-memory takes MiB from 0 (no limit) to 1048576, not 'lots'");
    free(out);
    free(err);
    assert_int_equal(run_in(dir, NULL, "scan --tu-memory", &out, &err), 2);
    assert_contains(err, "--tu-memory needs a number of MiB");
    free(out);
    free(err);
    assert_int_equal(run_in(dir, NULL, "scan -q --tu-memory=0 good.c", &out, &err), 1);
    assert_contains(out, GOOD_FINDING);
    free(out);
    free(err);
    remove_dir(dir);
}

static void tu_timeout_usage(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    assert_int_equal(run_in(dir, NULL, "scan --tu-timeout soon good.c", &out, &err), 2);
    assert_contains(err, "--tu-timeout takes seconds from 0 (no limit) to 86400, not 'soon'");
    free(out);
    free(err);
    assert_int_equal(run_in(dir, NULL, "scan --tu-timeout=-1 good.c", &out, &err), 2);
    free(out);
    free(err);
    assert_int_equal(run_in(dir, NULL, "scan --tu-timeout", &out, &err), 2);
    assert_contains(err, "--tu-timeout needs a number of seconds");
    free(out);
    free(err);
    assert_int_equal(run_in(dir, NULL, "scan -q --tu-timeout=60 good.c", &out, &err), 1);
    assert_contains(out, GOOD_FINDING);
    free(out);
    free(err);
    remove_dir(dir);
}

/* Relative "directory" (read against the database's folder, not the working directory),
 * relative "file", a missing "directory", "arguments" and "command" entries. Each unit's
 * finding exists only when its own -D reached the parser. */
static void compile_database_relative_paths(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    char *sub = xasprintf("%s/src", dir), *build = xasprintf("%s/build", dir);
    assert_int_equal(mkdir(sub, 0755), 0);
    assert_int_equal(mkdir(build, 0755), 0);
    const char *names[] = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
        char *text = xasprintf("#ifdef NEED_%c\n%s#endif\n", 'A' + i, good_c);
        char *name = xasprintf("src/%s.c", names[i]);
        write_bytes(dir, name, text, strlen(text));
        free(name);
        free(text);
    }
    static const char db[] =
        "[\n"
        " {\"directory\": \"../src\", \"file\": \"a.c\", \"arguments\": [\"cl.exe\", \"/DNEED_A\", \"/c\", \"a.c\"]},\n"
        " {\"directory\": \"../src\", \"file\": \"b.c\", \"command\": \"clang -DNEED_B -c b.c\"},\n"
        " {\"file\": \"../src/c.c\", \"command\": \"cc -D NEED_C -c ../src/c.c\"},\n"
        " {\"directory\": \"../src\", \"file\": \"gone.c\", \"command\": \"cc -c gone.c\"}\n"
        "]\n";
    write_bytes(dir, "build/compile_commands.json", db, sizeof db - 1);
    /* from dir, where ../src does not exist */
    assert_int_equal(run_in(dir, NULL, "scan -q -p build", &out, &err), 3);
    char *gone = xasprintf("drvtaint: error: %s/src/gone.c: No such file or directory (compile database entry 3)\n", dir);
    assert_contains(err, gone);
    free(gone);
    assert_contains(out, "src/a.c:7:44: error: msr-index 'index' of __readmsr");
    assert_contains(out, "src/b.c:7:44: error: msr-index 'index' of __readmsr");
    assert_contains(out, "src/c.c:7:44: error: msr-index 'index' of __readmsr");
    free(out);
    free(err);
    free(sub);
    free(build);
    remove_dir(dir);
}

/* Rules problems stop the run before any unit (exit 2): nothing on standard output. */
static void bad_rules_files(void **state)
{
    (void)state;
    char *dir = new_dir(), *out, *err;
    write_bytes(dir, "empty.json", "", 0);
    char *msr_path = ts_source_path("rules/msr.json");
    char *msr = read_file(msr_path, NULL);
    assert_non_null(msr);
    write_bytes(dir, "truncated.json", msr, 200);
    write_bytes(dir, "again.json", msr, strlen(msr)); /* every id already bundled */
    struct {
        const char *args, *message;
    } cases[] = {
        {"scan -q --rules empty.json good.c",
         "drvtaint: error: empty.json: empty file (expected a JSON object with \"version\": 1)\n"},
        {"scan -q --rules truncated.json good.c", "drvtaint: error: truncated.json:6:"},
        {"scan -q --rules again.json good.c", "drvtaint: error: again.json: $.rules[0].id: duplicate rule id "
                                              "'msr-read' (first defined in "},
        {"scan -q --no-default-rules --rules again.json --rules again.json good.c",
         "drvtaint: error: again.json: $.rules[0].id: duplicate rule id 'msr-read' (first defined in again.json)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(run_in(dir, NULL, cases[i].args, &out, &err), 2);
        assert_contains(err, cases[i].message);
        assert_string_equal(out, "");
        free(out);
        free(err);
    }
    free(msr);
    free(msr_path);
    remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missing_file),
        cmocka_unit_test(unreadable_file),
        cmocka_unit_test(directory_without_sources),
        cmocka_unit_test(binary_file_named_c),
        cmocka_unit_test(utf16_sources),
        cmocka_unit_test(windows_1251_source),
        cmocka_unit_test(utf8_byte_order_mark),
        cmocka_unit_test(fifty_megabyte_file),
        cmocka_unit_test(hanging_parser_times_out),
        cmocka_unit_test(tu_timeout_usage),
        cmocka_unit_test(crash_ends_only_its_unit),
        cmocka_unit_test(unit_over_memory_budget),
        cmocka_unit_test(crash_mid_run_keeps_later_units),
        cmocka_unit_test(workers_serve_many_units),
        cmocka_unit_test(tu_memory_usage),
        cmocka_unit_test(compile_database_relative_paths),
        cmocka_unit_test(bad_rules_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
