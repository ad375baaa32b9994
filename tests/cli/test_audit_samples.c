/* test_audit_samples.c - `drvtaint audit` on the sample drivers, checked against the sources:
 * every IOCTL the samples define with CTL_CODE and handle (a `case NAME:` or `== NAME`) is listed
 * with its method, access, function and device type read from the #define, and no other; every
 * sink call is attributed to exactly the IOCTL codes written on its line (`/ * ioctl: A, B * /`
 * next to the `// expect:` comment, `none` when no code leads there), in the audit and in the
 * inventory; the device table says what the device-creating calls in the sources say; the
 * JSON report matches docs/drvtaint-audit.schema.json, the HTML validates (html-validate),
 * and every format is the same byte for byte whatever -j. */
#include "test_support.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <unistd.h>

#include "drvtaint/util.h"
#include "expectations.h"

static const char *const driver_dirs[] = {"samples/wdm", "samples/kmdf", "samples/split", "samples/cpp",
                                          "samples/exposed", "samples/asm"};
enum { NDIRS = sizeof driver_dirs / sizeof driver_dirs[0] };

#define AUDIT_ARGS "samples/wdm samples/kmdf samples/split samples/cpp samples/exposed samples/asm"

static char *run_drvtaint(const char *args, int want_rc)
{
    char *cmd = xasprintf("cd %s && %s %s", DRVTAINT_SOURCE_DIR, DRVTAINT_BINARY, args);
    char *out = NULL, *err = NULL;
    int rc = ts_run(cmd, &out, &err);
    if (rc != want_rc)
        fprintf(stderr, "%s exited %d: %s\n", cmd, rc, err ? err : "");
    assert_int_equal(rc, want_rc);
    free(err);
    free(cmd);
    return out;
}

static cJSON *audit_json(void)
{
    char *out = run_drvtaint("audit --format json -q " AUDIT_ARGS, 1);
    cJSON *root = cJSON_Parse(out);
    free(out);
    assert_non_null(root);
    return root;
}

static char *source_text(const char *rel)
{
    char *path = ts_source_path(rel);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    strbuf sb = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_appendn(&sb, buf, n);
    fclose(f);
    free(path);
    return sb_take(&sb);
}

/* ---- the IOCTL definitions, read from the sources ---- */

typedef struct ctl_def {
    char name[96], devtype[96], method[32], access[96];
    unsigned function;
    bool handled;
} ctl_def;

typedef struct num_def {
    char name[96];
    unsigned long value;
} num_def;

typedef VEC(ctl_def) ctl_vec;
typedef VEC(num_def) num_vec;

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = 0;
    return s;
}

static void list_files(const char *dir, char ***files, size_t *n)
{
    char *path = ts_source_path(dir);
    DIR *d = opendir(path);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d))) {
        const char *dot = strrchr(de->d_name, '.');
        if (!dot || (strcmp(dot, ".c") && strcmp(dot, ".h") && strcmp(dot, ".cpp")))
            continue;
        *files = xrealloc(*files, (*n + 1) * sizeof **files);
        (*files)[(*n)++] = xasprintf("%s/%s", dir, de->d_name);
    }
    closedir(d);
    free(path);
}

/* #define NAME CTL_CODE(type, function, method, access) and #define NAME 0x... */
static void read_defs(const char *text, ctl_vec *ctl, num_vec *nums)
{
    for (const char *p = text; (p = strstr(p, "#define ")); p++) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)len, p + 8);
        char name[96], rest[400];
        if (sscanf(line, "%95s %399[^\n]", name, rest) != 2)
            continue;
        char *body = trim(rest);
        if (strncmp(body, "CTL_CODE(", 9) == 0) {
            char *args = body + 9;
            char *close = strrchr(args, ')');
            assert_non_null(close);
            *close = 0;
            char *parts[4];
            for (int i = 0; i < 4; i++) {
                parts[i] = trim(args);
                char *comma = strchr(args, ',');
                if (i < 3) {
                    assert_non_null(comma);
                    *comma = 0;
                    args = comma + 1;
                }
            }
            ctl_def c = {0};
            snprintf(c.name, sizeof c.name, "%s", name);
            snprintf(c.devtype, sizeof c.devtype, "%s", trim(parts[0]));
            c.function = (unsigned)strtoul(trim(parts[1]), NULL, 0);
            snprintf(c.method, sizeof c.method, "%s", trim(parts[2]));
            snprintf(c.access, sizeof c.access, "%s", trim(parts[3]));
            VEC_PUSH(ctl, c);
        } else if (isdigit((unsigned char)body[0])) {
            num_def d = {0};
            snprintf(d.name, sizeof d.name, "%s", name);
            d.value = strtoul(body, NULL, 0);
            VEC_PUSH(nums, d);
        }
    }
}

