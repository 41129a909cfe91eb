package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// SaveCheckin saves the morning check-in for c.Night, replacing any saved
// before, so a second check-in for a night edits the first. RecordedAt is
// set to now. An invalid check-in is refused with a *night.FieldError,
// unwrapped: Validate's, or one for a bad night or a missing time.
func (s *Store) SaveCheckin(ctx context.Context, c night.Checkin) error {
	c.RecordedAt = s.now()
	if err := validateCheckin(c); err != nil {
		return err
	}
	row := checkinRowOf(c)
	err := s.write(ctx, func(tx *sql.Tx) error { return upsertCheckin(ctx, tx, row) })
	if err != nil {
		return fmt.Errorf("save check-in of %s: %w", c.Night, err)
	}
	return nil
}

// UpdateCheckin reads the check-in of the night date, passes it to fn and
// saves what fn returns, in one BEGIN IMMEDIATE transaction: the write lock
// is taken before the read, so a concurrent change to the same night waits
// for this one and then sees it. RecordedAt is set to now. fn's error, and
// a *night.FieldError for an invalid check-in, are returned unwrapped.
func (s *Store) UpdateCheckin(ctx context.Context, date string, fn func(night.Checkin, bool) (night.Checkin, error)) error {
	if err := checkNight(date); err != nil {
		return err
	}
	var refused error
	err := s.write(ctx, func(tx *sql.Tx) error {
		cs, err := scanCheckins(ctx, tx, "WHERE night = ?", date) // rows closed on return
		if err != nil {
			return err
		}
		var old night.Checkin
		if len(cs) > 0 {
			old = *cs[0]
		}
		c, err := fn(old, len(cs) > 0)
		if err != nil {
			refused = err
			return err
		}
		c.Night, c.RecordedAt = date, s.now()
		if err := validateCheckin(c); err != nil {
			refused = err
			return err
		}
		return upsertCheckin(ctx, tx, checkinRowOf(c))
	})
	if refused != nil {
		return refused
	}
	if err != nil {
		return fmt.Errorf("save check-in of %s: %w", date, err)
	}
	return nil
}

// Checkin reads the check-in of the night date, reporting false when there
// is none.
func (s *Store) Checkin(ctx context.Context, date string) (night.Checkin, bool, error) {
	if err := checkNight(date); err != nil {
		return night.Checkin{}, false, fmt.Errorf("read check-in: %w", err)
	}
	cs, err := s.readCheckins(ctx, "WHERE night = ?", date)
	if err != nil {
		return night.Checkin{}, false, fmt.Errorf("read check-in of %s: %w", date, err)
	}
	if len(cs) == 0 {
		return night.Checkin{}, false, nil
	}
	return *cs[0], true, nil
}

// LatestCheckin reads the check-in of the latest night that has one,
// reporting false when there is none.
func (s *Store) LatestCheckin(ctx context.Context) (night.Checkin, bool, error) {
	cs, err := s.readCheckins(ctx, "ORDER BY night DESC LIMIT 1")
	if err != nil {
		return night.Checkin{}, false, fmt.Errorf("read latest check-in: %w", err)
	}
	if len(cs) == 0 {
		return night.Checkin{}, false, nil
	}
	return *cs[0], true, nil
}

func (s *Store) readCheckins(ctx context.Context, clause string, args ...any) ([]*night.Checkin, error) {
	var cs []*night.Checkin
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		cs, err = scanCheckins(ctx, tx, clause, args...)
		return err
	})
	return cs, err
}

// checkinRow is a check-in as stored, for writing and comparing.
type checkinRow struct {
	night                                  string
	inBed, triedSleep, finalWake, outOfBed string
	latency, awakenings, awakeMin          int
	quality, rested, rlsSeverity, gotUp    int
	onset, notes                           string
	recordedAt                             sql.NullString
	legs                                   legRow
}

// legRow is the check-in's optional leg items as stored: NULL when not
// said.
type legRow struct {
	onsetAt, side, partner sql.NullString
	arms                   sql.NullBool
	worst, lastedMin       sql.NullInt64
}

func legRowOf(c night.Checkin) legRow {
	return legRow{onsetAt: nullLocal(c.OnsetAt), side: nullText(string(c.Side)), partner: nullText(string(c.Partner)),
		arms: nullBool(c.Arms), worst: nullInt(c.Worst), lastedMin: nullInt(c.LastedMin)}
}

// setLegs reads the stored leg items into c.
func (r legRow) setLegs(c *night.Checkin) error {
	var err error
	if c.OnsetAt, err = parseNullLocal(r.onsetAt); err != nil {
		return fmt.Errorf("onset_at: %w", err)
	}
	c.Side, c.Partner = night.Side(r.side.String), night.Partner(r.partner.String)
	if r.arms.Valid {
		c.Arms = &r.arms.Bool
	}
	c.Worst, c.LastedMin = intOf(r.worst), intOf(r.lastedMin)
	return nil
}

