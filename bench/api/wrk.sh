#!/usr/bin/env bash
# Throughput of GET /device/{id}/fota/jobs (a device with 10 jobs) against /health/live, in one run, on loopback.
# The service runs in Release with its embedded defaults; nRF Cloud is the Python stub.
# Usage: bench/api/wrk.sh [seconds] [connections] [store: sqlite | postgres (a throw-away cluster, scripts/postgres-cluster.sh)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
duration=${1:-10}
connections=${2:-16}
store=${3:-sqlite}
work=$(mktemp -d)
connection_string="Data Source=$work/fota.db"
if [ "$store" = postgres ]; then
  # shellcheck source=../../scripts/postgres-cluster.sh
  source "$root/scripts/postgres-cluster.sh"
  trap 'pg_cluster_stop "$work/pg"; rm -rf "$work"' EXIT
  pg_cluster_start "$work/pg"
  connection_string="$PG_CONNECTION_STRING${PG_OPTIONS:+;$PG_OPTIONS}"
fi
svc_port=${SVC_PORT:-5381}
stub_port=${STUB_PORT:-5398}
base="http://127.0.0.1:$svc_port"
token="wrk-admin-$RANDOM"

python3 "$root/bench/api/nrfcloud_stub.py" "$stub_port" > "$work/stub.log" 2>&1 &
stub_pid=$!
dotnet build "$root/src/Fota.Api/Fota.Api.csproj" -c Release -v q -nologo > /dev/null
(cd "$work" && Admin__Token="$token" ConnectionStrings__Fota="$connection_string" Http__RateLimit__Enabled=false \
  exec dotnet "$root/src/Fota.Api/bin/Release/net10.0/Fota.Api.dll" --urls "$base" > "$work/service.log" 2>&1) &
svc_pid=$!
trap 'kill -TERM $svc_pid 2> /dev/null || true; kill $stub_pid 2> /dev/null || true; wait 2> /dev/null; [ "$store" = postgres ] && pg_cluster_stop "$work/pg"; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "$base/health/ready" > /dev/null && break; sleep 0.2; done

curl -sf -X PUT "$base/admin/accounts/nordic" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"apiEndpoint\":\"http://127.0.0.1:$stub_port\",\"apiKey\":\"wrk-key\"}" > /dev/null
device=$(curl -sf -X POST "$base/admin/devices" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"model":"PCA20065"}')
jobs_url="$base/device/$(jq -r .deviceId <<< "$device")/fota/jobs?fingerprint=$(jq -r .fingerprint <<< "$device")"
# Ten bundles: one device runs one job per bundle at a time (a second schedule of the same bundle is a 409).
for i in $(seq 0 9); do
  curl -sf -o /dev/null -X POST "${jobs_url/\/jobs/}" -H 'Content-Type: application/json' -d "{\"bundleId\":\"APP*1e29dfa3*v2.0.$i\"}" ||
    { echo "scheduling bundle $i failed" >&2; exit 1; }
done
echo "store: $store"
echo "jobs listed: $(curl -sf "$jobs_url" | jq '.jobs | length')"

run() { # name url -> "rps p99"
  wrk -t1 -c"$connections" -d2s "$2" > /dev/null # warm-up
  wrk -t1 -c"$connections" -d"${duration}s" --latency "$2" > "$work/$1.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/$1.txt")
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/$1.txt")
  echo "$1: ${rps} req/s, p99 ${p99}${non2xx:+, non-2xx $non2xx}" >&2
  [ -z "$non2xx" ] || { echo "$1 answered non-2xx: the figure would not be the endpoint's" >&2; exit 1; }
  echo "$rps"
}
health=$(run health "$base/health/live")
list=$(run jobs "$jobs_url")
awk -v l="$list" -v h="$health" 'BEGIN { printf "jobs/health throughput ratio: %.0f %%\n", 100 * l / h }'