/* `case NAME:` that does more than name the code for a trace (return "..."; or x = "...";) */
static bool handled_case(const char *text, const char *label)
{
    for (const char *p = text; (p = strstr(p, label)); p++) {
        const char *q = p + strlen(label);
        while (*q == ' ')
            q++;
        if (strncmp(q, "return \"", 8) == 0)
            continue;
        const char *eq = strstr(q, "= \"");
        const char *semi = strchr(q, ';');
        if (eq && semi && eq < semi && !memchr(q, '(', (size_t)(eq - q)))
            continue;
        return true;
    }
    return false;
}

static bool handled_in(const char *text, const char *name)
{
    char *a = xasprintf("case %s:", name), *b = xasprintf("== %s)", name), *c = xasprintf("== %s ", name);
    bool h = handled_case(text, a) || strstr(text, b) || strstr(text, c);
    free(a);
    free(b);
    free(c);
    return h;
}

static unsigned long devtype_value(const char *s, const num_def *nums, size_t n)
{
    if (strcmp(s, "FILE_DEVICE_UNKNOWN") == 0)
        return 0x22;
    for (size_t i = 0; i < n; i++)
        if (strcmp(nums[i].name, s) == 0)
            return nums[i].value;
    return strtoul(s, NULL, 0);
}

static void every_handled_ioctl_is_listed_with_its_ctl_code(void **state)
{
    (void)state;
    cJSON *root = audit_json();
    size_t listed_total = 0, defs_handled = 0;
    for (size_t d = 0; d < NDIRS; d++) {
        char **files = NULL;
        size_t nfiles = 0;
        list_files(driver_dirs[d], &files, &nfiles);
        ctl_vec ctl = {0};
        num_vec nums = {0};
        strbuf all = {0};
        for (size_t i = 0; i < nfiles; i++) {
            char *text = source_text(files[i]);
            read_defs(text, &ctl, &nums);
            sb_append(&all, text);
            free(text);
        }
        for (size_t i = 0; i < ctl.len; i++)
            ctl.items[i].handled = handled_in(all.buf, ctl.items[i].name);

        /* the driver of this directory in the report */
        cJSON *drv = NULL, *it;
        cJSON_ArrayForEach(it, cJSON_GetObjectItem(root, "drivers"))
        if (strcmp(cJSON_GetObjectItem(it, "name")->valuestring, driver_dirs[d]) == 0)
            drv = it;
        assert_non_null(drv);
        cJSON *rows = cJSON_GetObjectItem(drv, "ioctls");
        for (size_t i = 0; i < ctl.len; i++) {
            const ctl_def *c = &ctl.items[i];
            size_t found = 0;
            cJSON *row;
            cJSON_ArrayForEach(row, rows)
            {
                cJSON *name = cJSON_GetObjectItem(row, "name");
                if (!cJSON_IsString(name) || strcmp(name->valuestring, c->name) != 0)
                    continue;
                found++;
                const char *method = cJSON_GetObjectItem(row, "method")->valuestring;
                const char *access = cJSON_GetObjectItem(row, "access")->valuestring;
                if (strcmp(method, c->method) || strcmp(access, c->access) ||
                    (unsigned)cJSON_GetObjectItem(row, "function")->valuedouble != c->function ||
                    (unsigned long)cJSON_GetObjectItem(row, "device_type")->valuedouble !=
                        devtype_value(c->devtype, nums.items, nums.len))
                    fail_msg("%s: listed as %s %s function 0x%x type 0x%lx; defined as %s %s 0x%x %s", c->name,
                             method, access, (unsigned)cJSON_GetObjectItem(row, "function")->valuedouble,
                             (unsigned long)cJSON_GetObjectItem(row, "device_type")->valuedouble, c->method,
                             c->access, c->function, c->devtype);
            }
            if (c->handled && !found)
                fail_msg("%s (%s) is handled but not listed", c->name, driver_dirs[d]);
            if (!c->handled && found)
                fail_msg("%s (%s) is listed but no code handles it", c->name, driver_dirs[d]);
            defs_handled += c->handled;
        }
        /* no row the sources do not define */
        cJSON *row;
        cJSON_ArrayForEach(row, rows)
        {
            cJSON *name = cJSON_GetObjectItem(row, "name");
            bool known = false;
            for (size_t i = 0; i < ctl.len && cJSON_IsString(name); i++)
                known |= strcmp(ctl.items[i].name, name->valuestring) == 0;
            if (!known)
                fail_msg("%s lists an IOCTL no #define names: %s", driver_dirs[d],
                         cJSON_IsString(name) ? name->valuestring : "(unnamed)");
            listed_total++;
        }
        for (size_t i = 0; i < nfiles; i++)
            free(files[i]);
        free(files);
        free(ctl.items);
        free(nums.items);
        sb_free(&all);
    }
    assert_true(defs_handled >= 30); /* the samples' IOCTLs are many; an empty report must not pass */
    assert_true(listed_total >= defs_handled);
    cJSON_Delete(root);
}

