package cli

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/store"
)

// BenchmarkStatus is quietlegs status over ten years of nights, as the
// command runs it: the settings, a read-only open, two nights, the line.
// It leaves out only starting the process (bench/status.sh times that too).
func BenchmarkStatus(b *testing.B) {
	path := filepath.Join(b.TempDir(), "q.db")
	s, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Import(context.Background(), journaltest.Nights(benchLastNight, 3650, 1), nil); err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.Setenv("XDG_CONFIG_HOME", b.TempDir())
	for b.Loop() {
		cmd, _ := newRootCmd(io.Discard, io.Discard)
		cmd.SetArgs([]string{"status", "--db", path})
		if err := cmd.Execute(); err != nil {
			b.Fatal(err)
		}
	}
}
