#!/usr/bin/env bash
# Load benchmark on the nRF Cloud simulator (issue 22): N devices, each running a two-step app upgrade path
# (2.0.0 → 2.0.1 → 2.0.2), on two service instances sharing a throw-away PostgreSQL (scripts/postgres-cluster.sh),
# the mock in simulator mode progressing jobs in seconds. Prints: time until every upgrade-path job is final, final
# counts (service) against the simulator's jobs list, nRF Cloud calls per job (the mock's journal), peak memory per
# instance, and the checks (every job final, no nRF Cloud job created twice for one device and bundle).
#   bench/simulator-load/run.sh [devices=10000] [failureRate=0] [transientErrorRate=0]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
devices="${1:-10000}" failure_rate="${2:-0}" transient_rate="${3:-0}"
work="$(mktemp -d "${TMPDIR:-/tmp}/fota-simload.XXXXXX")"
groups=()
# shellcheck source=../../scripts/postgres-cluster.sh
source "$root/scripts/postgres-cluster.sh"
# shellcheck source=../../scripts/lib/wait.sh
source "$root/scripts/lib/wait.sh"
WAIT_SECONDS=120
cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    for log in "$work"/*.log; do [ -f "$log" ] && { echo "===== $(basename "$log") (last 40 lines)"; tail -n 40 "$log"; } >&2; done
  fi
  for g in "${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  sleep 2
  for g in "${groups[@]}"; do kill -KILL -- "-$g" 2>/dev/null || true; done
  pg_cluster_stop "$work/pg" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start() { # log dir command...: in its own process group; prints its pid
  local log="$1" dir="$2"; shift 2
  (cd "$dir" && exec setsid "$@") >"$work/$log" 2>&1 &
  groups+=("$!")
}
for project in src/Fota.Api mock-nrfcloud/MockNrfCloud; do
  dotnet build "$root/$project" -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
done
pg_cluster_start "$work/pg"

start mock.log "$root/mock-nrfcloud/MockNrfCloud/bin/Release/net10.0" env Mock__Mode=Simulator \
  Mock__Simulator__StepDelay=00:00:02 Mock__Simulator__ReportDelay=00:00:02 Mock__Simulator__Seed=22 \
  Mock__Simulator__FailureRate="$failure_rate" Mock__Simulator__TransientErrorRate="$transient_rate" \
  Mock__JournalLimit=10000000 dotnet MockNrfCloud.dll --urls http://127.0.0.1:0
mock="$(wait_listening "the simulator" "$work/mock.log" "${groups[-1]}")"; wait_ready "the simulator" "$mock/mock/health" "${groups[-1]}"

service=(env ConnectionStrings__Fota="$PG_CONNECTION_STRING" Admin__Token=bench-admin
  Fota__Poller__FirstRetryDelay=00:00:01 Fota__Poller__MaxRetryDelay=00:00:04 Fota__Poller__MaxConcurrency=16
  Fota__UpgradePath__Interval=00:00:01 Fota__UpgradePath__MaxConcurrency=32 Http__RateLimit__Enabled=false Fota__DeviceState__Interval=00:00:01
  Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Information dotnet Fota.Api.dll --urls http://127.0.0.1:0)
start a.log "$root/src/Fota.Api/bin/Release/net10.0" "${service[@]}"
pid_a="${groups[-1]}"
api_a="$(wait_listening "instance A" "$work/a.log" "$pid_a")"; wait_ready "instance A" "$api_a/health/ready" "$pid_a"
start b.log "$root/src/Fota.Api/bin/Release/net10.0" "${service[@]}"
pid_b="${groups[-1]}"
api_b="$(wait_listening "instance B" "$work/b.log" "$pid_b")"; wait_ready "instance B" "$api_b/health/ready" "$pid_b"

echo "devices $devices, failureRate $failure_rate, transientErrorRate $transient_rate; load: $(uptime | sed 's/.*load average/load average/')"
python3 "$root/bench/simulator-load/load.py" --devices "$devices" --api "$api_a" --api "$api_b" --mock "$mock" \
  --psql "$(pg_bin)/psql" --pg-port "$PG_PORT" --pid "$pid_a" --pid "$pid_b"
echo "load at the end: $(uptime | sed 's/.*load average/load average/')"
