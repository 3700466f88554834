#!/usr/bin/env bash
# Benchmarks (`make bench`): wijzer on loopback against nginx serving a
# static file of the same size as each measured page, with wrk, in one run.
#
#   bench/run.sh [--million] [--duration S] [--connections N] [--no-pg]
#                [--baseline BIN] [--sizes "N …"]
#
# Per database size (100,000 initiatives; with --million also 1,000,000):
#   object   GET /api/v1/initiatives/{id}   random ids             vs nginx
#   list     GET /initiatieven              the list page, 20 items vs nginx
#            (one address: after the first few, from the answer cache)
#   pages    GET /initiatieven?page=N       random pages: made each time
#            (up to the last one the list shows: LIST_OFFSET_MAX items)
#   search   GET /api/v1/initiatives?q=…    20 realistic words      vs nginx
#            (popular searches: mostly from the answer cache)
#   search2  with 2 connections (one per core), every query a new address,
#            so never from the cache: the latency a person sees for a
#            search the server has to do; with 64 connections the latency
#            is mostly waiting in line
#   writes   POST /api/v1/initiatives and …/transitions with a token
# plus the resident memory (VmRSS, VmHWM) of the server afterwards.
# With PostgreSQL (src/store/pg.c and Debian's server binaries present,
# unless --no-pg): the same on PostgreSQL with one process, up to
# BENCH_PG_MAX initiatives (default 100,000; making 1,000,000 takes about
# a quarter of an hour), and at the smallest size also with one and two
# processes behind nginx as a proxy (as in production).
# --baseline BIN measures another wijzer binary on SQLite in the same run
# (before/after a change). Prints a Markdown table at the end.
#
# Databases are made with `wijzer init --demo --scale N` and cached in
# var/bench/ (remade when src/domain/scale.c changes; the
# 1,000,000 one grows a copy of the 100,000 one; PostgreSQL's in a cluster
# in var/bench/pg). Each SQLite measurement runs on a copy, so the write
# mix never changes the cache (on PostgreSQL it adds a few thousand rows).
# Environment: WIJZER_BIN (default build/wijzer, built with make).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SIZES="100000" DUR=10 CONN=64 PG=auto BASELINE="" THREADS=2
while [[ $# -gt 0 ]]; do
    case $1 in
    --million) SIZES="100000 1000000" ;;
    --sizes) SIZES=$2; shift ;;
    --duration) DUR=$2; shift ;;
    --connections) CONN=$2; shift ;;
    --no-pg) PG=no ;;
    --baseline) BASELINE=$2; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

VAR=$ROOT/var/bench
mkdir -p "$VAR"
TMP=$(mktemp -d /tmp/wijzer-bench.XXXXXX)
chmod 755 "$TMP"
PIDS=()
cleanup() {
    for p in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$p" 2>/dev/null || true; done
    sleep 0.5
    for p in "${PIDS[@]+"${PIDS[@]}"}"; do kill -9 "$p" 2>/dev/null || true; done
    pg_stop
    rm -rf "$TMP" "$VAR"/work-*
}
trap cleanup EXIT
log() { printf '%s\n' "$*" >&2; }

# ---- Tools ------------------------------------------------------------------

