#!/usr/bin/env bash
# "For you" at scale (issue 6): how long ranking the open vacancies for one
# volunteer takes with 50,000 volunteers and 10,000 open vacancies.
#
#   bench/volunteers.sh [--count N] [--volunteers N] [--vacancies N] [--pg URL]
#
# What is measured: `wijzer volunteers --bench N`, which picks N random
# generated volunteers (after a tenth as many to warm up) and for each times
# the engine itself: the bounded candidate query and the scoring in C
# (domain/volunteer_match.h), as GET /api/v1/volunteers/me/matches does
# before it writes JSON. No HTTP. Prints the median, p90 and p99 in ms, with
# the machine's load next to it.
#
# The database is the demo plus `wijzer volunteers --volunteers N
# --vacancies N` (deterministic), cached in var/bench/volunteers-N-M.db and
# remade when src/cli/cmd_volunteers.c changes. --pg URL measures an
# existing PostgreSQL database instead (made the same way with --db URL).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${WIJZER_BIN:-$ROOT/build/wijzer}
COUNT=1000
VOLUNTEERS=50000
VACANCIES=10000
PGURL=""
while [[ $# -gt 0 ]]; do
    case $1 in
    --count) COUNT=$2; shift ;;
    --volunteers) VOLUNTEERS=$2; shift ;;
    --vacancies) VACANCIES=$2; shift ;;
    --pg) PGURL=$2; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ -x $BIN ]] || { echo "bench: no binary at $BIN (make first, or set WIJZER_BIN)" >&2; exit 1; }

if [[ -n $PGURL ]]; then
    echo "load: $(uptime)"
    "$BIN" volunteers --db "$PGURL" --bench "$COUNT" --of "$VOLUNTEERS"
    exit 0
fi

VAR=$ROOT/var/bench
mkdir -p "$VAR"
STAMP=$(md5sum <"$ROOT/src/cli/cmd_volunteers.c" | cut -c1-12)
db=$VAR/volunteers-$VOLUNTEERS-$VACANCIES.db
if [[ ! -f $db || "$(cat "$db.stamp" 2>/dev/null)" != "$STAMP" ]]; then
    rm -f "$db" "$db"-* "$db.stamp"
    echo "bench: making $db" >&2
    "$BIN" init --db "$db" --demo >&2
    "$BIN" volunteers --db "$db" --volunteers "$VOLUNTEERS" --vacancies "$VACANCIES" >&2
    echo "$STAMP" >"$db.stamp"
fi
run=$(mktemp /tmp/wijzer-volunteers.XXXXXX.db)
trap 'rm -f "$run" "$run"-wal "$run"-shm' EXIT
cp "$db" "$run"
"$BIN" init --db "$run" >/dev/null
echo "load: $(uptime)"
echo "cores: $(nproc)"
"$BIN" volunteers --db "$run" --bench "$COUNT" --of "$VOLUNTEERS"
