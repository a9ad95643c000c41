# Sourced by scripts that need a throw-away PostgreSQL server (scripts/run-deployed.sh --postgres, bench/api).
# Needs Debian's `postgresql` package (initdb and pg_ctl under /usr/lib/postgresql/<version>/bin, or FOTA_POSTGRES_BIN).
# initdb refuses to run as root, so as root the cluster runs as the package's `postgres` user.
#
#   pg_cluster_start <folder>   creates and starts a cluster in <folder> on a free loopback port (no Unix socket), with
#                               a login role `fota` owning a database `fota`; sets PG_PORT and PG_CONNECTION_STRING
#   pg_cluster_stop <folder>    stops it (the caller removes the folder)

pg_bin() {
  if [ -n "${FOTA_POSTGRES_BIN:-}" ]; then echo "$FOTA_POSTGRES_BIN"; return 0; fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL server binaries not found: install Debian's 'postgresql' package (apt-get install -y postgresql)" >&2
    return 1
  fi
  echo "$bin"
}

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_cluster_start() {
  local folder="$1" bin port
  bin="$(pg_bin)" || return 1
  mkdir -p "$folder"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$folder"
    chmod o+x "$(dirname "$folder")" # the postgres user must reach its folder inside the caller's private temp folder
  fi
  pg_as_owner "$bin/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$folder/initdb.log" 2>&1 ||
    { cat "$folder/initdb.log" >&2; return 1; }
  # PostgreSQL cannot listen on port 0, so probe one below the kernel's ephemeral range
  # (ip_local_port_range): a port in that range may become a client's local port before the bind.
  local ephemeral_low
  ephemeral_low="$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)"
  [ "$ephemeral_low" -gt 11000 ] || ephemeral_low=32768
  for _ in $(seq 1 100); do
    port=$((10000 + RANDOM % (ephemeral_low - 10000)))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  cat >>"$folder/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  pg_as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 start >/dev/null ||
    { cat "$folder/server.log" >&2; return 1; }
  # The service's role: it owns its database and needs nothing else (it creates its tables at start).
  pg_as_owner "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE fota LOGIN PASSWORD 'fota'" -c "CREATE DATABASE fota OWNER fota" >/dev/null
  PG_PORT="$port"
  PG_CONNECTION_STRING="Host=127.0.0.1;Port=$port;Database=fota;Username=fota;Password=fota"
  export PG_PORT PG_CONNECTION_STRING
}

pg_cluster_stop() {
  local folder="$1" bin
  bin="$(pg_bin)" || return 0
  [ -f "$folder/data/postmaster.pid" ] && pg_as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1
  return 0
}
