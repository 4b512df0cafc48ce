#!/usr/bin/env bash
# PostgreSQL 15 (Debian package), throwaway cluster under <repo>/.ingot/pg, 127.0.0.1:54329.
# Usage: postgres.sh [install|start|stop|restart|status|env|logs]   (default: install + start)
set -euo pipefail
SERVICE=postgres
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_HOST=127.0.0.1
PG_PORT="${INGOT_PG_PORT:-54329}"
PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
INIT_SQL="$INGOT_LOCAL_DIR/postgres-init.sql"

# The server runs as user postgres, which must reach its data directory. When the
# checkout sits below a folder it cannot traverse (e.g. /root), keep the cluster in
# /var/tmp and leave a symlink at .ingot/pg.
pg_base() {
  local want="$INGOT_DIR/pg" alt
  alt="/var/tmp/ingot-pg-$(printf '%s' "$INGOT_DIR" | sha1sum | cut -c1-12)"
  if [[ -L "$want" ]]; then readlink -f "$want"; return; fi
  if [[ -d "$want" ]]; then printf '%s\n' "$want"; return; fi
  if setpriv --reuid=postgres --regid=postgres --clear-groups test -x "$INGOT_DIR" 2>/dev/null; then
    printf '%s\n' "$want"
  else
    mkdir -p "$alt"
    ln -sfn "$alt" "$want"
    printf '%s\n' "$alt"
  fi
}

as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }

pg_ready() { pg_isready -h "$PG_HOST" -p "$PG_PORT" -q -t 2 >/dev/null 2>&1; }

do_install() {
  if [[ -x "$PG_BIN/postgres" && -x "$PG_BIN/initdb" && -x /usr/bin/pg_isready && -x /usr/bin/psql ]]; then
    return 0
  fi
  apt_ensure "postgresql-$PG_VERSION" "postgresql-client-$PG_VERSION"
  [[ -x "$PG_BIN/postgres" ]] || die "no $PG_BIN/postgres after installing postgresql-$PG_VERSION"
}

init_cluster() {
  local base="$1" data="$1/data"
  if [[ -f "$data/PG_VERSION" ]]; then return 0; fi
  log "initdb in $data"
  mkdir -p "$data"
  chown -R postgres:postgres "$base"
  chmod 700 "$data"
  if ! as_postgres "$PG_BIN/initdb" -D "$data" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 --no-instructions >>"$(log_file)" 2>&1; then
    fail "initdb failed"
  fi
}

apply_init_sql() {
  local base="$1" sock="$2" sum marker
  sum="$(sha256sum "$INIT_SQL" | cut -c1-16)"
  marker="$base/.init-sql-$sum"
  [[ -f "$marker" ]] && return 0
  log "applying $(basename "$INIT_SQL") (roles ingot_owner, ingot_app; databases ingot, ingot_test)"
  # Read the file as root and feed it on stdin: user postgres may not see the checkout.
  if ! as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$PG_PORT" -U postgres -d postgres \
        <"$INIT_SQL" >>"$(log_file)" 2>&1; then
    fail "running $INIT_SQL failed"
  fi
  rm -f "$base"/.init-sql-*
  touch "$marker"
}

sock_dir() {
  local base="$1" d="$1/run"
  # Unix socket paths are limited to 107 bytes.
  if (( ${#d} > 80 )); then d="/tmp/ingot-pg-$(printf '%s' "$base" | sha1sum | cut -c1-12)"; fi
  printf '%s\n' "$d"
}

do_start() {
  local base data sock
  base="$(pg_base)"; data="$base/data"; sock="$(sock_dir "$base")"
  if pid_alive "$SERVICE" && pg_ready; then
    apply_init_sql "$base" "$sock"
    log "already running on $PG_HOST:$PG_PORT (pid $(read_pid "$SERVICE"))"
    return 0
  fi
  init_cluster "$base"
  # A server of this cluster that we lost track of (pid file removed): adopt it.
  if [[ -f "$data/postmaster.pid" ]]; then
    local opid; opid="$(head -n1 "$data/postmaster.pid")"
    if [[ -d "/proc/$opid" ]] && pg_ready; then
      write_pid "$SERVICE" "$opid"
      apply_init_sql "$base" "$sock"
      log "already running on $PG_HOST:$PG_PORT (pid $opid, adopted)"
      return 0
    fi
  fi
  ensure_port_free "$PG_HOST" "$PG_PORT"
  mkdir -p "$sock"; chown postgres:postgres "$sock"; chmod 700 "$sock"
  chown -R postgres:postgres "$base"
  log "starting on $PG_HOST:$PG_PORT (data $data)"
  start_bg "$SERVICE" setpriv --reuid=postgres --regid=postgres --init-groups -- \
    "$PG_BIN/postgres" -D "$data" -p "$PG_PORT" -k "$sock" \
      -c listen_addresses="$PG_HOST" -c logging_collector=off \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c max_connections=200 -c shared_buffers=128MB
  local start=$SECONDS
  until pg_ready; do
    pid_alive "$SERVICE" || fail "postgres exited during startup"
    (( SECONDS - start < 60 )) || fail "postgres not ready after 60s"
    sleep 0.2
  done
  apply_init_sql "$base" "$sock"
  log "ready on $PG_HOST:$PG_PORT"
}

do_stop() {
  local base data
  base="$(pg_base)"; data="$base/data"
  if pid_alive "$SERVICE"; then
    log "stopping (fast shutdown)"
    if as_postgres "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >>"$(log_file)" 2>&1; then
      rm -f "$(pid_file)"
      log "stopped"
      return 0
    fi
  fi
  stop_pid "$SERVICE" 10
}

do_status() {
  if pid_alive "$SERVICE" && pg_ready; then
    echo "postgres: running (pid $(read_pid "$SERVICE")) on $PG_HOST:$PG_PORT"
  else
    echo "postgres: not running"; return 3
  fi
}

do_env() {
  local hp="$PG_HOST:$PG_PORT"
  echo "DATABASE_URL=postgresql://ingot_app:ingot_app@$hp/ingot"
  echo "DATABASE_OWNER_URL=postgresql://ingot_owner:ingot_owner@$hp/ingot"
  echo "TEST_DATABASE_URL=postgresql://ingot_app:ingot_app@$hp/ingot_test"
  echo "TEST_DATABASE_OWNER_URL=postgresql://ingot_owner:ingot_owner@$hp/ingot_test"
}

dispatch "$@"
