#!/usr/bin/env bash
# Runs the acceptance suite in deployed mode against real processes:
# builds, starts the mock nRF Cloud and two instances of the service on loopback ports the kernel picks, both on
# one fresh SQLite file: instance A answers the API and polls nRF Cloud, instance B does not poll and
# serves the suite's WebSockets, so every notification the features expect crosses instances through
# the change events in the database. Waits until all are ready, runs the features over HTTP and
# WebSockets only, and always stops every process (also on failure or Ctrl-C), printing their logs
# when something failed.
#
#   scripts/run-deployed.sh [extra dotnet test arguments, e.g. --filter Category=fota]
#   scripts/run-deployed.sh --postgres [...]   the same on a throw-away PostgreSQL cluster instead of a SQLite file
#                                              (or FOTA_DEPLOYED_DATABASE=postgres; needs Debian's `postgresql` package)
set -euo pipefail

database="${FOTA_DEPLOYED_DATABASE:-sqlite}"
if [ "${1:-}" = "--postgres" ]; then
  database=postgres
  shift
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
configuration="${CONFIGURATION:-Debug}"
work="$(mktemp -d "${TMPDIR:-/tmp}/fota-deployed.XXXXXX")"
pids=()
status=1
# shellcheck source=scripts/lib/wait.sh
source "$root/scripts/lib/wait.sh"
if [ "$database" = postgres ]; then
  # shellcheck source=scripts/postgres-cluster.sh
  source "$root/scripts/postgres-cluster.sh"
fi

