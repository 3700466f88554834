#!/usr/bin/env bash
# Installs what the build and the tests need, only when it is missing:
# Debian packages with apt-get, browser-test tooling and CSS with npm.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential pkg-config libmicrohttpd-dev libsqlite3-dev libpq-dev libsodium-dev libjansson-dev
          libcmark-dev libstemmer-dev libcmocka-dev nodejs npm chromium curl
          postgresql postgresql-client
          clang-14 libclang-rt-14-dev)  # make fuzz: clang with libFuzzer and the sanitizers
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# node and npm may come from elsewhere than Debian; accept them if present.
if command -v node >/dev/null && command -v npm >/dev/null; then
    tmp=(); for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || tmp+=("$p"); done
    missing=("${tmp[@]+"${tmp[@]}"}")
fi
if ((${#missing[@]})); then
    echo "install-deps: apt-get install ${missing[*]}"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# npm: CSS for the binary and the browser-test tools; re-run when the lock changes.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "install-deps: npm ci"
    npm ci --no-audit --no-fund --loglevel=error
fi
