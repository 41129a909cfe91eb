package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// openTest opens a store at path, closing it when the test ends.
func openTest(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func perm(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func TestOpenCreatesPrivateFiles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "data", "quietlegs", "quietlegs.db")
	s := openTest(t, path)
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	for _, dir := range []string{filepath.Dir(path), filepath.Dir(filepath.Dir(path))} {
		if got := perm(t, dir); got != 0o700 {
			t.Errorf("folder %s has mode %v, want 0700", dir, got)
		}
	}
	if _, err := s.StartRun(ctx, testNewSession(time.Now())); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if got := perm(t, p); got != 0o600 {
			t.Errorf("%s has mode %v, want 0600", p, got)
		}
	}

	var journal string
	var foreignKeys, appID int
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&journal); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&foreignKeys); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		t.Fatal(err)
	}
	if journal != "wal" || foreignKeys != 1 || appID != ApplicationID {
		t.Errorf("journal_mode %q, foreign_keys %d, application_id %#x; want wal, 1, %#x",
			journal, foreignKeys, appID, ApplicationID)
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil || v != LatestSchemaVersion {
		t.Errorf("SchemaVersion = %d, %v; want %d", v, err, LatestSchemaVersion)
	}
}

func TestOpenExistingFileAndFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "q.db")
	quietlegsDB(t, path)
	if err := os.Chmod(path, 0o644); err != nil { // in case the umask narrowed it
		t.Fatal(err)
	}
	s := openTest(t, path)
	if got := perm(t, path); got != 0o600 {
		t.Errorf("existing file has mode %v after Open, want 0600", got)
	}
	if got := perm(t, dir); got != 0o755 {
		t.Errorf("existing folder has mode %v after Open, want it left at 0755", got)
	}
	want := []string{"made " + path + " readable by you alone (was 0644)"}
	if got := s.Notices(); !slices.Equal(got, want) {
		t.Errorf("notices %q, want %q", got, want)
	}
	if again := openTest(t, path); len(again.Notices()) != 0 {
		t.Errorf("notices on reopening %q, want none", again.Notices())
	}
	if v, err := s.SchemaVersion(context.Background()); err != nil || v != LatestSchemaVersion {
		t.Errorf("SchemaVersion = %d, %v; want %d", v, err, LatestSchemaVersion)
	}
}

func TestOpenTightensTheDataFolder(t *testing.T) {
	base := t.TempDir()
	t.Setenv("XDG_DATA_HOME", base)
	dir := filepath.Join(base, "quietlegs")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "quietlegs.db")
	s := openTest(t, path)
	if got := perm(t, dir); got != 0o700 {
		t.Errorf("data folder has mode %v after Open, want 0700", got)
	}
	want := []string{"made the folder " + dir + " open to you alone (was 0755)", "created a new database at " + path}
	if got := s.Notices(); !slices.Equal(got, want) {
		t.Errorf("notices %q, want %q", got, want)
	}
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.StartRun(ctx, testNewSession(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// Migrations that ran again would fail on CREATE TABLE, or wipe data.
	s = openTest(t, path)
	if v, err := s.SchemaVersion(ctx); err != nil || v != LatestSchemaVersion {
		t.Errorf("SchemaVersion = %d, %v; want %d", v, err, LatestSchemaVersion)
	}
	if _, err := s.Run(ctx, id); err != nil {
		t.Errorf("session written before reopening: %v", err)
	}
}

func TestOpenPathNeedsEscaping(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "odd ?#%&=name")
	path := filepath.Join(dir, "my db?.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartRun(context.Background(), testNewSession(time.Now())); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "my db?.db") {
			t.Errorf("stray file %q: the path was not escaped", e.Name())
		}
	}
	s = openTest(t, path)
	if ss, err := s.Runs(context.Background()); err != nil || len(ss) != 1 {
		t.Errorf("Sessions after reopening = %d sessions, %v; want 1", len(ss), err)
	}
}