stop_all() {
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "process $pid did not stop on SIGTERM within 10 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

on_exit() {
  stop_all
  if [ "$database" = postgres ]; then
    pg_cluster_stop "$work/pg"
  fi
  if [ "$status" -ne 0 ]; then
    for log in "$work"/*.log; do
      [ -f "$log" ] || continue
      echo "===== $(basename "$log") (last 80 lines) ====="
      tail -n 80 "$log"
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap on_exit EXIT
trap 'echo "interrupted" >&2; status=130; exit 130' INT TERM

cd "$root"
dotnet build Fota.sln -c "$configuration" --nologo -v quiet -clp:ErrorsOnly

connection_string="Data Source=$work/fota.db"
if [ "$database" = postgres ]; then
  pg_cluster_start "$work/pg"
  connection_string="$PG_CONNECTION_STRING"
  echo "PostgreSQL is ready on 127.0.0.1:$PG_PORT"
fi

mock_token="mock-$RANDOM$RANDOM"
admin_token="admin-$RANDOM$RANDOM"
any_port="http://127.0.0.1:0"

(
  cd "$root/mock-nrfcloud/MockNrfCloud/bin/$configuration/net10.0"
  Mock__AdminToken="$mock_token" exec dotnet MockNrfCloud.dll --urls "$any_port"
) >"$work/mock.log" 2>&1 &
pids+=("$!")
mock_pid="$!"

# A second mock in simulator mode (SPEC 4.1) for the @simulator features (NRFCLOUD_SIMULATOR_URL).
(
  cd "$root/mock-nrfcloud/MockNrfCloud/bin/$configuration/net10.0"
  Mock__AdminToken="$mock_token" Mock__Mode=Simulator Mock__Simulator__StepDelay="00:00:00.100" \
    Mock__Simulator__ReportDelay="00:00:00.100" exec dotnet MockNrfCloud.dll --urls "$any_port"
) >"$work/simulator.log" 2>&1 &
pids+=("$!")
simulator_pid="$!"

start_service() { # log [NAME=value ...]: one service instance on the shared database
  local log="$1"
  shift
  (
    cd "$root/src/Fota.Api/bin/$configuration/net10.0"
    # The suite runs on loopback and names each scenario's client in X-Forwarded-For: trust loopback as the proxy
    # (the service's default, written out here) so the per-client rate limit counts every scenario on its own.
    exec env ConnectionStrings__Fota="$connection_string" Admin__Token="$admin_token" \
      Http__ForwardedHeaders__KnownNetworks__0="127.0.0.0/8" Http__ForwardedHeaders__KnownNetworks__1="::1/128" "$@" \
      dotnet Fota.Api.dll --urls "$any_port"
  ) >"$work/$log" 2>&1 &
  pids+=("$!")
}

# Reconciliation as fast as in-process (Reconciliation.feature), on both instances; unknown outcomes no scenario
# reconciles stop being retried after 30 s.
reconcile=(Fota__Reconcile__Interval="00:00:00.050" Fota__Reconcile__FirstRetry="00:00:00.200"
  Fota__Reconcile__MaxRetry="00:00:01" Fota__Reconcile__GiveUpAfter="00:00:30")
# Device state read every 100 ms by both instances (their claims keep them from reading one device at once).
device_state=(Fota__DeviceState__Interval="00:00:00.100")

# Upgrade paths (features/v2) on both instances: a waiting job looks again every 50 ms, a device that does not
# report its new version within 15 s fails its job (UpgradePathFlow.feature waits for that), and a cancel nRF Cloud
# keeps refusing is given up after 6 attempts (UpgradePathCancel.feature counts them).
upgrade_path_interval="00:00:00.050"
upgrade_paths=(Fota__UpgradePath__Interval="$upgrade_path_interval" Fota__UpgradePath__ReportTimeout="00:00:15"
  Fota__UpgradePath__MaxCancelAttempts="6")

mock_url="$(wait_listening "mock nRF Cloud" "$work/mock.log" "$mock_pid")"
wait_ready "mock nRF Cloud" "$mock_url/mock/health" "$mock_pid"
simulator_url="$(wait_listening "mock nRF Cloud (simulator)" "$work/simulator.log" "$simulator_pid")"
wait_ready "mock nRF Cloud (simulator)" "$simulator_url/mock/health" "$simulator_pid"

# The suite's test settings (tests/Fota.AcceptanceTests/README.md): a fast poller whose first wait the suite is told
# (FOTA_POLLER_FIRST_RETRY_DELAY), a not-found rule of seconds instead of 24 h so a scenario can age a job past it, and
# an nRF Cloud account in configuration, pointed at the mock (FOTA_CONFIGURED_ACCOUNT), so a scenario can show that the
# admin API's account of the same name wins.
first_retry_delay="00:00:00.200"
configured_account="suite-configured"
start_service service.log "${reconcile[@]}" "${device_state[@]}" "${upgrade_paths[@]}" \
  Fota__Poller__FirstRetryDelay="$first_retry_delay" Fota__Poller__MaxRetryDelay="00:00:02" Fota__Poller__ScanInterval="00:00:00.050" \
  Fota__Poller__NotFoundFailAfter="00:00:20" \
  "NrfCloud__Accounts__${configured_account}__ApiEndpoint=$mock_url" \
  "NrfCloud__Accounts__${configured_account}__ApiKey=configured-$RANDOM$RANDOM"
api_pid="$!"

api_url="$(wait_listening "service" "$work/service.log" "$api_pid")"
wait_ready "service" "$api_url/health/ready" "$api_pid"

# Instance B: the same database, no poller; started after A has migrated the schema.
start_service service-b.log "${reconcile[@]}" "${device_state[@]}" "${upgrade_paths[@]}" Fota__Poller__Enabled="false"
ws_pid="$!"
ws_api_url="$(wait_listening "service instance B" "$work/service-b.log" "$ws_pid")"
wait_ready "service instance B (WebSockets, no poller)" "$ws_api_url/health/ready" "$ws_pid"
echo "ready: mock nRF Cloud $mock_url, simulator $simulator_url, service $api_url, instance B (WebSockets, no poller) $ws_api_url"

# The deployed run's living documentation goes beside the in-process one, not over it.
report_dir="$root/reports/deployed"
mkdir -p "$report_dir"
export REQNROLL_FORMATTERS_HTML="outputFilePath=$report_dir/living-doc.html"
export REQNROLL_FORMATTERS_MESSAGE="outputFilePath=$report_dir/living-doc.ndjson"

set +e
FOTA_API_URL="$api_url" \
FOTA_ADMIN_TOKEN="$admin_token" \
NRFCLOUD_MOCK_URL="$mock_url" \
NRFCLOUD_SIMULATOR_URL="$simulator_url" \
NRFCLOUD_MOCK_TOKEN="$mock_token" \
FOTA_WEBSOCKET_URL="ws://${ws_api_url#http://}/ws" \
FOTA_CONFIGURED_ACCOUNT="$configured_account" \
FOTA_POLLER_FIRST_RETRY_DELAY="$first_retry_delay" \
FOTA_UPGRADE_PATH_INTERVAL="$upgrade_path_interval" \
  dotnet test tests/Fota.AcceptanceTests -c "$configuration" --no-build "$@"
status=$?
set -e
exit "$status"
