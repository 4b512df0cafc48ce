# shellcheck shell=bash
# Shared helpers for infra/local/*.sh. Source it; do not execute it.
#
# Layout:
#   <repo>/.ingot/            per-checkout state (data, logs, pid files, services.env)
#   ${INGOT_CACHE:-$HOME/.cache/ingot}/   downloads and builds shared by every checkout

INGOT_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INGOT_LOCAL_DIR/../.." && pwd)"
INGOT_DIR="${INGOT_DIR:-$REPO_ROOT/.ingot}"
INGOT_CACHE="${INGOT_CACHE:-$HOME/.cache/ingot}"
RUN_DIR="$INGOT_DIR/run"
LOG_DIR="$INGOT_DIR/logs"
SERVICE="${SERVICE:-infra}"

export DEBIAN_FRONTEND=noninteractive
# A background job must never end up as the leader of our process group.
set +m

mkdir -p "$INGOT_DIR" "$RUN_DIR" "$LOG_DIR" "$INGOT_CACHE"

log()  { printf '[ingot %-11s] %s\n' "$SERVICE" "$*" >&2; }
warn() { printf '[ingot %-11s] WARNING: %s\n' "$SERVICE" "$*" >&2; }
# Errors also go into the service's log, so a later tail of it shows why.
_errlog() {
  printf '[ingot %-11s] ERROR: %s\n' "$SERVICE" "$*" >&2
  [[ -d "$LOG_DIR" ]] && printf '%s [ingot] ERROR: %s\n' "$(date -Is)" "$*" >>"$LOG_DIR/$SERVICE.log" 2>/dev/null
  return 0
}
die()  { _errlog "$*"; exit 1; }

log_file() { printf '%s/%s.log' "$LOG_DIR" "${1:-$SERVICE}"; }
pid_file() { printf '%s/%s.pid' "$RUN_DIR" "${1:-$SERVICE}"; }

