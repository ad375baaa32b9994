#!/usr/bin/env bash
# run.sh - the CTest side of the libFuzzer targets (docs/fuzzing.md).
#
#   run.sh fuzz   BINARY CORPUS SECONDS ARTIFACTS   fuzz for SECONDS, starting from a copy of CORPUS
#   run.sh replay BINARY DIR                        run every input in DIR once (regressions)
#
# Fails (exit 1) when BINARY is missing: the CI (./setup.sh, then ctest) always builds it, so a
# missing target is a broken setup, not something to skip. Nothing is written into the source
# tree: the corpus is copied to a temporary directory; a crashing input is kept in ARTIFACTS
# (inside the build directory) and printed in base64 so the CI log alone reproduces it.
set -uo pipefail

mode=${1:?mode} bin=${2:?binary}
name=$(basename "$bin")
if [ ! -x "$bin" ]; then
  cat >&2 <<MSG
error: fuzz target $bin is not built.
  ./setup.sh builds the fuzz targets into build/fuzz (it needs clang-19 and libclang-rt-19-dev); by hand:
    CC=clang-19 cmake -S . -B build/fuzz -DDRVTAINT_FUZZ=ON -DDRVTAINT_TESTS=OFF && cmake --build build/fuzz --target fuzzers
  or configure this build with -DDRVTAINT_FUZZ_BINARY_DIR=<a build that has them>.
MSG
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/drvtaint-fuzz-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
# LeakSanitizer runs after every input that allocated more than it freed: a leak is a failure too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

case $mode in
fuzz)
  corpus=${3:?corpus} seconds=${4:?seconds} artifacts=${5:?artifacts}
  mkdir -p "$work/corpus" "$artifacts"
  rm -f "$artifacts"/* # only this run's findings
  cp "$corpus"/* "$work/corpus/"
  # a dictionary of the input language, when the target has one (tests/fuzz/<target>.dict)
  dict=()
  target=${name#fuzz_}
  [ -f "$(dirname "$0")/$target.dict" ] && dict=(-dict="$(dirname "$0")/$target.dict")
  # -timeout: one input taking longer is a hang (a failure); -rss_limit_mb: the whole process
  "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 "${dict[@]}" \
    -artifact_prefix="$artifacts/" "$work/corpus" >"$work/log" 2>&1
  rc=$?
  grep -E '^(INFO: Seed|#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$work/log"
  echo "$name: corpus $(ls "$corpus" | wc -l) seeds -> $(ls "$work/corpus" | wc -l) inputs after $seconds s"
  if [ "$rc" -ne 0 ]; then
    echo "FAIL: $name exited with $rc; the end of its log:"
    tail -n 60 "$work/log"
    for f in "$artifacts"/*; do
      [ -f "$f" ] || continue
      echo "--- input $f ($(wc -c <"$f") bytes), base64:"
      base64 "$f" | head -c 20000
      echo
    done
    echo "Reproduce with: $bin <input>; once fixed, add the input to tests/fuzz/regressions/${name#fuzz_}/"
    exit 1
  fi
  ;;
replay)
  dir=${3:?directory}
  inputs=("$dir"/*)
  if [ ! -e "${inputs[0]}" ]; then
    echo "error: no regression inputs in $dir" >&2
    exit 1
  fi
  "$bin" -rss_limit_mb=2048 -timeout=60 "${inputs[@]}" >"$work/log" 2>&1
  rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "FAIL: $name crashed on a regression input; its log:"
    tail -n 80 "$work/log"
    exit 1
  fi
  grep -c '^Running: ' "$work/log" | sed "s/^/$name: replayed /; s/$/ regression inputs/"
  ;;
*)
  echo "usage: run.sh fuzz BINARY CORPUS SECONDS ARTIFACTS | run.sh replay BINARY DIR" >&2
  exit 2
  ;;
esac
