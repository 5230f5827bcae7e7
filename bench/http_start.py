#!/usr/bin/env python3
"""Measures, for several launch commands of an MCP server in Streamable HTTP mode, the time from process start
to the answer of tools/list (the server's "listening" line on stderr, then initialize ->
notifications/initialized -> tools/list over HTTP), N runs each, interleaved so that machine load affects
every command alike, and the idle RSS 1 s after the answer. Prints medians, min and max; no assertions.

Usage: http_start.py --runs N [--warmup] --launch LABEL=COMMAND ...
COMMAND is split like a shell would (shlex) and runs with the current environment plus an ephemeral port
(LLM_GATEWAY_HTTP_PORT=0), loopback and a random bearer token (LLM_GATEWAY_AUTH_TOKEN); a COMMAND that starts
with `env -i ...` gets them as its NAME=VALUE arguments. The URL is read from the line "listening on http://..." (this gateway)
or "ready at http://..." (the Node gateway).
"""
import argparse
import os
import secrets
import shlex
import statistics
import subprocess
import sys
import threading
import time

from gateway_bench import Gateway, HttpMcp  # the listening-line pattern; the benches' Streamable HTTP client
from stdio_timing import rss_mb

TIMEOUT_S = 300.0
IDLE_SETTLE_S = 1.0
INITIALIZE_PARAMS = {"protocolVersion": "2025-11-25", "capabilities": {},
                     "clientInfo": {"name": "bench-http-start", "version": "1"}}


def one_run(command):
    token = secrets.token_hex(16)
    env = dict(os.environ, LLM_GATEWAY_HTTP_PORT="0", LLM_GATEWAY_HTTP_HOST="127.0.0.1", LLM_GATEWAY_AUTH_TOKEN=token)
    if os.path.basename(command[0]) == "env":  # `env -i NAME=VALUE ... program`: the settings go in as arguments
        at = 1
        while at < len(command) and command[at].startswith("-"):
            at += 1
        command = command[:at] + [f"{k}={env[k]}" for k in
                                  ("LLM_GATEWAY_HTTP_PORT", "LLM_GATEWAY_HTTP_HOST", "LLM_GATEWAY_AUTH_TOKEN")] + command[at:]
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        found = threading.Event()
        url = []

        def pump():
            for line in proc.stderr:
                if not url:
                    m = Gateway.LISTENING.search(line.decode("utf-8", "replace"))
                    if m:
                        url.append(m.group(1))
                        found.set()
        threading.Thread(target=pump, daemon=True).start()
        if not found.wait(TIMEOUT_S):
            raise TimeoutError(f"no listening line within {TIMEOUT_S:.0f} s (exit {proc.poll()})")
        client = HttpMcp(url[0], token)
        client.initialize(INITIALIZE_PARAMS)
        _, tools = client.call("tools/list", {})
        client.conn.close()
        elapsed = time.perf_counter() - t0
        time.sleep(IDLE_SETTLE_S)
        return elapsed, rss_mb(proc.pid), len(tools["result"]["tools"])
    finally:
        proc.kill()
        proc.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", action="store_true", help="one uncounted run per launch first")
    ap.add_argument("--launch", action="append", required=True, metavar="LABEL=COMMAND")
    a = ap.parse_args()
    launches = []
    for spec in a.launch:
        label, _, command = spec.partition("=")
        launches.append((label, shlex.split(command)))
    results = {label: [] for label, _ in launches}
    warm = {}
    if a.warmup:
        for label, command in launches:
            warm[label] = one_run(command)[0]
    for n in range(1, a.runs + 1):
        for label, command in launches:
            r = one_run(command)
            results[label].append(r)
            print(f"run {n}/{a.runs} {label}: {r[0]:.3f} s", file=sys.stderr, flush=True)
    print("time from process start to the tools/list answer over Streamable HTTP; idle RSS 1 s after it")
    width = max(len(label) for label, _ in launches)
    header = f"{'launch'.ljust(width)}  runs     median        min        max  idle RSS  tools  (warm-up)"
    print(header)
    print("-" * len(header))
    for label, _ in launches:
        times = [r[0] for r in results[label]]
        rss = statistics.median(r[1] for r in results[label])
        tools = results[label][-1][2]
        warmup = f"  ({warm[label]:.3f} s)" if label in warm else ""
        print(f"{label.ljust(width)}  {len(times):4d}  {statistics.median(times):7.3f} s  {min(times):7.3f} s  "
              f"{max(times):7.3f} s  {rss:5.0f} MB  {tools:5d}{warmup}")


if __name__ == "__main__":
    main()
