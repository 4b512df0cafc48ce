#!/usr/bin/env bash
# stripe-mock (Go module, built once into the cache), HTTP 127.0.0.1:12111, HTTPS 127.0.0.1:12112.
# Usage: stripe-mock.sh [install|start|stop|restart|status|env|logs]   (default: install + start)
set -euo pipefail
SERVICE=stripe-mock
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STRIPE_MOCK_VERSION="${STRIPE_MOCK_VERSION:-v0.203.0}"
SM_HOST=127.0.0.1
SM_HTTP_PORT="${INGOT_STRIPE_HTTP_PORT:-12111}"
SM_HTTPS_PORT="${INGOT_STRIPE_HTTPS_PORT:-12112}"
SM_BIN="$INGOT_CACHE/go/stripe-mock-$STRIPE_MOCK_VERSION/stripe-mock"

do_install() {
  [[ -x "$SM_BIN" ]] && return 0
  go_tool_install stripe-mock "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION" >/dev/null
}


do_start() {
  if pid_alive "$SERVICE" && port_open "$SM_HOST" "$SM_HTTP_PORT"; then
    log "already running on $SM_HOST:$SM_HTTP_PORT (pid $(read_pid "$SERVICE"))"
    return 0
  fi
  [[ -x "$SM_BIN" ]] || die "$SM_BIN missing: run $0 install"
  ensure_port_free "$SM_HOST" "$SM_HTTP_PORT"
  ensure_port_free "$SM_HOST" "$SM_HTTPS_PORT"
  log "starting $STRIPE_MOCK_VERSION on http://$SM_HOST:$SM_HTTP_PORT, https://$SM_HOST:$SM_HTTPS_PORT"
  start_bg "$SERVICE" "$SM_BIN" -http-addr "$SM_HOST:$SM_HTTP_PORT" -https-addr "$SM_HOST:$SM_HTTPS_PORT"
  wait_for_port "$SM_HOST" "$SM_HTTP_PORT" 30 "$SERVICE" || fail "stripe-mock did not open $SM_HOST:$SM_HTTP_PORT"
  log "ready on $SM_HOST:$SM_HTTP_PORT"
}

do_stop() { stop_pid "$SERVICE" 10; }

do_status() {
  if pid_alive "$SERVICE" && port_open "$SM_HOST" "$SM_HTTP_PORT"; then
    echo "stripe-mock: running (pid $(read_pid "$SERVICE")) on $SM_HOST:$SM_HTTP_PORT (https $SM_HTTPS_PORT)"
  else
    echo "stripe-mock: not running"; return 3
  fi
}

do_env() { echo "STRIPE_API_BASE=http://$SM_HOST:$SM_HTTP_PORT"; }

dispatch "$@"
