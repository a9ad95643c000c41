#!/usr/bin/env bash
# NotificationBench with both instances on one throw-away PostgreSQL cluster (scripts/postgres-cluster.sh; needs Debian's
# `postgresql` package): across instances, B's follower is woken by NOTIFY instead of waiting for its polling interval.
#   bench/notifications/postgres.sh [changes=200] [clients=1000]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
# shellcheck source=../../scripts/postgres-cluster.sh
source "$root/scripts/postgres-cluster.sh"
trap 'pg_cluster_stop "$work/pg"; rm -rf "$work"' EXIT
dotnet build "$root/bench/notifications/NotificationBench" -c Release -v q -nologo > /dev/null
pg_cluster_start "$work/pg"
dotnet "$root/bench/notifications/NotificationBench/bin/Release/net10.0/NotificationBench.dll" "${1:-200}" "${2:-1000}" "$PG_CONNECTION_STRING"
