#!/usr/bin/env bash
# Load and faults (`make soak`): loopback only, about four minutes.
#
#   bench/soak.sh [--duration S] [--connections N] [--no-pg]
#
#  1. Load: S seconds (default 60) at N connections (default 256) of mixed
#     reads and writes (wrk, bench/lua/mixed.lua) on SQLite. Passes with
#     zero answers of 500 or more, and a resident memory (VmRSS) at the end
#     within 10 % of what it was after a warm-up of 30 s at the same load
#     (each thread's connections fill their page caches in the first half
#     minute: 38 MB at 15 s, 42 at 30 s, then 43 MB up to two minutes).
#  2. Crash: kill -9 of the server while 32 connections create initiatives
#     (bench/soak-client.mjs write, which writes down every id answered
#     201 as the answer arrives); restart; every one of them must be there.
#  3. Database outage (when the PostgreSQL backend exists): PostgreSQL is
#     stopped for 8 s and started again under load. Passes when the server
#     answers 503 with Retry-After while it is down (never another 5xx),
#     answers 2xx again afterwards by itself, and every acknowledged write
#     is there.
# Prints PASS or FAIL per check and exits 1 if any failed.
# Environment: WIJZER_BIN (default build/wijzer, built with make).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DUR=60 CONN=256 PG=auto
while [[ $# -gt 0 ]]; do
    case $1 in
    --duration) DUR=$2; shift ;;
    --connections) CONN=$2; shift ;;
    --no-pg) PG=no ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "soak: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
BIN=${WIJZER_BIN:-}
if [[ -z $BIN ]]; then
    make -j2 --no-print-directory all >&2
    BIN=$ROOT/build/wijzer
fi

TMP=$(mktemp -d /tmp/wijzer-soak.XXXXXX)
chmod 755 "$TMP" # PostgreSQL runs as its own user and needs to reach its directory
PIDS=() PGDIR="" FAILED=0
cleanup() {
    for p in "${PIDS[@]+"${PIDS[@]}"}"; do kill -9 "$p" 2>/dev/null || true; done
    [[ -n $PGDIR ]] && scripts/pg-test-server.sh stop "$PGDIR" >/dev/null 2>&1 || true
    rm -rf "$TMP"
}
trap cleanup EXIT
log() { printf '%s\n' "$*" >&2; }
verdict() { # ok(0/1) text
    if [[ $1 == 0 ]]; then echo "PASS  $2"; else echo "FAIL  $2"; FAILED=1; fi
}
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

SERVER=""
start_server() { # db port
    "$BIN" serve --db "$1" --listen "127.0.0.1:$2" --quiet 2>>"$TMP/server.log" &
    SERVER=$!
    PIDS+=("$SERVER")
    for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    log "soak: the server did not start"; tail -5 "$TMP/server.log" >&2
    return 1
}
stop_server() {
    kill "$SERVER" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
}
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
official_token() { # db -> a bearer token of a new official
    local email="soak-$RANDOM@example.nl"
    printf 'soak-wachtwoord\n' | "$BIN" user add --db "$1" --email "$email" --name Belastingproef --role official >/dev/null
    "$BIN" token create --db "$1" --email "$email" | tail -1
}

# ---- 1. Load ------------------------------------------------------------------

