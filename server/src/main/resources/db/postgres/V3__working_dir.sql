-- The directory a job's CLI ran in (null = the gateway's own); part of the dedup key, as in SQLite.
ALTER TABLE jobs ADD COLUMN working_dir TEXT;
