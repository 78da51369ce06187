#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the tests and prints its connection string.
# Usage: eval "$(scripts/postgres.sh start)"   ...   scripts/postgres.sh stop "$PG_DIR"
set -euo pipefail

find_bin() {
  command -v "$1" 2>/dev/null && return
  ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1
}

case "${1:-}" in
  start)
    initdb=$(find_bin initdb); pg_ctl=$(find_bin pg_ctl)
    if [ -z "$initdb" ] || [ -z "$pg_ctl" ]; then
      echo "PostgreSQL server binaries (initdb, pg_ctl) not found; installing postgresql" >&2
      apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends postgresql >/dev/null
      initdb=$(find_bin initdb); pg_ctl=$(find_bin pg_ctl)
    fi
    dir=$(mktemp -d /tmp/roundtable-pg.XXXXXX)
    port=$(( 20000 + RANDOM % 20000 ))
    # initdb and pg_ctl refuse to run as root: run them as the postgres user when we are root.
    as=()
    if [ "$(id -u)" = 0 ]; then
      id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
      chown postgres "$dir"; as=(runuser -u postgres --)
    fi
    (cd / && "${as[@]}" "$initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1)
    (cd / && "${as[@]}" "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null)
    echo "export PG_DIR=$dir"
    echo "export ROUNDTABLE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Password=unused'"
    ;;
  stop)
    dir=${2:?usage: postgres.sh stop <dir>}
    pg_ctl=$(find_bin pg_ctl)
    as=(); [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
    (cd / && "${as[@]}" "$pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1) || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | stop <dir>" >&2; exit 2 ;;
esac
