package store

import (
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
