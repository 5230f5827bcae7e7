# Sourced by bench/run and bench/async: prepares what a user's first run does (`./jbang gateway@verivus
# print-client-config`: JBang build when needed, the cached launch line, the AOT cache) and sets
#   LAUNCH_PREP_S   seconds the preparation took
#   LAUNCH_DIRECT   array: the java command ./jbang execs, with the AOT cache and SQLite's extracted library
#   LAUNCH_NO_AOT   array: the same java command without them
#   LAUNCH_AOT      the AOT cache file (empty when there is none; a note on stderr then)
# Needs: repo (the clone's root) and mcp_env (array: `env -i ...` for the launch, may carry JBANG_DIR).
# shellcheck shell=bash
_launch_jbang_dir="${JBANG_DIR:-$HOME/.jbang}"
for _v in "${mcp_env[@]}"; do
  case "$_v" in JBANG_DIR=*) _launch_jbang_dir="${_v#JBANG_DIR=}" ;; esac
done
echo "preparing: ./jbang gateway@verivus print-client-config (JBang build when needed, launch line, AOT cache) ..." >&2
_launch_t0=$EPOCHREALTIME
"${mcp_env[@]}" "$repo/jbang" gateway@verivus print-client-config >/dev/null
LAUNCH_PREP_S=$(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $_launch_t0 }")

# the launch entry's name, as ./jbang makes it
_launch_id=${repo//_/__}
_launch_id=${_launch_id//\//_s}
[ ${#_launch_id} -le 120 ] || _launch_id=$(printf '%s' "$repo" | cksum | cut -d' ' -f1)
_launch_entry="$_launch_jbang_dir/cache/llm-cli-gateway-launch/gateway-$_launch_id.launch"
[ -s "$_launch_entry" ] || { echo "bench: no cached launch line at $_launch_entry after the preparation" >&2; exit 1; }
eval "LAUNCH_NO_AOT=($(sed -n 2p "$_launch_entry"))"
# stdio's cache (HTTP mode's is the same name with -http)
LAUNCH_AOT="$_launch_jbang_dir/cache/llm-cli-gateway-launch/gateway-$_launch_id-$(sed -n 1p "$_launch_entry").aot"
[ -s "$LAUNCH_AOT" ] || LAUNCH_AOT=""
LAUNCH_DIRECT=("${LAUNCH_NO_AOT[0]}")
if [ -n "$LAUNCH_AOT" ]; then
  LAUNCH_DIRECT+=("-XX:AOTCache=$LAUNCH_AOT" "-Dllm.gateway.aot.cache=$LAUNCH_AOT")
  if [ -s "$LAUNCH_AOT.sqlite/libsqlitejdbc.so" ]; then
    LAUNCH_DIRECT+=("-Dorg.sqlite.lib.path=$LAUNCH_AOT.sqlite" "-Dorg.sqlite.lib.name=libsqlitejdbc.so")
  fi
else
  echo "bench: no AOT cache after the preparation; the direct launch runs without one" >&2
fi
LAUNCH_DIRECT+=("${LAUNCH_NO_AOT[@]:1}")
