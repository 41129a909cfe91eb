package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// timeLayout stores instants as fixed-width UTC text, which sorts in time
// order. Times are rounded to the millisecond.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

// StartRun records the start of n, status running, and returns its id.
// Only its routine, title, night, start, speed, planned length and
// whether it is a flare-up's are read.
func (s *Store) StartRun(ctx context.Context, n night.Run) (int64, error) {
	if err := validateStart(n); err != nil {
		return 0, fmt.Errorf("start session: %w", err)
	}
	_, offset := n.StartedAt.Zone()
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		// flare is named only for a flare-up's run, the rest taking its
		// default, so the same statement also writes the schema versions
		// before it, as tests that build old databases need.
		cols, vals, args := "", "", []any{n.Routine, n.Title, n.Night, formatTime(n.StartedAt), offset,
			string(routine.Running), n.Speed, millis(n.Planned), formatTime(s.now())}
		if n.Flare {
			cols, vals, args = ", flare", ", ?", append(args, 1)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO sessions
			(routine, routine_title, night, started_at, utc_offset, status, speed, planned_ms, updated_at`+cols+`)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?`+vals+`)`, args...)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("start session of %q: %w", n.Routine, err)
	}
	return id, nil
}

func validateStart(n night.Run) error {
	switch {
	case n.Routine == "":
		return errors.New("no routine name")
	case n.StartedAt.IsZero():
		return errors.New("no start time")
	case n.Speed <= 0:
		return fmt.Errorf("speed %v is not positive", n.Speed)
	case n.Planned < 0:
		return fmt.Errorf("planned time %v is negative", n.Planned)
	}
	if _, err := time.Parse(night.Layout, n.Night); err != nil {
		return fmt.Errorf("night %q is not a date (YYYY-MM-DD)", n.Night)
	}
	return nil
}

// Checkpoint saves a run's state at a transition in one transaction: the
// step results, the step in progress and its elapsed time, and the status
// and end time.
func (s *Store) Checkpoint(ctx context.Context, id int64, cp night.Checkpoint) error {
	if err := validateCheckpoint(cp); err != nil {
		return fmt.Errorf("checkpoint session %d: %w", id, err)
	}
	var ended any // NULL while running
	if cp.Status != routine.Running {
		ended = formatTime(cp.EndedAt)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE sessions
			SET status = ?, ended_at = ?, current_step = ?, current_elapsed_ms = ?, updated_at = ?
			WHERE id = ?`,
			string(cp.Status), ended, cp.CurrentStep, millis(cp.CurrentElapsed), formatTime(s.now()), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return fmt.Errorf("session %d %w", id, ErrNotFound)
		}
		for _, r := range cp.Steps {
			if _, err := tx.ExecContext(ctx, `INSERT INTO session_steps
				(session_id, idx, title, planned_ms, actual_ms, status) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (session_id, idx) DO UPDATE SET title = excluded.title,
				planned_ms = excluded.planned_ms, actual_ms = excluded.actual_ms, status = excluded.status`,
				id, r.Index, r.Title, millis(r.Planned), millis(r.Actual), string(r.Status)); err != nil {
				return fmt.Errorf("step %d: %w", r.Index, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("checkpoint session %d: %w", id, err)
	}
	return nil
}

func validateCheckpoint(cp night.Checkpoint) error {
	switch cp.Status {
	case routine.Running:
		if !cp.EndedAt.IsZero() {
			return errors.New("a running session has no end time")
		}
	case routine.Completed, routine.Partial, routine.Abandoned:
		if cp.EndedAt.IsZero() {
			return fmt.Errorf("a %s session needs an end time", cp.Status)
		}
	default:
		return fmt.Errorf("unknown status %q", cp.Status)
	}
	if cp.CurrentStep < 0 || cp.CurrentElapsed < 0 {
		return fmt.Errorf("negative progress (step %d, %v)", cp.CurrentStep, cp.CurrentElapsed)
	}
	for _, r := range cp.Steps {
		switch {
		case r.Index < 0:
			return fmt.Errorf("step index %d is negative", r.Index)
		case r.Status != routine.StepDone && r.Status != routine.StepSkipped:
			return fmt.Errorf("step %d: unknown status %q", r.Index, r.Status)
		case r.Planned < 0 || r.Actual < 0:
			return fmt.Errorf("step %d: negative duration", r.Index)
		}
	}
	return nil
}

// write runs fn in one immediate transaction and commits it.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.afterWrite()
	return nil
}

