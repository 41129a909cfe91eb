package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// localLayout stores evening and check-in times: RFC 3339 with the local
// offset, whole seconds.
const localLayout = time.RFC3339

// Night bounds for an open-ended range; every stored night sorts between.
const (
	firstNight = "0000-00-00"
	lastNight  = "9999-99-99"
)

// SaveEvening saves the evening log for e.Night, replacing any saved
// before: its tags are replaced as a set. A zero e.At is saved as now. An
// invalid log is refused with Validate's *night.FieldError, unwrapped.
func (s *Store) SaveEvening(ctx context.Context, e night.Evening) error {
	if e.At.IsZero() {
		e.At = s.now()
	}
	if err := validateEvening(e); err != nil {
		return err
	}
	row := eveningRowOf(e)
	err := s.write(ctx, func(tx *sql.Tx) error { return upsertEvening(ctx, tx, e.Night, row, true) })
	if err != nil {
		return fmt.Errorf("save evening log of %s: %w", e.Night, err)
	}
	return nil
}

// UpdateEvening reads the evening log of the night date, passes it to fn
// and saves what fn returns, in one BEGIN IMMEDIATE transaction, as
// UpdateCheckin does. A zero At is saved as now. fn's error, and a
// *night.FieldError for an invalid log, are returned unwrapped.
func (s *Store) UpdateEvening(ctx context.Context, date string, fn func(night.Evening, bool) (night.Evening, error)) error {
	if err := checkNight(date); err != nil {
		return err
	}
	var refused error
	err := s.write(ctx, func(tx *sql.Tx) error {
		es, err := readEvenings(ctx, tx, date, date) // rows closed on return
		if err != nil {
			return err
		}
		old := night.Evening{Night: date}
		if len(es) > 0 {
			old = *es[0]
		}
		e, err := fn(old, len(es) > 0)
		if err != nil {
			refused = err
			return err
		}
		e.Night = date
		if e.At.IsZero() {
			e.At = s.now()
		}
		if err := validateEvening(e); err != nil {
			refused = err
			return err
		}
		return upsertEvening(ctx, tx, date, eveningRowOf(e), len(es) > 0)
	})
	if refused != nil {
		return refused
	}
	if err != nil {
		return fmt.Errorf("save evening log of %s: %w", date, err)
	}
	return nil
}

// Evening reads the evening log of the night date, reporting false when
// there is none.
func (s *Store) Evening(ctx context.Context, date string) (night.Evening, bool, error) {
	if err := checkNight(date); err != nil {
		return night.Evening{}, false, fmt.Errorf("read evening log: %w", err)
	}
	var es []*night.Evening
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		es, err = readEvenings(ctx, tx, date, date)
		return err
	})
	if err != nil {
		return night.Evening{}, false, fmt.Errorf("read evening log of %s: %w", date, err)
	}
	if len(es) == 0 {
		return night.Evening{}, false, nil
	}
	return *es[0], true, nil
}

// read runs fn in one read transaction.
func (s *Store) read(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// validateEvening is Evening.Validate plus what storing needs.
func validateEvening(e night.Evening) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if !e.At.IsZero() {
		return storable("at", e.At)
	}
	return nil
}

// validateCheckin is Checkin.Validate plus what it leaves to the caller: a
// real night and all four times.
func validateCheckin(c night.Checkin) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := checkNight(c.Night); err != nil {
		return err
	}
	for _, f := range []struct {
		field night.Field
		t     time.Time
	}{{night.FieldInBed, c.InBed}, {night.FieldTried, c.TriedSleep}, {night.FieldFinal, c.FinalWake}, {night.FieldOut, c.OutOfBed}} {
		if f.t.IsZero() {
			return &night.FieldError{Field: f.field, Msg: "missing"}
		}
		if err := storable(f.field, f.t); err != nil {
			return err
		}
	}
	if !c.RecordedAt.IsZero() {
		return storable("recorded-at", c.RecordedAt)
	}
	return nil
}

// checkNight refuses a night that is not a YYYY-MM-DD date.
func checkNight(date string) error {
	if _, err := time.Parse(night.Layout, date); err != nil {
		return &night.FieldError{Field: night.FieldNight, Msg: fmt.Sprintf("%q is not a date (YYYY-MM-DD)", date)}
	}
	return nil
}

// storable refuses a time that would not read back: outside years 1-9999
// or with an offset beyond 18 hours.
func storable(field night.Field, t time.Time) error {
	_, off := t.Zone()
	if y := t.UTC().Year(); y < 1 || y > 9999 || t.Year() < 1 || t.Year() > 9999 {
		return &night.FieldError{Field: field, Msg: fmt.Sprintf("year %d is out of range", t.Year())}
	}
	if off < -18*3600 || off > 18*3600 {
		return &night.FieldError{Field: field, Msg: fmt.Sprintf("UTC offset %ds is out of range", off)}
	}
	return nil
}

func formatLocal(t time.Time) string { return t.Format(localLayout) }

// parseLocal reads a stored local time in a fixed zone with its offset.
func parseLocal(s string) (time.Time, error) {
	t, err := time.Parse(localLayout, s)
	if err != nil {
		return time.Time{}, err
	}
	_, off := t.Zone()
	return t.In(time.FixedZone("", off)), nil
}

