#!/bin/sh
# repos.sh - scan whole repositories the way a new user does (`drvtaint scan .` at the root, no flags,
# default -j) under an 8 GiB address-space limit, and print one Markdown row per repository:
# units, functions without errors after recovery, wall time, user+system CPU, peak RSS of the largest
# process, exit status, units not analysed, findings.
#
# Usage: tests/bench/repos.sh [-b DRVTAINT] [-l KIB] TREE...
#   -b DRVTAINT  binary to run (default: drvtaint on PATH)
#   -l KIB       address-space limit per run in KiB (default 8388608 = 8 GiB, a small CI runner)
# Needs GNU time (/usr/bin/time) and python3. The JSON report of each run is kept in $TMPDIR.
set -eu
bin=drvtaint
limit=8388608
while getopts b:l: opt; do
    case $opt in
    b) bin=$(command -v "$OPTARG" || echo "$OPTARG") ;;
    l) limit=$OPTARG ;;
    *) echo "usage: $0 [-b DRVTAINT] [-l KIB] TREE..." >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "usage: $0 [-b DRVTAINT] [-l KIB] TREE..." >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "$0: needs GNU time (/usr/bin/time)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/drvtaint-repos.XXXXXX")

echo "| repository | units | error-free functions | wall | CPU | peak RSS | exit | not analysed | findings |"
echo "|---|---|---|---|---|---|---|---|---|"
for tree in "$@"; do
    name=$(basename "$(cd "$tree" && pwd)")
    json="$work/$name.json"
    set +e
    (cd "$tree" && ulimit -v "$limit" && /usr/bin/time -v -o "$work/$name.time" \
        "$bin" scan . --format json -o "$json" 2>"$work/$name.err")
    status=$?
    set -e
    python3 - "$name" "$status" "$json" "$work/$name.time" <<'EOF'
import json, re, sys
name, status, report, timing = sys.argv[1:5]
t = open(timing).read()
def field(label):
    m = re.search(r"^\s*" + re.escape(label) + r": (.*)$", t, re.M)
    return m.group(1).strip() if m else "?"
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
peak = int(field("Maximum resident set size (kbytes)")) // 1024
try:
    doc = json.load(open(report))
    units = doc["units"]
    n, lost = str(len(units)), str(sum(1 for u in units if not u.get("analysed", True)))
    nf = sum(u.get("functions", 0) for u in units)
    bad = sum(u.get("functions_with_errors", 0) for u in units)
    share = f"{100 * (nf - bad) / nf:.1f}% of {nf}" if nf else "-"
    found = str(len(doc.get("findings", [])))
except (OSError, ValueError, KeyError):
    n, lost, share, found = "no report", "?", "?", "?"
print(f"| {name} | {n} | {share} | {wall} | {cpu:.1f} s | {peak} MiB | {status} | {lost} | {found} |")
EOF
done
echo "(reports and stderr in $work)" >&2
