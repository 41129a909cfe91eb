package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// eventRow is a flare-up as stored in events, for writing and comparing.
type eventRow struct {
	night    string
	at       string // UTC, see timeLayout
	offset   int    // seconds east of UTC when it began
	severity int
	tried    string // JSON, see triedJSON
	after    sql.NullInt64
	helped   sql.NullString
}

// triedJSON is one measure in the tried column.
type triedJSON struct {
	ID      string `json:"id"`
	Minutes *int   `json:"minutes"`
}

func eventRowOf(e night.Event) eventRow {
	_, off := e.At.Zone()
	tried := make([]triedJSON, len(e.Tried))
	for i, t := range e.Tried {
		tried[i] = triedJSON{ID: t.ID, Minutes: t.Minutes}
	}
	b, _ := json.Marshal(tried) // strings and ints: it cannot fail
	row := eventRow{night: e.Night, at: formatTime(e.At), offset: off, severity: e.Severity, tried: string(b)}
	if e.SeverityAfter != nil {
		row.after = sql.NullInt64{Int64: int64(*e.SeverityAfter), Valid: true}
	}
	if e.Helped != "" {
		row.helped = sql.NullString{String: string(e.Helped), Valid: true}
	}
	return row
}

// validateEvent checks an event as it is about to be stored.
func validateEvent(e night.Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return storable(night.FieldAt, e.At)
}

// SaveEvent saves a flare-up: a new one when e.ID is 0, else in place of
// event e.ID. It returns the event's id. Another event at the same
// instant is replaced, as an import would, so saving twice never makes
// two. An invalid event is refused with a *night.FieldError, unwrapped.
func (s *Store) SaveEvent(ctx context.Context, e night.Event) (int64, error) {
	if err := validateEvent(e); err != nil {
		return 0, err
	}
	row := eventRowOf(e)
	id := e.ID
	err := s.write(ctx, func(tx *sql.Tx) error {
		if id != 0 {
			res, err := tx.ExecContext(ctx, `UPDATE events SET night = ?, at = ?, utc_offset = ?, severity = ?,
				tried = ?, severity_after = ?, helped = ? WHERE id = ?`,
				row.night, row.at, row.offset, row.severity, row.tried, row.after, row.helped, id)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return errors.Join(err, fmt.Errorf("event %d %w", id, ErrNotFound))
			}
			return nil
		}
		return tx.QueryRowContext(ctx, upsertEventSQL+" RETURNING id",
			row.night, row.at, row.offset, row.severity, row.tried, row.after, row.helped).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("save flare-up of %s: %w", e.Night, err)
	}
	return id, nil
}

// AddEvent saves e as a new flare-up and returns it with its id, and
// true. When one is already recorded at e's instant it saves nothing and
// returns that one, and false: the check and the insert are one
// statement, so two added at once never replace each other.
func (s *Store) AddEvent(ctx context.Context, e night.Event) (night.Event, bool, error) {
	if err := validateEvent(e); err != nil {
		return e, false, err
	}
	row := eventRowOf(e)
	saved, added := e, true
	err := s.write(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO events (night, at, utc_offset, severity, tried, severity_after, helped)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (at) DO NOTHING RETURNING id`,
			row.night, row.at, row.offset, row.severity, row.tried, row.after, row.helped).Scan(&saved.ID)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		added = false
		var date string
		if err := tx.QueryRowContext(ctx, `SELECT night FROM events WHERE at = ?`, row.at).Scan(&date); err != nil {
			return err
		}
		es, err := readEvents(ctx, tx, date, date)
		if err != nil {
			return err
		}
		for _, old := range es {
			if old.At.Equal(e.At) {
				saved = old
			}
		}
		return nil
	})
	if err != nil {
		return e, false, fmt.Errorf("add flare-up of %s: %w", e.Night, err)
	}
	return saved, added, nil
}

// upsertEventSQL adds an event, or replaces the one at the same instant.
const upsertEventSQL = `INSERT INTO events (night, at, utc_offset, severity, tried, severity_after, helped)
	VALUES (?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (at) DO UPDATE SET night = excluded.night, utc_offset = excluded.utc_offset,
		severity = excluded.severity, tried = excluded.tried,
		severity_after = excluded.severity_after, helped = excluded.helped`

func upsertEvent(ctx context.Context, tx execer, r eventRow) error {
	_, err := tx.ExecContext(ctx, upsertEventSQL, r.night, r.at, r.offset, r.severity, r.tried, r.after, r.helped)
	return err
}

// readEvents reads the events of nights in [lo, hi], each night's in the
// order they began.
func readEvents(ctx context.Context, tx *sql.Tx, lo, hi string) ([]night.Event, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, night, at, utc_offset, severity, tried, severity_after, helped
		FROM events WHERE night BETWEEN ? AND ? ORDER BY night, at, id`, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var es []night.Event
	for rows.Next() {
		var (
			e      night.Event
			at     string
			offset int64
			tried  string
			after  sql.NullInt64
			helped sql.NullString
		)
		if err := rows.Scan(&e.ID, &e.Night, &at, &offset, &e.Severity, &tried, &after, &helped); err != nil {
			return nil, err
		}
		if e.At, err = parseTime(at, time.FixedZone("", int(offset))); err != nil {
			return nil, fmt.Errorf("event %d: at: %w", e.ID, err)
		}
		var ts []triedJSON
		if err := json.Unmarshal([]byte(tried), &ts); err != nil {
			return nil, fmt.Errorf("event %d: tried: %w", e.ID, err)
		}
		for _, t := range ts {
			e.Tried = append(e.Tried, night.Tried{ID: t.ID, Minutes: t.Minutes})
		}
		if after.Valid {
			n := int(after.Int64)
			e.SeverityAfter = &n
		}
		e.Helped = night.Helped(helped.String)
		es = append(es, e)
	}
	return es, rows.Err()
}

// events plans the night's flare-ups that are new or differ. One stored
// at the same instant under another night is moved, as a run is.
func (p *importPlan) events(n importNight, old *storedNight) bool {
	stored := map[string]eventRow{}
	if old != nil {
		for _, e := range old.rec.Events {
			r := eventRowOf(e)
			stored[r.at] = r
		}
	}
	changed := false
	for _, r := range n.events {
		if was, ok := stored[r.at]; ok && was == r {
			continue
		}
		changed = true
		p.writes = append(p.writes, func(ctx context.Context, tx execer) error {
			if err := upsertEvent(ctx, tx, r); err != nil {
				return fmt.Errorf("night %s: flare-up at %s: %w", n.date, r.at, err)
			}
			return nil
		})
	}
	return changed
}
