#!/usr/bin/env bash
# Runs every test suite and ends with one line "N passed, N failed".
# Unit tests (cmocka) and HTTP tests run twice: on the plain build and on
# the AddressSanitizer + UndefinedBehaviorSanitizer build; the HTTP tests
# then run on both builds again against PostgreSQL. Browser tests run once,
# on the plain build.
set -uo pipefail
cd "$(dirname "$0")/.."
export SHARED_DIR=${SHARED_DIR:-../shared}
unset WIJZER_TEST_PG # set per run below, never inherited
passed=0 failed=0
log=$(mktemp -d)
pgdir=
cleanup() {
    [ -n "$pgdir" ] && scripts/pg-test-server.sh stop "$pgdir"
    rm -rf "$log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A throw-away PostgreSQL server (Debian's postgresql, 127.0.0.1, a
# temporary directory) for the unit test that prepares every statement and
# for a second run of the HTTP tests; removed when this script ends.
pg=
pgdir=$(mktemp -d)
if ! pg=$(scripts/pg-test-server.sh start "$pgdir" 2>"$log/pg-start"); then
    echo "== postgresql test server did not start:"; cat "$log/pg-start"
    pg=
fi

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
        WIJZER_TEST_PG=$pg "$t" >"$out" 2>&1; rc=$?
        cat "$out"
        count_cmocka "$out"
        # A crash or sanitizer report that cmocka could not count.
        if [ $rc -ne 0 ] && ! grep -q '^\[  FAILED  \]' "$out"; then failed=$((failed + 1)); fi
    done
done

# The fuzz corpora (tests/fuzz/corpus/NAME/): each harness replays its saved
# inputs once on the sanitizer build (fuzz/replay.c; `make fuzz` is the real
# fuzzing). One harness, one test.
for t in build/san/fuzz/replay_*; do
    [ -x "$t" ] || continue
    name=${t##*/replay_}
    echo "== fuzz replay $name (tests/fuzz/corpus/$name, build/san)"
    out="$log/fuzz"
    "$t" "tests/fuzz/corpus/$name" >"$out" 2>&1; rc=$?
    if [ $rc -eq 0 ]; then
        passed=$((passed + 1)); tail -n 1 "$out"
    else
        failed=$((failed + 1)); tail -n 40 "$out"; echo "FAILED: fuzz replay $name"
    fi
done

run_node() { # label, binary, files... (WIJZER_TEST_PG from the caller picks PostgreSQL)
    local label=$1 bin=$2; shift 2
    [ $# -gt 0 ] || return 0
    echo "== $label"
    out="$log/node"
    WIJZER_TEST_PG=${WIJZER_TEST_PG:-} WIJZER_BIN="$bin" node --test --test-concurrency=1 --test-reporter=tap "$@" >"$out" 2>&1; rc=$?
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
# The whole HTTP suite again on PostgreSQL: each test file makes its own
# database on the test server (tests/lib/server.mjs).
if [ -n "$pg" ]; then
    WIJZER_TEST_PG=$pg run_node "http (build, postgresql)" build/wijzer "${http_tests[@]+"${http_tests[@]}"}"
    WIJZER_TEST_PG=$pg ASAN_OPTIONS=detect_leaks=0 \
        run_node "http (build/san, postgresql)" build/san/wijzer "${http_tests[@]+"${http_tests[@]}"}"
else
    echo "== http (postgresql): not run, no test server"; failed=$((failed + 1))
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
