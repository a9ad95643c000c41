#!/usr/bin/env bash
# Runs the README's hand walkthrough (the bash block between <!-- walkthrough --> and <!-- /walkthrough -->) exactly
# as written, against fresh processes, from the repository root: fails when a command fails, when the block does not
# end within 10 minutes, or when a process it started outlives its own "stop both" step. Only the database is moved
# to a throw-away folder (ConnectionStrings__Fota), so a run leaves no fota.db behind. Needs ports 5080 and 5081 free.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fota-walkthrough.XXXXXX")"
marker="FOTA_WALKTHROUGH=$$-$RANDOM$RANDOM"
trap 'pkill -KILL -g "${group:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

awk '/^<!-- walkthrough -->$/ {on = 1; next} /^<!-- \/walkthrough -->$/ {on = 0} on && !/^```/' "$root/README.md" >"$work/walkthrough.sh"
[ -s "$work/walkthrough.sh" ] || { echo "walkthrough: no <!-- walkthrough --> block in README.md" >&2; exit 1; }
for port in 5080 5081; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "walkthrough: port $port is in use; the README's walkthrough needs it free" >&2
    exit 1
  fi
done

leftovers() { grep -lsxF "$marker" --null-data /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3 || true; }

echo "== README walkthrough ($(wc -l <"$work/walkthrough.sh") lines), as written"
cd "$root"
set +e
env "$marker" ConnectionStrings__Fota="Data Source=$work/fota.db" setsid timeout 600 bash -euo pipefail -x "$work/walkthrough.sh" &
group="$!"
wait "$group"
status=$?
set -e
[ "$status" -eq 0 ] || { echo "walkthrough: the README's walkthrough failed (exit $status; 124 = timed out)" >&2; exit 1; }
for _ in $(seq 1 100); do
  [ -z "$(leftovers)" ] && break
  sleep 0.1
done
if [ -n "$(leftovers)" ]; then
  echo "walkthrough: processes outlived the walkthrough's 'stop both':" >&2
  for pid in $(leftovers); do ps -o pid=,args= -p "$pid" >&2 || true; done
  exit 1
fi
echo "walkthrough: every command worked as written, and nothing was left running"