need_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
    command -v curl >/dev/null || missing+=(curl)
    [[ ${#missing[@]} -eq 0 ]] && return
    log "bench: installing ${missing[*]}"
    apt-get install -y "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
}
need_tools
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

BIN=${WIJZER_BIN:-}
if [[ -z $BIN ]]; then
    make -j2 --no-print-directory all >&2
    BIN=$ROOT/build/wijzer
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }'; }

# ---- Databases ----------------------------------------------------------------

# Remade when the generator changes; a newer migration is applied to a
# cached database by `wijzer init` (upgrade, below).
STAMP=$(md5sum <src/domain/scale.c | cut -c1-12)
declare -A MADE_IN # "engine size" -> seconds it took to make

# A cached database made by an older program: `wijzer init` brings it to
# the newest migration and makes what is made ahead (the API's initiative
# objects), as an upgrade would before the servers start.
upgrade() {
    "$BIN" init --db "$1" >/dev/null
}

# The cached SQLite database with n initiatives (its path in DB).
DB=""
sqlite_db() {
    local n=$1 db=$VAR/sqlite-$1.db
    if [[ -f $db && "$(cat "$db.stamp" 2>/dev/null)" == "$STAMP" ]]; then
        MADE_IN["sqlite $n"]=$(cat "$db.seconds")
        DB=$db
        upgrade "$db"
        return
    fi
    rm -f "$db" "$db"-* "$db.stamp"
    local t0 base=0 prev=""
    t0=$(now)
    if [[ $n -gt 100000 ]]; then
        sqlite_db 100000
        prev=$DB
        cp "$prev" "$db"
        base=100000
    fi
    log "bench: making $db (init --demo --scale $((n - base)))"
    "$BIN" init --db "$db" --demo --scale $((n - base)) >&2
    local s
    s=$(elapsed "$t0")
    [[ -n $prev ]] && s=$((s + $(cat "$prev.seconds")))
    echo "$s" >"$db.seconds"
    echo "$STAMP" >"$db.stamp"
    MADE_IN["sqlite $n"]=$s
    DB=$db
}

# PostgreSQL for the benchmarks: a cluster of its own in var/bench/pg (kept
# between runs, like the SQLite files; started on a free port for the run
# and stopped after), with a database per size, remade when the
# generator changes. synchronous_commit=off, as SQLite's WAL with
# synchronous=NORMAL: a commit is not waited for on disk (wijzer itself
# never turns it off). Memory and costs as one would set them on a real
# server of this size (24 GB, data in the page cache or on SSD) rather
# than the defaults for a small one: shared_buffers 128 MB held less than
# the 100,000 initiatives' table, so a search of a common word read from
# the kernel again and again, and random_page_cost 4 (a spinning disk)
# made the planner walk the whole table backwards rather than fetch a
# word's few thousand rows through its index. Fewer checkpoints under the
# write mix (max_wal_size).
PG_CONF="-c synchronous_commit=off -c max_connections=300 -c shared_buffers=2GB -c effective_cache_size=8GB"
PG_CONF+=" -c random_page_cost=1.1 -c max_wal_size=4GB"
PGURL="" PG_BIN="" PG_DATA=$VAR/pg/data
PG_STAMP=$STAMP
pg_available() {
    [[ $PG != no && -f src/store/pg.c ]] && PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1) \
        && [[ -x $PG_BIN/pg_ctl ]]
}
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_do() { "$PG_BIN/psql" -qtA "$1" -c "$2"; }
pg_start() {
    mkdir -p "$VAR/pg"
    [[ $(id -u) == 0 ]] && chown postgres: "$VAR/pg" && chmod 700 "$VAR/pg"
    if [[ ! -f $PG_DATA/PG_VERSION ]]; then
        as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 \
            || { cat "$TMP/initdb.log" >&2; return 1; }
    fi
    local port
    port=$(free_port)
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$VAR/pg/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $VAR/pg $PG_CONF" start >/dev/null
    PGURL="postgres://postgres@127.0.0.1:$port/"
}
pg_stop() {
    [[ -n $PGURL ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    PGURL=""
}
# A database with n initiatives; its URL in DB.
pg_db() {
    local n=$1 name=bench$1 stampf=$VAR/pg-$1.stamp
    [[ -n $PGURL ]] || pg_start
    local url="${PGURL}$name"
    if [[ "$(cat "$stampf" 2>/dev/null)" == "$PG_STAMP" ]] \
        && psql_do "$PGURL" "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
        MADE_IN["postgresql $n"]=$(cat "$VAR/pg-$n.seconds")
        upgrade "$url"
    else
        psql_do "$PGURL" "DROP DATABASE IF EXISTS $name" >/dev/null
        psql_do "$PGURL" "CREATE DATABASE $name" >/dev/null
        local t0
        t0=$(now)
        log "bench: making PostgreSQL database $name (init --demo --scale $n)"
        "$BIN" init --db "$url" --demo --scale "$n" >&2
        elapsed "$t0" >"$VAR/pg-$n.seconds"
        echo "$PG_STAMP" >"$stampf"
        MADE_IN["postgresql $n"]=$(cat "$VAR/pg-$n.seconds")
    fi
    DB=$url
}

# ---- Servers --------------------------------------------------------------------

# Starts one wijzer process per port given; their pids go to SERVER_PIDS.
SERVER_PIDS=()
start_wijzer() {
    local bin=$1 db=$2 port ok
    shift 2
    SERVER_PIDS=()
    for port in "$@"; do
        "$bin" serve --db "$db" --listen "127.0.0.1:$port" --quiet 2>>"$TMP/wijzer.log" &
        SERVER_PIDS+=($!)
        PIDS+=($!)
    done
    for port in "$@"; do
        ok=0
        for _ in $(seq 1 100); do
            curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && { ok=1; break; }
            sleep 0.1
        done
        [[ $ok == 1 ]] || { log "bench: wijzer did not start"; tail -5 "$TMP/wijzer.log" >&2; return 1; }
    done
}
stop_wijzer() {
    for p in "${SERVER_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${SERVER_PIDS[@]}"; do
        for _ in $(seq 1 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
    SERVER_PIDS=()
}

# nginx serves the static copies on NGINX_PORT and, as in production,
# spreads requests over wijzer processes: PROXY1_PORT over one (on
# UP1_PORT), PROXY2_PORT over two (UP1_PORT and UP2_PORT).
NGINX_PORT="" PROXY1_PORT="" PROXY2_PORT="" UP1_PORT="" UP2_PORT=""
start_nginx() {
    NGINX_PORT=$(free_port) PROXY1_PORT=$(free_port) PROXY2_PORT=$(free_port) UP1_PORT=$(free_port) UP2_PORT=$(free_port)
    mkdir -p "$TMP/nginx/www"
    cat >"$TMP/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000000;
    keepalive_timeout 65;
    types { application/json json; text/html html; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $TMP/nginx/www;
    }
    upstream one { server 127.0.0.1:$UP1_PORT; keepalive 64; }
    upstream two { server 127.0.0.1:$UP1_PORT; server 127.0.0.1:$UP2_PORT; keepalive 64; }
    server {
        listen 127.0.0.1:$PROXY1_PORT;
        location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; }
    }
    server {
        listen 127.0.0.1:$PROXY2_PORT;
        location / { proxy_pass http://two; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; }
    }
}
EOF
    chmod -R a+rX "$TMP/nginx"
    "$NGINX" -c "$TMP/nginx/nginx.conf" -p "$TMP/nginx" 2>>"$TMP/nginx/error.log" &
    PIDS+=($!)
    for _ in $(seq 1 50); do
        curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/" -H 'Host: x' 2>/dev/null && break
        [[ -f $TMP/nginx/nginx.pid ]] && break
        sleep 0.1
    done
    sleep 0.3
}
# Saves the real answer of url as a static file for nginx; prints its size.
static_copy() {
    curl -sf "$1" -o "$TMP/nginx/www/$2"
    chmod a+r "$TMP/nginx/www/$2"
    stat -c %s "$TMP/nginx/www/$2"
}

# ---- wrk --------------------------------------------------------------------------

lua() { # name -> a script with the shared part in front
    cat bench/lua/common.lua "bench/lua/$1.lua" >"$TMP/$1.lua"
    echo "$TMP/$1.lua"
}
# wrk conns url script [args…] -> "rps p50 p99 non2xx+errors"
measure() {
    local conns=$1 url=$2 script=$3; shift 3
    local t=$THREADS
    [[ $conns -lt $t ]] && t=$conns
    wrk -t"$t" -c"$conns" -d"${DUR}s" --timeout 10s --latency -s "$(lua "$script")" "$url" -- "$@" >"$TMP/wrk.out" 2>&1 || true
    local line
    line=$(grep '^BENCH' "$TMP/wrk.out" || true)
    if [[ -z $line ]]; then
        log "bench: wrk failed:"; cat "$TMP/wrk.out" >&2
        echo "0 0 0 -1"
        return
    fi
    awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
           printf "%s %s %s %d\n", v["rps"], v["p50_ms"], v["p99_ms"], v["non2xx"] + v["sockerr"] }' <<<"$line"
}
warm() { # a short run first, so caches are warm for the measurement
    local saved=$DUR
    DUR=3
    measure "$@" >/dev/null
    DUR=$saved
}

ROWS=() RSS_ROWS=()
row() { ROWS+=("$*"); }

# Measures one configuration; label e.g. "SQLite", "PostgreSQL, 2 processes".
# The largest VmRSS and VmHWM (kB) seen in any server process so far.
MEM_RSS=0 MEM_HWM=0
sample_memory() {
    local p r h
    for p in "${SERVER_PIDS[@]}"; do
        if [[ ! -r /proc/$p/status ]]; then
            log "bench: wijzer process $p is gone:"; tail -5 "$TMP/wijzer.log" >&2
            continue
        fi
        read -r r h < <(awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { print r + 0, h + 0 }' "/proc/$p/status")
        ((r > MEM_RSS)) && MEM_RSS=$r
        ((h > MEM_HWM)) && MEM_HWM=$h
    done
    return 0
}

# Each test gets a freshly started server, so one test's slow requests
# (still running after wrk gave up on them) cannot slow down the next.
# mode: direct (wrk talks to one process), proxy1 (through nginx to one
# process) or proxy2 (through nginx to two).
run_config() {
    local label=$1 bin=$2 db=$3 n=$4 mode=$5
    local base ports
    case $mode in
    direct) ports=("$(free_port)"); base=http://127.0.0.1:${ports[0]} ;;
    proxy1) ports=("$UP1_PORT"); base=http://127.0.0.1:$PROXY1_PORT ;;
    proxy2) ports=("$UP1_PORT" "$UP2_PORT"); base=http://127.0.0.1:$PROXY2_PORT ;;
    esac
    log "bench: $label, $n initiatives"
    MEM_RSS=0 MEM_HWM=0
    start_wijzer "$bin" "$db" "${ports[@]}"
    local mid=$((n / 2))
    local s_obj s_list s_search
    s_obj=$(static_copy "$base/api/v1/initiatives/$mid" object.json)
    s_list=$(static_copy "$base/initiatieven" list.html)
    s_search=$(static_copy "$base/api/v1/initiatives?q=moestuin" search.json)

    local r ng
    warm "$CONN" "$base" object "$n"
    r=$(measure "$CONN" "$base" object "$n")
    ng=$(measure "$CONN" "http://127.0.0.1:$NGINX_PORT/object.json" static)
    row "$n|$label|object|$r|$ng|$s_obj"
    sample_memory
    stop_wijzer

    start_wijzer "$bin" "$db" "${ports[@]}"
    warm "$CONN" "$base/initiatieven" static
    r=$(measure "$CONN" "$base/initiatieven" static)
    ng=$(measure "$CONN" "http://127.0.0.1:$NGINX_PORT/list.html" static)
    row "$n|$label|list|$r|$ng|$s_list"
    sample_memory
    stop_wijzer

    start_wijzer "$bin" "$db" "${ports[@]}"
    # Random pages up to the reach of the list (LIST_OFFSET_MAX items,
    # src/domain/initiatives.h); pages past it are refused at once.
    local reach pages=$((n / 20))
    reach=$(sed -n 's/.*LIST_OFFSET_MAX = \([0-9]*\).*/\1/p' "$ROOT/src/domain/initiatives.h")
    if ((pages > ${reach:-10000} / 20)); then pages=$((${reach:-10000} / 20)); fi
    warm "$CONN" "$base" pages "$pages"
    r=$(measure "$CONN" "$base" pages "$pages")
    ng=$(measure "$CONN" "http://127.0.0.1:$NGINX_PORT/list.html" static)
    row "$n|$label|pages:$pages|$r|$ng|$s_list"
    sample_memory
    stop_wijzer

    start_wijzer "$bin" "$db" "${ports[@]}"
    warm "$CONN" "$base" search
    r=$(measure "$CONN" "$base" search)
    ng=$(measure "$CONN" "http://127.0.0.1:$NGINX_PORT/search.json" static)
    row "$n|$label|search|$r|$ng|$s_search"
    sample_memory
    stop_wijzer

    start_wijzer "$bin" "$db" "${ports[@]}"
    warm 2 "$base" search new
    r=$(measure 2 "$base" search new)
    row "$n|$label|search2|$r|-|$s_search"
    sample_memory
    stop_wijzer

    # The writes need an official's API token.
    local email="meting-$RANDOM@example.nl" token
    printf 'meting-wachtwoord\n' | "$bin" user add --db "$db" --email "$email" --name "Meting" --role official >/dev/null
    token=$("$bin" token create --db "$db" --email "$email" | tail -1)
    start_wijzer "$bin" "$db" "${ports[@]}"
    r=$(measure "$CONN" "$base" writes "$token")
    row "$n|$label|writes|$r|-|-"
    sample_memory
    stop_wijzer
    RSS_ROWS+=("$n|$label|$MEM_RSS $MEM_HWM")
}

