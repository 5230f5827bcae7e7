#!/usr/bin/env python3
"""Fills the jobs table of a gateway's logs.db (made by a first start, so the schema is the gateway's own)
with a history: N finished jobs within retention (2 KB of output each), E expired finished jobs of this
host, and O running jobs of a gateway on this host that is gone. Usage: history_seed.py DB N E O"""
import datetime
import json
import random
import socket
import sqlite3
import sys
import uuid


def iso(d):
    return d.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def main():
    db, n, expired, orphans = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    c = sqlite3.connect(db)
    columns = [r[1] for r in c.execute("PRAGMA table_info(jobs)")]
    now = datetime.datetime.now(datetime.timezone.utc)
    host = socket.gethostname()
    out = "x" * 2000
    rows = []

    def job(i, status, started, finished, expires, owner_host, owner_pid, pid):
        values = {"id": str(uuid.uuid4()), "correlation_id": f"c{i}", "request_key": f"k{i}", "cli": "claude",
                  "args_json": json.dumps(["-p", f"history {i}"]), "output_format": "json", "status": status,
                  "exit_code": 0 if finished else None, "stdout": out if finished else "", "stderr": "",
                  "output_truncated": 0, "error": None, "started_at": iso(started),
                  "finished_at": iso(finished) if finished else None, "pid": pid, "expires_at": iso(expires),
                  "owner_host": owner_host, "owner_pid": owner_pid, "owner_started_at": iso(started),
                  "heartbeat_at": iso(started), "working_dir": None}
        rows.append(tuple(values.get(col) for col in columns))

    for i in range(n):
        started = now - datetime.timedelta(minutes=random.randint(1, 60 * 24 * 25))
        job(i, "completed", started, started + datetime.timedelta(seconds=5),
            started + datetime.timedelta(days=30), "another-host", 99999, 1000 + i)
    for i in range(expired):
        started = now - datetime.timedelta(days=40)
        job(n + i, "completed", started, started, started + datetime.timedelta(days=30), host, 4242, 1)
    for i in range(orphans):
        started = now - datetime.timedelta(minutes=5)
        job(n + expired + i, "running", started, None, started + datetime.timedelta(days=30), host, 3999999,
            4000000 + i)
    c.executemany(f"INSERT INTO jobs ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)
    c.commit()
    print(dict(c.execute("SELECT status, count(*) FROM jobs GROUP BY status").fetchall()))


if __name__ == "__main__":
    main()
