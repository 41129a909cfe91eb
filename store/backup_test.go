package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

func TestBackupWhileAnotherStoreWrites(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	writer, reader := openTest(t, path), openTest(t, path)

	const maxWrites = 2000
	started, stop, done := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		d := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range maxWrites {
			e := night.Evening{Night: d.AddDate(0, 0, i).Format(night.Layout), Symptoms: intp(i % 11),
				Tags: []string{"alcohol", "caffeine", fmt.Sprintf("t%d", i)}}
			if err := writer.SaveEvening(ctx, e); err != nil {
				done <- err
				return
			}
			if i == 0 {
				close(started)
			}
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
		}
		done <- nil
	}()
	<-started
	bak := filepath.Join(dir, "copy.db")
	err := reader.Backup(ctx, bak)
	close(stop)
	if werr := <-done; werr != nil {
		t.Fatalf("writer: %v", werr)
	}
	if err != nil {
		t.Fatal(err)
	}
	if got := perm(t, bak); got != 0o600 {
		t.Errorf("backup has mode %v, want 0600", got)
	}

	// Every evening in the copy is whole: a transaction is in it or not.
	db := rawDB(t, bak)
	var check string
	var copied, torn, total int
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	if err := db.QueryRow("SELECT count(*) FROM evenings").Scan(&copied); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM evenings e
		WHERE (SELECT count(*) FROM evening_tags t WHERE t.night = e.night) <> 3`).Scan(&torn); err != nil {
		t.Fatal(err)
	}
	if err := writer.db.QueryRow("SELECT count(*) FROM evenings").Scan(&total); err != nil {
		t.Fatal(err)
	}
	t.Logf("the copy has %d of the %d evenings written", copied, total)
	if copied < 1 || copied > total || torn != 0 {
		t.Errorf("copy has %d evenings (%d torn); %d were written", copied, torn, total)
	}
	s := openTest(t, bak)
	if v, err := s.SchemaVersion(ctx); err != nil || v != LatestSchemaVersion {
		t.Errorf("copy's SchemaVersion = %d, %v", v, err)
	}
}

func TestBackupRefusesWithoutChanging(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string) // what is at path before
		want string
	}{
		{"a file", func(t *testing.T, path string) { writeFile(t, path, []byte("keep me")) }, "already exists"},
		{"an empty file", func(t *testing.T, path string) { writeFile(t, path, nil) }, "already exists"},
		{"a dangling link", func(t *testing.T, path string) {
			if err := os.Symlink(filepath.Join(filepath.Dir(path), "nowhere"), path); err != nil {
				t.Skip(err)
			}
		}, "already exists"},
		{"no folder", func(t *testing.T, path string) { os.Remove(filepath.Dir(path)) }, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
			dst := filepath.Join(t.TempDir(), "backup.db")
			tt.make(t, dst)
			before, _ := os.Lstat(dst)
			err := s.Backup(context.Background(), dst)
			if err == nil || !strings.Contains(err.Error(), tt.want) ||
				!strings.Contains(err.Error(), s.Path()) || !strings.Contains(err.Error(), dst) {
				t.Fatalf("Backup error = %v, want it to name both paths and say %q", err, tt.want)
			}
			after, _ := os.Lstat(dst)
			if (before == nil) != (after == nil) || before != nil &&
				(before.Size() != after.Size() || before.Mode() != after.Mode() || before.ModTime() != after.ModTime()) {
				t.Error("Backup changed what was at the path")
			}
		})
	}
}

// v1Database makes a closed schema-version-1 database at path with one run.
func v1Database(t *testing.T, path string) {
	t.Helper()
	s, err := open(path, time.Now, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartRun(context.Background(), testNewSession(time.Date(2026, 11, 22, 22, 0, 0, 0, time.UTC))); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// backupNames lists the names in dir that start with prefix, sorted.
func backupNames(t *testing.T, dir, prefix string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && strings.HasSuffix(e.Name(), ".bak") {
			names = append(names, e.Name())
		}
	}
	return names
}

func TestBackupBeforeMigrate(t *testing.T) {
	clock := time.Date(2026, 11, 23, 6, 15, 0, 5e8, berlin(t)) // 05:15:00.5 UTC
	const made = "q.db.v1-20261123T051500.500000000Z.bak"
	tests := []struct {
		name    string
		before  func(t *testing.T, path string)
		present []string // files made before opening
		want    []string // backups after opening, sorted
	}{
		{"fresh database", func(*testing.T, string) {}, nil, nil},
		{"up to date", func(t *testing.T, path string) { quietlegsDB(t, path) }, nil, nil},
		{"version 1", v1Database, nil, []string{made}},
		{"made this second by another quietlegs", v1Database, []string{made}, []string{made}},
		{"keeps the newest three", v1Database,
			[]string{"q.db.v1-20250101T000000Z.bak", "q.db.v1-20260301T000000Z.bak",
				"q.db.v1-20260101T000000Z.bak", "q.db.v1-20260201T000000Z.bak"},
			[]string{"q.db.v1-20260201T000000Z.bak", "q.db.v1-20260301T000000Z.bak", made}},
		// Names by the second, from earlier versions, rotate with the new:
		// one made earlier the same second is older.
		{"keeps the newest three of old and new names", v1Database,
			[]string{"q.db.v1-20261123T051500Z.bak", "q.db.v1-20261123T051500.400000000Z.bak",
				"q.db.v1-20260101T000000.000000001Z.bak", "q.db.v1-20250101T000000Z.bak"},
			[]string{"q.db.v1-20261123T051500.400000000Z.bak", made, "q.db.v1-20261123T051500Z.bak"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "q.db")
			tt.before(t, path)
			for _, name := range tt.present {
				writeFile(t, filepath.Join(dir, name), []byte("old"))
			}
			// Not backups of this database: never touched.
			others := []string{"q.db.v1-20200101T000000Z.bak.old", "other.db.v1-20200101T000000Z.bak",
				"q.db.v1-latest.bak", "q.db.vx-20200101T000000Z.bak", "xq.db.v1-20200101T000000Z.bak"}
			for _, name := range others {
				writeFile(t, filepath.Join(dir, name), []byte("other"))
			}
			s, err := open(path, func() time.Time { return clock }, LatestSchemaVersion)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			var got []string
			for _, name := range backupNames(t, dir, "q.db.v") {
				if !slices.Contains(others, name) {
					got = append(got, name)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("backups %v, want %v", got, tt.want)
			}
			for _, name := range others {
				if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
					t.Errorf("unrelated file %s: %v", name, err)
				}
			}
			if slices.Contains(tt.want, made) && !slices.Contains(tt.present, made) {
				checkV1Backup(t, filepath.Join(dir, made))
			}
		})
	}
}

// checkV1Backup checks a backup made before migrating the database that
// v1Database makes: private, version 1, its run intact.
func checkV1Backup(t *testing.T, path string) {
	t.Helper()
	if got := perm(t, path); got != 0o600 {
		t.Errorf("backup has mode %v, want 0600", got)
	}
	var version, sessions int
	db := rawDB(t, path)
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("SELECT count(*) FROM sessions").Scan(&sessions); err != nil {
		t.Fatal(err)
	}
	if version != 1 || sessions != 1 {
		t.Errorf("backup has schema version %d and %d sessions, want 1 and 1", version, sessions)
	}
}
