#!/usr/bin/env bash
# Chromium + ChromeDriver (Debian packages). Nothing to run: `install` and `env` only;
# the browser is started by the tests (playwright-core with executablePath).
# Usage: chromium.sh [install|start|stop|status|env]   (default: install, then print the path)
set -euo pipefail
SERVICE=chromium
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM_BIN=/usr/bin/chromium
CHROMEDRIVER_BIN=/usr/bin/chromedriver

do_install() {
  if [[ -x "$CHROMIUM_BIN" && -x "$CHROMEDRIVER_BIN" ]]; then return 0; fi
  # fonts-liberation: sane default fonts for screenshots.
  apt_ensure chromium chromium-driver fonts-liberation
  [[ -x "$CHROMIUM_BIN" ]] || die "no $CHROMIUM_BIN after installing chromium"
}

do_start() {
  # Nothing to start; report the executable (stdout) for scripts to capture.
  [[ -x "$CHROMIUM_BIN" ]] || die "$CHROMIUM_BIN missing: run $0 install"
  echo "$CHROMIUM_BIN"
}

do_stop() { :; }

do_status() {
  if [[ -x "$CHROMIUM_BIN" ]]; then
    echo "chromium: installed at $CHROMIUM_BIN ($("$CHROMIUM_BIN" --version 2>/dev/null | head -n1))"
  else
    echo "chromium: not installed"; return 3
  fi
}

do_env() { echo "CHROMIUM_PATH=$CHROMIUM_BIN"; }

dispatch "$@"
