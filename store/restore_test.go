package store

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/regularfile/fifotest"
)

// liveDB is an open database at path with n nights from 2026-11-01.
func liveDB(t *testing.T, path string, n int) *Store {
	t.Helper()
	s := openTest(t, path)
	if _, err := s.Import(context.Background(), genNights(t, "2026-11-01", n, 2, berlin(t)), nil); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	s := liveDB(t, path, 5)
	bak := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	// Changed after the backup; the change stays in the -wal while open.
	if err := s.DeleteNight(ctx, "2026-11-03", journal.AllParts); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	res, err := Restore(ctx, path, bak)
	if err != nil {
		t.Fatal(err)
	}
	if res.Version != LatestSchemaVersion || res.Nights != 5 || !strings.HasPrefix(res.Backup, path+".restore-") {
		t.Errorf("Restore = %+v", res)
	}
	if got := perm(t, path); got != 0o600 {
		t.Errorf("restored database has mode %v, want 0600", got)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Lstat(path + suffix); err == nil {
			t.Errorf("%s left beside the restored database", suffix)
		}
	}
	if leftovers, _ := filepath.Glob(path + ".restoring-*"); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	r := openTest(t, path)
	if _, _, n, err := r.NightRange(ctx); err != nil || n != 5 {
		t.Errorf("restored database has %d nights (%v), want 5", n, err)
	}
	// The database as it was, without the night deleted, is the backup.
	old := openTest(t, res.Backup)
	if _, _, n, err := old.NightRange(ctx); err != nil || n != 4 {
		t.Errorf("the backup of the replaced database has %d nights (%v), want 4", n, err)
	}
	if got := perm(t, res.Backup); got != 0o600 {
		t.Errorf("backup has mode %v, want 0600", got)
	}
}

func TestRestoreToANewPlace(t *testing.T) {
	ctx := context.Background()
	src := filepath.Join(t.TempDir(), "q.db")
	s := liveDB(t, src, 2)
	bak := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "new", "q.db")
	res, err := Restore(ctx, path, bak)
	if err != nil || res.Backup != "" || res.Nights != 2 {
		t.Fatalf("Restore = %+v, %v", res, err)
	}
	openTest(t, path)
}

func TestRestoreOlderSchema(t *testing.T) {
	ctx := context.Background()
	old := filepath.Join(t.TempDir(), "v1.db")
	v1Database(t, old)
	path := filepath.Join(t.TempDir(), "q.db")
	res, err := Restore(ctx, path, old)
	if err != nil || res.Version != 1 || res.Nights != 1 {
		t.Fatalf("Restore = %+v, %v", res, err)
	}
	s := openTest(t, path) // migrated on opening
	if v, err := s.SchemaVersion(ctx); err != nil || v != LatestSchemaVersion {
		t.Errorf("schema version %d, %v after opening", v, err)
	}
}

// keepWAL is set by a test case that leaves its file's -wal in place.
var keepWAL bool

func TestRestoreRefusesWithoutChanging(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"random bytes", func(t *testing.T, path string) {
			b := make([]byte, 8192)
			rand.NewChaCha8([32]byte{2}).Read(b)
			writeFile(t, path, b)
		}, "file is not a database"},
		{"an empty file", func(t *testing.T, path string) { writeFile(t, path, nil) }, "file is not a database"},
		{"another program's database", func(t *testing.T, path string) {
			exec(t, rawDB(t, path), "CREATE TABLE foo(x)", "INSERT INTO foo VALUES (1)")
		}, "not a quietlegs database"},
		{"an empty SQLite database", func(t *testing.T, path string) {
			exec(t, rawDB(t, path), "PRAGMA user_version = 0", "VACUUM")
		}, "not a quietlegs database"},
		{"a damaged database", damagedDB, "damaged"},
		{"a newer schema", func(t *testing.T, path string) {
			quietlegsDB(t, path)
			db := rawDB(t, path)
			exec(t, db, "PRAGMA user_version = 9")
			db.Close()
		}, "newer than this quietlegs knows"},
		{"changes still in its -wal", func(t *testing.T, path string) {
			db := rawDB(t, path)
			db.SetMaxOpenConns(1)
			exec(t, db, "PRAGMA journal_mode=WAL", "CREATE TABLE foo(x)")
			keepWAL = true
		}, "-wal beside it"},
		{"a folder", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file"},
		{"missing", func(*testing.T, string) {}, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "backup.db")
			keepWAL = false
			tt.make(t, src)
			for _, suffix := range []string{"-wal", "-shm"} {
				if !keepWAL {
					os.Remove(src + suffix)
				}
			}
			checkRestoreRefused(t, src, tt.want, nil)
		})
	}
}