// rawDB opens an SQLite file with no quietlegs settings, as another program
// would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, "_pragma=busy_timeout(5000)"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func exec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// quietlegsDB makes a real, closed quietlegs database at path.
func quietlegsDB(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartRun(context.Background(), testNewSession(time.Now())); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesWithoutChanging(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want string // in the error, besides the path
	}{
		{"random bytes", func(t *testing.T, path string) {
			b := make([]byte, 8192)
			rand.NewChaCha8([32]byte{1}).Read(b)
			writeFile(t, path, b)
		}, "file is not a database"},
		{"short text", func(t *testing.T, path string) {
			writeFile(t, path, []byte("hello\n"))
		}, "file is not a database"},
		{"sqlite cut to 100 bytes", func(t *testing.T, path string) {
			quietlegsDB(t, path)
			if err := os.Truncate(path, 100); err != nil {
				t.Fatal(err)
			}
		}, "truncated"},
		{"sqlite cut to one page", func(t *testing.T, path string) {
			quietlegsDB(t, path)
			if err := os.Truncate(path, 4096); err != nil {
				t.Fatal(err)
			}
		}, "truncated"},
		{"another program's tables", func(t *testing.T, path string) {
			exec(t, rawDB(t, path), "CREATE TABLE foo(x)", "INSERT INTO foo VALUES (1)")
		}, "not a quietlegs database (it has tables quietlegs did not make: foo)"},
		{"another program's tables, still in its WAL", func(t *testing.T, path string) {
			// Copy a WAL database while its writer is still open, as a crash
			// would leave it: the table is only in the -wal file.
			src := filepath.Join(t.TempDir(), "src.db")
			db := rawDB(t, src)
			db.SetMaxOpenConns(1)
			exec(t, db, "PRAGMA journal_mode=WAL", "CREATE TABLE foo(x)")
			for _, suffix := range []string{"", "-wal"} {
				b, err := os.ReadFile(src + suffix)
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, path+suffix, b)
			}
		}, "not a quietlegs database (it has tables quietlegs did not make: foo)"},
		{"another program's application id", func(t *testing.T, path string) {
			exec(t, rawDB(t, path), "PRAGMA application_id = 42")
		}, "not a quietlegs database (application id 0x2a)"},
		{"another program's schema version", func(t *testing.T, path string) {
			exec(t, rawDB(t, path), "PRAGMA user_version = 3")
		}, "not a quietlegs database (schema version 3 from another program)"},
		{"newer quietlegs", func(t *testing.T, path string) {
			quietlegsDB(t, path)
			exec(t, rawDB(t, path), "PRAGMA user_version = 7")
		}, fmt.Sprintf("has schema version 7, newer than this quietlegs knows (%d); update quietlegs", LatestSchemaVersion)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "q.db")
			tt.make(t, path)
			before := hashFile(t, path)
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded, want a refusal")
			}
			msg := err.Error()
			t.Log(msg)
			if !strings.Contains(msg, path) || !strings.Contains(msg, tt.want) {
				t.Errorf("error %q, want it to name %s and say %q", msg, path, tt.want)
			}
			if after := hashFile(t, path); after != before {
				t.Error("Open changed the file it refused")
			}
		})
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func hashFile(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestMigrateRechecksInsideTransaction(t *testing.T) {
	tests := []struct{ pragma, want string }{
		{"PRAGMA user_version = 9", "has schema version 9, newer than this quietlegs knows"},
		{"PRAGMA application_id = 42", "not a quietlegs database (application id 0x2a)"},
	}
	for _, tt := range tests {
		t.Run(tt.pragma, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "q.db")
			s := openTest(t, path)
			// As if another program changed the file after Open checked it.
			if _, err := s.db.Exec(tt.pragma); err != nil {
				t.Fatal(err)
			}
			err := s.migrate(context.Background())
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("migrate error = %v, want it to name the path and say %q", err, tt.want)
			}
		})
	}
}

func TestMigrationsMatchLatestVersion(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if got := ms[len(ms)-1].version; got != LatestSchemaVersion {
		t.Errorf("last migration is %d, LatestSchemaVersion is %d", got, LatestSchemaVersion)
	}
}

// TestOpenSaysWhenItCreates: a new database is told once, so a mistyped
// --db is noticed; opening it again says nothing.
func TestOpenSaysWhenItCreates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.db")
	if got, want := openTest(t, path).Notices(), []string{"created a new database at " + path}; !slices.Equal(got, want) {
		t.Errorf("first open: notices %q, want %q", got, want)
	}
	if got := openTest(t, path).Notices(); len(got) != 0 {
		t.Errorf("second open: notices %q, want none", got)
	}
}
