#!/usr/bin/env python3
"""The first tool call after connecting: start the gateway (the command given), initialize, tools/list, wait
DELAY seconds, then three claude_request calls (the python fake CLI, answering at once) and print how long
each took, call -> response. The first pays what the gateway had not prepared yet; the others show the
steady cost. Usage: first_call.py --fake-cli-dir DIR --delay 0.3 [--runs 3] -- COMMAND..."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def one(command, fake_dir, delay):
    work = tempfile.mkdtemp(prefix="first-call-")
    try:
        home = os.path.join(work, "home")
        bin_dir = os.path.join(work, "bin")
        os.makedirs(home)
        os.makedirs(bin_dir)
        for name in os.listdir(fake_dir):
            src = os.path.join(fake_dir, name)
            if os.path.isfile(src) and not name.endswith(".md"):
                shutil.copyfile(src, os.path.join(bin_dir, name))
                os.chmod(os.path.join(bin_dir, name), 0o755)
        env = {"HOME": home, "PATH": bin_dir + ":/usr/bin:/bin", "LANG": "C.UTF-8", "FAKE_CLI_MODE": "ok"}
        p = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             env=env, cwd=work)

        def send(message):
            p.stdin.write((json.dumps(message) + "\n").encode())
            p.stdin.flush()

        def reply(want):
            while True:
                line = p.stdout.readline()
                if not line:
                    raise SystemExit(f"the gateway closed stdout before the reply to {want}")
                message = json.loads(line)
                if message.get("id") == want:
                    return message

        send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
              "capabilities": {}, "clientInfo": {"name": "first-call", "version": "1"}}})
        reply(1)
        send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        send({"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": {}})
        reply(2)
        time.sleep(delay)
        took = []
        for i in range(3):
            t0 = time.perf_counter()
            send({"jsonrpc": "2.0", "id": 10 + i, "method": "tools/call", "params": {"name": "claude_request",
                  "arguments": {"prompt": f"first call {i} {time.time()}", "forceRefresh": True}}})
            result = reply(10 + i).get("result", {})
            if result.get("isError"):
                raise SystemExit(f"claude_request failed: {json.dumps(result)[:500]}")
            took.append((time.perf_counter() - t0) * 1000)
        p.stdin.close()
        p.wait(timeout=60)
        return took
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fake-cli-dir", required=True)
    ap.add_argument("--delay", type=float, default=0.3, help="seconds between the tools/list answer and the call")
    ap.add_argument("--runs", type=int, default=3, help="fresh gateways (default 3)")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    command = a.command[1:] if a.command[:1] == ["--"] else a.command
    if not command:
        ap.error("the gateway command goes after --")
    for run in range(1, a.runs + 1):
        took = one(command, a.fake_cli_dir, a.delay)
        print(f"run {run}, {a.delay:.1f} s after tools/list: calls took " + " / ".join(f"{t:.0f} ms" for t in took))


if __name__ == "__main__":
    main()
