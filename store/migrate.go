package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// LatestSchemaVersion is the schema version this build of quietlegs writes:
// the number of the last file in migrations/.
const LatestSchemaVersion = 5

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one embedded schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded migrations in order and checks they are
// numbered 1, 2, ... LatestSchemaVersion with no gaps.
func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries { // ReadDir sorts by name
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and '_'", e.Name())
		}
		if v != len(ms)+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", e.Name(), len(ms)+1)
		}
		b, err := fs.ReadFile(migrationFS, path.Join("migrations", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	if len(ms) != LatestSchemaVersion {
		return nil, fmt.Errorf("found %d migrations, but LatestSchemaVersion is %d", len(ms), LatestSchemaVersion)
	}
	return ms, nil
}

// SchemaVersion is the database's schema version (PRAGMA user_version).
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version of %s: %w", s.path, err)
	}
	return v, nil
}

// migrate applies each migration newer than the database, one transaction
// each, setting user_version in the same transaction. Inside each
// transaction it checks again whose database this is, so nothing is
// written to a foreign or newer database even if one appeared since Open
// looked.
func (s *Store) migrate(ctx context.Context) error {
	return s.migrateTo(ctx, LatestSchemaVersion)
}

// migrateTo is migrate stopping at schema version target, so tests can
// build databases of every released version.
func (s *Store) migrateTo(ctx context.Context, target int) error {
	ms, err := loadMigrations()
	if err != nil {
		return fmt.Errorf("open database %s: %w", s.path, err)
	}
	if target < 0 || target > len(ms) {
		return fmt.Errorf("open database %s: no schema version %d", s.path, target)
	}
	for _, m := range ms[:target] {
		applied, err := s.apply(ctx, m)
		if err != nil {
			return err
		}
		if applied {
			s.afterWrite()
		}
	}
	return nil
}

// apply runs m unless the database already has it.
func (s *Store) apply(ctx context.Context, m migration) (applied bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("open database %s: %w", s.path, err)
	}
	defer tx.Rollback() // a no-op after Commit

	var appID, version int64
	if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return false, fmt.Errorf("open database %s: %w", s.path, err)
	}
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, fmt.Errorf("open database %s: %w", s.path, err)
	}
	var tables []string
	if appID != ApplicationID {
		if tables, err = userTables(ctx, tx); err != nil {
			return false, fmt.Errorf("open database %s: %w", s.path, err)
		}
	}
	if err := checkIdentity(s.path, appID, version, tables); err != nil {
		return false, err
	}
	if version >= int64(m.version) {
		return false, nil
	}

	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("migrate database %s to version %d (%s): %w", s.path, m.version, m.name, err)
	}
	// PRAGMAs take no parameters; both values are integers from this file.
	set := fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, m.version)
	if _, err := tx.ExecContext(ctx, set); err != nil {
		return false, fmt.Errorf("migrate database %s to version %d: %w", s.path, m.version, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate database %s to version %d: %w", s.path, m.version, err)
	}
	return true, nil
}
