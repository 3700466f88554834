-- Background jobs shared by every `wijzer serve` process on this database,
-- the same in meaning as migrations/sqlite/002_jobs.sql. A process claims
-- a due job with one guarded UPDATE of its row (locked_by, locked_until),
-- so a job runs once, not once per process. Times are unix seconds. Also:
-- a host names at most one municipality, and indexes for the purge jobs.

CREATE TABLE jobs (
    name TEXT PRIMARY KEY,
    next_run_at BIGINT NOT NULL,
    locked_until BIGINT,            -- a claim ends here, even if its process died
    locked_by TEXT,                 -- host:pid:random of the process running it now
    last_run_at BIGINT,
    last_by TEXT,
    last_ok INTEGER,
    runs INTEGER NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX tenants_host ON tenants(host);
CREATE INDEX sessions_expires ON sessions(expires_at);
CREATE INDEX login_attempts_window ON login_attempts(window_start);
