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
// A flare-up is matched by its instant, and replaced when it differs.
// Iron results are matched by date, in the same transaction.
// Imported runs get speed 1 and their planned length; without one, the sum
// of their steps' planned lengths.
func (s *Store) Import(ctx context.Context, recs []night.Record, labs []night.Lab) (journal.ImportResult, error) {
	in, err := prepareImport(recs)
	if err == nil {
		err = checkLabs(labs)
	}
	if err != nil {
		return journal.ImportResult{}, fmt.Errorf("import: %w", err)
	}
	if len(in) == 0 && len(labs) == 0 {
		return journal.ImportResult{}, nil
	}
	// What to write is worked out in a read transaction, which in WAL mode
	// holds up no writer; the write transaction then only writes, each
	// statement prepared once, so other windows wait as little as can be.
	var plan importPlan
	if len(in) > 0 {
		err = s.read(ctx, func(tx *sql.Tx) (err error) {
			plan, err = planImport(ctx, tx, in)
			return err
		})
	}
	if err == nil {
		err = s.write(ctx, func(tx *sql.Tx) (err error) {
			if err := plan.write(ctx, newPreparedTx(tx)); err != nil {
				return err
			}
			plan.res.LabsAdded, plan.res.LabsUpdated, err = importLabs(ctx, tx, labs)
			return err
		})
	}
	if err != nil {
		return journal.ImportResult{}, fmt.Errorf("import %d nights into %s: %w", len(in), s.path, err)
	}
	return plan.res, nil
}

// importNight is one record, checked and in stored form.
type importNight struct {
	date    string
	evening *eveningRow
	checkin *checkinRow
	runs    []runRow
	events  []eventRow
	taken   []night.Dose
}

// runKey identifies a run across imports.
type runKey struct{ routine, startedAt string }

