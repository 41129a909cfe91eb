//go:build unix

package regularfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quietlegs/quietlegs/regularfile/fifotest"
)

func TestReadRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "calm.toml")
	release := fifotest.Make(t, fifo)
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
			fifotest.WithinDeadline(t, release, func() { _, err = Read(tt.path, tt.max) })
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
