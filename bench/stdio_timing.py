#!/usr/bin/env python3
"""Measures, for several launch commands of an MCP stdio server, the time from process start to the
answer of tools/list (initialize -> notifications/initialized -> tools/list), N runs each, interleaved
so that machine load affects every command alike. Prints medians, min and max; no assertions.

Usage: stdio_timing.py --runs N [--warmup] [--csv FILE] [--before-each SHELL_COMMAND] --launch LABEL=COMMAND ...
COMMAND is split like a shell would (shlex); it runs with the current environment and working directory.
--before-each runs (untimed, through sh) before every start, e.g. to restore a data file the start changes.
"""
import argparse
import csv
import json
import os
import shlex
import statistics
import subprocess
import sys
import threading
import time

TIMEOUT_S = 300.0  # a first JBang launch compiles the entry script
IDLE_SETTLE_S = 1.0  # idle RSS is read this long after the tools/list answer
# what Claude Code 2.1.197 sends (captured from its stdin during `claude mcp list`), so that every server reads
# the initialize of the client most users have
INITIALIZE_PARAMS = {
    "protocolVersion": "2025-11-25", "capabilities": {"roots": {}, "elicitation": {}},
    "clientInfo": {"name": "claude-code", "title": "Claude Code", "version": "2.1.197",
                   "description": "Anthropic's agentic coding tool", "websiteUrl": "https://claude.com/claude-code"}}


def rss_mb(pid):
    """VmRSS of pid in MB (the launchers exec the JVM or node, so the pid is the server's own)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return float("nan")


def send(proc, message):
    proc.stdin.write((json.dumps(message) + "\n").encode())
    proc.stdin.flush()


def await_reply(proc, lines, want_id, deadline):
    """Reads stdout lines until the reply with id want_id; returns (reply, non-JSON line count)."""
    noise = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no reply to id {want_id} within {TIMEOUT_S:.0f} s")
        line = lines.readline()
        if not line:
            raise EOFError(f"stdout closed before the reply to id {want_id} (exit {proc.poll()})")
        try:
            msg = json.loads(line)
        except ValueError:
            noise += 1
            continue
        if isinstance(msg, dict) and msg.get("id") == want_id:
            return msg, noise


def one_run(command):
    stderr_chunks = []
    start = time.monotonic()
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    drain = threading.Thread(target=lambda: stderr_chunks.append(proc.stderr.read()), daemon=True)
    drain.start()
    deadline = start + TIMEOUT_S
    try:
        send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": INITIALIZE_PARAMS})
        _, noise1 = await_reply(proc, proc.stdout, 1, deadline)
        send(proc, {"jsonrpc": "2.0", "method": "notifications/initialized"})
        send(proc, {"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": {}})
        reply, noise2 = await_reply(proc, proc.stdout, 2, deadline)
        elapsed = time.monotonic() - start
        if "result" not in reply:
            raise RuntimeError(f"tools/list failed: {reply}")
        tools = len(reply["result"].get("tools", []))
        time.sleep(IDLE_SETTLE_S)
        return elapsed, tools, noise1 + noise2, rss_mb(proc.pid)
    except Exception:
        proc.kill()
        drain.join(5)
        sys.stderr.write(b"".join(c or b"" for c in stderr_chunks).decode(errors="replace")[-4000:])
        raise
    finally:
        try:
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def fmt(seconds):
    return f"{seconds:.3f} s"


def before_each(args):
    if args.before_each:
        subprocess.run(["sh", "-c", args.before_each], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", action="store_true", help="one uncounted run of each launch first")
    ap.add_argument("--csv", help="also write every sample to this CSV file")
    ap.add_argument("--launch", action="append", required=True, metavar="LABEL=COMMAND")
    ap.add_argument("--before-each", help="a shell command run, untimed, before every start")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    launches = []
    for spec in args.launch:
        label, _, command = spec.partition("=")
        launches.append((label, shlex.split(command)))

    warm = {}
    if args.warmup:
        for label, command in launches:
            print(f"warm-up: {label} ...", file=sys.stderr, flush=True)
            before_each(args)
            warm[label] = one_run(command)[0]

    samples = {label: [] for label, _ in launches}
    rss = {label: [] for label, _ in launches}
    tools = {}
    noise = {label: 0 for label, _ in launches}
    for i in range(args.runs):
        for label, command in launches:
            before_each(args)
            elapsed, n_tools, n_noise, idle_rss = one_run(command)
            samples[label].append(elapsed)
            rss[label].append(idle_rss)
            tools[label] = n_tools
            noise[label] += n_noise
            print(f"run {i + 1}/{args.runs} {label}: {fmt(elapsed)}", file=sys.stderr, flush=True)

    width = max(len(label) for label, _ in launches)
    header = f"{'launch':<{width}}  runs  {'median':>9}  {'min':>9}  {'max':>9}  idle RSS  tools  non-JSON stdout lines"
    if warm:
        header += "  (warm-up)"
    print("time from process start to the tools/list answer over stdio; idle RSS "
          f"{IDLE_SETTLE_S:.0f} s after it")
    print(header)
    print("-" * len(header))
    for label, _ in launches:
        s = samples[label]
        row = (f"{label:<{width}}  {len(s):>4}  {fmt(statistics.median(s)):>9}  {fmt(min(s)):>9}  "
               f"{fmt(max(s)):>9}  {statistics.median(rss[label]):>5.0f} MB  {tools[label]:>5}  {noise[label]:>21}")
        if label in warm:
            row += f"  ({fmt(warm[label])})"
        print(row)

    if args.csv:
        os.makedirs(os.path.dirname(os.path.abspath(args.csv)), exist_ok=True)
        with open(args.csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["launch", "run", "seconds", "idle_rss_mb"])
            for label, _ in launches:
                for i, (s, r) in enumerate(zip(samples[label], rss[label]), 1):
                    w.writerow([label, i, f"{s:.4f}", f"{r:.1f}"])


if __name__ == "__main__":
    main()