DB=$TMP/soak.db
log "soak: making a database with 20,000 initiatives"
"$BIN" init --db "$DB" --demo --scale 20000 >/dev/null
TOKEN=$(official_token "$DB")
PORT=$(free_port)
start_server "$DB" "$PORT"
cat bench/lua/common.lua bench/lua/mixed.lua >"$TMP/mixed.lua"
log "soak: warm-up, 30 s at $CONN connections"
wrk -t2 -c"$CONN" -d30s --timeout 10s -s "$TMP/mixed.lua" "http://127.0.0.1:$PORT" -- "$TOKEN" 20000 >"$TMP/warm.out" 2>&1
rss_warm=$(rss_kb "$SERVER")
log "soak: $DUR s at $CONN connections"
wrk -t2 -c"$CONN" -d"${DUR}s" --timeout 10s -s "$TMP/mixed.lua" "http://127.0.0.1:$PORT" -- "$TOKEN" 20000 >"$TMP/load.out" 2>&1
rss_end=$(rss_kb "$SERVER")
line=$(grep '^BENCH' "$TMP/load.out" || echo "BENCH s5xx=-1")
s5xx=$(sed 's/.*s5xx=\([-0-9]*\).*/\1/' <<<"$line")
requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")
rps=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$line")
growth=$(awk -v a="$rss_warm" -v b="$rss_end" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
verdict $([[ $s5xx == 0 ]] && echo 0 || echo 1) \
    "load: $requests requests in $DUR s at $CONN connections (${rps} per s), answers of 500 or more: $s5xx"
verdict $(awk -v g="$growth" 'BEGIN { exit !(g < 10) }' && echo 0 || echo 1) \
    "load: resident memory $((rss_warm / 1024)) MB after warm-up, $((rss_end / 1024)) MB at the end ($growth %)"
stop_server

# ---- 2. kill -9 during writes -----------------------------------------------------

start_server "$DB" "$PORT"
log "soak: writing, and kill -9 after 4 s"
node bench/soak-client.mjs write "http://127.0.0.1:$PORT" "$TOKEN" "$TMP/ids-crash" 20 32 >"$TMP/write.out" &
writer=$!
sleep 4
kill -9 "$SERVER"
wait "$SERVER" 2>/dev/null || true
wait "$writer" || true
start_server "$DB" "$PORT"
if node bench/soak-client.mjs check "http://127.0.0.1:$PORT" "$TMP/ids-crash" >"$TMP/check.out"; then ok=0; else ok=1; fi
verdict $ok "kill -9 during writes: $(cat "$TMP/write.out"); after the restart: $(cat "$TMP/check.out")"
stop_server

# ---- 3. PostgreSQL stopped and started under load -----------------------------------

if [[ $PG == no || ! -f src/store/pg.c || ! -x scripts/pg-test-server.sh ]]; then
    echo "SKIP  database outage: no PostgreSQL backend here (or --no-pg)"
else
    PGDIR=$TMP/pg
    url=$(scripts/pg-test-server.sh start "$PGDIR")
    pgport=$(sed 's/.*:\([0-9]*\)\/.*/\1/' <<<"$url")
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    "$bindir/psql" -qtA "$url" -c "CREATE DATABASE soak" >/dev/null
    pgdb="${url%/}/soak"
    "$BIN" init --db "$pgdb" --demo --scale 2000 >/dev/null
    TOKEN=$(official_token "$pgdb")
    start_server "$pgdb" "$PORT"
    log "soak: load for 30 s; PostgreSQL stops at 6 s and starts again at 14 s"
    node bench/soak-client.mjs mixed "http://127.0.0.1:$PORT" "$TOKEN" "$TMP/ids-pg" 30 16 >"$TMP/mixed.out" &
    loader=$!
    sleep 6
    as_pg "$bindir/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null
    sleep 8
    as_pg "$bindir/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 30 \
        -o "-h 127.0.0.1 -p $pgport -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null
    wait "$loader" || true
    summary=$(cat "$TMP/mixed.out")
    # Every 5xx must be a 503 with Retry-After, there must have been some,
    # and the server must have answered 2xx again after the last failure.
    ok=$(node -e '
        const s = JSON.parse(process.argv[1]);
        const other5xx = Object.keys(s.by_status).filter((k) => /^5/.test(k) && k !== "503");
        const good = (s.by_status["503"] || 0) > 0 && other5xx.length === 0 && s.missing_retry_after === 0
            && s.first_success_after_ms !== null;
        console.log(good ? 0 : 1);' "$summary")
    verdict "$ok" "database outage: $summary"
    if node bench/soak-client.mjs check "http://127.0.0.1:$PORT" "$TMP/ids-pg" >"$TMP/check-pg.out"; then ok=0; else ok=1; fi
    verdict $ok "database outage: every acknowledged write is there: $(cat "$TMP/check-pg.out")"
    stop_server
fi

exit $FAILED
