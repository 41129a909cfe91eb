package store

import (
	"context"
	"database/sql"
	"slices"

	"github.com/quietlegs/quietlegs/night"
)

// runRow is a night's run as stored in sessions and session_steps, for
// writing and comparing.
type runRow struct {
	night, routine, title, status string
	startedAt                     string // UTC, see timeLayout
	offset                        int    // seconds east of UTC at the start
	endedAt                       sql.NullString
	planned                       int64   // the routine's planned length, milliseconds
	speed                         float64 // 1 is real time; another is a trial
	flare                         bool    // started from the night toolkit
	steps                         []stepRow
}

type stepRow struct {
	idx             int
	title           string
	planned, actual int64 // milliseconds
	status          string
}

// storedRun is a run as read, with its session id.
type storedRun struct {
	id  int64
	row runRow
}

func runRowOf(date string, r night.Run) runRow {
	_, off := r.StartedAt.Zone()
	row := runRow{night: date, routine: r.Routine, title: r.Title, status: string(r.Status),
		startedAt: formatTime(r.StartedAt), offset: off, speed: r.Speed, flare: r.Flare}
	if row.speed == 0 {
		row.speed = 1 // a record from before the speed was kept
	}
	if !r.EndedAt.IsZero() {
		row.endedAt = sql.NullString{String: formatTime(r.EndedAt), Valid: true}
	}
	row.steps = make([]stepRow, len(r.Steps))
	for i, st := range r.Steps {
		row.steps[i] = stepRow{idx: st.Index, title: st.Title, planned: millis(st.Planned),
			actual: millis(st.Actual), status: string(st.Status)}
	}
	slices.SortFunc(row.steps, func(a, b stepRow) int { return a.idx - b.idx })
	// An export from before runs carried their planned length: the steps
	// it lists are the best guess.
	row.planned = millis(r.Planned)
	if row.planned == 0 {
		for _, st := range row.steps {
			row.planned += st.planned
		}
	}
	return row
}

func (r runRow) equal(o runRow) bool {
	return r.night == o.night && r.routine == o.routine && r.title == o.title && r.status == o.status &&
		r.startedAt == o.startedAt && r.offset == o.offset && r.endedAt == o.endedAt && r.planned == o.planned &&
		r.speed == o.speed && r.flare == o.flare &&
		slices.Equal(r.steps, o.steps)
}

// insertRun adds an imported run as a session. Its updated_at is when it
// ended, or started if it never did, so an old run left running does not
// look recent.
func insertRun(ctx context.Context, tx execer, r runRow) error {
	next := 0
	for _, st := range r.steps {
		next = max(next, st.idx+1)
	}
	updated := r.startedAt
	if r.endedAt.Valid {
		updated = r.endedAt.String
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO sessions
		(routine, routine_title, night, started_at, utc_offset, ended_at, status, speed, planned_ms,
		current_step, current_elapsed_ms, updated_at, flare)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
		r.routine, r.title, r.night, r.startedAt, r.offset, r.endedAt, r.status, r.speed, r.planned, next, updated, r.flare)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	return insertSteps(ctx, tx, id, r.steps)
}

// updateRun overwrites session id with r and replaces its steps. Speed,
// progress and updated_at are left as they were.
func updateRun(ctx context.Context, tx execer, id int64, r runRow) error {
	if _, err := tx.ExecContext(ctx, `UPDATE sessions SET night = ?, routine_title = ?, utc_offset = ?,
		status = ?, ended_at = ?, planned_ms = ?, speed = ?, flare = ? WHERE id = ?`,
		r.night, r.title, r.offset, r.status, r.endedAt, r.planned, r.speed, r.flare, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM session_steps WHERE session_id = ?", id); err != nil {
		return err
	}
	return insertSteps(ctx, tx, id, r.steps)
}

// stepsPerInsert keeps one INSERT's parameters well under SQLite's limit.
const stepsPerInsert = 500

// insertSteps adds steps to session id, many rows per statement.
func insertSteps(ctx context.Context, tx execer, id int64, steps []stepRow) error {
	for chunk := range slices.Chunk(steps, stepsPerInsert) {
		args := make([]any, 0, 6*len(chunk))
		for _, st := range chunk {
			args = append(args, id, st.idx, st.title, st.planned, st.actual, st.status)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO session_steps
			(session_id, idx, title, planned_ms, actual_ms, status) VALUES `+placeholders(len(chunk), 6),
			args...); err != nil {
			return err
		}
	}
	return nil
}