/* ---- sink calls and their IOCTLs, from the line annotations ---- */

typedef VEC(char *) name_vec;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* the names in "/ * ioctl: A, B * /" on line `line` of file; false when the line has none */
static bool line_ioctls(const char *file, unsigned line, name_vec *out)
{
    char *text = source_text(file);
    const char *p = text;
    for (unsigned l = 1; l < line && p; l++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    assert_non_null(p);
    const char *eol = strchr(p, '\n');
    char *l = xasprintf("%.*s", (int)(eol ? eol - p : (long)strlen(p)), p);
    free(text);
    char *m = strstr(l, "/* ioctl:");
    if (!m) {
        free(l);
        return false;
    }
    char *end = strstr(m, "*/");
    assert_non_null(end);
    *end = 0;
    char *list = trim(m + strlen("/* ioctl:"));
    if (strcmp(list, "none") != 0)
        for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ","))
            VEC_PUSH(out, xstrdup(trim(tok)));
    if (out->len > 1)
        qsort(out->items, out->len, sizeof *out->items, cmp_str);
    free(l);
    return true;
}

static void names_free(name_vec *v)
{
    for (size_t i = 0; i < v->len; i++)
        free(v->items[i]);
    free(v->items);
    memset(v, 0, sizeof *v);
}

static bool same_names(const name_vec *a, const name_vec *b)
{
    if (a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++)
        if (strcmp(a->items[i], b->items[i]))
            return false;
    return true;
}

static void join(const name_vec *v, char *buf, size_t n)
{
    buf[0] = 0;
    for (size_t i = 0; i < v->len; i++)
        snprintf(buf + strlen(buf), n - strlen(buf), "%s%s", i ? ", " : "", v->items[i]);
    if (!v->len)
        snprintf(buf, n, "none");
}

static bool in_driver_dirs(const char *file)
{
    for (size_t d = 0; d < NDIRS; d++)
        if (strncmp(file, driver_dirs[d], strlen(driver_dirs[d])) == 0 && file[strlen(driver_dirs[d])] == '/')
            return true;
    return false;
}

