package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// damagedDB makes a closed quietlegs database of many pages at path and
// writes garbage over page 6 (byte 20480), so that quick_check reports it
// malformed.
func damagedDB(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(context.Background(), genNights(t, "2020-01-01", 200, 9, berlin(t)), nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := f.Stat(); fi.Size() < 8*4096 {
		t.Fatalf("database is only %d bytes; want more than 8 pages", fi.Size())
	}
	if _, err := f.WriteAt([]byte(strings.Repeat("\xde\xad\xbe\xef garbage ", 100)), 20480); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	// Make sure the damage is the kind quick_check finds.
	db, err := sql.Open("sqlite", dsn(path, "mode=ro"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&res); err == nil && res == "ok" {
		t.Fatal("quick_check finds nothing wrong with the damaged file")
	}
}

func TestOpenRefusesDamagedAndEmptyFiles(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want []string // in the error, besides the path
	}{
		{"a damaged page", damagedDB, []string{"damaged", "restore a backup"}},
		{"zero bytes", func(t *testing.T, path string) { writeFile(t, path, nil) },
			[]string{"is empty", "remove it", "--db"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "q.db")
			tt.make(t, path)
			for _, suffix := range []string{"-wal", "-shm"} {
				os.Remove(path + suffix)
			}
			before := hashFile(t, path)
			s, err := Open(path)
			if err == nil {
				// The write a damaged file must never get.
				_, werr := s.StartRun(context.Background(), testNewSession(time.Now()))
				s.Close()
				t.Fatalf("Open succeeded (and a write returned %v), want a refusal", werr)
			}
			msg := err.Error()
			t.Log(msg)
			if !strings.Contains(msg, path) {
				t.Errorf("error %q does not name %s", msg, path)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not say %q", msg, w)
				}
			}
			if after := hashFile(t, path); after != before {
				t.Error("Open changed the file it refused")
			}
			for _, suffix := range []string{"-wal", "-shm"} {
				if _, err := os.Lstat(path + suffix); err == nil {
					t.Errorf("Open left %s beside the file it refused", filepath.Base(path+suffix))
				}
			}
		})
	}
}
