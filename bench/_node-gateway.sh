# Sourced by bench/run and bench/async: sets NODE_GATEWAY to the dist/index.js of the Node llm-cli-gateway
# 1.5.14 (the baseline this project replaces), or to nothing with a note on stderr.
# Order: $NODE_GATEWAY; an earlier install in the cache; `npm install llm-cli-gateway@1.5.14` into the cache
# (npm's ordinary client; a failure is remembered for a day); a build of the v1.5.14 tag left in <cache>/node-1.5.14-src (see bench/README.md).
# shellcheck shell=bash
_node_cache="${XDG_CACHE_HOME:-$HOME/.cache}/llm-cli-gateway"
_node_installed="$_node_cache/node-1.5.14/node_modules/llm-cli-gateway/dist/index.js"
_node_built="$_node_cache/node-1.5.14-src/dist/index.js"
if [ -n "${NODE_GATEWAY:-}" ] && [ -f "$NODE_GATEWAY" ]; then
  :
elif ! command -v node >/dev/null 2>&1; then
  echo "bench: no node on PATH: the Node gateway 1.5.14 is not measured" >&2
  NODE_GATEWAY=""
elif [ -f "$_node_installed" ]; then
  NODE_GATEWAY="$_node_installed"
elif [ -z "$(find "$_node_cache/node-1.5.14/.npm-unavailable" -mmin -1440 2>/dev/null)" ] \
     && mkdir -p "$_node_cache/node-1.5.14" && echo "bench: npm install llm-cli-gateway@1.5.14 (once) ..." >&2 \
     && npm install --prefix "$_node_cache/node-1.5.14" --no-audit --no-fund --loglevel=error \
          llm-cli-gateway@1.5.14 >&2 2>/dev/null && [ -f "$_node_installed" ]; then
  NODE_GATEWAY="$_node_installed"
elif touch "$_node_cache/node-1.5.14/.npm-unavailable" 2>/dev/null && [ -f "$_node_built" ]; then
  NODE_GATEWAY="$_node_built"
else
  echo "bench: the Node gateway 1.5.14 is not measured: npm could not install llm-cli-gateway@1.5.14 and there" \
       "is no build in $_node_cache/node-1.5.14-src (bench/README.md says how to make one); or set NODE_GATEWAY" >&2
  NODE_GATEWAY=""
fi
export NODE_GATEWAY