static void every_sink_call_is_attributed_to_its_ioctls(void **state)
{
    (void)state;
    expectation_set exp;
    expectations_load(&exp, DRVTAINT_SOURCE_DIR, "samples");
    assert_null(exp.error);
    cJSON *root = audit_json();
    char *inv_out = run_drvtaint("inventory --format json -q " AUDIT_ARGS, 0);
    cJSON *inv = cJSON_Parse(inv_out);
    free(inv_out);
    assert_non_null(inv);
    size_t checked = 0, mismatches = 0;
    for (size_t i = 0; i < exp.len; i++) {
        const expectation *e = &exp.items[i];
        if (!in_driver_dirs(e->file))
            continue;
        name_vec want = {0};
        if (!line_ioctls(e->file, e->line, &want))
            fail_msg("%s:%u: a sink line of a sample driver without /* ioctl: ... */", e->file, e->line);
        /* the audit: the rows whose operations include the op on this line */
        name_vec got = {0};
        bool op_found = false;
        cJSON *drv;
        cJSON_ArrayForEach(drv, cJSON_GetObjectItem(root, "drivers"))
        {
            int idx = 0;
            cJSON *op;
            cJSON_ArrayForEach(op, cJSON_GetObjectItem(drv, "operations"))
            {
                if (strcmp(cJSON_GetObjectItem(op, "file")->valuestring, e->file) == 0 &&
                    (unsigned)cJSON_GetObjectItem(op, "line")->valuedouble == e->line) {
                    op_found = true;
                    cJSON *row;
                    cJSON_ArrayForEach(row, cJSON_GetObjectItem(drv, "ioctls"))
                    {
                        cJSON *o;
                        cJSON_ArrayForEach(o, cJSON_GetObjectItem(row, "operations"))
                        if ((int)o->valuedouble == idx)
                            VEC_PUSH(&got, xstrdup(cJSON_GetObjectItem(row, "name")->valuestring));
                    }
                }
                idx++;
            }
        }
        if (!op_found)
            fail_msg("%s:%u: the sink call is in no driver's operations", e->file, e->line);
        if (got.len > 1)
            qsort(got.items, got.len, sizeof *got.items, cmp_str);
        char wbuf[512], gbuf[512];
        if (!same_names(&want, &got)) {
            join(&want, wbuf, sizeof wbuf);
            join(&got, gbuf, sizeof gbuf);
            fprintf(stderr, "%s:%u: audit attributes it to %s; the source says %s\n", e->file, e->line, gbuf, wbuf);
            mismatches++;
        }
        names_free(&got);
        /* the inventory's IOCTL column */
        cJSON *call;
        cJSON_ArrayForEach(call, cJSON_GetObjectItem(inv, "calls"))
        {
            if (strcmp(cJSON_GetObjectItem(call, "file")->valuestring, e->file) != 0 ||
                (unsigned)cJSON_GetObjectItem(call, "line")->valuedouble != e->line)
                continue;
            cJSON *io;
            cJSON_ArrayForEach(io, cJSON_GetObjectItem(call, "ioctls"))
            VEC_PUSH(&got, xstrdup(cJSON_GetObjectItem(io, "name")->valuestring));
            assert_true(cJSON_GetArraySize(cJSON_GetObjectItem(call, "entry_points")) > 0 ||
                        want.len == 0); /* a call an IOCTL reaches has an entry point */
        }
        if (got.len > 1)
            qsort(got.items, got.len, sizeof *got.items, cmp_str);
        if (!same_names(&want, &got)) {
            join(&want, wbuf, sizeof wbuf);
            join(&got, gbuf, sizeof gbuf);
            fprintf(stderr, "%s:%u: inventory lists %s; the source says %s\n", e->file, e->line, gbuf, wbuf);
            mismatches++;
        }
        names_free(&got);
        names_free(&want);
        checked++;
    }
    assert_int_equal(mismatches, 0);
    assert_true(checked >= 90);
    cJSON_Delete(inv);
    cJSON_Delete(root);
    expectations_free(&exp);
}

/* ---- devices ---- */

static cJSON *driver_named(cJSON *root, const char *name)
{
    cJSON *d;
    cJSON_ArrayForEach(d, cJSON_GetObjectItem(root, "drivers"))
    if (strcmp(cJSON_GetObjectItem(d, "name")->valuestring, name) == 0)
        return d;
    fail_msg("no driver %s", name);
    return NULL;
}

/* the line of the first occurrence of needle in file */
static unsigned line_of(const char *file, const char *needle)
{
    char *text = source_text(file);
    char *hit = strstr(text, needle);
    assert_non_null(hit);
    unsigned line = 1;
    for (char *p = text; p < hit; p++)
        line += *p == '\n';
    free(text);
    return line;
}

static cJSON *device_at(cJSON *drv, const char *file, unsigned line)
{
    cJSON *d;
    cJSON_ArrayForEach(d, cJSON_GetObjectItem(drv, "devices"))
    if (strcmp(cJSON_GetObjectItem(d, "file")->valuestring, file) == 0 &&
        (unsigned)cJSON_GetObjectItem(d, "line")->valuedouble == line)
        return d;
    fail_msg("no device at %s:%u", file, line);
    return NULL;
}

