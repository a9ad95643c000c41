#!/usr/bin/env bash
# Runs the acceptance suite in deployed mode against real processes:
# builds, starts the mock nRF Cloud and two instances of the service on free loopback ports, both on
# one fresh SQLite file: instance A answers the API and polls nRF Cloud, instance B does not poll and
# serves the suite's WebSockets, so every notification the features expect crosses instances through
# the change events in the database. Waits until all are ready, runs the features over HTTP and
# WebSockets only, and always stops every process (also on failure or Ctrl-C), printing their logs
# when something failed.
#
#   scripts/run-deployed.sh [extra dotnet test arguments, e.g. --filter Category=fota]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
configuration="${CONFIGURATION:-Debug}"
work="$(mktemp -d "${TMPDIR:-/tmp}/fota-deployed.XXXXXX")"
pids=()
status=1

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free loopback port found" >&2
  return 1
}

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

wait_ready() { # name url pid
  local name="$1" url="$2" pid="$3"
  for _ in $(seq 1 300); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited before it became ready" >&2
      return 1
    fi
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then
      echo "$name is ready at $url"
      return 0
    fi
    sleep 0.2
  done
  echo "$name did not become ready at $url within 60 s" >&2
  return 1
}

cd "$root"
dotnet build Fota.sln -c "$configuration" --nologo -v quiet -clp:ErrorsOnly

mock_port="$(free_port)"
api_port="$(free_port)"
ws_port="$(free_port)"
mock_token="mock-$RANDOM$RANDOM"
admin_token="admin-$RANDOM$RANDOM"
mock_url="http://127.0.0.1:$mock_port"
api_url="http://127.0.0.1:$api_port"
ws_api_url="http://127.0.0.1:$ws_port"

(
  cd "$root/mock-nrfcloud/MockNrfCloud/bin/$configuration/net10.0"
  Mock__AdminToken="$mock_token" exec dotnet MockNrfCloud.dll --urls "$mock_url"
) >"$work/mock.log" 2>&1 &
pids+=("$!")
mock_pid="$!"

start_service() { # log url [NAME=value ...]: one service instance on the shared database file
  local log="$1" url="$2"
  shift 2
  (
    cd "$root/src/Fota.Api/bin/$configuration/net10.0"
    exec env ConnectionStrings__Fota="Data Source=$work/fota.db" Admin__Token="$admin_token" "$@" \
      dotnet Fota.Api.dll --urls "$url"
  ) >"$work/$log" 2>&1 &
  pids+=("$!")
}

start_service service.log "$api_url" \
  Fota__Poller__FirstRetryDelay="00:00:00.200" Fota__Poller__MaxRetryDelay="00:00:02" Fota__Poller__ScanInterval="00:00:00.050"
api_pid="$!"

wait_ready "mock nRF Cloud" "$mock_url/mock/health" "$mock_pid"
wait_ready "service" "$api_url/health/ready" "$api_pid"

# Instance B: the same database, no poller; started after A has migrated the schema.
start_service service-b.log "$ws_api_url" Fota__Poller__Enabled="false"
wait_ready "service instance B (WebSockets, no poller)" "$ws_api_url/health/ready" "$!"

# The deployed run's living documentation goes beside the in-process one, not over it.
report_dir="$root/reports/deployed"
mkdir -p "$report_dir"
export REQNROLL_FORMATTERS_HTML="outputFilePath=$report_dir/living-doc.html"
export REQNROLL_FORMATTERS_MESSAGE="outputFilePath=$report_dir/living-doc.ndjson"

set +e
FOTA_API_URL="$api_url" \
FOTA_ADMIN_TOKEN="$admin_token" \
NRFCLOUD_MOCK_URL="$mock_url" \
NRFCLOUD_MOCK_TOKEN="$mock_token" \
FOTA_WEBSOCKET_URL="ws://127.0.0.1:$ws_port/ws" \
  dotnet test tests/Fota.AcceptanceTests -c "$configuration" --no-build "$@"
status=$?
set -e
exit "$status"