// checkRestoreRefused restores src over a database of 3 nights and checks
// it is refused, naming src and saying want, with nothing changed.
func checkRestoreRefused(t *testing.T, src, want string, during func(dbPath string)) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	if err := liveDB(t, path, 3).Close(); err != nil {
		t.Fatal(err)
	}
	before := hashFile(t, path)
	if during != nil {
		during(path)
	}
	entries := namesIn(t, dir)
	_, err := Restore(context.Background(), path, src)
	if err == nil {
		t.Fatal("Restore succeeded, want a refusal")
	}
	t.Log(err)
	if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("error %q, want it to say %q and that nothing was changed", err, want)
	}
	if !errors.Is(err, journal.ErrRunElsewhere) && !strings.Contains(err.Error(), src) {
		t.Errorf("error %q does not name %s", err, src)
	}
	if hashFile(t, path) != before {
		t.Error("the database changed")
	}
	if names := namesIn(t, dir); !slices.Equal(names, entries) {
		t.Errorf("files beside the database: %v, were %v", names, entries)
	}
}

// namesIn lists dir's files but the run lock, which other commands make
// as well.
func namesIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".run-lock") {
			names = append(names, e.Name())
		}
	}
	return names
}

func TestRestoreRefusesAFIFO(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	src := filepath.Join(t.TempDir(), "backup.db")
	release := fifotest.Make(t, src)
	fifotest.WithinDeadline(t, release, func() { checkRestoreRefused(t, src, "named pipe", nil) })
}

func TestRestoreRefusesWhileARoutineRuns(t *testing.T) {
	ctx := context.Background()
	other := filepath.Join(t.TempDir(), "o.db")
	bak := filepath.Join(t.TempDir(), "backup.db")
	if err := liveDB(t, other, 1).Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	checkRestoreRefused(t, bak, "a routine is running in another window", func(dbPath string) {
		// Another window's run: a Store of its own holding the lock.
		l, err := openTest(t, dbPath).LockRun()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Release() })
	})
}

func TestRestoreRefusesWhileTheDatabaseIsOpen(t *testing.T) {
	ctx := context.Background()
	other := filepath.Join(t.TempDir(), "o.db")
	bak := filepath.Join(t.TempDir(), "backup.db")
	if err := liveDB(t, other, 1).Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	s := liveDB(t, path, 3)
	if err := s.SaveEvening(ctx, night.Evening{Night: "2026-12-01"}); err != nil {
		t.Fatal(err)
	}
	_, err := Restore(ctx, path, bak)
	if err == nil || !strings.Contains(err.Error(), "has "+path+" open") {
		t.Fatalf("Restore = %v, want a refusal while the database is open", err)
	}
	if _, _, n, err := s.NightRange(ctx); err != nil || n != 4 {
		t.Errorf("the open database has %d nights (%v), want 4", n, err)
	}
	if names := backupNames(t, dir, "q.db.restore-"); len(names) != 0 {
		t.Errorf("backups left: %v", names)
	}
}

func TestRestoreOverADamagedDatabase(t *testing.T) {
	ctx := context.Background()
	other := filepath.Join(t.TempDir(), "o.db")
	bak := filepath.Join(t.TempDir(), "backup.db")
	if err := liveDB(t, other, 2).Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	damagedDB(t, path)
	damaged := hashFile(t, path)
	res, err := Restore(ctx, path, bak)
	if err != nil {
		t.Fatal(err)
	}
	if hashFile(t, res.Backup) != damaged {
		t.Error("the damaged database was not kept byte for byte")
	}
	openTest(t, path)
}

func TestRestoreRefusesToReplaceAForeignDatabase(t *testing.T) {
	ctx := context.Background()
	other := filepath.Join(t.TempDir(), "o.db")
	bak := filepath.Join(t.TempDir(), "backup.db")
	if err := liveDB(t, other, 1).Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "notes.db")
	exec(t, rawDB(t, path), "CREATE TABLE notes(x)")
	before := hashFile(t, path)
	if _, err := Restore(ctx, path, bak); err == nil || !strings.Contains(err.Error(), "not a quietlegs database") {
		t.Fatalf("Restore = %v, want a refusal", err)
	}
	if hashFile(t, path) != before {
		t.Error("the other program's database changed")
	}
}
