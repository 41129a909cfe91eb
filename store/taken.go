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
)

// UpdateTaken reads the doses filed under the night date, passes them to
// fn, and saves what fn returns as the night's doses, in one transaction,
// as UpdateEvening does. fn's error, and a *night.FieldError for an
// invalid dose, are returned unwrapped.
func (s *Store) UpdateTaken(ctx context.Context, date string, fn func(old []night.Dose) ([]night.Dose, error)) error {
	if err := checkNight(date); err != nil {
		return err
	}
	var refused error
	err := s.write(ctx, func(tx *sql.Tx) error {
		old, err := readTaken(ctx, tx, "WHERE night = ?", date)
		if err != nil {
			return err
		}
		ds, err := fn(old)
		if err != nil {
			refused = err
			return err
		}
		for i := range ds {
			ds[i].Night = date
			if err := validateDose(ds[i]); err != nil {
				refused = err
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM taken WHERE night = ?", date); err != nil {
			return err
		}
		for _, d := range ds {
			if err := insertDose(ctx, tx, d); err != nil {
				return err
			}
		}
		return nil
	})
	if refused != nil {
		return refused
	}
	if err != nil {
		return fmt.Errorf("save what was taken on the night of %s: %w", date, err)
	}
	return nil
}

// KnownDoses are the different doses (name and amount) recorded on any
// night, the latest taken first, at most limit of them, each with when
// it was last taken: what a list offers to tick again.
func (s *Store) KnownDoses(ctx context.Context, limit int) ([]night.Dose, error) {
	var ds []night.Dose
	err := s.read(ctx, func(tx *sql.Tx) error {
		// The latest night first; within a night, the latest taken (times
		// of one night share an offset but at a change of clocks).
		rows, err := tx.QueryContext(ctx, `SELECT name, amount, max(night) AS last, max(taken_at) AS latest FROM taken
			GROUP BY name, amount ORDER BY last DESC, latest DESC LIMIT ?`, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d night.Dose
			var latest string
			if err := rows.Scan(&d.Name, &d.Amount, &d.Night, &latest); err != nil {
				return err
			}
			ds = append(ds, d)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read earlier doses from %s: %w", s.path, err)
	}
	return ds, nil
}

func validateDose(d night.Dose) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return storable(night.FieldTookAt, d.At)
}

func insertDose(ctx context.Context, tx execer, d night.Dose) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO taken (night, name, amount, taken_at) VALUES (?, ?, ?, ?)",
		d.Night, d.Name, d.Amount, formatLocal(d.At))
	return err
}

// readTaken reads the doses a clause after FROM picks, in the order they
// were taken.
func readTaken(ctx context.Context, tx *sql.Tx, clause string, args ...any) ([]night.Dose, error) {
	rows, err := tx.QueryContext(ctx, "SELECT night, name, amount, taken_at FROM taken "+clause+" ORDER BY night, id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ds []night.Dose
	for rows.Next() {
		var d night.Dose
		var at string
		if err := rows.Scan(&d.Night, &d.Name, &d.Amount, &at); err != nil {
			return nil, err
		}
		if d.At, err = parseLocal(at); err != nil {
			return nil, fmt.Errorf("dose on the night of %s: taken_at: %w", d.Night, err)
		}
		ds = append(ds, d)
	}
	// In the order taken within each night, whatever order they were
	// saved or imported in.
	slices.SortStableFunc(ds, func(a, b night.Dose) int {
		return cmp.Or(strings.Compare(a.Night, b.Night), a.At.Compare(b.At))
	})
	return ds, rows.Err()
}

// doseKey identifies a dose across imports: its words and instant.
type doseKey struct{ name, amount, at string }

func doseKeyOf(d night.Dose) doseKey {
	return doseKey{d.Name, d.Amount, d.At.UTC().Format(time.RFC3339)}
}

// UpdateLab reads the iron results of date, passes them to fn (with
// whether there were any) and saves what fn returns, in one transaction.
func (s *Store) UpdateLab(ctx context.Context, date string, fn func(old night.Lab, existed bool) (night.Lab, error)) error {
	var refused error
	err := s.write(ctx, func(tx *sql.Tx) error {
		ls, err := readLabs(ctx, tx, "WHERE date = ?", date)
		if err != nil {
			return err
		}
		old := night.Lab{Date: date}
		if len(ls) > 0 {
			old = ls[0]
		}
		l, err := fn(old, len(ls) > 0)
		if err != nil {
			refused = err
			return err
		}
		l.Date = date
		if err := l.Validate(); err != nil {
			refused = err
			return err
		}
		return upsertLab(ctx, tx, l)
	})
	if refused != nil {
		return refused
	}
	if err != nil {
		return fmt.Errorf("save the results of %s: %w", date, err)
	}
	return nil
}

// Labs reads every set of iron results, in date order.
func (s *Store) Labs(ctx context.Context) ([]night.Lab, error) {
	var ls []night.Lab
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		ls, err = readLabs(ctx, tx, "")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read results from %s: %w", s.path, err)
	}
	return ls, nil
}

