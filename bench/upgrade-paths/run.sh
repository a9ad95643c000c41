#!/usr/bin/env bash
# The upgrade-path benchmark (README.md beside this file): two service instances (Release) on one throw-away PostgreSQL
# cluster (scripts/postgres-cluster.sh; Debian's `postgresql` package), nrfcloud_sim.py as nRF Cloud answering at once,
# driver.py scheduling and checking. Usage:
#   bench/upgrade-paths/run.sh [devices=1000] [stateDevices=10000]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/bench/upgrade-paths"
devices=${1:-1000}
state_devices=${2:-10000}
work=$(mktemp -d)
pids=()
# shellcheck source=../../scripts/postgres-cluster.sh
source "$root/scripts/postgres-cluster.sh"
# shellcheck source=../../scripts/lib/wait.sh
source "$root/scripts/lib/wait.sh"
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_cluster_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build "$root/src/Fota.Api" -c Release -v q -nologo -clp:ErrorsOnly
pg_cluster_start "$work/pg"
python3 "$here/nrfcloud_sim.py" 0 >"$work/sim.log" 2>&1 &
pids+=("$!")
sim_url="$(wait_listening "the nRF Cloud stand-in" "$work/sim.log" "$!")" || { cat "$work/sim.log" >&2; exit 1; }
admin_token="bench-$RANDOM$RANDOM"

start_instance() { # log
  (
    cd "$root/src/Fota.Api/bin/Release/net10.0"
    exec env ConnectionStrings__Fota="$PG_CONNECTION_STRING" Admin__Token="$admin_token" \
      Http__RateLimit__Enabled=false Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Information \
      Fota__Poller__FirstRetryDelay=00:00:00.100 Fota__Poller__MaxRetryDelay=00:00:01 Fota__Poller__ScanInterval=00:00:00.050 \
      Fota__DeviceState__Interval=00:00:00.200 Fota__UpgradePath__Interval=00:00:00.100 Fota__UpgradePath__ReportTimeout=01:00:00 \
      dotnet Fota.Api.dll --urls http://127.0.0.1:0
  ) >"$work/$1" 2>&1 &
  pids+=("$!")
}
start_instance a.log
api_a="$(wait_listening "instance A" "$work/a.log" "${pids[-1]}")" || { cat "$work/a.log" >&2; exit 1; }
start_instance b.log
api_b="$(wait_listening "instance B" "$work/b.log" "${pids[-1]}")" || { cat "$work/b.log" >&2; exit 1; }
echo "nRF Cloud stand-in $sim_url, instance A $api_a, instance B $api_b, PostgreSQL 127.0.0.1:$PG_PORT"
echo "load before: $(uptime)"
status=0
python3 "$here/driver.py" "$api_a" "$api_b" "$admin_token" "$sim_url" "$devices" "$state_devices" || status=$?
echo "load after:  $(uptime)"
if [ "$status" -ne 0 ]; then tail -n 40 "$work/a.log" "$work/b.log"; fi
exit "$status"
