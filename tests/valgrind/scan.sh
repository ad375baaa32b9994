#!/usr/bin/env bash
# scan.sh BINARY SOURCE_DIR - one full `drvtaint scan` of samples/ (SARIF to a temporary file,
# two unit processes at a time, each followed by valgrind into its fork) under valgrind's memcheck; fails on a definite or indirect leak or any
# memory error outside libclang (tests/valgrind/libclang.supp lists the libclang reports that
# are ignored). BINARY must be built without sanitizers: ASan cannot run under valgrind, so
# ./setup.sh builds build/plain/drvtaint for this test.
set -uo pipefail
bin=${1:?binary} src=${2:?source dir}
if [ ! -x "$bin" ]; then
  cat >&2 <<MSG
error: $bin is not built. ./setup.sh builds it; by hand:
  cmake -S . -B build/plain -DDRVTAINT_TESTS=OFF && cmake --build build/plain --target drvtaint
MSG
  exit 1
fi
if ! command -v valgrind >/dev/null 2>&1; then
  echo "error: valgrind is not installed (apt-get install valgrind; ./setup.sh installs it)" >&2
  exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/drvtaint-valgrind.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$src" || exit 1
valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
  --error-exitcode=99 --num-callers=40 --suppressions="$src/tests/valgrind/libclang.supp" \
  --log-file="$work/valgrind.log" \
  "$bin" scan -q -j2 --fail-on none --format sarif -o "$work/report.sarif" samples
rc=$?
grep -E 'ERROR SUMMARY|definitely lost|indirectly lost|possibly lost|suppressed:' "$work/valgrind.log" | sed 's/^==[0-9]*== *//'
if [ "$rc" -ne 0 ]; then
  echo "FAIL: valgrind or drvtaint exited with $rc (99: memcheck found errors or definite/indirect leaks)"
  cat "$work/valgrind.log"
  exit 1
fi
if [ ! -s "$work/report.sarif" ]; then
  echo "FAIL: the scan wrote no SARIF report"
  exit 1
fi
echo "valgrind: no leaks and no memory errors in one scan of samples/ ($(wc -c <"$work/report.sarif") bytes of SARIF)"
