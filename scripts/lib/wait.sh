# shellcheck shell=bash
# Waiting for the processes a script started (sourced by scripts/demo.sh, scripts/demo-check.sh,
# scripts/run-deployed.sh, bench/simulator-load/run.sh and bench/upgrade-paths/run.sh): until a server logged the port
# the kernel gave it, until a URL answers, or until any condition holds. Every wait polls every 0.1 s, gives up after
# WAIT_SECONDS (60 unless the caller sets it) and as soon as the process it waits for has exited; a failed wait says
# so on stderr and returns non-zero, so under `set -e` the script stops there.

# wait_until PID COMMAND...: 0 once COMMAND succeeds; 1 when process PID exits first ("" watches none); 2 on time-out.
wait_until() {
  local pid="$1" deadline=$((SECONDS + ${WAIT_SECONDS:-60}))
  shift
  until "$@"; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      "$@" && return 0 # it may have got there just before it exited
      return 1
    fi
    [ "$SECONDS" -lt "$deadline" ] || return 2
    sleep 0.1
  done
}

# wait_for WHAT PID COMMAND...: wait_until, saying on stderr why WHAT did not happen.
wait_for() {
  local what="$1" status=0
  shift
  wait_until "$@" || status=$?
  case "$status" in
    0) return 0 ;;
    1) echo "waited for $what, but its process exited first" >&2 ;;
    *) echo "waited ${WAIT_SECONDS:-60} s for $what in vain" >&2 ;;
  esac
  return "$status"
}

# listening_url LOG: the URL an ASP.NET Core server (or a stand-in logging the same line) said it listens on.
listening_url() {
  local port
  port="$(grep -oE 'listening on:? http://(127\.0\.0\.1|localhost):[0-9]+' "$1" 2>/dev/null | head -n 1 | grep -oE '[0-9]+$')" || return 1
  echo "http://127.0.0.1:$port"
}

# wait_listening NAME LOG PID: prints the URL once the server logged it. Servers bind port 0 and log the port the kernel
# picked: a port probed free beforehand may meanwhile become a client connection's local port, and the bind then fails.
wait_listening() {
  wait_for "$1 to listen (log $2)" "$3" listening_url "$2" >/dev/null && listening_url "$2"
}

# answers URL: whether URL answers with a success status.
answers() { curl -fsS -o /dev/null "$1" 2>/dev/null; }

# wait_ready NAME URL PID: returns once URL answers with a success status.
wait_ready() {
  wait_for "$1 to answer $2" "$3" answers "$2"
}