// checkLabs checks every result of an import before anything is written.
func checkLabs(labs []night.Lab) error {
	for _, l := range labs {
		if err := l.Validate(); err != nil {
			return fmt.Errorf("results of %s: %w", l.Date, err)
		}
	}
	return nil
}

// importLabs merges results by date inside an import's transaction:
// added and updated count the dates new and replaced.
func importLabs(ctx context.Context, tx *sql.Tx, labs []night.Lab) (added, updated int, err error) {
	if len(labs) == 0 {
		return 0, 0, nil
	}
	stored, err := readLabs(ctx, tx, "")
	if err != nil {
		return 0, 0, err
	}
	byDate := map[string]night.Lab{}
	for _, l := range stored {
		byDate[l.Date] = l
	}
	for _, l := range labs {
		old, had := byDate[l.Date]
		if had && sameLab(old, l) {
			continue
		}
		if err := upsertLab(ctx, tx, l); err != nil {
			return 0, 0, fmt.Errorf("results of %s: %w", l.Date, err)
		}
		if had {
			updated++
		} else {
			added++
		}
	}
	return added, updated, nil
}

func sameLab(a, b night.Lab) bool {
	eq := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.Date == b.Date && a.Note == b.Note && eq(a.Ferritin, b.Ferritin) && eq(a.TSAT, b.TSAT)
}

// DeleteLab deletes the results of date in one transaction, returning
// them and whether there were any.
func (s *Store) DeleteLab(ctx context.Context, date string) (night.Lab, bool, error) {
	var old night.Lab
	var had bool
	err := s.write(ctx, func(tx *sql.Tx) error {
		ls, err := readLabs(ctx, tx, "WHERE date = ?", date)
		if err != nil || len(ls) == 0 {
			return err
		}
		old, had = ls[0], true
		_, err = tx.ExecContext(ctx, "DELETE FROM labs WHERE date = ?", date)
		return err
	})
	if err != nil {
		return night.Lab{}, false, fmt.Errorf("delete the results of %s from %s: %w", date, s.path, err)
	}
	return old, had, nil
}

func upsertLab(ctx context.Context, tx execer, l night.Lab) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO labs (date, ferritin, tsat, note) VALUES (?, ?, ?, ?)
		ON CONFLICT (date) DO UPDATE SET ferritin = excluded.ferritin, tsat = excluded.tsat, note = excluded.note`,
		l.Date, nullFloat(l.Ferritin), nullFloat(l.TSAT), l.Note)
	return err
}

func readLabs(ctx context.Context, tx *sql.Tx, clause string, args ...any) ([]night.Lab, error) {
	rows, err := tx.QueryContext(ctx, "SELECT date, ferritin, tsat, note FROM labs "+clause+" ORDER BY date", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ls []night.Lab
	for rows.Next() {
		var l night.Lab
		var fer, tsat sql.NullFloat64
		if err := rows.Scan(&l.Date, &fer, &tsat, &l.Note); err != nil {
			return nil, err
		}
		if fer.Valid {
			l.Ferritin = &fer.Float64
		}
		if tsat.Valid {
			l.TSAT = &tsat.Float64
		}
		ls = append(ls, l)
	}
	return ls, rows.Err()
}

func nullFloat(f *float64) sql.NullFloat64 {
	if f == nil {
		return sql.NullFloat64{}
	}
	return sql.NullFloat64{Float64: *f, Valid: true}
}
