package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Nights reads every night with any record in [from, to] (YYYY-MM-DD,
// inclusive; "" leaves that end open), in date order: its evening log and
// check-in when present, and its routine runs in the order they started,
// with their steps. Times read back in the offsets they were saved with.
func (s *Store) Nights(ctx context.Context, from, to string) ([]night.Record, error) {
	lo, hi, err := nightRange(from, to)
	if err != nil {
		return nil, fmt.Errorf("read nights: %w", err)
	}
	var ns []*storedNight
	err = s.read(ctx, func(tx *sql.Tx) (err error) {
		ns, err = loadNights(ctx, tx, lo, hi, whole)
		return err
	})
	if err != nil {
		return nil, s.readError(err)
	}
	recs := make([]night.Record, len(ns))
	for i, n := range ns {
		recs[i] = n.rec
	}
	return recs, nil
}

// EachNight passes every night with any record in [from, to] to fn, in
// date order, as Nights reads them, but holding only a window of nights at
// a time: an export of a century of nights never has it all in memory. It
// reads in one transaction, so what it passes is one consistent state. An
// error from fn stops it and is returned as it is.
func (s *Store) EachNight(ctx context.Context, from, to string, fn func(night.Record) error) error {
	return s.eachNight(ctx, from, to, whole, fn)
}

// EachNightBrief is EachNight over every night, with each night's runs
// read without their steps and its doses left out (a night with nothing
// else is not passed): the rest is what insights compare, and reading ten
// years so makes a fifth less garbage.
func (s *Store) EachNightBrief(ctx context.Context, fn func(night.Record) error) error {
	return s.eachNight(ctx, "", "", brief, fn)
}

// depth is how much of each night loadNights reads.
type depth int

const (
	whole depth = iota
	brief       // no steps of runs, no doses
)

func (s *Store) eachNight(ctx context.Context, from, to string, d depth, fn func(night.Record) error) error {
	lo, hi, err := nightRange(from, to)
	if err != nil {
		return fmt.Errorf("read nights: %w", err)
	}
	var fnErr error
	err = s.read(ctx, func(tx *sql.Tx) error {
		for {
			first, ok, err := firstNightIn(ctx, tx, lo, hi)
			if err != nil || !ok {
				return err
			}
			last := windowEnd(first, hi)
			ns, err := loadNights(ctx, tx, first, last, d)
			if err != nil {
				return err
			}
			for _, n := range ns {
				if fnErr = fn(n.rec); fnErr != nil {
					return fnErr
				}
			}
			next, ok := nextDay(last)
			if last >= hi || !ok {
				return nil
			}
			lo = next
		}
	})
	if fnErr != nil {
		return fnErr
	}
	if err != nil {
		return s.readError(err)
	}
	return nil
}

// readError is the error of a read of nights that failed with err. A
// damaged page is said to be one, with what to do: a store opened
// ReadingOnly meets it here, not in Open's check.
func (s *Store) readError(err error) error {
	if isCorrupt(err) {
		return damaged(s.path, err.Error())
	}
	return fmt.Errorf("read nights from %s: %w", s.path, err)
}

// nightWindow is how many days of nights EachNight reads at once, and so
// the most nights it holds: enough that the queries per window cost
// little, few enough that memory stays flat.
const nightWindow = 512

// firstNightIn is the first night with any record in [lo, hi]. Each table
// answers from its index on night, so asking costs a few lookups, not a
// list of every night.
func firstNightIn(ctx context.Context, tx *sql.Tx, lo, hi string) (first string, ok bool, err error) {
	var n sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT min(n) FROM (
		SELECT * FROM (SELECT night AS n FROM sessions WHERE night BETWEEN ?1 AND ?2 ORDER BY night LIMIT 1)
		UNION ALL SELECT * FROM (SELECT night FROM evenings WHERE night BETWEEN ?1 AND ?2 ORDER BY night LIMIT 1)
		UNION ALL SELECT * FROM (SELECT night FROM checkins WHERE night BETWEEN ?1 AND ?2 ORDER BY night LIMIT 1)
		UNION ALL SELECT * FROM (SELECT night FROM events WHERE night BETWEEN ?1 AND ?2 ORDER BY night LIMIT 1)
		UNION ALL SELECT * FROM (SELECT night FROM taken WHERE night BETWEEN ?1 AND ?2 ORDER BY night LIMIT 1))`,
		lo, hi).Scan(&n)
	if err != nil {
		return "", false, fmt.Errorf("nights: %w", err)
	}
	return n.String, n.Valid, nil
}

// windowEnd is the last night of the window that starts at first: the
// night nightWindow-1 days on, or hi if that is sooner.
func windowEnd(first, hi string) string {
	d, err := time.Parse(night.Layout, first)
	if err != nil {
		return hi
	}
	end := d.AddDate(0, 0, nightWindow-1)
	if end.Year() > 9999 {
		return hi
	}
	return min(end.Format(night.Layout), hi)
}

// nextDay is the night after date; none after 9999-12-31, or after
// something not a date.
func nextDay(date string) (string, bool) {
	d, err := time.Parse(night.Layout, date)
	if err != nil || d.AddDate(0, 0, 1).Year() > 9999 {
		return "", false
	}
	return d.AddDate(0, 0, 1).Format(night.Layout), true
}

// nightRange checks a range's ends and opens the empty ones.
func nightRange(from, to string) (lo, hi string, err error) {
	lo, hi = firstNight, lastNight
	if from != "" {
		if err := checkNight(from); err != nil {
			return "", "", fmt.Errorf("from: %w", err)
		}
		lo = from
	}
	if to != "" {
		if err := checkNight(to); err != nil {
			return "", "", fmt.Errorf("to: %w", err)
		}
		hi = to
	}
	return lo, hi, nil
}

// storedNight is a night as read, with what Import needs to match runs.
type storedNight struct {
	rec    night.Record
	runIDs []int64 // the sessions rec.Runs came from
}

// loadNights reads the nights in [lo, hi] to depth d with a fixed number
// of queries, however many nights there are.
func loadNights(ctx context.Context, tx *sql.Tx, lo, hi string, d depth) ([]*storedNight, error) {
	var ns []*storedNight
	byNight := map[string]*storedNight{}
	get := func(date string) *storedNight {
		n, ok := byNight[date]
		if !ok {
			n = &storedNight{rec: night.Record{Night: date}}
			byNight[date] = n
			ns = append(ns, n)
		}
		return n
	}

	es, err := readEvenings(ctx, tx, lo, hi)
	if err != nil {
		return nil, fmt.Errorf("evening logs: %w", err)
	}
	for _, e := range es {
		get(e.Night).rec.Evening = e
	}

	cs, err := scanCheckins(ctx, tx, "WHERE night BETWEEN ? AND ?", lo, hi)
	if err != nil {
		return nil, fmt.Errorf("check-ins: %w", err)
	}
	for _, c := range cs {
		get(c.Night).rec.Checkin = c
	}

	runs, err := readRuns(ctx, tx, lo, hi, d == whole)
	if err != nil {
		return nil, err
	}
	for _, r := range runs {
		n := get(r.night)
		n.rec.Runs = append(n.rec.Runs, r.run)
		n.runIDs = append(n.runIDs, r.id)
	}

	evs, err := readEvents(ctx, tx, lo, hi)
	if err != nil {
		return nil, fmt.Errorf("flare-ups: %w", err)
	}
	for _, e := range evs {
		n := get(e.Night)
		n.rec.Events = append(n.rec.Events, e)
	}
	if d == whole {
		taken, err := readTaken(ctx, tx, "WHERE night BETWEEN ? AND ?", lo, hi)
		if err != nil {
			return nil, fmt.Errorf("doses: %w", err)
		}
		for _, d := range taken {
			n := get(d.Night)
			n.rec.Taken = append(n.rec.Taken, d)
		}
	}

	slices.SortFunc(ns, func(a, b *storedNight) int { return strings.Compare(a.rec.Night, b.rec.Night) })
	return ns, nil
}

// nightRun is a run as read, with its session id and night.
type nightRun struct {
	id    int64
	night string
	run   night.Run
	// started is started_at as stored, the order runs are read in.
	started string
}

// readRuns reads the runs of nights in [lo, hi] in the order they started,
// with their steps when withSteps: only what a night's record holds, not
// all of a Session.
func readRuns(ctx context.Context, tx *sql.Tx, lo, hi string, withSteps bool) ([]*nightRun, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, night, routine, routine_title, status, started_at,
		utc_offset, ended_at, planned_ms, speed, flare FROM sessions WHERE night BETWEEN ? AND ?`, lo, hi)
	if err != nil {
		return nil, fmt.Errorf("sessions: %w", err)
	}
	defer rows.Close()
	var runs []*nightRun
	byID := map[int64]*nightRun{}
	for rows.Next() {
		var (
			r       = new(nightRun)
			status  string
			started string
			ended   sql.NullString
			offset  int64
			planned int64
		)
		if err := rows.Scan(&r.id, &r.night, &r.run.Routine, &r.run.Title, &status, &started, &offset, &ended, &planned, &r.run.Speed, &r.run.Flare); err != nil {
			return nil, fmt.Errorf("sessions: %w", err)
		}
		zone := time.FixedZone("", int(offset))
		if r.run.StartedAt, err = parseTime(started, zone); err != nil {
			return nil, fmt.Errorf("session %d: started_at: %w", r.id, err)
		}
		if ended.Valid {
			if r.run.EndedAt, err = parseTime(ended.String, zone); err != nil {
				return nil, fmt.Errorf("session %d: ended_at: %w", r.id, err)
			}
		}
		r.run.Status = routine.Status(status)
		r.run.Planned = fromMillis(planned)
		r.started = started
		runs = append(runs, r)
		byID[r.id] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sessions: %w", err)
	}
	rows.Close() // one connection: close before the next query
	if len(runs) == 0 {
		return nil, nil
	}
	// ORDER BY started_at, id, sorted here: SQLite would copy every row
	// into a sorter and out again.
	slices.SortFunc(runs, func(a, b *nightRun) int {
		return cmp.Or(strings.Compare(a.started, b.started), cmp.Compare(a.id, b.id))
	})
	if !withSteps {
		return runs, nil
	}

	// A range of the primary key rather than a join: the sessions of a
	// range of nights are mostly consecutive, and the steps of any others
	// are skipped.
	minID, maxID := runs[0].id, runs[0].id
	for _, r := range runs {
		minID, maxID = min(minID, r.id), max(maxID, r.id)
	}
	addSteps := func(id int64, steps []routine.StepResult) {
		if r, ok := byID[id]; ok {
			r.run.Steps = steps
		}
	}
	if err := scanSteps(ctx, tx, addSteps, "session_id BETWEEN ? AND ?", minID, maxID); err != nil {
		return nil, fmt.Errorf("session steps: %w", err)
	}
	return runs, nil
}

// NightRange reports the first and last nights that have any record, and
// how many nights do; n is 0 for an empty database. Screens use it to page
// through history without reading it all.
func (s *Store) NightRange(ctx context.Context) (first, last string, n int, err error) {
	var lo, hi sql.NullString
	err = s.db.QueryRowContext(ctx, `SELECT min(night), max(night), count(*) FROM (
		SELECT night FROM sessions UNION SELECT night FROM evenings UNION SELECT night FROM checkins
		UNION SELECT night FROM events
		UNION SELECT night FROM taken)`).
		Scan(&lo, &hi, &n)
	if err != nil {
		return "", "", 0, fmt.Errorf("read the range of nights: %w", err)
	}
	return lo.String, hi.String, n, nil
}
