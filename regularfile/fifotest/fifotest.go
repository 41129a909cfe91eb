//go:build unix

// Package fifotest helps tests prove that a reader refuses a FIFO rather
// than blocking on it: it makes the FIFO, and runs the read under a
// deadline, so a regression fails the test instead of hanging it.
package fifotest

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// Make makes a named pipe at path (skipping the test where that is not
// allowed) and returns a function that opens its writing end without
// blocking, to release a reader stuck on it.
func Make(t *testing.T, path string) (release func()) {
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

// WithinDeadline runs fn in a goroutine and fails the test if it has not
// returned well before the test's own deadline (or after a minute without
// one); release, when set, is called then to unblock fn.
func WithinDeadline(t *testing.T, release func(), fn func()) {
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
