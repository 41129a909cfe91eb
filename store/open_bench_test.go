package store

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkOpenFresh opens a database that does not exist yet: the first run.
func BenchmarkOpenFresh(b *testing.B) {
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		s, err := Open(filepath.Join(dir, "db", strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkOpenExisting opens an up-to-date database: every later run.
func BenchmarkOpenExisting(b *testing.B) {
	path := filepath.Join(b.TempDir(), "q.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkQuickCheck10Years is the check Open makes of an existing file
// before its first write, on ten years of nights.
func BenchmarkQuickCheck10Years(b *testing.B) {
	path := filepath.Join(b.TempDir(), "q.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Import(context.Background(), genNights(b, "2016-11-01", 3650, 9, berlin(b)), nil); err != nil {
		b.Fatal(err)
	}
	s.Close()
	if fi, err := os.Stat(path); err == nil {
		b.Logf("database of 3650 nights: %d KiB", fi.Size()>>10)
	}
	for b.Loop() {
		if _, err := checkOwner(path, 0); err != nil {
			b.Fatal(err)
		}
	}
}
