#!/usr/bin/env bash
# check.sh PLAIN_BUILD_DIR SOURCE_DIR - the quick start's promise: the drvtaint users run is an
# optimized build without sanitizers, and once installed (cmake --install) it finds its rules and
# WDK shim from any working directory and scans the samples with the exit code and findings of
# the build tree's binary.
set -uo pipefail
plain=$(realpath "${1:?plain build dir}") src=$(realpath "${2:?source dir}")
fail() { echo "FAIL: $*"; exit 1; }
[ -x "$plain/drvtaint" ] || fail "$plain/drvtaint is not built (./setup.sh builds it)"
type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$plain/CMakeCache.txt")
case "$type" in Release|RelWithDebInfo|MinSizeRel) ;; *) fail "build type '$type' is not optimized";; esac
grep -q '^DRVTAINT_SANITIZE:BOOL=ON' "$plain/CMakeCache.txt" && fail "$plain is a sanitizer build"
nm -D "$plain/drvtaint" 2>/dev/null | grep -q '__asan_init\|__ubsan_handle' && fail "$plain/drvtaint links a sanitizer runtime"

work=$(mktemp -d "${TMPDIR:-/tmp}/drvtaint-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
cmake --install "$plain" --prefix "$work/prefix" >/dev/null || fail "cmake --install failed"
[ -f "$work/prefix/share/drvtaint/include/wdk/ntddk.h" ] || fail "the WDK shim was not installed"
ls "$work/prefix/share/drvtaint/rules/"*.json >/dev/null 2>&1 || fail "the rules were not installed"
cd "$work" || exit 1
cp -r "$src/samples" samples
# --fail-on none exits 0 (a sanitizer leak report would turn it into 1) ...
"$work/prefix/bin/drvtaint" scan --fail-on none -q samples >/dev/null 2>&1
[ $? -eq 0 ] || fail "--fail-on none did not exit 0"
# ... and the samples give the same findings as the build tree's binary, from the installed data
"$work/prefix/bin/drvtaint" scan -q --format json -o installed.json samples; rc=$?
[ $rc -eq 1 ] || fail "installed drvtaint exited $rc on samples/ (expected 1: findings)"
"$plain/drvtaint" scan -q --format json -o tree.json samples
cmp -s installed.json tree.json || fail "installed and build-tree reports differ"
n=$(grep -c '"rule":' installed.json)
[ "$n" -gt 50 ] || fail "only $n findings from the installed binary"
echo "ok: $type build, installed, $n findings on samples/"
