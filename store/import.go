package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
)

// Import merges records into the database by night, in one transaction:
// all of it is written, or none. An evening log or check-in that differs
// from the stored one replaces it; a run is matched by routine and start
// instant, inserted when missing and overwritten, steps and all, when it
// differs. Nothing stored is deleted, and importing the same records again
// changes nothing.
//
// A part's empty Night is taken from its record. A zero Evening.At or
// Checkin.RecordedAt means "not known": it keeps the stored value, if any.
// Every record is checked before anything is written; the error for an
// invalid one names its night and wraps the *night.FieldError, if any.
// Imported runs get speed 1 and their planned length; without one, the sum
// of their steps' planned lengths.
func (s *Store) Import(ctx context.Context, recs []night.Record) (journal.ImportResult, error) {
	in, err := prepareImport(recs)
	if err != nil {
		return journal.ImportResult{}, fmt.Errorf("import: %w", err)
	}
	if len(in) == 0 {
		return journal.ImportResult{}, nil
	}
	var res journal.ImportResult
	err = s.write(ctx, func(tx *sql.Tx) error {
		res = journal.ImportResult{}
		return importNights(ctx, tx, in, &res)
	})
	if err != nil {
		return journal.ImportResult{}, fmt.Errorf("import %d nights into %s: %w", len(in), s.path, err)
	}
	return res, nil
}

// importNight is one record, checked and in stored form.
type importNight struct {
	date    string
	evening *eveningRow
	checkin *checkinRow
	runs    []runRow
}

// runKey identifies a run across imports.
type runKey struct{ routine, startedAt string }

// prepareImport checks every record and converts it to stored form.
func prepareImport(recs []night.Record) ([]importNight, error) {
	out := make([]importNight, 0, len(recs))
	nights := make(map[string]bool, len(recs))
	runs := map[runKey]string{}
	for i, rec := range recs {
		if err := checkNight(rec.Night); err != nil {
			return nil, fmt.Errorf("record %d: %w", i+1, err)
		}
		if nights[rec.Night] {
			return nil, fmt.Errorf("night %s: listed more than once", rec.Night)
		}
		nights[rec.Night] = true
		n := importNight{date: rec.Night}
		if rec.Evening != nil {
			e := *rec.Evening
			if err := partNight(&e.Night, rec.Night); err != nil {
				return nil, fmt.Errorf("night %s: evening log: %w", rec.Night, err)
			}
			if err := validateEvening(e); err != nil {
				return nil, fmt.Errorf("night %s: evening log: %w", rec.Night, err)
			}
			row := eveningRowOf(e)
			n.evening = &row
		}
		if rec.Checkin != nil {
			c := *rec.Checkin
			if err := partNight(&c.Night, rec.Night); err != nil {
				return nil, fmt.Errorf("night %s: check-in: %w", rec.Night, err)
			}
			if err := validateCheckin(c); err != nil {
				return nil, fmt.Errorf("night %s: check-in: %w", rec.Night, err)
			}
			row := checkinRowOf(c)
			n.checkin = &row
		}
		for j, r := range rec.Runs {
			if err := validateRun(r); err != nil {
				return nil, fmt.Errorf("night %s: run %d (%q): %w", rec.Night, j+1, r.Routine, err)
			}
			row := runRowOf(rec.Night, r)
			key := runKey{row.routine, row.startedAt}
			if other, dup := runs[key]; dup {
				return nil, fmt.Errorf("night %s: run %d (%q started %s) is listed twice (also in night %s)",
					rec.Night, j+1, r.Routine, r.StartedAt.Format(localLayout), other)
			}
			runs[key] = rec.Night
			n.runs = append(n.runs, row)
		}
		out = append(out, n)
	}
	return out, nil
}

// partNight fills a part's empty night from its record's, and refuses a
// different one.
func partNight(part *string, date string) error {
	if *part == "" {
		*part = date
	}
	if *part != date {
		return &night.FieldError{Field: "night", Msg: fmt.Sprintf("%s is not the record's night %s", *part, date)}
	}
	return nil
}

