#!/usr/bin/env bash
# Keycloak (keycloak-quarkus-dist zip from Maven Central), `start-dev` on http://127.0.0.1:18080,
# management/health on 127.0.0.1:19000, admin/admin bootstrap, dev-file (H2) data in .ingot.
# Usage: keycloak.sh [install|start|stop|restart|status|env|logs]   (default: install + start)
#
# The unpacked distribution is shared in the cache; each checkout gets its own Keycloak home
# at .ingot/keycloak/home (bin/ and conf/ copied, lib/ providers/ themes/ symlinked into the
# cache, data/ real), so kc.home.dir -- and with it the H2 database, data/import and tmp
# files -- belong to the checkout while the augmented build in lib/ is reused by all.
#
# Realms: every *.json in <repo>/packages/auth/realm/ is copied to data/import and imported at
# startup (--import-realm). When those files change, the next run re-imports them with
# `kc.sh import --override true` (stopping Keycloak first if it runs).
set -euo pipefail
SERVICE=keycloak
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
KC_HOST=127.0.0.1
KC_PORT="${INGOT_KEYCLOAK_PORT:-18080}"
KC_MGMT_PORT="${INGOT_KEYCLOAK_MGMT_PORT:-19000}"
KC_DIST="$INGOT_CACHE/keycloak/keycloak-$KEYCLOAK_VERSION"
KC_DIR="$INGOT_DIR/keycloak"
KC_HOME="$KC_DIR/home"
REALM_SRC="${INGOT_KEYCLOAK_REALM_DIR:-$REPO_ROOT/packages/auth/realm}"

pick_java_home() {
  local j
  for j in "${KC_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
           /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-amd64; do
    [[ -n "$j" && -x "$j/bin/java" ]] && { printf '%s\n' "$j"; return 0; }
  done
  local java; java="$(command -v java)" || return 1
  dirname "$(dirname "$(readlink -f "$java")")"
}

# Common environment for every kc.sh invocation.
kc_env() {
  local jh; jh="$(pick_java_home)" || die "no Java found (need 17+; Temurin 25 preferred)"
  export JAVA_HOME="$jh" PATH="$jh/bin:$PATH"
  export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx768m}"
  export JAVA_OPTS_APPEND="-Djava.io.tmpdir=$KC_HOME/data/tmp -Dquarkus.analytics.disabled=true ${JAVA_OPTS_APPEND:-}"
  export KC_LOG_CONSOLE_COLOR=false
}

# Build-time options must be the same for every command, else Keycloak re-augments.
KC_BUILD_OPTS=(--db=dev-file --health-enabled=true --features-disabled=opentelemetry)

do_install() {
  command -v curl >/dev/null || apt_ensure curl
  command -v unzip >/dev/null || apt_ensure unzip
  if [[ ! -x "$KC_DIST/bin/kc.sh" ]]; then
    command -v mvn >/dev/null || apt_ensure maven
    local dl="$INGOT_CACHE/keycloak/download" lf; lf="$(log_file "$SERVICE-install")"
    local zip="$dl/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    mkdir -p "$dl"
    if [[ ! -s "$zip" ]]; then
      log "downloading org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip from Maven Central"
      (cd "$dl" && mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
          "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
          "-DoutputDirectory=$dl") >>"$lf" 2>&1 \
        || { SERVICE="$SERVICE-install" tail_log; die "maven download of keycloak $KEYCLOAK_VERSION failed"; }
    fi
    log "unpacking into $KC_DIST"
    rm -rf "$KC_DIST.tmp"; mkdir -p "$KC_DIST.tmp"
    unzip -q "$zip" -d "$KC_DIST.tmp" || die "unzip $zip failed"
    rm -rf "$KC_DIST"; mv "$KC_DIST.tmp/keycloak-$KEYCLOAK_VERSION" "$KC_DIST"; rm -rf "$KC_DIST.tmp"
    rm -f "$zip"   # the unpacked copy is what we keep (Maven keeps one in ~/.m2 too)
  fi
  setup_home
}

