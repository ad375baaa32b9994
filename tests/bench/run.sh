#!/usr/bin/env bash
# Benchmark: drvtaint against the parse floor on generated driver trees of N units. The floor is
# libclang parsing every unit with exactly drvtaint's arguments and WDK shim and nothing else
# (drvtaint-parse-floor, built next to drvtaint). Prints wall time, ratio to the floor, -j speed-up,
# the share of time spent parsing and peak memory. Use a Release build:
#   cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DDRVTAINT_TESTS=OFF && cmake --build build-release -j
#   tests/bench/run.sh build-release/drvtaint 10 100 1000
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/build/drvtaint}
shift || true
sizes=${*:-10 100 1000}
floor_bin=$(dirname "$bin")/drvtaint-parse-floor
[ -x "$floor_bin" ] || { echo "bench: $floor_bin not found (build the drvtaint-parse-floor target)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
jobs=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() { # prints "seconds peak_kib" of a command
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  cat "$work/time"
}

printf '%-6s %9s %9s %9s %9s %8s %9s %12s %10s\n' units floor_s j1_s j1/floor "j$jobs"_s speedup parse_% j1_peak_MiB floor_MiB
for n in $sizes; do
  tree="$work/tree$n"
  python3 "$here/gen_driver.py" "$n" "$tree"
  read -r floor peak < <(measure "$floor_bin" "$root/include/wdk" "$tree"/*.c)
  read -r j1 j1kib < <(measure "$bin" scan -q -j1 --fail-on none "$tree")
  read -r jn _ < <(measure "$bin" scan -q -j"$jobs" --fail-on none "$tree")
  printf '%-6s %9.2f %9.2f %9.2f %9.2f %8.2f %9.0f %12.1f %10.1f\n' "$n" "$floor" "$j1" \
    "$(echo "$j1 / $floor" | bc -l)" "$jn" "$(echo "$j1 / $jn" | bc -l)" \
    "$(echo "100 * $floor / $j1" | bc -l)" "$(echo "$j1kib / 1024" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
done
