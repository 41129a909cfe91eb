-- Schema version 2: the evening log and the morning check-in, at most one
-- of each per night (YYYY-MM-DD, the same key sessions.night uses).
--
-- Times here are RFC 3339 text with the person's local offset and whole
-- seconds, e.g. "2026-11-22T21:30:00+01:00": one string holds both the
-- instant and the offset. Each time keeps its own offset, because on a
-- daylight-saving night going to bed and getting up have different ones.
-- These strings do not sort in time order across offsets; order by night.

CREATE TABLE evenings (
    night     TEXT NOT NULL PRIMARY KEY
        CHECK (night GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- NULL when not known (a record imported without it).
    logged_at TEXT,
    -- Leg symptoms at the time, 0-10; NULL when not rated.
    symptoms  INTEGER CHECK (symptoms BETWEEN 0 AND 10),
    note      TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;

-- Checklist item ids ticked that evening. They are kept even after the item
-- is removed from the checklist, so there is no table of items to refer to.
CREATE TABLE evening_tags (
    night TEXT NOT NULL REFERENCES evenings (night) ON DELETE CASCADE,
    tag   TEXT NOT NULL CHECK (tag <> ''),
    PRIMARY KEY (night, tag)
) STRICT, WITHOUT ROWID;

-- The morning sleep diary (Consensus Sleep Diary items, plus leg-symptom
-- items of quietlegs' own). Counts are only checked to be non-negative here,
-- so the app's upper limits can change without rebuilding the table; the
-- rating scales are fixed.
CREATE TABLE checkins (
    night        TEXT    NOT NULL PRIMARY KEY
        CHECK (night GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    in_bed       TEXT    NOT NULL,
    tried_sleep  TEXT    NOT NULL,
    final_wake   TEXT    NOT NULL,
    out_of_bed   TEXT    NOT NULL,
    latency_min  INTEGER NOT NULL CHECK (latency_min >= 0),
    awakenings   INTEGER NOT NULL CHECK (awakenings >= 0),
    awake_min    INTEGER NOT NULL CHECK (awake_min >= 0),
    quality      INTEGER NOT NULL CHECK (quality BETWEEN 1 AND 5),
    rested       INTEGER NOT NULL CHECK (rested BETWEEN 1 AND 5),
    rls_severity INTEGER NOT NULL CHECK (rls_severity BETWEEN 0 AND 10),
    onset        TEXT    NOT NULL CHECK (onset IN ('none', 'bedtime', 'evening', 'before-6pm')),
    got_up       INTEGER NOT NULL CHECK (got_up >= 0),
    notes        TEXT    NOT NULL DEFAULT '',
    -- When the check-in was last saved; NULL when not known (imported).
    recorded_at  TEXT
) STRICT, WITHOUT ROWID;

-- Import matches runs by routine and start.
CREATE INDEX sessions_routine_started_at ON sessions (routine, started_at);
