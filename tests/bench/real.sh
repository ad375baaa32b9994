#!/usr/bin/env bash
# Real-tree benchmark: drvtaint against the parse floor on a fixed list of units of
# microsoft/Windows-driver-samples (tests/bench/real-units.txt: toaster, pcidrv, ioctl, echo, event,
# cancel; their own code, includes that the shim lacks, user-mode test apps, recovery). The
# repository is not part of drvtaint: fetch it and pass its folder. CPU time (user + system) is
# what is compared, so the machine's other load matters less than for wall time.
#   tests/bench/real.sh build-release/drvtaint /path/to/Windows-driver-samples [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:?drvtaint binary} wds=${2:?Windows-driver-samples folder} runs=${3:-3}
floor_bin=$(dirname "$bin")/drvtaint-parse-floor
[ -x "$floor_bin" ] || { echo "bench: $floor_bin not found (build the drvtaint-parse-floor target)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
mapfile -t units < <(sed "s|^|$wds/|" "$here/real-units.txt")
for u in "${units[@]}"; do [ -f "$u" ] || { echo "bench: $u is missing (another revision of the samples?)" >&2; exit 2; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cpu() { # CPU seconds (user + system) of a command
  /usr/bin/time -f "%U %S" -o "$work/time" "$@" >/dev/null 2>&1 || true
  awk '{ printf "%.2f", $1 + $2 }' "$work/time"
}
printf '%s units of Windows-driver-samples, %s runs (CPU seconds, min of the runs)\n' "${#units[@]}" "$runs"
best() { sort -n | head -1; }
floor=$(for _ in $(seq "$runs"); do cpu "$floor_bin" "$root/include/wdk" "${units[@]}"; echo; done | best)
floor_plain=$(for _ in $(seq "$runs"); do cpu "$floor_bin" --no-prelude "$root/include/wdk" "${units[@]}"; echo; done | best)
inv=$(for _ in $(seq "$runs"); do cpu "$bin" inventory -q -j1 "${units[@]}"; echo; done | best)
scan=$(for _ in $(seq "$runs"); do cpu "$bin" scan -q -j1 --fail-on none "${units[@]}"; echo; done | best)
scan_plain=$(for _ in $(seq "$runs"); do cpu "$bin" scan -q -j1 --fail-on none --no-prelude "${units[@]}"; echo; done | best)
printf '%-34s %8s %10s\n' what cpu_s "/ floor"
printf '%-34s %8s %10s\n' "floor (prelude)" "$floor" 1.00
printf '%-34s %8s %10.2f\n' "floor without prelude" "$floor_plain" "$(echo "$floor_plain / $floor" | bc -l)"
printf '%-34s %8s %10.2f\n' "inventory -j1" "$inv" "$(echo "$inv / $floor" | bc -l)"
printf '%-34s %8s %10.2f\n' "scan -j1" "$scan" "$(echo "$scan / $floor" | bc -l)"
printf '%-34s %8s %10.2f\n' "scan -j1 --no-prelude" "$scan_plain" "$(echo "$scan_plain / $floor" | bc -l)"
