-- Schema version 3: whether the evening checklist was answered, and a
-- person's own experiments (n-of-1 trials of one checklist item).

-- 1 when the checklist was answered (nothing ticked then means none of
-- the items applied), 0 when it was left unanswered. Logs from before
-- version 3 read as answered, as the export's missing key does.
ALTER TABLE evenings ADD COLUMN checklist_answered INTEGER NOT NULL DEFAULT 1
    CHECK (checklist_answered IN (0, 1));

-- One experiment runs at a time: the one not stopped whose schedule has
-- not ended. Its schedule is one character a whole week from first_night:
-- '1' a week kept the experiment's way (with or without the item), '0' a
-- week as usual.
CREATE TABLE experiments (
    id          INTEGER PRIMARY KEY,
    item        TEXT NOT NULL CHECK (item <> ''),
    arm         TEXT NOT NULL CHECK (arm IN ('with', 'without')),
    first_night TEXT NOT NULL
        CHECK (first_night GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    schedule    TEXT NOT NULL CHECK (schedule <> '' AND schedule NOT GLOB '*[^01]*'),
    started_at  TEXT NOT NULL,
    -- Set when stopped early; the nights so far are kept.
    stopped_at  TEXT
) STRICT;
