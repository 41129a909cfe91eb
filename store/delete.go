package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/quietlegs/quietlegs/journal"
)

// DeleteNight deletes part of what is filed under the night date (all of
// it for journal.AllParts) in one BEGIN IMMEDIATE transaction: the evening
// log with its ticked items, the check-in, the runs with their steps, and
// (deleting all of it) the flare-ups.
// The children are deleted by name rather than left to ON DELETE CASCADE,
// so nothing hangs on a connection's foreign_keys setting. A part the night
// lacks is no error.
func (s *Store) DeleteNight(ctx context.Context, date string, part journal.Part) error {
	if err := checkNight(date); err != nil {
		return err
	}
	if _, err := journal.ParsePart(string(part)); err != nil {
		return err
	}
	var stmts []string
	if part.Has(journal.EveningPart) {
		stmts = append(stmts, "DELETE FROM evening_tags WHERE night = ?", "DELETE FROM evenings WHERE night = ?",
			"DELETE FROM taken WHERE night = ?") // "Taken tonight" is part of the evening log
	}
	if part.Has(journal.CheckinPart) {
		stmts = append(stmts, "DELETE FROM checkins WHERE night = ?")
	}
	if part.Has(journal.RunsPart) {
		stmts = append(stmts,
			"DELETE FROM session_steps WHERE session_id IN (SELECT id FROM sessions WHERE night = ?)",
			"DELETE FROM sessions WHERE night = ?")
	}
	if part == journal.AllParts {
		stmts = append(stmts, "DELETE FROM events WHERE night = ?")
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, q := range stmts {
			if _, err := tx.ExecContext(ctx, q, date); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete night %s from %s: %w", date, s.path, err)
	}
	return nil
}