// nullLocal is a stored local time, NULL for a zero time.
func nullLocal(t time.Time) sql.NullString {
	if t.IsZero() {
		return sql.NullString{}
	}
	return sql.NullString{String: formatLocal(t), Valid: true}
}

func parseNullLocal(ns sql.NullString) (time.Time, error) {
	if !ns.Valid {
		return time.Time{}, nil
	}
	return parseLocal(ns.String)
}

// eveningRow is an evening log as stored, for writing and comparing.
type eveningRow struct {
	loggedAt sql.NullString
	symptoms sql.NullInt64
	note     string
	tags     []string // sorted, without repeats
	answered bool     // the checklist was answered
	roomTemp sql.NullFloat64
	bedding  sql.NullString
}

func eveningRowOf(e night.Evening) eveningRow {
	r := eveningRow{loggedAt: nullLocal(e.At), note: e.Note, answered: !e.ChecklistSkipped}
	if e.Symptoms != nil {
		r.symptoms = sql.NullInt64{Int64: int64(*e.Symptoms), Valid: true}
	}
	r.tags = slices.Compact(slices.Sorted(slices.Values(e.Tags)))
	if e.RoomTempC != nil {
		r.roomTemp = sql.NullFloat64{Float64: *e.RoomTempC, Valid: true}
	}
	r.bedding = nullText(e.Bedding)
	return r
}

func (r eveningRow) equal(o eveningRow) bool {
	return r.loggedAt == o.loggedAt && r.symptoms == o.symptoms && r.note == o.note && r.answered == o.answered &&
		r.roomTemp == o.roomTemp && r.bedding == o.bedding && slices.Equal(r.tags, o.tags)
}

// upsertEvening writes an evening log and replaces its tags; hadTags false
// skips deleting tags of a log known not to exist.
func upsertEvening(ctx context.Context, tx execer, date string, r eveningRow, hadTags bool) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO evenings (night, logged_at, symptoms, note, checklist_answered,
		room_temp_c, bedding)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (night) DO UPDATE SET logged_at = excluded.logged_at,
		symptoms = excluded.symptoms, note = excluded.note, checklist_answered = excluded.checklist_answered,
		room_temp_c = excluded.room_temp_c, bedding = excluded.bedding`,
		date, r.loggedAt, r.symptoms, r.note, r.answered, r.roomTemp, r.bedding); err != nil {
		return err
	}
	if hadTags {
		if _, err := tx.ExecContext(ctx, "DELETE FROM evening_tags WHERE night = ?", date); err != nil {
			return err
		}
	}
	if len(r.tags) == 0 {
		return nil
	}
	q := "INSERT INTO evening_tags (night, tag) VALUES " + placeholders(len(r.tags), 2)
	args := make([]any, 0, 2*len(r.tags))
	for _, t := range r.tags {
		args = append(args, date, t)
	}
	_, err := tx.ExecContext(ctx, q, args...)
	return err
}

// placeholders is "(?, ?), (?, ?)" for n rows of cols values.
func placeholders(n, cols int) string {
	row := make([]byte, 0, 3*cols+1)
	row = append(row, '(')
	for i := range cols {
		if i > 0 {
			row = append(row, ", "...)
		}
		row = append(row, '?')
	}
	row = append(row, ')')
	b := make([]byte, 0, n*(len(row)+2))
	for i := range n {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, row...)
	}
	return string(b)
}

// readEvenings reads the evening logs of nights in [from, to], in date
// order, with their tags.
func readEvenings(ctx context.Context, tx *sql.Tx, from, to string) ([]*night.Evening, error) {
	rows, err := tx.QueryContext(ctx, `SELECT night, logged_at, symptoms, note, checklist_answered, room_temp_c, bedding FROM evenings
		WHERE night BETWEEN ? AND ? ORDER BY night`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var es []*night.Evening
	byNight := map[string]*night.Evening{}
	for rows.Next() {
		var (
			e        = new(night.Evening)
			loggedAt sql.NullString
			symptoms sql.NullInt64
			answered bool
			roomTemp sql.NullFloat64
			bedding  sql.NullString
		)
		if err := rows.Scan(&e.Night, &loggedAt, &symptoms, &e.Note, &answered, &roomTemp, &bedding); err != nil {
			return nil, err
		}
		if roomTemp.Valid {
			e.RoomTempC = &roomTemp.Float64
		}
		e.Bedding = bedding.String
		e.ChecklistSkipped = !answered
		if e.At, err = parseNullLocal(loggedAt); err != nil {
			return nil, fmt.Errorf("evening of %s: logged_at: %w", e.Night, err)
		}
		if symptoms.Valid {
			n := int(symptoms.Int64)
			e.Symptoms = &n
		}
		byNight[e.Night] = e
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close() // one connection: close before the next query
	if len(es) == 0 {
		return nil, nil
	}

	tags, err := tx.QueryContext(ctx, `SELECT night, tag FROM evening_tags
		WHERE night BETWEEN ? AND ? ORDER BY night, tag`, from, to)
	if err != nil {
		return nil, err
	}
	defer tags.Close()
	for tags.Next() {
		var n, tag string
		if err := tags.Scan(&n, &tag); err != nil {
			return nil, err
		}
		if e, ok := byNight[n]; ok {
			e.Tags = append(e.Tags, tag)
		}
	}
	return es, tags.Err()
}
