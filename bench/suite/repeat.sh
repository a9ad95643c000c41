#!/usr/bin/env bash
# Runs the whole acceptance suite N times in a row (default 20) and counts failing runs and tests.
#   bench/suite/repeat.sh [times=20] [extra dotnet test arguments]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
times="${1:-20}"
shift || true
cd "$root"
dotnet build tests/Fota.AcceptanceTests --nologo -v quiet >/dev/null || exit 1
failed_runs=0
failed_tests=0
started=$(date +%s)
for run in $(seq 1 "$times"); do
  output="$(dotnet test tests/Fota.AcceptanceTests --no-build --nologo "$@" 2>&1)"
  status=$?
  summary="$(grep -E '^(Passed|Failed)!' <<<"$output" | tail -1)"
  failures="$(sed -nE 's/.*Failed: +([0-9]+),.*/\1/p' <<<"$summary")"
  failed_tests=$((failed_tests + ${failures:-0}))
  if [ "$status" -ne 0 ]; then
    failed_runs=$((failed_runs + 1))
    echo "run $run FAILED: $summary"
    grep -E '^\s+Failed ' <<<"$output" | head -20
  else
    echo "run $run: $summary"
  fi
done
echo "$times runs in $(( $(date +%s) - started )) s: $failed_runs failing run(s), $failed_tests failed test(s)"
[ "$failed_runs" -eq 0 ]
