-- Schema version 4: flare-ups in the night (night events), and runs
-- started from the night toolkit.

-- 1 for a run started from the night toolkit during a flare-up: listed
-- with the night, never counted as its evening routine.
ALTER TABLE sessions ADD COLUMN flare INTEGER NOT NULL DEFAULT 0 CHECK (flare IN (0, 1));

-- One flare-up: when it began (UTC text as in sessions, with the offset
-- in utc_offset), how strong it was, what was tried (a JSON array of
-- {"id": "walk", "minutes": 10 or null}, in the order tried), and the
-- answers afterwards, NULL when not given. An instant holds at most one
-- event, which is how an import matches them.
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    night          TEXT    NOT NULL
        CHECK (night GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    at             TEXT    NOT NULL UNIQUE,
    utc_offset     INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
    severity       INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 10),
    tried          TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tried) AND json_type(tried) = 'array'),
    severity_after INTEGER CHECK (severity_after BETWEEN 0 AND 10),
    helped         TEXT    CHECK (helped IN ('not-at-all', 'a-little', 'a-lot'))
) STRICT;

CREATE INDEX events_night ON events (night);
