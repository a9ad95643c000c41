#!/usr/bin/env bash
# CI check of scripts/demo.sh (issue 22): the fast demo ends on SUCCEEDED with exit 0, and an interrupted one (SIGINT,
# as Ctrl-C sends it, while step 1 runs) exits 130 — and neither leaves a process behind. Every process the demo
# starts inherits a marker variable from here; afterwards no process may still carry it (checked in /proc).
#   scripts/demo-check.sh [--no-build]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/wait.sh
source "$root/scripts/lib/wait.sh"
marker="FOTA_DEMO_CHECK=$$-$RANDOM$RANDOM"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

leftovers() { # the pids of processes carrying the marker
  grep -lsxF "$marker" --null-data /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3 || true
}

check_none_left() { # what
  local left
  for _ in $(seq 1 50); do
    left="$(leftovers)"
    [ -z "$left" ] && return 0
    sleep 0.1
  done
  echo "demo-check: $1 left processes behind:" >&2
  for pid in $left; do ps -o pid=,args= -p "$pid" >&2 || true; done
  return 1
}

# Runs the demo with SIGINT at its default (a shell's background job would otherwise ignore it, unlike a terminal's).
run_demo() {
  exec env "$marker" python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
    "$root/scripts/demo.sh" "$@"
}

echo "== demo --fast $*"
(run_demo --fast "$@")
check_none_left "demo --fast"
echo "demo-check: the demo ended on SUCCEEDED and left no process"

echo "== demo, interrupted with SIGINT while step 1 runs"
(run_demo --no-build) >"$log" 2>&1 &
demo_pid="$!"
WAIT_SECONDS=120 wait_for "the demo to reach step 1" "$demo_pid" grep -q "step 1" "$log" || { cat "$log" >&2; exit 1; }
kill -INT "$demo_pid"
set +e
wait "$demo_pid"
demo_status=$?
set -e
cat "$log"
[ "$demo_status" -eq 130 ] || { echo "demo-check: the interrupted demo exited $demo_status, expected 130" >&2; exit 1; }
check_none_left "the interrupted demo"
echo "demo-check: the interrupted demo exited 130 and left no process"
