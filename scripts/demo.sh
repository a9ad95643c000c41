#!/usr/bin/env bash
# The one-command demo (issue 22): builds, starts the mock nRF Cloud in simulator mode and the service on loopback
# ports the kernel picks, with a throw-away SQLite database, registers an nRF Cloud account (the simulator) and a
# device through the admin API, schedules a two-step upgrade path (app 2.0.0 → 2.0.1 → 2.0.2) and shows every
# change live as the device's WebSocket delivers it. Exit 0 when the job is SUCCEEDED; non-zero with a message on a
# failure or a timeout. Every process it starts is stopped on exit, Ctrl-C included, and checked to be gone.
#
#   scripts/demo.sh            human-visible timings (a few seconds per step)
#   scripts/demo.sh --fast     short timings (CI): the whole run in seconds
#   scripts/demo.sh --no-build skip the build (CI, after building the solution); combinable with --fast
set -euo pipefail

fast=false
build=true
for arg in "$@"; do
  case "$arg" in
    --fast) fast=true ;;
    --no-build) build=false ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo: unknown argument $arg (try --help)" >&2; exit 64 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/wait.sh
source "$root/scripts/lib/wait.sh"
configuration="${CONFIGURATION:-Debug}"
work="$(mktemp -d "${TMPDIR:-/tmp}/fota-demo.XXXXXX")"
groups=() # process-group ids: every server runs in its own group (setsid), so stopping it stops all it started
status=1

if $fast; then
  step_delay="00:00:00.300" report_delay="00:00:00.300" interval="00:00:00.100" first_poll="00:00:00.200" timeout=90
else
  step_delay="00:00:03" report_delay="00:00:03" interval="00:00:00.500" first_poll="00:00:01" timeout=180
fi

stop_all() {
  local group
  for group in "${groups[@]}"; do
    kill -TERM -- "-$group" 2>/dev/null || true
  done
  for group in "${groups[@]}"; do
    for _ in $(seq 1 100); do
      pgrep -g "$group" >/dev/null || break
      sleep 0.1
    done
    if pgrep -g "$group" >/dev/null; then
      echo "demo: process group $group did not stop on SIGTERM within 10 s; killing it" >&2
      kill -KILL -- "-$group" 2>/dev/null || true
      sleep 0.2
    fi
    if pgrep -g "$group" >/dev/null; then
      echo "demo: process group $group is still running: $(pgrep -g "$group" | tr '\n' ' ')" >&2
      status=1
    fi
  done
}

on_exit() {
  trap - EXIT INT TERM
  stop_all
  if [ "$status" -ne 0 ] && [ "$status" -ne 130 ]; then
    for log in "$work"/*.log; do
      [ -f "$log" ] || continue
      echo "===== $(basename "$log") (last 40 lines) =====" >&2
      tail -n 40 "$log" >&2
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap on_exit EXIT
trap 'echo "demo: interrupted" >&2; status=130; exit 130' INT TERM

fail() { echo "demo: $*" >&2; status=1; exit 1; }

start() { # log dir dll [args...]: runs a server in its own process group; prints nothing, records the group
  local log="$1" dir="$2"
  shift 2
  (cd "$dir" && exec setsid "$@") >"$work/$log" 2>&1 &
  groups+=("$!")
}

call() { # expected-status method url [json]: prints the body; fails naming the call otherwise
  local expected="$1" method="$2" url="$3" body="${4:-}" answer code
  answer="$(curl -sS -X "$method" "$url" -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    ${body:+-d "$body"} -w '\n%{http_code}')" || fail "$method $url: no answer"
  code="${answer##*$'\n'}"
  [ "$code" = "$expected" ] || fail "$method $url answered $code, expected $expected: ${answer%$'\n'*}"
  printf '%s' "${answer%$'\n'*}"
}

cd "$root"
if $build; then
  echo "== building (once)"
  for project in src/Fota.Api mock-nrfcloud/MockNrfCloud scripts/DemoWatch; do
    dotnet build "$project" -c "$configuration" --nologo -v quiet -clp:ErrorsOnly >/dev/null || fail "build of $project failed"
  done
fi

bin() { echo "$root/$1/bin/$configuration/net10.0"; }
admin_token="demo-$RANDOM$RANDOM"
api_key="demo-api-key"
device="oob-352656108602296"
fingerprint="92b.y7i24q"

echo "== starting the nRF Cloud simulator and the service (database: $work/fota.db)"
start mock.log "$(bin mock-nrfcloud/MockNrfCloud)" env Mock__Mode=Simulator \
  Mock__Simulator__StepDelay="$step_delay" Mock__Simulator__ReportDelay="$report_delay" \
  dotnet MockNrfCloud.dll --urls http://127.0.0.1:0
mock_group="${groups[-1]}"
start service.log "$(bin src/Fota.Api)" env ConnectionStrings__Fota="Data Source=$work/fota.db" Admin__Token="$admin_token" \
  Fota__Poller__FirstRetryDelay="$first_poll" Fota__Poller__MaxRetryDelay="00:00:02" Fota__Poller__ScanInterval="$interval" \
  Fota__UpgradePath__Interval="$interval" Fota__DeviceState__Interval="$interval" \
  dotnet Fota.Api.dll --urls http://127.0.0.1:0
api_group="${groups[-1]}"
mock="$(wait_listening "the mock nRF Cloud" "$work/mock.log" "$mock_group")"
wait_ready "the mock nRF Cloud" "$mock/mock/health" "$mock_group"
api="$(wait_listening "the service" "$work/service.log" "$api_group")"
wait_ready "the service" "$api/health/ready" "$api_group"
echo "   simulator $mock (steps of $step_delay, report after $report_delay), service $api"

echo "== registering the account 'demo' (the simulator) and the device $device"
call 201 PUT "$api/admin/accounts/demo" "{\"apiEndpoint\":\"$mock\",\"apiKey\":\"$api_key\"}" >/dev/null
call 201 POST "$api/admin/devices" \
  "{\"model\":\"PCA20065\",\"account\":\"demo\",\"deviceId\":\"$device\",\"fingerprint\":\"$fingerprint\"}" >/dev/null

echo "== watching ws://${api#http://}/ws?fingerprint=$fingerprint"
setsid "$(bin scripts/DemoWatch)/DemoWatch" "ws://${api#http://}/ws?fingerprint=$fingerprint" "$timeout" "$work/connected" &
watch_pid="$!"
groups+=("$watch_pid")
WAIT_SECONDS=30 wait_for "the WebSocket to connect" "$watch_pid" test -f "$work/connected" || fail "the WebSocket did not connect"

path='{"upgradePath":{"2.0.0":"APP*1e29dfa3*v2.0.1","2.0.1":"APP*cd5412d9*v2.0.2"}}'
echo "== scheduling $path"
call 201 POST "$api/v2/device/$device/fota/app?fingerprint=$fingerprint" "$path" >/dev/null

set +e
wait "$watch_pid"
watch_status=$?
set -e
case "$watch_status" in
  0) echo "== SUCCEEDED: the device went 2.0.0 → 2.0.1 → 2.0.2 through two nRF Cloud jobs"; status=0 ;;
  1) fail "the upgrade-path job FAILED (see above)" ;;
  *) fail "no final upgrade-path job within $timeout s (exit $watch_status of the WebSocket client)" ;;
esac
