//go:build unix

package night

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLoadSettingsRefusesAFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	limit := time.Minute
	if d, ok := t.Deadline(); ok {
		limit = min(limit, time.Until(d)/2)
	}
	done := make(chan error, 1)
	go func() { _, err := LoadSettings([]byte(defaults), path); done <- err }()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("error %v, want it to name %s and say it is not a regular file", err, path)
		}
	case <-timer.C:
		// Open the writing end, releasing the stuck reader.
		if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		t.Fatalf("LoadSettings still blocked on a FIFO after %v", limit)
	}
}