# A copy of the cached SQLite database to measure on.
work_copy() {
    local w=$VAR/work-$1.db
    rm -f "$w" "$w"-*
    cp "$2" "$w"
    echo "$w"
}

# ---- The run ------------------------------------------------------------------------

start_nginx
for n in $SIZES; do
    sqlite_db "$n"
    db=$DB
    if [[ -n $BASELINE ]]; then
        run_config "SQLite, before" "$BASELINE" "$(work_copy before "$db")" "$n" direct
    fi
    run_config "SQLite" "$BIN" "$(work_copy now "$db")" "$n" direct
    rm -f "$VAR"/work-*
    if pg_available && [[ $n -le ${BENCH_PG_MAX:-100000} ]]; then
        pg_db "$n"
        run_config "PostgreSQL, 1 process" "$BIN" "$DB" "$n" direct
        # One against two processes once, at the smallest size: the
        # comparison does not change with the size, the run time does.
        if [[ $n == "${SIZES%% *}" ]]; then
            run_config "PostgreSQL, 1 process behind nginx" "$BIN" "$DB" "$n" proxy1
            run_config "PostgreSQL, 2 processes behind nginx" "$BIN" "$DB" "$n" proxy2
        fi
    fi
done

# ---- The table ------------------------------------------------------------------------

