#!/usr/bin/env bash
# Builds the gateway's JDK AOT cache (JEP 483/514/515) with one training run, for ./jbang.
# Usage: aot-train.sh AOT_FILE JAVA_BIN JVM_ARGS... MAIN_CLASS
# The training run is the gateway in stdio mode answering what every MCP client sends first
# (initialize, tools/list, resources/list, one cheap tool call) and one synchronous claude_request against
# a stand-in `claude` (so the cache also holds the request path and the native spawn calls a first CLI run
# needs), then stdin closes and it exits; the JVM writes the cache at exit. For HTTP mode's cache (an
# AOT_FILE named *-http.aot) it also runs HTTP mode once in the same JVM before the stdio session
# (LLM_GATEWAY_AOT_TRAINING=http: an ephemeral loopback port, a random token, the first requests an HTTP
# client sends; see AotTrainingHttpRound). Stdio's cache leaves HTTP out: the JVM loads every class of a
# cache at start-up. It runs with a throw-away HOME so it never touches the user's job store, sessions or
# flight recorder. One training at a time per cache file (a mkdir lock); the file appears whole (written
# beside it, then renamed) or not at all. Cache files of older fingerprints are removed.
# It also extracts SQLite's native library for the platform into AOT_FILE.sqlite/ (see below).
set -uo pipefail
aot="${1:?AOT file}"; java_bin="${2:?java}"; shift 2
lock="$aot.lock"
if ! mkdir "$lock" 2>/dev/null; then
  # a lock older than 15 minutes belongs to a training that died
  if [ -n "$(find "$lock" -maxdepth 0 -mmin +15 2>/dev/null)" ]; then rm -rf "$lock"; mkdir "$lock" 2>/dev/null || exit 0
  else exit 0; fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work" "$lock"; rm -f "$aot.tmp.$$" "$aot.tmp.$$.config"' EXIT
[ -s "$aot" ] && exit 0
case "$aot" in *-http.aot) round=http ;; *) round=stdio-only ;; esac
cat > "$work/requests.jsonl" <<'JSONRPC'
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"aot-training","version":"1"}}}
{"jsonrpc":"2.0","method":"notifications/initialized"}
{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}
{"jsonrpc":"2.0","id":3,"method":"resources/list","params":{}}
{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"llm_process_health","arguments":{}}}
{"jsonrpc":"2.0","id":5,"method":"ping"}
{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"claude_request","arguments":{"prompt":"AOT training run"}}}
JSONRPC
# the stand-in claude: answers at once, in the real CLI's JSON result format
mkdir -p "$work/bin"
cat > "$work/bin/claude" <<'FAKE'
#!/bin/sh
printf '%s\n' '{"type":"result","subtype":"success","is_error":false,"result":"trained","session_id":"7d7a4c1e-2f0b-4a51-9c3e-0a1b2c3d4e5f"}'
FAKE
chmod +x "$work/bin/claude"
# SQLite's native library, extracted once beside the cache: otherwise sqlite-jdbc writes a fresh copy to
# /tmp on every start, reads it back to compare it with the jar, and leaves it behind when killed.
native="$aot.sqlite"
sqlite_jar=$(printf '%s\n' "$@" | tr ':' '\n' | grep -m1 '/sqlite-jdbc-[^/]*\.jar$' || true)
if [ -n "$sqlite_jar" ] && [ ! -s "$native/libsqlitejdbc.so" ]; then
  folder=$("$java_bin" -cp "$sqlite_jar" org.sqlite.util.OSInfo 2>/dev/null)
  case "$folder" in
    */*)
      mkdir -p "$work/native" "$native" \
        && (cd "$work/native" && "$(dirname "$java_bin")/jar" xf "$sqlite_jar" "org/sqlite/native/$folder/libsqlitejdbc.so") \
        && [ -s "$work/native/org/sqlite/native/$folder/libsqlitejdbc.so" ] \
        && mv -f "$work/native/org/sqlite/native/$folder/libsqlitejdbc.so" "$native/libsqlitejdbc.so.tmp" \
        && mv -f "$native/libsqlitejdbc.so.tmp" "$native/libsqlitejdbc.so" ;;
  esac
fi
mkdir -p "$work/home"
# -XX:-AOTRecordTraining: no method profiles in the cache. The gateway runs C1 only (TieredStopAtLevel=1),
# which uses none, and replaying them at start-up queued compilations that cost ~14 ms of every launch.
if env -i "HOME=$work/home" "PATH=$work/bin:/usr/bin:/bin" "LANG=${LANG:-C.UTF-8}" "LLM_GATEWAY_LOGIN_CHECK=off" \
     "LLM_GATEWAY_AOT_TRAINING=$round" \
     "$java_bin" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining "-XX:AOTCacheOutput=$aot.tmp.$$" "$@" < "$work/requests.jsonl" > "$work/stdout" 2> "$work/stderr" \
   && [ -s "$aot.tmp.$$" ]; then
  # caches of older keys go; the other transport's cache of this key stays
  prefix=${aot%.aot}; prefix=${prefix%-http}
  for old in "${prefix%-*}"-*.aot "${prefix%-*}"-*.aot.sqlite "${prefix%-*}"-*.aot.failed; do
    case "$old" in "$prefix".aot*|"$prefix"-http.aot*) ;; *) rm -rf "$old" ;; esac
  done
  mv -f "$aot.tmp.$$" "$aot"
  rm -f "$aot.failed"
  echo "[aot-train] AOT cache ready: $aot" >&2
else
  # remembered, so that client launches stop retrying in the background; print-client-config retries
  tail -20 "$work/stderr" > "$aot.failed"
  echo "[aot-train] the training run failed; the gateway starts without an AOT cache. Its stderr" \
       "(kept in $aot.failed):" >&2
  cat "$aot.failed" >&2
  exit 1
fi
