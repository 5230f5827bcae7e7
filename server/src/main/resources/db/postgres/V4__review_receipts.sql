-- review_changes receipts, next to the jobs they name: written once, never updated or deleted.
CREATE TABLE IF NOT EXISTS review_receipts (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  artifact_sha256 TEXT NOT NULL,
  body TEXT NOT NULL,
  body_sha256 TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_review_receipts_artifact ON review_receipts(artifact_sha256);
CREATE OR REPLACE FUNCTION review_receipts_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'review receipts are immutable';
END;
$$;
CREATE TRIGGER review_receipts_no_update BEFORE UPDATE OR DELETE ON review_receipts
  FOR EACH ROW EXECUTE FUNCTION review_receipts_immutable();
