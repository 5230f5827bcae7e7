"""Fleet bench: J concurrent one-second async jobs spread over two gateways that share one PostgreSQL
database, side by side with the same J jobs on one gateway with the default SQLite store.

Reuses gateway_bench.py's Gateway driver (the real gateway process over stdio, fake CLIs in slow mode).
Per repetition: a fresh database (CREATE DATABASE through psql as user postgres on 127.0.0.1:5432,
dropped afterwards), fresh gateways. Reports wall time (first call -> last finishedAt), per-gateway
peak RSS (VmHWM), CPU, and CLI spawns counted from the fakes' call records. Asserts nothing.
"""
import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import gateway_bench as gb


def psql(sql):
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-q", "-c", sql],
                   check=True, stdout=subprocess.DEVNULL)


def run_jobs(a, gateways, rep, label):
    """Sends J claude_request_async calls, alternating over the gateways (each gateway gets its share
    as one burst, all gateways at once), then polls llm_job_status until all finished."""
    shares = [[] for _ in gateways]
    for j in range(a.jobs):
        shares[j % len(gateways)].append(("tools/call", {"name": "claude_request_async", "arguments": {
            "prompt": f"fleet {label} rep {rep} job {j} {secrets.token_hex(4)}", "forceRefresh": True}}))
    ids = [[] for _ in gateways]
    errors = []
    cpu0 = [g.cpu_seconds() for g in gateways]
    t0_wall = time.time()

    def send(i):
        for reply in gateways[i].call_many(shares[i], max(1, len(shares[i]))):
            result = reply.get("result")
            if result is None or result.get("isError"):
                errors.append(str(reply)[:600])  # counted and reported, the run goes on
                continue
            ids[i].append(gb.text_json(result)["job"]["id"])

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(gateways))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    finished = {}
    deadline = time.monotonic() + 180 + a.jobs * a.sleep_ms / 1000.0
    for i, g in enumerate(gateways):
        pending = list(ids[i])
        while pending:
            if time.monotonic() > deadline:
                g.fail(f"{len(pending)} jobs still running at the deadline")
            replies = g.call_many([("tools/call", {"name": "llm_job_status", "arguments": {"jobId": j}})
                                   for j in pending], max(1, len(pending)))
            for r in replies:
                job = gb.text_json(r["result"])["job"]
                if job["status"] != "running":
                    finished[job["id"]] = job
            pending = [j for j in pending if j not in finished]
            if pending:
                time.sleep(a.poll_ms / 1000.0)
    last_finish = max(gb.parse_iso(j["finishedAt"]) for j in finished.values())
    ok = sum(1 for j in finished.values() if j["status"] == "completed" and j["exitCode"] == 0)
    # only the jobs' own CLI processes: not version probes or login checks the gateway runs by itself
    spawns = sum(len([r for r in g.records() if any(str(v).startswith("fleet ") for v in r.get("argv", []))])
                 for g in gateways)
    for e in errors[:3]:
        print(f"  refused call: {e}", file=sys.stderr)
    return {"wall": max(last_finish - t0_wall, 0.0), "ok": ok, "spawns": spawns, "refused": len(errors),
            "hwm_kb": [g.proc_status("VmHWM") for g in gateways],
            "cpu": [g.cpu_seconds() - c for g, c in zip(gateways, cpu0)]}


def one_rep(a, fakes, work, rep, setup):
    env = {"FAKE_CLI_MODE": "slow", "FAKE_CLI_SLEEP_MS": str(a.sleep_ms)}
    database = None
    if setup == "postgres":
        database = f"gw_bench_{secrets.token_hex(6)}"
        psql(f"CREATE DATABASE {database}")
        config = os.path.join(work, f"fleet-{rep}.toml")
        with open(config, "w", encoding="utf-8") as f:
            f.write(f'[persistence]\nbackend = "postgres"\ndsn = "postgresql://postgres@127.0.0.1:5432/{database}"\n')
        env["LLM_GATEWAY_CONFIG"] = config
    count = 2 if setup == "postgres" else 1
    gateways = []
    try:
        for i in range(count):
            g = gb.Gateway(gb.java_command(a), fakes, work, f"fleet-{setup}-{rep}-{i}", "stdio", env)
            g.initialize()
            gateways.append(g)
        return run_jobs(a, gateways, rep, setup)
    finally:
        for g in gateways:
            g.stop()
        if database:
            psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--java", required=True)
    ap.add_argument("--classpath", required=True)
    ap.add_argument("--jvm-options", default="", help="gateway.java's //JAVA_OPTIONS")
    ap.add_argument("--fake-cli-dir", required=True)
    ap.add_argument("--jobs", type=int, default=200)
    ap.add_argument("--sleep-ms", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--poll-ms", type=int, default=200)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    if shutil.which("psql") is None:
        raise SystemExit("bench/fleet needs psql and PostgreSQL on 127.0.0.1:5432 (user postgres)")
    work = tempfile.mkdtemp(prefix="gateway-fleet-bench-")
    results = {"sqlite": [], "postgres": []}
    try:
        fakes = gb.FakeClis(a.fake_cli_dir, work)
        for rep in range(1, a.reps + 1):
            for setup in ("sqlite", "postgres"):
                print(f"fleet: repetition {rep}/{a.reps}, {setup} ...", file=sys.stderr, flush=True)
                r = one_rep(a, fakes, work, rep, setup)
                print(f"  wall {r['wall']:.3f} s, {r['ok']}/{a.jobs} completed, {r['spawns']} spawns, VmHWM "
                      + ", ".join(f"{k / 1024:.0f} MB" for k in r["hwm_kb"]), file=sys.stderr, flush=True)
                results[setup].append(r)
    finally:
        if a.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"{a.jobs} concurrent claude_request_async jobs of {a.sleep_ms} ms (fake CLI, distinct prompts); "
          f"medians over {a.reps} repetitions, fresh gateways (and a fresh database) each")
    print(gb.machine_line())
    rows = []
    for setup, label in (("sqlite", "1 gateway, SQLite"), ("postgres", "2 gateways, one PostgreSQL")):
        rs = results[setup]
        rows.append([f"{label}: first call -> last job finished", f"{gb.median([r['wall'] for r in rs]):.3f} s"])
        for i in range(len(rs[0]["hwm_kb"])):
            rows.append([f"{label}: gateway {i + 1} peak RSS (VmHWM)",
                         f"{gb.median([r['hwm_kb'][i] for r in rs]) / 1024:.1f} MB"])
            rows.append([f"{label}: gateway {i + 1} CPU time", f"{gb.median([r['cpu'][i] for r in rs]):.3f} s"])
        rows.append([f"{label}: CLI spawns counted", f"{gb.median([r['spawns'] for r in rs]):.0f}"])
        rows.append([f"{label}: jobs completed with exit 0", f"{gb.median([r['ok'] for r in rs]):.0f}"])
        rows.append([f"{label}: calls refused (isError)", f"{gb.median([r['refused'] for r in rs]):.0f}"])
    gb.print_table(["what", "median"], rows)


if __name__ == "__main__":
    main()