setup_home() {
  mkdir -p "$KC_HOME/data/import" "$KC_HOME/data/tmp"
  local d
  for d in lib providers themes; do
    if [[ "$(readlink "$KC_HOME/$d" 2>/dev/null)" != "$KC_DIST/$d" ]]; then
      rm -rf "${KC_HOME:?}/$d"; ln -s "$KC_DIST/$d" "$KC_HOME/$d"
    fi
  done
  # bin/ must be a real copy: kc.sh derives kc.home.dir from its own resolved path.
  if [[ ! -f "$KC_HOME/bin/.version-$KEYCLOAK_VERSION" ]]; then
    rm -rf "${KC_HOME:?}/bin" "${KC_HOME:?}/conf"
    cp -a "$KC_DIST/bin" "$KC_DIST/conf" "$KC_DIST/version.txt" "$KC_HOME/"
    touch "$KC_HOME/bin/.version-$KEYCLOAK_VERSION"
  fi
}

# Copy the realm files into data/import; print their combined hash ("none" if no files).
sync_realms() {
  local imp="$KC_HOME/data/import"
  find "$imp" -maxdepth 1 -name '*.json' -delete
  if [[ -d "$REALM_SRC" ]] && compgen -G "$REALM_SRC/*.json" >/dev/null; then
    cp "$REALM_SRC"/*.json "$imp/"
    cat "$imp"/*.json | sha256sum | cut -c1-16
  else
    echo none
  fi
}

kc_ready() { http_ok "http://$KC_HOST:$KC_MGMT_PORT/health/ready" && http_ok "http://$KC_HOST:$KC_PORT/realms/master"; }

reimport_realms() {
  log "realm files changed: re-importing with --override true"
  kc_env
  local f
  # --dir only picks up files named <realm>-realm.json; import each file by name instead.
  for f in "$KC_HOME"/data/import/*.json; do
    "$KC_HOME/bin/kc.sh" --profile=dev import "${KC_BUILD_OPTS[@]}" --file "$f" --override true \
        >>"$(log_file)" 2>&1 || fail "kc.sh import --file $f failed"
  done
}

launch() {
  ensure_port_free "$KC_HOST" "$KC_PORT"
  ensure_port_free "$KC_HOST" "$KC_MGMT_PORT"
  kc_env
  log "starting Keycloak $KEYCLOAK_VERSION on http://$KC_HOST:$KC_PORT (java: $JAVA_HOME)"
  start_bg "$SERVICE" env \
    KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
    "$KC_HOME/bin/kc.sh" start-dev "${KC_BUILD_OPTS[@]}" \
      --http-host="$KC_HOST" --http-port="$KC_PORT" \
      --http-management-host="$KC_HOST" --http-management-port="$KC_MGMT_PORT" \
      --hostname-strict=false --import-realm --log-console-color=false
  local start=$SECONDS
  until kc_ready; do
    pid_alive "$SERVICE" || fail "keycloak exited during startup"
    (( SECONDS - start < 180 )) || fail "keycloak not ready after 180s"
    sleep 1
  done
  log "ready on http://$KC_HOST:$KC_PORT ($((SECONDS - start))s)"
}

do_start() {
  [[ -x "$KC_DIST/bin/kc.sh" ]] || die "Keycloak $KEYCLOAK_VERSION not installed: run $0 install"
  setup_home
  local want have=""
  want="$(sync_realms)"
  [[ -f "$KC_DIR/realm-hash" ]] && have="$(cat "$KC_DIR/realm-hash")"
  local h2_exists=false
  compgen -G "$KC_HOME/data/h2/*" >/dev/null && h2_exists=true

  if pid_alive "$SERVICE" && port_open "$KC_HOST" "$KC_PORT"; then
    if [[ "$want" == "$have" || "$want" == none ]]; then
      log "already running on http://$KC_HOST:$KC_PORT (pid $(read_pid "$SERVICE"))"
      return 0
    fi
    stop_pid "$SERVICE" 30
  fi
  if [[ "$want" != none && "$want" != "$have" && $h2_exists == true ]]; then
    reimport_realms
  fi
  launch
  echo "$want" >"$KC_DIR/realm-hash"
}

do_stop() { stop_pid "$SERVICE" 30; }

do_status() {
  if pid_alive "$SERVICE" && kc_ready; then
    echo "keycloak: running (pid $(read_pid "$SERVICE")) on http://$KC_HOST:$KC_PORT (health http://$KC_HOST:$KC_MGMT_PORT/health/ready)"
  else
    echo "keycloak: not running"; return 3
  fi
}

do_env() {
  echo "KEYCLOAK_URL=http://$KC_HOST:$KC_PORT"
  echo "KEYCLOAK_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
  echo "KEYCLOAK_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
}

dispatch "$@"
