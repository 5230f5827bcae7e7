-- Conversation sessions shared by every gateway on this database, in the tables of the Node
-- gateway's PostgreSQL session manager (created only when that manager has not created them), so
-- both read the same sessions. Departures: all five CLIs are allowed (Node's CHECK constraints
-- forgot grok and mistral), and seq keeps creation order for listings.
CREATE TABLE IF NOT EXISTS sessions (
    id           TEXT PRIMARY KEY,
    cli          VARCHAR(10) NOT NULL,
    description  TEXT,
    metadata     JSONB DEFAULT '{}'::jsonb,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS active_sessions (
    cli        VARCHAR(10) PRIMARY KEY,
    session_id TEXT REFERENCES sessions (id) ON DELETE CASCADE,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_cli_check;
ALTER TABLE active_sessions DROP CONSTRAINT IF EXISTS active_sessions_cli_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_cli_known
    CHECK (cli IN ('claude', 'codex', 'gemini', 'grok', 'mistral'));
ALTER TABLE active_sessions ADD CONSTRAINT active_sessions_cli_known
    CHECK (cli IN ('claude', 'codex', 'gemini', 'grok', 'mistral'));

ALTER TABLE sessions ADD COLUMN IF NOT EXISTS seq BIGSERIAL;
CREATE INDEX IF NOT EXISTS idx_sessions_cli ON sessions (cli);
CREATE INDEX IF NOT EXISTS idx_sessions_last_used_at ON sessions (last_used_at);
