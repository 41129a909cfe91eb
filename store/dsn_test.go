package store

import "testing"

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