func nullText(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

func nullBool(b *bool) sql.NullBool {
	if b == nil {
		return sql.NullBool{}
	}
	return sql.NullBool{Bool: *b, Valid: true}
}

func nullInt(n *int) sql.NullInt64 {
	if n == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: int64(*n), Valid: true}
}

func intOf(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

func checkinRowOf(c night.Checkin) checkinRow {
	return checkinRow{
		night: c.Night,
		inBed: formatLocal(c.InBed), triedSleep: formatLocal(c.TriedSleep),
		finalWake: formatLocal(c.FinalWake), outOfBed: formatLocal(c.OutOfBed),
		latency: c.LatencyMin, awakenings: c.Awakenings, awakeMin: c.AwakeMin,
		quality: c.Quality, rested: c.Rested, rlsSeverity: c.RLSSeverity, gotUp: c.GotUp,
		onset: string(c.Onset), notes: c.Notes, recordedAt: nullLocal(c.RecordedAt), legs: legRowOf(c),
	}
}

func upsertCheckin(ctx context.Context, tx execer, r checkinRow) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO checkins (night, in_bed, tried_sleep, final_wake, out_of_bed,
		latency_min, awakenings, awake_min, quality, rested, rls_severity, onset, got_up, notes, recorded_at,
		onset_at, side, arms, worst, lasted_min, partner_noticed)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (night) DO UPDATE SET in_bed = excluded.in_bed, tried_sleep = excluded.tried_sleep,
		final_wake = excluded.final_wake, out_of_bed = excluded.out_of_bed, latency_min = excluded.latency_min,
		awakenings = excluded.awakenings, awake_min = excluded.awake_min, quality = excluded.quality,
		rested = excluded.rested, rls_severity = excluded.rls_severity, onset = excluded.onset,
		got_up = excluded.got_up, notes = excluded.notes, recorded_at = excluded.recorded_at,
		onset_at = excluded.onset_at, side = excluded.side, arms = excluded.arms, worst = excluded.worst,
		lasted_min = excluded.lasted_min, partner_noticed = excluded.partner_noticed`,
		r.night, r.inBed, r.triedSleep, r.finalWake, r.outOfBed, r.latency, r.awakenings, r.awakeMin,
		r.quality, r.rested, r.rlsSeverity, r.onset, r.gotUp, r.notes, r.recordedAt,
		r.legs.onsetAt, r.legs.side, r.legs.arms, r.legs.worst, r.legs.lastedMin, r.legs.partner)
	return err
}

// scanCheckins reads the check-ins a clause after FROM picks.
func scanCheckins(ctx context.Context, tx *sql.Tx, clause string, args ...any) ([]*night.Checkin, error) {
	rows, err := tx.QueryContext(ctx, `SELECT night, in_bed, tried_sleep, final_wake, out_of_bed,
		latency_min, awakenings, awake_min, quality, rested, rls_severity, onset, got_up, notes, recorded_at,
		onset_at, side, arms, worst, lasted_min, partner_noticed
		FROM checkins `+clause, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cs []*night.Checkin
	for rows.Next() {
		var (
			c          = new(night.Checkin)
			times      [4]string
			onset      string
			recordedAt sql.NullString
			legs       legRow
		)
		if err := rows.Scan(&c.Night, &times[0], &times[1], &times[2], &times[3],
			&c.LatencyMin, &c.Awakenings, &c.AwakeMin, &c.Quality, &c.Rested, &c.RLSSeverity,
			&onset, &c.GotUp, &c.Notes, &recordedAt,
			&legs.onsetAt, &legs.side, &legs.arms, &legs.worst, &legs.lastedMin, &legs.partner); err != nil {
			return nil, err
		}
		if err := legs.setLegs(c); err != nil {
			return nil, fmt.Errorf("check-in of %s: %w", c.Night, err)
		}
		for i, dst := range []*time.Time{&c.InBed, &c.TriedSleep, &c.FinalWake, &c.OutOfBed} {
			if *dst, err = parseLocal(times[i]); err != nil {
				return nil, fmt.Errorf("check-in of %s: %w", c.Night, err)
			}
		}
		if c.RecordedAt, err = parseNullLocal(recordedAt); err != nil {
			return nil, fmt.Errorf("check-in of %s: recorded_at: %w", c.Night, err)
		}
		c.Onset = night.Onset(onset)
		cs = append(cs, c)
	}
	return cs, rows.Err()
}
