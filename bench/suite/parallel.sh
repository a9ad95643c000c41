#!/usr/bin/env bash
# Run time of the acceptance suite's features, serial (xUnit collections one at a time) vs parallel (the default:
# features run in parallel, each feature's scenarios in order), in-process and deployed (scripts/run-deployed.sh).
#   bench/suite/parallel.sh [rounds=1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-1}"
cd "$root"
dotnet build tests/Fota.AcceptanceTests --nologo -v quiet >/dev/null
features=(--filter "FullyQualifiedName~.Features." --logger "console;verbosity=normal")
serial=(-- xUnit.ParallelizeTestCollections=false)
# The test run's own "Total time" (the deployed script's build and process start are left out).
seconds() {
  local log; log="$(mktemp)"
  "$@" >"$log" 2>&1 || { cat "$log"; rm -f "$log"; exit 1; }
  # VSTest writes "Total time: 42.1 Seconds", or "1.03 Minutes" past a minute.
  sed -nE 's/^ *Total time: ([0-9.]+) Seconds/\1/p; s/^ *Total time: ([0-9.]+) Minutes/\1 * 60/p' "$log" | tail -1 | bc -l
  rm -f "$log"
}
for round in $(seq 1 "$rounds"); do
  in_serial=$(seconds dotnet test tests/Fota.AcceptanceTests --no-build --nologo "${features[@]}" "${serial[@]}")
  in_parallel=$(seconds dotnet test tests/Fota.AcceptanceTests --no-build --nologo "${features[@]}")
  dep_serial=$(seconds scripts/run-deployed.sh "${features[@]}" "${serial[@]}")
  dep_parallel=$(seconds scripts/run-deployed.sh "${features[@]}")
  printf 'round %d: in-process serial %.1f s, parallel %.1f s (%.2f×); deployed serial %.1f s, parallel %.1f s (%.2f×)\n' \
    "$round" "$in_serial" "$in_parallel" "$(echo "$in_parallel / $in_serial" | bc -l)" \
    "$dep_serial" "$dep_parallel" "$(echo "$dep_parallel / $dep_serial" | bc -l)"
done
