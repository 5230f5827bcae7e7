-- Jobs of every gateway sharing this database. The columns of the SQLite logs.db jobs table with
-- native types, plus owner and heartbeat (who runs a running row and when it last said so) and
-- cancel_requested_at (a cancel asked through another gateway; the owner kills the process).
-- Later versions only add columns (e.g. working_dir), so a fleet can upgrade one gateway at a time.
CREATE TABLE jobs (
    id                  TEXT PRIMARY KEY,
    correlation_id      TEXT NOT NULL,
    request_key         TEXT NOT NULL,
    cli                 TEXT NOT NULL,
    args_json           TEXT NOT NULL,
    output_format       TEXT,
    status              TEXT NOT NULL
                        CHECK (status IN ('running', 'completed', 'failed', 'canceled', 'orphaned')),
    exit_code           INTEGER,
    stdout              TEXT NOT NULL DEFAULT '',
    stderr              TEXT NOT NULL DEFAULT '',
    output_truncated    BOOLEAN NOT NULL DEFAULT FALSE,
    error               TEXT,
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ,
    pid                 BIGINT,
    expires_at          TIMESTAMPTZ NOT NULL,
    owner_host          TEXT,
    owner_pid           BIGINT,
    owner_started_at    TIMESTAMPTZ,
    heartbeat_at        TIMESTAMPTZ,
    cancel_requested_at TIMESTAMPTZ
);

-- dedup: the latest reusable row of a request key
CREATE INDEX idx_jobs_request_key_started ON jobs (request_key, started_at DESC);
-- the orphan sweep reads running rows only
CREATE INDEX idx_jobs_running ON jobs (status) WHERE status = 'running';
CREATE INDEX idx_jobs_expires_at ON jobs (expires_at);
