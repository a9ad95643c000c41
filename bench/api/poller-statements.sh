#!/usr/bin/env bash
# Where a PostgreSQL polling round spends its database time: poller-postgres.sh's round with every statement logged
# (log_min_duration_statement = 0), then the durations summed per statement text (parse, bind and execute apart). Usage:
#   bench/api/poller-statements.sh [jobs=20000] [instances=2] [maxConcurrency=4]
# The logging slows the round itself; compare the shares and counts between commits, not the wall time.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jobs=${1:-20000}
instances=${2:-2}
concurrency=${3:-4}
work=$(mktemp -d)
# shellcheck source=../../scripts/postgres-cluster.sh
source "$root/scripts/postgres-cluster.sh"
trap 'pg_cluster_stop "$work/pg"; rm -rf "$work"' EXIT

dotnet build "$root/bench/api/PollerBench" -c Release -v q -nologo > /dev/null
pg_cluster_start "$work/pg"
pg_as_owner "$(pg_bin)/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
  -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" > /dev/null
dotnet "$root/bench/api/PollerBench/bin/Release/net10.0/PollerBench.dll" "$jobs" "$concurrency" 0 \
  --postgres "$PG_CONNECTION_STRING" --instances "$instances"
python3 "$root/bench/api/statement_log.py" "$work/pg/server.log"
