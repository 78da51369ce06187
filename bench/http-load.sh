#!/usr/bin/env bash
# Pages against the API returning the same data, on PostgreSQL with the 20,000-delegate data set,
# one server alone and two behind nginx; cold start and memory (issue 20).
#   bash bench/http-load.sh [--delegates 20000] [--seconds 15] [--warmup 10]
# Starts the reference cluster (scripts/cluster.sh, two servers, scheduled jobs off so that the
# reminder job does not run over the seeded programme mid-measurement), seeds it, measures with wrk
# (installed from Debian when missing) and prints a markdown table. The load generator shares the
# machine's cores with the servers, nginx and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
delegates=20000 seconds=15 warmup=10
while [ $# -gt 0 ]; do
  case "$1" in
    --delegates) delegates=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    *) echo "usage: $0 [--delegates N] [--seconds S] [--warmup S]" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends wrk >/dev/null
  else sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null; fi
fi

# Benchmarks measure the app, not the rate limiter (whose own tests prove it) or the jobs.
export Scheduling__Enabled=false
for limit in ApiPerAccount ApiPerAddress SignInPerAddress PasswordResetPerAddress; do
  export "RateLimits__${limit}__PermitLimit=100000000"
done

app=${CLUSTER_APP:-/tmp/roundtable-bench-app}
if [ ! -f "$app/Roundtable.Web.dll" ]; then
  echo "== publishing the app to $app" >&2
  # ReadyToRun: precompiled code saves about a quarter of the CPU a cold start spends before it is
  # ready (mostly the JIT); it needs the linux-x64 runtime and crossgen packs from NuGet.
  dotnet publish src/Roundtable.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$app" -nologo -v quiet -clp:ErrorsOnly >&2
fi
export CLUSTER_APP=$app
eval "$(scripts/cluster.sh start 2)"
trap 'scripts/cluster.sh stop "$CLUSTER_DIR"' EXIT
read -r port1 port2 <<<"$CLUSTER_PORTS"

echo "== seeding $delegates delegates" >&2
seed_start=$(date +%s)
dotnet run -c Release --project bench/Roundtable.Seed -- --provider postgres --connection "$ROUNDTABLE_CLUSTER_POSTGRES" --delegates "$delegates" >&2
echo "seeded in $(( $(date +%s) - seed_start )) s" >&2