static bool has_flag(cJSON *obj, const char *words)
{
    cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(obj, "flags"))
    if (strstr(f->valuestring, words))
        return true;
    return false;
}

static const char *str_of(cJSON *o, const char *key)
{
    cJSON *v = cJSON_GetObjectItem(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void devices_and_their_exposure(void **state)
{
    (void)state;
    cJSON *root = audit_json();
    /* every device-creating call of the sources is a row, and nothing else */
    size_t calls = 0, rows = 0;
    for (size_t d = 0; d < NDIRS; d++) {
        char **files = NULL;
        size_t nfiles = 0;
        list_files(driver_dirs[d], &files, &nfiles);
        cJSON *drv = driver_named(root, driver_dirs[d]);
        rows += (size_t)cJSON_GetArraySize(cJSON_GetObjectItem(drv, "devices"));
        for (size_t i = 0; i < nfiles; i++) {
            char *text = source_text(files[i]);
            static const char *const creators[] = {"IoCreateDevice(", "IoCreateDeviceSecure(", "WdfDeviceCreate("};
            for (size_t c = 0; c < 3; c++)
                for (char *p = text; (p = strstr(p, creators[c])); p++) {
                    unsigned line = 1;
                    for (char *q = text; q < p; q++)
                        line += *q == '\n';
                    cJSON *dev = device_at(drv, files[i], line);
                    assert_string_equal(str_of(dev, "created_by"), c == 0 ? "IoCreateDevice"
                                                                   : c == 1 ? "IoCreateDeviceSecure"
                                                                            : "WdfDeviceCreate");
                    calls++;
                }
            free(text);
            free(files[i]);
        }
        free(files);
    }
    assert_int_equal(calls, rows);
    assert_true(calls >= 7);

    /* what the exposed sample's comments say of each device */
    cJSON *ex = driver_named(root, "samples/exposed");
    const char *f = "samples/exposed/exposed.c";
    cJSON *open = device_at(ex, f, line_of(f, "IoCreateDevice(DriverObject, 0, &name"));
    assert_string_equal(str_of(open, "name"), "\\Device\\Exposed");
    assert_null(str_of(open, "sddl"));
    assert_false(cJSON_IsTrue(cJSON_GetObjectItem(open, "secure_open")));
    assert_true(has_flag(open, "named device without an SDDL and without FILE_DEVICE_SECURE_OPEN"));
    cJSON *world = device_at(ex, f, line_of(f, "IoCreateDeviceSecure("));
    assert_string_equal(str_of(world, "name"), "\\Device\\ExposedSecure");
    assert_non_null(strstr(str_of(world, "sddl"), "(A;;GRGWGX;;;WD)"));
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(world, "secure_open")));
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(world, "exclusive")));
    assert_true(has_flag(world, "any user may open"));
    assert_false(has_flag(world, "without an SDDL"));

    cJSON *km = driver_named(root, "samples/kmdf");
    const char *kf = "samples/kmdf/kmdfctl.c";
    cJSON *ctl = device_at(km, kf, line_of(kf, "WdfDeviceCreate("));
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(ctl, "control_device")));
    assert_string_equal(str_of(ctl, "name"), "\\Device\\KmdfHwControl");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(ctl, "exclusive")));
    assert_true(has_flag(ctl, "control device any user may open"));
    cJSON *pnp = device_at(km, "samples/kmdf/kmdfhw.c", line_of("samples/kmdf/kmdfhw.c", "WdfDeviceCreate("));
    assert_false(cJSON_IsTrue(cJSON_GetObjectItem(pnp, "control_device")));
    assert_null(str_of(pnp, "name"));
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(pnp, "flags")), 0);

    cJSON *wdm = driver_named(root, "samples/wdm");
    const char *hf = "samples/wdm/hwdrv.c";
    cJSON *hw = device_at(wdm, hf, line_of(hf, "IoCreateDevice("));
    assert_string_equal(str_of(hw, "name"), "\\Device\\SampleHw");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(hw, "secure_open")));
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(hw, "flags")), 0);

    /* links and interfaces */
    size_t seen = 0;
    cJSON *l;
    cJSON_ArrayForEach(l, cJSON_GetObjectItem(wdm, "links"))
    seen += strcmp(str_of(l, "name"), "\\DosDevices\\SampleHw") == 0;
    cJSON_ArrayForEach(l, cJSON_GetObjectItem(ex, "links"))
    seen += strcmp(str_of(l, "name"), "\\DosDevices\\Exposed") == 0;
    cJSON_ArrayForEach(l, cJSON_GetObjectItem(km, "links"))
    seen += strcmp(str_of(l, "name"), "\\DosDevices\\KmdfHw") == 0 ||
            (strcmp(str_of(l, "kind"), "device interface") == 0 &&
             strcmp(str_of(l, "name"), "GUID_DEVINTERFACE_KH") == 0);
    assert_int_equal(seen, 4);

    /* IOCTL flags: FILE_ANY_ACCESS with privileged operations, METHOD_NEITHER without a probe */
    cJSON *row;
    size_t flagged = 0;
    cJSON_ArrayForEach(row, cJSON_GetObjectItem(ex, "ioctls"))
    {
        const char *name = str_of(row, "name");
        if (strcmp(name, "IOCTL_EX_NEITHER") == 0) {
            assert_true(has_flag(row, "FILE_ANY_ACCESS"));
            assert_true(has_flag(row, "METHOD_NEITHER"));
            flagged++;
        } else if (strcmp(name, "IOCTL_EX_READ_MSR") == 0 || strcmp(name, "IOCTL_EX_WRITE_PORT") == 0 ||
                   strcmp(name, "IOCTL_EX_VERSION") == 0) {
            assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(row, "flags")), 0);
            flagged++;
        }
    }
    assert_int_equal(flagged, 4);
    /* a work item an IOCTL queues is an entry point reached from the dispatch routine */
    cJSON *en;
    bool worker = false;
    cJSON_ArrayForEach(en, cJSON_GetObjectItem(ex, "entry_points"))
    {
        if (strcmp(str_of(en, "function"), "ExWorker") != 0)
            continue;
        worker = true;
        assert_string_equal(str_of(en, "kind"), "deferred (IoQueueWorkItem)");
        assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(en, "reached_from")), 1);
        assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(en, "reached_from"), 0)->valuestring,
                            "ExDeviceControl");
        assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(en, "operations")), 1);
    }
    assert_true(worker);
    /* METHOD_NEITHER with ProbeForRead on the way is not flagged for it */
    cJSON_ArrayForEach(row, cJSON_GetObjectItem(wdm, "ioctls"))
    if (strcmp(str_of(row, "name"), "IOCTL_CD_NEITHER_IN") == 0)
        assert_false(has_flag(row, "METHOD_NEITHER"));
    cJSON_Delete(root);
}

