#!/usr/bin/env bash
# Captures the --help texts of the real claude, codex and gemini CLIs from npm into this folder as
# <cli>-<version>.txt, so that UpstreamHelpTest can check that every flag our argv builders emit is
# one the real CLI documents. grok and vibe are not published on npm and are not captured.
#
# Usage: server/src/test/resources/upstream-help/capture.sh [--keep]
# Needs node + npm and access to the npm registry. Installs into a temporary prefix (never -g).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
keep="${1:-}"
cleanup() { if [[ "$keep" != "--keep" ]]; then rm -rf "$work"; else echo "kept $work" >&2; fi; }
trap cleanup EXIT

export HOME="$work/home"          # keep the CLIs from reading or writing the real user config
mkdir -p "$HOME"
export NO_COLOR=1 FORCE_COLOR=0 CI=1 COLUMNS=200 DISABLE_AUTOUPDATER=1

echo "installing into $work" >&2
npm install --prefix "$work" --no-audit --no-fund --loglevel=error \
    @anthropic-ai/claude-code@latest @openai/codex@latest @google/gemini-cli@latest >&2

bin="$work/node_modules/.bin"

# One section per help command, headed "### <command>", so a test can tell which command a flag came from.
capture() {
    local cli="$1"; shift
    local version
    version="$("$bin/$cli" --version 2>/dev/null | head -n 1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+[0-9A-Za-z.+-]*' | head -n 1 || true)"
    [[ -n "$version" ]] || { echo "could not read $cli --version" >&2; exit 1; }
    local out="$here/$cli-$version.txt"
    rm -f "$here/$cli"-*.txt
    {
        echo "# $cli $version --help texts, captured by capture.sh on $(date -u +%Y-%m-%d)"
        local cmd
        for cmd in "$@"; do
            echo
            echo "### $cli $cmd"
            # shellcheck disable=SC2086
            timeout 60 "$bin/$cli" $cmd < /dev/null 2>&1 || true
        done
    } > "$out"
    echo "wrote $out" >&2
}

# Claude Code hides some options it still accepts (--max-turns among them) from --help. List the
# hidden ones from the option table inside the shipped binary, so the check can tell "hidden" from "gone".
claude_hidden() {
    local binary
    binary="$(find "$work/node_modules/@anthropic-ai" -type f -name claude -size +10M | head -n 1)"
    [[ -n "$binary" ]] || binary="$(find "$work/node_modules/@anthropic-ai" -type f -name 'cli.js' | head -n 1)"
    [[ -n "$binary" ]] || return 0
    strings -n 6 "$binary" \
        | grep -oE 'addOption\(new [A-Za-z_$]{1,4}\("--[a-z-]+( <[a-z-]+>)?","[^"]{0,200}"\)(\.[a-zA-Z]+\([^()]{0,40}\))*\.hideHelp\(\)' \
        | sed -E 's/addOption\(new [A-Za-z_$]+\("(--[a-z-]+)[^"]*".*/\1/' | sort -u
}

capture claude "--help"
{ echo; echo "### claude hidden options (accepted but hidden from --help; read from the binary's option table)"; claude_hidden; } \
    >> "$(ls "$here"/claude-*.txt)"
# codex exec fork is the non-interactive fork that codex_fork_session runs; codex fork is the TUI one.
capture codex "--help" "exec --help" "exec resume --help" "exec fork --help" "fork --help"
capture gemini "--help"