thousands() { sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<<"$1"; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($cpu), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM,"
echo "$(uname -sr); wrk -t$THREADS -c$CONN -d${DUR}s on loopback (search, 2 connections: -t2 -c2); nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///'), worker_processes auto."
echo
echo "| initiatives | engine | test | wijzer req/s | nginx req/s (same bytes) | ratio | p50 ms | p99 ms | failed |"
echo "|---:|---|---|---:|---:|---:|---:|---:|---:|"
for r in "${ROWS[@]}"; do
    IFS='|' read -r n label test w ng bytes <<<"$r"
    read -r rps p50 p99 bad <<<"$w"
    name=$test
    case $test in
    object) name="API object, random ids ($bytes B)" ;;
    list) name="list page, 20 items ($bytes B), from the cache" ;;
    pages:*) name="list page, random pages 1–${test#pages:} (not cached)" ;;
    search) name="search, 20 popular words ($bytes B), from the cache" ;;
    search2) name="search, 2 connections, every query new (not cached)" ;;
    writes) name="write mix (create + transitions)" ;;
    esac
    if [[ $ng == - ]]; then
        nrps="—" ratio="—"
    else
        read -r nrps _ <<<"$ng"
        ratio=$(awk -v a="$rps" -v b="$nrps" 'BEGIN { printf (b > 0 ? "%.2f" : "—"), a / b }')
        nrps=$(printf "%.0f" "$nrps")
    fi
    printf "| %s | %s | %s | %.0f | %s | %s | %s | %s | %s |\n" \
        "$(thousands "$n")" "$label" "$name" "$rps" "$nrps" "$ratio" "$p50" "$p99" "$bad"
done
echo
echo "| initiatives | engine | database made in | resident memory, largest of any test (VmRSS / VmHWM, per process) |"
echo "|---:|---|---:|---|"
for r in "${RSS_ROWS[@]}"; do
    IFS='|' read -r n label mem <<<"$r"
    key="sqlite $n"
    [[ $label == PostgreSQL* ]] && key="postgresql $n"
    made=${MADE_IN[$key]:-}
    [[ $label == *before* || $label == *nginx* ]] && made=""
    read -r rss hwm <<<"$mem"
    printf "| %s | %s | %s | %.1f MB / %.1f MB |\n" "$(thousands "$n")" "$label" "${made:+${made} s}" \
        "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$(awk -v k="$hwm" 'BEGIN { print k / 1024 }')"
done
if ! pg_available; then
    echo
    echo "PostgreSQL: not measured (no src/store/pg.c or PostgreSQL server binaries, or --no-pg)."
elif [[ $SIZES == *1000000* && ${BENCH_PG_MAX:-100000} -lt 1000000 ]]; then
    echo
    echo "PostgreSQL at 1,000,000: not measured (making it takes about a quarter of an hour here;"
    echo "set BENCH_PG_MAX=1000000 to include it)."
fi
