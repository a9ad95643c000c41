#!/usr/bin/env bash
# Runs the seed feature (tag @fota) in-process and reports how long its scenarios took once the host
# was warm: each scenario's time minus the time it waited for the shared host to start.
#   bench/suite/seed-timing.sh [runs=3]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"
cd "$root"
dotnet build tests/Fota.AcceptanceTests --nologo -v quiet >/dev/null
for run in $(seq 1 "$runs"); do
  log="$(mktemp)"
  FOTA_SUITE_TIMING_LOG="$log" dotnet test tests/Fota.AcceptanceTests --no-build --nologo --filter Category=fota >/dev/null \
    || { echo "run $run: the seed feature FAILED"; cat "$log"; rm -f "$log"; exit 1; }
  awk -F'\t' -v run="$run" '
    { warm += $2 - $3; host += $3; n++; printf "  %-40s %8.1f ms (host start %.1f ms)\n", $1, $2, $3 }
    END { printf "run %d: %d scenarios, %.0f ms after the host was warm (host start %.0f ms)\n", run, n, warm, host }
  ' "$log"
  rm -f "$log"
done
