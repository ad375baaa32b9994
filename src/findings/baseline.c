/* baseline.c - fingerprints of a previous report (drvtaint JSON or SARIF), so only findings
 * that are new since then fail a build. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "drvtaint/suppress.h"
#include "drvtaint/util.h"

static void push(char ***fps, size_t *n, const cJSON *v)
{
    if (!cJSON_IsString(v))
        return;
    *fps = xrealloc(*fps, (*n + 1) * sizeof(char *));
    (*fps)[(*n)++] = xstrdup(v->valuestring);
}

int baseline_load(const char *path, char ***fingerprints, size_t *n, char **err)
{
    *fingerprints = NULL;
    *n = 0;
    char *text = read_file(path, NULL);
    if (!text) {
        *err = xasprintf("%s: cannot read baseline: %s", path, strerror(errno));
        return -1;
    }
    cJSON *root = cJSON_Parse(text);
    free(text);
    if (!root) {
        *err = xasprintf("%s: the baseline is not JSON (expected a drvtaint JSON or SARIF report)", path);
        return -1;
    }
    const cJSON *runs = cJSON_GetObjectItemCaseSensitive(root, "runs");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "findings");
    if (cJSON_IsArray(runs)) {
        const cJSON *run;
        cJSON_ArrayForEach(run, runs)
        {
            const cJSON *res;
            cJSON_ArrayForEach(res, cJSON_GetObjectItemCaseSensitive(run, "results"))
            {
                /* a suppressed result is no accepted debt: lifting its suppression shows it again */
                if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(res, "suppressions")) > 0)
                    continue;
                push(fingerprints, n,
                     cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(res, "partialFingerprints"),
                                                      "drvtaint/v1"));
            }
        }
    } else if (cJSON_IsArray(list)) {
        const cJSON *f;
        cJSON_ArrayForEach(f, list)
        {
            if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(f, "suppressed")))
                continue;
            push(fingerprints, n, cJSON_GetObjectItemCaseSensitive(f, "fingerprint"));
        }
    } else {
        cJSON_Delete(root);
        *err = xasprintf("%s: not a drvtaint report (no \"findings\" array and no SARIF \"runs\")", path);
        return -1;
    }
    cJSON_Delete(root);
    return 0;
}

/* One baseline entry absorbs one finding: two identical vulnerable calls in one function have
 * one fingerprint, and a baseline that held one of them must let the second show as new. The
 * findings are in file and line order, so the earlier call keeps the entry. */
size_t baseline_apply(finding_list *findings, char *const *fingerprints, size_t n, const char *root)
{
    char **left = xcalloc(n ? n : 1, sizeof *left);
    if (n)
        memcpy(left, fingerprints, n * sizeof *left);
    qsort(left, n, sizeof *left, str_cmp_ptr);
    bool *used = xcalloc(n ? n : 1, sizeof *used);
    size_t matched = 0;
    for (size_t i = 0; i < findings->len; i++) {
        if (findings->items[i].suppressed) /* the baseline holds no suppressed results */
            continue;
        char *fp = finding_fingerprint(&findings->items[i], root);
        char **hit = bsearch(&fp, left, n, sizeof *left, str_cmp_ptr);
        if (hit) {
            size_t k = (size_t)(hit - left);
            while (k > 0 && strcmp(left[k - 1], fp) == 0)
                k--;
            for (; k < n && strcmp(left[k], fp) == 0; k++)
                if (!used[k]) {
                    used[k] = true;
                    findings->items[i].in_baseline = true;
                    matched++;
                    break;
                }
        }
        free(fp);
    }
    free(used);
    free(left);
    return matched;
}