/* ---- formats ---- */

static void reports_are_deterministic(void **state)
{
    (void)state;
    static const char *const formats[] = {"json", "markdown", "html"};
    for (size_t i = 0; i < 3; i++) {
        char *a1 = xasprintf("audit -q -j1 --format %s " AUDIT_ARGS, formats[i]);
        char *a2 = xasprintf("audit -q -j2 --format %s " AUDIT_ARGS, formats[i]);
        char *o1 = run_drvtaint(a1, 1), *o2 = run_drvtaint(a2, 1);
        assert_true(strlen(o1) > 1000);
        assert_string_equal(o1, o2);
        free(o1);
        free(o2);
        free(a1);
        free(a2);
    }
}

static void json_report_matches_its_schema(void **state)
{
    (void)state;
    char *ajv = xasprintf("%s/json-validator/node_modules/.bin/ajv", DRVTAINT_BUILD_DIR);
    if (access(ajv, X_OK) != 0) {
        fprintf(stderr, "SKIPPED: ajv not installed (./setup.sh installs ajv-cli into build/json-validator)\n");
        free(ajv);
        skip();
    }
    char *out = run_drvtaint("audit -q --format json samples /nonexistent.c", 3);
    char *report = ts_write_temp("audit.json", out);
    char *schema = ts_source_path("docs/drvtaint-audit.schema.json");
    char *findings = ts_source_path("docs/drvtaint-findings.schema.json");
    char *check = xasprintf("%s validate -s %s -r %s -d %s", ajv, schema, findings, report);
    char *log = NULL, *err = NULL;
    int rc = ts_run(check, &log, &err);
    if (rc != 0)
        fprintf(stderr, "%s%s\n", log ? log : "", err ? err : "");
    assert_int_equal(rc, 0);
    free(log);
    free(err);
    free(check);
    free(findings);
    free(schema);
    free(report);
    free(out);
    free(ajv);
}

