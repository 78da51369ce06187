#!/usr/bin/env bash
# Installs what the tests and the app need when it is missing: Chromium (Debian), npm packages,
# the local dotnet tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "== installing Chromium"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null; fi
fi
# nginx: the load balancer of the cluster harness (scripts/cluster.sh), used by the PostgreSQL pass.
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "== installing nginx"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
  else sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq --no-install-recommends nginx-light >/dev/null; fi
fi
# npm records what it installed in node_modules/.package-lock.json: install again when the lock file is newer.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet tool restore >/dev/null
# Earlier builds copied every GOV.UK asset into wwwroot/lib/assets; only the crest is used now. Removed
# here, before a build lists the static files (a file deleted during the build breaks that list).
find src/Roundtable.Web/wwwroot/lib/assets -type f ! -name govuk-crest.svg -delete 2>/dev/null || true
find src/Roundtable.Web/wwwroot/lib/assets -mindepth 1 -type d -empty -delete 2>/dev/null || true
