#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: scripts/add-migration.sh AddCommunityGroups
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/Roundtable.Web --startup-project src/Roundtable.Web \
    --context "${provider}AppDbContext" --output-dir "Data/Migrations/${provider}" -- --SkipFrontEnd=true
done