// prepareImport checks every record and converts it to stored form.
func prepareImport(recs []night.Record) ([]importNight, error) {
	out := make([]importNight, 0, len(recs))
	nights := make(map[string]bool, len(recs))
	runs := map[runKey]string{}
	events := map[string]string{} // night by instant
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
		for j, d := range rec.Taken {
			if err := partNight(&d.Night, rec.Night); err != nil {
				return nil, fmt.Errorf("night %s: taken %d: %w", rec.Night, j+1, err)
			}
			if err := validateDose(d); err != nil {
				return nil, fmt.Errorf("night %s: taken %d: %w", rec.Night, j+1, err)
			}
			n.taken = append(n.taken, d)
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
		for j, e := range rec.Events {
			if err := partNight(&e.Night, rec.Night); err != nil {
				return nil, fmt.Errorf("night %s: flare-up %d: %w", rec.Night, j+1, err)
			}
			if err := validateEvent(e); err != nil {
				return nil, fmt.Errorf("night %s: flare-up %d: %w", rec.Night, j+1, err)
			}
			row := eventRowOf(e)
			if other, dup := events[row.at]; dup {
				return nil, fmt.Errorf("night %s: flare-up %d (at %s) is listed twice (also in night %s)",
					rec.Night, j+1, e.At.Format(localLayout), other)
			}
			events[row.at] = rec.Night
			n.events = append(n.events, row)
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

// validateRun checks a run as Checkpoint and StartRun would.
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

// importPlan is what an import writes: each part that differs from what
// is stored, and the count of nights it adds, updates and leaves alone.
type importPlan struct {
	res    journal.ImportResult
	writes []func(ctx context.Context, tx execer) error
}

func (p importPlan) write(ctx context.Context, tx execer) error {
	for _, w := range p.writes {
		if err := w(ctx, tx); err != nil {
			return err
		}
	}
	return nil
}

// planImport reads what is stored for the nights in, and plans writing
// what differs.
func planImport(ctx context.Context, tx *sql.Tx, in []importNight) (importPlan, error) {
	var p importPlan
	lo, hi := in[0].date, in[0].date
	for _, n := range in {
		lo, hi = min(lo, n.date), max(hi, n.date)
	}
	stored, err := loadNights(ctx, tx, lo, hi, whole)
	if err != nil {
		return p, fmt.Errorf("read nights %s to %s: %w", lo, hi, err)
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
	// A run not among the nights read may be filed under another night.
	find, err := tx.PrepareContext(ctx, "SELECT id FROM sessions WHERE routine = ? AND started_at = ? ORDER BY id DESC LIMIT 1")
	if err != nil {
		return p, err
	}
	defer find.Close()
	for _, n := range in {
		old := byNight[n.date]
		changed := p.evening(n, old)
		changed = p.checkin(n, old) || changed
		changed = p.events(n, old) || changed
		changed = p.doses(n, old) || changed
		for _, r := range n.runs {
			c, err := p.run(ctx, find, n.date, r, runs)
			if err != nil {
				return p, fmt.Errorf("night %s: run of %q started %s: %w", n.date, r.routine, r.startedAt, err)
			}
			changed = changed || c
		}
		switch {
		case !changed:
			p.res.Unchanged++
		case old == nil:
			p.res.Added++
		default:
			p.res.Updated++
		}
	}
	return p, nil
}

// evening plans the night's evening log, if it differs.
func (p *importPlan) evening(n importNight, old *storedNight) bool {
	if n.evening == nil {
		return false
	}
	row := *n.evening
	had := old != nil && old.rec.Evening != nil
	if had {
		was := eveningRowOf(*old.rec.Evening)
		if !row.loggedAt.Valid {
			row.loggedAt = was.loggedAt
		}
		if row.equal(was) {
			return false
		}
	}
	p.writes = append(p.writes, func(ctx context.Context, tx execer) error {
		// Tags are cleared even for a night that had no log when planned:
		// another window may have logged it since.
		if err := upsertEvening(ctx, tx, n.date, row, true); err != nil {
			return fmt.Errorf("night %s: evening log: %w", n.date, err)
		}
		return nil
	})
	return true
}

// checkin plans the night's check-in, if it differs.
func (p *importPlan) checkin(n importNight, old *storedNight) bool {
	if n.checkin == nil {
		return false
	}
	row := *n.checkin
	if old != nil && old.rec.Checkin != nil {
		was := checkinRowOf(*old.rec.Checkin)
		if !row.recordedAt.Valid {
			row.recordedAt = was.recordedAt
		}
		if row == was {
			return false
		}
	}
	p.writes = append(p.writes, func(ctx context.Context, tx execer) error {
		if err := upsertCheckin(ctx, tx, row); err != nil {
			return fmt.Errorf("night %s: check-in: %w", n.date, err)
		}
		return nil
	})
	return true
}

// doses plans adding the night's doses not stored yet: a dose is matched
// by its words and instant, and none stored is deleted.
func (p *importPlan) doses(n importNight, old *storedNight) bool {
	have := map[doseKey]bool{}
	if old != nil {
		for _, d := range old.rec.Taken {
			have[doseKeyOf(d)] = true
		}
	}
	var add []night.Dose
	for _, d := range n.taken {
		if k := doseKeyOf(d); !have[k] {
			have[k] = true
			add = append(add, d)
		}
	}
	if len(add) == 0 {
		return false
	}
	p.writes = append(p.writes, func(ctx context.Context, tx execer) error {
		for _, d := range add {
			if err := insertDose(ctx, tx, d); err != nil {
				return fmt.Errorf("night %s: taken: %w", n.date, err)
			}
		}
		return nil
	})
	return true
}

// run plans inserting or overwriting r, unless it is stored as it is.
func (p *importPlan) run(ctx context.Context, find *sql.Stmt, date string, r runRow, runs map[runKey]storedRun) (bool, error) {
	key := runKey{r.routine, r.startedAt}
	id := int64(0)
	if sr, ok := runs[key]; ok {
		if sr.row.equal(r) {
			return false, nil
		}
		id = sr.id
	} else if err := find.QueryRowContext(ctx, key.routine, key.startedAt).Scan(&id); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	p.writes = append(p.writes, func(ctx context.Context, tx execer) error {
		var err error
		if id != 0 {
			err = updateRun(ctx, tx, id, r)
		} else {
			err = insertRun(ctx, tx, r)
		}
		if err != nil {
			return fmt.Errorf("night %s: run of %q started %s: %w", date, r.routine, r.startedAt, err)
		}
		return nil
	})
	return true, nil
}