# Print the last lines of a service's log to stderr (used on every failure).
tail_log() {
  local name="${1:-$SERVICE}" lines="${2:-40}" f
  f="$(log_file "$name")"
  if [[ -s "$f" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$f" >&2
    tail -n "$lines" "$f" >&2 || true
    printf -- '----- end of %s -----\n' "$f" >&2
  else
    printf -- '(no log at %s)\n' "$f" >&2
  fi
}

# die + the tail of the log (infra/local/up sets INGOT_NO_LOG_TAIL and prints it itself).
fail() { _errlog "$*"; [[ -n "${INGOT_NO_LOG_TAIL:-}" ]] || tail_log "$SERVICE"; exit 1; }

# port_open HOST PORT -> 0 when something accepts TCP connections there.
port_open() {
  # shellcheck disable=SC2016  # $1/$2 expand in the child bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# wait_for_port HOST PORT TIMEOUT_SECONDS [PIDNAME]
# With PIDNAME, give up at once if that service's process has died.
wait_for_port() {
  local host="$1" port="$2" timeout="${3:-60}" name="${4:-}" start=$SECONDS
  while ! port_open "$host" "$port"; do
    if [[ -n "$name" ]] && ! pid_alive "$name"; then
      log "process of $name exited before $host:$port opened"
      return 1
    fi
    if (( SECONDS - start >= timeout )); then
      log "timed out after ${timeout}s waiting for $host:$port"
      return 1
    fi
    sleep 0.3
  done
}

# http_ok URL -> 0 on a 2xx/3xx answer.
http_ok() {
  local code
  code="$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null)" || return 1
  [[ "$code" =~ ^[23] ]]
}

# wait_for_http URL TIMEOUT_SECONDS [PIDNAME]
wait_for_http() {
  local url="$1" timeout="${2:-60}" name="${3:-}" start=$SECONDS
  while ! http_ok "$url"; do
    if [[ -n "$name" ]] && ! pid_alive "$name"; then
      log "process of $name exited before $url answered"
      return 1
    fi
    if (( SECONDS - start >= timeout )); then
      log "timed out after ${timeout}s waiting for $url"
      return 1
    fi
    sleep 0.5
  done
}

# proc_starttime PID -> the process's start time (field 22 of /proc/PID/stat).
proc_starttime() {
  local s
  s="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  s="${s##*) }"    # drop "pid (comm) ", comm may contain spaces
  # shellcheck disable=SC2086
  set -- $s        # now $1 is field 3 (state)
  printf '%s\n' "${20}"
}

# write_pid NAME PID: pid file = pid + start time, so a reused pid is never mistaken for ours.
write_pid() {
  printf '%s\n%s\n' "$2" "$(proc_starttime "$2" || true)" >"$(pid_file "$1")"
}

# pid_alive NAME -> 0 when the pid in .ingot/run/NAME.pid is still the process we started.
pid_alive() {
  local f pid st want
  f="$(pid_file "$1")"
  [[ -s "$f" ]] || return 1
  pid="$(sed -n 1p "$f")"; want="$(sed -n 2p "$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  st="$(proc_starttime "$pid")" || return 1
  [[ -z "$want" || "$st" == "$want" ]] || return 1
  # A zombie is not alive.
  local stat; stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat%% *}" != "Z" ]]
}

read_pid() { head -n1 "$(pid_file "$1")" 2>/dev/null || true; }

# start_bg NAME CMD... : run CMD detached (own session, survives the caller),
# stdout/stderr appended to .ingot/logs/NAME.log, pid in .ingot/run/NAME.pid.
start_bg() {
  local name="$1"; shift
  local lf; lf="$(log_file "$name")"
  printf '\n===== %s starting %s: %s\n' "$(date -Is)" "$name" "$*" >>"$lf"
  setsid "$@" >>"$lf" 2>&1 </dev/null &
  write_pid "$name" $!
}

# stop_pid NAME [TIMEOUT]: TERM the process group, then KILL after TIMEOUT s.
stop_pid() {
  local name="$1" timeout="${2:-20}" pid start=$SECONDS
  if ! pid_alive "$name"; then
    rm -f "$(pid_file "$name")"
    log "not running"
    return 0
  fi
  pid="$(read_pid "$name")"
  log "stopping (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while pid_alive "$name"; do
    if (( SECONDS - start >= timeout )); then
      warn "still alive after ${timeout}s, sending KILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$(pid_file "$name")"
  log "stopped"
}

# Refuse to start when the port is taken by something that is not ours.
ensure_port_free() {
  local host="$1" port="$2"
  if port_open "$host" "$port"; then
    die "$host:$port is already in use by another process (not started by this checkout's $SERVICE script). Stop it, or set the service's URL env var to use it instead."
  fi
}

# --- Debian packages -------------------------------------------------------

pkg_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

# apt_ensure PKG... : install only what is missing; apt-get update only then.
apt_ensure() {
  local missing=() p
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  (( ${#missing[@]} == 0 )) && return 0
  (( EUID == 0 )) || die "need root to apt-get install ${missing[*]}"
  log "installing Debian packages: ${missing[*]}"
  local lf; lf="$(log_file "$SERVICE-install")"
  # Only refresh the lists when they are missing or older than a day.
  if [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 -print -quit 2>/dev/null)" ]]; then
    apt-get update >>"$lf" 2>&1 || { SERVICE="$SERVICE-install" tail_log; die "apt-get update failed"; }
  fi
  if ! apt-get install -y --no-install-recommends "${missing[@]}" >>"$lf" 2>&1; then
    # The lists may be stale (a package version vanished): refresh once and retry.
    apt-get update >>"$lf" 2>&1 || true
    apt-get install -y --no-install-recommends "${missing[@]}" >>"$lf" 2>&1 \
      || { SERVICE="$SERVICE-install" tail_log; die "apt-get install ${missing[*]} failed"; }
  fi
}

# --- Go tools, cached by version under $INGOT_CACHE/go/ ---------------------

# go_tool_install NAME MODULE_PATH@VERSION -> prints the binary path.
# GOBIN is versioned so a pin change rebuilds, and reuses builds otherwise.
go_tool_install() {
  local bin="$1" pkg="$2" ver="${2##*@}"
  local dir="$INGOT_CACHE/go/$bin-$ver"
  if [[ -x "$dir/$bin" ]]; then
    printf '%s\n' "$dir/$bin"
    return 0
  fi
  command -v go >/dev/null || die "go is not installed (needed to build $pkg)"
  mkdir -p "$dir"
  local lf; lf="$(log_file "$SERVICE-install")"
  log "building $pkg with $(go version | awk '{print $3}') (cached afterwards in $dir; may take minutes)"
  # Build into a temp dir, then move: an interrupted build never looks cached.
  if ! (cd "$dir" && GOBIN="$dir.tmp" GOFLAGS=-buildvcs=false go install "$pkg") >>"$lf" 2>&1; then
    rm -rf "$dir.tmp"; rmdir "$dir" 2>/dev/null || true
    SERVICE="$SERVICE-install" tail_log
    die "go install $pkg failed"
  fi
  mv -f "$dir.tmp/$bin" "$dir/$bin"
  rmdir "$dir.tmp" 2>/dev/null || true
  printf '%s\n' "$dir/$bin"
}

# --- subcommand dispatcher -------------------------------------------------
# A service script defines do_install, do_start, do_stop, do_status, do_env,
# then calls: dispatch "$@"
dispatch() {
  local cmd="${1:-up}"
  case "$cmd" in
    install) do_install ;;
    start)   do_start ;;
    up|"")   do_install; do_start ;;
    stop)    do_stop ;;
    restart) do_stop; do_start ;;
    status)  do_status ;;
    env)     do_env ;;
    log|logs) tail_log "$SERVICE" "${2:-80}" ;;
    *) echo "usage: $0 [install|start|stop|restart|status|env|logs]  (default: install + start)" >&2; exit 2 ;;
  esac
}
