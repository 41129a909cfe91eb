package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
)

// OpenReadOnly reads what Open wrote and changes nothing: no file made
// where there was none, not a byte of the database written, writes refused.
func TestOpenReadOnlyNeverWrites(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "sub", "none.db")
	if _, err := OpenReadOnly(missing); !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("a missing file: %v, want ErrNoDatabase", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "sub")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("opening a missing file made its folder: %v", err)
	}

	path := filepath.Join(dir, "q.db")
	s := openTest(t, path)
	if _, err := s.Import(context.Background(), journaltest.Nights("2026-11-22", 30, 1), nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := ro.Nights(context.Background(), "2026-11-01", "2026-11-22")
	if err != nil || len(recs) == 0 {
		t.Fatalf("read %d nights: %v", len(recs), err)
	}
	sym := 3
	if err := ro.SaveEvening(context.Background(), night.Evening{Night: "2026-11-23", At: time.Now(), Symptoms: &sym}); err == nil {
		t.Error("a read-only store saved an evening log")
	}
	ro.Close()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("reading the database read-only changed the file")
	}
}

// Another program's file, and one at an older schema, are refused with
// what to do; Open's upgrade is not done behind the person's back.
func TestOpenReadOnlyRefuses(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	exec(t, rawDB(t, other), "CREATE TABLE t(x)")
	if _, err := OpenReadOnly(other); err == nil {
		t.Error("another program's database was opened")
	}
	old := filepath.Join(dir, "old.db")
	fixture, err := os.ReadFile(filepath.Join("testdata", "schema-v1.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, fixture, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenReadOnly(old); err == nil || !bytes.Contains([]byte(err.Error()), []byte("run quietlegs once")) {
		t.Errorf("a schema-v1 database: %v, want to be told to run quietlegs once", err)
	}
}