static void html_report_validates(void **state)
{
    (void)state;
    char *hv = xasprintf("%s/html-validator/node_modules/.bin/html-validate", DRVTAINT_BUILD_DIR);
    if (access(hv, X_OK) != 0) {
        fprintf(stderr, "SKIPPED: html-validate not installed (./setup.sh installs it into build/html-validator)\n");
        free(hv);
        skip();
    }
    char *out = run_drvtaint("audit -q --format html samples", 1);
    /* self-contained: nothing fetched from elsewhere */
    assert_null(strstr(out, "http://"));
    assert_null(strstr(out, "https://"));
    assert_null(strstr(out, "<script src"));
    assert_null(strstr(out, "<link"));
    assert_non_null(strstr(out, "<details>"));
    assert_non_null(strstr(out, "class=\"sortable\""));
    char *report = ts_write_temp("audit.html", out);
    char *check = xasprintf("%s %s", hv, report);
    char *log = NULL, *err = NULL;
    int rc = ts_run(check, &log, &err);
    if (rc != 0)
        fprintf(stderr, "%s%s\n", log ? log : "", err ? err : "");
    assert_int_equal(rc, 0);
    free(log);
    free(err);
    free(check);
    free(report);
    free(out);
    free(hv);
}

/* A driver is its project when build files were read: one .vcxproj whose sources are in two
 * folders is one driver (by directory it would be two), and the IOCTL in one folder reaches the
 * port write in the other. Without build files (the samples above) a driver is a directory. */
static void audit_groups_units_by_project(void **state)
{
    (void)state;
    char *out = run_drvtaint("audit --format json -q tests/trees/audit-project", 1);
    cJSON *root = cJSON_Parse(out);
    free(out);
    assert_non_null(root);
    cJSON *drivers = cJSON_GetObjectItem(root, "drivers");
    assert_int_equal(cJSON_GetArraySize(drivers), 1);
    cJSON *d = cJSON_GetArrayItem(drivers, 0);
    assert_string_equal(cJSON_GetObjectItem(d, "name")->valuestring, "tests/trees/audit-project/drv/drv.vcxproj");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(d, "units")), 2);
    cJSON *ioctls = cJSON_GetObjectItem(d, "ioctls");
    assert_int_equal(cJSON_GetArraySize(ioctls), 1);
    cJSON *io = cJSON_GetArrayItem(ioctls, 0);
    assert_string_equal(cJSON_GetObjectItem(io, "name")->valuestring, "IOCTL_PROJ_WRITE");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(io, "operations")), 1);
    cJSON_Delete(root);
}

/* The INF's text as ASCII: UTF-16 LE with a byte-order mark or plain bytes. */
static char *inf_text(const char *rel)
{
    char *raw = source_text(rel);
    char *path = ts_source_path(rel);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    free(path);
    if (n < 2 || (unsigned char)raw[0] != 0xff || (unsigned char)raw[1] != 0xfe)
        return raw;
    strbuf sb = {0};
    for (long i = 2; i + 1 < n; i += 2)
        sb_putc(&sb, raw[i]);
    free(raw);
    return sb_take(&sb);
}

/* 1-based line of the INF that starts with prefix (an AddReg line) */
static unsigned inf_line(const char *text, const char *prefix)
{
    unsigned line = 1;
    for (const char *p = text; *p; line++) {
        if (strncmp(p, prefix, strlen(prefix)) == 0)
            return line;
        const char *eol = strchr(p, '\n');
        if (!eol)
            break;
        p = eol + 1;
    }
    fail_msg("no line starts with %s", prefix);
    return 0;
}

/* the quoted value of the INF line that starts with prefix */
static char *inf_quoted(const char *text, const char *prefix)
{
    const char *p = strstr(text, prefix);
    assert_non_null(p);
    const char *q = strchr(p + strlen(prefix), '"');
    assert_non_null(q);
    const char *e = strchr(q + 1, '"');
    assert_non_null(e);
    return xstrndup(q + 1, (size_t)(e - q - 1));
}

