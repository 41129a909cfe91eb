-- Schema version 5: optional items a person may add to a night, and the
-- medicines, supplements and iron results they record. Every new column
-- is NULL when not said, so an unanswered item never reads as 0.

-- The check-in's leg items. onset_at is RFC 3339 text with the local
-- offset, like the other check-in times.
ALTER TABLE checkins ADD COLUMN onset_at TEXT;
ALTER TABLE checkins ADD COLUMN side TEXT
    CHECK (side IN ('left', 'right', 'both', 'alternating'));
ALTER TABLE checkins ADD COLUMN arms INTEGER CHECK (arms IN (0, 1));
ALTER TABLE checkins ADD COLUMN worst INTEGER CHECK (worst BETWEEN 0 AND 10);
ALTER TABLE checkins ADD COLUMN lasted_min INTEGER CHECK (lasted_min >= 0);
ALTER TABLE checkins ADD COLUMN partner_noticed TEXT
    CHECK (partner_noticed IN ('yes', 'no', 'none'));

-- The room, in the evening log: the temperature always in °C, whatever
-- unit it was typed in, and a bedding list id (kept after the item leaves
-- the list, as tags are).
ALTER TABLE evenings ADD COLUMN room_temp_c REAL CHECK (room_temp_c BETWEEN 0 AND 40);
ALTER TABLE evenings ADD COLUMN bedding TEXT CHECK (bedding <> '');

-- What a person says they took, in their own words, filed under a night.
-- A night may have doses and no evening log, so there is no reference to
-- evenings. taken_at is RFC 3339 text with the local offset.
CREATE TABLE taken (
    id       INTEGER PRIMARY KEY,
    night    TEXT NOT NULL
        CHECK (night GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    name     TEXT NOT NULL CHECK (name <> ''),
    amount   TEXT NOT NULL DEFAULT '',
    taken_at TEXT NOT NULL
) STRICT;
CREATE INDEX taken_night ON taken (night, taken_at);

-- Iron results copied from a clinic's letter, one set a date: ferritin in
-- µg/L, transferrin saturation in %. Kept as given, never interpreted.
CREATE TABLE labs (
    date     TEXT NOT NULL PRIMARY KEY
        CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ferritin REAL CHECK (ferritin >= 0),
    tsat     REAL CHECK (tsat BETWEEN 0 AND 100),
    note     TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;
