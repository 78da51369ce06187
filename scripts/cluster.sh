#!/usr/bin/env bash
# The reference deployment on one machine: a throwaway PostgreSQL, N app servers (default 2) and
# nginx in front (round robin, event streams unbuffered). Used by people, tests and benchmarks.
#   eval "$(scripts/cluster.sh start [N])"   # prints CLUSTER_URL, CLUSTER_DIR, CLUSTER_PORTS, ROUNDTABLE_CLUSTER_POSTGRES
#   scripts/cluster.sh stop "$CLUSTER_DIR"
# The app is published once to $CLUSTER_DIR/app (Release). Set CLUSTER_APP to a published folder to reuse one.
# The harness's nginx adds X-Upstream (which server answered) so tests can see requests cross servers.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { echo "$@" >&2; }

wait_ready() { # url, seconds
  local url=$1 until=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -lt "$until" ]; do
    curl -fs -o /dev/null "$url" && return 0
    sleep 0.5
  done
  return 1
}

case "${1:-}" in
  start)
    servers=${2:-2}
    if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
      log "== installing nginx"
      if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
      else sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq --no-install-recommends nginx-light >/dev/null; fi
    fi
    nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
    dir=$(mktemp -d /tmp/roundtable-cluster.XXXXXX)
    eval "$(scripts/postgres.sh start)"
    echo "$PG_DIR" > "$dir/pg_dir"
    connection="$ROUNDTABLE_TEST_POSTGRES;Database=roundtable"

    app=${CLUSTER_APP:-}
    if [ -z "$app" ]; then
      log "== publishing the app"
      dotnet publish src/Roundtable.Web -c Release -o "$dir/app" -nologo -v quiet -clp:ErrorsOnly >&2
      app="$dir/app"
    fi

    base=$(( 30000 + RANDOM % 20000 ))
    proxy_port=$base
    ports=()
    upstreams=""
    for i in $(seq 1 "$servers"); do
      port=$(( base + i ))
      ports+=("$port")
      upstreams+="        server 127.0.0.1:$port max_fails=1 fail_timeout=2s;"$'\n'
    done
    # The servers start one after another: the first applies the migrations. Generous wait: on a
    # loaded two-core machine a cold start with the migrations has taken over two minutes.
    for i in $(seq 1 "$servers"); do
      port=${ports[$((i - 1))]}
      # exec: the process id recorded is the server's own; its output goes to its log, so nothing
      # keeps this script's output open (callers read it to the end).
      (cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Staging \
        ASPNETCORE_URLS="http://127.0.0.1:$port" \
        Database__Provider=Postgres \
        ConnectionStrings__Roundtable="$connection" \
        App__BaseUrl="http://127.0.0.1:$proxy_port" \
        Email__Host=127.0.0.1 Email__Port="${CLUSTER_SMTP_PORT:-2525}" Email__UseTls=false \
        ForwardedHeaders__KnownProxies__0=127.0.0.1 \
        Metrics__ScrapeToken="${CLUSTER_SCRAPE_TOKEN:-cluster-scrape-token}" \
        dotnet "$app/Roundtable.Web.dll") </dev/null >"$dir/server$i.log" 2>&1 &
      echo $! > "$dir/server$i.pid"
      wait_ready "http://127.0.0.1:$port/health/ready" 300 || { log "server $i did not become ready: see $dir/server$i.log"; exit 1; }
    done

    sed -e "s#@@DIR@@#$dir#g" -e "s#@@PORT@@#$proxy_port#g" deploy/nginx/roundtable.conf.template \
      | awk -v servers="$upstreams" -v extra="        add_header X-Upstream \$upstream_addr always;" \
          '{ if ($0 == "@@SERVERS@@") printf "%s", servers; else if ($0 == "@@EXTRA@@") print extra; else print }' > "$dir/nginx.conf"
    "$nginx_bin" -c "$dir/nginx.conf" -p "$dir" -e "$dir/nginx-error.log" </dev/null >/dev/null 2>&1
    wait_ready "http://127.0.0.1:$proxy_port/health/ready" 30 || { log "nginx did not answer: see $dir/nginx-error.log"; exit 1; }

    echo "export CLUSTER_DIR=$dir"
    echo "export CLUSTER_URL=http://127.0.0.1:$proxy_port"
    echo "export CLUSTER_PORTS='${ports[*]}'"
    echo "export ROUNDTABLE_CLUSTER_POSTGRES='$connection'"
    log "Roundtable: http://127.0.0.1:$proxy_port ($servers servers behind nginx; logs in $dir)"
    ;;
  stop)
    dir=${2:?usage: cluster.sh stop <dir>}
    nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
    [ -f "$dir/nginx.pid" ] && "$nginx_bin" -c "$dir/nginx.conf" -p "$dir" -s stop 2>/dev/null || true
    for pid in "$dir"/server*.pid; do
      [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true
    done
    sleep 1
    for pid in "$dir"/server*.pid; do
      [ -f "$pid" ] && kill -9 "$(cat "$pid")" 2>/dev/null || true
    done
    [ -f "$dir/pg_dir" ] && scripts/postgres.sh stop "$(cat "$dir/pg_dir")"
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start [servers] | stop <dir>" >&2; exit 2 ;;
esac
