-- Schema version 1: runs of a routine, and what happened to each step.
--
-- Times are UTC text, "YYYY-MM-DDTHH:MM:SS.mmmZ" (fixed width, so they sort),
-- with the person's offset from UTC at the start of the run kept in
-- utc_offset (seconds east), so local wall times can be rebuilt whatever
-- daylight-saving or travel did since. Durations are whole milliseconds.
-- Everything is filed by night (YYYY-MM-DD, see package night), which later
-- evening logs and morning check-ins share.

CREATE TABLE sessions (
    id                 INTEGER PRIMARY KEY,
    routine            TEXT    NOT NULL CHECK (routine <> ''),
    routine_title      TEXT    NOT NULL,
    night              TEXT    NOT NULL
        CHECK (night GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    started_at         TEXT    NOT NULL,
    utc_offset         INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    ended_at           TEXT,
    status             TEXT    NOT NULL DEFAULT 'running'
        CHECK (status IN ('running', 'completed', 'partial', 'abandoned')),
    speed              REAL    NOT NULL DEFAULT 1 CHECK (speed > 0),
    planned_ms         INTEGER NOT NULL CHECK (planned_ms >= 0),
    current_step       INTEGER NOT NULL DEFAULT 0 CHECK (current_step >= 0),
    current_elapsed_ms INTEGER NOT NULL DEFAULT 0 CHECK (current_elapsed_ms >= 0),
    updated_at         TEXT    NOT NULL,
    -- A run has an end time exactly when it is no longer running.
    CHECK ((status = 'running') = (ended_at IS NULL))
) STRICT;

CREATE INDEX sessions_night ON sessions (night);
CREATE INDEX sessions_status ON sessions (status);
CREATE INDEX sessions_started_at ON sessions (started_at);

CREATE TABLE session_steps (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL CHECK (idx >= 0),
    title      TEXT    NOT NULL,
    planned_ms INTEGER NOT NULL CHECK (planned_ms >= 0),
    actual_ms  INTEGER NOT NULL CHECK (actual_ms >= 0),
    status     TEXT    NOT NULL CHECK (status IN ('done', 'skipped')),
    PRIMARY KEY (session_id, idx)
) STRICT;
