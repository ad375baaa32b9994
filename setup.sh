#!/usr/bin/env bash
# Quick start, step 1: install what is missing (Debian 12, as root or with sudo), build
# drvtaint with AddressSanitizer + UBSan into build/ (for the test suite), the libFuzzer targets
# into build/fuzz (clang-19), an optimized build without sanitizers into build/plain (the one users
# run, installed as /usr/local/bin/drvtaint; the valgrind test uses it too), and scan the bundled
# samples/ with the installed drvtaint.
# Step 2 is the test suite: ctest --test-dir build --output-on-failure
set -euo pipefail
cd "$(dirname "$0")"

# clang-19 and libclang-rt-19-dev (libFuzzer, the sanitizer runtimes) build the fuzz targets;
# valgrind runs the leak-check test
packages=(cmake make gcc libclang-19-dev libcjson-dev libcmocka-dev valgrind clang-19 libclang-rt-19-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Microsoft's SARIF validator, for the SARIF test (skipped with a message when it is absent)
validator=build/sarif-validator/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$validator" ] && command -v npm >/dev/null 2>&1; then
  echo "setup: installing the SARIF validator (@microsoft/sarif-multitool-linux)"
  if npm install --silent --no-audit --no-fund --prefix build/sarif-validator @microsoft/sarif-multitool-linux >/dev/null 2>&1; then
    chmod u+x "$validator" # npm does not run the package's postinstall here
  else
    echo "setup: could not install the SARIF validator; its test will be skipped" >&2
  fi
fi

# ajv, for the test that checks JSON reports against docs/drvtaint-findings.schema.json
ajv=build/json-validator/node_modules/.bin/ajv
if [ ! -x "$ajv" ] && command -v npm >/dev/null 2>&1; then
  echo "setup: installing the JSON Schema validator (ajv-cli)"
  npm install --silent --no-audit --no-fund --prefix build/json-validator ajv-cli@5 >/dev/null 2>&1 ||
    echo "setup: could not install ajv-cli; the JSON schema test will be skipped" >&2
fi

# html-validate, for the test that checks the audit's HTML report (docs/audit.md)
htmlv=build/html-validator/node_modules/.bin/html-validate
if [ ! -x "$htmlv" ] && command -v npm >/dev/null 2>&1; then
  echo "setup: installing the HTML validator (html-validate)"
  npm install --silent --no-audit --no-fund --prefix build/html-validator html-validate@8 >/dev/null 2>&1 ||
    echo "setup: could not install html-validate; the HTML report test will be skipped" >&2
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDRVTAINT_WERROR=ON -DDRVTAINT_SANITIZE=ON >/dev/null
cmake --build build -j"$(nproc)"

# The libFuzzer targets (tests/fuzz, docs/fuzzing.md) need clang: a build of their own in
# build/fuzz, which the fuzz_* tests of build/ run for a few seconds each.
if command -v clang-19 >/dev/null 2>&1; then
  CC=clang-19 cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDRVTAINT_WERROR=ON -DDRVTAINT_FUZZ=ON \
    -DDRVTAINT_TESTS=OFF >/dev/null
  cmake --build build/fuzz -j"$(nproc)" --target fuzzers
else
  echo "setup: clang-19 is missing, so the fuzz targets are not built and the fuzz_* tests will fail" >&2
fi
# The optimized build users run (-O2, no sanitizers: the ASan build is 4-5x slower and its leak
# report would change exit codes). valgrind cannot run an ASan binary, so the leak-check test
# (valgrind_scan_samples) uses this one as well.
cmake -S . -B build/plain -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDRVTAINT_WERROR=ON -DDRVTAINT_TESTS=OFF >/dev/null
cmake --build build/plain -j"$(nproc)" --target drvtaint
# Installed with its rules and WDK shim (PREFIX/share/drvtaint), so `drvtaint` is on PATH.
prefix="${DRVTAINT_PREFIX:-/usr/local}"
install_cmd=""
[ "$(id -u)" -ne 0 ] && [ ! -w "$prefix" ] && install_cmd="sudo"
$install_cmd cmake --install build/plain --prefix "$prefix" >/dev/null
echo "setup: installed $prefix/bin/drvtaint (optimized build)"

echo "setup: scanning samples/ (findings are expected: the samples hold unsafe drivers on purpose)"
status=0
"$prefix/bin/drvtaint" scan samples || status=$?
# 1 means "findings", which is what the samples are for; anything else is a real failure
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  echo "setup: drvtaint scan failed with exit code $status" >&2
  exit "$status"
fi
echo "setup: done. Run the tests with: ctest --test-dir build --output-on-failure"
