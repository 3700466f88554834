#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests, from Debian's postgresql
# package:
#   scripts/pg-test-server.sh start DIR   initdb into DIR, start it on
#       127.0.0.1 on a free port (unix socket in DIR too), trust auth for
#       local test use only; prints the base URL postgres://postgres@127.0.0.1:PORT/
#   scripts/pg-test-server.sh stop DIR    stops it and removes DIR
#   scripts/pg-test-server.sh halt DIR    stops the server, keeps its data (an outage)
#   scripts/pg-test-server.sh resume DIR  starts it again on the same port
# The server refuses to run as root, so it runs as the postgres user
# (runuser) when started by root.
set -euo pipefail

cmd=${1:-} dir=${2:-}
if [[ -z $cmd || -z $dir ]] || [[ ! $cmd =~ ^(start|stop|halt|resume)$ ]]; then
    echo "usage: $0 start|stop|halt|resume DIR" >&2
    exit 2
fi

bindir=${PG_BINDIR:-}
if [[ -z $bindir ]]; then
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x $d/initdb ]] && { bindir=$d; break; }
    done
fi
if [[ -z $bindir || ! -x $bindir/pg_ctl ]]; then
    echo "pg-test-server: no PostgreSQL server binaries (apt-get install postgresql)" >&2
    exit 1
fi

as_pg() {
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
        || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Throw-away data: no fsync, small WAL, and enough connections for a few
# wijzer processes with their pools.
opts="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c recovery_init_sync_method=syncfs"
opts+=" -c max_connections=300"
pg_start() { # port
    as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-h 127.0.0.1 -p $1 -k $dir $opts" \
        start >/dev/null 2>&1
}

[[ -d $dir ]] && dir=$(cd "$dir" && pwd)
if [[ $cmd == halt ]]; then
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    exit 0
fi
if [[ $cmd == resume ]]; then
    pg_start "$(cat "$dir/port")" || { cat "$dir/server.log" >&2; exit 1; }
    exit 0
fi
if [[ $cmd == stop ]]; then
    if [[ -f $dir/data/postmaster.pid ]]; then
        as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    exit 0
fi

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
if [[ $(id -u) == 0 ]]; then
    chown postgres: "$dir"
    chmod 700 "$dir"
fi
# C.UTF-8: the same byte order as SQLite, whatever locales are installed.
as_pg "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
}
for attempt in 1 2 3; do
    port=$(free_port)
    if pg_start "$port"; then
        echo "$port" >"$dir/port"
        echo "postgres://postgres@127.0.0.1:$port/"
        exit 0
    fi
    # A port taken between the check and the start: try another.
    grep -qi "in use" "$dir/server.log" 2>/dev/null || break
done
cat "$dir/server.log" >&2 2>/dev/null || true
exit 1
