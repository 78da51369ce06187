#!/usr/bin/env bash
# The one test command. Installs what is missing (Chromium, npm packages, dotnet tools), then runs:
#   1. unit and integration tests on SQLite,
#   2. the integration tests again on a throwaway PostgreSQL server,
#   3. browser tests in Chromium with axe,
# and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 NUGET_XMLDOC_MODE=skip
export PATH="$PATH:/usr/local/bin:/usr/lib/postgresql/15/bin"
[ -n "${HOME:-}" ] || export HOME=/root

results="$PWD/TestResults"
rm -rf "$results"; mkdir -p "$results"
status=0

scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

echo "== build"
if ! dotnet build Roundtable.slnx -nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"; exit 1
fi

run() { # name, project, extra args...
  local name=$1 project=$2; shift 2
  echo "== $name"
  dotnet test "$project" --no-build -nologo -v quiet --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" "$@" || status=1
}

run sqlite tests/Roundtable.Tests

eval "$(scripts/postgres.sh start)" || { echo "could not start PostgreSQL"; status=1; }
if [ -n "${PG_DIR:-}" ]; then
  trap 'scripts/postgres.sh stop "$PG_DIR"' EXIT
  # Pure rules and migration checks do not touch a database: they ran above.
  run postgres tests/Roundtable.Tests --filter "FullyQualifiedName!~Roundtable.Tests.Domain&FullyQualifiedName!~Roundtable.Tests.Data"
  unset ROUNDTABLE_TEST_POSTGRES
fi

run browser tests/Roundtable.BrowserTests

passed=0; failed=0; found=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  found=$((found + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
[ "$found" -eq 3 ] || { echo "expected 3 result files, found $found"; status=1; }
[ "$failed" -eq 0 ] || status=1
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "$passed passed, $failed failed"
exit $status
