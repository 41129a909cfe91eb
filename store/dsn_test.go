package store

import (
	"path/filepath"
	"testing"
)

func TestDSNEscapesPath(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/a/b.db", "file:///a/b.db?x=1"},
		{"/a b/c?d#e%f.db", "file:///a%20b/c%3Fd%23e%25f.db?x=1"},
		{"rel/q.db", "file:rel/q.db?x=1"},
		{"//odd/q.db", "file:////odd/q.db?x=1"},
	}
	for _, tt := range tests {
		if got := dsn(tt.path, "x=1"); got != tt.want {
			t.Errorf("dsn(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestOpenWithCacheKiB(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		want int
	}{
		{"SQLite's default", nil, -2000},
		{"held to 256 KiB", []Option{WithCacheKiB(256)}, -256},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(filepath.Join(t.TempDir(), "q.db"), tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var got int
			if err := s.db.QueryRow("PRAGMA cache_size").Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("cache_size = %d, want %d", got, tt.want)
			}
		})
	}
}
