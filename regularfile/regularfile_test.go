//go:build unix

package regularfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// WithinDeadline runs fn in a goroutine and fails the test if it has not
// returned well before the test's own deadline (or after a minute without
// one). A FIFO that blocks a regressed fix fails the test, not hangs it;
// release, when set, is called then to unblock fn.
func withinDeadline(t *testing.T, release func(), fn func()) {
	t.Helper()
	limit := time.Minute
	if d, ok := t.Deadline(); ok {
		limit = min(limit, time.Until(d)/2)
	}
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
		if release != nil {
			release()
		}
		t.Fatalf("still blocked after %v", limit)
	}
}

// mkfifo makes a named pipe at path and returns a function that opens its
// writing end without blocking, to release a reader stuck on it.
func mkfifo(t *testing.T, path string) func() {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	return func() {
		if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	}
}

func TestReadRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "calm.toml")
	release := mkfifo(t, fifo)
	regular := filepath.Join(dir, "ok.toml")
	if err := os.WriteFile(regular, []byte("title = \"x\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, make([]byte, 300<<10+1), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		max        int64
		want       string // in the error; "" for success
		wantErr    any
	}{
		{"regular", regular, 100, "", nil},
		{"regular, no ceiling", big, 0, "", nil},
		{"fifo", fifo, 0, "is a named pipe (FIFO), not a regular file", new(*NotRegularError)},
		{"device", os.DevNull, 0, "is a character device, not a regular file", new(*NotRegularError)},
		{"folder", dir, 0, "is a folder, not a regular file", new(*NotRegularError)},
		{"too large", big, 256 << 10, "is too large (300.1 KiB; at most 256 KiB)", new(*TooLargeError)},
		{"missing", filepath.Join(dir, "none"), 0, "no such file", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			withinDeadline(t, release, func() { _, err = Read(tt.path, tt.max) })
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
				t.Fatalf("error %v, want it to name %s and say %q", err, tt.path, tt.want)
			}
			if tt.wantErr != nil && !errors.As(err, tt.wantErr) {
				t.Errorf("error %T, want %T", err, tt.wantErr)
			}
			if tt.name == "missing" && !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("error %v does not wrap fs.ErrNotExist", err)
			}
		})
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 bytes", 1023: "1023 bytes", 1024: "1 KiB", 256<<10 + 1: "256.1 KiB",
		300 << 10: "300 KiB", 5 << 20: "5 MiB", 256<<20 + 1: "256.1 MiB",
	} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
