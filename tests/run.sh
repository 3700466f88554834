#!/usr/bin/env bash
# Runs every test suite and ends with one line "N passed, N failed".
# Unit tests (cmocka) and HTTP tests run twice: on the plain build and on
# the AddressSanitizer + UndefinedBehaviorSanitizer build. Browser tests
# run once, on the plain build.
set -uo pipefail
cd "$(dirname "$0")/.."
export SHARED_DIR=${SHARED_DIR:-../shared}
passed=0 failed=0
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

count_cmocka() { # file: adds cmocka's PASSED/FAILED counts
    local p f
    p=$(grep -Eo '^\[  PASSED  \] [0-9]+' "$1" | awk '{s+=$NF} END {print s+0}')
    f=$(grep -Eo '^\[  FAILED  \] [0-9]+' "$1" | awk '{s+=$NF} END {print s+0}')
    passed=$((passed + p)); failed=$((failed + f))
}
count_tap() { # file: adds node's TAP "# pass N" / "# fail N"
    local p f
    p=$(grep -Eo '^# pass [0-9]+' "$1" | awk '{s+=$NF} END {print s+0}')
    f=$(grep -Eo '^# fail [0-9]+' "$1" | awk '{s+=$NF} END {print s+0}')
    passed=$((passed + p)); failed=$((failed + f))
}

for build in build build/san; do
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    for t in "$build"/tests/test_*; do
        [ -x "$t" ] || continue
        echo "== unit $(basename "$t") ($build)"
        out="$log/unit"
        "$t" >"$out" 2>&1; rc=$?
        cat "$out"
        count_cmocka "$out"
        # A crash or sanitizer report that cmocka could not count.
        if [ $rc -ne 0 ] && ! grep -q '^\[  FAILED  \]' "$out"; then failed=$((failed + 1)); fi
    done
done

run_node() { # label, binary, files...
    local label=$1 bin=$2; shift 2
    [ $# -gt 0 ] || return 0
    echo "== $label"
    out="$log/node"
    WIJZER_BIN="$bin" node --test --test-concurrency=1 --test-reporter=tap "$@" >"$out" 2>&1; rc=$?
    grep -vE '^\s*(duration_ms|type):' "$out" | grep -E '^(not ok|ok|# )|^\s+(not ok|error|expected|actual|message|location)' | head -400
    count_tap "$out"
    if [ $rc -ne 0 ] && ! grep -qE '^# fail [1-9]' "$out"; then failed=$((failed + 1)); tail -40 "$out"; fi
}

http_tests=(tests/http/*.test.mjs)
[ -e "${http_tests[0]}" ] || http_tests=()
browser_tests=(tests/browser/*.test.mjs)
[ -e "${browser_tests[0]}" ] || browser_tests=()

run_node "http (build)" build/wijzer "${http_tests[@]+"${http_tests[@]}"}"
ASAN_OPTIONS=detect_leaks=0 run_node "http (build/san)" build/san/wijzer "${http_tests[@]+"${http_tests[@]}"}"
run_node "browser (build)" build/wijzer "${browser_tests[@]+"${browser_tests[@]}"}"

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
