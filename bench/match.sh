#!/usr/bin/env bash
# The matching engine's benchmark (`make bench-match`; issue 5): how long
# the suggestions for one initiative take with 100,000 initiatives and
# 5,000 organisations, on SQLite.
#
#   bench/match.sh [--count N] [--size N] [--pg URL]
#
# What is measured: `wijzer suggestions --bench N`, which reads N random
# initiatives (after a tenth as many to warm up) and for each times the
# engine itself: reading the initiative and ranking similar initiatives,
# organisations, goals, officials and funds (domain/match.h), as
# GET /api/v1/initiatives/{id}/suggestions does before it writes JSON. No
# HTTP and no answer cache, so what is timed is the engine and its
# queries, one at a time on one connection. Prints the median, p90 and
# p99 in ms, with the machine's load (uptime) next to it.
#
# The database is made with `wijzer init --demo --scale N` and cached in
# var/bench/sqlite-N.db as bench/run.sh does (remade when
# src/domain/scale.c changes); the run uses a copy, so the cache stays as
# it was. --pg URL measures an existing PostgreSQL database instead (made
# with `wijzer init --db URL --demo --scale N`).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${WIJZER_BIN:-$ROOT/build/wijzer}
COUNT=1000
SIZE=100000
PGURL=""
while [[ $# -gt 0 ]]; do
    case $1 in
    --count) COUNT=$2; shift ;;
    --size) SIZE=$2; shift ;;
    --pg) PGURL=$2; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ -x $BIN ]] || { echo "bench: no binary at $BIN (make first, or set WIJZER_BIN)" >&2; exit 1; }

if [[ -n $PGURL ]]; then
    echo "load: $(uptime)"
    "$BIN" suggestions --db "$PGURL" --bench "$COUNT"
    exit 0
fi

VAR=$ROOT/var/bench
mkdir -p "$VAR"
STAMP=$(md5sum <"$ROOT/src/domain/scale.c" | cut -c1-12)
db=$VAR/sqlite-$SIZE.db
if [[ ! -f $db || "$(cat "$db.stamp" 2>/dev/null)" != "$STAMP" ]]; then
    rm -f "$db" "$db"-* "$db.stamp"
    echo "bench: making $db (init --demo --scale $SIZE)" >&2
    t0=$(date +%s)
    "$BIN" init --db "$db" --demo --scale "$SIZE" >&2
    echo $(($(date +%s) - t0)) >"$db.seconds"
    echo "$STAMP" >"$db.stamp"
fi
run=$(mktemp /tmp/wijzer-match.XXXXXX.db)
trap 'rm -f "$run" "$run"-wal "$run"-shm' EXIT
cp "$db" "$run"
# newer migrations (this engine's fts5vocab table) apply to the copy
"$BIN" init --db "$run" >/dev/null
echo "load: $(uptime)"
echo "cores: $(nproc)"
"$BIN" suggestions --db "$run" --bench "$COUNT"
