//go:build unix

package routine

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/assets"
)

// withinDeadline runs fn in a goroutine and fails the test if it has not
// returned well before the test's own deadline, so a regression that
// blocks on a FIFO fails instead of hanging; release then unblocks fn.
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
		release()
		t.Fatalf("still blocked after %v", limit)
	}
}

// mkfifo makes a named pipe at path and returns what opens its writing end
// without blocking, releasing a reader stuck on it.
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

func TestLoadFileRefusesAFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "calm.toml")
	release := mkfifo(t, path)
	var err error
	withinDeadline(t, release, func() { _, err = LoadFile(path) })
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("LoadFile error = %v, want a *FileError naming %s and saying it is not a regular file", err, path)
	}
}

func TestLoadLibraryWarnsOfAFIFO(t *testing.T) {
	dir := t.TempDir()
	release := mkfifo(t, filepath.Join(dir, "calm.toml"))
	if err := os.WriteFile(filepath.Join(dir, "mine.toml"), routineFile("Mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	var lib *Library
	var err error
	withinDeadline(t, release, func() { lib, err = LoadLibrary(assets.RoutineFS(), dir) })
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Find("mine"); !ok {
		t.Error("the regular file beside the FIFO was not loaded")
	}
	if len(lib.Problems) != 1 || !strings.Contains(lib.Problems[0].Error(), filepath.Join(dir, "calm.toml")+": is a named pipe (FIFO)") {
		t.Errorf("problems %v, want one naming calm.toml as a named pipe", lib.Problems)
	}
}

func TestLoadFileTooLargeShowsItsSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.toml")
	if err := os.WriteFile(path, make([]byte, maxFileSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFile(path)
	if want := path + ": file is too large (256.1 KiB; at most 256 KiB)"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	_, err = Parse("big.toml", make([]byte, 300<<10))
	if want := "big.toml: file is too large (300 KiB; at most 256 KiB)"; err == nil || err.Error() != want {
		t.Errorf("Parse error %v, want %q", err, want)
	}
}
