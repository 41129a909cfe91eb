package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/journal"
)

// StartExperiment reads the latest experiment, passes it to fn and saves
// what fn returns as a new experiment, in one BEGIN IMMEDIATE transaction:
// the write lock is taken before the read, so of two experiments started
// at once the second sees the first. fn's error is returned unwrapped.
func (s *Store) StartExperiment(ctx context.Context, fn func(journal.Experiment, bool) (journal.Experiment, error)) (int64, error) {
	var (
		refused error
		id      int64
	)
	err := s.write(ctx, func(tx *sql.Tx) error {
		latest, ok, err := latestExperiment(ctx, tx)
		if err != nil {
			return err
		}
		e, err := fn(latest, ok)
		if err != nil {
			refused = err
			return err
		}
		if err := e.Validate(); err != nil {
			return err
		}
		if err := storable("started-at", e.StartedAt); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO experiments (item, arm, first_night, schedule, seed, started_at, stopped_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			e.Item, string(e.Arm), e.FirstNight, scheduleText(e.Weeks), int64(e.Seed),
			formatLocal(e.StartedAt), nullLocal(e.StoppedAt))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if refused != nil {
		return 0, refused
	}
	if err != nil {
		return 0, fmt.Errorf("save experiment in %s: %w", s.path, err)
	}
	return id, nil
}

// LatestExperiment reads the experiment started last, reporting false
// when there has been none.
func (s *Store) LatestExperiment(ctx context.Context) (journal.Experiment, bool, error) {
	var (
		e  journal.Experiment
		ok bool
	)
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		e, ok, err = latestExperiment(ctx, tx)
		return err
	})
	if err != nil {
		return journal.Experiment{}, false, fmt.Errorf("read experiment from %s: %w", s.path, err)
	}
	return e, ok, nil
}

// StopExperiment sets experiment id's stopped_at, unless it is set
// already. A missing experiment's error wraps ErrNotFound.
func (s *Store) StopExperiment(ctx context.Context, id int64, at time.Time) error {
	if err := storable("stopped-at", at); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM experiments WHERE id = ?", id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("experiment %d %w", id, ErrNotFound)
		}
		_, err := tx.ExecContext(ctx, "UPDATE experiments SET stopped_at = ? WHERE id = ? AND stopped_at IS NULL",
			formatLocal(at), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("stop experiment in %s: %w", s.path, err)
	}
	return nil
}

// latestExperiment reads the experiment with the highest id.
func latestExperiment(ctx context.Context, tx *sql.Tx) (journal.Experiment, bool, error) {
	var (
		e          journal.Experiment
		arm, sched string
		seed       int64
		started    string
		stopped    sql.NullString
	)
	err := tx.QueryRowContext(ctx, `SELECT id, item, arm, first_night, schedule, seed, started_at, stopped_at
		FROM experiments ORDER BY id DESC LIMIT 1`).
		Scan(&e.ID, &e.Item, &arm, &e.FirstNight, &sched, &seed, &started, &stopped)
	if err == sql.ErrNoRows {
		return journal.Experiment{}, false, nil
	}
	if err != nil {
		return journal.Experiment{}, false, err
	}
	e.Arm, e.Seed = journal.Arm(arm), uint64(seed)
	for _, c := range sched {
		e.Weeks = append(e.Weeks, c == '1')
	}
	if e.StartedAt, err = parseLocal(started); err != nil {
		return journal.Experiment{}, false, fmt.Errorf("experiment %d: started_at: %w", e.ID, err)
	}
	if e.StoppedAt, err = parseNullLocal(stopped); err != nil {
		return journal.Experiment{}, false, fmt.Errorf("experiment %d: stopped_at: %w", e.ID, err)
	}
	return e, true, nil
}

// scheduleText is a schedule as stored: '1' an experimental week, '0' a
// week as usual.
func scheduleText(weeks []bool) string {
	var b strings.Builder
	for _, w := range weeks {
		if w {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	return b.String()
}