static cJSON *only_device(cJSON *root, const char *driver)
{
    cJSON *drv = driver_named(root, driver);
    assert_non_null(drv);
    cJSON *devs = cJSON_GetObjectItem(drv, "devices");
    assert_int_equal(cJSON_GetArraySize(devs), 1);
    return cJSON_GetArrayItem(devs, 0);
}

static void assert_from_inf(cJSON *dev, const char *key, const char *file, unsigned line)
{
    cJSON *at = cJSON_GetObjectItem(cJSON_GetObjectItem(dev, "from_inf"), key);
    if (!file) {
        assert_true(cJSON_IsNull(at));
        return;
    }
    assert_true(cJSON_IsObject(at));
    assert_string_equal(cJSON_GetObjectItem(at, "file")->valuestring, file);
    assert_int_equal((unsigned)cJSON_GetObjectItem(at, "line")->valuedouble, line);
}

/* What the driver's INF sets where the source sets nothing, with the INF's file and line: read
 * from a UTF-16 INF next to the source and from an ASCII .inx in a subfolder; the source's own
 * SDDL stands over the INF's. The expected values and lines are read from the INF files here. */
static void device_security_from_the_inf(void **state)
{
    (void)state;
    char *out = run_drvtaint("audit --format json -q tests/trees/audit-inf", 0);
    cJSON *root = cJSON_Parse(out);
    free(out);
    assert_non_null(root);

    const char *u16 = "tests/trees/audit-inf/utf16/utf16.inf";
    char *text = inf_text(u16);
    char *sddl = inf_quoted(text, "HKR,,Security,,");
    cJSON *dev = only_device(root, "tests/trees/audit-inf/utf16");
    assert_string_equal(str_of(dev, "name"), "\\Device\\InfUtf16");
    assert_string_equal(str_of(dev, "sddl"), sddl);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(dev, "secure_open")));
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(dev, "exclusive")));
    assert_from_inf(dev, "sddl", u16, inf_line(text, "HKR,,Security,,"));
    assert_from_inf(dev, "secure_open", u16, inf_line(text, "HKR,,DeviceCharacteristics,"));
    assert_from_inf(dev, "exclusive", u16, inf_line(text, "HKR,,Exclusive,"));
    /* named, but the INF gives it an SDDL: not flagged */
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(dev, "flags")), 0);
    free(sddl);
    free(text);

    const char *inx = "tests/trees/audit-inf/ascii/inf/ascii.inx";
    text = inf_text(inx);
    sddl = inf_quoted(text, "HKR,,Security,,");
    dev = only_device(root, "tests/trees/audit-inf/ascii");
    assert_true(strstr(str_of(dev, "sddl"), "SDDL_DEVOBJ_SYS_ALL_ADM_ALL") != NULL);
    assert_true(strcmp(str_of(dev, "sddl"), sddl) != 0);
    assert_from_inf(dev, "sddl", NULL, 0);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(dev, "secure_open")));
    assert_from_inf(dev, "secure_open", inx, inf_line(text, "HKR,,DeviceCharacteristics,"));
    assert_false(cJSON_IsTrue(cJSON_GetObjectItem(dev, "exclusive")));
    assert_from_inf(dev, "exclusive", NULL, 0);
    free(sddl);
    free(text);

    /* the Markdown names the INF line next to the value */
    out = run_drvtaint("audit -q tests/trees/audit-inf", 0);
    text = inf_text(u16);
    char *want = xasprintf("(INF `%s`:%u)", u16, inf_line(text, "HKR,,Security,,"));
    if (!strstr(out, want))
        fail_msg("the Markdown does not say %s:\n%s", want, out);
    free(want);
    free(text);
    free(out);
    cJSON_Delete(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_handled_ioctl_is_listed_with_its_ctl_code),
        cmocka_unit_test(every_sink_call_is_attributed_to_its_ioctls),
        cmocka_unit_test(devices_and_their_exposure),
        cmocka_unit_test(reports_are_deterministic),
        cmocka_unit_test(json_report_matches_its_schema),
        cmocka_unit_test(html_report_validates),
        cmocka_unit_test(audit_groups_units_by_project),
        cmocka_unit_test(device_security_from_the_inf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
