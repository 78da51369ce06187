#!/usr/bin/env bash
# The CSV import of 10,000 new delegates alone (issue 20's goal: under 3 s), the same measurement as
# bench/http-load.sh's import step without its 11 minutes of page load: one app server on a
# throwaway PostgreSQL seeded with the data set, then upload, preview and confirm through the team's
# pages, timed with curl.
#   bash bench/import.sh [--delegates 20000] [--rows 10000] [--runs 1]
# Each run imports a new file (new people, new schools) into a seeded cohort of 2,000. Set
# Import__BulkCopy=false to measure the confirm through EF instead of COPY (the "before").
set -euo pipefail
cd "$(dirname "$0")/.."
delegates=20000 rows=10000 runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --delegates) delegates=$2; shift 2 ;;
    --rows) rows=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: $0 [--delegates N] [--rows N] [--runs N]" >&2; exit 2 ;;
  esac
done

export Scheduling__Enabled=false
for limit in ApiPerAccount ApiPerAddress SignInPerAddress PasswordResetPerAddress; do
  export "RateLimits__${limit}__PermitLimit=100000000"
done
app=${CLUSTER_APP:-/tmp/roundtable-import-bench-app}
if [ ! -f "$app/Roundtable.Web.dll" ]; then
  echo "== publishing the app to $app" >&2
  dotnet publish src/Roundtable.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$app" -nologo -v quiet -clp:ErrorsOnly >&2
fi
export CLUSTER_APP=$app
eval "$(scripts/cluster.sh start 1)"
trap 'scripts/cluster.sh stop "$CLUSTER_DIR"' EXIT
read -r port1 <<<"$CLUSTER_PORTS"
base1="http://127.0.0.1:$port1"

echo "== seeding $delegates delegates" >&2
dotnet run -c Release --project bench/Roundtable.Seed -- --provider postgres --connection "$ROUNDTABLE_CLUSTER_POSTGRES" --delegates "$delegates" >&2
team=programme@seed.roundtable.test
token_of() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p'; }

import_csv() { # run number -> "upload preview confirm total" in ms
  local jar csv token location preview pending t0 t1 t2 t3 done_at
  jar=$(mktemp); csv=$(mktemp --suffix=.csv)
  python3 - "$csv" "$1" "$rows" <<'PY'
import sys
run, rows = int(sys.argv[2]), int(sys.argv[3])
with open(sys.argv[1], "w") as f:
    f.write("email,name,school_urn,school_name,phase,setting_type,region,number_on_roll,birthday,tutor_email\n")
    for n in range(1, rows + 1):
        urn = 900000 - run * 10000 + n % 3000
        f.write(f"import{run}-{n:05d}@bench.roundtable.test,Imported {n:05d},{urn},School {urn},Primary,Academy,South East,400,{1 + n % 28}/{1 + n % 12},\n")
PY
  token=$(curl -fsS -c "$jar" "$base1/Account/SignIn" | token_of | head -n 1)
  curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=$team" --data-urlencode "Input.Password=Seed-pass-2026!" \
    --data-urlencode "__RequestVerificationToken=$token" "$base1/Account/SignIn"
  token=$(curl -fsS -b "$jar" -c "$jar" "$base1/Programme/Cohorts/Import/10" | token_of | head -n 1)
  t0=$(date +%s%N)
  location=$(curl -fsS -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' -F "__RequestVerificationToken=$token" -F "Upload=@$csv;type=text/csv" \
    "$base1/Programme/Cohorts/Import/10?handler=Upload")
  t1=$(date +%s%N)
  preview=$(curl -fsS -b "$jar" -c "$jar" "$location")
  t2=$(date +%s%N)
  pending=$(sed -n 's/.*name="Pending" value="\([^"]*\)".*/\1/p' <<<"$preview" | head -n 1)
  token=$(token_of <<<"$preview" | tail -n 1)
  done_at=$(curl -fsS -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "Pending=$pending" \
    --data-urlencode "__RequestVerificationToken=$token" "$base1/Programme/Cohorts/Import/10?handler=Confirm")
  t3=$(date +%s%N)
  [ "$done_at" = 302 ] || echo "import confirm answered $done_at" >&2
  rm -f "$jar" "$csv"
  echo "$(( (t1 - t0) / 1000000 )) $(( (t2 - t1) / 1000000 )) $(( (t3 - t2) / 1000000 )) $(( (t3 - t0) / 1000000 ))"
}

echo
echo "| CSV import of $rows new delegates (Import:BulkCopy=${Import__BulkCopy:-true}) | upload and check | preview page | confirm and write | total |"
echo "|---|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  read -r upload preview confirm total <<<"$(import_csv "$run")"
  echo "| run $run, cohort of 2,000, PostgreSQL, one server | $upload ms | $preview ms | $confirm ms | $total ms |"
done
