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

void baseline_apply(finding_list *findings, char *const *fingerprints, size_t n)
{
    for (size_t i = 0; i < findings->len; i++) {
        char *fp = finding_fingerprint(&findings->items[i]);
        for (size_t k = 0; k < n && !findings->items[i].in_baseline; k++)
            findings->items[i].in_baseline = strcmp(fp, fingerprints[k]) == 0;
        free(fp);
    }
}