// validateRun checks a run as Checkpoint and StartSession would.
func validateRun(r night.Run) error {
	if r.Routine == "" {
		return errors.New("no routine name")
	}
	if r.StartedAt.IsZero() {
		return errors.New("no start time")
	}
	if err := storable("started_at", r.StartedAt); err != nil {
		return err
	}
	if err := validateCheckpoint(night.Checkpoint{Steps: r.Steps, Status: r.Status, EndedAt: r.EndedAt}); err != nil {
		return err
	}
	if !r.EndedAt.IsZero() {
		if err := storable("ended_at", r.EndedAt); err != nil {
			return err
		}
	}
	seen := make(map[int]bool, len(r.Steps))
	for _, st := range r.Steps {
		if seen[st.Index] {
			return fmt.Errorf("step %d is listed twice", st.Index)
		}
		seen[st.Index] = true
	}
	return nil
}

// importNights writes what differs, counting nights into res.
func importNights(ctx context.Context, tx *sql.Tx, in []importNight, res *journal.ImportResult) error {
	lo, hi := in[0].date, in[0].date
	for _, n := range in {
		lo, hi = min(lo, n.date), max(hi, n.date)
	}
	stored, err := loadNights(ctx, tx, lo, hi)
	if err != nil {
		return fmt.Errorf("read nights %s to %s: %w", lo, hi, err)
	}
	byNight := make(map[string]*storedNight, len(stored))
	runs := map[runKey]storedRun{}
	for _, sn := range stored {
		byNight[sn.rec.Night] = sn
		for j, r := range sn.rec.Runs {
			row := runRowOf(sn.rec.Night, r)
			runs[runKey{row.routine, row.startedAt}] = storedRun{id: sn.runIDs[j], row: row}
		}
	}

	for _, n := range in {
		old := byNight[n.date]
		changed, err := importEvening(ctx, tx, n, old)
		if err != nil {
			return fmt.Errorf("night %s: evening log: %w", n.date, err)
		}
		c, err := importCheckin(ctx, tx, n, old)
		if err != nil {
			return fmt.Errorf("night %s: check-in: %w", n.date, err)
		}
		changed = changed || c
		for _, r := range n.runs {
			c, err := importRun(ctx, tx, r, runs)
			if err != nil {
				return fmt.Errorf("night %s: run of %q started %s: %w", n.date, r.routine, r.startedAt, err)
			}
			changed = changed || c
		}
		switch {
		case !changed:
			res.Unchanged++
		case old == nil:
			res.Added++
		default:
			res.Updated++
		}
	}
	return nil
}

func importEvening(ctx context.Context, tx *sql.Tx, n importNight, old *storedNight) (bool, error) {
	if n.evening == nil {
		return false, nil
	}
	row := *n.evening
	had := old != nil && old.rec.Evening != nil
	if had {
		was := eveningRowOf(*old.rec.Evening)
		if !row.loggedAt.Valid {
			row.loggedAt = was.loggedAt
		}
		if row.equal(was) {
			return false, nil
		}
	}
	return true, upsertEvening(ctx, tx, n.date, row, had)
}

func importCheckin(ctx context.Context, tx *sql.Tx, n importNight, old *storedNight) (bool, error) {
	if n.checkin == nil {
		return false, nil
	}
	row := *n.checkin
	if old != nil && old.rec.Checkin != nil {
		was := checkinRowOf(*old.rec.Checkin)
		if !row.recordedAt.Valid {
			row.recordedAt = was.recordedAt
		}
		if row == was {
			return false, nil
		}
	}
	return true, upsertCheckin(ctx, tx, row)
}

// importRun inserts or overwrites r unless it is stored as it is. A run
// not among the nights read is looked up in case it is filed under another
// night.
func importRun(ctx context.Context, tx *sql.Tx, r runRow, runs map[runKey]storedRun) (bool, error) {
	key := runKey{r.routine, r.startedAt}
	if sr, ok := runs[key]; ok {
		if sr.row.equal(r) {
			return false, nil
		}
		return true, updateRun(ctx, tx, sr.id, r)
	}
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM sessions WHERE routine = ? AND started_at = ? ORDER BY id DESC LIMIT 1",
		key.routine, key.startedAt).Scan(&id)
	switch {
	case err == nil:
		return true, updateRun(ctx, tx, id, r)
	case errors.Is(err, sql.ErrNoRows):
		return true, insertRun(ctx, tx, r)
	}
	return false, err
}
