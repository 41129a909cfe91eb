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
-- week as usual. It is balanced (as many of each), with at least two of
-- each, and was drawn from seed (a balanced shuffle by math/rand/v2's PCG);
-- the schedule is kept as drawn, so the plan never changes, and the seed
-- says how it was drawn.
CREATE TABLE experiments (
    id          INTEGER PRIMARY KEY,
    item        TEXT NOT NULL CHECK (item <> ''),
    arm         TEXT NOT NULL CHECK (arm IN ('with', 'without')),
    first_night TEXT NOT NULL
        CHECK (first_night GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    schedule    TEXT NOT NULL CHECK (schedule <> '' AND schedule NOT GLOB '*[^01]*'
        AND length(schedule) >= 4 AND length(schedule) % 2 = 0
        AND 2 * length(replace(schedule, '0', '')) = length(schedule)),
    seed        INTEGER NOT NULL CHECK (seed >= 0),
    started_at  TEXT NOT NULL,
    -- Set when stopped early; the nights so far are kept.
    stopped_at  TEXT
) STRICT;