base1="http://127.0.0.1:$port1"
bearer() { # email
  curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"Seed-pass-2026!\"}" "$base1/api/v1/auth/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
cookie() { # email -> the sign-in cookie header value
  local jar; jar=$(mktemp)
  local token; token=$(curl -fsS -c "$jar" "$base1/Account/SignIn" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=Seed-pass-2026!" \
    --data-urlencode "__RequestVerificationToken=$token" "$base1/Account/SignIn"
  awk '$6 ~ /^\.?Roundtable|^\.AspNetCore/ && $6 !~ /Antiforgery/ { printf "%s=%s; ", $6, $7 }' "$jar"
  rm -f "$jar"
}
delegate=delegate00001@seed.roundtable.test
team=programme@seed.roundtable.test
delegate_bearer=$(bearer "$delegate"); team_bearer=$(bearer "$team")
delegate_cookie=$(cookie "$delegate"); team_cookie=$(cookie "$team")
[ -n "$delegate_cookie" ] && [ -n "$team_cookie" ] || { echo "could not sign in with a cookie" >&2; exit 1; }
session=$(curl -fsS -H "Authorization: Bearer $delegate_bearer" "$base1/api/v1/groups/mine" \
  | python3 -c 'import json,sys; g=json.load(sys.stdin); print(g[0]["sessions"][0]["id"])')

# name | kind | who | path
targets=(
  "delegate home|page|delegate|/Delegate"
  "delegate home|api|delegate|/api/v1/groups/mine"
  "partner directory|page|delegate|/Tutorials/Partners?project=2"
  "partner directory|api|delegate|/api/v1/partners?project=2"
  "session agenda|page|delegate|/Communities/Session/$session"
  "session agenda|api|delegate|/api/v1/protocol/agenda?participants=5&start=2027-01-11T10:00"
  "programme dashboard (one cohort of 2,000)|page|team|/Programme/Dashboard?cohort=1"
  "programme dashboard (one cohort of 2,000)|api|team|/api/v1/reports/cohorts/1"
)

measure() { # base, connections, who, kind, path -> "rps p99ms errors"
  local base=$1 c=$2 who=$3 kind=$4 path=$5 header
  if [ "$kind" = api ]; then
    [ "$who" = team ] && header="Authorization: Bearer $team_bearer" || header="Authorization: Bearer $delegate_bearer"
  else
    [ "$who" = team ] && header="Cookie: $team_cookie" || header="Cookie: $delegate_cookie"
  fi
  # A short warm-up, then the measured run.
  wrk -t2 -c "$c" -d 3s -H "$header" "$base$path" >/dev/null 2>&1 || true
  wrk -t2 -c "$c" -d "${seconds}s" --latency -H "$header" "$base$path" 2>&1 | python3 -c '
import re, sys
out = sys.stdin.read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\b", out, re.M)
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
err = re.search(r"Socket errors: .*", out)
scale = {"us": 0.001, "ms": 1, "s": 1000}
print("%s %s %s" % (rps.group(1) if rps else "?",
      "%.0f" % (float(p99.group(1)) * scale[p99.group(2)]) if p99 else "?",
      (bad.group(1) if bad else "0") + (" (" + err.group(0) + ")" if err else "")))'
}

# CSV import of 10,000 new delegates into a seeded cohort, through the team's pages on server 1:
# upload (parse and check every row), the preview page, then confirm (write them all).
import_csv() {
  local jar csv token location preview pending t0 t1 t2 t3
  jar=$(mktemp); csv=$(mktemp --suffix=.csv)
  python3 - "$csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("email,name,school_urn,school_name,phase,setting_type,region,number_on_roll,birthday,tutor_email\n")
    for n in range(1, 10001):
        urn = 900000 + n % 3000
        f.write(f"import{n:05d}@bench.roundtable.test,Imported {n:05d},{urn},School {urn},Primary,Academy,South East,400,{1 + n % 28}/{1 + n % 12},\n")
PY
  token=$(curl -fsS -c "$jar" "$base1/Account/SignIn" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=$team" --data-urlencode "Input.Password=Seed-pass-2026!" \
    --data-urlencode "__RequestVerificationToken=$token" "$base1/Account/SignIn"
  token=$(curl -fsS -b "$jar" -c "$jar" "$base1/Programme/Cohorts/Import/10" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
  t0=$(date +%s%N)
  location=$(curl -fsS -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' -F "__RequestVerificationToken=$token" -F "Upload=@$csv;type=text/csv" \
    "$base1/Programme/Cohorts/Import/10?handler=Upload")
  t1=$(date +%s%N)
  preview=$(curl -fsS -b "$jar" -c "$jar" "$location")
  t2=$(date +%s%N)
  pending=$(sed -n 's/.*name="Pending" value="\([^"]*\)".*/\1/p' <<<"$preview" | head -n 1)
  token=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$preview" | tail -n 1)
  local done_at; done_at=$(curl -fsS -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "Pending=$pending" \
    --data-urlencode "__RequestVerificationToken=$token" "$base1/Programme/Cohorts/Import/10?handler=Confirm")
  t3=$(date +%s%N)
  [ "$done_at" = 302 ] || { echo "import confirm answered $done_at" >&2; }
  rm -f "$jar" "$csv"
  echo "$(( (t1 - t0) / 1000000 )) $(( (t2 - t1) / 1000000 )) $(( (t3 - t2) / 1000000 )) $(( (t3 - t0) / 1000000 ))"
}

rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
pid1=$(cat "$CLUSTER_DIR/server1.pid")
echo "server 1 at rest: $(rss "$pid1") MB" >&2
rest=$(rss "$pid1")

# Steady state: each server runs every target for a while first, so that the JIT's second tier
# (which replaces the ReadyToRun code of hot methods after their first calls) has settled before
# anything is timed; a fresh server's first seconds are the cold start's business, measured below.
port2=${port2:-}
for t in "${targets[@]}"; do
  IFS='|' read -r name kind who path <<<"$t"
  for base in "$base1" ${port2:+"http://127.0.0.1:$port2"}; do
    if [ "$kind" = api ]; then
      [ "$who" = team ] && header="Authorization: Bearer $team_bearer" || header="Authorization: Bearer $delegate_bearer"
    else
      [ "$who" = team ] && header="Cookie: $team_cookie" || header="Cookie: $delegate_cookie"
    fi
    wrk -t2 -c8 -d"${warmup}s" -H "$header" "$base$path" >/dev/null 2>&1 || true
  done
done

echo
echo "| what | kind | connections | one server: requests/s | p99 | two servers behind nginx: requests/s | p99 | non-2xx |"
echo "|---|---|---|---|---|---|---|---|"
for t in "${targets[@]}"; do
  IFS='|' read -r name kind who path <<<"$t"
  for c in 8 64; do
    read -r rps1 p991 bad1 <<<"$(measure "$base1" "$c" "$who" "$kind" "$path")"
    read -r rps2 p992 bad2 <<<"$(measure "$CLUSTER_URL" "$c" "$who" "$kind" "$path")"
    echo "| $name | $kind | $c | $rps1 | $p991 ms | $rps2 | $p992 ms | $bad1 / $bad2 |"
  done
done
loaded=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid1/status")

read -r upload preview confirm total <<<"$(import_csv)"
echo
echo "| CSV import of 10,000 new delegates | upload and check | preview page | confirm and write | total |"
echo "|---|---|---|---|---|"
echo "| cohort of 2,000, PostgreSQL, server 1 | $upload ms | $preview ms | $confirm ms | $total ms |"

# Cold start: server 1 stopped and started again on the existing, seeded database.
kill "$pid1"; while kill -0 "$pid1" 2>/dev/null; do sleep 0.2; done
start_ns=$(date +%s%N)
(cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="$base1" Database__Provider=Postgres \
  ConnectionStrings__Roundtable="$ROUNDTABLE_CLUSTER_POSTGRES" App__BaseUrl="$CLUSTER_URL" \
  Email__Host=127.0.0.1 Email__Port=2525 Email__UseTls=false dotnet "$app/Roundtable.Web.dll") </dev/null >"$CLUSTER_DIR/server1-restart.log" 2>&1 &
echo $! > "$CLUSTER_DIR/server1.pid"
until curl -fs -o /dev/null "$base1/health/ready"; do sleep 0.05; done
cold=$(( ($(date +%s%N) - start_ns) / 1000000 ))
echo
echo "| cold start to ready (existing database) | memory at rest (RSS) | memory peak under load (VmHWM) |"
echo "|---|---|---|"
echo "| $cold ms | $rest MB | $loaded MB |"
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
