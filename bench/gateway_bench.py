#!/usr/bin/env python3
"""Benchmarks of the real gateway process, driven through MCP (JSON-RPC over stdio pipes, or Streamable
HTTP on loopback), each side by side with a baseline measured in the same run. No assertions: it prints
medians. python3 standard library only. Normally run through bench/requests and bench/async, which find
the JDK 25, build the classes when needed and pass --java/--classpath/--fake-cli-dir.

  requests  the gateway's ADDED latency per sync request: N sequential tools/call claude_request (and
            codex_request) with forceRefresh and distinct prompts, over stdio and over HTTP, each call
            timed from the write of the request to the arrival of its response; baseline: spawning the
            same fake CLI with the same argv, cwd and environment the gateway used, from this driver.
  async     wall time and peak RSS (VmHWM of the gateway JVM) for J concurrent claude_request_async jobs
            that each take S ms (fake CLI in slow mode), completion read from llm_job_status; baseline:
            J bare spawns of the same fake with the same argv in parallel. Medians over R repetitions,
            each with a fresh gateway.

The gateways run with a clean environment: HOME = a temp directory (so the default SQLite job store and
flight recorder live there), PATH = the fake CLIs first then /usr/bin:/bin, LANG; LLM_GATEWAY_LOGS_DB and
every other LLM_GATEWAY_* variable of yours are absent.
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import datetime

PROTOCOL = "2025-11-25"
EXECUTABLES = {"mistral": "vibe"}  # tool prefix -> the executable the gateway spawns
CALL_TIMEOUT_S = 120.0
START_TIMEOUT_S = 180.0


# ----------------------------------------------------------------------------------------- statistics

def median(xs):
    return statistics.median(xs)


def p90(xs):
    """Nearest-rank 90th percentile."""
    s = sorted(xs)
    return s[max(0, min(len(s) - 1, -(-len(s) * 9 // 10) - 1))]


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def load_average():
    return " ".join(open("/proc/loadavg").read().split()[:3])


LOAD_AT_START = load_average()


def machine_line():
    """The machine and its load: at the start (other work) and now (which includes this bench's own load)."""
    return (f"machine: {os.cpu_count()} cores, {platform.machine()}, python {platform.python_version()}; load "
            f"average (1/5/15 min) {LOAD_AT_START} at the start, {load_average()} at the end")


def print_table(header, rows, left=1):
    """Columns before `left` are left-aligned, the numbers after them right-aligned."""
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    def line(r):
        return "  ".join(str(c).ljust(w) if i < left else str(c).rjust(w)
                         for i, (c, w) in enumerate(zip(r, widths))).rstrip()
    print(line(header))
    print("-" * len(line(header)))
    for r in rows:
        print(line(r))


# ----------------------------------------------------------------------------------------- fakes

# A claude for --fake sh: /bin/sh and sleep, no python (the reference run used shell-script fakes).
# The real CLI's JSON result, after FAKE_CLI_SLEEP_MS when FAKE_CLI_MODE=slow; the version and login probes
# answer at once. It records nothing.
SH_CLAUDE = """#!/bin/sh
case "$1" in
  --version) echo "2.1.332 (Claude Code)"; exit 0 ;;
  auth) echo '{"loggedIn":true,"authMethod":"claude.ai"}'; exit 0 ;;
esac
if [ "$FAKE_CLI_MODE" = slow ]; then
  ms=${FAKE_CLI_SLEEP_MS:-1000}
  sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
fi
printf '%s\\n' '{"type":"result","subtype":"success","is_error":false,"result":"ok","session_id":"7d7a4c1e-2f0b-4a51-9c3e-0a1b2c3d4e5f"}'
"""


class FakeClis:
    """The fake provider CLIs in a temp bin dir, executable: the python family of the tests
    (server/src/test/resources/fake-cli), or with kind "sh" a shell-script claude alone."""

    def __init__(self, source_dir, work, kind="python"):
        self.bin = os.path.join(work, "bin")
        self.kind = kind
        os.makedirs(self.bin)
        if kind == "sh":
            dst = os.path.join(self.bin, "claude")
            with open(dst, "w", encoding="utf-8") as f:
                f.write(SH_CLAUDE)
            os.chmod(dst, 0o755)
            return
        for name in os.listdir(source_dir):
            src = os.path.join(source_dir, name)
            if os.path.isfile(src) and not name.endswith(".md"):
                dst = os.path.join(self.bin, name)
                shutil.copyfile(src, dst)
                os.chmod(dst, 0o755)


def read_records(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def spawn_direct(record, record_file):
    """Spawns the fake CLI the way the gateway did (argv, cwd, environment of a recorded call) and waits for
    it, reading stdout and stderr. Returns (seconds, exit code, stdout)."""
    env = dict(record["env"])
    env["FAKE_CLI_RECORD"] = record_file  # same cost as in the gateway run, separate file
    t0 = time.perf_counter()
    p = subprocess.Popen([record["cli"]] + record["argv"], cwd=record["cwd"], env=env,
                         executable=shutil.which(record["cli"], path=env.get("PATH")),
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, _ = p.communicate()
    return time.perf_counter() - t0, p.returncode, out


# ----------------------------------------------------------------------------------------- gateway

class Gateway:
    """The real gateway as a child process with its own temp HOME. transport: "stdio" or "http"."""

    # ours: "listening on http://..."; the Node gateway: "... connected and ready at http://..."
    LISTENING = re.compile(r"(?:listening on|ready at) (http://\S+)")

    def __init__(self, command, fakes, work, name, transport="stdio", extra_env=None):
        self.transport = transport
        self.dir = os.path.join(work, name)
        self.home = os.path.join(self.dir, "home")
        cwd = os.path.join(self.dir, "cwd")
        os.makedirs(self.home)
        os.makedirs(cwd)
        self.record_file = os.path.join(self.dir, "cli-calls.jsonl")
        self.stderr_file = os.path.join(self.dir, "gateway.stderr.log")
        env = {"HOME": self.home, "PATH": fakes.bin + ":/usr/bin:/bin", "LANG": "C.UTF-8",
               "FAKE_CLI_RECORD": self.record_file}
        env.update(extra_env or {})
        args = list(command)
        if transport == "http":
            self.token = secrets.token_hex(24)
            env.update({"LLM_GATEWAY_AUTH_TOKEN": self.token, "LLM_GATEWAY_HTTP_HOST": "127.0.0.1",
                        "LLM_GATEWAY_HTTP_PORT": "0"})
            args.append("--transport=http")
        self.url = None
        self.failed = False
        self._url_ready = threading.Event()
        self._replies = {}
        self._cond = threading.Condition()
        self._next_id = 0
        self._stdout_closed = False
        self.proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.PIPE if transport == "stdio" else subprocess.DEVNULL)
        self.pid = self.proc.pid
        threading.Thread(target=self._pump_stderr, daemon=True).start()
        threading.Thread(target=self._pump_stdout, daemon=True).start()
        if transport == "http":
            if not self._url_ready.wait(START_TIMEOUT_S):
                self.fail("no 'listening on http://...' line")
            self.http = HttpMcp(self.url, self.token)

    # -- process plumbing

    def _pump_stderr(self):
        with open(self.stderr_file, "w", encoding="utf-8") as log:
            for raw in self.proc.stderr:
                line = raw.decode("utf-8", "replace")
                log.write(line)
                log.flush()
                if self.url is None:
                    m = self.LISTENING.search(line)
                    if m:
                        self.url = m.group(1)
                        self._url_ready.set()

    def _pump_stdout(self):
        for raw in self.proc.stdout:
            arrived = time.perf_counter()
            try:
                msg = json.loads(raw)
            except ValueError:
                continue
            if isinstance(msg, dict) and "id" in msg and "method" not in msg:
                with self._cond:
                    self._replies[msg["id"]] = (arrived, msg)
                    self._cond.notify_all()
            elif isinstance(msg, dict) and "id" in msg:  # a server request: we offer no client features
                self._write({"jsonrpc": "2.0", "id": msg["id"],
                             "error": {"code": -32601, "message": "not supported by the bench client"}})
        with self._cond:
            self._stdout_closed = True
            self._cond.notify_all()

    def fail(self, what):
        self.failed = True
        tail = open(self.stderr_file, encoding="utf-8", errors="replace").read()[-1500:] \
            if os.path.exists(self.stderr_file) else ""
        raise GatewayFailed(f"gateway {self.dir}: {what} (exit {self.proc.poll()}); stderr tail:\n{tail}",
                            what)

    def _write(self, msg):
        self.proc.stdin.write((json.dumps(msg) + "\n").encode("utf-8"))
        self.proc.stdin.flush()

    # -- MCP over stdio

    def send(self, method, params):
        """Writes one request; returns (its id, the time it was written)."""
        self._next_id += 1
        rid = self._next_id
        t = time.perf_counter()
        self._write({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return rid, t

    def await_reply(self, rid, timeout=CALL_TIMEOUT_S):
        deadline = time.monotonic() + timeout
        with self._cond:
            while rid not in self._replies:
                if self._stdout_closed:
                    self.fail(f"stdout closed before the reply to request {rid}")
                left = deadline - time.monotonic()
                if left <= 0:
                    self.fail(f"no reply to request {rid} within {timeout:.0f} s")
                self._cond.wait(left)
            return self._replies.pop(rid)

    def await_any(self, rids, timeout):
        """The first reply among rids: (id, arrival time, response)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for rid in rids:
                    if rid in self._replies:
                        arrived, msg = self._replies.pop(rid)
                        return rid, arrived, msg
                if self._stdout_closed:
                    self.fail(f"stdout closed with {len(rids)} requests unanswered")
                left = deadline - time.monotonic()
                if left <= 0:
                    dropped = self.stderr_count("Failed to enqueue message")
                    self.fail(f"{len(rids)} requests outstanding, no reply for {timeout:.0f} s (the gateway logged "
                              f"'Failed to enqueue message' {dropped} times: replies dropped by the stdio "
                              f"transport; see bench/README.md)")
                self._cond.wait(left)

    def call_many(self, calls, inflight, timeout=15.0):
        """Runs [(method, params)] with at most `inflight` requests outstanding at once (pipelined over
        stdio; a pool of keep-alive connections over HTTP). Returns the responses in call order."""
        if self.transport == "http":
            return self.http.call_many(calls, inflight)
        replies = [None] * len(calls)
        outstanding = {}
        i = 0
        while i < len(calls) or outstanding:
            while i < len(calls) and len(outstanding) < inflight:
                rid, _ = self.send(*calls[i])
                outstanding[rid] = i
                i += 1
            rid, _, msg = self.await_any(list(outstanding), timeout)
            replies[outstanding.pop(rid)] = msg
        return replies

    def stderr_count(self, text):
        try:
            with open(self.stderr_file, encoding="utf-8", errors="replace") as f:
                return sum(1 for line in f if text in line)
        except OSError:
            return 0

    def call(self, method, params):
        """One request, waited for. Returns (seconds from write to response arrival, response)."""
        if self.transport == "http":
            return self.http.call(method, params)
        rid, t0 = self.send(method, params)
        arrived, msg = self.await_reply(rid)
        return arrived - t0, msg

    def initialize(self):
        params = {"protocolVersion": PROTOCOL, "capabilities": {},
                  "clientInfo": {"name": "llm-cli-gateway-bench", "version": "1.0.0"}}
        if self.transport == "http":
            self.http.initialize(params)
            return
        _, reply = self.call("initialize", params)
        if "result" not in reply:
            self.fail(f"initialize failed: {reply}")
        self._write({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def tool(self, name, arguments):
        """tools/call; returns (seconds, result). A JSON-RPC error or an isError result stops the bench:
        timings of failed calls would mean nothing."""
        seconds, reply = self.call("tools/call", {"name": name, "arguments": arguments})
        result = reply.get("result")
        if result is None or result.get("isError"):
            self.fail(f"{name} failed: {json.dumps(reply)[:1500]}")
        return seconds, result

    # -- /proc

    def proc_status(self, key):
        """A kB value (VmHWM, VmRSS) from /proc/<pid>/status of the gateway JVM."""
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        return -1

    def cpu_seconds(self):
        """user + system CPU time the gateway JVM has used so far (/proc/<pid>/stat)."""
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def sample_peak_threads(self, stop):
        """Until stop is set: the highest `Threads:` count of the gateway JVM, sampled every 10 ms (a
        platform thread per job or per pipe reader shows here, and in RSS through its stack)."""
        peak = {"threads": 0}

        def run():
            while not stop.is_set():
                try:
                    peak["threads"] = max(peak["threads"], self.proc_status("Threads"))
                except OSError:
                    return
                stop.wait(0.01)

        t = threading.Thread(target=run, daemon=True)
        t.start()
        return peak, t

    def records(self):
        return read_records(self.record_file)

    def stop(self):
        if self.proc.poll() is None:
            if self.transport == "stdio":
                try:
                    self.proc.stdin.close()  # the gateway drains and exits on stdin EOF
                except OSError:
                    pass
            else:
                self.proc.terminate()
            try:
                self.proc.wait(3 if self.failed else 20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class HttpMcp:
    """A minimal Streamable HTTP MCP client on one keep-alive connection: POST a JSON-RPC message with
    Accept: application/json, text/event-stream; read a JSON reply or an SSE stream up to our response."""

    def __init__(self, url, token):
        u = urllib.parse.urlsplit(url)
        self.path = u.path or "/"
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=CALL_TIMEOUT_S)
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                        "Accept": "application/json, text/event-stream"}
        self.next_id = 0

    def clone(self):
        """Another keep-alive connection in the same MCP session."""
        other = HttpMcp.__new__(HttpMcp)
        other.path = self.path
        other.conn = http.client.HTTPConnection(self.conn.host, self.conn.port, timeout=CALL_TIMEOUT_S)
        other.headers = dict(self.headers)
        other.next_id = 0
        return other

    def call_many(self, calls, inflight):
        """[(method, params)] on min(inflight, len) parallel connections; responses in call order."""
        local = threading.local()
        clients = []
        lock = threading.Lock()

        def one(call):
            if not hasattr(local, "client"):
                local.client = self.clone()
                with lock:
                    clients.append(local.client)
            return local.client.call(*call)[1]

        workers = max(1, min(inflight, len(calls)))
        try:
            with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
                return list(pool.map(one, calls))
        finally:
            for c in clients:
                c.conn.close()

    def initialize(self, params):
        _, reply = self.call("initialize", params)
        if "result" not in reply:
            raise RuntimeError(f"initialize over HTTP failed: {reply}")
        self.headers["MCP-Protocol-Version"] = reply["result"]["protocolVersion"]
        self.post({"jsonrpc": "2.0", "method": "notifications/initialized"}, None)

    def call(self, method, params):
        self.next_id += 1
        rid = self.next_id
        t0 = time.perf_counter()
        reply, arrived = self.post({"jsonrpc": "2.0", "id": rid, "method": method, "params": params}, rid)
        return arrived - t0, reply

    def post(self, msg, rid):
        self.conn.request("POST", self.path, body=json.dumps(msg).encode("utf-8"), headers=self.headers)
        resp = self.conn.getresponse()
        session = resp.getheader("Mcp-Session-Id")
        if session:
            self.headers["Mcp-Session-Id"] = session
        ctype = (resp.getheader("Content-Type") or "").split(";")[0].strip()
        if rid is None:  # a notification: 202, no body
            resp.read()
            if resp.status != 202:
                raise RuntimeError(f"HTTP {resp.status} for a notification")
            return None, time.perf_counter()
        if resp.status != 200:
            raise RuntimeError(f"HTTP {resp.status}: {resp.read()[:1000]!r}")
        if ctype == "application/json":
            reply = json.loads(resp.read())
            return reply, time.perf_counter()
        if ctype != "text/event-stream":
            raise RuntimeError(f"unexpected Content-Type {ctype!r}")
        found, arrived, data = None, None, []
        while True:
            line = resp.readline()
            if not line:
                break
            line = line.decode("utf-8").rstrip("\r\n")
            if line.startswith("data:"):
                data.append(line[5:].lstrip(" "))
            elif line == "" and data:
                msg = json.loads("\n".join(data))
                data = []
                if isinstance(msg, dict) and msg.get("id") == rid and "method" not in msg:
                    found, arrived = msg, time.perf_counter()
                    # the server ends the stream after the response; reading to its end keeps the
                    # connection reusable and happens after the timestamp
        resp.read()  # a stream sent with a Content-Length (Node's) is only marked done by read()
        if found is None:
            raise RuntimeError(f"SSE stream ended without the response to request {rid}")
        return found, arrived


def structured(result):
    return result.get("structuredContent") or {}


def text_json(result):
    return json.loads(result["content"][0]["text"])


# ----------------------------------------------------------------------------------------- requests

def bench_requests(a, fakes, work):
    transports = [t for t in a.transports.split(",") if t]
    if not transports or set(transports) - {"stdio", "http"}:
        raise SystemExit("--transports: one or both of stdio,http")
    clis = [c for c in a.clis.split(",") if c]
    gateways = {}
    try:
        for t in transports:
            gateways[t] = Gateway(java_command(a), fakes, work, f"requests-{t}", t)
        for g in gateways.values():
            g.initialize()
        direct_record = os.path.join(work, "direct-calls.jsonl")
        paths = ["direct"] + transports
        samples = {(c, p): [] for c in clis for p in paths}
        durations = {(c, t): [] for c in clis for t in transports}
        last_call = {}
        total = a.warmup + a.n
        print(f"requests: {a.warmup} warm-up + {a.n} measured calls per CLI and path ...", file=sys.stderr,
              flush=True)
        for i in range(total):
            for cli in clis:
                # rotate the order per round so that neither path always runs right after the other
                order = paths[1:] + paths[:1] if i == 0 else [paths[(i + k) % len(paths)] for k in range(len(paths))]
                for path in order:
                    if path == "direct":
                        seconds, code, out = spawn_direct(last_call[cli], direct_record)
                        if code != 0 or not out:
                            raise RuntimeError(f"direct spawn of {cli} failed: exit {code}, stdout {out[:300]!r}")
                    else:
                        g = gateways[path]
                        prompt = f"bench {path} {cli} call {i} {secrets.token_hex(4)}"
                        seconds, result = g.tool(f"{cli}_request", {"prompt": prompt, "forceRefresh": True})
                        rec = g.records()[-1]
                        if rec["cli"] != EXECUTABLES.get(cli, cli) or prompt not in rec["argv"]:
                            raise RuntimeError(f"unexpected last CLI call record: {rec['argv']}")
                        last_call[cli] = rec
                        if i >= a.warmup and "durationMs" in structured(result):
                            durations[(cli, path)].append(structured(result)["durationMs"] / 1000.0)
                    if i >= a.warmup:
                        samples[(cli, path)].append(seconds)
    finally:
        for g in gateways.values():
            g.stop()

    print()
    print(f"sync request latency, call -> response; fake CLIs answer at once (FAKE_CLI_MODE ok); "
          f"{a.n} calls per row after {a.warmup} warm-up; forceRefresh, distinct prompts")
    print(machine_line())
    header = ["cli", "path", "median", "p90", "gateway durationMs", "added median", "added p90"]
    rows = []
    for cli in clis:
        base = samples[(cli, "direct")]
        rows.append([cli, "direct spawn (baseline)", ms(median(base)), ms(p90(base)), "", "", ""])
        for t in transports:
            s = samples[(cli, t)]
            d = durations[(cli, t)]
            rows.append([cli, f"gateway over {'HTTP' if t == 'http' else t}", ms(median(s)), ms(p90(s)), ms(median(d)) if d else "n/a",
                         f"{(median(s) - median(base)) * 1000:+.1f} ms", f"{(p90(s) - p90(base)) * 1000:+.1f} ms"])
    print_table(header, rows, left=2)
    print("added = gateway median (p90) minus direct median (p90). 'gateway durationMs' = the CLI run as the "
          "gateway timed it (structuredContent.durationMs).")
    for cli in clis:
        print(f"argv of the last {cli} call: {last_call[cli]['cli']} {json.dumps(last_call[cli]['argv'])}")


# ----------------------------------------------------------------------------------------- async

def parse_iso(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


class GatewayFailed(RuntimeError):
    """The gateway did not do what the bench asked (a lost reply, an error result): no timings."""


def async_gateway_run(a, fakes, work, rep, transport):
    env = {"FAKE_CLI_MODE": "slow", "FAKE_CLI_SLEEP_MS": str(a.sleep_ms)}
    node = transport.startswith("node")
    if not node:
        env.update(dict(kv.split("=", 1) for kv in a.gateway_env))
    # "node" / "node-http": the Node gateway 1.5.14 over stdio / over HTTP, the same driver and fakes
    command = [a.node, a.node_gateway] if node else java_command(a)
    g = Gateway(command, fakes, work, f"async-{transport}-{rep}", "http" if transport.endswith("http") else "stdio", env)
    try:
        g.initialize()
        g.call("tools/list", {})
        time.sleep(a.settle_ms / 1000.0)  # an idle client between connecting and its first call
        idle_hwm = g.proc_status("VmHWM")
        idle_threads = g.proc_status("Threads")
        cpu0 = g.cpu_seconds()
        stop_sampling = threading.Event()
        peak, sampler = g.sample_peak_threads(stop_sampling)
        tool = f"{a.cli}_request_async"
        calls = [("tools/call", {"name": tool, "arguments": {
            "prompt": f"bench async rep {rep} job {j} {secrets.token_hex(4)}", "forceRefresh": True}})
            for j in range(a.jobs)]
        # all J calls at once (--inflight J, the default: one burst written back to back) or a window
        t0_wall, t0 = time.time(), time.perf_counter()
        replies = g.call_many(calls, a.inflight)
        accepted = time.perf_counter() - t0
        jobs = []
        for reply in replies:
            result = reply.get("result")
            if result is None or result.get("isError"):
                g.fail(f"{tool} failed: {json.dumps(reply)[:1500]}")
            jobs.append(text_json(result)["job"]["id"])

        # Completion: poll the oldest job still running; once it has finished, sweep every pending job
        # (same concurrency as the starts). Few calls, so polling hardly loads the gateway; the wall time
        # comes from the jobs' own finishedAt stamps, not from when the poll noticed.
        pending = list(jobs)
        finished = {}
        deadline = time.monotonic() + 120 + a.jobs * a.sleep_ms / 1000.0
        status_calls = 0

        def status_of(job_ids):
            nonlocal status_calls
            status_calls += len(job_ids)
            out = g.call_many([("tools/call", {"name": "llm_job_status", "arguments": {"jobId": j}})
                               for j in job_ids], a.inflight)
            return [text_json(r["result"])["job"] for r in out]

        while pending:
            if time.monotonic() > deadline:
                g.fail(f"{len(pending)} jobs still running at the deadline")
            head = status_of(pending[:1])[0]
            if head["status"] == "running":
                time.sleep(a.poll_ms / 1000.0)
                continue
            for job in status_of(pending):
                if job["status"] != "running":
                    finished[job["id"]] = job
            pending = [j for j in pending if j not in finished]
        seen_all = time.perf_counter() - t0
        hwm = g.proc_status("VmHWM")
        rss = g.proc_status("VmRSS")
        cpu = g.cpu_seconds() - cpu0
        stop_sampling.set()
        sampler.join()
        last_finish = max(parse_iso(j["finishedAt"]) for j in finished.values())
        last_start = max(parse_iso(j["startedAt"]) for j in finished.values())
        ok = sum(1 for j in finished.values() if j["status"] == "completed" and j["exitCode"] == 0)
        failures = [j for j in finished.values() if not (j["status"] == "completed" and j["exitCode"] == 0)]
        if failures:
            print(f"  rep {rep}: {len(failures)} jobs did not complete cleanly, e.g. {failures[0]}", file=sys.stderr)
        return {"wall": max(last_finish - t0_wall, 0.0), "seen": seen_all, "accepted": accepted,
                "last_start": max(last_start - t0_wall, 0.0), "hwm_kb": hwm, "idle_hwm_kb": idle_hwm,
                "rss_kb": rss, "cpu": cpu, "ok": ok, "threads": peak["threads"], "idle_threads": idle_threads, "status_calls": status_calls, "records": g.records()}
    finally:
        g.stop()


def async_baseline_run(a, template, work, rep):
    """J bare spawns of the fake in parallel: the argv, cwd and environment of one of the gateway's jobs,
    the prompt made distinct per spawn."""
    record_file = os.path.join(work, f"async-direct-{rep}.jsonl")
    prompt_at = next(i for i, v in enumerate(template["argv"]) if v.startswith("bench async "))
    env = dict(template["env"])
    env["FAKE_CLI_RECORD"] = record_file
    executable = shutil.which(template["cli"], path=env.get("PATH"))
    argvs = []
    for j in range(a.jobs):
        argv = list(template["argv"])
        argv[prompt_at] = f"bench async direct rep {rep} job {j} {secrets.token_hex(4)}"
        argvs.append(argv)
    t0 = time.perf_counter()
    procs = [subprocess.Popen([template["cli"]] + argv, cwd=template["cwd"], env=env, executable=executable,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for argv in argvs]
    ok = 0
    for p in procs:  # all run at once, so waiting in order ends right after the last one exits
        out, _ = p.communicate()
        ok += 1 if p.returncode == 0 and out else 0
    return {"wall": time.perf_counter() - t0, "ok": ok}


def java_command(a):
    """The gateway JVM as the entry script declares it: gateway.java's //JAVA_OPTIONS, then the classpath;
    or --gateway-command (the java command ./jbang execs, with its AOT cache)."""
    if a.gateway_command:
        return list(a.gateway_command)
    return [a.java] + a.jvm_options.split() + ["-cp", a.classpath, "com.verivus.gateway.cli.GatewayCommand"]


def bench_async(a, fakes, work):
    transports = [t for t in a.transports.split(",") if t]
    if a.node_gateway and "node" not in transports:
        transports.append("node")
    if not transports or set(transports) - {"stdio", "http", "node", "node-http"}:
        raise SystemExit("--transports: one or more of stdio,http,node,node-http")
    if {"node", "node-http"} & set(transports) and not a.node_gateway:
        raise SystemExit("--transports node needs --node-gateway DIST_INDEX_JS")
    runs = {t: [] for t in transports}
    failures = {t: [] for t in transports}
    base = []
    template = None
    for rep in range(1, a.reps + 1):
        for t in transports:
            print(f"async: repetition {rep}/{a.reps}, gateway over {t} ...", file=sys.stderr, flush=True)
            try:
                r = async_gateway_run(a, fakes, work, rep, t)
            except GatewayFailed as e:
                print(f"  FAILED: {e.args[0]}", file=sys.stderr, flush=True)
                failures[t].append(e.args[1])
                continue
            # the job runs only: not the version and login probes the gateway also makes
            records = [x for x in r.pop("records")
                       if any(str(v).startswith("bench async ") for v in x.get("argv", []))]
            template = template or (records[0] if records else None)
            print(f"  wall {r['wall']:.3f} s (all seen done by the poll {r['seen']:.3f} s), {a.jobs} calls "
                  f"answered in {r['accepted']:.3f} s, VmHWM {r['hwm_kb'] / 1024:.1f} MB, {r['ok']}/{a.jobs} "
                  f"completed", file=sys.stderr, flush=True)
            runs[t].append(r)
        if template is None and fakes.kind == "sh":  # the shell fake records nothing: spawn it as the gateway would
            template = {"cli": "claude", "argv": ["-p", "bench async baseline", "--output-format", "json"],
                        "cwd": work, "env": {"PATH": fakes.bin + ":/usr/bin:/bin", "FAKE_CLI_MODE": "slow",
                                             "FAKE_CLI_SLEEP_MS": str(a.sleep_ms)}}
        if template is None:
            continue
        print(f"async: repetition {rep}/{a.reps}, bare spawns ...", file=sys.stderr, flush=True)
        b = async_baseline_run(a, template, work, rep)
        print(f"  wall {b['wall']:.3f} s, {b['ok']}/{a.jobs} exited 0", file=sys.stderr, flush=True)
        base.append(b)

    floor = a.sleep_ms / 1000.0
    print()
    how = "all sent at once" if a.inflight >= a.jobs else f"at most {a.inflight} call(s) in flight"
    if a.settle_ms:
        how += f", {a.settle_ms} ms after the tools/list answer"
    print(f"{a.jobs} concurrent {a.cli}_request_async jobs of {a.sleep_ms} ms each ({a.fake} fake in slow mode, floor "
          f"{floor:.3f} s), distinct prompts, {how}; medians over {a.reps} repetitions, a fresh gateway each")
    print(machine_line())
    sec = lambda v: f"{v:.3f} s"
    mb = lambda v: f"{v / 1024:.1f} MB"
    num = lambda v: f"{v:.0f}"

    def row(label, rows, key, fmt):
        vals = [r[key] for r in rows]
        return [label, fmt(median(vals)), fmt(min(vals)), fmt(max(vals)), str(len(vals))]

    rows = []
    if base:
        rows.append(row("bare spawns in parallel (baseline): first spawn -> last exit", base, "wall", sec))
    for t in transports:
        gw = runs[t]
        if not gw:
            rows.append([f"[{t}] FAILED in every repetition (see below)", "", "", "", "0"])
            continue
        rows += [
            row(f"[{t}] gateway: first call -> last job finished (finishedAt)", gw, "wall", sec),
            [f"[{t}] added by the gateway (median - baseline median)",
             f"{median([r['wall'] for r in gw]) - median([b['wall'] for b in base]):+.3f} s", "", "", ""],
            row(f"[{t}] all {a.jobs} async calls answered", gw, "accepted", sec),
            row(f"[{t}] first call -> last job started (startedAt)", gw, "last_start", sec),
            row(f"[{t}] all seen completed by polling llm_job_status", gw, "seen", sec),
            row(f"[{t}] gateway peak RSS (VmHWM) after the jobs", gw, "hwm_kb", mb),
            row(f"[{t}] gateway peak RSS (VmHWM) before the jobs", gw, "idle_hwm_kb", mb),
            row(f"[{t}] gateway threads before the jobs", gw, "idle_threads", num),
            row(f"[{t}] gateway threads at most while they ran (sampled every 10 ms)", gw, "threads", num),
            row(f"[{t}] gateway CPU time (user+sys) from first call to all seen", gw, "cpu", sec),
            row(f"[{t}] jobs completed with exit 0", gw, "ok", num),
            row(f"[{t}] llm_job_status calls used", gw, "status_calls", num),
        ]
        if failures[t]:
            rows.append([f"[{t}] FAILED in {len(failures[t])} repetition(s) (see below)", "", "", "", ""])
    if base:
        rows.append(row("processes exited 0 (baseline)", base, "ok", num))
    print_table(["what", "median", "min", "max", "runs"], rows)
    print("VmHWM: the gateway JVM's own peak resident set (/proc/<pid>/status), CLI processes not included. "
          "Wall time: from the first call to the last finishedAt of the jobs.")
    for t in transports:
        for n, why in enumerate(failures[t], 1):
            print(f"[{t}] failure {n}: {why}")
    if any(failures.values()):
        sys.exit(3)


# ----------------------------------------------------------------------------------------- main

def main():
    # no abbreviations: they are matched against every argument, so `requests --n 10` read as --node
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                                 allow_abbrev=False)
    ap.add_argument("--java", required=True, help="the java of a JDK 25")
    ap.add_argument("--classpath", required=True, help="server/target/classes:<runtime classpath>")
    ap.add_argument("--fake-cli-dir", required=True, help="server/src/test/resources/fake-cli")
    ap.add_argument("--keep", action="store_true", help="keep the temp directory (gateway logs, records)")
    ap.add_argument("--jvm-options", default="--enable-native-access=ALL-UNNAMED",
                    help="JVM options of the gateway (bench/async passes gateway.java's //JAVA_OPTIONS)")
    ap.add_argument("--gateway-command", type=json.loads, default=None, metavar="JSON_ARGV",
                    help="the gateway's whole command as a JSON array (default: java, --jvm-options, --classpath)")
    ap.add_argument("--node", default="node", help="the node executable for --node-gateway")
    ap.add_argument("--node-gateway", help="dist/index.js of the Node llm-cli-gateway 1.5.14: measured as 'node'")
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("requests", help="added latency per sync request (stdio and HTTP)")
    r.add_argument("--n", type=int, default=30, help="measured calls per CLI and path (default 30)")
    r.add_argument("--warmup", type=int, default=10, help="uncounted calls first (default 10)")
    r.add_argument("--clis", default="claude,codex", help="comma-separated (default claude,codex)")
    r.add_argument("--transports", default="stdio,http", help="comma-separated (default stdio,http)")
    s = sub.add_parser("async", help="wall time and peak RSS for concurrent async jobs")
    s.add_argument("--jobs", type=int, default=200, help="concurrent jobs (default 200)")
    s.add_argument("--sleep-ms", type=int, default=1000, help="how long each fake job takes (default 1000)")
    s.add_argument("--reps", type=int, default=3, help="repetitions, a fresh gateway each (default 3)")
    s.add_argument("--poll-ms", type=int, default=100, help="pause between llm_job_status polls (default 100)")
    s.add_argument("--cli", default="claude", help="which CLI's async tool (default claude)")
    s.add_argument("--settle-ms", type=int, default=0,
                   help="idle time between the tools/list answer and the burst (default 0: the burst comes at "
                        "once; a client usually calls later, when the gateway's background warm-up has run)")
    s.add_argument("--fake", choices=["python", "sh"], default="python",
                   help="the fake CLI: the tests' python fakes (default; each start costs ~20 ms of CPU) or a "
                        "shell-script claude (sleep and print, as in the issue's reference run; --cli claude only)")
    s.add_argument("--gateway-env", action="append", default=[], metavar="NAME=VALUE",
                   help="an environment variable for the Java gateway only (repeatable), e.g. LLM_GATEWAY_SPAWN=jdk")
    s.add_argument("--transports", default="stdio,http", help="comma-separated (default stdio,http)")
    s.add_argument("--inflight", type=int, default=0,
                   help="most calls outstanding at once (default 0 = all jobs: one burst)")
    a = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # the table and the progress lines on stderr stay in order
    for name in ("n", "warmup", "jobs", "sleep_ms", "reps", "poll_ms"):
        v = getattr(a, name, None)
        if v is not None and (v < 0 or (v == 0 and name in ("n", "jobs", "reps"))):
            ap.error(f"--{name.replace('_', '-')} must be {'positive' if name in ('n', 'jobs', 'reps') else '>= 0'}")
    if a.command == "async" and (a.inflight <= 0 or a.inflight > a.jobs):
        a.inflight = a.jobs
    if a.command == "requests" and a.warmup < 1:
        ap.error("--warmup must be at least 1 (the first call also tells the driver the gateway's argv)")

    work = tempfile.mkdtemp(prefix="gateway-bench-")
    try:
        fakes = FakeClis(a.fake_cli_dir, work, getattr(a, "fake", "python"))
        if a.command == "requests":
            bench_requests(a, fakes, work)
        else:
            bench_async(a, fakes, work)
    finally:
        if a.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
