#!/usr/bin/env bash
# Black-box check of the service as operators run it: dotnet run with an admin token, an nRF Cloud stub,
# register account + device, schedule, list, restart, list again. Prints PASS/FAIL lines; exit code 0 when all pass.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
svc_port=${SVC_PORT:-5380}
stub_port=${STUB_PORT:-5399}
base="http://127.0.0.1:$svc_port"
token="bb-admin-$RANDOM"
key="bb-key-$RANDOM$RANDOM"
fail=0
check() { if eval "$2"; then echo "PASS $1"; else echo "FAIL $1"; fail=1; fi; }

python3 "$root/bench/api/nrfcloud_stub.py" "$stub_port" > "$work/stub.log" 2>&1 &
stub_pid=$!
dotnet build "$root/src/Fota.Api/Fota.Api.csproj" -v q -nologo > /dev/null

start_service() {
  (cd "$work" && Admin__Token="$token" ConnectionStrings__Fota="Data Source=$work/fota.db" \
    exec dotnet run --no-build --project "$root/src/Fota.Api" -- --urls "$base" >> "$work/service.log" 2>&1) &
  for _ in $(seq 1 100); do curl -sf "$base/health/ready" > /dev/null && return 0; sleep 0.2; done
  echo "service did not become ready"; cat "$work/service.log"; return 1
}
stop_service() {
  local pid; pid=$(ss -ltnp "sport = :$svc_port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  [ -n "$pid" ] && kill -TERM "$pid" && while kill -0 "$pid" 2> /dev/null; do sleep 0.1; done
}
trap 'stop_service || true; kill $stub_pid 2> /dev/null || true; rm -rf "$work"' EXIT

start_service
check "service logs its listening address" "grep -q 'Now listening on: $base' '$work/service.log'"
curl -sf -X PUT "$base/admin/accounts/nordic" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"apiEndpoint\":\"http://127.0.0.1:$stub_port\",\"apiKey\":\"$key\"}" > "$work/account.json"
check "account response hides the key" "! grep -q '$key' '$work/account.json'"
device=$(curl -sf -X POST "$base/admin/devices" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"model":"PCA20065","account":"nordic"}')
device_id=$(jq -r .deviceId <<< "$device"); fingerprint=$(jq -r .fingerprint <<< "$device")
echo "device $device_id fingerprint $fingerprint"

status=$(curl -s -o "$work/scheduled.json" -w '%{http_code}' -X POST "$base/device/$device_id/fota?fingerprint=$fingerprint" \
  -H 'Content-Type: application/json' -d '{"bundleId":"APP*1e29dfa3*v2.0.0"}')
check "schedule answers 202" "[ '$status' = 202 ]"
curl -sf "http://127.0.0.1:$stub_port/_recorded" > "$work/recorded.json"
expected="{\"bundleId\":\"APP*1e29dfa3*v2.0.0\",\"autoApply\":true,\"deviceIdentifiers\":[\"$device_id\"]}"
check "stub received the exact create body" "[ \"\$(jq -r '.[] | select(.method == \"POST\") | .body' '$work/recorded.json')\" = '$expected' ]"
check "stub received Authorization: Bearer <key>" "[ \"\$(jq -r '.[] | select(.method == \"POST\") | .headers.Authorization' '$work/recorded.json')\" = 'Bearer $key' ]"
check "stub received Accept: application/json; charset=utf-8" "[ \"\$(jq -r '.[] | select(.method == \"POST\") | .headers.Accept' '$work/recorded.json')\" = 'application/json; charset=utf-8' ]"

jobs_url="$base/device/$device_id/fota/jobs?fingerprint=$fingerprint"
deadline=$((SECONDS + 1)); in_progress=no
while [ $SECONDS -le $deadline ]; do
  curl -sf "$jobs_url" > "$work/jobs.json"
  if [ "$(jq -r '.jobs[0].status' "$work/jobs.json")" = IN_PROGRESS ]; then in_progress=yes; break; fi
  sleep 0.05
done
check "list shows the job IN_PROGRESS within a second" "[ $in_progress = yes ]"
check "lastUpdatedAt is the stub's, unchanged" "[ \"\$(jq -r '.jobs[0].lastUpdatedAt' '$work/jobs.json')\" = 2024-06-06T15:44:03.123Z ]"
check "version and statusDetail come from the stub" "[ \"\$(jq -c '.jobs[0] | [.version, .statusDetail]' '$work/jobs.json')\" = '[\"v2.0.0\",\"Job auto applied\"]' ]"
cat "$work/jobs.json"; echo

stop_service
check "service stopped cleanly on SIGTERM" "grep -q 'Application is shutting down' '$work/service.log'"
start_service
curl -sf "$jobs_url" > "$work/jobs-after.json"
check "restart loses nothing" "cmp -s '$work/jobs.json' '$work/jobs-after.json'"
check "the key is not in the service log" "! grep -q '$key' '$work/service.log'"
exit $fail
