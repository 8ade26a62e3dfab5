# Shared helpers for the ops scripts. Sourced, not run.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_BIN="${ACTORS_PG_BIN:-/usr/lib/postgresql/15/bin}"
# The embedded PostgreSQL's settings for a scheduler's write pattern (many small updates spread
# over many rows): compressed full-page images and fewer checkpoints keep the WAL per run small;
# shared buffers hold the task tables.
PG_TUNING="-c shared_buffers=1GB -c wal_compression=lz4 -c checkpoint_timeout=15min -c max_wal_size=8GB -c min_wal_size=1GB"

say() { printf '[actors] %s\n' "$*" >&2; }
die() { printf '[actors] error: %s\n' "$*" >&2; exit 1; }

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK is not installed: install .NET SDK 10.0 (https://dot.net) and put 'dotnet' on PATH."
}

require_postgres_binaries() {
  [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL 15 server binaries are missing in $PG_BIN: install them with 'apt-get install postgresql-15' (or set ACTORS_PG_BIN, or pass --postgres CONNSTR to use an external server)."
}

# The browser tests drive the machine's Chromium (Playwright's own download cannot work offline):
# ACTORS_CHROMIUM, or chromium on the PATH, or Debian's package installed now when we are root.
require_chromium() {
  if [ -n "${ACTORS_CHROMIUM:-}" ]; then
    [ -x "$ACTORS_CHROMIUM" ] || die "ACTORS_CHROMIUM=$ACTORS_CHROMIUM is not an executable file."
    return
  fi
  command -v chromium >/dev/null 2>&1 && return
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing chromium for the browser tests (apt-get)..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
      || die "could not install chromium with apt-get; install it (or set ACTORS_CHROMIUM to a Chromium binary) and run again."
    command -v chromium >/dev/null 2>&1 || die "apt-get installed chromium but it is not on the PATH."
    return
  fi
  die "the browser tests need Chromium: 'sudo apt-get install chromium', or set ACTORS_CHROMIUM to a Chromium binary."
}

# Runs a PostgreSQL binary; as root it runs as the 'postgres' user, since PostgreSQL refuses root.
pg_run() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p=$1
  while ! port_is_free "$p"; do p=$((p + 1)); done
  echo "$p"
}

# Builds the silo and the Web API once, in Release.
build_release() {
  say "building (Release)..."
  dotnet build "$ROOT/Actors.sln" -c Release -nologo -clp:ErrorsOnly -v quiet >&2 || die "build failed"
}

silo_dll() { echo "$ROOT/Silo/bin/Release/net10.0/Actors.Silo.dll"; }
api_dll() { echo "$ROOT/WebApi/bin/Release/net10.0/Actors.WebApi.dll"; }
cli_dll() { echo "$ROOT/ops/cli/bin/Release/net10.0/actors.dll"; }

# Starts (initialising on first use) the project-local PostgreSQL under $1 on a port kept in $1/port.
# Prints the connection string.
start_local_postgres() {
  local data=$1 pgdata="$1/pg" port fresh=0
  require_postgres_binaries
  mkdir -p "$data"
  if [ ! -s "$pgdata/PG_VERSION" ]; then
    fresh=1
    say "initialising PostgreSQL in $pgdata"
    mkdir -p "$pgdata"
    [ "$(id -u)" = "0" ] && chown -R postgres:postgres "$pgdata" && chmod 700 "$pgdata" && chmod o+rx "$data"
    pg_run "$PG_BIN/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 \
      || die "initdb failed; see $data/initdb.log"
  fi
  [ "$(id -u)" = "0" ] && chmod o+rx "$data"
  if [ -s "$data/port" ]; then port=$(cat "$data/port"); else port=$(free_port 54329); echo "$port" >"$data/port"; fi
  if ! pg_run "$PG_BIN/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    port_is_free "$port" || die "port $port (kept in $data/port) is taken by another program; stop it or delete $data/port"
    say "starting PostgreSQL on 127.0.0.1:$port"
    pg_run "$PG_BIN/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
      -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c max_connections=300 $PG_TUNING ${ACTORS_PG_OPTS:-}" start >/dev/null \
      || die "PostgreSQL did not start; see $pgdata/server.log"
  fi
  if ! pg_run psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "select 1 from pg_database where datname='actors'" | grep -q 1; then
    pg_run psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database actors" >/dev/null || die "could not create database 'actors'"
  fi
  [ "$fresh" = 1 ] && prime_wal "$port"
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=actors;Maximum Pool Size=60"
}

# A new cluster has no WAL segments to reuse: until its first checkpoint, each next 16 MB segment is
# created and zero-filled while every commit waits for it (measured: a 50-70 ms stall of all writes
# every 4 s at 1,000 creates/s). A server that has run a while recycles its old segments instead, so
# a new one starts in that state: 64 times a tiny WAL record and a switch to the next segment
# (min_wal_size, 1 GB), then a checkpoint, which renames those segments into the next 64 (about
# 2 s, once).
prime_wal() {
  local psql=(pg_run psql -h 127.0.0.1 -p "$1" -U postgres -d postgres -qtA)
  "${psql[@]}" -c "do \$\$ begin for i in 1..64 loop perform pg_logical_emit_message(false, 'actors', 'prime'); perform pg_switch_wal(); end loop; end \$\$" >/dev/null \
    && "${psql[@]}" -c "checkpoint" >/dev/null || say "could not prepare PostgreSQL's WAL segments (commits may stall briefly until its first checkpoint)"
}

stop_local_postgres() {
  local pgdata="$1/pg"
  [ -s "$pgdata/PG_VERSION" ] || return 0
  pg_run "$PG_BIN/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
}

# Waits until a URL answers 200, up to $2 seconds.
wait_http_ok() {
  local url=$1 deadline=$((SECONDS + $2))
  while [ $SECONDS -lt "$deadline" ]; do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  return 1
}

# Starts one silo in the background as a child of the calling shell (so the caller can wait for
# it): start_silo INDEX CONNSTR LOGDIR; its pid is left in STARTED_PID. Do not call it in $(...):
# the silo would be a child of that subshell, and nobody could wait for it.
start_silo() {
  local index=$1 conn=$2 logdir=$3 sport gport mport
  sport=$(free_port $((11111 + index)))
  gport=$(free_port $((30000 + index)))
  mport=$(free_port $((9464 + index)))
  Actors__Postgres="$conn" Actors__Silo__SiloPort="$sport" Actors__Silo__GatewayPort="$gport" \
    Actors__Metrics__Port="$mport" Actors__Silo__Name="silo-$index" DOTNET_ENVIRONMENT=Production \
    nohup dotnet "$(silo_dll)" >"$logdir/silo-$index.log" 2>&1 &
  STARTED_PID=$!
  SILO_METRICS="${SILO_METRICS:-}    Silo $index     http://127.0.0.1:$mport/metrics
"
  say "silo $index starting (silo port $sport, gateway $gport, metrics http://127.0.0.1:$mport/metrics, log $logdir/silo-$index.log)"
}
