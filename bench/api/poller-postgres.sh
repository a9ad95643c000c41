#!/usr/bin/env bash
# One polling round over N non-final jobs shared by several poller instances (processes) on one throw-away PostgreSQL
# cluster (scripts/postgres-cluster.sh; needs Debian's `postgresql` package). Usage:
#   bench/api/poller-postgres.sh [jobs=100000] [instances=2] [maxConcurrency=4] [stubLatencyMs=0]
# STATEMENT_LOG=1 also logs every statement (log_min_duration_statement = 0) and prints the durations summed per statement
# (statement_log.py): where the database time goes. The logging slows the round; compare shares between commits.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jobs=${1:-100000}
instances=${2:-2}
concurrency=${3:-4}
latency=${4:-0}
work=$(mktemp -d)
# shellcheck source=../../scripts/postgres-cluster.sh
source "$root/scripts/postgres-cluster.sh"
trap 'pg_cluster_stop "$work/pg"; rm -rf "$work"' EXIT

dotnet build "$root/bench/api/PollerBench" -c Release -v q -nologo > /dev/null
pg_cluster_start "$work/pg"
if [ "${STATEMENT_LOG:-0}" = 1 ]; then
  pg_as_owner "$(pg_bin)/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" > /dev/null
fi
# The server's CPU: its ended backends' time is added to the postmaster's children time (fields 16, 17 of /proc/PID/stat).
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15 + $16 + $17) / hz }' "/proc/$(head -n 1 "$work/pg/data/postmaster.pid")/stat"; }
cpu_before=$(server_cpu)
dotnet "$root/bench/api/PollerBench/bin/Release/net10.0/PollerBench.dll" "$jobs" "$concurrency" "$latency" \
  --postgres "$PG_CONNECTION_STRING" --instances "$instances"
echo "server CPU           $(awk -v a="$cpu_before" -v b="$(server_cpu)" 'BEGIN { printf "%.1f", b - a }') s (PostgreSQL, seeding excluded)"
[ "${STATEMENT_LOG:-0}" != 1 ] || python3 "$root/bench/api/statement_log.py" "$work/pg/server.log"