const sessionColumns = `id, routine, routine_title, night, started_at, utc_offset, ended_at,
	status, speed, planned_ms, current_step, current_elapsed_ms, updated_at, flare`

// Run reads one run with its steps. A missing run's error
// wraps ErrNotFound.
func (s *Store) Run(ctx context.Context, id int64) (night.Run, error) {
	ss, err := s.readSessions(ctx, "WHERE id = ?", id)
	if err != nil {
		return night.Run{}, fmt.Errorf("read session %d: %w", id, err)
	}
	if len(ss) == 0 {
		return night.Run{}, fmt.Errorf("session %d %w", id, ErrNotFound)
	}
	return ss[0], nil
}

// LatestRun reads the run that started last, reporting false when
// there is none.
func (s *Store) LatestRun(ctx context.Context) (night.Run, bool, error) {
	ss, err := s.readSessions(ctx, "ORDER BY started_at DESC, id DESC LIMIT 1")
	if err != nil {
		return night.Run{}, false, fmt.Errorf("read latest session: %w", err)
	}
	if len(ss) == 0 {
		return night.Run{}, false, nil
	}
	return ss[0], true, nil
}

// Runs reads every run with its steps, newest first.
func (s *Store) Runs(ctx context.Context) ([]night.Run, error) {
	ss, err := s.readSessions(ctx, "ORDER BY started_at DESC, id DESC")
	if err != nil {
		return nil, fmt.Errorf("read sessions: %w", err)
	}
	return ss, nil
}

// readSessions reads the sessions a clause after FROM picks, then their
// steps, in one read transaction. Each cursor is drained and closed before
// the next query: the pool has one connection.
func (s *Store) readSessions(ctx context.Context, clause string, args ...any) ([]night.Run, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	ps, err := scanSessions(ctx, tx, "SELECT "+sessionColumns+" FROM sessions "+clause, args...)
	if err != nil || len(ps) == 0 {
		return nil, err
	}
	byID := make(map[int64]*night.Run, len(ps))
	for _, se := range ps {
		byID[se.ID] = se
	}
	where, stepArgs := "", []any(nil)
	if len(ps) == 1 {
		where, stepArgs = "session_id = ?", []any{ps[0].ID}
	}
	addSteps := func(id int64, steps []routine.StepResult) {
		if se, ok := byID[id]; ok {
			se.Steps = steps
		}
	}
	if err := scanSteps(ctx, tx, addSteps, where, stepArgs...); err != nil {
		return nil, err
	}
	ss := make([]night.Run, len(ps))
	for i, se := range ps {
		ss[i] = *se
	}
	return ss, nil
}

// scanSessions runs q and reads every row into a Session, without steps.
func scanSessions(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]*night.Run, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ss []*night.Run
	for rows.Next() {
		var (
			se                         = new(night.Run)
			started, updated, status   string
			ended                      sql.NullString
			offset, planned, elapsedMs int64
		)
		if err := rows.Scan(&se.ID, &se.Routine, &se.Title, &se.Night, &started, &offset,
			&ended, &status, &se.Speed, &planned, &se.CurrentStep, &elapsedMs, &updated, &se.Flare); err != nil {
			return nil, err
		}
		zone := time.FixedZone("", int(offset))
		if se.StartedAt, err = parseTime(started, zone); err != nil {
			return nil, fmt.Errorf("session %d: started_at: %w", se.ID, err)
		}
		if ended.Valid {
			if se.EndedAt, err = parseTime(ended.String, zone); err != nil {
				return nil, fmt.Errorf("session %d: ended_at: %w", se.ID, err)
			}
		}
		if se.UpdatedAt, err = parseTime(updated, zone); err != nil {
			return nil, fmt.Errorf("session %d: updated_at: %w", se.ID, err)
		}
		se.Status = routine.Status(status)
		se.Planned, se.CurrentElapsed = fromMillis(planned), fromMillis(elapsedMs)
		ss = append(ss, se)
	}
	return ss, rows.Err()
}

func formatTime(t time.Time) string { return t.UTC().Round(time.Millisecond).Format(timeLayout) }

func parseTime(s string, zone *time.Location) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s) // reads timeLayout's text, by a faster path
	if err != nil {
		return time.Time{}, err
	}
	return t.In(zone), nil
}

func millis(d time.Duration) int64 { return d.Round(time.Millisecond).Milliseconds() }

func fromMillis(ms int64) time.Duration { return time.Duration(ms) * time.Millisecond }
